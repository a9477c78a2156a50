"""The writer: what rewrite mode asks the language model, and how it reads the answers.

An instruction model is asked in chat turns for the plan (JSON), the lead, each section and each
field to repair. A *base* model (no chat template: the embedded Gemma 3 270M) follows no
instruction, so each passage is rewritten by few-shot completion (:meth:`Writer.paraphrase`) and
each answer is vetted at once: sentences with a fact no source holds, or saying what their
passage does not (:mod:`plume.verify.grounding`), are dropped and reported, and an answer that
copies its passage gets a second sample.

A backend that fails for good (its own retries spent) ends the generation where it is
(:attr:`Writer.failure`): no call is made after it, and the loop reports the draft as failing.
The sources travel inside ``<source>`` tags in user messages, and the system message says they
are data, never instructions (see ``lang/fr/data/rewrite_prompts.toml``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from plume.analyse.keyphrase import KeyphraseMatcher
from plume.backends.base import Backend, Completion, Message, Usage, count_tokens_estimate
from plume.backends.structured import chat_json
from plume.clean import clean
from plume.document import Block, BlockKind, Document, Source
from plume.errors import BackendError
from plume.lang.fr import rewrite_prompts
from plume.settings import Settings
from plume.text import count_words, orphan_quotes, sentences
from plume.verify.facts import check_facts
from plume.verify.grounding import content_stems, grounded_share
from plume.verify.guards import copied_share, source_ngrams, source_quotations
from plume.verify.guards.words import tokens
from plume.write.rewrite.context import (
    context_sentences,
    source_heads,
    whos_who,
    whos_who_block,
)
from plume.write.rewrite.overlap import OVERLAP_MIN
from plume.write.rewrite.passages import TOKENS_PER_WORD, Passage, fit_passages
from plume.write.rewrite.plan import (
    MAX_SECTION_WORDS,
    MAX_SECTIONS,
    MIN_SECTIONS,
    Plan,
    deterministic_plan,
    plan_problem,
    plan_schema,
)
from plume.write.rewrite.requirements import (
    dates_phrase,
    headings_share,
    paragraphs_phrase,
    prompt_block,
    rule_of,
)

__all__ = [
    "GROUNDED_MIN",
    "INTRO_WORDS",
    "LEAD_WORDS",
    "PARAPHRASE_SAMPLES",
    "REMOTE_CTX",
    "TOLD_SHARE",
    "Writer",
    "typography",
]

#: Words asked for the lead: Yoast reads the keyphrase in the first paragraph; a news lead runs
#: 40–80 words (a margin above the minimum is added to the target for the rest).
INTRO_WORDS = 60
#: Source words the lead is written from: its first passage, and the next one of its section
#: while they hold fewer than this (a 60-word lead restates about two short paragraphs). The
#: first section is written from the rest, so that the two do not tell the same passages
#: (issue 19: the standfirst and the first section repeated each other in every run).
LEAD_WORDS = 90
#: Share of the context window the sources may fill in one prompt (the rest: instructions and
#: the answer). Long sources are cut to fit: for the plan each passage shrinks to its first
#: sentences, for a section its passages are truncated.
SOURCE_SHARE = 0.5
#: Share of a sentence's content words found in the standfirst from which the standfirst is
#: taken to say it (the sentence is not given to the first section again): the overlap check's
#: bar for two sentences saying the same thing (:data:`.overlap.OVERLAP_MIN`), one rule for
#: both. A sentence with a fact the lead left out keeps more of its own ("…, a annoncé
#: l’adjoint aux sports, Marc Le Du": 58 % told, kept).
TOLD_SHARE = OVERLAP_MIN
#: The window assumed for a remote endpoint when ``n_ctx`` is not set: the hosted instruction
#: models plume documents (Mistral Small, GPT-4o-mini, Llama 3.1, Qwen 2.5) take 32k tokens
#: or more, and Ollama's OpenAI endpoint 4k by default — 8k fits the sources of a long article
#: and its instructions; a smaller server is told by setting ``n_ctx``.
REMOTE_CTX = 8192
#: Tokens for the JSON plan (≈ 8 sections with passages); a third of the window at most.
PLAN_MAX_TOKENS = 900
#: Samples a base model gets per passage (:meth:`Writer.paraphrase`): a second one only when
#: the first lost half its words to unsupported facts or copies more than the originality
#: ceiling. Two, because each costs the passage's tokens again (issue 4's budget: generated
#: tokens ≤ 1.5 × the article's).
PARAPHRASE_SAMPLES = 2
#: Share of a base model's sentence's content words that must come from the passage it
#: rewrites (:func:`plume.verify.grounding.grounded_share`); a base model's answer is held to
#: a stricter bar than a human paraphrase (calibrated: see docs/calibration.md).
GROUNDED_MIN = 0.75


@dataclass
class Writer:
    """The model's side of a rewrite: every call, its usage, and what was dropped on the way."""

    backend: Backend
    settings: Settings
    sources: list[Document]
    passages: list[Passage]
    keyphrase: str
    synonyms: tuple[str, ...]
    usage: Usage
    seed: int
    calls: int = 0
    completions: list[Completion] = field(default_factory=list)
    #: Whether the backend follows instructions in chat turns; a base model (the embedded
    #: Gemma 270M) gets few-shot completions instead (:meth:`paraphrase`).
    instruct: bool = True
    #: What :meth:`paraphrase` vets each answer with: named entities checked too, and the
    #: originality ceiling.
    check_entities: bool = True
    ceiling: float = 0.20
    #: Sentences a base model's answers lost at once (a fact in no source, or too little of
    #: the sentence in its passage), one report line each.
    removed: list[str] = field(default_factory=list)
    #: The sentences each part holds (folded), so that a repeat of another part's sentence
    #: is dropped; a part's own are forgotten when it is written again (a repair's new sample
    #: may say the same thing again, and the old text it replaces is gone).
    _seen: dict[str, set[str]] = field(default_factory=dict)
    #: The passage a base model's lead was written from (left out of the first section).
    lead: int | None = None
    #: The passages an instruction model's lead was written from (:meth:`lead_ids`), left
    #: out of the first section when it has others.
    lead_passages: tuple[int, ...] = ()
    #: The standfirst as written (the loop sets it): every section prompt carries it, with
    #: the instruction not to repeat it.
    standfirst: str = ""
    #: Words the article is asked (the loop sets it): the lead's passages are given to the
    #: first section without what the lead says only when the other passages can carry it.
    target_words: int = 0
    #: The first part whose call failed for good (the backend's own retries spent: timeouts,
    #: 429/5xx, dropped connections) and the error. No call is made after it: the endpoint
    #: that just failed would most likely fail the next part the same way, after the same
    #: waits, so the run ends with the draft it has, marked failing.
    failure: tuple[str, BackendError] | None = None

    @property
    def window(self) -> int:
        """The context window prompts are fitted to: ``n_ctx``, or for a remote endpoint whose
        window was not set, :data:`REMOTE_CTX` — the 2048 default of the embedded model cut
        every passage of a capable model's plan to its first words (issue 19)."""
        n_ctx = self.settings.backend.n_ctx
        if "n_ctx" in self.settings.backend.model_fields_set or not _remote(self.backend):
            return n_ctx
        return max(n_ctx, REMOTE_CTX)

    def budget(self, answer_tokens: int, *, template: str = "") -> int:
        """Tokens the sources may take in one prompt: the context window less the answer, the
        instructions and a margin for the chat template and the estimate's error — and at
        most :data:`SOURCE_SHARE` of the window."""
        n_ctx = self.window
        other = count_tokens_estimate(rewrite_prompts()["system"] + template) + 128
        return max(64, min(int(n_ctx * SOURCE_SHARE), n_ctx - answer_tokens - other))

    def _chat(self, user: str, *, words: int, part: str) -> str:
        """The model's answer for ``part``; "" once a call has failed (see :attr:`failure`)."""
        return self._ask(
            part,
            lambda seed: self.backend.chat(
                [Message("system", rewrite_prompts()["system"]), Message("user", user)],
                max_tokens=max(96, int(words * TOKENS_PER_WORD * 2)),
                temperature=self.settings.backend.temperature,
                seed=seed,
            ),
        )

    def _ask(self, part: str, call: Callable[[int], Completion]) -> str:
        """``call(seed)``'s text for ``part``, recorded; "" once a call has failed for good."""
        if self.failure is not None:
            return ""
        self.calls += 1
        try:
            completion = call(self.seed + self.calls)
        except BackendError as e:
            if not self.completions:
                # The backend never answered in this run (unreachable, refusing, no model):
                # that is the backend's failure (exit 12, its own message), not a draft's.
                raise
            self.failure = (part, e)
            return ""
        self.usage.add(completion)
        self.completions.append(completion)
        text = completion.text.strip()
        if completion.finish_reason == "length":
            # Cut by the token limit: the last sentence is unfinished, and a cut sentence is
            # never publishable; what precedes it is kept.
            text = _whole_sentences(text)
        return text

    def plan(self, min_words: int, published: datetime) -> tuple[Plan, str, str | None]:
        """The plan, where it came from ("model" or "deterministic") and why the model's was
        not used (None when it was)."""
        # A backend that cannot plan (see there); a base model never can.
        if not self.instruct or not getattr(self.backend, "plans", True):
            return (
                deterministic_plan(self.sources, self.passages, self.keyphrase, published),
                "deterministic",
                "modèle embarqué : plan du mode fidèle, sans demande au modèle",
            )
        plan_tokens = min(PLAN_MAX_TOKENS, self.window // 3)
        sources = fit_passages(
            self.passages,
            self.budget(2 * plan_tokens, template=rewrite_prompts()["plan"]),  # room for one re-ask
            summary=True,
            heads=self._heads,
        )
        n = max(MIN_SECTIONS, min(MAX_SECTIONS, math.ceil(min_words / MAX_SECTION_WORDS)))
        top = max(n, min(MAX_SECTIONS, n + 2))
        lo, hi = headings_share(n)
        user = rewrite_prompts()["plan"].format(
            sources=sources,
            keyphrase=self.keyphrase,
            min_sections=n,
            max_sections=top,
            title_rule=rule_of("title", self.keyphrase),
            seo_title_rule=rule_of("seo_title", self.keyphrase),
            meta_rule=rule_of("meta", self.keyphrase),
            headings_rule=rule_of("headings", self.keyphrase)
            + f" (pour {n} parties\u00a0: {max(1, lo)} à {max(1, hi)})",
        )
        problem: str | None
        try:
            self.calls += 1
            result = chat_json(
                self.backend,
                [Message("system", rewrite_prompts()["system"]), Message("user", user)],
                plan_schema(),
                Plan,
                attempts=2,
                max_tokens=plan_tokens,
                temperature=0.2,
                seed=self.seed + self.calls,
            )
            for c in result.completions:
                self.usage.add(c)
                self.completions.append(c)
            problem = plan_problem(result.value, self.passages)
            if problem is None:
                return result.value, "model", None
        except BackendError as e:
            completions = getattr(e, "completions", [])
            for c in completions:
                self.usage.add(c)
                self.completions.append(c)
            problem = e.message("fr")
        return (
            deterministic_plan(self.sources, self.passages, self.keyphrase, published),
            "deterministic",
            problem,
        )

    def _passages(
        self,
        ids: Sequence[int],
        answer_tokens: int = 600,
        chosen: Sequence[Passage] | None = None,
    ) -> str:
        """The passages ``ids`` (or the ``chosen`` ones: whole sentences,
        :func:`fit_passages`) with the lines naming their sources and the sentences they depend
        on (:func:`context_sentences`)."""
        wanted = set(ids)
        if chosen is None:
            chosen = [p for p in self.passages if p.id in wanted] or self.passages[:3]
        budget = self.budget(
            answer_tokens,
            template=rewrite_prompts()["section"]
            + rewrite_prompts()["repair"]
            + self._people
            + self.standfirst,
        )
        context = context_sentences(self.passages, [p.id for p in chosen])
        return fit_passages(chosen, budget, summary=False, heads=self._heads, context=context)

    def _untold(self, ids: Sequence[int]) -> list[Passage]:
        """The passages ``ids`` for a section, without what the standfirst already tells: a
        passage the lead was written from keeps only its sentences the lead does not restate
        (fewer than :data:`TOLD_SHARE` of their content words in it) — so no section is given
        the standfirst's passages whole, and none of their other facts is lost. Not when the
        other passages hold fewer words than the article needs (:attr:`target_words`)."""
        wanted = set(ids)
        chosen = [p for p in self.passages if p.id in wanted]
        if not self.standfirst or not self.lead_passages:
            return chosen
        lead_words = sum(count_words(p.text) for p in self.passages if p.id in self.lead_passages)
        if sum(count_words(p.text) for p in self.passages) - lead_words < self.target_words:
            # Sources that barely cover the length: every fact is needed, the lead's too (on
            # the corpus's short pages, 244–329 words, the article fell under Yoast's 250).
            return chosen
        told = frozenset(content_stems(self.standfirst))
        out: list[Passage] = []
        for p in chosen:
            if p.id not in self.lead_passages:
                out.append(p)
                continue
            rest = [s.text for s in sentences(p.text) if not _told(s.text, told)]
            if rest:
                out.append(Passage(p.id, p.source, " ".join(rest)))
        return out or chosen

    @cached_property
    def _heads(self) -> dict[int, str]:
        """Each source's line: outlet, title, author, date — or "Source 2" (no file name)."""
        return source_heads(self.sources)

    @cached_property
    def _people(self) -> str:
        """The who's-who block of every writing prompt ("" when the sources name nobody)."""
        return whos_who_block(whos_who(self.sources))

    @cached_property
    def _dates(self) -> str:
        """The sources' publication dates, as the dates rule quotes them."""
        return dates_phrase([d.meta.published for d in self.sources if d.meta.published])

    def _context(self) -> str:
        """What a writing prompt carries after its sources: the who's-who."""
        return f"\n{self._people}\n" if self._people else ""

    def lead_ids(self, plan: Plan) -> list[int]:
        """The passages the lead is written from: the first section's first passage holding
        the keyphrase (Yoast wants it in the first paragraph), else its first, and the
        passages after it while they hold fewer than :data:`LEAD_WORDS` words."""
        ids = list(plan.sections[0].passages)
        by_id = {p.id: p for p in self.passages}
        start = self._lead_passage(ids)
        out = [start]
        total = count_words(by_id[start].text) if start in by_id else 0
        for k in ids[ids.index(start) + 1 :] if start in ids else []:
            n = count_words(by_id[k].text) if k in by_id else 0
            if total + n > LEAD_WORDS:
                break
            out.append(k)
            total += n
        return out

    def paraphrase(self, ids: Sequence[int], words: int, part: str) -> list[str]:
        """A base model's text for ``part``: the passages ``ids`` (in order, until ``words``
        source words are covered) each rewritten as one paragraph by few-shot completion.

        A base model continues a document; it does not follow the instructions of the chat
        prompts. Here it completes a paraphrase after three examples and stops at the end of
        the line; the completion is allowed 1.5 × the passage's tokens, so a run-on answer
        costs little. A repair is a new sample (the next seed): a base model cannot act on a
        hint."""
        chosen = [p for p in self.passages if p.id in set(ids)] or self.passages[:1]
        out: list[str] = []
        covered = 0
        self._seen[part] = set()
        seen = set().union(*self._seen.values())
        for p in chosen:
            if out and covered >= words:
                break
            covered += count_words(p.text)
            prompt = rewrite_prompts()["paraphrase"].format(passage=p.text)
            limit = int(count_tokens_estimate(p.text) * 1.5) + 16

            def call(seed: int, prompt: str = prompt, limit: int = limit) -> Completion:
                return self.backend.complete(
                    prompt,
                    max_tokens=limit,
                    temperature=self.settings.backend.temperature,
                    seed=seed,
                    stop=["\n"],
                )

            best: tuple[float, list[str], list[str]] | None = None
            for _ in range(PARAPHRASE_SAMPLES):
                answer = " ".join(_paragraphs(self._ask(part, call)))
                kept, removed = self._vet(answer, p.text, seen)
                text = " ".join(kept)
                copied = copied_share(
                    text, source_ngrams(self._source_texts), source_quotations(self._source_texts)
                )
                score = count_words(text) * (1.0 if copied <= self.ceiling else 0.5)
                if best is None or score > best[0]:
                    best = (score, kept, removed)
                if copied <= self.ceiling and count_words(text) >= count_words(p.text) / 2:
                    break
            if best is not None and best[1]:
                keys = {_fold_sentence(t) for t in best[1]}
                seen |= keys
                self._seen[part] |= keys
                self.removed.extend(best[2])
                out.append(" ".join(best[1]))
        return out

    def _lead_passage(self, ids: Sequence[int]) -> int:
        matcher = KeyphraseMatcher(self.keyphrase, self.synonyms)
        chosen = [p for p in self.passages if p.id in set(ids)]
        holding = [p.id for p in chosen if matcher.in_text(p.text)]
        return (holding or [p.id for p in chosen] or [self.passages[0].id])[0]

    @cached_property
    def _source_texts(self) -> list[str]:
        return [d.text for d in self.sources]

    def _vet(self, text: str, passage: str, seen: set[str]) -> tuple[list[str], list[str]]:
        """A base model's answer to ``passage`` as the sentences worth keeping, and one report
        line for each sentence dropped: for a fact no source supports (the fact check of
        faithful mode), or for saying what the passage does not (fewer than
        :data:`GROUNDED_MIN` of its content words from the passage: a statement made up of
        common words, which the fact check cannot see). A sentence already written (a base
        model loops on its last sentence, or repeats one from an earlier part) is dropped
        silently: it says nothing new. ``seen``: the sentences already written (folded)."""
        if not text:
            return [], []
        check = check_facts(text, self._source_texts, entities=self.check_entities)
        stems = frozenset(content_stems(passage))
        kept: list[str] = []
        removed: list[str] = []
        seen = set(seen)
        for sentence in sentences(text):
            hit = next(
                (
                    v.fact.text
                    for v in check.violations
                    if sentence.start <= v.fact.span.start < sentence.end
                ),
                None,
            )
            grounded = grounded_share(sentence.text, stems)
            if hit:
                removed.append(f"« {sentence.text} » — {hit}")
            elif grounded is not None and grounded < GROUNDED_MIN:
                removed.append(
                    f"« {sentence.text} » — {round(grounded * 100)}\u00a0% de ses mots "
                    "pleins dans le passage réécrit"
                )
            elif (key := _fold_sentence(sentence.text)) not in seen:
                seen.add(key)
                kept.append(sentence.text)
        return _pair_quotes(kept, removed), removed

    def intro(self, plan: Plan, ids: Sequence[int], repair: str = "") -> list[str]:
        """The lead (one paragraph, or none), from the passages ``ids``."""
        if not self.instruct:
            # The lead is one passage rewritten — the first of the opening section that holds
            # the keyphrase (Yoast wants it in the first paragraph), else its first —, and the
            # first section is written from the others.
            self.lead = self._lead_passage(ids)
            return self.paraphrase([self.lead], INTRO_WORDS, "intro")[:1]
        self.lead_passages = tuple(ids)
        user = rewrite_prompts()["intro"].format(
            sources=self._passages(ids),
            context=self._context(),
            title=plan.title,
            words=INTRO_WORDS,
            keyphrase=self.keyphrase,
            requirements=prompt_block("intro", self.keyphrase, self._dates),
            repair=repair,
        )
        return _paragraphs(self._chat(user, words=INTRO_WORDS, part="intro"))[:1]

    def section(
        self, plan: Plan, i: int, words: int, *, with_keyphrase: bool, repair: str = ""
    ) -> list[str]:
        """The paragraphs of section ``i`` of ``plan``, about ``words`` words."""
        s = plan.sections[i]
        if not self.instruct:
            ids = [k for k in s.passages if k != self.lead] or s.passages
            return self.paraphrase(ids, words, f"sections[{i}]")
        others = "; ".join(f"« {o.heading} »" for j, o in enumerate(plan.sections) if j != i)
        kp_line = (
            [rewrite_prompts()["keyphrase_line"].format(keyphrase=self.keyphrase)]
            if with_keyphrase
            else []
        )
        answer = max(96, int(words * TOKENS_PER_WORD * 2))
        previous = count_tokens_estimate(repair)  # a repair quotes the previous draft
        # The lead's passages are not given to a section whole: the lead told them already.
        user = rewrite_prompts()["section"].format(
            sources=self._passages(s.passages, answer + previous, self._untold(s.passages)),
            context=self._context(),
            heading=s.heading,
            title=plan.title,
            words=words,
            paragraphs=paragraphs_phrase(max(1, min(4, round(words / 80)))),
            standfirst=self.standfirst or "—",
            others=others or "—",
            requirements=prompt_block("section", self.keyphrase, self._dates, kp_line),
            repair=repair,
        )
        return _paragraphs(self._chat(user, words=words, part=f"sections[{i}]"))

    def field(
        self,
        plan: Plan,
        label: str,
        current: str,
        hints: str,
        ids: Sequence[int],
        *,
        part: str,
        rule: str = "",
    ) -> str:
        """A short field (``label``: "le titre"…) rewritten to the ``hints``; "" for none."""
        if not self.instruct:
            # A base model cannot rewrite a field to a hint ("au plus 60 caractères"): no call,
            # the failure stays in the report.
            return ""
        user = rewrite_prompts()["field"].format(
            sources=self._passages(ids),
            label=label,
            title=plan.title,
            # The meta description and the SEO title must hold it (SEO-KP-META, SEO-KP-TITLE):
            # the hint alone named it only when that check was the one failing.
            keyphrase=self.keyphrase,
            current=current,
            rule=rule or "—",
            hints=hints,
        )
        text = _paragraphs(self._chat(user, words=40, part=part))
        return " ".join(text[:1]).strip().strip('«»"“” ')


def _told(sentence: str, told: frozenset[str]) -> bool:
    """Whether the standfirst (its content stems ``told``) already says ``sentence``."""
    stems = set(content_stems(sentence))
    return bool(stems) and len(stems & told) / len(stems) >= TOLD_SHARE


def _remote(backend: object) -> bool:
    """Whether ``backend`` (or the one a wrapper holds) is a remote endpoint."""
    while backend is not None:
        if getattr(type(backend), "remote", None) is not None:
            return bool(type(backend).remote)  # type: ignore[attr-defined]
        backend = getattr(backend, "inner", None)
    return False


def _whole_sentences(text: str) -> str:
    """``text`` up to its last complete sentence (all of it when none ends)."""
    ends = [m.end() for m in re.finditer(r"[.!?…»](?=\s|$)", text)]
    return text[: ends[-1]].strip() if ends else text


def _pair_quotes(kept: list[str], removed: list[str]) -> list[str]:
    """``kept`` (one paragraph's sentences) without those holding a quotation mark left
    unpaired — the other half was in a dropped sentence, or never written —, each reported in
    ``removed``. A base model cannot be asked to close a quotation (its repair is a resample),
    and an unpaired mark blurs whose words are quoted: the quotes guard would fail the
    article."""
    while kept:
        orphans = orphan_quotes(" ".join(kept))
        if not orphans:
            break
        pos, cut = 0, orphans[0]
        for k, sentence in enumerate(kept):
            if pos <= cut < pos + len(sentence):
                removed.append(f"« {sentence} » — guillemet sans son pendant")
                del kept[k]
                break
            pos += len(sentence) + 1
        else:  # unreachable: the offsets are those of the joined sentences
            break
    return kept


def _fold_sentence(text: str) -> str:
    """A sentence's identity for spotting a repeat: its words as the guards see them."""
    return " ".join(tokens(text))


def _paragraphs(text: str) -> list[str]:
    """A completion as paragraphs: split at blank lines, spaces collapsed."""
    parts = re.split(r"\n\s*\n", text.strip())
    return [" ".join(p.split()) for p in parts if p.strip()]


def typography(text: str, settings: Settings) -> str:
    """French typography on generated text, by the cleaner (no-break spaces, apostrophes,
    « »), as for any input."""
    doc = Document(blocks=(Block(BlockKind.PARAGRAPH, text),), source=Source("<modèle>", "txt"))
    out = clean(doc, settings).document
    return out.blocks[0].text if out.blocks else text
