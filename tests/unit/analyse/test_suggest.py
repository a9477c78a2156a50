"""Keyphrase suggestion and the synonyms a text establishes (plume.analyse.suggest)."""

from __future__ import annotations

import itertools
from pathlib import Path

from plume.analyse.researches import Research
from plume.analyse.suggest import adopt_suggestion, suggest_keyphrases, suggest_synonyms
from plume.document import Block, BlockKind, Document, Meta, Source

SEEDS = Path(__file__).resolve().parents[3] / "../shared/seeds"


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(prefix + "*.txt")
    return path.read_text(encoding="utf-8")


def _doc(text: str, title: str | None = None) -> Document:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith("Make this article"):  # seed 000's English brief
        lines = lines[1:]
    blocks = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines)
    return Document(blocks, Source("seed", "txt"), meta=Meta(title=title))


def test_suggestions_on_a_seed() -> None:
    got = suggest_keyphrases(Research(_doc(_seed("003_"))), 5)
    phrases = [s.phrase for s in got]
    assert phrases[:2] == ["OpenAI", "Microsoft"]
    assert "Sam Altman" in phrases
    assert any(p.replace("'", "’") == "conseil d’administration" for p in phrases)
    sam = next(s for s in got if s.phrase == "Sam Altman")
    assert sam.lemma == "sam altman" and sam.count >= 10
    assert all(a.score >= b.score for a, b in itertools.pairwise(got))


def test_suggestions_on_all_seeds() -> None:
    text = "\n".join(_seed(p) for p in ("000_", "001_", "002_", "003_", "004_"))
    phrases = [s.phrase.replace("'", "’") for s in suggest_keyphrases(Research(_doc(text)), 8)]
    for expected in ("OpenAI", "Microsoft", "conseil d’administration"):
        assert expected in phrases[:6], phrases
    assert "Sam Altman" in phrases or "Altman" in phrases, phrases


def test_suggestions_weigh_titles_and_skip_function_words() -> None:
    text = "Le vélo électrique séduit.\nLes villes aiment le vélo électrique.\nUn chat dort."
    plain = suggest_keyphrases(Research(_doc(text)), 3)
    assert plain[0].phrase == "vélo électrique" and plain[0].count == 2
    titled = suggest_keyphrases(Research(_doc(text, title="Un chat, un chat, un chat")), 3)
    assert titled[0].phrase == "chat"
    for s in plain + titled:
        first, last = s.phrase.split()[0], s.phrase.split()[-1]
        assert first not in {"le", "les", "un", "de"} and last not in {"le", "les", "un", "de"}


# --- the suggestion plume adopts, and the synonyms the text establishes -------------------------


def test_adopted_suggestion_is_the_best_one_the_lead_uses() -> None:
    from plume.report import KeyphraseSuggestion as S

    a = S(phrase="IA", lemma="ia", count=17, score=17.0, in_intro=False)
    b = S(phrase="Microsoft", lemma="microsoft", count=14, score=14.5, in_intro=True)
    assert adopt_suggestion([a, b]) == b
    weak = S(phrase="économique mondial", lemma="x", count=3, score=5.6, in_intro=True)
    top = S(phrase="Tunisie", lemma="tunisie", count=8, score=10.0, in_intro=False)
    assert adopt_suggestion([top, weak]) == top  # 56 % of the top: not a close second
    assert adopt_suggestion([a]) == a
    assert adopt_suggestion([]) is None


def test_seed_000_keyphrase_is_in_its_lead(seeds: list[Path]) -> None:
    from plume.pipeline import analyse

    report = analyse(seeds[0])
    assert report.keyphrase == "Microsoft"  # "IA" ranks first but the lead never says it
    assert report.suggestions[0].phrase == "IA" and not report.suggestions[0].in_intro
    assert next(c for c in report.checks if c.code == "SEO-KP-INTRO").rating.value == "good"


def test_synonyms_only_from_definitions_and_short_names() -> None:
    text = (
        "Les vélos à assistance électrique (VAE) séduisent. Sam Altman revient ; Altman a gagné. "
        "Selon Altman, l’implosion apparente est finie."
    )
    assert suggest_synonyms(text, "VAE") == ["vélos à assistance électrique"]
    assert suggest_synonyms(text, "vélos à assistance électrique") == ["VAE"]
    assert suggest_synonyms(text, "Sam Altman") == ["Altman"]
    # Initials that merely match ("implosion apparente" for IA) are not a definition.
    assert suggest_synonyms(text, "IA") == []
    assert suggest_synonyms("Le PDG (président-directeur général) parle.", "PDG") == []
    assert suggest_synonyms(text, "vélo") == []
