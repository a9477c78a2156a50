"""A scripted instruction model for rewrite mode, played through the loopback OpenAI server.

:class:`Model` is a responder for :class:`tests.support.openai_server.OpenAIServer`: it answers
the plan with JSON and each part of the article (lead, sections, fields) with French prose
written for these tests from the facts of ``examples/article-brief.txt``. A fault — any reply
the server knows (a text, :class:`~tests.support.openai_server.Error`,
:class:`~tests.support.openai_server.Hang`, :class:`~tests.support.openai_server.Drop`,
:class:`~tests.support.openai_server.Reply`…) or a callable building one from the request — is
given on the first request for a part, or on every one (``stubborn``). :func:`run_rewrite` runs
``plume optimise --rewrite`` against it through the real HTTP client and returns the CLI result,
``report.json`` and the server (its recorded requests).

Shared by ``tests/e2e/test_rewrite.py``, ``tests/e2e/test_rewrite_faults.py`` and the batch tests.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from click.testing import Result
from typer.testing import CliRunner

from plume.cli.app import app
from tests.conftest import EXAMPLE
from tests.support.openai_server import OpenAIServer, ReplyLike

__all__ = [
    "HEADINGS",
    "INTRO",
    "META",
    "RESTATED",
    "SECTIONS",
    "SEO_TITLE",
    "SHORT_INTRO",
    "SHORT_SECTIONS",
    "TITLE",
    "Fault",
    "Model",
    "first_user",
    "plan_for",
    "run_rewrite",
    "user_text",
]

runner = CliRunner()

TITLE = "Vélo en ville : pourquoi les citadins adoptent la bicyclette"
SEO_TITLE = "Vélo en ville : pourquoi les citadins s’y mettent"
META = (
    "Le vélo en ville gagne du terrain depuis 2020 : voies sécurisées, économies et santé, "
    "mais aussi vols et coupures du réseau à combler."
)
INTRO = (
    "Le vélo en ville séduit désormais bien au-delà du cercle des militants. Depuis 2020, de "
    "nombreuses agglomérations ont ouvert de nouvelles voies réservées, et une part croissante "
    "des habitants rejoint son bureau en pédalant. Les relevés des capteurs placés aux "
    "croisements montrent une fréquentation cycliste en nette hausse sur cinq ans."
)
HEADINGS = [
    "Pourquoi tant de citadins changent d’habitude",
    # One heading of three holds the keyphrase: SEO-KP-SUBHEADINGS wants 30–75 %.
    "Vélo en ville : des aménagements sûrs et continus",
    "Assistance électrique, commerces et limites",
]
SECTIONS = {
    HEADINGS[0]: (
        "Plusieurs motifs expliquent ce basculement. La facture d’essence pèse de plus en plus "
        "lourd dans le budget des familles, ce qui pousse à chercher des alternatives. Sur les "
        "petites distances, qui composent l’essentiel des trajets urbains, la bicyclette arrive "
        "souvent la première, en particulier lorsque les bouchons paralysent les avenues. S’y "
        "ajoute un bénéfice physique : pédaler chaque jour entretient la forme et apaise les "
        "tensions accumulées.\n\nCes arguments concrets parlent à des publics très différents, "
        "des étudiants aux cadres, et ils éclairent la progression de l’usage jusque dans des "
        "quartiers longtemps dominés par l’automobile."
    ),
    HEADINGS[1]: (
        "Les élus l’ont compris : sans sécurité, pas de succès durable. Une voie protégée du "
        "trafic motorisé met en confiance les novices, les familles et les seniors. Les rues à "
        "double sens pour les cyclistes, les zones d’attente devant les feux et les parkings "
        "surveillés aux abords des gares renforcent l’ensemble. Partout où ces équipements ont "
        "vu le jour, le nombre d’usagers a bondi en l’espace de quelques mois.\n\nLe maillage "
        "présente pourtant encore des trous, et plusieurs croisements inquiètent toujours. Les "
        "collectifs de cyclistes réclament des parcours sans coupure, faciles à suivre et "
        "déneigés l’hiver, ainsi que des sanctions contre les voitures garées sur les bandes "
        "réservées."
    ),
    HEADINGS[2]: (
        "L’assistance électrique attire de nouveaux profils : elle rend les montées accessibles "
        "et permet de parcourir davantage de kilomètres. Les primes versées par quelques "
        "municipalités ont accéléré le mouvement, notamment parmi les salariés installés en "
        "banlieue. Les boutiques, d’abord méfiantes, constatent que la clientèle cycliste "
        "revient plus fréquemment et laisse, sur un mois, une somme comparable à celle des "
        "conducteurs.\n\nLa bicyclette ne règle pas tout pour autant. Porter des charges "
        "lourdes, couvrir de grandes distances ou se déplacer avec un handicap exige d’autres "
        "options, comme le bus, le train ou le partage de voiture. Le risque de vol décourage "
        "aussi beaucoup d’usagers, faute de locaux fermés près de chez eux."
    ),
}

#: The same texts as an obedient model writes them when asked for sentences of 20 words at
#: most (the requirement every writing prompt states): the clean answers. ``INTRO`` and
#: ``SECTIONS`` are the drafts a capable model actually writes first — 40 % of their sentences
#: over 20 words, Yoast's red (issue 19 measured 53–76 % on real runs).
SHORT_INTRO = (
    "Le vélo en ville séduit désormais bien au-delà du cercle des militants. Depuis 2020, de "
    "nombreuses agglomérations ont ouvert de nouvelles voies réservées. Une part croissante des "
    "habitants rejoint ainsi son bureau en pédalant. Les relevés des capteurs placés aux "
    "croisements montrent une fréquentation cycliste en nette hausse sur cinq ans."
)
SHORT_SECTIONS = {
    HEADINGS[0]: (
        "Plusieurs motifs expliquent ce basculement. D’abord, la facture d’essence pèse de plus "
        "en plus lourd dans le budget des familles. Elle pousse à chercher des alternatives. Sur "
        "les petites distances, qui composent l’essentiel des trajets urbains, la bicyclette "
        "arrive souvent la première. Cet avantage grandit aux heures de pointe, quand les "
        "bouchons paralysent les avenues. S’y ajoute un bénéfice physique : pédaler chaque jour entretient la forme et "
        "apaise les tensions accumulées.\n\nCes arguments concrets parlent à des publics très "
        "différents, des étudiants aux cadres. Ils éclairent aussi la progression de l’usage "
        "jusque dans des quartiers longtemps dominés par l’automobile."
    ),
    HEADINGS[1]: (
        "Les élus l’ont compris : sans sécurité, pas de succès durable. Une voie protégée du "
        "trafic motorisé met en confiance les novices, les familles et les seniors. Les rues à "
        "double sens pour les cyclistes et les zones d’attente devant les feux renforcent "
        "l’ensemble. Les parkings surveillés aux abords des gares jouent le même rôle. Partout "
        "où ces équipements ont vu le jour, le nombre d’usagers a bondi en quelques mois."
        "\n\nLe maillage présente pourtant encore des trous, et plusieurs croisements "
        "inquiètent toujours. Les collectifs de cyclistes réclament des parcours sans coupure, "
        "faciles à suivre et déneigés l’hiver. Ils demandent aussi des sanctions contre les "
        "voitures garées sur les bandes réservées."
    ),
    HEADINGS[2]: (
        "L’assistance électrique attire de nouveaux profils. Elle rend les montées accessibles "
        "et permet de parcourir davantage de kilomètres. Les primes versées par quelques "
        "municipalités ont accéléré le mouvement, notamment parmi les salariés installés en "
        "banlieue. Les boutiques, d’abord méfiantes, constatent que la clientèle cycliste revient "
        "plus fréquemment. Sur un mois, elle laisse une somme comparable à celle des "
        "conducteurs.\n\nLa bicyclette ne règle pas tout pour autant. Porter des charges "
        "lourdes, couvrir de grandes distances ou se déplacer avec un handicap exige d’autres "
        "options. Le bus, le train ou le partage de voiture restent alors nécessaires. Le risque "
        "de vol décourage aussi beaucoup d’usagers, faute de locaux fermés près de chez eux."
    ),
}
#: The standfirst said again in other words, as capable models open their first section
#: (issue 19: in all three real runs): the overlap check's target.
RESTATED = (
    "Les cyclistes ne sont plus seulement des militants : depuis 2020, les agglomérations "
    "ouvrent des voies réservées, et les capteurs des croisements relèvent une nette hausse de "
    "la fréquentation cycliste."
)
#: What a repair hint says when it asks for shorter sentences, and when it asks not to
#: restate an earlier part (plume.write.rewrite.targets).
ASKS_SHORT = "dépassent 20 mots"
ASKS_NEW = "redit ce que dit déjà"

#: A fault: a reply as the server knows it, or built from the request (e.g. a plan cut short).
Fault = ReplyLike | Callable[[dict[str, Any]], ReplyLike]


def user_text(request: dict[str, Any]) -> str:
    """The last user message of a chat request (a re-ask's is the complaint, not the task)."""
    return str(request["messages"][-1]["content"])


def first_user(request: dict[str, Any]) -> str:
    """The first user message: the task, with its sources (re-asks append turns after it)."""
    return next(str(m["content"]) for m in request["messages"] if m["role"] == "user")


def plan_for(request: dict[str, Any]) -> dict[str, Any]:
    """A good plan: the three headings, the passages offered shared in three runs."""
    ids = [int(n) for n in re.findall(r"\[P(\d+)\]", first_user(request))]
    thirds = [
        ids[: len(ids) // 3],
        ids[len(ids) // 3 : 2 * len(ids) // 3],
        ids[2 * len(ids) // 3 :],
    ]
    return {
        "title": TITLE,
        "seo_title": SEO_TITLE,
        "meta_description": META,
        "sections": [{"heading": h, "passages": t} for h, t in zip(HEADINGS, thirds, strict=True)],
    }


class Model:
    """A scripted instruction model: good answers, except ``faults[part]`` on the first call
    for that part ("plan", "intro", a heading, "meta_description" or "seo_title"), or on every
    call with ``stubborn``. A section asked under a heading it does not know (the deterministic
    plan's) gets the next of its three section texts, in the order the headings are first seen.

    ``realistic``: it writes as the capable models of issue 19 did whatever the prompt's
    requirements say — long sentences (``INTRO``, ``SECTIONS``: 40 % over 20 words), and the
    standfirst restated at the top of the first section (``RESTATED``) — and fixes each only
    when a repair names it: shorter sentences when the hint quotes those over 20 words, the
    restatement dropped when the hint says it repeats an earlier part. Otherwise it answers
    the short texts an obedient model writes (``SHORT_INTRO``, ``SHORT_SECTIONS``).
    """

    def __init__(
        self,
        faults: Mapping[str, Fault] | None = None,
        *,
        stubborn: bool = False,
        realistic: bool = False,
    ) -> None:
        self.faults = dict(faults or {})
        self.stubborn = stubborn  # keep answering the fault, repairs included
        self.realistic = realistic
        self.calls: Counter[str] = Counter()
        self.requests: list[dict[str, Any]] = []
        self._unknown: dict[str, str] = {}

    def part(self, request: dict[str, Any]) -> str:
        user = first_user(request)
        if "Prépare le plan" in user:
            return "plan"
        if "Écris le chapô" in user:
            return "intro"
        m = re.search(r"Écris en français la partie « (.+?) »", user)
        if m:
            return m.group(1)
        if "Réécris la méta-description" in user:
            return "meta_description"
        if "Réécris le titre SEO" in user:
            return "seo_title"
        if "Réécris l’intertitre" in user:
            return "heading"
        return "other"

    def answer(self, part: str, request: dict[str, Any]) -> ReplyLike:
        """The good answer for ``part`` (see the class: ``realistic``)."""
        if part == "plan":
            return plan_for(request)
        user = first_user(request)
        repair = user.split("Ta version précédente ne convenait pas", 1)[1:]
        long = self.realistic and not (repair and ASKS_SHORT in repair[0])
        restate = self.realistic and not (repair and ASKS_NEW in repair[0])
        if part == "heading":
            m = re.search(r"Version actuelle : « (.+?) »", user)
            current = m.group(1) if m else HEADINGS[0]
            return f"Vélo en ville : {current[:1].lower()}{current[1:]}"
        fixed = {
            "intro": INTRO if long else SHORT_INTRO,
            "meta_description": META,
            "seo_title": SEO_TITLE,
        }
        if part in fixed:
            return fixed[part]
        texts = SECTIONS if long else SHORT_SECTIONS
        if part in texts:
            index = HEADINGS.index(part)
        elif part != "other":
            if part not in self._unknown:
                self._unknown[part] = HEADINGS[len(self._unknown) % len(HEADINGS)]
            index = HEADINGS.index(self._unknown[part])
        else:
            return fixed["intro"]
        text = texts[HEADINGS[index]]
        if restate and index == 0:
            # The first section opens by saying the standfirst again.
            text = f"{RESTATED} {text}"
        return text

    def __call__(self, request: dict[str, Any]) -> ReplyLike:
        self.requests.append(request)
        part = self.part(request)
        self.calls[part] += 1
        if part in self.faults and (self.calls[part] == 1 or self.stubborn):
            fault = self.faults[part]
            return fault(request) if callable(fault) else fault
        return self.answer(part, request)


def run_rewrite(
    tmp_path: Path,
    model: Callable[[dict[str, Any]], Any],
    *extra: str,
    sources: list[Path] | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[Result, dict[str, Any], OpenAIServer]:
    """``plume optimise --rewrite`` through the loopback server answering with ``model``:
    the CLI result, ``report.json`` ({} when none was written) and the (stopped) server with
    its recorded requests.
    ``env`` adds environment variables (settings such as ``PLUME_BACKEND__TIMEOUT_S``)."""
    out = tmp_path / "out"
    with OpenAIServer(responder=model) as srv:
        args = [
            "optimise",
            "--rewrite",
            *(str(s) for s in (sources or [EXAMPLE])),
            "-o",
            str(out),
            "--backend",
            "openai",
            "--base-url",
            srv.base_url,
            "--model",
            "plume-test",
            "--min-words",
            "300",
            *extra,
        ]
        res = runner.invoke(app, args, env={"PLUME_API_KEY": "sk-test-secret", **(env or {})})
    report_path = out / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    return res, report, srv
