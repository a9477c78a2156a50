"""Passive voice in French (plume.analyse.passive).

Two accuracy tests. The independent set, ``bench/data/passive_fr_{dev,heldout}.jsonl`` (285
sentences written after the detector or drawn from ``../shared/corpus``, labelled by Yoast's rule:
stative participles count, pronominal passives do not), sentence level. The sets written
alongside the detector: ``passive_gold_fr.tsv`` (sentences covering every tricky case) and
``passive_gold_seeds.tsv`` (all sentences of the five seed articles, read from ``../shared``,
labelled by short anchors), clause level: a predicted clause is right when its participle is a
gold clause's participle (same end offset). ``bench/passive_accuracy.py`` reuses
:func:`gold_documents` and the JSONL files to compare with yoastseo and spaCy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from plume.analyse.passive import passive_clauses, passive_spans
from plume.text import Sentence, sentences

HERE = Path(__file__).parent
SEEDS = Path(__file__).resolve().parents[3] / "../shared/seeds"
INDEPENDENT = Path(__file__).resolve().parents[3] / "bench/data"


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
        gold = doc.passive_ends | doc.stative_ends  # Yoast's convention: states are passives
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for end in pred ^ gold:
            kind = "false positive" if end in pred else "missed"
            errors.append(f"{kind}: {doc.name[:60]!r} …{doc.text[max(0, end - 30) : end]!r}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Target from the brief: ≥ 90 % precision and recall (measured: see bench/passive_accuracy.py).
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, errors)


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_accuracy_on_the_independent_set(part: str) -> None:
    lines = (INDEPENDENT / f"passive_fr_{part}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert len(rows) >= 100, "each part keeps ≥ 100 labelled sentences"
    wrong = [
        r["text"]
        for r in rows
        if any(passive_spans(s) for s in sentences(r["text"])) != r["passive"]
    ]
    # Issue 18: ≥ 98 % accuracy on the held-out part (measured: bench/passive_accuracy.py).
    assert 1 - len(wrong) / len(rows) >= 0.98, wrong


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
        ("La pièce est composée par Mozart.", ["est composée"]),
        ("Il est lié par contrat au club.", ["est lié"]),  # an exception, but an agent
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
        "Le sujet est lié à l’actualité.",  # an adjective for Yoast (passive_exceptions.txt)
        "C’est fait.",
        "Ce n’est pas terminé.",
        "Étant donné la situation, rien ne change.",
        "Il est peut-être parti.",
        "Le texte est, selon lui, une réussite.",  # an aside, then no participle
        "Il est venu, a vu, puis est reparti.",
        "Il est content du travail accompli.",  # the participle qualifies « travail »
        # pronominal passives: Yoast counts only être + participle
        "Ce modèle se vend très bien.",
        "Les billets se sont vendus en une heure.",
    ],
)
def test_not_passives(text: str) -> None:
    assert _one(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Compound tenses and moods
        ("Le projet aura été abandonné.", ["aura été abandonné"]),
        ("Le texte avait été voté.", ["avait été voté"]),
        ("Ayant été élu, il a démissionné.", ["Ayant été élu"]),
        ("Il espère être élu.", ["être élu"]),
        ("Il faut que la loi soit adoptée.", ["soit adoptée"]),
        ("Dès que les toiles eurent été vendues, il partit.", ["eurent été vendues"]),
        # Words between the auxiliary and the participle
        ("La loi a été rapidement adoptée.", ["a été rapidement adoptée"]),
        ("Les recours ont en effet été rejetés.", ["ont en effet été rejetés"]),
        ("L’affaire a été tout de suite confiée au juge.", ["a été tout de suite confiée"]),
        ("Les dossiers seront bien entendu relus.", ["seront bien entendu relus"]),
        ("Le texte est, selon lui, adopté.", ["est, selon lui, adopté"]),
        ("La pièce est chaque soir jouée.", ["est chaque soir jouée"]),
        ("Le club est depuis 2019 dirigé par elle.", ["est depuis 2019 dirigé"]),
        # An agent introduced by « de »
        ("Le professeur est aimé de tous.", ["est aimé"]),
        ("La maison est entourée de jardins.", ["est entourée"]),
        # Stative participles: passives for Yoast, and for plume since issue 18
        ("La maison est située près de la gare.", ["est située"]),
        ("Le retard est dû à la grève.", ["est dû"]),
        ("Je suis fatigué.", ["suis fatigué"]),
        ("La piscine est ouverte le dimanche.", ["est ouverte"]),
    ],
)
def test_passives_by_category(text: str, expected: list[str]) -> None:
    assert _one(text) == expected


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
