"""The README and docs/ stay true: generated tables up to date, exit codes and settings complete,
every link inside the repository and resolving, the README short enough for a newcomer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import plume.errors
from plume.errors import EXIT_CODES, PlumeError
from plume.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_MAX_BYTES = 10_240

#: A Markdown link or image target: ``[text](target)`` or ``[text](target "title")``.
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)


def pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def links(page: Path) -> list[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return LINK.findall(text)


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces turned into hyphens."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        n, candidate = 0, slug
        while candidate in found:
            n += 1
            candidate = f"{slug}-{n}"
        found.add(candidate)
    return found


def test_rules_table_in_docs_is_up_to_date() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_rules.py"), "--check"], check=False
    )
    assert res.returncode == 0, "run: .venv/bin/python scripts/readme_rules.py"


def test_readme_quick_start_has_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "bash scripts/setup.sh" in text and "bash scripts/test.sh" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def test_report_schema_document_is_up_to_date() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "report_schema.py"), "--check"], check=False
    )
    assert res.returncode == 0, "run: .venv/bin/python scripts/report_schema.py"


def test_readme_is_short_enough_for_a_newcomer() -> None:
    size = README.stat().st_size
    assert size <= README_MAX_BYTES, f"README.md is {size} bytes: move details into docs/"


def test_exit_codes_documented_are_exactly_plumes() -> None:
    text = (DOCS / "exit-codes.md").read_text(encoding="utf-8")
    documented = {int(c) for c in re.findall(r"^\|\s*(\d+)\s*\|", text, re.M)}
    assert documented == set(EXIT_CODES)
    raised = {
        cls.exit_code
        for cls in vars(plume.errors).values()
        if isinstance(cls, type) and issubclass(cls, PlumeError) and cls is not PlumeError
    }
    assert raised <= documented


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    missing = []
    for name, field in Settings.model_fields.items():
        sub = field.annotation
        if isinstance(sub, type) and hasattr(sub, "model_fields"):
            missing += [f"{name}.{f}" for f in sub.model_fields if f"`{name}.{f}`" not in text]
        elif f"`{name}`" not in text:
            missing.append(name)
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_no_link_leaves_the_repository() -> None:
    bad = []
    for page in pages():
        for target in links(page):
            if "://" in target or target.startswith(("#", "mailto:")):
                continue
            path = (page.parent / target.split("#", 1)[0]).resolve()
            if not path.is_relative_to(ROOT) or "shared/" in target:
                bad.append(f"{page.relative_to(ROOT)}: {target}")
    assert not bad, f"links outside the repository: {bad}"


def test_every_relative_link_resolves() -> None:
    broken = []
    for page in pages():
        for target in links(page):
            if "://" in target or target.startswith("mailto:"):
                continue
            file_part, _, anchor = target.partition("#")
            path = (page.parent / file_part).resolve() if file_part else page
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, f"broken links: {broken}"


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {(ROOT / t.split("#", 1)[0]).resolve() for t in links(README)}
    orphans = [p.name for p in sorted(DOCS.glob("*.md")) if p.resolve() not in linked]
    assert not orphans, f"docs pages the README does not link: {orphans}"
