"""The originality guard (plume.verify.guards.originality)."""

from __future__ import annotations

from plume.article import Section
from plume.verify.guards import (
    measure_originality,
    run_guards,
)
from tests.unit.verify.guards.conftest import make


def test_originality_counts_copied_8_word_sequences() -> None:
    source = (
        "Le conseil d’administration a estimé que Sam Altman n’avait pas été franc dans ses "
        "communications avec lui, selon un communiqué publié vendredi."
    )
    copied = "Le conseil d’administration a estimé que Sam Altman n’avait pas été franc."
    fresh = (
        "Pour les administrateurs, le dirigeant manquait de transparence envers eux, ce qui "
        "a motivé son départ immédiat de l’entreprise californienne."
    )
    article = make(intro=[copied], sections=[Section(heading="Suite", paragraphs=[fresh])])
    o = measure_originality(article, [source])
    # "copied" has 14 words (d’ and n’ split off): 7 sequences, all in the source; "fresh"
    # has 21 words: 14 sequences, none copied.
    assert o.ngrams == 7 + 14
    assert o.share == round(7 / 21, 4)
    assert o.by_field == {"intro": 1.0, "sections[0]": 0.0}
    assert o.copied == [copied[:-1]]
    report = run_guards(article, [source])
    (v,) = [v for v in report.violations if v.guard == "originality"]
    assert v.hard and v.field == "article" and "l’introduction" in v.hint_fr
    assert run_guards(article, [source], originality_ceiling=0.5).originality.ok
    assert measure_originality(article, []).share == 0.0


def test_case_and_punctuation_do_not_hide_a_copy() -> None:
    source = "Microsoft a proposé d’embaucher Sam Altman et Greg Brockman dans une nouvelle équipe."
    copy = "MICROSOFT a proposé d'embaucher Sam Altman, et Greg Brockman — dans une nouvelle équipe"
    o = measure_originality(make(intro=[copy], sections=[]), [source])
    assert o.share == 1.0


def test_a_quotation_the_source_quotes_is_not_counted_as_copy() -> None:
    """The fact check wants quotations word for word; originality must not then fail them.
    Only a quotation the source quotes too is left out: a source sentence put between
    quotation marks, a longer run than the source's quotation, or the prose around it still
    count (a model cannot hide copy behind quotation marks)."""
    source = (
        "« Chirac le surnommait le Grand Con, parce qu’il est grand et qu’il est con », a "
        "raconté un ancien ministre au Parisien. Jean-Paul Delevoye a toujours su gagner la "
        "confiance des présidents successifs de la République."
    )
    quoting = (
        "Un ancien ministre le rappelle : « Chirac le surnommait le Grand Con, parce qu’il est "
        "grand et qu’il est con »."
    )
    o = measure_originality(make(intro=[quoting], sections=[]), [source])
    # 21 words (qu’il: qu, il), 14 windows, each touching the 16 words of the quotation.
    assert o.ngrams == 0 and o.quoted == 14 and o.share == 0.0
    report = run_guards(make(intro=[quoting], sections=[]), [source])
    assert report.originality.ok and not [v for v in report.violations if v.guard == "originality"]

    disguised = (
        "« Jean-Paul Delevoye a toujours su gagner la confiance des présidents successifs de la "
        "République », lit-on."
    )
    o = measure_originality(make(intro=[disguised], sections=[]), [source])
    assert o.quoted == 0 and o.share == 0.8  # not a quotation of the source: still copy
    longer = (
        "« Chirac le surnommait le Grand Con, parce qu’il est grand et qu’il est con, a raconté "
        "un ancien ministre au Parisien »."
    )
    o = measure_originality(make(intro=[longer], sections=[]), [source])
    assert o.quoted == 0 and o.share == 1.0
