"""Shared by the guards' tests: an article to vary, the real sentences (negatives), and the
faithful-mode articles of the 22 real texts (the false-positive sweep).

Negatives are sentences of the seeds and the corpus; positives are machine-like French (and
English) written for these tests, the way a small chat model answers.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from plume.article import Article, FaqItem, Section
from plume.clean import clean
from plume.ingest import read_path
from plume.pipeline import OptimiseRequest, optimise
from plume.settings import load_settings
from plume.verify.guards import (
    GuardViolation,
)
from tests.conftest import CORPUS, EXAMPLE, SEEDS

PUBLISHED = datetime(2026, 1, 1, tzinfo=UTC)

# Real sentences (seeds 000–003, corpus 13): the negatives.
REAL = [
    "Le conseil d’administration n’a pas partagé sa décision avec les investisseurs, y compris "
    "Microsoft, qui possède 49 % de la filiale à but lucratif d’OpenAI.",
    "Microsoft est intervenu pour récupérer les dirigeants évincés et créer une nouvelle division "
    "de recherche en IA dirigée par Altman, avec des centaines d’employés qui seraient prêts à "
    "les suivre.",
    "Voici pourquoi vous devriez vous en soucier, même si vous n’êtes pas dans le monde de la "
    "technologie.",
    "OpenAI a reçu plus de 13 milliards de dollars d’investissement depuis 2019 de la part de "
    "Microsoft, qui aurait acquis une participation de 49 % dans la société.",
]

#: A machine-like lead: empty phrases around a few facts.
MACHINE_INTRO = (
    "Dans un monde en constante évolution, l’intelligence artificielle joue un rôle crucial. "
    "Il est important de noter que OpenAI est une entreprise américaine. Sam Altman a été "
    "renvoyé par le conseil. N'hesitez pas a partager cet article."
)


def make(
    *,
    title: str = "Le conseil d’OpenAI limoge Sam Altman",
    seo_title: str = "Sam Altman limogé par le conseil d’OpenAI",
    meta: str = "Le conseil d’administration d’OpenAI a limogé son PDG Sam Altman, avant que "
    "Microsoft ne propose de l’embaucher avec ses chercheurs.",
    slug: str = "sam-altman-limoge-conseil-openai",
    intro: list[str] | None = None,
    sections: list[Section] | None = None,
    faq: list[FaqItem] | None = None,
) -> Article:
    return Article(
        title=title,
        seo_title=seo_title,
        meta_description=meta,
        slug=slug,
        keyphrase="Sam Altman",
        date_published=PUBLISHED,
        intro=intro if intro is not None else [REAL[0]],
        sections=sections
        if sections is not None
        else [Section(heading="Microsoft en embuscade", paragraphs=[REAL[1], REAL[3]])],
        faq=faq or [],
    )


def hard(violations: list[GuardViolation]) -> list[tuple[str, str, int | None]]:
    return [(v.guard, v.field, v.paragraph) for v in violations if v.hard]


@pytest.fixture(scope="session")
def real_articles() -> list[tuple[str, Article, str]]:
    """(name, article, cleaned source) for the 5 seeds, the 16 corpus pages and the example."""
    settings = load_settings({"lang": "fr"}, env={"PLUME_CONFIG": "/nonexistent"})
    out = []
    for path in [*SEEDS, *CORPUS, EXAMPLE]:
        doc = read_path(path, settings)
        request = OptimiseRequest(
            sources=(doc,),
            settings=settings,
            use_model=False,
            published=PUBLISHED,
            check_entities=False,
        )
        report = optimise(request)
        out.append((path.name, report.article, clean(doc, settings).document.text))
    assert len(out) == 22
    return out
