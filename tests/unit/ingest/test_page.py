"""A news page's structure (``plume.ingest.page``), read through ``read_text``: small French
pages modelled on the corpus layouts (Tribune de Genève, Madame Figaro, an embedded post), and
the real Tribune de Genève page of the corpus."""

from __future__ import annotations

from plume.document import Block, BlockKind, Document
from plume.ingest import read_path, read_text
from plume.settings import Settings
from tests.unit.ingest.helpers import CORPUS

LEAD = (
    "Le Conseil d’État a tranché mardi : les terrasses des cafés genevois pourront rester "
    "ouvertes jusqu’à minuit pendant tout l’été, a annoncé le département de l’économie."
)
BODY = (
    "Les cafetiers réclamaient cette mesure depuis deux ans, après des saisons difficiles. "
    "Les riverains, eux, redoutent le bruit et demandent des contrôles réguliers dans les "
    "quartiers les plus animés de la ville, où les plaintes se multiplient chaque été."
)
STANDFIRST = "Les terrasses genevoises pourront rester ouvertes jusqu’à minuit cet été."
NAV = "<nav><ul><li><a href='/'>Accueil</a></li><li><a href='/geneve'>Genève</a></li></ul></nav>"


def _tdg_page() -> str:
    """The Tribune de Genève layout: kicker span glued to the standfirst in an <h3>, bold
    intertitles, a "Créé :" line, a related-stories box signed by another author, an infobox
    teaser ending on "Plus...", a photo caption."""
    return f"""<!DOCTYPE html><html><head>
<title>Genève: Les terrasses ouvertes jusqu’à minuit - Genève - tdg.ch</title>
<meta name="description" content="{STANDFIRST}">
<meta property="og:site_name" content="Tribune de Genève">
<link rel="canonical" href="https://www.tdg.ch/geneve/terrasses-minuit/story/123">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Les terrasses ouvertes jusqu’à minuit", "datePublished": "2021-06-03T10:12:00+02:00",
"articleSection": "geneve", "author": {{"@type": "Person", "name": ""}},
"publisher": {{"@type": "Organization", "name": "Tribune de Genève"}}}}</script>
</head><body>{NAV}<div id="article">
<h1>Les terrasses ouvertes jusqu’à minuit</h1>
<h3><span class="keyword">Genève</span>{STANDFIRST}</h3>
<div id="mainColLeft"><div id="topElement"><img src="/img/terrasse.jpg" alt="Une terrasse">
<p class="caption">Une terrasse du quartier des Pâquis. <nobr>Image: Keystone</nobr></p></div>
<div id="mainContent"><p>{LEAD}</p><p>{BODY}</p>
<p><b>Une mesure attendue</b></p><p>{BODY}</p><p>{LEAD}</p>
<p><b>Les riverains inquiets</b></p><p>{BODY}</p>
<p class="publishedDate">Créé: 03.06.2021, 10h12</p></div></div>
<div id="mainColRight"><div class="contextBox"><h4>Articles en relation</h4>
<div class="relatedArticle"><h5><a href="/geneve/bruit/story/99">Le bruit des terrasses</a></h5>
<p><span class="keyword">Nuisances</span> Les plaintes pour bruit ont doublé en un an.
<a href="/geneve/bruit/story/99">Plus...</a></p>
<p class="storyInfo"><span class="author">Par Jean Autre</span><time>01.06.2021</time></p>
</div></div><div class="contextBox"><div class="infoList"><h4>Infobox</h4><p></p></div></div>
</div><div id="mainColBottomDiashow"><p>Le lac Léman gelé en images<br>
<a href="javascript:showSlideshow(1)"> Plus...</a></p></div></div>
<footer><p>© Tribune de Genève</p></footer></body></html>"""


def _figaro_page() -> str:
    """The Madame Figaro layout: Open Graph article dates, section and tags, <h2>
    intertitles with bold ones inside, a "À lire aussi »" link, a video title, a caption."""
    return f"""<!DOCTYPE html><html><head><title>Bien dormir l’été - Madame Figaro</title>
<meta property="og:description" content="Cinq conseils pour bien dormir quand il fait chaud.">
<meta property="og:site_name" content="Madame Figaro">
<meta property="article:published_time" content="2019-07-02T08:00:00+02:00">
<meta property="article:modified_time" content="2020-06-15T09:30:00+02:00">
<meta property="article:section" content="Bien-être">
<meta property="article:tag" content="Sommeil, Été, Chaleur">
<meta name="keywords" content="mode, beaute, joaillerie">
<meta name="author" content="Claire Dupin">
</head><body>{NAV}<main><article><h1>Bien dormir l’été</h1>
<figure><img src="/img/lit.jpg" alt="Un lit"><figcaption>Un lit frais. Photo : Getty</figcaption>
</figure><div class="article-body"><p>{LEAD}</p>
<p><strong>À lire aussi »</strong> <a href="https://madame.lefigaro.fr/sommeil-123">Insomnie :
les vraies causes</a></p>
<h2>En vidéo, trois gestes pour s’endormir</h2>
<div class="video-wrapper"><video src="/v.mp4"></video></div>
<p>{BODY}</p><h2>Rafraîchir la chambre</h2><p>{BODY}</p>
<p><strong>Le ventilateur</strong></p><p>{LEAD}</p>
<p><strong>Une phrase en gras reste un paragraphe.</strong></p><p>{BODY}</p>
</div></article></main><footer>© Madame Figaro</footer></body></html>"""


def _tweet_page() -> str:
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="fr" dir="ltr">Les terrasses restent '
        "ouvertes jusqu’à minuit tout l’été à Genève. Bonne nouvelle pour les cafetiers ! "
        '<a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Ville de Genève '
        '(@VilledeGeneve) <a href="https://twitter.com/VilledeGeneve/status/1">3 juin 2021</a>'
        '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    return (
        f"<!DOCTYPE html><html><head><title>Terrasses</title></head><body>{NAV}<main>"
        f"<h1>Les terrasses ouvertes jusqu’à minuit</h1><p>{LEAD}</p><p>{BODY}</p>{tweet}"
        f"<p>{BODY}</p><p>{LEAD}</p></main><footer>© 2021</footer></body></html>"
    )


def test_attribution_in_its_own_paragraph(settings: Settings) -> None:
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="fr">Grève reconductible à partir du 5 mars '
        "à l’université.</p><p>&mdash; Solidaires Étudiant-e-s (@SolidairesEtu) "
        '<a href="https://twitter.com/SolidairesEtu/status/1">17 février 2020</a></p></blockquote>'
    )
    page = _tweet_page().replace("</main>", tweet + "</main>")
    doc = _read(page, settings)
    quotes = [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert quotes[-1] == (
        "Grève reconductible à partir du 5 mars à l’université. — Solidaires Étudiant-e-s "
        "(@SolidairesEtu) 17 février 2020"
    )


def _read(markup: str, settings: Settings) -> Document:
    return read_text(markup, settings, name="page.html", fmt="html")


def _headings(blocks: tuple[Block, ...]) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in blocks if b.is_heading]


def test_kicker_is_split_from_the_standfirst(settings: Settings) -> None:
    doc = _read(_tdg_page(), settings)
    assert doc.meta.kicker == "Genève"
    assert doc.meta.standfirst == STANDFIRST
    # Neither is a heading, nor glued: both are metadata, the lead stays the first paragraph.
    assert doc.blocks[1] == Block(BlockKind.PARAGRAPH, LEAD)
    assert not any("Genève" in b.text or STANDFIRST in b.text for b in doc.blocks)
    assert any("chapô" in n and STANDFIRST[:30] in n for n in doc.notes)


def test_bold_paragraphs_are_the_authors_subheads(settings: Settings) -> None:
    doc = _read(_tdg_page(), settings)
    assert _headings(doc.blocks) == [
        (1, "Les terrasses ouvertes jusqu’à minuit"),
        (2, "Une mesure attendue"),
        (2, "Les riverains inquiets"),
    ]
    assert any("intertitre" in n for n in doc.notes)


def test_date_line_boxes_teasers_and_captions_are_removed_and_logged(settings: Settings) -> None:
    doc = _read(_tdg_page(), settings)
    for gone in ("Créé", "Infobox", "Articles en relation", "Plus...", "Léman", "Keystone"):
        assert gone not in doc.text, gone
    assert doc.blocks[-1].text == BODY
    notes = "\n".join(doc.notes)
    assert "ligne de date « Créé: 03.06.2021, 10h12 »" in notes
    assert "légende ou crédit photo" in notes
    assert "renvoi vers un autre article « Le lac Léman gelé en images" in notes
    assert "encadré ou autre article « Articles en relation" in notes


def test_page_metadata_of_a_tdg_layout(settings: Settings) -> None:
    meta = _read(_tdg_page(), settings).meta
    assert meta.published is not None and meta.published.isoformat() == "2021-06-03T10:12:00+02:00"
    assert meta.site_name == "Tribune de Genève"
    assert meta.url == "https://www.tdg.ch/geneve/terrasses-minuit/story/123"
    assert meta.headline == "Les terrasses ouvertes jusqu’à minuit"
    assert meta.section == "geneve"
    # The related story's byline signs another article: not this one's author.
    assert meta.author is None


def test_figaro_layout(settings: Settings) -> None:
    doc = _read(_figaro_page(), settings)
    assert _headings(doc.blocks) == [
        (1, "Bien dormir l’été"),
        (2, "Rafraîchir la chambre"),
        (3, "Le ventilateur"),  # bold under the author's <h2>: one rank below
    ]
    assert any(b.text == "Une phrase en gras reste un paragraphe." for b in doc.blocks)
    for gone in ("À lire aussi", "Insomnie", "En vidéo", "Getty"):
        assert gone not in doc.text, gone
    notes = "\n".join(doc.notes)
    assert "titre de vidéo « En vidéo, trois gestes pour s’endormir »" in notes
    meta = doc.meta
    assert meta.author == "Claire Dupin"
    assert meta.published is not None and meta.published.isoformat() == "2019-07-02T08:00:00+02:00"
    assert meta.modified is not None and meta.modified.isoformat() == "2020-06-15T09:30:00+02:00"
    assert meta.section == "Bien-être"
    assert meta.tags == ("Sommeil", "Été", "Chaleur")  # not the site-wide keywords
    assert meta.standfirst == "Cinq conseils pour bien dormir quand il fait chaud."


def test_embedded_post_is_one_quote_with_its_attribution(settings: Settings) -> None:
    doc = _read(_tweet_page(), settings)
    quotes = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert len(quotes) == 1
    text = quotes[0].text
    assert text.startswith("Les terrasses restent ouvertes jusqu’à minuit")
    assert text.endswith("— Ville de Genève (@VilledeGeneve) 3 juin 2021")
    # The attribution is nowhere else: never split from the post.
    assert sum("@VilledeGeneve" in b.text for b in doc.blocks) == 1
    assert any("citation" in n for n in doc.notes)


def test_clean_fragment_gets_the_same_structure(settings: Settings) -> None:
    fragment = (
        f"<h1>Terrasses</h1><p>{LEAD}</p><p><strong>Un été test</strong></p><p>{BODY}</p>"
        "<p>Mis à jour le 13/06/2021 à 10h30</p>"
        "<figure><img src='/a.jpg' alt='Une terrasse'><figcaption>Photo : AFP</figcaption></figure>"
    )
    doc = _read(fragment, settings)
    assert [(b.kind, b.level) for b in doc.blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
    ]
    assert [im.alt for im in doc.images] == ["Une terrasse"]  # the image stays, not its credit
    # No dated markup: the date line it showed gives the date.
    assert doc.meta.modified is not None and doc.meta.modified.date().isoformat() == "2021-06-13"
    assert doc.meta.published is None


def test_a_date_line_dates_a_page_without_dated_markup(settings: Settings) -> None:
    fragment = f"<h1>Terrasses</h1><p>Publié le 3 juin 2021 à 10h12</p><p>{LEAD}</p><p>{BODY}</p>"
    doc = _read(fragment, settings)
    assert doc.meta.published is not None
    assert doc.meta.published.date().isoformat() == "2021-06-03"
    assert "Publié" not in doc.text


def test_a_bold_label_before_the_authors_link_and_a_map_stay(settings: Settings) -> None:
    """Only "read also" labels make a teaser; only a video's title goes with its player."""
    fragment = (
        f"<h1>Terrasses</h1><p>{LEAD}</p><h2>Le périmètre</h2>"
        "<div><iframe src='https://www.openstreetmap.org/export/embed.html'></iframe></div>"
        f"<p>{BODY}</p><p><strong>Source :</strong> <a href='https://www.ge.ch/terrasses'>"
        "le règlement cantonal</a></p> Texte après."
    )
    doc = _read(fragment, settings)
    assert _headings(doc.blocks) == [(1, "Terrasses"), (2, "Le périmètre")]
    assert "Source : le règlement cantonal" in doc.text
    assert [lk.href for lk in doc.links] == ["https://www.ge.ch/terrasses"]
    assert doc.blocks[-1].text == "Texte après."


def test_a_related_class_on_the_article_itself_removes_nothing(settings: Settings) -> None:
    page = (
        f"<html><body>{NAV}<div class='related-content'><h1>Terrasses</h1><p>{LEAD}</p>"
        f"<p>{BODY}</p><p>{STANDFIRST}</p></div><footer>©</footer></body></html>"
    )
    doc = _read(page, settings)
    assert [b.text for b in doc.blocks] == ["Terrasses", LEAD, BODY, STANDFIRST]


def test_glued_kicker_without_markup_is_split_by_the_description(settings: Settings) -> None:
    page = (
        f'<html><head><meta name="description" content="{STANDFIRST}"></head><body>'
        f"<h1>Terrasses</h1><h2>Économie{STANDFIRST}</h2><p>{LEAD}</p><p>{BODY}</p></body></html>"
    )
    doc = _read(page, settings)
    assert doc.meta.kicker == "Économie"
    assert doc.meta.standfirst == STANDFIRST
    assert [b.text for b in doc.blocks] == ["Terrasses", LEAD, BODY]


# -- the real page ---------------------------------------------------------------------------


def test_corpus_05_structure_and_date(settings: Settings) -> None:
    """Tribune de Genève, 12 December 2019: issue 17's case."""
    (path,) = CORPUS.glob("05-*.html")
    doc = read_path(path, settings)
    assert doc.meta.published is not None
    assert doc.meta.published.isoformat() == "2019-12-12T07:36:53+00:00"
    assert doc.meta.kicker == "Agriculture"
    assert doc.meta.site_name == "Tribune de Genève"
    assert doc.meta.author is None  # "Par Stefan Häne, Sylvain Besson" signs a related story
    assert _headings(doc.blocks) == [
        (1, "Berne interdit désormais le chlorothalonil"),
        (2, "Céréales, légumes et plantes ornementales"),
        (2, "Thème récurrent"),
        (2, "Deux initiatives"),
    ]
    assert doc.meta.standfirst is not None
    assert doc.meta.standfirst.startswith("L'Office fédéral de l'agriculture a décidé")
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH
    assert doc.blocks[1].text.startswith("Le chlorothalonil sera interdit dès 2020")
    for gone in ("Créé", "Infobox", "Articles en relation", "Mitholz", "Plus..."):
        assert gone not in doc.text, gone
    assert doc.blocks[-1].text.endswith("(ats/nxp)")
