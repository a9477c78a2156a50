"""The curated public API (httpx habit): what ``import plume`` offers is deliberate."""

from __future__ import annotations

import plume


def test_all_is_exactly_the_public_api() -> None:
    assert sorted(plume.__all__) == sorted(
        [
            "Brief",
            "CheckResult",
            "Document",
            "PlumeError",
            "Report",
            "Score",
            "Settings",
            "__version__",
            "analyse",
            "load_settings",
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
