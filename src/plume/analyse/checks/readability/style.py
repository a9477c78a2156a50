"""Readability checks on style: passive voice, transition words, repeated sentence beginnings.

Yoast's PassiveVoiceAssessment, TransitionWordsAssessment and SentenceBeginningsAssessment
(yoastseo 3.6), with French word lists.
"""

from __future__ import annotations

from plume.analyse import formulas as F
from plume.analyse.checks.base import (
    Context,
    Rule,
    Threshold,
    Verdict,
    bad,
    check,
    good,
    na,
    ok,
)
from plume.analyse.checks.readability.common import (
    TOO_SHORT,
    YOAST,
    fewest_to_fix,
    too_little_text,
)
from plume.analyse.checks.wording import (
    num_en,
    num_fr,
    plural_en,
    plural_fr,
)
from plume.analyse.researches import Research, sentence_start_runs
from plume.report import Category, Msg, Span

# --- RD-PASSIVE ------------------------------------------------------------------------------


@check(
    Rule(
        code="RD-PASSIVE",
        category=Category.READABILITY,
        name=Msg("Voix passive", "Passive voice"),
        what=Msg(
            "Mesure la part des phrases qui contiennent une tournure passive "
            "(« la loi a été votée par les députés »).",
            "Measures the share of sentences containing a passive clause "
            "(“the law was passed by MPs”).",
        ),
        why=Msg(
            "L’actif dit qui fait quoi, dans l’ordre où on le comprend ; le passif allonge la "
            "phrase et cache souvent l’acteur.",
            "The active voice says who does what, in the order we understand it; the passive "
            "lengthens the sentence and often hides the actor.",
        ),
        thresholds={
            "ok_share": Threshold(
                10, YOAST + "PassiveVoiceAssessment : vert jusqu’à 10 % des phrases"
            ),
            "bad_share": Threshold(
                15, YOAST + "PassiveVoiceAssessment : orange jusqu’à 15 %, rouge au-delà"
            ),
        },
        example_bad="Le budget a été adopté par le conseil municipal.",
        example_good="Le conseil municipal a adopté le budget.",
    )
)
def passive(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: passive sentences / sentences, green ≤ 10 %, orange ≤ 15 %, red above.
    Spans: the passive clauses themselves (auxiliary … participle), to rewrite."""
    if (short := too_little_text(r)) is not None:
        return short
    total = len(r.sentences)
    if total == 0:
        return na(TOO_SHORT)
    per_sentence = r.sentence_passives
    passive_count = sum(1 for clauses in per_sentence if clauses)
    share = F.percentage(passive_count, total)
    spans = tuple(sp for clauses in per_sentence for sp in clauses)
    ok_share, bad_share = rule.t(ctx, "ok_share"), rule.t(ctx, "bad_share")
    value = {"share": share, "passive": passive_count, "sentences": total, "clauses": len(spans)}
    if share <= ok_share:
        return good(
            Msg(
                f"{num_fr(share)} % des phrases sont au passif (maximum recommandé : "
                f"{num_fr(ok_share)} %) : bien.",
                f"{num_en(share)}% of the sentences are passive (recommended maximum: "
                f"{num_en(ok_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    to_fix = fewest_to_fix(passive_count, total, ok_share)
    message = Msg(
        f"{num_fr(share)} % des phrases sont au passif ({passive_count} sur {total}), pour un "
        f"maximum recommandé de {num_fr(ok_share)} %.",
        f"{num_en(share)}% of the sentences are passive ({passive_count} of {total}), above "
        f"the recommended maximum of {num_en(ok_share)}%.",
    )
    hint = Msg(
        f"Mettez à l’actif au moins {to_fix} des tournures surlignées en nommant qui agit : "
        "« le budget a été adopté par le conseil » devient « le conseil a adopté le budget ».",
        f"Turn at least {to_fix} of the highlighted clauses into the active voice by naming "
        "who acts: “the budget was adopted by the council” becomes “the council adopted the "
        "budget”.",
    )
    verdict = ok if share <= bad_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-TRANSITIONS --------------------------------------------------------------------------


@check(
    Rule(
        code="RD-TRANSITIONS",
        category=Category.READABILITY,
        name=Msg("Mots de transition", "Transition words"),
        what=Msg(
            "Mesure la part des phrases qui contiennent un mot de transition (« mais », "
            "« ainsi », « en effet », « d’une part… d’autre part »). Les textes de moins de "
            "200 mots ne sont pas évalués.",
            "Measures the share of sentences containing a transition word (“but”, “thus”, "
            "“indeed”, “on the one hand… on the other”). Texts under 200 words are not judged.",
        ),
        why=Msg(
            "Les mots de transition disent comment les idées s’enchaînent (cause, opposition, "
            "conséquence) : le lecteur suit le raisonnement sans effort.",
            "Transition words say how ideas connect (cause, contrast, consequence): the reader "
            "follows the reasoning effortlessly.",
        ),
        thresholds={
            "good_share": Threshold(
                30, YOAST + "TransitionWordsAssessment : vert à partir de 30 % des phrases"
            ),
            "ok_share": Threshold(
                20, YOAST + "TransitionWordsAssessment : orange de 20 à 30 %, rouge en dessous"
            ),
            "min_words": Threshold(
                200,
                YOAST + "TransitionWordsAssessment, transitionWordsNeededIfTextLongerThan : "
                "sous 200 mots, toujours vert",
            ),
        },
        example_bad="Le prix du carburant augmente. Les automobilistes roulent moins. "
        "Les stations-service perdent des clients.",
        example_good="Le prix du carburant augmente. Par conséquent, les automobilistes "
        "roulent moins. Les stations-service perdent donc des clients.",
    )
)
def transitions(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: sentences with a transition word / sentences; green ≥ 30 %, orange ≥ 20 %, red
    below; always green under 200 words.

    Spans: the transition words found, not the sentences without one. When the check fails, most
    sentences lack a transition, so highlighting them would cover nearly the whole text; showing
    the connectors already used teaches what counts as one, and the long unmarked stretches show
    where the reasoning needs linking.
    """
    if (short := too_little_text(r)) is not None:
        return short
    total = len(r.sentences)
    if total == 0:
        return na(TOO_SHORT)
    per_sentence = r.sentence_transitions
    with_tr = sum(1 for found in per_sentence if found)
    share = F.percentage(with_tr, total)
    spans = tuple(sp for found in per_sentence for sp in found)
    good_share, ok_share = rule.t(ctx, "good_share"), rule.t(ctx, "ok_share")
    min_words = int(rule.t(ctx, "min_words"))
    value = {
        "share": share,
        "with_transition": with_tr,
        "sentences": total,
        "words": r.word_count,
    }
    if r.word_count < min_words:
        return good(
            Msg(
                f"Texte court ({r.word_count} mots) : les mots de transition ne sont pas évalués "
                f"sous {min_words} mots ({num_fr(share)} % des phrases en contiennent).",
                f"Short text ({r.word_count} words): transition words are not judged under "
                f"{min_words} words ({num_en(share)}% of the sentences contain one).",
            ),
            spans=spans,
            value=value,
        )
    if share >= good_share:
        return good(
            Msg(
                f"{num_fr(share)} % des phrases contiennent un mot de transition (minimum "
                f"recommandé : {num_fr(good_share)} %) : bien.",
                f"{num_en(share)}% of the sentences contain a transition word (recommended "
                f"minimum: {num_en(good_share)}%): good.",
            ),
            spans=spans,
            value=value,
        )
    missing = 0
    while F.percentage(with_tr + missing, total) < good_share:
        missing += 1
    if with_tr == 0:
        message = Msg(
            f"Aucune des {total} phrases ne contient de mot de transition (minimum recommandé : "
            f"{num_fr(good_share)} %).",
            f"None of the {total} sentences contains a transition word (recommended minimum: "
            f"{num_en(good_share)}%).",
        )
    else:
        message = Msg(
            f"Seules {num_fr(share)} % des phrases contiennent un mot de transition ({with_tr} "
            f"sur {total}), pour un minimum recommandé de {num_fr(good_share)} %.",
            f"Only {num_en(share)}% of the sentences contain a transition word ({with_tr} of "
            f"{total}), below the recommended minimum of {num_en(good_share)}%.",
        )
    hint = Msg(
        f"Reliez les idées dans au moins {missing} {plural_fr(missing, 'phrase', 'phrases')} "
        "de plus avec des mots de transition "
        "(« mais », « donc », « ainsi », « en effet », « par exemple », « d’abord », "
        "« enfin »), surtout dans les passages sans aucun mot surligné.",
        f"Link ideas in at least {missing} more {plural_en(missing, 'sentence', 'sentences')} "
        "with transition words (“but”, "
        "“so”, “thus”, “indeed”, “for example”, “first”, “finally”), especially in the "
        "stretches with nothing highlighted.",
    )
    verdict = ok if share >= ok_share else bad
    return verdict(message, hint, spans=spans, value=value)


# --- RD-SENTENCE-STARTS ----------------------------------------------------------------------


@check(
    Rule(
        code="RD-SENTENCE-STARTS",
        category=Category.READABILITY,
        name=Msg("Débuts de phrases répétés", "Repeated sentence beginnings"),
        what=Msg(
            "Repère trois phrases consécutives ou plus qui commencent par le même mot "
            "(article compris : « Le maire… Le maire… Le maire… »).",
            "Finds three or more consecutive sentences starting with the same word (with its "
            "article: “The mayor… The mayor… The mayor…”).",
        ),
        why=Msg(
            "Des débuts identiques rendent le texte monotone et donnent une impression de liste "
            "récitée.",
            "Identical beginnings make the text monotonous, like a list being recited.",
        ),
        thresholds={
            "max_same": Threshold(
                2,
                YOAST + "SentenceBeginningsAssessment, MAX_SAME_BEGINNINGS (au-delà, score 3), "
                "avec la liste firstWordExceptions du français",
            ),
        },
        example_bad="Il a voté contre. Il a quitté la salle. Il a refusé de commenter.",
        example_good="Il a voté contre, puis a quitté la salle. Interrogé ensuite, le maire "
        "a refusé de commenter.",
    )
)
def sentence_starts(r: Research, ctx: Context, rule: Rule) -> Verdict:
    """Yoast: any run of more than two consecutive sentences with the same beginning is red
    (score 3), otherwise green. Spans: each run, from its first to its last sentence."""
    if (short := too_little_text(r)) is not None:
        return short
    max_same = int(rule.t(ctx, "max_same"))
    runs = [run for run in sentence_start_runs(r) if len(run.sentences) > max_same]
    spans = tuple(Span(start=run.sentences[0].start, end=run.sentences[-1].end) for run in runs)
    value = {
        "runs": [
            {"beginning": run.beginning, "count": len(run.sentences), "start": sp.start}
            for run, sp in zip(runs, spans, strict=True)
        ],
        "max_same": max_same,
    }
    if not runs:
        return good(
            Msg(
                f"Pas plus de {max_same} phrases consécutives ne commencent par le même mot : bien.",
                f"No more than {max_same} consecutive sentences start with the same word: good.",
            ),
            value=value,
        )
    listed_fr = ", ".join(
        f"« {run.beginning.replace(chr(39), '’')} » ({len(run.sentences)} fois)" for run in runs[:4]
    )
    listed_en = ", ".join(f"“{run.beginning}” ({len(run.sentences)} times)" for run in runs[:4])
    k = len(runs)
    message = Msg(
        f"{k} {plural_fr(k, 'série', 'séries')} de phrases consécutives commençant par le même "
        f"mot : {listed_fr}.",
        f"{k} {plural_en(k, 'run', 'runs')} of consecutive sentences starting with the same "
        f"word: {listed_en}.",
    )
    hint = Msg(
        "Variez le début des phrases surlignées : ouvrez l’une par un complément "
        "(« Depuis 2020, … », « À Lyon, … »), fusionnez-en deux, ou remplacez le sujet répété "
        "par un pronom ou un synonyme.",
        "Vary how the highlighted sentences begin: open one with a phrase (“Since 2020, …”, "
        "“In Lyon, …”), merge two of them, or replace the repeated subject with a pronoun or a "
        "synonym.",
    )
    return bad(message, hint, spans=spans, value=value)
