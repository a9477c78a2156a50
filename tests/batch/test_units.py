"""Batch building blocks: safe names, inputs and manifests, the job store, the rate limiter."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from plume.backends.base import Completion, Message
from plume.batch.inputs import collect_inputs
from plume.batch.limiter import CountingBackend, LimitedBackend, TokenBucket
from plume.batch.names import assign_names, inside, safe_name
from plume.batch.runner import exit_code_for
from plume.batch.store import JobStore
from plume.errors import ConfigError, InputNotFound

# -- names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Élections 2024", "Élections 2024"),
        ("E\u0301lections", "Élections"),  # NFD → NFC: one folder for both spellings
        ("..", "article"),
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c", "a_b_c"),
        (".cache", "cache"),
        ("ligne\nnouvelle\x1b[31m", "ligne_nouvelle_[31m"),
        ("right\u202eto-left", "right_to-left"),
        ("CON", "_CON"),
        ("  ", "article"),
        ("a..b", "a_b"),
    ],
)
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_safe_name_is_bounded_in_bytes_and_keeps_whole_characters() -> None:
    name = safe_name("é" * 500)
    assert len(name.encode("utf-8")) <= 120 and set(name) == {"é"}


def test_collisions_are_disambiguated_whatever_the_order() -> None:
    wanted = [("article", "/a/article.txt"), ("Article", "/b/article.txt"), ("x", "/x.txt")]
    first = assign_names(wanted)
    second = assign_names(list(reversed(wanted)))
    assert first == list(reversed(second))
    assert len({n.casefold() for n in first}) == 3
    assert first[0] == "article" and first[1].startswith("Article-") and first[2] == "x"


def test_inside_refuses_escapes_and_planted_symlinks(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert inside(out, "a b") == out.resolve() / "a b"
    (out / "evil").symlink_to(tmp_path)
    for bad in ("..", "../x", "a/b", "evil", ""):
        with pytest.raises(ValueError):
            inside(out, bad)


# -- inputs


def test_folders_globs_and_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / ".hidden").mkdir()
    for rel in ("a.txt", "sub/b.md", "sub/c.html", "image.png", ".secret.txt", ".hidden/d.txt"):
        (src / rel).write_text("x", encoding="utf-8")
    items = collect_inputs([str(src), str(src / "sub" / "*.md"), str(src / "a.txt")])
    assert [i.source.name for i in items] == ["a.txt", "b.md", "c.html"]
    with pytest.raises(InputNotFound):
        collect_inputs([str(tmp_path / "nothing-*.txt")])


def test_outdir_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out" / "a").mkdir(parents=True)
    (tmp_path / "out" / "a" / "article.md").write_text("x", encoding="utf-8")
    items = collect_inputs([str(tmp_path)], tmp_path / "out")
    assert [i.source.name for i in items] == ["a.txt"]


def test_csv_and_jsonl_manifests(tmp_path: Path) -> None:
    (tmp_path / "csv.csv").write_text(
        "file,keyphrase,min_words,output\na.txt,vélo en ville,600,Vélo\nb.txt,,,\n",
        encoding="utf-8",
    )
    rows = [{"file": "a.txt", "keyphrase": "trottinette"}, {"file": "/abs/c.md", "output": "../x"}]
    (tmp_path / "m.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8"
    )
    items = collect_inputs([str(tmp_path / "csv.csv"), str(tmp_path / "m.jsonl")])
    assert [(i.source, i.wanted_name, i.keyphrase, i.min_words) for i in items] == [
        (tmp_path / "a.txt", "Vélo", "vélo en ville", 600),
        (tmp_path / "b.txt", "b", None, None),
        (tmp_path / "a.txt", "a", "trottinette", None),  # same file, another keyphrase: kept
        (Path("/abs/c.md"), "../x", None, None),
    ]
    assert safe_name(items[3].wanted_name) == "x"


@pytest.mark.parametrize(
    ("content", "suffix", "where"),
    [
        ("file,keyword\na.txt,x\n", ".csv", "ligne 2"),
        ("file,min_words\na.txt,beaucoup\n", ".csv", "min_words"),
        ("file\na.txt,b\n", ".csv", "plus de cellules"),
        ('{"file": "a.txt"}\n{oops\n', ".jsonl", "ligne 2"),
        ('["a.txt"]\n', ".jsonl", "objet"),
        ('{"keyphrase": "x"}\n', ".jsonl", "«\u00a0file\u00a0»"),
    ],
)
def test_bad_manifests_stop_before_anything_runs(
    tmp_path: Path, content: str, suffix: str, where: str
) -> None:
    path = tmp_path / f"m{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        collect_inputs([str(path)])
    assert where in err.value.message_fr and str(path) in err.value.message_fr


# -- store


def test_store_counts_attempts_and_completions_per_key(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "db.sqlite3")
    assert store.start("a", "a.txt", "h1", "s1") == 1
    assert store.start("a", "a.txt", "h1", "s1") == 2  # killed, redone
    store.finish("a", "done", {"words": 3})
    row = store.rows()["a"]
    assert (row.status, row.attempts, row.completions, row.result) == ("done", 2, 1, {"words": 3})
    assert row.same_key("h1", "s1") and not row.same_key("h2", "s1")
    assert store.start("a", "a.txt", "h2", "s1") == 1  # new content: a new piece of work
    assert store.rows()["a"].completions == 0
    store.finish("a", "failed", {}, error_code=5, error_message="vide")
    store.close()
    again = JobStore(tmp_path / "db.sqlite3", readonly=True)
    row = again.rows()["a"]
    assert (row.status, row.error_code, row.error_message) == ("failed", 5, "vide")


def test_exit_code_from_failure_ratio() -> None:
    assert exit_code_for(0, 10, 0.5) == 0
    assert exit_code_for(5, 10, 0.5) == 14
    assert exit_code_for(6, 10, 0.5) == 15
    assert exit_code_for(1, 10, 0.0) == 15


# -- limiter


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_at_its_rate_and_holds_one_second() -> None:
    clock = _Clock()
    bucket = TokenBucket(120, clock=clock)  # 2 per second, bucket of 2
    assert bucket.capacity == 2
    assert bucket.acquire() and bucket.acquire()
    bucket._refill()
    assert bucket._level == 0
    clock.now = 0.5
    bucket._refill()
    assert bucket._level == pytest.approx(1.0)
    bucket.settle(5)  # the call used 5 more units than reserved: debt
    assert bucket._level < 0
    clock.now = 100
    bucket._refill()
    assert bucket._level == bucket.capacity
    bucket.stop()
    bucket._level = -10
    assert bucket.acquire() is False  # stopped: waiters give up at once
    assert TokenBucket(0).acquire(10**9)  # 0 = unlimited


class _Barrier:
    """A backend that records how many calls overlap."""

    def __init__(self) -> None:
        self.active = 0
        self.peak = 0
        self.lock = threading.Lock()
        self.gate = threading.Event()

    def complete(self, prompt: str, **kw: Any) -> Completion:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        self.gate.wait(5)
        with self.lock:
            self.active -= 1
        return Completion("ok", prompt_tokens=7, completion_tokens=2)

    def chat(self, messages: Sequence[Message], **kw: Any) -> Completion:
        return self.complete("".join(m.content for m in messages))

    def close(self) -> None:
        pass


def test_limited_backend_caps_concurrency_and_counting_backend_counts() -> None:
    inner = _Barrier()
    limited = LimitedBackend(inner, concurrency=3)
    counters = [CountingBackend(limited) for _ in range(8)]

    def call(c: CountingBackend) -> None:
        c.complete("x" * 40, max_tokens=5, temperature=0, seed=1, stop=[])

    threads = [threading.Thread(target=call, args=(c,)) for c in counters]
    for t in threads:
        t.start()
    while True:  # wait until the cap is reached, then release everyone
        with inner.lock:
            if inner.active == 3:
                break
    inner.gate.set()
    for t in threads:
        t.join()
    assert inner.peak == 3
    assert all((c.calls, c.prompt_tokens, c.completion_tokens) == (1, 7, 2) for c in counters)


def test_one_batch_at_a_time_per_outdir(tmp_path: Path) -> None:
    from plume.batch.runner import BatchOptions, _outdir_lock, run_batch
    from plume.errors import PlumeError
    from plume.settings import load_settings

    options = BatchOptions(inputs=[], outdir=tmp_path, settings=load_settings(env={}))
    with _outdir_lock(tmp_path), pytest.raises(PlumeError) as err:
        run_batch(options)
    assert "Un autre lot écrit déjà" in err.value.message_fr
    assert run_batch(options).total == 0  # released: the next batch runs
