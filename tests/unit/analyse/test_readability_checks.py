"""Readability checks (RD-*): good and bad French examples, and Yoast's boundaries.

Some expectations need the French-aware text layer, passive detector and transition list being
written alongside these checks; they are marked ``# needs: …`` and listed in the report.
"""

from __future__ import annotations

from plume import text as T
from plume.analyse import formulas as F
from plume.analyse.checks.base import Context
from plume.analyse.researches import Research
from plume.analyse.runner import run_checks
from plume.report import Category, CheckResult, Rating
from tests.unit.analyse.builders import doc, run_one

# --- Building documents ----------------------------------------------------------------------

# Plain French sentences with no transition word, no passive, each starting differently.
NEUTRAL = [
    "Le marché couvert ouvre ses portes chaque samedi matin sur la place de l’église.",
    "Les habitants du quartier viennent y acheter des légumes frais et des fromages de la région.",
    "Une quarantaine de producteurs locaux tiennent un stand sous la grande halle en fer.",
    "La mairie loue les emplacements à un tarif modeste fixé par le conseil municipal.",
    "Les enfants du centre de loisirs visitent les étals avec leurs animateurs chaque mois.",
    "Un boulanger propose des pains au levain cuits sur place dans un four à bois.",
    "Des files d’attente se forment devant la fromagerie vers dix heures du matin.",
    "Le parking voisin reste gratuit le week-end pour les clients venus de loin.",
    "Une association organise des ateliers de cuisine pour les familles du quartier nord.",
    "Les prix restent stables au fil des saisons pour la plupart des produits.",
    "Le maire souhaite agrandir la halle dans les prochaines années avec l’aide de la région.",
    "Les commerçants du centre-ville suivent le projet avec beaucoup d’attention et de curiosité.",
    "Un fromager de la vallée vend ses tommes au détail et en gros.",
    "La fréquentation atteint son record au mois de décembre avec les marchés de Noël.",
    "Des musiciens amateurs jouent parfois près de l’entrée principale du bâtiment.",
    "Chaque client paie souvent par carte bancaire pour les petits achats du quotidien.",
    "Le conseil municipal examine un nouveau règlement intérieur pour les exposants.",
    "Nos lecteurs trouvent les horaires d’ouverture sur le site internet de la ville.",
    "Un marchand de fleurs installe son stand près de la fontaine chaque semaine.",
    "Beaucoup de touristes photographient volontiers les étals colorés du marché.",
    "Cette halle date du dix-neuvième siècle et appartient à la commune de longue date.",
    "Un architecte restaure la charpente métallique du bâtiment avec une équipe spécialisée.",
    "Plusieurs livreurs arrivent très tôt le matin pour décharger les camions.",
    "Notre poissonnier reçoit sa marchandise des ports bretons trois fois par semaine.",
]

PASSIVE = [
    "La loi a été votée par les députés en première lecture.",
    "Le budget a été adopté par le conseil municipal hier soir.",
    "Les travaux ont été retardés par la pluie pendant tout le mois.",
    "La rue sera fermée par la préfecture pendant deux jours.",
]

FRUITS = ["pommes", "poires", "prunes", "cerises", "abricots", "pêches", "figues", "noix", "coings"]

# Exactly 20 and 21 words (the boundary of RD-SENTENCE-LENGTH).
SENTENCE_20 = (
    "Le conseil municipal a voté hier le nouveau budget de la ville au terme d’un long "
    "débat entre les élus."
)
SENTENCE_21 = SENTENCE_20.replace("les élus.", "les élus présents.")


def filler(n: int) -> str:
    """A French sentence of exactly ``n`` words (8 ≤ n ≤ 21)."""
    assert 8 <= n <= 21
    base, k = (
        ("Le stand vend", (n - 4) // 2) if n % 2 == 0 else ("Le petit stand vend", (n - 5) // 2)
    )
    items = [f"des {f}" for f in FRUITS[:k]]
    s = f"{base} {', '.join(items[:-1])} et {items[-1]}."
    assert T.count_words(s) == n, (s, n)
    return s


def text_of(n: int, offset: int = 0) -> str:
    """Neutral French prose of exactly ``n`` words (n ≥ 8)."""
    out: list[str] = []
    total = 0
    i = offset
    while n - total > 21:
        s = NEUTRAL[i % len(NEUTRAL)]
        i += 1
        if n - total - T.count_words(s) < 8:
            continue  # would leave too few words for the filler: try the next sentence
        out.append(s)
        total += T.count_words(s)
    out.append(filler(n - total))
    text = " ".join(out)
    assert T.count_words(text) == n
    return text


run = run_one


def covered(result: CheckResult, text: str) -> list[str]:
    """The text under each span of ``result``."""
    return [text[s.start : s.end] for s in result.spans]


# --- RD-FLESCH / RD-LIX ----------------------------------------------------------------------

EASY = (
    "Le chat dort sur le lit. Il fait beau. Paul lit un livre au parc. "
    "Sa sœur joue au ballon avec un ami. Le soir, ils vont tous à la mer."
)
HARD = (
    "L’administration préfectorale a procédé à l’harmonisation systématique des dispositifs "
    "réglementaires d’accompagnement socioprofessionnel, nonobstant les recommandations "
    "institutionnelles formulées antérieurement par les organisations intergouvernementales "
    "internationales."
)


class TestFlesch:
    def test_easy_text_is_green_and_informational(self) -> None:
        res = run("RD-FLESCH", EASY)
        assert res.category is Category.INFO
        assert res.rating is Rating.GOOD
        assert res.score == 0  # informational: never counted
        assert res.value["score"] >= 60
        assert "Flesch" in res.message and "lecture" in res.message

    def test_hard_text_is_red_with_a_hint(self) -> None:
        res = run("RD-FLESCH", HARD)
        assert res.rating is Rating.BAD
        assert res.score == 0
        assert res.value["score"] < 30
        assert res.value["band"] == "very_difficult"
        assert "très difficile" in res.message
        assert res.hint  # says what to shorten

    def test_value_is_the_kandel_moles_formula(self) -> None:
        r = Research(doc(EASY, HARD))
        (res,) = run_checks(r, Context(), only={"RD-FLESCH"}).checks
        raw = F.flesch_kandel_moles(r.word_count, len(r.sentences), r.syllable_count)
        assert res.value["raw"] == round(raw, 2)
        assert res.value["words"] == r.word_count
        assert res.value["sentences"] == len(r.sentences)

    def test_does_not_weigh_on_the_readability_score(self) -> None:
        r = Research(doc(HARD))
        with_flesch = run_checks(r, Context(), only={"RD-FLESCH", "RD-SENTENCE-LENGTH"})
        without = run_checks(r, Context(), only={"RD-SENTENCE-LENGTH"})
        assert with_flesch.readability == without.readability

    def test_too_short_text_is_not_assessed(self) -> None:
        assert run("RD-FLESCH", "Il pleut.").rating is Rating.NA

    def test_headings_are_not_counted(self) -> None:
        a = run("RD-FLESCH", EASY)
        b = run(
            "RD-FLESCH",
            ("h2", "Une administration préfectorale systématiquement réglementaire"),
            EASY,
        )
        assert a.value == b.value


class TestLix:
    def test_easy_text_is_green(self) -> None:
        res = run("RD-LIX", EASY)
        assert res.category is Category.INFO
        assert res.rating is Rating.GOOD
        assert res.score == 0
        assert res.value["score"] < 30

    def test_hard_text_is_red(self) -> None:
        res = run("RD-LIX", HARD)
        assert res.rating is Rating.BAD
        assert res.value["band"] == "very_difficult"
        assert res.hint

    def test_value(self) -> None:
        # 2 sentences, 10 words; long: appartement, lumineux (2) → 10/2 + 100 × 2/10 = 25
        res = run("RD-LIX", "Cet appartement est très lumineux. Il donne sur la cour.")
        assert res.value["words"] == 10
        assert res.value["long_words"] == 2
        assert res.value["score"] == 25


# --- RD-SENTENCE-LENGTH ----------------------------------------------------------------------


class TestSentenceLength:
    def test_exactly_20_words_is_not_long(self) -> None:
        assert T.count_words(SENTENCE_20) == 20
        res = run("RD-SENTENCE-LENGTH", f"{SENTENCE_20} {NEUTRAL[0]}")
        assert res.rating is Rating.GOOD
        assert res.value["long"] == 0
        assert res.spans == []

    def test_21_words_is_long(self) -> None:
        assert T.count_words(SENTENCE_21) == 21
        text = f"{SENTENCE_21} {NEUTRAL[0]}"
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["long"] == 1
        assert res.value["share"] == 50
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert covered(res, text) == [SENTENCE_21]
        assert "50 %" in res.message.replace("\u202f", " ")

    def test_25_percent_is_green_and_marks_the_long_sentence(self) -> None:
        text = " ".join([SENTENCE_21, *NEUTRAL[:3]])
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["share"] == 25
        assert res.rating is Rating.GOOD
        assert res.score == 9
        assert covered(res, text) == [SENTENCE_21]  # marked even when green, like Yoast

    def test_between_25_and_30_percent_is_orange(self) -> None:
        text = " ".join([SENTENCE_21] * 3 + NEUTRAL[:8])  # 3 / 11 = 27.3 %
        res = run("RD-SENTENCE-LENGTH", text)
        assert res.value["share"] == 27.3
        assert res.rating is Rating.OK
        assert res.score == 6
        assert len(res.spans) == 3
        # Shortening one sentence is enough (2 / 11 = 18.2 %).
        assert "au moins 1 à 20 mots" in res.hint

    def test_exactly_30_percent_is_orange(self) -> None:
        res = run("RD-SENTENCE-LENGTH", " ".join([SENTENCE_21] * 3 + NEUTRAL[:7]))
        assert res.value["share"] == 30
        assert res.rating is Rating.OK

    def test_over_30_percent_is_red(self) -> None:
        res = run("RD-SENTENCE-LENGTH", " ".join([SENTENCE_21] * 4 + NEUTRAL[:9]))  # 30.8 %
        assert res.value["share"] == 30.8
        assert res.rating is Rating.BAD
        assert res.hint

    def test_headings_are_not_sentences(self) -> None:
        long_heading = " ".join(["Un intertitre beaucoup trop long"] * 6)
        res = run("RD-SENTENCE-LENGTH", ("h2", long_heading), " ".join(NEUTRAL[:4]))
        assert res.value["sentences"] == 4
        assert res.value["long"] == 0

    def test_elisions_do_not_lengthen_a_sentence(self) -> None:
        # 20 words as an editor counts them, with elisions (l’, d’, qu’): not long.
        s = (
            "L’équipe d’accueil explique qu’elle n’a jamais vu autant d’enfants s’inscrire "
            "à l’atelier de l’école du quartier nord cette année, dit-elle."
        )
        assert T.count_words(s) == 20
        res = run("RD-SENTENCE-LENGTH", f"{s} {NEUTRAL[0]}")
        assert res.value["long"] == 0


# --- RD-PARAGRAPH-LENGTH ---------------------------------------------------------------------


class TestParagraphLength:
    def test_150_words_is_green(self) -> None:
        res = run("RD-PARAGRAPH-LENGTH", text_of(150), text_of(40))
        assert res.rating is Rating.GOOD
        assert res.value["longest"] == 150
        assert res.spans == []

    def test_151_words_is_orange_and_marked(self) -> None:
        long_p = text_of(151)
        items = (text_of(40), long_p, text_of(60, 3))
        res = run("RD-PARAGRAPH-LENGTH", *items)
        assert res.rating is Rating.OK
        assert res.score == 6
        assert covered(res, doc(*items).text) == [long_p]
        assert "151" in res.message

    def test_200_words_is_orange_201_red(self) -> None:
        assert run("RD-PARAGRAPH-LENGTH", text_of(200)).rating is Rating.OK
        res = run("RD-PARAGRAPH-LENGTH", text_of(201), text_of(160, 5))
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert res.value["too_long"] == 2
        assert len(res.spans) == 2
        assert res.hint

    def test_quotes_and_list_items_count_as_paragraphs(self) -> None:
        res = run("RD-PARAGRAPH-LENGTH", ("li", text_of(170)))
        assert res.rating is Rating.OK


# --- RD-SUBHEADINGS --------------------------------------------------------------------------


class TestSubheadings:
    def test_300_words_without_subheading_is_fine(self) -> None:
        res = run("RD-SUBHEADINGS", text_of(150), text_of(150, 7))
        assert res.value["words"] == 300
        assert res.rating is Rating.GOOD
        assert res.score == 9

    def test_301_words_without_subheading_scores_2(self) -> None:
        first = text_of(150)
        second = text_of(151, 7)
        res = run("RD-SUBHEADINGS", first, second)
        assert res.rating is Rating.BAD
        assert res.score == 2  # Yoast: badLongTextNoSubheadings
        # The hint proposes where to put a subheading: before the second paragraph.
        assert " ".join(second.split()[:6]) in res.hint

    def test_h1_is_the_title_not_a_subheading(self) -> None:
        res = run("RD-SUBHEADINGS", ("h1", "Le marché couvert"), text_of(200), text_of(200, 5))
        assert res.value["subheadings"] == 0
        assert res.score == 2

    def test_sections_of_300_words_are_green(self) -> None:
        res = run(
            "RD-SUBHEADINGS",
            text_of(80),
            ("h2", "Un marché qui attire"),
            text_of(300, 2),
            ("h2", "Des projets pour la halle"),
            text_of(250, 4),
        )
        assert res.rating is Rating.GOOD
        assert res.value["sections"] == [80, 300, 250]

    def test_section_of_301_words_is_orange(self) -> None:
        items = (text_of(80), ("h2", "Un marché qui attire"), text_of(301, 2))
        res = run("RD-SUBHEADINGS", *items)
        assert res.rating is Rating.OK
        assert res.score == 6
        # The span covers the long section, from its subheading to its last paragraph.
        assert covered(res, doc(*items).text) == [f"Un marché qui attire\n\n{text_of(301, 2)}"]

    def test_350_orange_351_red(self) -> None:
        assert run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(350)).rating is Rating.OK
        res = run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(200), text_of(151, 3))
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert res.value["longest"] == 351

    def test_long_opening_before_first_subheading(self) -> None:
        items = (text_of(320), ("h2", "La suite"), text_of(100, 3))
        res = run("RD-SUBHEADINGS", *items)
        assert res.rating is Rating.OK
        assert "début du texte" in res.message
        assert covered(res, doc(*items).text) == [text_of(320)]
        very_long = run(
            "RD-SUBHEADINGS", text_of(200), text_of(151, 4), ("h2", "La suite"), text_of(50)
        )
        assert very_long.rating is Rating.BAD
        assert very_long.score == 3

    def test_short_text_with_subheadings(self) -> None:
        res = run("RD-SUBHEADINGS", ("h2", "Le marché"), text_of(120))
        assert res.rating is Rating.GOOD


# --- RD-PASSIVE ------------------------------------------------------------------------------


class TestPassive:
    def test_active_text_is_green(self) -> None:
        res = run("RD-PASSIVE", " ".join(NEUTRAL[:10]))
        assert res.rating is Rating.GOOD
        assert res.value["passive"] == 0

    def test_10_percent_is_green(self) -> None:
        text = " ".join([PASSIVE[0], *NEUTRAL[:9]])
        res = run("RD-PASSIVE", text)
        assert res.value["share"] == 10
        assert res.rating is Rating.GOOD
        # The span is the passive clause (auxiliary … participle), inside the sentence.
        (span,) = res.spans
        assert "été votée" in text[span.start : span.end]

    def test_between_10_and_15_percent_is_orange(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:2] + NEUTRAL[:13]))  # 13.3 %
        assert res.value["share"] == 13.3
        assert res.rating is Rating.OK
        assert res.score == 6
        assert len(res.spans) == 2

    def test_exactly_15_percent_is_orange(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:3] + NEUTRAL[:17]))
        assert res.value["share"] == 15
        assert res.rating is Rating.OK

    def test_over_15_percent_is_red(self) -> None:
        res = run("RD-PASSIVE", " ".join(PASSIVE[:2] + NEUTRAL[:8]))  # 20 %
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert "actif" in res.hint

    def test_etre_with_movement_verbs_is_not_passive(self) -> None:
        # needs: the French passive detector ("est allé", "sont venus" are active).
        text = " ".join(
            ["Le maire est allé au marché samedi.", "Les élus sont venus en nombre.", *NEUTRAL[:8]]
        )
        res = run("RD-PASSIVE", text)
        assert res.value["passive"] == 0
        assert res.rating is Rating.GOOD


# --- RD-TRANSITIONS --------------------------------------------------------------------------


def with_transitions(k: int, total: int) -> str:
    """``total`` sentences of which the first ``k`` open with a transition word."""
    openers = ["Pourtant, ", "Ensuite, ", "Mais ", "Enfin, ", "Donc ", "Puis "]
    out = []
    for i in range(total):
        s = NEUTRAL[i % len(NEUTRAL)]
        if i < k:
            s = openers[i % len(openers)] + s[0].lower() + s[1:]
        out.append(s)
    return " ".join(out)


class TestTransitions:
    def test_30_percent_is_green(self) -> None:
        text = with_transitions(6, 20)
        r = Research(doc(text))
        assert r.word_count >= 200
        res = run("RD-TRANSITIONS", text)
        assert res.value["share"] == 30
        assert res.rating is Rating.GOOD
        # Spans: the transition words themselves.
        marked = [text[s.start : s.end].lower() for s in res.spans]
        assert {"pourtant", "ensuite", "mais", "enfin"} <= set(marked)

    def test_between_20_and_30_percent_is_orange(self) -> None:
        res = run("RD-TRANSITIONS", with_transitions(5, 20))
        assert res.value["share"] == 25
        assert res.rating is Rating.OK
        # One more sentence with a transition reaches 30 %.
        assert "au moins 1 phrase de plus" in res.hint

    def test_exactly_20_percent_is_orange(self) -> None:
        assert run("RD-TRANSITIONS", with_transitions(4, 20)).rating is Rating.OK

    def test_under_20_percent_is_red(self) -> None:
        res = run("RD-TRANSITIONS", with_transitions(3, 20))
        assert res.value["share"] == 15
        assert res.rating is Rating.BAD
        assert res.score == 3

    def test_text_under_200_words_is_always_green(self) -> None:
        short = text_of(199)
        res = run("RD-TRANSITIONS", short)
        assert res.value["words"] == 199
        assert res.value["share"] == 0
        assert res.rating is Rating.GOOD

    def test_200_words_is_judged(self) -> None:
        res = run("RD-TRANSITIONS", text_of(200))
        assert res.value["share"] == 0
        assert res.rating is Rating.BAD

    def test_multiword_transitions(self) -> None:
        # needs: the complete transition list ("en effet", "par conséquent", "d’une part…").
        base = [NEUTRAL[i] for i in range(20)]
        base[0] = "En effet, " + base[0][0].lower() + base[0][1:]
        base[3] = "Par conséquent, " + base[3][0].lower() + base[3][1:]
        base[6] = "D’une part, le marché attire du monde, d’autre part il fait vivre le centre."
        base[9] = "Par exemple, " + base[9][0].lower() + base[9][1:]
        base[12] = "Toutefois, " + base[12][0].lower() + base[12][1:]
        base[15] = "En revanche, " + base[15][0].lower() + base[15][1:]
        res = run("RD-TRANSITIONS", " ".join(base))
        assert res.value["with_transition"] == 6
        assert res.rating is Rating.GOOD


# --- RD-SENTENCE-STARTS ----------------------------------------------------------------------


class TestSentenceStarts:
    def test_three_sentences_with_the_same_word_are_red(self) -> None:
        run_text = "Il a voté contre. Il a quitté la salle. Il a refusé de commenter."
        text = f"{NEUTRAL[0]} {run_text} {NEUTRAL[1]}"
        res = run("RD-SENTENCE-STARTS", text)
        assert res.rating is Rating.BAD
        assert res.score == 3
        assert covered(res, text) == [run_text]
        assert res.value["runs"][0]["beginning"] == "il"
        assert res.value["runs"][0]["count"] == 3
        assert "« il »" in res.message.replace("\u202f", " ")

    def test_two_are_fine(self) -> None:
        res = run("RD-SENTENCE-STARTS", f"Il a voté contre. Il a quitté la salle. {NEUTRAL[0]}")
        assert res.rating is Rating.GOOD
        assert res.spans == []

    def test_articles_take_the_next_word(self) -> None:
        # yoastseo's French firstWordExceptions: "le chat", "le chien", "le loup" differ.
        text = "Le chat dort au soleil. Le chien aboie dans la cour. Le loup hurle dans la forêt."
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD
        same = "Le maire parle. Le maire écoute. Le maire décide seul de tout."
        res = run("RD-SENTENCE-STARTS", same)
        assert res.rating is Rating.BAD
        assert res.value["runs"][0]["beginning"] == "le maire"

    def test_numerals_and_plural_articles_take_the_next_word(self) -> None:
        text = (
            "Deux élus ont voté contre. Deux habitants ont manifesté. Deux commerçants se "
            "plaignent. Des experts doutent. Des riverains protestent. Des élus s’abstiennent."
        )
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD

    def test_elided_article_is_read_with_its_noun(self) -> None:
        different = "L’entreprise recrute. L’usine ferme ses portes. L’État réagit vite."
        assert run("RD-SENTENCE-STARTS", different).rating is Rating.GOOD
        same = "L’entreprise recrute. L’entreprise investit. L'entreprise grandit vite."
        res = run("RD-SENTENCE-STARTS", same)
        assert res.rating is Rating.BAD
        assert res.value["runs"][0]["beginning"] == "l'entreprise"
        assert "« l’entreprise »" in res.message.replace("\u202f", " ")

    def test_elided_de_is_read_with_its_word(self) -> None:
        text = "D’abord, le maire parle. D’autres élus répondent. D’ailleurs, personne ne vote."
        assert run("RD-SENTENCE-STARTS", text).rating is Rating.GOOD

    def test_case_does_not_matter(self) -> None:
        res = run("RD-SENTENCE-STARTS", "Ici on vend. ici on achète. ICI on discute longtemps.")
        assert res.rating is Rating.BAD

    def test_a_heading_breaks_the_run(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Il a voté contre. Il a quitté la salle.",
            ("h2", "La suite"),
            "Il a refusé de commenter. Nos questions sont restées sans réponse.",
        )
        assert res.rating is Rating.GOOD

    def test_runs_continue_across_paragraphs(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Il a voté contre. Il a quitté la salle.",
            "Il a refusé de commenter. Nos questions sont restées sans réponse.",
        )
        assert res.rating is Rating.BAD

    def test_list_items_are_left_out(self) -> None:
        res = run(
            "RD-SENTENCE-STARTS",
            "Pour venir au marché, trois conseils suffisent.",
            ("li", "Venez tôt le matin."),
            ("li", "Venez avec un panier."),
            ("li", "Venez avec de la monnaie."),
        )
        assert res.rating is Rating.GOOD

    def test_two_runs_are_both_reported(self) -> None:
        text = (
            "Il pleut. Il vente. Il neige sur la ville. "
            f"{NEUTRAL[0]} "
            "Nous partons. Nous rentrons. Nous dormons enfin."
        )
        res = run("RD-SENTENCE-STARTS", text)
        assert len(res.spans) == 2
        assert [r["beginning"] for r in res.value["runs"]] == ["il", "nous"]


# --- Rules, overrides and data ---------------------------------------------------------------

RD_CODES = {
    "RD-FLESCH",
    "RD-LIX",
    "RD-SENTENCE-LENGTH",
    "RD-PARAGRAPH-LENGTH",
    "RD-SUBHEADINGS",
    "RD-PASSIVE",
    "RD-TRANSITIONS",
    "RD-SENTENCE-STARTS",
}


def test_every_rule_is_documented() -> None:
    from plume.analyse.checks.base import REGISTRY

    assert set(REGISTRY) >= RD_CODES
    for code in RD_CODES:
        rule = REGISTRY[code]
        assert rule.category in (Category.READABILITY, Category.INFO), code
        for msg in (rule.name, rule.what, rule.why):
            assert msg.fr and msg.en and msg.fr != msg.en, code
        assert rule.thresholds, code
        for param, th in rule.thresholds.items():
            assert len(th.source) > 20, (code, param)
        assert rule.example_bad and rule.example_good, code
    assert REGISTRY["RD-FLESCH"].category is Category.INFO
    assert REGISTRY["RD-LIX"].category is Category.INFO


def test_profile_overrides_apply() -> None:
    text = f"{SENTENCE_21} {NEUTRAL[0]}"
    default = run("RD-SENTENCE-LENGTH", text)
    r = Research(doc(text))
    ctx = Context(overrides={"RD-SENTENCE-LENGTH.max_words": 25})
    (relaxed,) = run_checks(r, ctx, only={"RD-SENTENCE-LENGTH"}).checks
    assert default.rating is Rating.BAD
    assert relaxed.rating is Rating.GOOD
    assert relaxed.value["max_words"] == 25


def test_not_french_is_not_assessed() -> None:
    r = Research(doc(" ".join(NEUTRAL[:6])))
    res = run_checks(r, Context(is_french=False), only=RD_CODES).checks
    by_code = {c.code: c.rating for c in res}
    # Language-specific checks step aside; length and structure checks still run.
    assert by_code["RD-PASSIVE"] is Rating.NA
    assert by_code["RD-TRANSITIONS"] is Rating.NA
    assert by_code["RD-FLESCH"] is Rating.NA
    assert by_code["RD-SENTENCE-LENGTH"] is Rating.GOOD
    assert by_code["RD-LIX"] is not Rating.NA


def test_first_word_exceptions_data_file() -> None:
    import unicodedata

    from plume.lang.fr import read_list

    entries = read_list("first_word_exceptions.txt")
    assert len(entries) == len(set(entries))
    assert {"le", "la", "les", "un", "une", "des", "ces", "deux", "dix"} <= set(entries)
    for e in entries:
        assert e == unicodedata.normalize("NFC", e) == e.strip() == e.lower()
        assert "'" not in e
