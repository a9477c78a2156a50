"""Which of the analyser's checks are hard constraints in rewrite mode, and when they fail."""

from __future__ import annotations

from plume.report import Rating

__all__ = ["HARD_CHECKS", "RED_ONLY", "hard_check_fails"]

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
