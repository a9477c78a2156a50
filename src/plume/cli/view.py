"""Terminal rendering of reports and rules (rich). Renders only; computes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from plume.analyse.checks.base import REGISTRY
from plume.errors import ConfigError
from plume.optimisation import Unsupported
from plume.report import Category, Change, Msg, Rating, Report, Score
from plume.text import french_spacing
from plume.verify.policy import VERIFY_RULES, VerifyRule

#: A label's colon: French puts a no-break space before it.
_COLON = Msg("\u00a0: ", ": ")
_COLOURS = {Rating.GOOD: "green", Rating.OK: "dark_orange", Rating.BAD: "red", Rating.NA: "grey50"}
_LIGHT = {
    Rating.GOOD: Msg("vert", "green"),
    Rating.OK: Msg("orange", "orange"),
    Rating.BAD: Msg("rouge", "red"),
    Rating.NA: Msg("—", "—"),
}
_T = {
    "seo": Msg("Score SEO", "SEO score"),
    "read": Msg("Lisibilité", "Readability"),
    "typo": Msg("Typographie", "Typography"),
    "checks": Msg("Contrôles (à corriger en premier)", "Checks (fix first)"),
    "cleaning": Msg("Nettoyage", "Cleaning"),
    "findings": Msg("À vérifier par l’éditeur", "For the editor to check"),
    "brief_fields": Msg(
        "Consigne comprise\u00a0: langue={lang}, mots ≥ {words}, intertitres={subheadings}, "
        "expression clé={kp}",
        "Brief understood: language={lang}, words ≥ {words}, subheadings={subheadings}, "
        "keyphrase={kp}",
    ),
    "yes": Msg("oui", "yes"),
    "kp": Msg("Expression clé", "Keyphrase"),
    "words": Msg("mots", "words"),
    "none": Msg("aucune modification", "no change"),
    "measures": Msg("Mesures", "Measures"),
    "sugg": Msg("Suggestions", "Suggestions"),
}


def _score(s: Score, lang: str) -> str:
    return f"[bold {_COLOURS[s.rating]}]{s.value}/100 ({_LIGHT[s.rating].get(lang)})[/]"


def print_report(report: Report, console: Console, max_examples: int = 3) -> None:
    t = {key: text.get(report.lang) for key, text in _T.items()}
    colon = _COLON.get(report.lang)
    console.print(f"[bold]{report.source}[/] — {report.stats.words} {t['words']}")
    line = (
        f"{t['seo']}{colon}{_score(report.seo, report.lang)}   "
        f"{t['read']}{colon}{_score(report.readability, report.lang)}"
    )
    if report.typography:
        line += f"   {t['typo']}{colon}{_score(report.typography, report.lang)}"
    console.print(line)
    if report.brief and report.brief.raw:
        b = report.brief
        console.print(
            t["brief_fields"].format(
                lang=b.language or "—",
                words=b.min_words or "—",
                subheadings=t["yes"] if b.subheadings else "—",
                kp=b.keyphrase or "—",
            ),
            highlight=False,
        )
    if report.keyphrase:
        console.print(f"{t['kp']}{colon}« {report.keyphrase} » ({report.keyphrase_source})")
    if report.suggestions:
        console.print(f"{t['sugg']}{colon}" + ", ".join(s.phrase for s in report.suggestions))
    for note in report.notes:
        console.print(f"[yellow]• {note}[/]", highlight=False)

    table = Table(title=t["checks"], show_lines=False, expand=True)
    table.add_column("", width=2)
    table.add_column("Code", no_wrap=True)
    table.add_column("Message")
    for c in report.failing():
        if c.category is Category.INFO:
            continue
        dot = f"[{_COLOURS[c.rating]}]●[/]"
        msg = c.message + (f"\n[dim]→ {c.hint}[/]" if c.hint else "")
        table.add_row(dot, c.code, msg)
    console.print(table)
    infos = [c for c in report.checks if c.category is Category.INFO]
    if infos:
        console.print(f"[bold]{t['measures']}[/]")
        for c in infos:
            console.print(f"  [{_COLOURS[c.rating]}]●[/] {c.code} : {c.message}", highlight=False)

    console.print(f"[bold]{t['cleaning']}[/] ({len(report.cleaning)})")
    if not report.cleaning:
        console.print(f"  {t['none']}")
    # Grouped by rule: a typography pass can make hundreds of identical edits.
    by_rule: dict[str, list[Change]] = {}
    for ch in report.cleaning:
        by_rule.setdefault(ch.rule, []).append(ch)
    for rule, changes in by_rule.items():
        shown = ", ".join(f"{c.before!r} → {c.after!r}" for c in changes[:max_examples])
        more = f", … (+{len(changes) - max_examples})" if len(changes) > max_examples else ""
        console.print(f"  {rule} × {len(changes)} : {shown}{more}", highlight=False)
    if report.cleaning_findings:
        console.print(f"[bold]{t['findings']}[/]")
        for f in report.cleaning_findings:
            console.print(f"  {f.code} : {f.message} — « {f.excerpt} »", highlight=False)


def print_rules(lang: str, console: Console) -> None:
    table = Table(expand=True)
    table.add_column("Code", no_wrap=True)
    table.add_column(Msg("Nom", "Name").get(lang))
    table.add_column(Msg("Seuils", "Thresholds").get(lang))
    for code in sorted(REGISTRY):
        r = REGISTRY[code]
        th = ", ".join(f"{k}={v.value:g}" for k, v in r.thresholds.items())
        table.add_row(code, r.name.get(lang), th)
    # The verify stage's checks (plume's own): their figures stand for thresholds.
    for code in sorted(VERIFY_RULES):
        v = VERIFY_RULES[code]
        table.add_row(code, v.name.get(lang), Msg("voir le détail", "see the detail").get(lang))
    console.print(table)


def _print_verify_rule(rule: VerifyRule, lang: str, console: Console) -> None:
    def label(text: Msg) -> str:
        return f"[bold]{text.get(lang)}[/]"

    colon = _COLON.get(lang)
    console.print(f"[bold]{rule.code}[/] — {rule.name.get(lang)}", highlight=False)
    console.print(
        f"{label(Msg('Ce qu’il vérifie', 'What it checks'))}{colon}{rule.what.get(lang)}",
        highlight=False,
    )
    console.print(f"{label(Msg('Pourquoi', 'Why'))}{colon}{rule.why.get(lang)}", highlight=False)
    console.print(
        f"{label(Msg('Source', 'Source'))}{colon}{rule.source.get(lang)}", highlight=False
    )
    console.print(
        f"{label(Msg('Mesuré', 'Measured'))}{colon}{rule.figures.get(lang)}", highlight=False
    )
    if rule.example_bad:
        console.print(
            f"{label(Msg('Exemple à éviter', 'Bad example'))}{colon}{rule.example_bad}",
            highlight=False,
        )
    if rule.example_good:
        console.print(f"{label(Msg('Mieux', 'Better'))}{colon}{rule.example_good}", highlight=False)


def print_rule(code: str, lang: str, console: Console) -> None:
    if code.upper() in VERIFY_RULES:
        _print_verify_rule(VERIFY_RULES[code.upper()], lang, console)
        return
    rule = REGISTRY.get(code.upper())
    if rule is None:
        raise ConfigError(
            f"Contrôle inconnu : {code}. « plume rules » les liste tous.",
            f"Unknown check: {code}. 'plume rules' lists them all.",
        )

    def label(text: Msg) -> str:
        return f"[bold]{text.get(lang)}[/]"

    console.print(f"[bold]{rule.code}[/] — {rule.name.get(lang)}")
    console.print(f"{label(Msg('Ce qu’il vérifie', 'What it checks'))} : {rule.what.get(lang)}")
    console.print(f"{label(Msg('Pourquoi', 'Why'))} : {rule.why.get(lang)}")
    threshold = Msg("Seuil", "Threshold").get(lang)
    for k, v in rule.thresholds.items():
        console.print(f"[bold]{threshold} {k}[/] = {v.value:g} ({v.source})")
    if rule.example_bad:
        console.print(f"{label(Msg('Exemple à éviter', 'Bad example'))} : {rule.example_bad}")
    if rule.example_good:
        console.print(f"{label(Msg('Mieux', 'Better'))} : {rule.example_good}")


def print_unsupported(items: Sequence[Unsupported], console: Console, lang: str) -> None:
    """``plume optimise``'s account of the generated statements no source supports, in red:
    each with its field, its reason and the source sentence to reword it from."""
    if not items:
        return
    colon = _COLON.get(lang)
    title = Msg("Affirmations non étayées", "Unsupported statements").get(lang)
    console.print(f"[bold red]{title}{colon}{len(items)}[/]", highlight=False)
    closest = Msg("phrase de la source", "source sentence").get(lang)
    for item in items:
        reason = item.reason_en if lang == "en" else item.reason
        quoted = Msg(f"«\u202f{item.text}\u202f»", f"“{item.text}”").get(lang)
        gone = Msg(
            french_spacing(" (retirée : les mots de la source à la place)"),
            " (withdrawn: the source's words instead)",
        )
        console.print(
            f"  [red]✗ {escape(item.field)}{colon}{escape(quoted)} — {escape(reason)}"
            f"{gone.get(lang) if item.withdrawn else ''}[/]",
            highlight=False,
        )
        if item.evidence:
            console.print(f"    [dim]→ {closest}{colon}{escape(item.evidence)}[/]", highlight=False)
