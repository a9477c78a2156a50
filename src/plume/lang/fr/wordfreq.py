"""French word frequencies from wordfreq's data, loaded lazily (about 0.2 s, once).

wordfreq 3.1.1 ships its French frequency list inside the package (no download). We read the
whole list once (see :func:`zipf_table`, which reads any of wordfreq's lists) and look words up in the dict: about
0.5 µs a word instead of 12 µs for ``zipf_frequency`` (which re-tokenises its argument), so the
cleaner can afford to look up every word of an article.

Zipf scale (Speer et al., wordfreq): ``log10`` of the frequency per billion words; 7 for "de",
3 for a word seen once per million words. The list stops at zipf 1.0, so 0.0 means "absent".
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache
from pathlib import Path

import msgpack  # a dependency of wordfreq: the format of its data files

__all__ = ["is_known", "phrase_zipf", "zipf", "zipf_table"]


@cache
def zipf_table(name: str) -> dict[str, float]:
    """Zipf value of every word of one of wordfreq's lists (``"large_fr"``, ``"small_en"``…).

    We read the package's data file ourselves instead of calling ``wordfreq.get_frequency_dict``:
    importing wordfreq pulls in ftfy, regex and langcodes (0.3 s, more than half of a cold
    ``plume analyse``), and none of that is needed to read a list. The file is wordfreq's
    documented "cBpack" format (``wordfreq.read_cBpack``): gzipped msgpack, a header, then one
    bucket of words per centibel, bucket *i* holding the words of frequency 10 ** (−i / 100);
    so zipf = 9 − i / 100. A word in several buckets keeps its first (highest) frequency, as in
    ``get_frequency_dict``; the table is in that order, most frequent first.
    """
    spec = importlib.util.find_spec("wordfreq")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("wordfreq is not installed: reinstall plume (scripts/setup.sh)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}.msgpack.gz"
    with gzip.open(path, "rb") as infile:
        data = msgpack.load(infile, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise RuntimeError(f"unexpected wordfreq data format in {path}: {header!r}")
    zipfs: dict[str, float] = {}
    for i, bucket in enumerate(data[1:]):
        value = 9.0 - i / 100.0
        for word in bucket:
            zipfs.setdefault(word, value)
    return zipfs


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in French (case-insensitive); 0.0 when wordfreq lacks it."""
    return zipf_table("large_fr").get(word.casefold().replace("’", "'"), 0.0)


def is_known(word: str) -> bool:
    return zipf(word) > 0.0


def phrase_zipf(text: str) -> float:
    """Zipf frequency of a hyphenated compound or phrase, as wordfreq estimates it.

    The frequency list has no hyphenated entries; ``wordfreq.zipf_frequency`` splits the
    compound into tokens and combines their frequencies ("porte-parole" 4.8, "week-end" 4.5).
    Slower (about 12 µs) than :func:`zipf`: used only on the rare hyphen at a line end.
    """
    import wordfreq

    value: float = wordfreq.zipf_frequency(text, "fr")
    return value
