"""What the cleaner reports instead of fixing: cut sentences, truncation, unbalanced signs."""

from __future__ import annotations

from plume.clean import clean
from plume.clean.findings import find_defects
from plume.settings import Settings
from tests.unit.clean.helpers import corpus, doc, file_doc, run, seed


def test_seed_000_cut_sentence() -> None:
    result = clean(file_doc(seed("000")), Settings())
    text = result.document.text
    cuts = [f for f in result.findings if f.code == "CL-CUT-SENTENCE"]
    assert len(cuts) == 1  # the two others were stray stops before "et" and "dans" (CL-STRAY-STOP)
    first = cuts[0]
    (span,) = first.spans
    assert text[span.start : span.end] == ". conversation à l’heure du dîner."
    assert first.excerpt.endswith("liés à l’IA. conversation à l’heure du dîner.")
    assert first.message.startswith("Phrase coupée\u00a0: un point")  # French spacing


def test_messages_in_english() -> None:
    result = run("Il parle de l’IA. conversation à table.", settings=Settings(lang="en"))
    (finding,) = result.findings
    assert finding.code == "CL-CUT-SENTENCE"
    assert finding.message.startswith("Sentence cut in two: a full stop")


def test_abbreviations_and_initials_are_not_cut_sentences() -> None:
    for text in (
        "Des pommes, des poires, etc. et des prunes.",
        "Voir cf. la note, p. ex. le chapitre 3. la suite.",
        "En 52 av. J.-C. la Gaule tombe.",
        "Le chapitre 3. la suite",
    ):
        assert [f.code for f in run(text).findings] == [], text


def test_truncated_paragraph_behind_a_paywall() -> None:
    # corpus 10 (AOC): "… de laisser faire les interactions économi... "
    result = clean(file_doc(corpus("10")), Settings())
    (finding,) = [f for f in result.findings if f.code == "CL-TRUNCATED-WORD"]
    text = result.document.text
    assert text[finding.spans[0].start : finding.spans[0].end] == "économi…"


def test_text_that_ends_mid_sentence() -> None:
    result = run(
        "Le conseil a voté le budget.", "Les travaux commenceront dès que la ville aura reçu les"
    )
    assert [f.code for f in result.findings] == ["CL-TRUNCATED-END"]
    assert run("Le conseil a voté le budget.", "Didier Roy, journaliste").findings == []


def test_unbalanced_guillemets_and_parentheses() -> None:
    result = run("Il a dit « oui et il est parti (sans se retourner.")
    assert sorted(f.code for f in result.findings) == [
        "CL-UNBALANCED-PARENS",
        "CL-UNBALANCED-QUOTES",
    ]
    text = result.document.text
    assert {text[f.spans[0].start] for f in result.findings} == {"«", "("}


def _quote_marks(text: str) -> list[str]:
    found = find_defects(doc(text))
    return [text[f.spans[0].start] for f in found if f.code == "CL-UNBALANCED-QUOTES"]


def test_quotation_marks_pair_by_kind() -> None:
    assert _quote_marks("Il a dit « c’est “fini” » hier.") == []
    assert _quote_marks("Il a dit » non « et « oui.") == ["»", "«"]  # only the first unclosed «
    assert _quote_marks("Il a dit « oui ” hier.") == ["«", "”"]
    assert _quote_marks('Un écran de 27" et un autre.') == ['"']


def test_a_quotation_over_several_paragraphs_is_balanced() -> None:
    # Imprimerie nationale: each paragraph of a long quotation opens with «, only the last closes.
    result = run("« Premier paragraphe de la citation.", "« Second paragraphe, qui la clôt. »")
    assert result.findings == []


def test_emoticon_closes_a_parenthesis_and_list_markers_are_not_parentheses() -> None:
    assert run("Y a-t-il une différence (non, ceci n’est pas une blague ;) ?").findings == []
    assert run("a) le premier point ;").findings == []


def test_embedded_tweet() -> None:
    result = clean(file_doc(corpus("07")), Settings())
    embeds = [f for f in result.findings if f.code == "CL-EMBED"]
    assert len(embeds) == 3
    text = result.document.text
    assert (
        "— Elon Musk (@elonmusk) March 16, 2020"
        in text[embeds[0].spans[0].start : embeds[0].spans[0].end]
    )


def test_clean_articles_have_no_findings() -> None:
    for prefix in ("03", "06", "08", "11", "12", "15", "16"):
        assert clean(file_doc(corpus(prefix)), Settings()).findings == [], prefix


def test_initials_before_a_name_particle_are_not_cut_sentences() -> None:
    # corpus 13 (Sports.fr line-ups): "J. AndersenJ. de Souza Oliveira"
    assert run("J. AndersenJ. de Souza Oliveira et J. de Souza.").findings == []
