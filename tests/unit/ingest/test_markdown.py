"""Markdown: structure, visible text only, links, images, front matter."""

from __future__ import annotations

from pathlib import Path

from plume.document import BlockKind
from plume.ingest import read_path, read_text
from plume.ingest.markdown import split_front_matter
from plume.settings import Settings

ARTICLE = """\
---
title: "La voiture électrique en 2024"
seo_title: Voiture électrique : le guide 2024
description: >
  Tout savoir sur la voiture
  électrique avant d’acheter.
slug: voiture-electrique-guide
keyphrase: voiture électrique
tags:
  - auto
---

# Le guide de la voiture électrique

Un **premier** paragraphe avec [un lien](https://exemple.fr/bornes "Bornes") et
![Une borne de recharge](/img/borne.jpg) une image.
Ligne forcée ici.\\
Après le saut.

## Les *avantages* réels

- Moins de bruit
- Pas d’émissions à l’usage
  1. même en ville

> Une citation
> sur deux lignes.

```python
print("code ignoré")
```

| Modèle | Autonomie |
|--------|-----------|
| Zoé    | 390 km    |
"""


def test_blocks_and_visible_text(settings: Settings) -> None:
    doc = read_text(ARTICLE, settings, name="guide.md", fmt="md")
    got = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert got[:7] == [
        (BlockKind.HEADING, 1, "Le guide de la voiture électrique"),
        (
            BlockKind.PARAGRAPH,
            0,
            "Un premier paragraphe avec un lien et une image. Ligne forcée ici.\nAprès le saut.",
        ),
        (BlockKind.HEADING, 2, "Les avantages réels"),
        (BlockKind.LIST_ITEM, 1, "Moins de bruit"),  # depth 1, bulleted (Block.level)
        (BlockKind.LIST_ITEM, 1, "Pas d’émissions à l’usage"),
        (BlockKind.LIST_ITEM, -2, "même en ville"),  # a numbered list nested under it
        (BlockKind.QUOTE, 0, "Une citation sur deux lignes."),
    ]
    assert [b.text for b in doc.blocks[7:]] == ["Modèle", "Autonomie", "Zoé", "390 km"]
    assert "print" not in doc.text and "**" not in doc.text and "](" not in doc.text
    assert any("bloc de code" in n for n in doc.notes)


def test_links_images_meta(settings: Settings) -> None:
    doc = read_text(ARTICLE, settings, name="guide.md", fmt="md")
    assert [(lk.href, lk.text) for lk in doc.links] == [("https://exemple.fr/bornes", "un lien")]
    assert [(im.src, im.alt) for im in doc.images] == [("/img/borne.jpg", "Une borne de recharge")]
    assert doc.meta.title == "Voiture électrique : le guide 2024"  # the SEO title wins
    assert doc.meta.description == "Tout savoir sur la voiture électrique avant d’acheter."
    assert doc.meta.slug == "voiture-electrique-guide"
    assert doc.brief is not None and doc.brief.keyphrase == "voiture électrique"


def test_front_matter_title_becomes_h1_when_the_body_has_none(settings: Settings) -> None:
    doc = read_text("---\ntitle: Le vélo en ville\n---\n\nLe vélo progresse.\n", settings, fmt="md")
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].text) == (
        BlockKind.HEADING,
        1,
        "Le vélo en ville",
    )
    assert doc.meta.title == "Le vélo en ville"


def test_front_matter_parsing() -> None:
    fields, body = split_front_matter(
        "---\nTitle: 'L''été'\npermalink: /blog/velo-en-ville/\ndescription: Texte # commentaire\n"
        "nested:\n  key: ignored\n---\nCorps"
    )
    # Keys lower-cased, quotes and comments removed, nested mappings skipped.
    assert fields == {"title": "L'été", "permalink": "/blog/velo-en-ville/", "description": "Texte"}
    assert body == "Corps"
    toml, rest = split_front_matter('+++\ntitle = "Vélo"\n+++\nCorps')
    assert toml == {"title": "Vélo"} and rest == "Corps"
    assert split_front_matter("Pas de front matter\n---\n") == ({}, "Pas de front matter\n---\n")
    prose = "---\nUn paragraphe entre deux filets.\n---\nSuite."
    assert split_front_matter(prose) == ({}, prose)


def test_slug_from_permalink(settings: Settings) -> None:
    doc = read_text(
        "---\npermalink: https://exemple.fr/blog/velo-en-ville/\n---\nTexte.", settings, fmt="md"
    )
    assert (
        doc.meta.slug == "velo-en-ville"
        and doc.meta.url == "https://exemple.fr/blog/velo-en-ville/"
    )


def test_raw_html_and_scripts(settings: Settings) -> None:
    md = (
        "Avant.\n\n<div><p>Bloc <b>HTML</b> <a href='javascript:alert(1)'>piège</a></p>"
        "<script>alert('SECRET')</script></div>\n\nTexte <script>alert('INLINE')</script> ici.\n"
    )
    doc = read_text(md, settings, fmt="md")
    assert [b.text for b in doc.blocks] == ["Avant.", "Bloc HTML piège", "Texte ici."]
    assert "SECRET" not in doc.text and "INLINE" not in doc.text
    assert doc.links == ()
    assert any("<script>" in n for n in doc.notes)


def test_md_file_extension(tmp_path: Path, settings: Settings) -> None:
    f = tmp_path / "billet.markdown"
    f.write_text("# Titre\n\nDu *texte*.\n", encoding="utf-8")
    doc = read_path(f, settings)
    assert doc.source.format == "md" and doc.text == "Titre\n\nDu texte."


def test_bold_italics_and_links_are_kept_as_marks(settings: Settings) -> None:
    text = (
        "# Le titre\n\n"
        "Le **plan vélo** de la métropole, présenté par [la mairie](https://lyon.fr/velo), "
        "prévoit *cent kilomètres* de pistes et un [**réseau express**](https://lyon.fr/rer-v).\n\n"
        "## **Un intertitre**\n\n"
        "- un item avec _un mot_ en italique\n"
    )
    doc = read_text(text, settings, fmt="md")
    assert [(m.kind.value, m.text, m.href) for m in doc.marks] == [
        ("strong", "plan vélo", ""),
        ("link", "la mairie", "https://lyon.fr/velo"),
        ("em", "cent kilomètres", ""),
        ("strong", "réseau express", ""),
        ("link", "réseau express", "https://lyon.fr/rer-v"),
        ("em", "un mot", ""),
    ]
    assert doc.marks[0].before == "Le" and doc.marks[0].after.startswith("de la métropole,")
