"""Which figure is THE count of the breach: the document-level choice ``breach_assemble`` makes."""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Mapping, Sequence

from ...scoring import LinearScorer
from .rules import RECORD_UNITS, CountCandidate


def precision_rank(candidate: CountCandidate) -> tuple[int, int]:
    """How exact a figure is: qualified and round figures rank below exact, precise ones."""
    exact = 1 if candidate.qualifier == "exact" else 0
    return (candidate.significant, exact)


def _same_count(figure: CountCandidate, anchor: CountCandidate) -> bool:
    """``figure`` and ``anchor`` can be the same count written twice, one of them rounded:
    the less precise one is the other rounded or cut at its own precision ("6,4 millions" and
    "6 412 000"), or within 15 % of it when it says so ("près d'un million" and "914 138").
    "3M (was 2.3M)" are two counts."""
    rough, fine = (anchor, figure) if figure.significant >= anchor.significant else (figure, anchor)
    if rough.value is None or fine.value is None:
        return False
    if rough.value == fine.value:
        return True
    step = 10 ** max(0, len(str(rough.value)) - max(1, rough.significant))
    if rough.value in (fine.value // step * step, round(fine.value / step) * step):
        return True
    if rough.qualifier == "at_least":
        return rough.value <= fine.value < rough.value + step
    if rough.qualifier in ("approx", "at_most"):
        return abs(fine.value - rough.value) <= 0.15 * rough.value
    return False


def counts_people_or_records(candidate: CountCandidate) -> bool:
    """A figure that may be the count: a value, a record unit (or none), not a population, not the
    lower bound of a range."""
    return bool(candidate.value) and candidate.unit in RECORD_UNITS + (None,) and not candidate.population \
        and not candidate.range_start


def choose_count(candidates: list[CountCandidate], *, min_score: float = 3.0) -> CountCandidate | None:
    """THE count of the main breach among scored candidates, or ``None``.

    The best-scored figure anchors the choice; the same count written more precisely replaces
    it (rounded headline vs exact body, :func:`_same_count`); a figure in a
    sentence that revises an earlier one wins over the others (latest update).
    """
    pool = [c for c in candidates if counts_people_or_records(c) and c.score >= min_score]
    if not pool:
        return None
    best_score = max(c.score for c in pool)
    top = [c for c in pool if c.score >= best_score - 1.0]
    revised = [c for c in top if c.revision and not c.initial]
    if revised:
        return revised[-1]
    anchor = max(top, key=lambda c: (c.score, -c.start))
    same = [c for c in pool if c.value and anchor.value and _same_count(c, anchor) and c.score >= min_score]
    if any(not c.initial for c in same):
        same = [c for c in same if not c.initial]  # a first estimate never beats a later figure
    if not same:
        return anchor
    return max(same, key=lambda c: (precision_rank(c), c.score, -c.start))


# ---------------------------------------------------------------------------- fitted choice
# Every figure that may count people or records is an option, and so is "none"; an option's
# score is a weighted sum of named features, fitted on gold by ``make train`` as a conditional
# logit (``resources/<lang>/weights.yml`` ``count_choice``). The first turn's rule above gives
# two of the features (its score, its choice) and decides alone where no weights are given.

COUNT_UNITS = ("people", "records", "files", "accounts", "appointments")
COUNT_CHOICE_FEATURES: tuple[str, ...] = (
    "score", "above_min", *(f"unit_{u}" for u in COUNT_UNITS), "unit_none", "approx", "at_least", "at_most",
    "revision", "initial", "population", "cue_breach_context", "cue_unit", "cue_subset", "cue_superseded", "cue_claimed",
    "headline", "position", "sentence", "context", "victim_sentence", "other_incident", "furniture",
    "unknown_count", "log_value", "largest", "smallest", "restated", "significant", "round", "options",
    "rule_choice", "best_scored", "first_above_min", "first_body_above_min", "rank",
    "exact_of_rounded", "rounded_of_exact",
)
# How far a rounded figure may be from the exact one it stands for ("près de 1,9 million" for
# 1 869 598, "more than 146,000" for 146,108), as a share of the exact one.
ROUNDING_REACH = 0.06
SCORE_CLIP = 8.0


@dataclass(frozen=True)
class CountOption:
    """A figure as the choice sees it: the candidate (its ``score`` with the sentence's weight
    added) and where it stands."""

    candidate: CountCandidate
    headline: bool = False
    position: float = 0.0  # 0 at the start of the body, 1 at its end
    context: float = 0.0  # the assembler's weight of its sentence
    victim_sentence: bool = False
    other_incident: bool = False
    furniture: bool = False
    unknown_count: bool = False  # its sentence says the count is not known


def count_option_features(options: Sequence[CountOption], *, min_score: float,
                          rule_choice: int | None) -> list[dict[str, float]]:
    """The features of every option (linear time: the comparisons with the others are counted once);
    ``rule_choice``: the value the first turn's rule chose, if any."""
    if not options:
        return []
    values = [o.candidate.value or 0 for o in options]
    mentions: dict[int, int] = {}
    for v in values:
        mentions[v] = mentions.get(v, 0) + 1
    largest, smallest = max(values), min(values)
    best = max(range(len(options)), key=lambda i: (options[i].candidate.score, -options[i].candidate.start))
    # where a figure stands among the others, not only in the text: the first figure the rules
    # score as a count (in the text, and in the body after the headline) is most often the count
    order = sorted(range(len(options)), key=lambda i: options[i].candidate.start)
    rank = {i: r / max(1, len(options) - 1) for r, i in enumerate(order)}
    first = next((i for i in order if options[i].candidate.score >= min_score), None)
    first_body = next((i for i in order if options[i].candidate.score >= min_score and not options[i].headline), None)
    # a rounded figure and the exact one it stands for, both in the text: which is which
    by_value = sorted(range(len(options)), key=lambda i: values[i])
    sorted_values = [values[i] for i in by_value]
    exact_of_rounded, rounded_of_exact = set(), set()
    for i in range(len(options)):
        v = values[i]
        lo = bisect_left(sorted_values, v * (1 - ROUNDING_REACH))
        hi = bisect_right(sorted_values, v * (1 + ROUNDING_REACH))
        for j in by_value[lo:hi]:
            rounded, exact = options[j].candidate.significant, options[i].candidate.significant
            bound = options[j].candidate.qualifier  # "plus de 26 000" stands for no 25 610
            if (bound == "at_least" and v < values[j]) or (bound == "at_most" and v > values[j]):
                continue
            if values[j] != v and rounded <= 3 and rounded < exact:
                exact_of_rounded.add(i)
                rounded_of_exact.add(j)
    out = []
    for i, o in enumerate(options):
        c = o.candidate
        cues = {cue[2] for cue in c.cues}
        f = {"score": max(-SCORE_CLIP, min(SCORE_CLIP, c.score)) / 4, "above_min": float(c.score >= min_score)}
        for unit in COUNT_UNITS:
            f[f"unit_{unit}"] = float(c.unit == unit)
        f["unit_none"] = float(c.unit is None)
        for qualifier in ("approx", "at_least", "at_most"):
            f[qualifier] = float(c.qualifier == qualifier)
        f["revision"], f["initial"], f["population"] = float(c.revision), float(c.initial), float(c.population)
        for cue in ("breach_context", "unit", "subset", "superseded", "claimed"):
            f[f"cue_{cue}"] = float(cue in cues)
        f["headline"], f["position"], f["sentence"] = float(o.headline), o.position, math.log1p(c.sentence)
        f["context"] = o.context / 2
        f["victim_sentence"], f["other_incident"] = float(o.victim_sentence), float(o.other_incident)
        f["furniture"], f["unknown_count"] = float(o.furniture), float(o.unknown_count)
        f["log_value"] = math.log10(max(1, values[i])) / 3
        f["largest"], f["smallest"] = float(values[i] == largest), float(values[i] == smallest)
        f["restated"] = math.log1p(mentions[values[i]] - 1)
        f["significant"] = min(c.significant, 7) / 7
        f["round"] = float(c.significant <= 2)
        f["options"] = math.log1p(len(options))
        f["rule_choice"] = float(rule_choice is not None and values[i] == rule_choice)
        f["best_scored"] = float(i == best)
        f["first_above_min"], f["first_body_above_min"] = float(i == first), float(i == first_body)
        f["rank"] = rank[i]
        f["exact_of_rounded"], f["rounded_of_exact"] = float(i in exact_of_rounded), float(i in rounded_of_exact)
        out.append(f)
    return out


@dataclass(frozen=True)
class CountChoice:
    """The figure chosen (``None``: the text gives no count) and its softmax share."""

    option: CountOption | None
    probability: float


def _claimed(candidate: CountCandidate) -> bool:
    return any(cue[2] == "claimed" for cue in candidate.cues)


def _told_count(option: CountOption) -> bool:
    """A figure the text itself gives for the breach, not the attackers' word: in a sentence not
    about another organization or incident, no population, with a unit (or in the victim's own
    sentence: "at least three million South Africans") and a breach's words."""
    candidate = option.candidate
    return not _claimed(candidate) and option.context >= 0 and not option.other_incident \
        and not option.furniture and not candidate.population \
        and (candidate.unit is not None or option.victim_sentence) \
        and any(cue[2] == "breach_context" for cue in candidate.cues)


def choose_count_fitted(options: Sequence[CountOption], features: Sequence[Mapping[str, float]],
                        scorer: LinearScorer, *, min_score: float, stated: bool = False) -> CountChoice:
    """The best-scored figure, or none when "none" (score 0: the scorer's bias is minus the
    ``none`` weight) scores higher, unless ``stated`` (the caller passes it for a lone figure the
    rules take as the count: nothing to compare it with); ties go to the figure written first. The same count written
    more precisely elsewhere ("nearly 900,000" and "914,138", :func:`_same_count`) then replaces
    it, a later figure before a first estimate, as in :func:`choose_count`."""
    scores = [scorer.score(f) for f in features]
    ceiling = max([0.0, *scores])
    total = sum(math.exp(s - ceiling) for s in scores) + math.exp(-ceiling)
    top = max(scores, default=0.0)
    if not scores or (top <= 0.0 and not stated):
        return CountChoice(None, math.exp(-ceiling) / total)
    best = options[min((i for i, s in enumerate(scores) if s == top), key=lambda i: options[i].candidate.start)]
    if _claimed(best.candidate):
        # the spec: what the attackers claim is the count only when the text gives no other one
        told = [i for i, s in enumerate(scores) if s > 0.0 and _told_count(options[i])]
        if told:
            best = options[max(told, key=lambda i: (scores[i], -options[i].candidate.start))]
    anchor = best.candidate
    same = [o for o in options if o.candidate.score >= min_score and _same_count(o.candidate, anchor)
            # a revision ("désormais environ 6,5 millions") is no rounding of the figure it revises
            and not (anchor.revision and o.candidate.start < anchor.start and not o.candidate.revision)]
    if any(not o.candidate.initial for o in same):
        same = [o for o in same if not o.candidate.initial]
    if same and precision_rank(max(same, key=lambda o: precision_rank(o.candidate)).candidate) > precision_rank(anchor):
        best = max(same, key=lambda o: (precision_rank(o.candidate), o.candidate.score, -o.candidate.start))
    return CountChoice(best, math.exp(top - ceiling) / total)
