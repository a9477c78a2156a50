"""The French text layer: tokens, word count, sentences, syllables (plume.text)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from plume import text as T
from plume.text import Word, count_words, sentences, syllables, words

DATA = Path(__file__).parent / "analyse" / "data"
SHARED = Path(__file__).parents[2] / "../shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


def toks(text: str) -> list[str]:
    return [w.text for w in words(text)]


def sents(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


# --- Tokens ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’OpenAI", ["l’", "OpenAI"]),
        ("l'OpenAI", ["l'", "OpenAI"]),
        ("L’État", ["L’", "État"]),
        ("qu’il jusqu’à lorsqu’on", ["qu’", "il", "jusqu’", "à", "lorsqu’", "on"]),
        (
            "puisqu’elle quoiqu’il presqu’entièrement",
            ["puisqu’", "elle", "quoiqu’", "il", "presqu’", "entièrement"],
        ),
        ("s’il n’y m’a t’en c’est", ["s’", "il", "n’", "y", "m’", "a", "t’", "en", "c’", "est"]),
        ("QU’IL", ["QU’", "IL"]),
        # Whole words with an apostrophe.
        ("aujourd’hui d’aujourd’hui", ["aujourd’hui", "d’", "aujourd’hui"]),
        ("presqu’île presqu'île quelqu’un", ["presqu’île", "presqu'île", "quelqu’un"]),
        (
            "prud’homme entr’acte O’Neill main-d’œuvre",
            ["prud’homme", "entr’acte", "O’Neill", "main-d’œuvre"],
        ),
        # c’est-à-dire: c’ + est-à-dire (documented choice).
        ("c’est-à-dire", ["c’", "est-à-dire"]),
        # Hyphenated compounds.
        (
            "peut-être GPT-4 a-t-il va-t’en COVID-19",
            ["peut-être", "GPT-4", "a-t-il", "va-t’en", "COVID-19"],
        ),
        # Numbers.
        ("3,5 3.5 1 000 12 % 12% 2023-2024", ["3,5", "3.5", "1 000", "12 %", "12%", "2023-2024"]),
        ("1\u202f000\u00a0000 habitants", ["1\u202f000\u00a0000", "habitants"]),
        ("en 2023, 150 personnes", ["en", "2023", "150", "personnes"]),
        ("le 1er mai à 14h30", ["le", "1er", "mai", "à", "14h30"]),
        # URLs, domains, e-mails.
        ("voir https://openai.com/blog.", ["voir", "https://openai.com/blog"]),
        ("sur lemonde.fr ou X.com", ["sur", "lemonde.fr", "ou", "X.com"]),
        ("écrire à jean.dupont@exemple.fr.", ["écrire", "à", "jean.dupont@exemple.fr"]),
        # Elision before a quote; a closing quote after a word is not an elision.
        ("l’« IA »", ["l’", "IA"]),
        ("the students’ union", ["the", "students", "union"]),
        # A glued sentence is not a domain.
        ("interrogations.Greg", ["interrogations", "Greg"]),
        # A lone modifier apostrophe (a letter for \\w) is no word (the fuzz test found an
        # empty word here, which crashed the keyphrase tagger).
        ("ʼ", []),
        ("a ʼ b", ["a", "b"]),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


def test_offsets_are_absolute_and_match_the_text() -> None:
    text = "Aujourd’hui, l’OpenAI d'Altman a levé 1 000 € (12 %) ; voir lemonde.fr."
    ws = words(text, offset=100)
    assert ws[0] == Word("Aujourd’hui", 100, 111)
    assert all(text[w.start - 100 : w.end - 100] == w.text for w in ws)


def test_offsets_on_real_articles() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        ws = words(text, 7)
        assert len(ws) > 300
        assert all(text[w.start - 7 : w.end - 7] == w.text for w in ws)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ws))


def test_word_properties() -> None:
    w = {x.text: x for x in words("L’État d’OpenAI : 12 % sur lemonde.fr")}
    assert w["L’"].norm == "l'" and w["L’"].is_elision and w["L’"].is_capitalised
    assert w["d’"].is_elision and not w["État"].is_elision
    assert w["État"].norm == "état"
    assert w["12 %"].is_number and not w["État"].is_number
    assert w["lemonde.fr"].is_url and not w["OpenAI"].is_url
    assert not w["d’"].is_capitalised


# --- Word count -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Le chat dort.", 3),
        ("l’OpenAI d'Altman", 2),  # elisions do not add words (Yoast, Word, Google Docs)
        ("aujourd’hui peut-être c’est-à-dire", 3),
        ("« Bonjour » , dit-il — puis : rien !", 4),  # punctuation alone is not a word
        ("12 % des 1 000 habitants", 4),  # differences with Yoast: "%" not a word, "1 000" one
        ("1\u202f000 euros", 2),
        ("", 0),
        ("   \n ", 0),
    ],
)
def test_count_words(text: str, n: int) -> None:
    assert count_words(text) == n


def _yoast_count(text: str) -> int:
    """yoastseo's countWords: split on white space, strip its punctuation list at both ends."""
    punct = "–-()_[]’“”〝〞〟‟„\"'.?!:;,¿¡«»‹›×+&\u06d4—\u061f\u060c\u061b…<>"
    return sum(1 for piece in text.split() if piece.strip(punct))


def test_count_words_matches_yoast_on_real_articles_up_to_documented_differences() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        pieces = text.split()
        symbols_only = sum(
            1
            for p in pieces
            if p.strip("–-()_[]’“”\"'.?!:;,«»—…") and not any(c.isalnum() for c in p)
        )
        # "1 000" is one word for plume, k pieces for Yoast: each group removes k − 1.
        grouped = sum(
            1 - len(m.group().split())
            for m in re.finditer(rf"\d{{1,3}}(?:{T._NS}\d{{3}})+(?!\d)", text)
        )
        assert count_words(text) == _yoast_count(text) - symbols_only + grouped


# --- Sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Dupont est arrivé. Mme Durand aussi. MM. Martin et Petit sont là.",
            ["M. Dupont est arrivé.", "Mme Durand aussi.", "MM. Martin et Petit sont là."],
        ),
        ("Le Dr. House soigne. Il part.", ["Le Dr. House soigne.", "Il part."]),
        (
            "Des pommes, des poires, etc. et des fraises. Il a dit etc. Ensuite il part.",
            ["Des pommes, des poires, etc. et des fraises.", "Il a dit etc.", "Ensuite il part."],
        ),
        (
            "Il vécut en 50 av. J.-C. Il mourut plus tard.",
            ["Il vécut en 50 av. J.-C.", "Il mourut plus tard."],
        ),
        (
            "C’était p. ex. le cas du n° 5. Cf. Grevisse, p. 12.",
            ["C’était p. ex. le cas du n° 5.", "Cf. Grevisse, p. 12."],
        ),
        (
            "J. R. R. Tolkien a écrit. F. Hollande aussi. Emmanuel M. a été condamné.",
            ["J. R. R. Tolkien a écrit.", "F. Hollande aussi.", "Emmanuel M. a été condamné."],
        ),
        ("La vitamine C. Elle est bonne.", ["La vitamine C.", "Elle est bonne."]),
        ("Le prix est de 3.5 euros. Voilà.", ["Le prix est de 3.5 euros.", "Voilà."]),
        (
            "Il hésita… puis repartit. Il hésita… Puis il repartit.",
            ["Il hésita… puis repartit.", "Il hésita…", "Puis il repartit."],
        ),
        ("Il hésita... Puis il repartit.", ["Il hésita...", "Puis il repartit."]),
        (
            "« Tu viens ? » demanda-t-il. « Oui ! » Il partit.",
            ["« Tu viens ? » demanda-t-il.", "« Oui ! »", "Il partit."],
        ),
        ("Qui sait ? peut-être demain. Non !", ["Qui sait ? peut-être demain.", "Non !"]),
        # A lower-case start after a full stop still splits (TY-LOWERCASE-START reports it).
        ("Fin de phrase. début en minuscule.", ["Fin de phrase.", "début en minuscule."]),
        # Glued sentences (scraping artefact), but not domains.
        (
            "Les interrogations.Greg Brockman est parti.",
            ["Les interrogations.", "Greg Brockman est parti."],
        ),
        ("Voir lemonde.fr pour plus. Fin.", ["Voir lemonde.fr pour plus.", "Fin."]),
        ("Voir https://exemple.fr/Page. Fin.", ["Voir https://exemple.fr/Page.", "Fin."]),
        (
            "Il a dit : « Nous partons. » Puis il est parti.",
            ["Il a dit : « Nous partons. »", "Puis il est parti."],
        ),
        ("Ligne un\nLigne deux. Trois.", ["Ligne un", "Ligne deux.", "Trois."]),
        ("Sans point final", ["Sans point final"]),
        ("*** \n Texte.", ["Texte."]),  # no word: no sentence
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_sentence_offsets_and_words() -> None:
    text = "Bonjour. Il fait beau à Paris."
    s = sentences(text, offset=10)
    assert [(x.start, x.end) for x in s] == [(10, 18), (19, 40)]
    assert [w.text for w in s[1].words] == ["Il", "fait", "beau", "à", "Paris"]
    assert all(x.start <= w.start and w.end <= x.end for x in s for w in x.words)


def test_sentences_on_real_articles() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for para_start, para in _paragraphs(text):
            for s in sentences(para, para_start):
                assert text[s.start : s.end] == s.text
                # Never a split right after a title or an initial.
                assert not s.text.endswith((" M.", " Mme.", " Dr.", " MM.")), s.text
    glued = (SHARED / "seeds").glob("*.txt")
    found = [
        s.text
        for p in glued
        for s in sentences(p.read_text(encoding="utf-8"))
        if s.text.endswith("interrogations.")
    ]
    assert found, "the glued sentence 'interrogations.Greg' of the seeds should be split"


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# --- Syllables ------------------------------------------------------------------------------


def _labelled(name: str) -> list[tuple[str, int, int]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, spoken, written = line.split("\t")
            rows.append((word, int(spoken), int(written)))
    return rows


@pytest.mark.parametrize("name", ["syllables_fr.tsv", "syllables_fr_heldout.tsv"])
@pytest.mark.parametrize("spoken", [True, False])
def test_syllable_accuracy(name: str, spoken: bool) -> None:
    rows = _labelled(name)
    assert len(rows) >= 149
    assert len({w for w, _, _ in rows}) == len(rows), "duplicate words in the labelled list"
    wrong = [
        (w, s if spoken else wr, syllables(w, spoken=spoken))
        for w, s, wr in rows
        if syllables(w, spoken=spoken) != (s if spoken else wr)
    ]
    accuracy = 1 - len(wrong) / len(rows)
    # Target ≥ 95 % (brief); measured: 100 % on the tuning list, 99.3 % on the held-out list.
    assert accuracy >= 0.95, wrong


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("table", 1),
        ("parlent", 1),
        ("moment", 2),
        ("client", 2),
        ("naïf", 2),
        ("l’", 0),
        ("qu'", 0),
        ("2023", 4),  # deux mille vingt-trois
        ("1999", 8),  # mille neuf cent quatre-vingt-dix-neuf
        ("71", 4),  # soixante et onze
        ("0,5", 5),  # zéro virgule cinq
        ("12 %", 3),  # douze pour cent
        ("SNCF", 4),
        ("OTAN", 2),
        ("LE", 1),  # a function word in capitals is read, not spelled
        ("OpenAI", 4),
        ("iPhone", 2),
        ("M", 1),  # an initial
        ("a-t-il", 2),  # euphonic t: no syllable
        ("https://openai.com/blog", 4),
        ("", 0),
    ],
)
def test_syllables_special_tokens(word: str, n: int) -> None:
    assert syllables(word) == n


def test_written_convention_counts_the_mute_e() -> None:
    assert [syllables(w, spoken=False) for w in ("table", "parlent", "moment", "vie")] == [
        2,
        2,
        2,
        1,
    ]


def test_syllables_of_digits_that_are_not_decimal() -> None:
    # Found by hypothesis: "0000¹" passed str.isdigit() and crashed int().
    assert syllables("0000¹") >= 1
    assert syllables("²") >= 1
    assert syllables("2023") == 4


def test_one_word_count_for_every_stage() -> None:
    """Ingest's heading guesser and the analyser count words the same way: a number with its
    digit groups is one word ("400 000 euros" is 2), where ingest used to count 3."""
    from plume.ingest.text import count_words as ingest_count

    assert count_words("400 000 euros") == 2
    assert ingest_count is count_words


def test_shared_helpers() -> None:
    from plume.text import french_spacing, quotes_balanced, slugify, strip_accents

    assert strip_accents("Œuvre d’été à Noël") == "Oeuvre d’ete a Noel"
    assert slugify("L’été à Noël : 2024 !") == "l-ete-a-noel-2024"
    assert slugify("Søren Kierkegaard à Łódź") == "soren-kierkegaard-a-lodz"
    assert (
        french_spacing("Note : 42 % ; « oui » !")
        == "Note\u00a0: 42\u202f%\u202f; «\u202foui\u202f»\u202f!"
    )
    assert french_spacing(french_spacing("a : b")) == french_spacing("a : b")
    assert quotes_balanced("« oui »") and not quotes_balanced("« oui")


def test_french_spacing_keeps_quoted_text() -> None:
    """A quotation is the user's text: only the spaces just inside its guillemets change."""
    from plume.text import french_spacing, quotations

    nb, nn = "\u00a0", "\u202f"
    assert french_spacing("Le titre « Retraites : 37 % ? » : trop long.") == (
        f"Le titre «{nn}Retraites : 37 % ?{nn}»{nb}: trop long."
    )
    # Nested guillemets stay inside the outer quotation; a quote ending the text is spaced.
    assert french_spacing("Titre « Le « grand » soir ; fin »") == (
        f"Titre «{nn}Le « grand » soir ; fin{nn}»"
    )
    # An unmatched guillemet opens nothing: the rest is plume's text, spaced.
    assert quotations("a « b » c « d") == [(2, 7)]
    assert french_spacing("Ouvrant « sans fin : x") == f"Ouvrant «{nn}sans fin{nb}: x"
    # "%" after a template's placeholder, spaced before the template is formatted.
    assert french_spacing("{share} % des phrases : {n}") == f"{{share}}{nn}% des phrases{nb}: {{n}}"
    # Already spaced text (no-break or narrow) is left alone: idempotent.
    for text in (
        f"Note{nb}: 42{nn}% «{nb}oui{nb}»{nn}!",
        "Le nombre « 37 % » : x ; y ? z !",
        "https://x.fr a:b ?q",
    ):
        once = french_spacing(text)
        assert french_spacing(once) == once
    assert french_spacing(f"Note{nb}: «{nb}oui{nb}»") == f"Note{nb}: «{nb}oui{nb}»"
    assert french_spacing("https://x.fr a:b") == "https://x.fr a:b"


def test_balanced_breaks_cut_between_sentences_into_even_pieces() -> None:
    from plume.text import balanced_breaks

    assert balanced_breaks([40, 40, 40], 150) == []  # under the limit: one piece
    assert balanced_breaks([60, 60, 60, 60], 150) == [2]  # 240 words: two pieces of 120
    assert balanced_breaks([200], 150) == []  # a sentence over the limit stays whole
    assert balanced_breaks([100, 100, 100], 150) == [1, 2]


def test_a_shortening_never_changes_words_inside_a_quotation() -> None:
    from plume.text import quotations_intact

    original = (
        "« 90 % de la sérotonine, l’hormone du bien-être, est produite dans l’intestin », "
        "rappelle le naturopathe."
    )
    assert quotations_intact("Le naturopathe rappelle ceci.", original)
    assert quotations_intact(original, original)
    assert not quotations_intact(
        "« 90 % de la sérotonine est produite dans l’intestin », rappelle le naturopathe.",
        original,
    )
