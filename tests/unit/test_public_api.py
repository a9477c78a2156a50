"""The curated public API (httpx habit): what ``import plume`` offers is deliberate."""

from __future__ import annotations

import plume


def test_all_is_exactly_the_public_api() -> None:
    assert sorted(plume.__all__) == sorted(
        [
            "Brief",
            "CheckResult",
            "Document",
            "EditorFields",
            "Mode",
            "OptimiseRequest",
            "PlumeError",
            "Report",
            "Score",
            "Settings",
            "__version__",
            "analyse",
            "load_settings",
            "optimise",
            "read_path",
            "read_text",
        ]
    )
    for name in plume.__all__:
        assert hasattr(plume, name), name


def test_analyse_accepts_text_and_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le vélo progresse en ville. Les pistes cyclables se multiplient depuis 2020. "
        "Cependant, le stationnement reste un problème pour de nombreux cyclistes."
    )
    from_text = plume.analyse(text, keyphrase="vélo")
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    from_path = plume.analyse(f, keyphrase="vélo")
    assert isinstance(from_text, plume.Report)
    assert from_text.stats.words == from_path.stats.words > 0
    assert [c.code for c in from_text.checks] == [c.code for c in from_path.checks]


def test_optimise_runs_a_request_without_a_model() -> None:
    from datetime import UTC, datetime

    settings = plume.load_settings({"lang": "fr"}, env={"PLUME_CONFIG": "/nonexistent"})
    text = (
        "Le vélo progresse en ville. Les pistes cyclables se multiplient depuis 2020, et le vélo "
        "devient un moyen de transport quotidien.\n\n"
        "Cependant, le stationnement reste un problème pour de nombreux cyclistes."
    )
    published = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    request = plume.OptimiseRequest(
        sources=(plume.read_text(text, settings),),
        settings=settings,
        fields=plume.EditorFields(keyphrase="vélo"),
        mode=plume.Mode.FAITHFUL,
        use_model=False,
        published=published,
        check_entities=False,
    )
    result = plume.optimise(request)
    assert result.model is None and result.generated == []
    assert result.keyphrase == "vélo" and result.keyphrase_source == "flag"
    assert result.article.keyphrase == "vélo"
    assert result.article.date_published == published
    assert "stationnement" in " ".join(result.article.body_paragraphs())
    assert isinstance(result.after, plume.Report) and result.after.stats.words > 0
