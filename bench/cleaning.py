"""Bench of the cleaner (:func:`plume.clean.clean`) on artefacts injected into real French texts.

Each text of ``../shared/seeds/*.txt`` and ``../shared/corpus/fr-articles/*`` is read with
:func:`plume.ingest.read_path` and cleaned once: its blocks are the *original*. Protected tokens
(decimals, dotted thousands, times, domains, codes, inclusive writing…) are added in a few
sentences, then the text is written out as plain text, blank lines between blocks; cleaning that
text gives the *reference*. Then, with a fixed seed, at most one artefact is injected into each
paragraph — hard wraps, boilerplate lines, stray capitals, glued sentences, run-together words —
each kind by several different generators, and the corrupted text is read and cleaned again.

An artefact is *repaired* when its paragraph comes out exactly as in the reference (for a
boilerplate line: the line is gone and the paragraph it was attached to is exact). Also counted:
protected tokens intact (each token of the reference found as many times in the output) and
paragraphs exactly restored (every block of the reference, artefact or not).

Split: the corpus pages 06, 08, 09, 10, 14 and 15 are held out, and so is one generator of each
kind (marked ``held=True``) and the boilerplate lines of ``HELD_BOILERPLATE``: design on the dev
part only. Run: ``.venv/bin/python bench/cleaning.py [--rounds N] [--verbose] [--layout lines]``
(a few seconds).
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plume.clean import clean
from plume.document import BlockKind
from plume.ingest import read_path, read_text
from plume.settings import Settings

SHARED = (Path(__file__).resolve().parent.parent / ".." / "shared").resolve()
HELD_TEXTS = ("06-", "08-", "09-", "10-", "14-", "15-")
SEED = 20261207

RAW = Settings(fix_typography=False)
FULL = Settings()

# --- Boilerplate lines, written for this bench (French news-site furniture) -----------------

DEV_BOILERPLATE = [
    # sharing bars
    "Partager sur Facebook",
    "Partager : Facebook Twitter LinkedIn E-mail",
    "Facebook Twitter Email Imprimer",
    "Partagez cet article",
    "Envoyer par e-mail",
    "Copier le lien",
    "Twitter | Facebook | WhatsApp",
    "Partager sur X",
    # read also
    "Lire aussi : La réforme des retraites expliquée en cinq points",
    "À lire aussi >> Les prix de l’énergie repartent à la hausse",
    "LIRE AUSSI - Ce que contient le projet de loi",
    "Voir aussi : notre dossier sur la sécheresse",
    "À voir également : la carte des départements concernés",
    "À lire également : Comment le télétravail a changé nos villes",
    "Lire aussi Le gouvernement recule sur l’assurance chômage",
    "Sur le même sujet",
    # photo credits
    "Photo : Jean Dupont / AFP",
    "Crédit photo : Reuters",
    "© Ludovic Marin / AFP",
    "Photo d’illustration",
    "Illustration : Getty Images",
    "(Photo by Thomas Samson / AFP)",
    "Crédits : Shutterstock",
    "Photo Philippe Lopez. AFP",
    "Crédit : Marie Durand pour Le Parisien",
    # newsletter prompts
    "Inscrivez-vous à notre newsletter",
    "Recevez chaque matin l’essentiel de l’actualité dans votre boîte mail",
    "Abonnez-vous pour lire la suite",
    "Newsletter : recevez nos articles chaque semaine",
    "Je m’abonne à la newsletter",
    "S’inscrire à la newsletter Politique",
    # cookie notices
    "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
    "En poursuivant votre navigation, vous acceptez l’utilisation de cookies.",
    "Accepter les cookies",
    "Gérer mes cookies",
    "Ce site utilise des cookies. En savoir plus",
    # tag lists
    "Tags : retraites, gouvernement, syndicats",
    "Mots-clés : santé, environnement",
    "Thèmes : Politique | Économie",
    "Catégories : Société",
    "Sujets : Europe, Migrations, Droit d’asile",
    # other furniture
    "Publicité",
    "12 commentaires",
    "Retour en haut de la page",
]

#: Never looked at while designing the cleaner's patterns: the held-out phrasings.
HELD_BOILERPLATE = [
    "Partager via WhatsApp",
    "Partager la publication",
    "Cliquez pour partager sur X (ouvre dans une nouvelle fenêtre)",
    "→ À LIRE AUSSI. Inflation : les prix alimentaires ralentissent enfin",
    "Lire la suite : Le Sénat adopte le texte en première lecture",
    "Pour aller plus loin : notre enquête sur les déserts médicaux",
    "Crédit : AFP",
    "Photo : DR",
    "Photo Marc Ollivier / Ouest-France",
    "(Crédit : Wikimedia Commons, CC BY-SA 4.0)",
    "Ne manquez rien de l’actualité : inscrivez-vous gratuitement à notre lettre d’information.",
    "Recevez notre newsletter quotidienne",
    "Ce site utilise des cookies pour vous offrir le meilleur service. Pour en savoir plus, "
    "consultez notre politique de confidentialité.",
    "Paramétrer les cookies",
    "Sujets associés : Climat, Énergie, Transports",
    "Mots clés : Justice - Prison - Réforme",
    "Suivez-nous sur Facebook et Instagram",
    "Partager cet article sur LinkedIn",
    "Tous droits réservés",
    "À découvrir aussi : les dix villes où il fait bon vivre",
]

#: Sentences added to paragraphs, each with protected tokens (listed after ``|``).
PROTECTED_SENTENCES = [
    "Le taux atteint 3,5 % contre 2.7 % un an plus tôt.|3,5|2.7",
    "Près de 1.500 personnes étaient attendues à 18h30 devant la mairie.|1.500|18h30",
    "Les négociations de la COP28 ont repris à Dubaï.|COP28",
    "Les étudiant·e·s peuvent consulter le site service-public.fr pour en savoir plus."
    "|étudiant·e·s|service-public.fr",
    "Le rendez-vous est fixé à 10:30, selon www.interieur.gouv.fr.|10:30|www.interieur.gouv.fr",
    "Le projet coûte 2,35 milliards d’euros, soit 12.000 euros par habitant.|2,35|12.000",
    "L’avion décolle à 7h45 de Roissy-CDG avec l’A320neo.|7h45|A320neo",
    "Les militant·es ont répondu sur lemonde.fr dès 8h05.|militant·es|lemonde.fr|8h05",
    "Le virus SARS-CoV-2 circule toujours, selon le bulletin n°12.|SARS-CoV-2|n°12",
    "Le score est de 0,8 point pour le groupe B2 et de 1,25 pour le groupe C1.|0,8|B2|1,25|C1",
]


# --- Generators ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Generator:
    kind: str
    name: str
    func: Callable[[str, random.Random], str | None]
    held: bool = False


def _wrap_greedy(text: str, rng: random.Random) -> str | None:
    return textwrap.fill(text, rng.randint(60, 80), break_long_words=False, break_on_hyphens=False)


def _wrap_ragged(text: str, rng: random.Random) -> str | None:
    """Each line cut at the last space before its own width (60–80): a hand-made or mail wrap."""
    words, lines, line = text.split(" "), [], ""
    width = rng.randint(60, 80)
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line, width = w, rng.randint(60, 80)
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines)


def _wrap_hyphens(text: str, rng: random.Random) -> str | None:
    return textwrap.fill(text, rng.randint(60, 80), break_long_words=False, break_on_hyphens=True)


def _wrap_words(text: str, rng: random.Random) -> str | None:
    """Held out: every N words (9–13), whatever the width: a PDF or OCR copy."""
    words = text.split(" ")
    n = rng.randint(9, 13)
    return "\n".join(" ".join(words[i : i + n]) for i in range(0, len(words), n))


def _first_letter(text: str) -> tuple[str, str] | None:
    if not text[:1].isalpha() or not text[:1].isupper():
        return None
    return text[0], text


def _stray_doubled(text: str, rng: random.Random) -> str | None:
    f = _first_letter(text)
    return f"{f[0]}{f[1]}" if f else None


def _stray_random(text: str, rng: random.Random) -> str | None:
    f = _first_letter(text)
    if not f:
        return None
    letter = rng.choice([c for c in "ABCDEFGHIJLMNOPRSTUV" if c != f[0]])
    return letter + f[1]


def _stray_spaced(text: str, rng: random.Random) -> str | None:
    """Held out: the drop cap kept apart, "L Le gouvernement"."""
    f = _first_letter(text)
    return f"{f[0]} {f[1]}" if f else None


_SENT_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2}[.!?]) (?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])")
_NUM_BOUNDARY = re.compile(r"(?<=[\d%€)][.]) (?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])")
_QUOTE_BOUNDARY = re.compile(
    r"(?<=[.!?]) (?=«)|(?<=[.!?]\s»)\s(?=[A-ZÀ-ÖØ-Þ])|(?<=[.!?]») (?=[A-Z])"
)
_QM_BOUNDARY = re.compile(
    r"(?<=[^\W\d_] [?!]) (?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])|(?<=[^\W\d_][?!…]) (?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])"
)


def _glue(pattern: re.Pattern[str]) -> Callable[[str, random.Random], str | None]:
    def gen(text: str, rng: random.Random) -> str | None:
        spots = [
            m.start("sp") if "sp" in m.groupdict() else m.start() for m in pattern.finditer(text)
        ]
        if not spots:
            return None
        s = rng.choice(spots)
        return text[:s] + text[s + 1 :]

    return gen


def _glue_quote(text: str, rng: random.Random) -> str | None:
    spots = [m.start() for m in _QUOTE_BOUNDARY.finditer(text)]
    if not spots:
        return None
    s = rng.choice(spots)
    out = text[:s] + text[s + 1 :]
    # Sometimes also lose the space inside the opening guillemet: ".«Nous".
    if out[s : s + 2] == "« " and rng.random() < 0.5:
        out = out[: s + 1] + out[s + 2 :]
    return out


_FUNCTION_AFTER = re.compile(
    r"(?<=[a-zà-öø-ÿ]{4}) (?=(?:qui|que|les|des|dans|pour|avec|sur|par|une|est)\b)"
)
_FUNCTION_BEFORE = re.compile(
    r"\b(?:de|la|le|les|des|en|du|un|une|à)(?P<sp> )(?=[a-zà-öø-ÿ]{4,}\b)"
)
_CONTENT_PAIR = re.compile(r"(?<![\w’'-])[a-zà-öø-ÿ]{4,}(?P<sp> )(?=[a-zà-öø-ÿ]{4,}\b)")


GENERATORS = [
    Generator("wrap", "greedy 60–80", _wrap_greedy),
    Generator("wrap", "ragged 60–80", _wrap_ragged),
    Generator("wrap", "greedy, hyphen breaks", _wrap_hyphens),
    Generator("wrap", "every 9–13 words", _wrap_words, held=True),
    Generator("stray-capital", "doubled LLe", _stray_doubled),
    Generator("stray-capital", "other capital TLa", _stray_random),
    Generator("stray-capital", "spaced L Le", _stray_spaced, held=True),
    Generator("glued", "after a word", _glue(_SENT_BOUNDARY)),
    Generator("glued", "after a number", _glue(_NUM_BOUNDARY)),
    Generator("glued", "around « »", _glue_quote),
    Generator("glued", "after ? ! …", _glue(_QM_BOUNDARY), held=True),
    Generator("run-together", "before a function word", _glue(_FUNCTION_AFTER)),
    Generator("run-together", "after a function word", _glue(_FUNCTION_BEFORE)),
    Generator("run-together", "two content words", _glue(_CONTENT_PAIR), held=True),
]
#: Boilerplate generators are positions; the line is drawn from the dev or the held-out list.
BOILERPLATE_POSITIONS = (
    "own block",
    "after a paragraph, one newline",
    "before a paragraph, one newline",
)


# --- The bench -------------------------------------------------------------------------------


@dataclass
class Tally:
    done: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    total: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    tokens_ok: int = 0
    tokens: int = 0
    paras_ok: int = 0
    paras: int = 0
    misses: list[str] = field(default_factory=list)


def _texts() -> list[Path]:
    return sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "corpus" / "fr-articles").glob("*")
    )


def _is_held(path: Path) -> bool:
    return path.parent.name == "fr-articles" and path.name.startswith(HELD_TEXTS)


_TOKEN_PATTERNS = re.compile(
    r"\b\d+[.,]\d+\b|\b\d{1,2}h\d{2}\b|\b\d+:\d+\b|\b[A-Z]{2,}\d+\b|\w+·\w+(?:·\w+)?"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|gouv\.fr|eu)\b"
)


#: How blocks are written out: blank lines between them, or one newline (a paragraph a line,
#: as in the seeds): ``--layout lines``.
LAYOUT = {"blank": "\n\n"}


def _serialise(blocks: list[str]) -> str:
    return LAYOUT["blank"].join(blocks) + "\n"


def _run_text(path: Path, rng: random.Random, tally: Tally, verbose: bool, held_part: bool) -> None:
    base = clean(read_path(path, RAW), RAW).document.blocks
    units: list[str] = []
    added: list[str] = []
    for b in base:
        text = b.text
        if b.kind is BlockKind.PARAGRAPH and len(text) > 120 and rng.random() < 0.25:
            sentence, *toks = rng.choice(PROTECTED_SENTENCES).split("|")
            text = f"{text} {sentence}"
            added += toks
        units.append(text)
    reference = [b.text for b in clean(read_text(_serialise(units), FULL), FULL).document.blocks]
    if len(reference) != len(units):
        tally.misses.append(f"{path.name}: reference has {len(reference)} blocks for {len(units)}")
        return
    out_units: list[str] = []
    expect: list[tuple[str, str, bool, int, str | None]] = []  # kind, gen, held, ref index, bp line
    for i, (u, b) in enumerate(zip(units, base, strict=False)):
        kind_ok = b.kind is BlockKind.PARAGRAPH and len(u) > 60
        roll = rng.random()
        if not kind_ok or roll < 0.15:
            out_units.append(u)
            continue
        if roll < 0.40:  # boilerplate
            held = rng.random() < 0.35
            bp = rng.choice(HELD_BOILERPLATE if held else DEV_BOILERPLATE)
            pos = rng.choice(BOILERPLATE_POSITIONS)
            if pos == "own block":
                out_units += [u, bp]
            elif pos.startswith("after"):
                out_units.append(f"{u}\n{bp}")
            else:
                out_units.append(f"{bp}\n{u}")
            expect.append(("boilerplate", pos, held, i, bp))
            continue
        # A kind first (each as likely), then one of its generators that applies here.
        kinds = sorted({g.kind for g in GENERATORS})
        rng.shuffle(kinds)
        gens = []
        for kind in kinds:
            of_kind = [g for g in GENERATORS if g.kind == kind]
            rng.shuffle(of_kind)
            gens += of_kind
        for g in gens:
            new = g.func(u, rng)
            if new is not None and new != u:
                out_units.append(new)
                expect.append((g.kind, g.name, g.held, i, None))
                break
        else:
            out_units.append(u)
    output = [b.text for b in clean(read_text(_serialise(out_units), FULL), FULL).document.blocks]
    out_set = Counter(output)
    out_text = "\n\n".join(output)
    for kind, gen, held, i, line in expect:
        key = (kind, gen, held)
        tally.total[key] += 1
        ok = out_set[reference[i]] > 0
        if line is not None:
            ok = ok and all(line not in o for o in output)
        if ok:
            tally.done[key] += 1
        elif verbose and not held:
            label = f"[{kind} / {gen}] {path.name}" + (f" line {line!r}" if line else "")
            tally.misses.append(_miss(label, reference[i], output))
    ref_counts = Counter(reference)
    tally.paras += len(reference)
    tally.paras_ok += sum(min(c, out_set[t]) for t, c in ref_counts.items())
    ref_text = "\n\n".join(reference)
    tokens = Counter(_TOKEN_PATTERNS.findall(ref_text))
    for t in added:
        tokens[t] = max(tokens[t], ref_text.count(t))
    for t, c in tokens.items():
        tally.tokens += c
        found = out_text.count(t)
        tally.tokens_ok += min(c, found)
        if found < c and verbose:
            tally.misses.append(f"[token] {path.name}: {t!r} {found}/{c}")


def _miss(label: str, ref: str, output: list[str]) -> str:
    """The reference paragraph and the closest output block, cut around their first difference."""
    best = max(output, key=lambda o: difflib.SequenceMatcher(None, o[:400], ref[:400]).ratio())
    k = next(
        (j for j, (a, b) in enumerate(zip(ref, best, strict=False)) if a != b),
        min(len(ref), len(best)),
    )
    lo = max(0, k - 60)
    return f"{label}\n  ref: …{ref[lo : k + 80]!r}\n  got: …{best[lo : k + 80]!r}"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} % ({a}/{b})" if b else "   –"


def report(tally: Tally, label: str) -> None:
    print(f"\n## {label}\n")
    print("| kind | generator | held-out generator | repaired |")
    print("|---|---|---|---|")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key in sorted(tally.total):
        kind, gen, held = key
        by_kind[kind][0] += tally.done[key]
        by_kind[kind][1] += tally.total[key]
        print(
            f"| {kind} | {gen} | {'yes' if held else ''} | {_pct(tally.done[key], tally.total[key])} |"
        )
    print()
    for kind, (d, t) in sorted(by_kind.items()):
        print(f"- {kind}: {_pct(d, t)}")
    done, total = sum(tally.done.values()), sum(tally.total.values())
    print(f"- **all artefacts: {_pct(done, total)}**")
    print(f"- protected tokens intact: {_pct(tally.tokens_ok, tally.tokens)}")
    print(f"- paragraphs exactly restored: {_pct(tally.paras_ok, tally.paras)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="corruptions per text (3)")
    ap.add_argument("--verbose", action="store_true", help="list the dev misses")
    ap.add_argument(
        "--layout",
        choices=("blank", "lines"),
        default="blank",
        help="blank lines between paragraphs (default), or one paragraph a line",
    )
    args = ap.parse_args()
    if args.layout == "lines":
        LAYOUT["blank"] = "\n"
    rng = random.Random(SEED)
    dev, held_gen, held = Tally(), Tally(), Tally()
    for path in _texts():
        for _ in range(args.rounds):
            if _is_held(path):
                _run_text(path, rng, held, False, True)
            else:
                _run_text(path, rng, dev, args.verbose, False)
    # Split the dev texts' figures by generator: dev generators vs held-out generators.
    for key in list(dev.total):
        if key[2]:
            held_gen.done[key] = dev.done.pop(key, 0)
            held_gen.total[key] = dev.total.pop(key)
    report(dev, "Dev texts, dev generators (designed on)")
    report(held_gen, "Dev texts, held-out generators and boilerplate lines")
    report(held, "Held-out texts (06, 08, 09, 10, 14, 15), all generators")
    if args.verbose:
        print("\n## Dev misses\n")
        for m in dev.misses:
            print(m)


if __name__ == "__main__":
    main()
