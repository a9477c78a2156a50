"""Properties of the whole analyse path on arbitrary input: it never crashes, spans stay inside."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plume.analyse.audit import analyse_document
from plume.document import EditorFields
from plume.errors import InputError
from plume.ingest import read_text
from plume.settings import load_settings

SETTINGS = load_settings(env={"PLUME_CONFIG": "/nonexistent"})

# French-looking material mixed with arbitrary Unicode: pure noise alone rarely reaches the
# interesting branches (keyphrase matches, passives, headings), pure French misses the edge cases.
FRENCH_BITS = st.sampled_from(
    [
        "Le projet a été abandonné par les dirigeants.",
        "L’OpenAI",
        "l'entreprise",
        " « citation » ",
        "Il est allé à Paris.",
        "\n\n",
        "\n",
        "# Titre\n",
        "## Intertitre\n",
        "- élément\n",
        "interrogations.Greg",
        "...",
        " ; ",
        " ? ",
        "3,5 %",
        "https://exemple.fr/a?b=c",
        "TLa",
        "\u202f",
        "\u00a0",
        "\u200b",
        "e\u0301",
    ]
)
TEXT = st.lists(st.one_of(FRENCH_BITS, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT, keyphrase=st.one_of(st.none(), st.sampled_from(["projet", "OpenAI", "de la", "é"]))
)
def test_analyse_never_crashes_and_spans_stay_inside(text: str, keyphrase: str | None) -> None:
    try:
        doc = read_text(text, SETTINGS)
    except InputError:  # documented refusals (empty, binary…) are fine; nothing else is
        return
    report = analyse_document(doc, SETTINGS, EditorFields(keyphrase=keyphrase))
    n = len(report.text)
    for check in report.checks:
        assert 0 <= check.score <= 9
        for span in check.spans:
            assert 0 <= span.start <= span.end <= n, (check.code, span, n)
    for finding in report.cleaning_findings:
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= n
    assert 0 <= report.seo.value <= 100 and 0 <= report.readability.value <= 100
