"""French texts for the readability check tests: neutral prose of an exact word count, passives.

Plain sentences with no transition word, no passive, each starting differently, so a test adds
exactly the feature it judges.
"""

from __future__ import annotations

from plume import text as T
from plume.report import CheckResult
from tests.unit.analyse.checks.builders import run_one

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
