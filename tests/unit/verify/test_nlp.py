"""spaCy's French model is loaded once; each stage runs the components it needs."""

from __future__ import annotations

from plume.verify.nlp import light_french


def test_one_model_serves_the_parser_and_the_entities() -> None:
    parser = light_french("lemmatizer", "ner")
    entities = light_french("morphologizer", "parser", "attribute_ruler", "lemmatizer")
    assert parser.vocab is entities.vocab  # the same loaded model
    assert [n for n, _ in parser.pipeline] == [
        "tok2vec",
        "morphologizer",
        "parser",
        "attribute_ruler",
    ]
    assert [n for n, _ in entities.pipeline] == ["tok2vec", "ner"]
    text = "Emmanuel Macron a reçu Olaf Scholz à Paris."
    parsed = parser(text)
    assert not parsed.ents and any(t.dep_ == "nsubj" for t in parsed)
    found = entities(text)
    assert {e.text for e in found.ents} >= {"Emmanuel Macron", "Paris"}
    assert not any(t.dep_ for t in found)  # no parse: the parser did not run
    (piped,) = entities.pipe([text])
    assert [e.text for e in piped.ents] == [e.text for e in found.ents]


def test_a_source_analysed_by_paragraph_is_the_same_whatever_came_before() -> None:
    # The support check parses each paragraph once and reuses it in any later source holding
    # it (the lead while writing, the whole source after): the merged analysis must not depend
    # on which paragraphs were parsed first.
    from plume.verify.support.parse import analyse_source

    a = "Le conseil municipal a voté le budget jeudi soir."
    b = "La maire, Catherine Lemaire, a défendu la fermeture de l’école."
    alone = analyse_source(b)
    both = analyse_source(f"{a}\n\n{b}")
    first = len(analyse_source(a).toks)
    shifted = [(t.text, t.head - first, t.dep) for t in both.toks[first:]]
    assert shifted == [(t.text, t.head, t.dep) for t in alone.toks]
    assert both.sent_text == (*analyse_source(a).sent_text, *alone.sent_text)
