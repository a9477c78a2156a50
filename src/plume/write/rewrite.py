"""Rewrite mode (issue 4): plan → write → verify → repair, from one or several sources.

Faithful mode keeps the author's sentences; rewrite mode has a language model write a new French
article from the sources, then holds it to hard constraints no chatbot gives:

1. **plan** — an outline (title, SEO title, meta description, sections and the source passages
   each covers) asked as JSON against a schema (:func:`plume.backends.structured.chat_json`:
   structured output where the backend has it, tolerant parsing and one re-ask otherwise). A
   plan that is malformed, cites no passage or has fewer than 3 sections is replaced by the
   faithful planner's (TextTiling sections, noun-phrase headings, the author's sentences for
   the description), so a weak model still gets a sound structure;
2. **write** — the lead, then each section from its passages only, at the length the word
   target needs (≤ 300 words a section, Yoast's subheading distribution);
3. **verify** — the analyser (the hard SEO checks in :data:`HARD_CHECKS`) and the guards of
   :mod:`plume.verify.guards` (French everywhere, word target, no filler, no leftovers,
   originality, facts supported by a source);
4. **repair** — each failure becomes a targeted prompt built from its hint; only the failing
   field or section is regenerated, for at most ``max_rounds`` rounds. Unsupported facts that
   survive are removed with their sentence, and the report says which and why;
5. the outcome says ``passed`` only when every hard constraint holds — every part of the plan
   written, and at least Yoast's 250 words when no target is given.

A *base* model (no chat template: the embedded Gemma 3 270M) follows no instruction, so it is
not asked for the plan, the lead or the sections in chat turns: each passage is rewritten by
few-shot completion and each answer is vetted at once — sentences with a fact no source holds,
or saying what their passage does not (:mod:`plume.verify.grounding`), are dropped and reported,
and an answer that copies its passage gets a second sample (:meth:`_Writer._paraphrase`).

A backend that fails for good (its own retries spent on timeouts, 429/5xx or dropped
connections) ends the generation where it is: the plan falls back to the faithful planner's,
and a failed part stops the run with the draft written so far, reported as failing with the
part and the error (:meth:`_Writer._chat`), never an exception that would lose the report.

The sources are data, never instructions: they travel inside ``<source>`` tags in user
messages, and the system message says so (see ``lang/fr/data/rewrite_prompts.toml``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.analyse.pixels import SERP_TITLE_MAX_PX, text_width
from plume.article import Article, ArticleKind, Section, article_document
from plume.backends.base import Backend, Completion, Message, Usage, count_tokens_estimate
from plume.backends.structured import chat_json
from plume.document import Block, BlockKind, Document, Source
from plume.errors import BackendError
from plume.lang.fr import rewrite_prompts
from plume.optimisation import Repair, RewriteOutcome, UsageSummary
from plume.report import Rating, Report
from plume.settings import Settings
from plume.text import count_words, orphan_quotes, sentences
from plume.verify.facts import FactCheck, check_facts
from plume.verify.grounding import content_stems, grounded_share
from plume.verify.guards import (
    GuardReport,
    check_article_facts,
    copied_share,
    run_guards,
    source_ngrams,
    source_quotations,
)
from plume.write.headings import deterministic_heading
from plume.write.sections import plan_sections, split_long_paragraph
from plume.write.slug import make_slug
from plume.write.structure import build_article

__all__ = [
    "HARD_CHECKS",
    "Passage",
    "Plan",
    "PlanSection",
    "Repair",
    "RewriteOutcome",
    "RewriteResult",
    "hard_check_fails",
    "passages_of",
    "rewrite_article",
]

#: The analyser's checks that are hard constraints in rewrite mode (issue 4: "structure,
#: keyphrase placement, meta lengths"), each with the field a repair regenerates.
HARD_CHECKS: dict[str, str] = {
    "SEO-META-LENGTH": "meta_description",
    "SEO-KP-META": "meta_description",
    "SEO-TITLE-WIDTH": "seo_title",
    "SEO-KP-TITLE": "seo_title",
    "SEO-KP-INTRO": "intro",
    "RD-SUBHEADINGS": "article",
    # Only when red (under 250 words, Yoast's TextLengthAssessment): with no word target given,
    # this is the floor of an SEO article — before it, a 72-word rewrite of a 329-word page
    # passed. Orange (250–299) is a warning, as in Yoast.
    "SEO-TEXT-LENGTH": "article",
}
#: Hard checks that fail only when red; the others fail on orange too.
RED_ONLY = frozenset({"SEO-TEXT-LENGTH"})


def hard_check_fails(code: str, rating: Rating) -> bool:
    """Whether the analyser's check ``code`` rated ``rating`` fails the article."""
    return code in HARD_CHECKS and (
        rating == Rating.BAD or (rating == Rating.OK and code not in RED_ONLY)
    )


#: Yoast's subheading distribution: no section over 300 words. Sections are asked for at most
#: this many, leaving a margin for the model's overshoot.
MAX_SECTION_WORDS = 260
#: Words asked for the lead: Yoast reads the keyphrase in the first paragraph; a news lead runs
#: 40–80 words (a margin above the minimum is added to the target for the rest).
INTRO_WORDS = 60
#: The target is asked with this margin: models undershoot word counts (measured on the loopback
#: fixtures and documented as a general tendency of LLMs with length instructions).
TARGET_MARGIN = 1.15
#: French prose costs ≈ 1.6 tokens a word (3.5 characters a token, see
#: ``plume.backends.base.FRENCH_CHARS_PER_TOKEN``); completions get twice that, then a floor.
TOKENS_PER_WORD = 1.6
#: Share of the context window the sources may fill in one prompt (the rest: instructions and
#: the answer). Long sources are cut to fit: for the plan each passage shrinks to its first
#: sentences, for a section its passages are truncated.
SOURCE_SHARE = 0.5
#: Tokens for the JSON plan (≈ 8 sections with passages); a third of the window at most.
PLAN_MAX_TOKENS = 900
MIN_SECTIONS, MAX_SECTIONS = 3, 8
#: Samples a base model gets per passage (:meth:`_Writer._paraphrase`): a second one only when
#: the first lost half its words to unsupported facts or copies more than the originality
#: ceiling. Two, because each costs the passage's tokens again (issue 4's budget: generated
#: tokens ≤ 1.5 × the article's).
PARAPHRASE_SAMPLES = 2
#: Share of a base model's sentence's content words that must come from the passage it
#: rewrites (:func:`plume.verify.grounding.grounded_share`). Calibrated on 45 sentences the
#: embedded 270M wrote from 21 passages of 5 corpus pages: every statement read as made up
#: scored ≤ 0.67, the faithful ones ≥ 0.77; human paraphrases (the few-shot examples) score
#: 0.5–1.0, so a real rewrite can fall below — a base model's answer is held to the stricter
#: bar because a dropped sentence costs words, a kept invention costs the reader's trust.
GROUNDED_MIN = 0.75


# --------------------------------------------------------------------------------------------
# Sources


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of a source (long ones split at sentence boundaries), numbered from 1."""

    id: int
    source: int
    text: str


def passages_of(sources: Sequence[Document]) -> list[Passage]:
    """The passages of the cleaned sources, in order, headings left out."""
    out: list[Passage] = []
    for k, doc in enumerate(sources):
        for b in doc.blocks:
            if b.is_heading:
                continue
            for piece in split_long_paragraph(b.text):
                out.append(Passage(len(out) + 1, k, piece))
    return out


def _fit(passages: Sequence[Passage], budget_tokens: int, *, summary: bool) -> str:
    """The passages as prompt text within ``budget_tokens``: whole when they fit; otherwise each
    shrunk alike (to its first sentences for a plan, its first words for a section)."""

    def render(texts: Sequence[tuple[Passage, str]]) -> str:
        by_source: dict[int, list[str]] = {}
        for p, t in texts:
            by_source.setdefault(p.source, []).append(f"[P{p.id}] {t}")
        return "\n\n".join(
            f'<source id="{k + 1}">\n' + "\n".join(lines) + "\n</source>"
            for k, lines in by_source.items()
        )

    whole = render([(p, p.text) for p in passages])
    if count_tokens_estimate(whole) <= budget_tokens:
        return whole
    words = max(12, int(budget_tokens / TOKENS_PER_WORD / max(1, len(passages))))
    cut: list[tuple[Passage, str]] = []
    for p in passages:
        if summary:
            first = " ".join(s.text for s in sentences(p.text)[:2])
            t = " ".join(first.split()[:words])
        else:
            t = " ".join(p.text.split()[:words])
        cut.append((p, t))
    return render(cut)


def _whole_sentences(text: str) -> str:
    """``text`` up to its last complete sentence (all of it when none ends)."""
    ends = [m.end() for m in re.finditer(r"[.!?…»](?=\s|$)", text)]
    return text[: ends[-1]].strip() if ends else text


# --------------------------------------------------------------------------------------------
# Plan


class PlanSection(BaseModel):
    heading: str = Field(min_length=3, max_length=120)
    passages: list[int] = Field(default_factory=list)


class Plan(BaseModel):
    title: str = Field(min_length=3, max_length=200)
    seo_title: str = Field(min_length=3, max_length=200)
    meta_description: str = Field(min_length=20, max_length=400)
    sections: list[PlanSection] = Field(min_length=1, max_length=20)


def _plan_schema() -> dict[str, Any]:
    """The plan's JSON schema as the model is asked for it: no other key, at least
    :data:`MIN_SECTIONS` sections of at most :data:`MAX_SECTIONS`, each citing a passage.

    It is also the grammar llama.cpp samples the local model's plan with: without
    ``additionalProperties: false`` the grammar lets a small model loop on a key of its own
    until the token limit (measured with Gemma 270M on the corpus: an endless ``"source"`` key
    at every attempt, 682 tokens each), and the bounds are what make the JSON end. Validation
    stays looser — extra keys ignored, any number of sections — so that a remote model's
    near-miss is judged by :func:`_plan_problem`, which says why a plan is not used."""
    schema = Plan.model_json_schema()
    schema["additionalProperties"] = False
    schema["properties"]["sections"].update(minItems=MIN_SECTIONS, maxItems=MAX_SECTIONS)
    section = schema["$defs"]["PlanSection"]
    section["additionalProperties"] = False
    section["required"] = ["heading", "passages"]
    # At most 40 passages a section in what the model may write (a bound for the grammar);
    # the deterministic fallback may give more (a 45-paragraph live blog), so not validated.
    section["properties"]["passages"].update(minItems=1, maxItems=40)
    return schema


def _plan_problem(plan: Plan, passages: Sequence[Passage]) -> str | None:
    ids = {p.id for p in passages}
    if not MIN_SECTIONS <= len(plan.sections) <= MAX_SECTIONS:
        return f"{len(plan.sections)} sections"
    if any(not s.passages or not set(s.passages) <= ids for s in plan.sections):
        return "passages inconnus ou absents"
    return None


def _deterministic_plan(
    sources: Sequence[Document], passages: Sequence[Passage], keyphrase: str, published: datetime
) -> Plan:
    """The faithful planner's outline over the merged sources: sections cut at topic shifts,
    noun-phrase headings, the author's sentences for the description."""
    blocks = tuple(Block(BlockKind.PARAGRAPH, p.text) for p in passages)
    merged = Document(blocks=blocks, source=sources[0].source)  # callers pass ≥ 1 source
    faithful = build_article(merged, keyphrase=keyphrase, published=published)
    by_text = {p.text: p.id for p in passages}
    plan_sections_: list[PlanSection] = []
    for s in faithful.sections:
        ids = [by_text[t] for t in s.paragraphs if t in by_text]
        if ids:
            plan_sections_.append(PlanSection(heading=s.heading, passages=ids))
    intro_ids = [by_text[t] for t in faithful.intro if t in by_text]
    if plan_sections_ and intro_ids:
        first = plan_sections_[0]
        plan_sections_[0] = PlanSection(heading=first.heading, passages=intro_ids + first.passages)
    if len(plan_sections_) < MIN_SECTIONS:
        # Too few sections from the faithful structure: the topic-shift planner's groups
        # (≤ 300 words each) over all passages, split further up to MIN_SECTIONS — the floor
        # a model's plan is held to, which this fallback did not meet (the 500-word example
        # article gave two groups). Each group gets the faithful planner's noun-phrase
        # heading for its own passages.
        groups = plan_sections([p.text for p in passages]) or [list(range(len(passages)))]
        groups = _split_groups(groups, [count_words(p.text) for p in passages], MIN_SECTIONS)
        used = [faithful.title]
        plan_sections_ = []
        for i, g in enumerate(groups):
            heading = deterministic_heading(
                [passages[j].text for j in g], used, prefer=keyphrase if i % 2 == 0 else None
            )
            heading = heading or f"{keyphrase[:1].upper()}{keyphrase[1:]} ({i + 1})"
            used.append(heading)
            plan_sections_.append(
                PlanSection(heading=heading, passages=[passages[j].id for j in g])
            )
    return Plan(
        title=faithful.title,
        seo_title=faithful.seo_title,
        meta_description=faithful.meta_description or faithful.title,
        sections=plan_sections_,
    )


def _split_groups(groups: list[list[int]], sizes: Sequence[int], n: int) -> list[list[int]]:
    """``groups`` of consecutive passage indices cut until there are ``n`` (when there are
    enough passages): the group with the most words is cut where its words are halved."""
    groups = [list(g) for g in groups]
    while len(groups) < n:
        splittable = [k for k, g in enumerate(groups) if len(g) > 1]
        if not splittable:
            break
        k = max(splittable, key=lambda k: sum(sizes[j] for j in groups[k]))
        g = groups[k]
        half = sum(sizes[j] for j in g) / 2
        run, cut = 0, 1
        for pos, j in enumerate(g[:-1], start=1):
            run += sizes[j]
            cut = pos
            if run >= half:
                break
        groups[k : k + 1] = [g[:cut], g[cut:]]
    return groups


# --------------------------------------------------------------------------------------------
# Outcome


@dataclass
class RewriteResult:
    article: Article
    outcome: RewriteOutcome
    after: Report
    guards: GuardReport
    facts: FactCheck


# --------------------------------------------------------------------------------------------
# The writer


@dataclass
class _Writer:
    backend: Backend
    settings: Settings
    sources: list[Document]
    passages: list[Passage]
    keyphrase: str
    synonyms: tuple[str, ...]
    usage: Usage
    seed: int
    calls: int = 0
    completions: list[Completion] = field(default_factory=list)
    #: Whether the backend follows instructions in chat turns; a base model (the embedded
    #: Gemma 270M) gets few-shot completions instead (:meth:`_paraphrase`).
    instruct: bool = True
    #: What :meth:`_paraphrase` vets each answer with: named entities checked too, and the
    #: originality ceiling.
    check_entities: bool = True
    ceiling: float = 0.20
    #: Sentences a base model's answers lost at once (a fact in no source, or too little of
    #: the sentence in its passage), one report line each.
    removed: list[str] = field(default_factory=list)
    #: The sentences each part holds (folded), so that a repeat of another part's sentence
    #: is dropped; a part's own are forgotten when it is written again (a repair's new sample
    #: may say the same thing again, and the old text it replaces is gone).
    _seen: dict[str, set[str]] = field(default_factory=dict)
    #: The passage a base model's lead was written from (left out of the first section).
    lead: int | None = None
    #: The first part whose call failed for good (the backend's own retries spent: timeouts,
    #: 429/5xx, dropped connections) and the error. No call is made after it: the endpoint
    #: that just failed would most likely fail the next part the same way, after the same
    #: waits (with the defaults, 5 attempts × 60 s a part), so the run ends with the draft it
    #: has, marked failing, and the report names the part and the error.
    failure: tuple[str, BackendError] | None = None

    def budget(self, answer_tokens: int, *, template: str = "") -> int:
        """Tokens the sources may take in one prompt: the context window less the answer, the
        instructions and a margin for the chat template and the estimate's error — and at
        most :data:`SOURCE_SHARE` of the window."""
        n_ctx = self.settings.backend.n_ctx
        other = count_tokens_estimate(rewrite_prompts()["system"] + template) + 128
        return max(64, min(int(n_ctx * SOURCE_SHARE), n_ctx - answer_tokens - other))

    def _chat(self, user: str, *, words: int, part: str) -> str:
        """The model's answer for ``part``; "" once a call has failed (see :attr:`failure`)."""
        return self._ask(
            part,
            lambda seed: self.backend.chat(
                [Message("system", rewrite_prompts()["system"]), Message("user", user)],
                max_tokens=max(96, int(words * TOKENS_PER_WORD * 2)),
                temperature=self.settings.backend.temperature,
                seed=seed,
            ),
        )

    def _ask(self, part: str, call: Callable[[int], Completion]) -> str:
        """``call(seed)``'s text for ``part``, recorded; "" once a call has failed for good."""
        if self.failure is not None:
            return ""
        self.calls += 1
        try:
            completion = call(self.seed + self.calls)
        except BackendError as e:
            if not self.completions:
                # The backend never answered in this run (unreachable, refusing, no model):
                # that is the backend's failure (exit 12, its own message), not a draft's.
                raise
            self.failure = (part, e)
            return ""
        self.usage.add(completion)
        self.completions.append(completion)
        text = completion.text.strip()
        if completion.finish_reason == "length":
            # Cut by the token limit: the last sentence is unfinished ("…qu’elles ont de l"),
            # and a cut sentence is never publishable; what precedes it is kept.
            text = _whole_sentences(text)
        return text

    def plan(self, min_words: int, published: datetime) -> tuple[Plan, str, str | None]:
        # A backend that cannot plan (see there); a base model never can.
        if not self.instruct or not getattr(self.backend, "plans", True):
            return (
                _deterministic_plan(self.sources, self.passages, self.keyphrase, published),
                "deterministic",
                "modèle embarqué : plan du mode fidèle, sans demande au modèle",
            )
        plan_tokens = min(PLAN_MAX_TOKENS, self.settings.backend.n_ctx // 3)
        sources = _fit(
            self.passages,
            self.budget(2 * plan_tokens, template=rewrite_prompts()["plan"]),  # room for one re-ask
            summary=True,
        )
        n = max(MIN_SECTIONS, min(MAX_SECTIONS, math.ceil(min_words / MAX_SECTION_WORDS)))
        user = rewrite_prompts()["plan"].format(
            sources=sources,
            keyphrase=self.keyphrase,
            min_sections=n,
            max_sections=max(n, min(MAX_SECTIONS, n + 2)),
        )
        problem: str | None
        try:
            self.calls += 1
            result = chat_json(
                self.backend,
                [Message("system", rewrite_prompts()["system"]), Message("user", user)],
                _plan_schema(),
                Plan,
                attempts=2,
                max_tokens=plan_tokens,
                temperature=0.2,
                seed=self.seed + self.calls,
            )
            for c in result.completions:
                self.usage.add(c)
                self.completions.append(c)
            problem = _plan_problem(result.value, self.passages)
            if problem is None:
                return result.value, "model", None
        except BackendError as e:
            completions = getattr(e, "completions", [])
            for c in completions:
                self.usage.add(c)
                self.completions.append(c)
            problem = e.message("fr")
        return (
            _deterministic_plan(self.sources, self.passages, self.keyphrase, published),
            "deterministic",
            problem,
        )

    def _passages(self, ids: Sequence[int], answer_tokens: int = 600) -> str:
        chosen = [p for p in self.passages if p.id in set(ids)]
        budget = self.budget(
            answer_tokens, template=rewrite_prompts()["section"] + rewrite_prompts()["repair"]
        )
        return _fit(chosen or self.passages[:3], budget, summary=False)

    def _paraphrase(self, ids: Sequence[int], words: int, part: str) -> list[str]:
        """A base model's text for ``part``: the passages ``ids`` (in order, until ``words``
        source words are covered) each rewritten as one paragraph by few-shot completion.

        A base model continues a document; it does not follow the instructions of the chat
        prompts (asked in chat turns, the embedded Gemma 270M recited them and ran to the token
        limit on every call of the corpus bench). Here it completes a paraphrase after three
        examples and stops at the end of the line; the completion is allowed 1.5 × the
        passage's tokens, so a run-on answer costs little. A repair is a new sample (the next
        seed): a base model cannot act on a hint."""
        chosen = [p for p in self.passages if p.id in set(ids)] or self.passages[:1]
        out: list[str] = []
        covered = 0
        self._seen[part] = set()
        seen = set().union(*self._seen.values())
        for p in chosen:
            if out and covered >= words:
                break
            covered += count_words(p.text)
            prompt = rewrite_prompts()["paraphrase"].format(passage=p.text)
            limit = int(count_tokens_estimate(p.text) * 1.5) + 16

            def call(seed: int, prompt: str = prompt, limit: int = limit) -> Completion:
                return self.backend.complete(
                    prompt,
                    max_tokens=limit,
                    temperature=self.settings.backend.temperature,
                    seed=seed,
                    stop=["\n"],
                )

            best: tuple[float, list[str], list[str]] | None = None
            for _ in range(PARAPHRASE_SAMPLES):
                answer = " ".join(_paragraphs(self._ask(part, call)))
                kept, removed = self._vet(answer, p.text, seen)
                text = " ".join(kept)
                copied = copied_share(
                    text, source_ngrams(self._source_texts), source_quotations(self._source_texts)
                )
                score = count_words(text) * (1.0 if copied <= self.ceiling else 0.5)
                if best is None or score > best[0]:
                    best = (score, kept, removed)
                if copied <= self.ceiling and count_words(text) >= count_words(p.text) / 2:
                    break
            if best is not None and best[1]:
                keys = {_fold_sentence(t) for t in best[1]}
                seen |= keys
                self._seen[part] |= keys
                self.removed.extend(best[2])
                out.append(" ".join(best[1]))
        return out

    def _lead_passage(self, ids: Sequence[int]) -> int:
        matcher = KeyphraseMatcher(self.keyphrase, self.synonyms)
        chosen = [p for p in self.passages if p.id in set(ids)]
        holding = [p.id for p in chosen if matcher.in_text(p.text)]
        return (holding or [p.id for p in chosen] or [self.passages[0].id])[0]

    @cached_property
    def _source_texts(self) -> list[str]:
        return [d.text for d in self.sources]

    def _vet(self, text: str, passage: str, seen: set[str]) -> tuple[list[str], list[str]]:
        """A base model's answer to ``passage`` as the sentences worth keeping, and one report
        line for each sentence dropped: for a fact no source supports (the fact check of
        faithful mode), or for saying what the passage does not (fewer than
        :data:`GROUNDED_MIN` of its content words from the passage: a statement made up of
        common words, which the fact check cannot see). A sentence already written (a base
        model loops on its last sentence, or repeats one from an earlier part) is dropped
        silently: it says nothing new. ``seen``: the sentences already written (folded)."""
        if not text:
            return [], []
        check = check_facts(text, self._source_texts, entities=self.check_entities)
        stems = frozenset(content_stems(passage))
        kept: list[str] = []
        removed: list[str] = []
        seen = set(seen)
        for sentence in sentences(text):
            hit = next(
                (
                    v.fact.text
                    for v in check.violations
                    if sentence.start <= v.fact.span.start < sentence.end
                ),
                None,
            )
            grounded = grounded_share(sentence.text, stems)
            if hit:
                removed.append(f"« {sentence.text} » — {hit}")
            elif grounded is not None and grounded < GROUNDED_MIN:
                removed.append(
                    f"« {sentence.text} » — {round(grounded * 100)}\u00a0% de ses mots "
                    "pleins dans le passage réécrit"
                )
            elif (key := _fold_sentence(sentence.text)) not in seen:
                seen.add(key)
                kept.append(sentence.text)
        return _pair_quotes(kept, removed), removed

    def intro(self, plan: Plan, ids: Sequence[int], repair: str = "") -> list[str]:
        if not self.instruct:
            # The lead is one passage rewritten — the first of the opening section that holds
            # the keyphrase (Yoast wants it in the first paragraph), else its first —, and the
            # first section is written from the others.
            self.lead = self._lead_passage(ids)
            return self._paraphrase([self.lead], INTRO_WORDS, "intro")[:1]
        user = rewrite_prompts()["intro"].format(
            sources=self._passages(ids),
            title=plan.title,
            words=INTRO_WORDS,
            keyphrase=self.keyphrase,
            repair=repair,
        )
        return _paragraphs(self._chat(user, words=INTRO_WORDS, part="intro"))[:1]

    def section(
        self, plan: Plan, i: int, words: int, *, with_keyphrase: bool, repair: str = ""
    ) -> list[str]:
        s = plan.sections[i]
        if not self.instruct:
            ids = [k for k in s.passages if k != self.lead] or s.passages
            return self._paraphrase(ids, words, f"sections[{i}]")
        others = "; ".join(f"« {o.heading} »" for j, o in enumerate(plan.sections) if j != i)
        kp_line = (
            rewrite_prompts()["keyphrase_line"].format(keyphrase=self.keyphrase)
            if with_keyphrase
            else ""
        )
        answer = max(96, int(words * TOKENS_PER_WORD * 2))
        previous = count_tokens_estimate(repair)  # a repair quotes the previous draft
        user = rewrite_prompts()["section"].format(
            sources=self._passages(s.passages, answer + previous),
            heading=s.heading,
            title=plan.title,
            words=words,
            paragraphs=max(1, min(4, round(words / 80))),
            others=others or "—",
            keyphrase_line=kp_line,
            repair=repair,
        )
        return _paragraphs(self._chat(user, words=words, part=f"sections[{i}]"))

    def field(
        self, plan: Plan, label: str, current: str, hints: str, ids: Sequence[int], *, part: str
    ) -> str:
        if not self.instruct:
            # A base model cannot rewrite a field to a hint ("au plus 60 caractères"): no call,
            # the failure stays in the report.
            return ""
        user = rewrite_prompts()["field"].format(
            sources=self._passages(ids),
            label=label,
            title=plan.title,
            # The meta description and the SEO title must hold it (SEO-KP-META, SEO-KP-TITLE):
            # the hint alone named it only when that check was the one failing.
            keyphrase=self.keyphrase,
            current=current,
            hints=hints,
        )
        text = _paragraphs(self._chat(user, words=40, part=part))
        return " ".join(text[:1]).strip().strip('«»"“” ')


def _pair_quotes(kept: list[str], removed: list[str]) -> list[str]:
    """``kept`` (one paragraph's sentences) without those holding a quotation mark left
    unpaired — the other half was in a dropped sentence, or never written —, each reported in
    ``removed``. A base model cannot be asked to close a quotation (its repair is a resample),
    and an unpaired mark blurs whose words are quoted: the quotes guard would fail the
    article (corpus 07 and 09 on the bench of 2026-12-06)."""
    while kept:
        orphans = orphan_quotes(" ".join(kept))
        if not orphans:
            break
        pos, cut = 0, orphans[0]
        for k, sentence in enumerate(kept):
            if pos <= cut < pos + len(sentence):
                removed.append(f"« {sentence} » — guillemet sans son pendant")
                del kept[k]
                break
            pos += len(sentence) + 1
        else:  # unreachable: the offsets are those of the joined sentences
            break
    return kept


_LABEL = {
    "title": "le titre",
    "seo_title": "le titre SEO (au plus 60 caractères)",
    "meta_description": "la méta-description (120 à 156 caractères, phrases complètes)",
}


def _fold_sentence(text: str) -> str:
    """A sentence's identity for spotting a repeat: lower case, letters and digits only."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _paragraphs(text: str) -> list[str]:
    """A completion as paragraphs: split at blank lines, spaces collapsed."""
    parts = re.split(r"\n\s*\n", text.strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


def _typography(text: str, settings: Settings) -> str:
    """French typography on generated text, by the cleaner (no-break spaces, apostrophes,
    « »), as for any input."""
    from plume.clean import clean

    doc = Document(blocks=(Block(BlockKind.PARAGRAPH, text),), source=Source("<modèle>", "txt"))
    out = clean(doc, settings).document
    return out.blocks[0].text if out.blocks else text


def _section_words(plan: Plan, passages: Sequence[Passage], target: int) -> list[int]:
    """Words to ask of each section: the target shared by the passages' lengths, ≤ 260."""
    lengths = {p.id: count_words(p.text) for p in passages}
    weights = [max(1, sum(lengths.get(i, 0) for i in s.passages)) for s in plan.sections]
    total = sum(weights)
    return [max(80, min(MAX_SECTION_WORDS, round(target * w / total))) for w in weights]


#: Soft findings worth one repair attempt (they never block passing): an empty phrase, a
#: repeated sentence or a statement no source makes costs one regeneration of its part, and the
#: reader is better served.
REPAIR_SOFT = frozenset({"filler", "repetition", "grounding"})


_EMPTY_PART = {
    "fr": "partie vide\u00a0: rien d’utilisable n’a été écrit",
    "en": "empty part: nothing usable was written",
}


def _unwritten(intro: list[str], bodies: list[list[str]]) -> list[str]:
    """The parts of the plan left empty: the lead, then the sections, as fields."""
    return (["intro"] if not intro else []) + [
        f"sections[{i}]" for i, b in enumerate(bodies) if not b
    ]


def _failures(
    after: Report,
    guards: GuardReport,
    lang: str,
    intro: list[str],
    bodies: list[list[str]],
    *,
    soft: bool = False,
) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """Failing hard constraints: {field: [(guard or check code, hint)]} for the repair, and
    one line each for the report. With ``soft``, the soft findings of :data:`REPAIR_SOFT` are
    repair targets too (not report lines: they do not fail the article).

    Originality is measured over the whole article; its repair targets the parts above the
    ceiling (``Originality.by_field``). Every part of the plan must be written: before this, an
    article whose every answer was dropped (the embedded 270M on corpus 01: all sentences
    unsupported) had no body, so no check had anything to fail on, and it passed."""
    by_field: dict[str, list[tuple[str, str]]] = {}
    lines: list[str] = []
    o = guards.originality
    for v in guards.violations:
        if not v.hard and not (soft and v.guard in REPAIR_SOFT):
            continue
        if v.hard:
            lines.append(f"{v.field} — {v.message(lang)}")
        if v.guard == "originality":
            worst = [f for f, share in o.by_field.items() if share > o.ceiling]
            for f in worst or [v.field]:
                by_field.setdefault(f, []).append((v.guard, v.hint_fr))
        else:
            by_field.setdefault(v.field, []).append((v.guard, v.hint_fr))
    for c in after.checks:
        if hard_check_fails(c.code, c.rating):
            where = HARD_CHECKS[c.code]
            by_field.setdefault(where, []).append((c.code, c.hint or c.message))
            lines.append(f"{c.code} — {c.message}")
    for part in _unwritten(intro, bodies):
        by_field.setdefault(part, []).append(
            ("empty", "Écrivez cette partie à partir de ses passages.")
        )
        lines.append(f"{part} — {_EMPTY_PART[lang]}")
    return by_field, lines


_SECTION_FIELD = re.compile(r"sections\[(\d+)\]")

#: What fails an article for its length alone: the word target, and Yoast's text length.
LENGTH_CODES = frozenset({"word_target", "SEO-TEXT-LENGTH"})


def length_floor(min_words: int | None) -> int:
    """Words the article needs: the target, and never fewer than the analyser's red bar for
    text length (Yoast's TextLengthAssessment: under 250 words), which fails it whatever
    the target (:data:`RED_ONLY`)."""
    from plume.analyse.checks.base import REGISTRY

    red = int(REGISTRY["SEO-TEXT-LENGTH"].thresholds["ok"].value)
    return max(min_words or 0, red)


def _repairable(
    failing: dict[str, list[tuple[str, str]]], short_sources: bool
) -> dict[str, list[tuple[str, str]]]:
    """What a repair may still fix. When the sources hold fewer words than the article needs,
    asking for more words can only be answered with filler or invention: the length is not
    repaired (the report says why), the rest is."""
    if not short_sources:
        return failing
    kept = {f: [x for x in found if x[0] not in LENGTH_CODES] for f, found in failing.items()}
    return {f: found for f, found in kept.items() if found}


def _short_sources_line(source_words: int, needed: int, lowerable: bool, lang: str) -> str:
    """The report's line when the sources cannot carry the length (issue 4: "when they cannot,
    the report says so honestly"); ``lowerable``: the word target asks more than the floor."""
    if lang == "en":
        fix = "add a source on the same story" + (
            " or lower the target (--min-words)" if lowerable else ""
        )
        return (
            f"sources — The sources hold only {source_words} words: too few for the {needed} the "
            f"article needs without padding or inventing; {fix}. The length was not repaired."
        )
    fix = "ajoutez une source sur le même sujet" + (
        " ou baissez la cible (--min-words)" if lowerable else ""
    )
    return (
        f"sources — Les sources ne comptent que {source_words} mots\u00a0: trop peu pour les "
        f"{needed} qu’il faut à l’article sans délayer ni inventer\u00a0; {fix}. La longueur "
        "n’a pas été réparée."
    )


def _failure_line(
    failure: tuple[str, BackendError], intro: list[str], bodies: list[list[str]], lang: str
) -> str:
    """The report's line for a backend that failed for good: the part, the error, and the
    parts left unwritten (the draft shows what was)."""
    part, error = failure
    missing = _unwritten(intro, bodies)
    if lang == "en":
        tail = f" Parts not written: {', '.join(missing)}." if missing else ""
        return f"{part} — backend failed, generation stopped: {error.message('en')}{tail}"
    tail = f" Parties non écrites\u00a0: {', '.join(missing)}." if missing else ""
    return f"{part} — moteur en échec, génération arrêtée\u00a0: {error.message('fr')}{tail}"


def rewrite_article(
    sources: Sequence[Document],
    settings: Settings,
    *,
    backend: Backend,
    keyphrase: str,
    synonyms: tuple[str, ...] = (),
    min_words: int | None,
    published: datetime,
    max_rounds: int = 3,
    originality_ceiling: float = 0.20,
    check_entities: bool = True,
    usage: Usage | None = None,
) -> RewriteResult:
    """Write, verify and repair a French article from the cleaned ``sources``."""
    from plume.analyse.audit import analyse_document
    from plume.analyse.language import detect_language

    usage = usage or Usage(settings.backend.price_in_per_mtok, settings.backend.price_out_per_mtok)
    passages = passages_of(sources)
    source_texts = [d.text for d in sources]
    translated = [d.source.name for d in sources if detect_language(d.text) not in (None, "fr")]
    w = _Writer(
        backend,
        settings,
        list(sources),
        passages,
        keyphrase,
        synonyms,
        usage,
        seed=settings.backend.seed,
        instruct=bool(getattr(backend, "instruct", True)),
        check_entities=check_entities,
        ceiling=originality_ceiling,
    )
    target = max(min_words or 0, 300)
    # A rewrite restates the sources' facts: it can rephrase at about their length, not
    # beyond, without filler (which the guards refuse) or invention (which the fact check and
    # the grounding guard refuse).
    source_words = sum(count_words(t) for t in source_texts)
    needed = length_floor(min_words)
    short_sources = source_words < needed
    if short_sources:
        # Asking for more words than the sources hold asks for filler or invention: the
        # sections are asked for the sources' own length.
        target = max(INTRO_WORDS + 80, source_words)
    plan, plan_source, problem = w.plan(target, published)
    words = _section_words(plan, passages, round((target - INTRO_WORDS) * TARGET_MARGIN))
    first_ids = plan.sections[0].passages
    intro = [_typography(p, settings) for p in w.intro(plan, first_ids)]
    bodies = [
        [_typography(p, settings) for p in w.section(plan, i, n, with_keyphrase=i % 2 == 0)]
        for i, n in enumerate(words)
    ]
    title, seo_title, meta = plan.title, plan.seo_title, plan.meta_description
    matcher = KeyphraseMatcher(keyphrase, synonyms)
    if text_width(seo_title) > SERP_TITLE_MAX_PX or not matcher.in_text(seo_title):
        seo_title = title if text_width(title) <= SERP_TITLE_MAX_PX else seo_title

    def assemble() -> Article:
        return Article(
            title=_typography(title, settings),
            seo_title=_typography(seo_title, settings),
            meta_description=_typography(meta, settings),
            slug=make_slug(title, keyphrase),
            keyphrase=keyphrase,
            synonyms=list(synonyms),
            kind=ArticleKind.NEWS,
            date_published=published,
            intro=intro,
            sections=[
                Section(heading=s.heading.rstrip(" ."), level=2, paragraphs=body)
                for s, body in zip(plan.sections, bodies, strict=True)
                if body
            ],
            # Listed at the end of the article: the page's URL when the source had one, else
            # the file's name (never a local path: it would leak into the published page).
            sources=[d.meta.url or Path(d.source.name).name for d in sources],
        )

    def verify(article: Article) -> tuple[Report, GuardReport, FactCheck]:
        facts = check_article_facts(article, source_texts, entities=check_entities)
        guards = run_guards(
            article,
            source_texts,
            min_words=min_words,
            originality_ceiling=originality_ceiling,
            facts=facts,
            # A translated source shares no words with the French article.
            grounding=not translated,
        )
        after = analyse_document(
            article_document(article, sources[0].source),
            settings,
            keyphrase=keyphrase,
            synonyms=synonyms,
            title=article.seo_title,
            meta=article.meta_description,
            slug=article.slug,
            min_words=min_words,
        )
        return after, guards, facts

    repairs: list[Repair] = []
    article = assemble()
    after, guards, facts = verify(article)
    # The first round also takes the soft findings worth fixing; later rounds only what fails.
    failing, lines = _failures(after, guards, settings.lang, intro, bodies, soft=True)
    rounds = 0
    while (todo := _repairable(failing, short_sources)) and rounds < max_rounds and not w.failure:
        rounds += 1
        before = len(lines)
        for where, found in todo.items():
            hints = [h for _, h in found]
            repairs.append(
                Repair(
                    round=rounds,
                    field=where,
                    codes=list(dict.fromkeys(c for c, _ in found)),
                    reasons=list(dict.fromkeys(hints)),
                )
            )
            hint = " ".join(dict.fromkeys(hints))
            m = _SECTION_FIELD.fullmatch(where) or _SECTION_FIELD.match(where)
            if where in _LABEL:
                current = {"title": title, "seo_title": seo_title, "meta_description": meta}
                new = w.field(plan, _LABEL[where], current[where], hint, first_ids, part=where)
                if new:
                    if where == "title":
                        title = new
                    elif where == "seo_title":
                        seo_title = new
                    else:
                        meta = new
            elif where == "intro":
                repair = rewrite_prompts()["repair"].format(hints=hint, previous=" ".join(intro))
                # An empty answer (or a failed call) keeps the previous draft: still checked,
                # still reported, never silently dropped.
                intro = [
                    _typography(p, settings) for p in w.intro(plan, first_ids, repair)
                ] or intro
            elif m and int(m.group(1)) < len(bodies):
                i = int(m.group(1))
                if where.endswith(".heading"):
                    new = w.field(
                        plan,
                        "l’intertitre",
                        plan.sections[i].heading,
                        hint,
                        plan.sections[i].passages,
                        part=where,
                    )
                    if new:
                        plan.sections[i] = PlanSection(
                            heading=new, passages=plan.sections[i].passages
                        )
                    continue
                repair = rewrite_prompts()["repair"].format(
                    hints=hint, previous=" ".join(bodies[i])
                )
                bodies[i] = [
                    _typography(p, settings)
                    for p in w.section(plan, i, words[i], with_keyphrase=i % 2 == 0, repair=repair)
                ] or bodies[i]
            elif where == "article":
                # Too short (or a section too long): resize every section toward the target.
                have = sum(count_words(p) for b in bodies for p in b)
                missing = max(0, (min_words or 0) - have - sum(count_words(p) for p in intro))
                shortest = sorted(
                    range(len(bodies)), key=lambda k: sum(map(count_words, bodies[k]))
                )
                for k in shortest[: max(1, math.ceil(missing / 120))]:
                    grow = min(MAX_SECTION_WORDS, words[k] + 120)
                    words[k] = grow
                    repair = rewrite_prompts()["repair"].format(
                        hints=hint, previous=" ".join(bodies[k])
                    )
                    bodies[k] = [
                        _typography(p, settings)
                        for p in w.section(plan, k, grow, with_keyphrase=k % 2 == 0, repair=repair)
                    ] or bodies[k]
        article = assemble()
        after, guards, facts = verify(article)
        failing, lines = _failures(after, guards, settings.lang, intro, bodies)
        if not w.instruct and len(lines) >= before:
            # A base model's repair is a new sample of the same passages, not a correction: a
            # round that fixed nothing says the next would cost as much for as little. On the
            # corpus bench of 2026-12-06 (3 rounds each, 11.7× generated/final tokens), 12 of
            # 16 articles had a round that left as many failing parts as before; none passed.
            break

    removed: list[str] = []
    if failing and facts.violations:
        # Unsupported facts left after the repairs: the sentences holding them go, reported.
        bad = [v.fact.text for v in facts.violations]

        def drop(paragraphs: list[str]) -> list[str]:
            kept_paragraphs = []
            for p in paragraphs:
                kept = []
                for s in sentences(p):
                    hit = next((b for b in bad if b in s.text), None)
                    if hit:
                        removed.append(f"« {s.text} » — {hit}")
                    else:
                        kept.append(s.text)
                if kept:
                    kept_paragraphs.append(" ".join(kept))
            return kept_paragraphs

        intro = drop(intro)
        bodies = [drop(b) for b in bodies]
        article = assemble()
        after, guards, facts = verify(article)
        failing, lines = _failures(after, guards, settings.lang, intro, bodies)

    if short_sources and any(c in LENGTH_CODES for found in failing.values() for c, _ in found):
        lowerable = needed > length_floor(None)
        lines.append(_short_sources_line(source_words, needed, lowerable, settings.lang))
    if w.failure is not None:
        # Its line names the parts left unwritten: not listed twice.
        lines = [line for line in lines if not line.endswith(_EMPTY_PART[settings.lang])]
        lines.insert(0, _failure_line(w.failure, intro, bodies, settings.lang))

    generated = sum(c.completion_tokens for c in w.completions)
    final_tokens = count_tokens_estimate(" ".join(article.body_paragraphs()))
    outcome = RewriteOutcome(
        passed=not lines,
        plan_source=plan_source,
        plan_problem=problem,
        rounds=rounds,
        repairs=repairs,
        failures=lines,
        removed=w.removed + removed,
        translated=translated,
        usage=UsageSummary.of(usage),
        generation_ratio=round(generated / final_tokens, 2) if final_tokens else None,
    )
    return RewriteResult(article, outcome, after, guards, facts)
