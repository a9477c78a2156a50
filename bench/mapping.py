"""What the benchmark compares: plume check codes ↔ yoastseo 3.6.0 assessment identifiers.

The identifiers are the real ones of ``yoastseo@3.6.0`` (``this.identifier`` in
``build/scoring/assessments/**``), for the default post/page assessors (``SeoAssessor``,
``ContentAssessor``). Everything here is data read by ``analyse_vs_yoast.py``:

- ``MAPPING``: which plume check is compared with which Yoast assessment. A check is "computed the
  same way" (counted in the headline agreement figure) unless ``DELIBERATE`` documents a
  difference of method for it.
- ``DELIBERATE``: per check, the deliberate differences of method, each with its explanation.
- ``CROSS_CUTTING``: differences that touch every check a little (headings): they explain
  disagreements without taking a check out of the headline figure.
- ``INSPECTED``: disagreements seen on the bench corpus that were read and understood, each tied to
  a reason of ``DELIBERATE``, ``CROSS_CUTTING`` or ``KNOWN_GAPS`` (plume is the one that is wrong).
- ``FLESCH_NOTE``: why plume's Flesch score differs from Yoast's.
- ``ARTICLES``: the fixed keyphrase per bench article (what an editor would choose; several are
  chosen on purpose to exercise French word forms and apostrophes).
- ``YOAST_MEASURES``: which of Yoast's research results explain each assessment's verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Pair:
    plume: str
    yoast: str
    #: What both measure (for the table); differences of method are in DELIBERATE, not here.
    note: str = ""


# Yoast 3.6.0's default SeoAssessor runs 17 assessments and ContentAssessor 7. Not mapped:
# textCompetingLinks, imageKeyphrase (keyphrase in image alt: plume has no such check),
# functionWordsInKeyphrase and textPresence (score 0 = "feedback": no light), and Yoast's
# keyphraseDistribution (Premium only, not in the free SeoAssessor).
MAPPING: Final[tuple[Pair, ...]] = (
    # --- SEO ---
    Pair(
        "SEO-KP-LENGTH",
        "keyphraseLength",
        "content words of the keyphrase; French function words removed",
    ),
    Pair(
        "SEO-KP-DENSITY",
        "keyphraseDensity",
        "keyphrase occurrences per 100 words (0.5 %–3 %)",
    ),
    Pair(
        "SEO-KP-INTRO",
        "introductionKeyword",
        "keyphrase in the first paragraph (one sentence = good)",
    ),
    Pair("SEO-KP-TITLE", "keyphraseInSEOTitle", "keyphrase in the SEO title, at its start"),
    Pair("SEO-KP-META", "metaDescriptionKeyword", "keyphrase in the meta description"),
    Pair("SEO-KP-SLUG", "slugKeyword", "keyphrase words in the slug"),
    Pair("SEO-KP-SUBHEADINGS", "subheadingsKeyword", "share of H2/H3 reflecting the topic"),
    Pair(
        "SEO-TITLE-WIDTH",
        "titleWidth",
        "thresholds only: Yoast is fed plume's pixel width (Node has no layout engine)",
    ),
    Pair("SEO-META-LENGTH", "metaDescriptionLength", "characters; 120 < good ≤ 156"),
    Pair("SEO-TEXT-LENGTH", "textLength", "words; ≥ 300 good"),
    Pair("SEO-H1-SINGLE", "singleH1", "H1 headings in the body"),
    Pair("SEO-IMAGES-ALT", "images", "Yoast 3.6.0's free assessor counts images only"),
    Pair("SEO-LINKS-INTERNAL", "internalLinks", "links to the page's own host"),
    Pair("SEO-LINKS-OUTBOUND", "externalLinks", "links to other hosts"),
    # --- Readability ---
    Pair("RD-SENTENCE-LENGTH", "textSentenceLength", "share of sentences over 20 words"),
    Pair("RD-PARAGRAPH-LENGTH", "textParagraphTooLong", "longest paragraph (150/200 words)"),
    Pair("RD-SUBHEADINGS", "subheadingsTooLong", "words in the longest section (300/350)"),
    Pair("RD-PASSIVE", "passiveVoice", "share of sentences with a passive (10 %/15 %)"),
    Pair(
        "RD-TRANSITIONS", "textTransitionWords", "share of sentences with a transition (20 %/30 %)"
    ),
    Pair("RD-SENTENCE-STARTS", "sentenceBeginnings", "3+ consecutive same first word"),
)

#: Plume's informational Flesch score is compared as a number with Yoast's Flesch research
#: (``getFleschReadingScore``: Kandel & Moles 1958 for French), not as a light.
FLESCH_CODE: Final = "RD-FLESCH"

#: Plume checks with no Yoast counterpart (listed so the report says so instead of omitting them).
PLUME_ONLY: Final[tuple[str, ...]] = (
    "SEO-KP-GIVEN",
    "SEO-TARGET-LENGTH",
    "RD-LIX",
    "TY-NBSP",
    "TY-QUOTES",
    "TY-LOWERCASE-START",
    "TY-REPEATED-SENTENCE",
    "TY-ELLIPSIS",
    "TY-APOSTROPHES",
)

#: Deliberate differences of method, per check: reason key → explanation. A check listed here is
#: left out of the headline ("computed the same way") agreement figure. Only reasons seen on the
#: bench corpus and checked against yoastseo 3.6.0's code or a minimal Node reproduction are here
#: (see INSPECTED for the articles).
DELIBERATE: Final[dict[str, dict[str, str]]] = {
    "SEO-KP-DENSITY": {
        "function-words": (
            "Yoast's French function-word list drops common evaluative adjectives from a "
            "keyphrase (bon/bonne/bonnes, grand, nouveau, haut, petit… in functionWords.js, "
            "generalAdjectivesAdverbsPreceding), so « bonnes bactéries » is counted as "
            "« bactéries » alone (6 hits); plume keeps « bonnes » and counts the pair (1 hit)."
        ),
    },
    "SEO-KP-INTRO": {
        "word-forms": (
            "Yoast's free analyser matches keyphrase words only in the form typed (word forms "
            "are Premium): « dirigeant OpenAI » is not found in « ses hauts dirigeants … "
            "d’OpenAI ». plume matches inflected forms. (Yoast 3.6.0 does split elisions: "
            "« d’OpenAI » matches « OpenAI », checked in Node.)"
        ),
    },
    "SEO-KP-META": {
        "word-forms": "As SEO-KP-INTRO: « dirigeants » in the meta description.",
    },
    "SEO-IMAGES-ALT": {
        "alt-text": (
            "Not the same check: yoastseo 3.6.0's default SeoAssessor has only the image *count* "
            "(ImageCountAssessment, « images »: any image is good); its alt-text assessment "
            "(ImageAltTagsAssessment) is in no assessor. plume judges the alt texts: 1 image "
            "of 2 without alt is bad."
        ),
    },
    "RD-SUBHEADINGS": {
        "h1": (
            "Yoast splits the text on every heading h1–h6 (getSubheadingTexts.js), so an <h1> "
            "title counts as a subheading and a 333-word text under it is one 300–350-word "
            "section: ok. plume counts H2–H6 only: 329 words with no subheading is bad."
        ),
    },
    "RD-PASSIVE": {
        "auxiliary-participle": (
            "Yoast's French passive detector pairs an auxiliary with any later participle of "
            "the clause: « est susceptible … étant donné » and « ils ne sont que … ayant écrit » "
            "are passives for Yoast (reproduced in Node on the bare sentences). plume ties the "
            "participle to its auxiliary and does not flag them."
        ),
    },
    "RD-TRANSITIONS": {
        "word-list": (
            "plume's French transition list is broader than yoastseo's: « parallèlement », "
            "« c’est que », « dans un premier temps », « en attendant », « non seulement » on its own (Yoast "
            "only has it in two-part pairs « non seulement … mais aussi »). Yoast also matches "
            "« d'après » inside « d’après-midi ». Near the 30 % line this turns Yoast's ok into "
            "plume's good."
        ),
    },
}

#: Differences that touch every check a little rather than one check's method (reason key →
#: explanation); they explain disagreements without taking a check out of the headline figure.
CROSS_CUTTING: Final[dict[str, str]] = {
    "headings": (
        "Yoast measures the whole content, headings included: an <h1> or <h2> counts as text for "
        "the keyphrase count and as a sentence in readability shares. plume measures the body "
        "(paragraphs, list items, quotes) and judges headings with the title and subheading "
        "checks. An H1 holding the keyphrase gives Yoast one more occurrence; two headings add "
        "two sentences to Yoast's denominator."
    ),
}

#: Disagreements where plume is the one that is wrong or incomplete (reason key → explanation).
KNOWN_GAPS: Final[dict[str, str]] = {}

#: Inspected disagreements: (plume code, article id) → reason key in DELIBERATE[code],
#: CROSS_CUTTING or KNOWN_GAPS. Filled only after reading both tools' measures for that article.
INSPECTED: Final[dict[tuple[str, str], str]] = {
    ("SEO-KP-DENSITY", "seed-002"): "headings",
    ("SEO-KP-DENSITY", "09-madame-figaro"): "function-words",
    ("SEO-KP-DENSITY", "15-mesopinions"): "headings",
    ("SEO-KP-INTRO", "seed-000"): "word-forms",
    ("SEO-KP-META", "seed-000"): "word-forms",
    ("SEO-IMAGES-ALT", "02-ledevoir"): "alt-text",
    ("SEO-IMAGES-ALT", "05-tdg"): "alt-text",
    ("RD-SUBHEADINGS", "02-ledevoir"): "h1",
    ("RD-PASSIVE", "seed-000"): "auxiliary-participle",
    ("RD-PASSIVE", "seed-003"): "headings",
    ("RD-PASSIVE", "08-lapresse-tn"): "headings",
    ("RD-PASSIVE", "15-mesopinions"): "auxiliary-participle",
    ("RD-TRANSITIONS", "03-lenouvelliste"): "word-list",
    ("RD-TRANSITIONS", "06-dalloz"): "word-list",
    ("RD-TRANSITIONS", "10-aoc"): "word-list",
}

#: Why plume's informational Flesch score differs from Yoast's Flesch research (same Kandel &
#: Moles formula), checked with yoastseo's countSyllables in Node.
FLESCH_NOTE: Final = (
    "Same formula (Kandel & Moles 1958: 207 − 1.015 × words/sentence − 73.6 × syllables/word), "
    "different counts: Yoast gives 0 syllables to numbers and acronyms (« 2023 », « PDG », "
    "« SNCF ») and 1 to « ChatGPT »; plume reads them aloud (4, 3, 4, 4). Yoast also counts "
    "headings as sentences. plume's score is therefore a few points lower on news text."
)


@dataclass(frozen=True, slots=True)
class Article:
    """One bench article: where it is, and the keyphrase an editor would give for it."""

    id: str
    path: str  # relative to the shared material folder (``/work/main/../shared``)
    keyphrase: str


#: The 5 seeds (one story: OpenAI's board crisis, Nov. 2023) and the 16 corpus pages. Keyphrases
#: were chosen by reading each article; some exercise what Yoast's free analyser gets wrong in
#: French: inflected forms (« dirigeant » vs « dirigeants », « migrations » vs « migration ») and
#: apostrophes (keyphrase typed with ' while the text has ’).
ARTICLES: Final[tuple[Article, ...]] = (
    Article("seed-000", "seeds/000_4017132598e4fe82.txt", "dirigeant OpenAI"),
    Article("seed-001", "seeds/001_723136bf2c2f0cce.txt", "conseil d'administration"),
    Article("seed-002", "seeds/002_27e3266790d29534.txt", "Sam Altman"),
    Article("seed-003", "seeds/003_6e75659f31be92da.txt", "OpenAI"),
    Article("seed-004", "seeds/004_57cb59f9b86207fa.txt", "Microsoft"),
    Article("01-gala", "corpus/fr-articles/01-gala-delevoye-surnom-chirac.txt", "Delevoye"),
    Article(
        "02-ledevoir",
        "corpus/fr-articles/02-ledevoir-trottinettes-montreal.html",
        "trottinettes en libre-service",
    ),
    Article(
        "03-lenouvelliste",
        "corpus/fr-articles/03-lenouvelliste-penurie-carburant-haiti.txt",
        "compagnies pétrolières",
    ),
    Article(
        "04-mondediplo",
        "corpus/fr-articles/04-mondediplo-hwang-sok-yong-turpitude.txt",
        "Hwang Sok-yong",
    ),
    Article("05-tdg", "corpus/fr-articles/05-tdg-chlorothalonil-interdit.html", "chlorothalonil"),
    Article("06-dalloz", "corpus/fr-articles/06-dalloz-libre-cours-raoult.txt", "Raoult"),
    Article(
        "07-sciencesetavenir",
        "corpus/fr-articles/07-sciencesetavenir-covid-infox-ibuprofene.txt",
        "ibuprofène",
    ),
    Article(
        "08-lapresse-tn",
        "corpus/fr-articles/08-lapresse-tn-parite-hommes-femmes.txt",
        "parité hommes-femmes",
    ),
    Article(
        "09-madame-figaro",
        "corpus/fr-articles/09-madame-figaro-intestin-bacteries.html",
        "bonnes bactéries",
    ),
    Article(
        "10-aoc", "corpus/fr-articles/10-aoc-retraite-neoliberalisme.txt", "retraite néolibéralisme"
    ),
    Article("11-psl", "corpus/fr-articles/11-psl-universite-grandes-ecoles.txt", "Université PSL"),
    Article(
        "12-radio-prague",
        "corpus/fr-articles/12-radio-prague-ministre-sante-demission.txt",
        "ministre de la Santé",
    ),
    Article(
        "13-sportsfr", "corpus/fr-articles/13-sportsfr-lorient-lyon-direct.html", "Lorient Lyon"
    ),
    Article(
        "14-arteradio", "corpus/fr-articles/14-arteradio-la-voix-des-nuls.txt", "bulletins nuls"
    ),
    Article(
        "15-mesopinions",
        "corpus/fr-articles/15-mesopinions-choeur-radio-france.txt",
        "choeur de Radio France",
    ),
    Article(
        "16-legrandcontinent",
        "corpus/fr-articles/16-legrandcontinent-heran-migrations.txt",
        "migrations",
    ),
)

#: Yoast research results (keys of ``measures`` in run.mjs's output) behind each assessment.
YOAST_MEASURES: Final[dict[str, tuple[str, ...]]] = {
    "keyphraseLength": ("keyphraseLengthWords",),
    "keyphraseDensity": ("keyphraseDensity", "keyphraseCount", "wordCount"),
    "introductionKeyword": ("introduction",),
    "keyphraseInSEOTitle": ("seoTitle",),
    "metaDescriptionKeyword": ("metaDescriptionKeywordCount",),
    "slugKeyword": ("slug",),
    "subheadingsKeyword": ("subheadingsKeyword",),
    "titleWidth": (),
    "metaDescriptionLength": ("metaDescriptionLength",),
    "textLength": ("wordCount",),
    "singleH1": ("h1Count",),
    "images": ("imageCount", "altTags"),
    "internalLinks": ("links",),
    "externalLinks": ("links",),
    "textSentenceLength": ("sentenceCount", "sentencesOver20"),
    "textParagraphTooLong": ("paragraphLengths",),
    "subheadingsTooLong": ("subheadingTextLengths",),
    "passiveVoice": ("passive",),
    "textTransitionWords": ("transitions",),
    "sentenceBeginnings": ("sentenceBeginnings",),
}
