"""Step 9: page furniture is removed, article paragraphs never are."""

from __future__ import annotations

import re

import pytest

from plume.clean import clean
from plume.clean.boilerplate import canonical, is_boilerplate, is_prose
from plume.settings import GrammarSettings, Settings
from tests.unit.clean.helpers import (
    CORPUS_TXT,
    SEEDS,
    corpus,
    file_doc,
    letters,
    manifest,
    run,
)

RAW = Settings(fix_typography=False)
PARA = (
    "Le conseil municipal a voté jeudi soir le budget de la ville pour l’année prochaine, "
    "après trois heures de débats animés entre la majorité et l’opposition."
)
PARA2 = (
    "Les travaux de rénovation de la piscine commenceront au printemps et devraient durer "
    "dix-huit mois, selon l’adjoint chargé des sports."
)


@pytest.mark.parametrize(
    "block",
    [
        "Partager",
        "Partager cet article /",
        "partager sur :",
        "sur Facebook",
        "sur Twitter",
        "Lire aussi : Retraites, ce que prévoit la réforme",
        "À lire aussi",
        "Photo : Jean Dupont / AFP",
        "© Bestimage",
        "Crédit photo : Reuters",
        "Mettre en favori",
        "Jacques Chiracvoir sa bio",
        "Tags : retraites, Macron, réforme",
        "Mots-clés : santé, Covid-19",
        "Dernières News",
        "Abonnez-vous à notre newsletter pour recevoir l’essentiel de l’actualité.",
        "Publicité",
        "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre "
        "navigation, vous acceptez leur utilisation. Accepter ou paramétrer.",
        "[object Object]",
        "Commenter",
        "cc zuk0 https://flic.kr/p/s9X187",
        "Turpitude et architecture↑",
    ],
)
def test_furniture_blocks_are_removed(block: str) -> None:
    result = run(PARA, block, PARA2, settings=RAW)
    assert result.document.text == f"{PARA}\n\n{PARA2}"
    (change,) = result.changes
    assert change.rule == "CL-BOILERPLATE" and change.after == ""
    assert change.before == f"{block}\n\n"


@pytest.mark.parametrize(
    "block",
    [
        "Partager le pouvoir n’a jamais été son fort, explique un ancien collaborateur du maire.",
        "Sur Facebook, la publication a été partagée dix mille fois en une seule journée.",
        "La publicité en ligne représente désormais la moitié du marché publicitaire français.",
        "Les cookies de Noël de ma grand-mère sont célèbres dans tout le village depuis vingt ans.",
        "Lire aussi, c’est résister : la lecture reste une activité essentielle pour les jeunes.",
        "Photo, vidéo, texte : tout est bon pour faire le buzz, selon le rapport publié mardi.",
        "Les sites doivent permettre de refuser les cookies aussi facilement que de les accepter.",
        "Commenter l’actualité est devenu un métier à part entière pour ces jeunes vidéastes.",
    ],
)
def test_paragraphs_that_look_like_furniture_are_kept(block: str) -> None:
    assert is_prose(block)
    assert not is_boilerplate(block)
    assert run(PARA, block, PARA2, settings=RAW).changes == []


def test_canonical_form_ignores_typography() -> None:
    assert canonical("Photo\u00a0: X / AFP") == canonical("Photo : X / AFP") == "Photo:X / AFP"
    assert canonical("« Il a dit… »") == canonical('"Il a dit..."')


def test_tail_after_a_marker_is_removed_with_the_tags_before_it() -> None:
    blocks = [PARA, PARA2, "Asie", "Censure", "Littérature", "Partager cet article", "Un titre lié"]
    result = run(*blocks, settings=RAW)
    assert result.document.text == f"{PARA}\n\n{PARA2}"
    assert {c.rule for c in result.changes} == {"CL-BOILERPLATE"}


def test_an_agencys_sign_off_at_the_end_goes() -> None:
    # Written blind (unseen2): "abc/mdm/ale" closed an AFP wire and stayed in the article.
    for sign_off in ("abc/mdm/ale", "ats/nxp", "pa/jcp/ved"):
        result = run(PARA, PARA2, sign_off, settings=RAW)
        assert result.document.text == f"{PARA}\n\n{PARA2}", sign_off
    # A path or a ratio in a sentence is text.
    result = run(PARA, "Le site est en ligne sur plume/docs depuis mardi.", settings=RAW)
    assert "plume/docs" in result.document.text


def test_two_labels_before_a_marker_are_kept() -> None:
    # A signature and a job title before "Partager" are not a tag list.
    result = run(PARA, "Didier Roy", "Journaliste", "Partager", settings=RAW)
    assert result.document.text == f"{PARA}\n\nDidier Roy\n\nJournaliste"


def test_a_marker_followed_by_an_article_paragraph_removes_only_itself() -> None:
    result = run(PARA, "Partager", "Un titre court", PARA2, settings=RAW)
    assert result.document.text == f"{PARA}\n\nUn titre court\n\n{PARA2}"


def test_a_marker_before_any_paragraph_opens_no_tail() -> None:
    result = run("Commenter", "Un titre court", "Une autre ligne", settings=RAW)
    assert result.document.text == "Un titre court\n\nUne autre ligne"


def test_a_read_also_box_cut_by_a_line_break_goes_whole() -> None:
    # corpus 04 (Monde diplomatique)
    box2 = "Sung Il-kwon, « En Corée, la politique du rayon de soleil », Le Monde diplomatique, juin 2018."
    result = run(PARA, "Lire aussi Martine Bulard &", box2, PARA2, settings=RAW)
    assert result.document.text == f"{PARA}\n\n{PARA2}"


def test_a_credit_glued_to_the_last_sentence_is_removed() -> None:
    # corpus 01 (Gala): '"Cela relativise tout ça", met-il en perspective.Crédits photos : Bestimage'
    result = run("Il met la réforme en perspective.Crédits photos : Bestimage", settings=RAW)
    assert result.document.text == "Il met la réforme en perspective."
    # The glued-sentence step split it first, so the removed text starts with that space.
    assert [c.before for c in result.changes if c.rule == "CL-BOILERPLATE"] == [
        " Crédits photos : Bestimage"
    ]


# --- The real pages --------------------------------------------------------------------------


def _removed(path_prefix: str) -> list[str]:
    result = clean(file_doc(corpus(path_prefix)), Settings())
    return [c.before.strip("\n") for c in result.changes if c.rule == "CL-BOILERPLATE"]


def test_monde_diplomatique_furniture() -> None:
    removed = _removed("04")
    assert removed[:3] == [
        "Turpitude et architecture↑",
        "cc zuk0 https://flic.kr/p/s9X187",
        "Lire aussi Martine Bulard &",
    ]
    assert removed[3].startswith("Sung Il-kwon")
    assert removed[4:] == [
        "Asie",
        "Censure",
        "Littérature",
        "Corée du Sud",
        "Corée du Nord",
        "Partager cet article /",
        "sur Facebook",
        "sur Twitter",
        "sur Zinc",
    ]


def test_sciences_et_avenir_tail() -> None:
    removed = _removed("07")
    assert removed[0] == "Commenter" and removed[-1] == "Donald Trump"
    assert "Sur le même sujet" in removed and len(removed) == 16


def test_gala_tail_and_glued_credit() -> None:
    result = clean(file_doc(corpus("01")), Settings())
    text = result.document.text
    assert text.endswith("met-il en perspective.")
    assert "Mettre en favori" not in text and "voir sa bio" not in text
    assert "Dernières News" not in text


def test_arte_radio_furniture() -> None:
    removed = _removed("14")
    assert removed == [
        "[object Object]",
        "Dans la playlist",
        "Le son a bien été ajouté à la liste de lecture",
    ]


NO_FIXES = Settings(grammar=GrammarSettings(fix=False))


@pytest.mark.parametrize("path", SEEDS + CORPUS_TXT, ids=lambda p: p.name[:6])
@pytest.mark.parametrize("layout", ["paragraphs", "lines"])
def test_no_article_paragraph_is_ever_removed(path, layout: str) -> None:  # type: ignore[no-untyped-def]
    """Every paragraph that reads like article text survives, letter for letter (cleaning only
    inserts spaces, drops a stray capital or a footnote call glued to a sign inside kept
    paragraphs)."""
    d = file_doc(path, layout)
    # The grammar corrections (step 15) change words on purpose: this test is about removal.
    out = letters(clean(d, NO_FIXES).document.text)
    for block in d.blocks:
        for line in block.text.split("\n"):
            # The one prose-like line removed on purpose: the end of a "read also" box of the
            # Monde diplomatique page, cut from its first half by a line break.
            if is_prose(line) and not line.startswith("Sung Il-kwon"):
                line = _FOOTNOTE_CALL.sub("", line)  # CL-NOTE-CALL ("les 40 %1 alors")
                assert letters(line)[1:] in out, line[:80]


_FOOTNOTE_CALL = re.compile(r"(?<=%)\d{1,2}(?=\s)")


@pytest.mark.parametrize(
    "path",
    SEEDS + [p for p in CORPUS_TXT if manifest()[p.name]["kind"] == "clean"],
    ids=lambda p: p.name[:6],
)
def test_clean_texts_lose_nothing(path) -> None:  # type: ignore[no-untyped-def]
    result = clean(file_doc(path), Settings())
    assert [c for c in result.changes if c.rule == "CL-BOILERPLATE"] == []


def test_a_read_also_box_with_a_sentence_title_is_removed() -> None:
    # corpus 09 (Madame Figaro, through the HTML ingest)
    box = "À lire aussi » Ballonnements, lourdeurs...Quel est votre profil digestif et comment y remédier ?"
    result = run(PARA, box, PARA2)
    assert [c.rule for c in result.changes].count("CL-BOILERPLATE") == 1
    assert result.document.text.startswith(PARA) and "lire aussi" not in result.document.text


@pytest.mark.parametrize(
    "line",
    [
        "Partager sur Facebook",
        "Partager cet article sur LinkedIn",
        "Facebook Twitter Email Imprimer",
        "À lire aussi >> Les prix de l’énergie repartent à la hausse",
        "Lire la suite : le Sénat adopte le texte",
        "(Photo by Thomas Samson / AFP)",
        "Photo Philippe Lopez. AFP",
        "Tous droits réservés",
        "Recevez chaque matin l’essentiel de l’actualité dans votre boîte mail",
        "S’inscrire à la newsletter Politique",
        "Gérer mes cookies",
        "Sujets : Europe, Migrations, Droit d’asile",
        "#retraites #syndicats #grève",
    ],
)
def test_furniture_lines_in_many_phrasings_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "text",
    [
        "Partager ses souvenirs avec ses enfants est une joie pour beaucoup de parents.",
        "Pour aller plus loin dans la réforme, le gouvernement devra convaincre le Sénat.",
        "Photo de famille pour les ministres réunis à Bruxelles autour du président.",
        "Les cookies de Noël de la boulangerie du village se vendent très bien cette année.",
        "Pour aller plus loin, il faut agir.",
        "Le journal a lancé une newsletter et compte 5 000 abonnés.",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(text: str) -> None:
    assert not is_boilerplate(text)
