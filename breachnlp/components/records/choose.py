"""Which figure is THE count of the breach: the document-level choice ``breach_assemble`` makes."""
from __future__ import annotations

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
