"""All built-in checks. Importing this package registers them (see ``base.check``)."""

from __future__ import annotations

# The import order is the registration order, hence the order of the checks in every report.
# isort: off
from plume.analyse.checks import readability
from plume.analyse.checks import seo
from plume.analyse.checks import typography
from plume.analyse.checks import grammar

# isort: on
from plume.analyse.checks.base import REGISTRY, Context, Rule, Verdict
from plume.report import Msg

__all__ = [
    "REGISTRY",
    "Context",
    "Msg",
    "Rule",
    "Verdict",
    "grammar",
    "readability",
    "seo",
    "typography",
]
