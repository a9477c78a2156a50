"""Passive voice in French (plume.analyse.passive).

The accuracy test runs the detector over two hand-labelled sets: ``passive_gold_fr.tsv`` (117
sentences written for plume, covering every tricky case) and ``passive_gold_seeds.tsv`` (all
sentences of the five seed articles, read from ``../shared``, labelled by short anchors). A
predicted clause is right when its participle is a gold clause's participle (same end offset).
``bench/passive_accuracy.py`` reuses :func:`gold_documents` to compare with spaCy and yoastseo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from plume.analyse.passive import passive_clauses, passive_spans
from plume.text import Sentence, sentences

HERE = Path(__file__).parent
SEEDS = Path(__file__).resolve().parents[3] / "../shared/seeds"


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    sentences: list[Sentence]
    passive_ends: frozenset[int]  # end offsets of the gold passive participles
    stative_ends: frozenset[int]  # stative clauses: passive for yoastseo, not for plume


def _clauses(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(" ; ") if c.strip()]


def _ends(text: str, clauses: list[str], where: str) -> frozenset[int]:
    out: set[int] = set()
    for clause in clauses:
        start = text.find(clause)
        if start < 0:
            raise AssertionError(f"{where}: {clause!r} not found")
        while start >= 0:
            out.add(start + len(clause))
            start = text.find(clause, start + 1)
    return frozenset(out)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [([*line.split("\t"), "", ""])[:3] for line in lines if line and line[0] != "#"]


def gold_documents() -> list[GoldDoc]:
    """Both labelled sets as documents: each written sentence, then each seed article."""
    docs: list[GoldDoc] = []
    for text, passives, statives in _rows(HERE / "passive_gold_fr.tsv"):
        docs.append(
            GoldDoc(
                text,
                text,
                sentences(text),
                _ends(text, _clauses(passives), text),
                _ends(text, _clauses(statives), text),
            )
        )
    for prefix, passives, statives in _rows(HERE / "passive_gold_seeds.tsv"):
        (path,) = SEEDS.glob(prefix + "*.txt")
        text = path.read_text(encoding="utf-8")
        sents: list[Sentence] = []
        offset = 0
        for line in text.split("\n"):
            sents.extend(sentences(line, offset))
            offset += len(line) + 1
        docs.append(
            GoldDoc(
                path.name,
                text,
                sents,
                _ends(text, _clauses(passives), path.name),
                _ends(text, _clauses(statives), path.name),
            )
        )
    return docs


def predicted_ends(doc: GoldDoc) -> frozenset[int]:
    return frozenset(span.end for s in doc.sentences for span in passive_spans(s))


def _one(text: str) -> list[str]:
    """The passive clauses of a one-sentence text, as written."""
    (sentence,) = sentences(text)
    return [text[c.span.start : c.span.end] for c in passive_clauses(sentence)]


def test_accuracy_on_the_labelled_sets() -> None:
    tp = fp = fn = 0
    errors: list[str] = []
    docs = gold_documents()
    assert sum(len(d.passive_ends) for d in docs) >= 80, "the sets must stay ≥ 80 gold passives"
    for doc in docs:
        pred = predicted_ends(doc)
        tp += len(pred & doc.passive_ends)
        fp += len(pred - doc.passive_ends)
        fn += len(doc.passive_ends - pred)
        for end in pred ^ doc.passive_ends:
            kind = "false positive" if end in pred else "missed"
            errors.append(f"{kind}: {doc.name[:60]!r} …{doc.text[max(0, end - 30) : end]!r}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Target from the brief: ≥ 90 % precision and recall (measured: see bench/passive_accuracy.py).
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, errors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le texte a été adopté par le Sénat.", ["a été adopté"]),
        ("Le projet n’est pas autorisé.", ["est pas autorisé"]),
        ("Le projet n'a pas encore été validé.", ["a pas encore été validé"]),
        ("Le projet a été très vite abandonné.", ["a été très vite abandonné"]),
        ("A-t-il été prévenu à temps ?", ["A-t-il été prévenu"]),
        ("Il affirme avoir été trompé.", ["avoir été trompé"]),
        ("Les mesures seront prises dès demain.", ["seront prises"]),  # irregular participle
        ("Ce droit nous est refusé.", ["est refusé"]),  # dative clitic, not reflexive
        ("Il a été sorti du gouvernement.", ["a été sorti"]),  # être verb, compound: passive
        ("La pièce est composée par Mozart.", ["est composée"]),  # stative list, but an agent
        (
            "Les deux textes ont été signés et seront appliqués.",
            ["ont été signés", "seront appliqués"],
        ),
    ],
)
def test_passives(text: str, expected: list[str]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il est allé à Paris.",  # être verb: active compound tense
        "Ils sont nés en 1990.",
        "Microsoft est intervenu rapidement.",
        "Le film est sorti mercredi.",  # documented choice: intransitive reading
        "Il s’est lancé dans la course.",  # pronominal
        "Ils se sont rencontrés à Lyon.",
        "Elle s'est vu refuser l’entrée.",
        "Nous nous sommes inscrits hier.",
        "Ils s’en sont aperçus trop tard.",
        "L’été est chaud cette année.",  # été the noun
        "Cet été a été exceptionnel.",
        "Il est grand et fort.",  # adjective, not a participle
        "Il est censé arriver à midi.",
        "Il est député de la Somme.",  # noun homograph
        "La maison est située près de la gare.",  # stative
        "Le retard est dû à la grève.",
        "C’est fait.",
        "Étant donné la situation, rien ne change.",
        "Il est peut-être parti.",
        "Le texte est, selon lui, adopté.",  # punctuation between: not followed
    ],
)
def test_not_passives(text: str) -> None:
    assert _one(text) == []


def test_clause_details_and_absolute_offsets() -> None:
    text = "Premier paragraphe. Les salariés ont été licenciés."
    second = sentences(text)[1]
    (clause,) = passive_clauses(second)
    assert (clause.auxiliary, clause.participle, clause.infinitive) == (
        "ont été",
        "licenciés",
        "licencier",
    )
    assert text[clause.span.start : clause.span.end] == "ont été licenciés"


def test_agreement_rules_out_a_clash() -> None:
    # « sont » is plural, « autorisé » singular: not read as a passive; « on » takes either.
    assert _one("Les projets sont autorisé.") == []
    assert _one("On est tous surpris par la nouvelle.") == ["est tous surpris"]
