#!/usr/bin/env node
// Runs Yoast's own analyser — the npm package `yoastseo` 3.6.0 — headless in Node, with the French
// researcher, over a list of articles, and prints one JSON document with every assessment's
// identifier, score and rating, the measurements behind them, and timings.
//
// Usage:
//   node run.mjs [--input FILE|-] [--output FILE|-] [--repeat N] [--warmup N] [--memo-repeat N]
//                [--no-measures]
//
// Input: a JSON list of articles
//   {id, html, keyphrase, synonyms, title, description, slug, locale ("fr_FR"), permalink?, titleWidth?}
// where `html` holds the text as <p>, <h2>/<h3>, <ul><li>, <blockquote>, <a>, <img>.
//
// How yoastseo is driven (what the WordPress plugin's analysis web worker does for one run, minus
// the worker): a `Paper` per article, the French `Researcher`, then `SeoAssessor.assess(paper)`
// and `ContentAssessor.assess(paper)`. The two assessors are the default (non-cornerstone,
// post/page) ones of 3.6.0: 17 SEO assessments, 7 readability assessments. Yoast 3.6.0 has no Flesch
// *assessment* any more (the score is an "insight"), so the Flesch research is reported as a measure.
//
// Browser-only piece: the SEO title width. In the plugin the browser measures the title in pixels
// (helpers/createMeasurementElement.js: a hidden <div>, Arial 20 px, offsetWidth) and puts it in the
// Paper as `titleWidth`. Node has no layout engine, so the caller passes `titleWidth` (the bench
// passes the width plume computed); with none, Yoast sees 0 and reports "no title". Either way
// the `titleWidth` verdict compares thresholds only, never the measuring.
//
// Timing. yoastseo memoises text-keyed work across runs (lodash `memoize` on the sentence
// tokenizer and on html `getBlocks`), which is right for an editor re-analysing the same post on
// each keystroke but would time a cache hit, not an analysis. So:
//   - first_ms: the first analysis of each article in this process (first pass over all articles;
//     the very first also pays for JIT warm-up and lazy data loading, reported as process_first_ms);
//   - warm_ms: median of --repeat runs after --warmup runs, clearing the text-keyed memo caches
//     before each run (process warm, article unseen: the fair "time per article");
//   - warm_memo_ms: median of --memo-repeat runs with the caches kept (editor re-analysis case).
// Language-data caches (word regexes, syllable fragments, stems of the keyphrase) are kept: they
// are "process warm", exactly like plume's functools caches.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { input: "-", output: "-", repeat: 5, warmup: 1, memoRepeat: 3, measures: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--input") args.input = argv[++i];
    else if (a === "--output") args.output = argv[++i];
    else if (a === "--repeat") args.repeat = Number(argv[++i]);
    else if (a === "--warmup") args.warmup = Number(argv[++i]);
    else if (a === "--memo-repeat") args.memoRepeat = Number(argv[++i]);
    else if (a === "--no-measures") args.measures = false;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(
        "node run.mjs [--input FILE|-] [--output FILE|-] [--repeat N] [--warmup N] [--memo-repeat N] [--no-measures]\n",
      );
      process.exit(0);
    } else {
      process.stderr.write(`run.mjs: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!(args.repeat >= 1) || !(args.warmup >= 0) || !(args.memoRepeat >= 0)) {
    process.stderr.write("run.mjs: --repeat must be >= 1, --warmup and --memo-repeat >= 0\n");
    process.exit(2);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));

const tLoad0 = performance.now();
const yoast = require("yoastseo");
const FrenchResearcher =
  require("yoastseo/build/languageProcessing/languages/fr/Researcher.js").default;
const memoizedTokenizer =
  require("yoastseo/build/languageProcessing/helpers/sentence/memoizedSentenceTokenizer.js").default;
const htmlHelpers = require("yoastseo/build/languageProcessing/helpers/html/html.js");
const loadMs = performance.now() - tLoad0;
const yoastVersion = require("yoastseo/package.json").version;

const { Paper, SeoAssessor, ContentAssessor } = yoast;
const scoreToRating = yoast.interpreters.scoreToRating;

/** Forget text-keyed memoised results so that a repeat is a real analysis, not a cache hit. */
function clearTextCaches() {
  memoizedTokenizer.cache.clear();
  htmlHelpers.getBlocks.cache.clear();
}

function makePaper(a) {
  return new Paper(a.html, {
    keyword: a.keyphrase || "",
    synonyms: (a.synonyms || []).join(", "),
    title: a.title || "",
    description: a.description || "",
    slug: a.slug || "",
    permalink: a.permalink || "",
    titleWidth: a.titleWidth || 0,
    locale: a.locale || "fr_FR",
  });
}

/** One full analysis as the plugin does it: both assessors on a fresh Paper and Researcher. */
function analyse(a) {
  const paper = makePaper(a);
  const researcher = new FrenchResearcher(paper);
  const seo = new SeoAssessor(researcher);
  seo.assess(paper);
  const content = new ContentAssessor(researcher);
  content.assess(paper);
  return { paper, researcher, seo, content };
}

const stripTags = (s) => String(s || "").replace(/<[^>]+>/g, "");

function results(assessor, group) {
  const applicable = new Set(assessor.results.map((r) => r._identifier));
  const out = assessor.results.map((r) => ({
    id: r._identifier,
    assessor: group,
    score: r.getScore(),
    // scoreToRating: -1 "error", 0 "feedback" (no verdict), <=4 bad, <=7 ok, >7 good.
    rating: scoreToRating(r.getScore()),
    text: stripTags(r.getText()),
  }));
  for (const a of assessor.getAvailableAssessments()) {
    if (!applicable.has(a.identifier)) {
      out.push({ id: a.identifier, assessor: group, score: null, rating: "not_applicable", text: "" });
    }
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 3) => (x === null || x === undefined ? x : Number(x.toFixed(d)));

/** The numbers behind the verdicts, in plain JSON (Yoast's research objects hold trees and marks). */
function measures(researcher) {
  const get = (name) => {
    try {
      return researcher.getResearch(name);
    } catch (e) {
      return { error: String(e) };
    }
  };
  const m = {};
  m.wordCount = get("wordCountInText").count;
  const density = get("getKeyphraseDensity");
  m.keyphraseDensity = round(density.density, 3);
  const count = get("getKeyphraseCount");
  m.keyphraseCount = count.count;
  m.keyphraseLengthWords = get("keyphraseLength").keyphraseLength;
  const intro = get("findKeywordInFirstParagraph");
  m.introduction = { foundInOneSentence: intro.foundInOneSentence, foundInParagraph: intro.foundInParagraph };
  m.seoTitle = get("findKeyphraseInSEOTitle");
  m.metaDescriptionKeywordCount = get("metaDescriptionKeyword");
  m.metaDescriptionLength = get("metaDescriptionLength");
  m.slug = get("keywordCountInSlug");
  const sub = get("matchKeywordInSubheadings");
  m.subheadingsKeyword = { count: sub.count, matches: sub.matches, percentReflectingTopic: sub.percentReflectingTopic };
  m.links = get("getLinkStatistics");
  m.imageCount = get("imageCount");
  m.altTags = get("altTagCount");
  m.h1Count = get("h1s").length;
  m.flesch = get("getFleschReadingScore");
  const sentences = get("countSentencesFromText");
  m.sentenceCount = sentences.length;
  m.sentencesOver20 = sentences.filter((s) => s.sentenceLength > 20).length;
  m.sentenceLengths = sentences.map((s) => s.sentenceLength);
  m.paragraphLengths = get("getParagraphLength").map((p) => p.paragraphLength);
  m.subheadingTextLengths = get("getSubheadingTextLengths").map((s) => s.countLength);
  const passive = get("getPassiveVoiceResult");
  m.passive = { total: passive.total, passives: passive.passives.length, sentences: passive.passives };
  const tw = get("findTransitionWords");
  m.transitions = { totalSentences: tw.totalSentences, transitionWordSentences: tw.transitionWordSentences };
  // Runs of 3+ consecutive sentences starting with the same word (what sentenceBeginnings flags).
  m.sentenceBeginnings = get("getSentenceBeginnings")
    .filter((b) => b.count >= 3)
    .map((b) => ({ word: b.word, count: b.count }));
  return m;
}

function readInput(path) {
  const raw = path === "-" ? readFileSync(0, "utf8") : readFileSync(path, "utf8");
  const list = JSON.parse(raw);
  if (!Array.isArray(list)) throw new Error("input must be a JSON list of articles");
  for (const a of list) {
    if (typeof a.id !== "string" || typeof a.html !== "string") {
      throw new Error("every article needs a string `id` and a string `html`");
    }
  }
  return list;
}

let articles;
try {
  articles = readInput(args.input);
} catch (e) {
  process.stderr.write(`run.mjs: ${e.message}\n`);
  process.exit(2);
}
const out = {
  tool: "yoastseo",
  yoastseo_version: yoastVersion,
  node_version: process.version,
  researcher: "fr",
  load_ms: round(loadMs),
  repeat: args.repeat,
  warmup: args.warmup,
  memo_repeat: args.memoRepeat,
  process_first_ms: null,
  articles: [],
};

// Pass 1: first analysis of each article (cold for the first one, then JIT-warming).
const first = new Map();
for (const a of articles) {
  clearTextCaches();
  const t0 = performance.now();
  const run = analyse(a);
  const ms = performance.now() - t0;
  if (out.process_first_ms === null) out.process_first_ms = round(ms);
  first.set(a.id, { ms, run });
}

// Pass 2: warm timings per article.
for (const a of articles) {
  for (let i = 0; i < args.warmup; i++) {
    clearTextCaches();
    analyse(a);
  }
  const warm = [];
  for (let i = 0; i < args.repeat; i++) {
    clearTextCaches();
    const t0 = performance.now();
    analyse(a);
    warm.push(performance.now() - t0);
  }
  const memo = [];
  for (let i = 0; i < args.memoRepeat; i++) {
    const t0 = performance.now();
    analyse(a);
    memo.push(performance.now() - t0);
  }
  const { ms, run } = first.get(a.id);
  out.articles.push({
    id: a.id,
    first_ms: round(ms),
    warm_ms: round(median(warm)),
    warm_ms_runs: warm.map((x) => round(x)),
    warm_memo_ms: memo.length ? round(median(memo)) : null,
    seo_score: run.seo.calculateOverallScore(),
    readability_score: run.content.calculateOverallScore(),
    assessments: [...results(run.seo, "seo"), ...results(run.content, "readability")],
    measures: args.measures ? measures(run.researcher) : null,
  });
}

const json = JSON.stringify(out, null, 1);
if (args.output === "-") process.stdout.write(json + "\n");
else writeFileSync(args.output, json + "\n");
