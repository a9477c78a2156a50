"""Model titles and meta descriptions: prompts, every rejection reason, ranking, fallback."""

from __future__ import annotations

from datetime import UTC, datetime

from plume.analyse.pixels import SERP_TITLE_MAX_PX, text_width
from plume.backends import ScriptedBackend
from plume.document import Block, BlockKind, Document, EditorFields, Source
from plume.optimisation import Generated
from plume.text import french_spacing
from plume.write.candidates import (
    META_EXAMPLES,
    TITLE_EXAMPLES,
    build_meta_prompt,
    build_title_prompt,
    model_meta,
    model_title,
)
from plume.write.structure import build_article

KEYPHRASE = "vélo en ville"
LEAD = (
    "Le vélo en ville n’est plus une affaire de militants : à Lyon, les pistes cyclables se sont "
    "multipliées depuis 2020 et le trafic cycliste a augmenté de 15 % en cinq ans."
)
BODY = (
    LEAD + "\nLes commerçants constatent que les clients venus à vélo reviennent souvent. "
    "La métropole compte les passages aux compteurs et publie les chiffres chaque mois. "
    "Les associations d’usagers demandent des itinéraires continus, lisibles et entretenus, "
    "y compris en hiver, et des contrôles contre le stationnement sur les pistes. Les aides à "
    "l’achat proposées par certaines villes ont accéléré l’adoption de l’assistance "
    "électrique, en particulier chez les actifs qui habitent en périphérie. Un stationnement "
    "sûr, couvert et proche du domicile reste souvent le chaînon manquant."
)
#: The lead with words removed ("depuis 2020", "en cinq ans"): what a faithful description may
#: be.
GOOD_META = (
    "Le vélo en ville n’est plus une affaire de militants : à Lyon, les pistes cyclables se sont "
    "multipliées et le trafic cycliste a augmenté de 15 %."
)


def test_examples_fit_their_own_limits() -> None:
    for _, _, title in TITLE_EXAMPLES:
        assert text_width(title) <= SERP_TITLE_MAX_PX
    for _, _, meta in META_EXAMPLES:
        assert 120 <= len(meta) <= 156


def test_prompts_end_on_the_slot_with_the_keyphrase() -> None:
    title = build_title_prompt(LEAD, KEYPHRASE)
    assert title.endswith(f"Mot-clé : {KEYPHRASE}\nTitre :")
    assert all(t in title for _, _, t in TITLE_EXAMPLES)
    meta = build_meta_prompt(LEAD, KEYPHRASE)
    assert meta.endswith(f"Mot-clé : {KEYPHRASE}\nDescription :")


def test_title_passing_candidate_is_chosen_keyphrase_first() -> None:
    # Headlines (a verb: who did what); a nominal label such as "Vélo en ville : les pistes
    # cyclables de Lyon" is rejected since issue 16 (no_event).
    later = "À Lyon, le vélo en ville n’est plus une affaire de militants"
    first = "Vélo en ville : les pistes cyclables se sont multipliées à Lyon"
    backend = ScriptedBackend([" " + later, " " + first, " " + first])
    choice = model_title(backend, LEAD, BODY, keyphrase=KEYPHRASE, n=3)
    assert choice.text == first
    assert choice.accepted == [first, later]
    # The duplicate from the third seed was judged once; seeds are successive, stops at "\n"/". ".
    assert [c["seed"] for c in backend.calls] == [1042, 1043, 1044]
    assert all(c["stop"] == ["\n", ". "] for c in backend.calls)


def test_title_rejections() -> None:
    backend = ScriptedBackend(
        [
            " Les pistes cyclables de Lyon",  # no keyphrase
            " Vélo en ville : Paris rattrape Lyon",  # a name the article never uses
            " Vélo en ville : une révolution écologique et économique inattendue",  # own words
        ]
    )
    choice = model_title(backend, LEAD, BODY, keyphrase=KEYPHRASE, n=3)
    assert choice.text is None
    reasons = dict(choice.rejected)
    assert "no_keyphrase" in reasons["Les pistes cyclables de Lyon"]
    assert "unsupported:Paris" in reasons["Vélo en ville : Paris rattrape Lyon"]
    assert any(
        r.startswith("own_words:")
        for r in reasons["Vélo en ville : une révolution écologique et économique inattendue"]
    )


def test_title_too_wide_and_example_copy_rejected() -> None:
    wide = "Vélo en ville : les pistes cyclables de Lyon et les compteurs de la métropole"
    assert text_width(wide) > SERP_TITLE_MAX_PX
    backend = ScriptedBackend([wide, TITLE_EXAMPLES[1][2]])
    choice = model_title(backend, LEAD, BODY, keyphrase=KEYPHRASE, n=2)
    reasons = dict(choice.rejected)
    assert "too_wide" in reasons[wide] or "too_long" in reasons[wide]
    assert "copies_example" in reasons[TITLE_EXAMPLES[1][2]]


def test_meta_accepted_when_faithful_and_in_range() -> None:
    choice = model_meta(ScriptedBackend([" " + GOOD_META]), LEAD, BODY, keyphrase=KEYPHRASE)
    assert choice.text == GOOD_META
    assert 120 <= len(GOOD_META) <= 156


def test_meta_rejections() -> None:
    short = "Le vélo en ville gagne du terrain à Lyon."
    invented = (
        "Le vélo en ville gagne du terrain à Lyon : le trafic a augmenté de 45 % en cinq ans "
        "selon les compteurs de la métropole, une hausse record."
    )
    looping = (
        "Le vélo en ville de la métropole de la métropole de Lyon, les pistes cyclables et les "
        "compteurs de la métropole de la métropole de Lyon."
    )
    cut = "Le vélo en ville à Lyon : les pistes cyclables se sont multipliées depuis 2020 et le"
    backend = ScriptedBackend([short, invented, looping, cut])
    choice = model_meta(backend, LEAD, BODY, keyphrase=KEYPHRASE, n=4)
    assert choice.text is None
    reasons = {t: r for t, r in choice.rejected}
    assert "too_short" in reasons[short]
    assert "unsupported:45 %" in reasons[invented]
    assert "loops" in reasons[looping]
    assert "truncated" in next(
        r for t, r in choice.rejected if t.startswith("Le vélo en ville à Lyon")
    )


def _doc(*paragraphs: str) -> Document:
    return Document(
        blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        source=Source(name="t.txt", format="txt"),
    )


def test_build_article_uses_checked_model_title_and_meta_and_records_them() -> None:
    # The lead, then one section: its heading first (2 seeds), then the title (2 seeds) and the
    # meta description (2 seeds).
    doc = _doc(LEAD, BODY.split("\n")[1])
    backend = ScriptedBackend(
        [
            " Les clients venus à vélo et les compteurs",
            " Les clients venus à vélo et les compteurs",
            " Vélo en ville : les pistes cyclables se sont multipliées à Lyon",
            " Vélo en ville : Paris rattrape Lyon",
            " " + GOOD_META,
            " Trop court.",
        ]
    )
    generated: list[Generated] = []
    article = build_article(
        doc,
        EditorFields(keyphrase=KEYPHRASE),
        published=datetime(2026, 1, 1, tzinfo=UTC),
        backend=backend,
        generated=generated,
    )
    assert len(backend.calls) == 6
    # Published with French spacing (a no-break space before the colon).
    assert article.title == "Vélo en ville\u00a0: les pistes cyclables se sont multipliées à Lyon"
    # Under 400 px, the SEO title is the title extended with a clause of the lead.
    assert article.seo_title.startswith(article.title)
    assert article.meta_description == french_spacing(GOOD_META)
    assert article.slug.startswith("velo-ville-pistes-cyclables")  # slug from the chosen title
    fields = {(g.field, g.text, g.accepted) for g in generated}
    assert (
        "title",
        "Vélo en ville : les pistes cyclables se sont multipliées à Lyon",
        True,
    ) in fields
    assert ("meta_description", GOOD_META, True) in fields
    assert any(g.field == "title" and not g.accepted and g.reasons for g in generated)


def test_build_article_keeps_deterministic_fields_when_model_fails() -> None:
    doc = _doc(LEAD, BODY.split("\n")[1])
    plain = build_article(
        doc, EditorFields(keyphrase=KEYPHRASE), published=datetime(2026, 1, 1, tzinfo=UTC)
    )
    failing = build_article(
        doc,
        EditorFields(keyphrase=KEYPHRASE),
        published=datetime(2026, 1, 1, tzinfo=UTC),
        backend=ScriptedBackend([]),  # every completion empty
    )
    assert (failing.title, failing.seo_title, failing.meta_description) == (
        plain.title,
        plain.seo_title,
        plain.meta_description,
    )


def test_no_section_heading_repeats_the_title() -> None:
    from plume.clean import clean
    from plume.ingest import read_path
    from plume.settings import Settings
    from tests.conftest import SEEDS

    settings = Settings()
    for path in SEEDS:
        doc = clean(read_path(path, settings), settings).document
        article = build_article(
            doc, EditorFields(keyphrase="OpenAI"), published=datetime(2026, 1, 1, tzinfo=UTC)
        )
        headings = [s.heading.casefold() for s in article.sections]
        assert article.title.casefold() not in headings, path.name


def test_a_model_label_or_unsupported_title_loses_to_the_deterministic_one() -> None:
    # Issue 16: the model's "X et Y" label and a title the lead does not say are never used.
    label = "Vélo en ville et compteurs"
    false = "Vélo en ville : Lyon supprime ses pistes cyclables"
    choice = model_title(ScriptedBackend([label, false]), LEAD, BODY, keyphrase=KEYPHRASE, n=2)
    assert choice.text is None
    reasons = dict(choice.rejected)
    assert "label" in reasons[label]
    assert reasons[false]  # own words or unsupported claim


def test_a_model_meta_the_source_does_not_support_is_rejected() -> None:
    # Same words as the lead, roles reversed: the check of the claim rejects it.
    false = (
        "Le vélo en ville n’est plus une affaire de militants : à Lyon, les pistes cyclables ont "
        "disparu depuis 2020 et le trafic cycliste a baissé de 15 % en cinq ans."
    )
    choice = model_meta(ScriptedBackend([" " + false]), LEAD, BODY, keyphrase=KEYPHRASE, n=1)
    assert choice.text is None and choice.rejected


def test_a_reworded_model_meta_is_rejected_in_faithful_mode() -> None:
    # Seed 002 with the 270M model: "Chaque midi, la technologie de la ville a résonné…" for
    # "Vendredi après-midi, le monde de la technologie a résonné…". Only deletions pass.
    reworded = (
        "À Lyon, le vélo en ville gagne du terrain : les pistes cyclables se sont multipliées "
        "depuis 2020 et le trafic cycliste a augmenté de 15 %."
    )
    choice = model_meta(ScriptedBackend([" " + reworded]), LEAD, BODY, keyphrase=KEYPHRASE, n=1)
    assert choice.text is None
    assert "not_by_deletion" in dict(choice.rejected)[reworded]
