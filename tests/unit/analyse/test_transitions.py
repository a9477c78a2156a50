"""French transition words and expressions (plume.analyse.transitions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plume.analyse import transitions as TR
from plume.analyse.transitions import transition_spans
from plume.lang.fr import load_french
from plume.text import sentences

SHARED = Path(__file__).parents[3] / "../shared"


def found(text: str) -> list[str]:
    (s,) = sentences(text)
    return [text[sp.start : sp.end] for sp in transition_spans(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Single words and expressions, any case, either apostrophe.
        ("Cependant, il pleut.", ["Cependant"]),
        ("Il pleut ; par conséquent, on reste.", ["par conséquent"]),
        ("Il pleut, PAR CONSÉQUENT on reste.", ["PAR CONSÉQUENT"]),
        ("En effet, il pleut.", ["En effet"]),
        ("C’est pourquoi il reste.", ["C’est pourquoi"]),
        ("C'est pourquoi il reste.", ["C'est pourquoi"]),
        ("En revanche, il neige.", ["En revanche"]),
        ("Tout d’abord, lisons.", ["Tout d’abord"]),  # longest match, not "d’abord"
        ("Tout d'abord, lisons.", ["Tout d'abord"]),
        ("D’abord, lisons.", ["D’abord"]),
        ("Si bien que tout est fini.", ["Si bien que"]),  # not "bien que"
        ("C’est-à-dire que rien ne change.", ["C’est-à-dire"]),
        ("Il part, donc il est prêt ; ensuite il revient.", ["donc", "ensuite"]),
        ("Alors, il est parti.", ["Alors"]),
        # Word boundaries: nothing inside another word.
        ("Les donateurs sont partis.", []),
        ("Il a mangé des cornichons.", []),
        ("Il est alors parti.", ["alors"]),  # "or" inside "alors" is not matched
        # Ambiguous words, decided by context.
        ("Or, rien n’a changé.", ["Or"]),
        ("Il a trouvé de l’or dans la rivière.", []),
        ("Une médaille d’or ; or, il a perdu.", ["or"]),
        ("Il reste, car il pleut.", ["car"]),
        ("Il prend le car pour Lyon.", []),
        ("Il est venu en car.", []),
        ("Il mange, puis il dort.", ["puis"]),
        ("Je ne puis venir.", []),
        ("En tant que président, il décide.", []),
        ("Tant que tu es là, tout va bien.", ["Tant que"]),
        ("Il est sain et sauf.", []),
        ("Tous, sauf lui, sont venus.", ["sauf"]),
        ("Il grandit de plus en plus.", []),
        ("De plus, il pleut.", ["De plus"]),
        ("Au fond du couloir, une porte.", []),
        ("Au fond, il a raison.", ["Au fond"]),
        ("D’où vient-il ?", []),
        ("Les prix montent, d’où la colère.", ["d’où"]),
        ("Sur ce point, il a raison.", []),
        ("Sur ce, il partit.", ["Sur ce"]),
        ("Il a pris un bref repos.", []),
        ("Bref, c’était long.", ["Bref"]),
        ("Il va plutôt bien.", []),
        ("Plutôt, il faudrait partir.", ["Plutôt"]),
        # Deliberately absent single words.
        ("Il chante comme un oiseau.", []),
        ("Si tu viens, préviens-moi.", []),
        ("Il faut qu’il soit là.", []),
    ],
)
def test_single_expressions(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D’une part il pleut, d’autre part il vente.", ["D’une part", "d’autre part"]),
        ("Non seulement il chante, mais aussi il danse.", ["Non seulement", "mais aussi"]),
        ("Non seulement il chante, mais il danse.", ["Non seulement", "mais"]),
        ("Soit tu viens, soit tu pars.", ["Soit", "soit"]),
        ("Ni lui ni elle ne sont venus.", ["Ni", "ni"]),
        ("Tantôt il rit, tantôt il pleure.", ["Tantôt", "tantôt"]),
        # One part alone: no two-part match ("soit", "ni", "tantôt" are not single entries).
        ("Il faut qu’il soit là.", []),
        ("Il ne boit ni ne mange.", []),
        # The second part must follow the first.
        ("Soit.", []),
    ],
)
def test_two_part_expressions(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_spans_are_absolute() -> None:
    text = "Il pleut. Cependant, il sort."
    s = sentences(text, offset=50)[1]
    (span,) = transition_spans(s)
    assert (span.start, span.end) == (60, 69)
    assert text[span.start - 50 : span.end - 50] == "Cependant"


def test_every_context_rule_names_a_listed_expression() -> None:
    listed = set(load_french().transition_words)
    assert set(TR.CONTEXT_RULES) <= listed


def test_list_covers_the_classic_connectors() -> None:
    listed = set(load_french().transition_words)
    for expr in (
        "cependant",
        "donc",
        "en effet",
        "d’une part",
        "par conséquent",
        "c’est pourquoi",
        "en revanche",
        "tout d’abord",
        "néanmoins",
        "toutefois",
        "ainsi",
        "enfin",
        "en outre",
        "de plus",
        "par ailleurs",
        "autrement dit",
        "en somme",
        "bref",
        "du coup",
        "dès lors",
    ):
        assert expr in listed, expr
    pairs = set(load_french().transition_two_part)
    for pair in (
        ("d’une part", "d’autre part"),
        ("non seulement", "mais aussi"),
        ("soit", "soit"),
        ("ni", "ni"),
        ("tantôt", "tantôt"),
    ):
        assert pair in pairs, pair


def test_share_on_real_articles_is_plausible() -> None:
    # French news prose: roughly a quarter to a half of its sentences carry a connector (Yoast
    # asks for 30 %). Far outside this range means the matcher is broken.
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt")))
    ss = sentences(text.replace("\n", " "))
    share = sum(1 for s in ss if transition_spans(s)) / len(ss)
    assert 0.15 < share < 0.7, share
