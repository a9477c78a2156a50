"""All built-in checks. Importing this package registers them (see ``base.check``)."""

from __future__ import annotations

from plume.analyse.checks import readability, seo, typography
from plume.analyse.checks.base import REGISTRY, Context, Rule, Verdict
from plume.report import Msg

__all__ = ["REGISTRY", "Context", "Msg", "Rule", "Verdict", "readability", "seo", "typography"]
