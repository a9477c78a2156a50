"""Which of the analyser's checks are hard constraints in rewrite mode, and when they fail; the
documentation of the verify stage's own checks (:data:`VERIFY_RULES`)."""

from __future__ import annotations

from dataclasses import dataclass

from plume.report import Msg, Rating
from plume.text import french_spacing

__all__ = ["HARD_CHECKS", "RED_ONLY", "VERIFY_RULES", "VerifyRule", "hard_check_fails"]

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
    # this is the floor of an SEO article. Orange (250–299) is a warning, as in Yoast.
    "SEO-TEXT-LENGTH": "article",
}
#: Hard checks that fail only when red; the others fail on orange too.
RED_ONLY = frozenset({"SEO-TEXT-LENGTH"})


def hard_check_fails(code: str, rating: Rating) -> bool:
    """Whether the analyser's check ``code`` rated ``rating`` fails the article."""
    return code in HARD_CHECKS and (
        rating == Rating.BAD or (rating == Rating.OK and code not in RED_ONLY)
    )


@dataclass(frozen=True)
class VerifyRule:
    """The documentation of a verify-stage check (``plume rules`` lists them beside the
    analyser's): what it checks, why, where it comes from and how well it does."""

    code: str
    name: Msg
    what: Msg
    why: Msg
    #: Where the check comes from (plume's own, beyond Yoast, for the support check).
    source: Msg
    #: What it was measured to do, on which data.
    figures: Msg
    example_bad: str = ""
    example_good: str = ""

    def __post_init__(self) -> None:
        for name in ("name", "what", "why", "source", "figures"):
            msg = getattr(self, name)
            object.__setattr__(self, name, Msg(french_spacing(msg.fr), msg.en))


#: The verify stage's own checks, documented for ``plume rules`` (the analyser's are in
#: :data:`plume.analyse.checks.base.REGISTRY`).
VERIFY_RULES: dict[str, VerifyRule] = {
    "SUPPORT": VerifyRule(
        code="SUPPORT",
        name=Msg(
            "Affirmation générée non étayée (rouge)", "Generated statement without support (red)"
        ),
        what=Msg(
            "Chaque énoncé écrit par plume (titre, titre SEO, phrases de la méta-description, "
            "intertitres, réponses de la FAQ) qui n’est pas mot pour mot dans une source doit "
            "être dit par une phrase de la source, ou deux phrases voisines : mêmes mots "
            "(lemme, dérivé ou synonyme listé), mêmes noms et nombres attachés aux mêmes mots, "
            "même négation, même modalité (« pourrait » n’est pas « va »), mêmes acteurs dans "
            "les mêmes rôles. Lu dans l’analyse syntaxique de spaCy et le lexique Lefff.",
            "Every statement plume wrote (title, SEO title, meta-description sentences, "
            "headings, FAQ answers) that is not word for word in a source must be said by one "
            "source sentence, or two adjacent ones: same words (lemma, derivation or listed "
            "synonym), same names and numbers attached to the same words, same negation, same "
            "modality ('could' is not 'will'), same actors in the same roles. Read from "
            "spaCy's dependency parse and the Lefff lexicon.",
        ),
        why=Msg(
            "Un titre ou une méta-description faux se publie : copié dans Open Graph et le "
            "JSON-LD, lu avant l’article. La vérification des faits ne voit que les nombres, "
            "dates et noms ; elle ne dit pas si la phrase dit vrai sur eux.",
            "A false title or meta description gets published: copied into Open Graph and "
            "JSON-LD, read before the article. The fact check only sees numbers, dates and "
            "names; it does not say whether the sentence is true about them.",
        ),
        source=Msg(
            "plume (au-delà de Yoast, qui ne vérifie pas le sens) ; calibré sur "
            "../shared/claims/claims.jsonl (affirmations étiquetées à la main)",
            "plume (beyond Yoast, which does not check meaning); calibrated on "
            "../shared/claims/claims.jsonl (hand-labelled claims)",
        ),
        figures=Msg(
            "sur les affirmations mises de côté : 66,7 % des étayées acceptées, 88,9 % des non "
            "étayées rejetées (développement : 88,9 % et 97,8 %) ; l’objectif de l’issue 16 "
            "(≥ 85 % et ≥ 95 % hors calibration) n’est pas atteint",
            "on held-out claims: 66.7% of supported claims accepted, 88.9% of unsupported ones "
            "rejected (dev: 88.9% and 97.8%); issue 16's target (≥ 85% and ≥ 95% held out) is "
            "not met",
        ),
        example_bad="Le premier ministre n’a pas hésité à démissionner, mais il a rejeté toute "
        "faute (méta-description du corpus 12, jamais dit par la source)",
        example_good="Le ministre de la Santé sommé de démissionner",
    ),
}
