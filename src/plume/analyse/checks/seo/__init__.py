"""SEO checks, one Yoast SEO assessment each (yoastseo 3.6.0, ``scoring/assessments/seo/``).

Each keeps Yoast's thresholds and its 0–9 scores, so the SEO score (``analyse.scoring``) is
computed the way Yoast computes it; the traffic light follows the score as in Yoast's
``SCORING SEO.md`` (≤ 4 red, 5–7 orange, 8–9 green). Keyphrase matching goes through
``Research.matcher`` (French word forms and elision); an occurrence is all the keyphrase's content
words within one sentence, in any order and form, as in Yoast.

Importing this package registers the checks, in this order: keyphrase, keyphrase in the fields,
title and meta, structure, images and links.
"""

from __future__ import annotations

# The import order is the registration order, hence the order of the checks in every report.
# isort: off
from plume.analyse.checks.seo import keyphrase
from plume.analyse.checks.seo import keyphrase_fields
from plume.analyse.checks.seo import title_meta
from plume.analyse.checks.seo import structure
from plume.analyse.checks.seo import links_images

# isort: on

__all__ = ["keyphrase", "keyphrase_fields", "links_images", "structure", "title_meta"]
