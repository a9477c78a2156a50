"""What a format reader returns before ingest wraps it into a :class:`~plume.document.Document`."""

from __future__ import annotations

from dataclasses import dataclass, field

from plume.document import Block, Brief, Image, Link, Mark, Meta


@dataclass(slots=True)
class Parsed:
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    #: Bold, italics and links as phrases (plume.ingest.inline), in reading order.
    marks: list[Mark] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    notes: list[str] = field(default_factory=list)
    brief: Brief | None = None
