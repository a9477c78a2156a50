from __future__ import annotations

from plume.grammar.names import capitalised_words, name_like


def at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


def test_capitalised_words_are_names() -> None:
    assert name_like(*at("Selon Nadella, tout va bien.", "Nadella"))
    assert name_like(*at("Salesforce a annoncé un plan.", "Salesforce"))
    assert name_like(*at("Il a rejoint OpenAI hier.", "OpenAI"))


def test_a_lower_case_name_written_with_a_capital_elsewhere() -> None:
    text = "OpenAI grandit. Le partenariat openai/microsoft tient, dit openai."
    assert "openai" in capitalised_words(text)
    assert name_like(text, text.rindex("openai"), text.rindex("openai") + 6)
    assert not name_like(*at("Le dévellopement continue.", "dévellopement"))


def test_addresses_and_codes() -> None:
    assert name_like(*at("Le site Twitch.tv ferme.", "tv"))
    assert name_like(*at("(ats/nxp)", "nxp"))
    assert name_like(*at("(ats/nxp)", "ats"))
    assert not name_like(*at("Fin. dévellopement suivant.", "dévellopement"))
