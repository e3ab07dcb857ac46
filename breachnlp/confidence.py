"""How sure breachnlp is of each value: features of each decision, and their fitted weights.

For ``organization``, ``records`` and the primary ``date`` the assembler describes its decision
by a few named features — how far the chosen candidate stands above the threshold and above
the runner-up, how many candidates there were, whether the value was left null — and a logistic
model fitted on out-of-fold decisions over gold (``make train``, ``tools/train.py``) turns them
into the probability that the value given is right (for null: that the text states none).
Weights live in ``resources/<lang>/weights.yml`` under ``confidence``; without them no
confidence is given.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Iterable, Mapping

from .resources import read_resource
from .scoring import LinearScorer

CLIP = 8.0

CONFIDENCE_FEATURES: dict[str, tuple[str, ...]] = {
    "organization": ("chosen", "top_if_chosen", "top_if_null", "margin_if_chosen", "candidates", "headline",
                     "top_cue", "top_share", "top_mentions", "top_place", "top_org_word", "top_single_word",
                     "softmax_share", "top_in_headline", "top_first_named", "top_informal"),
    "records": ("chosen", "top_if_chosen", "top_if_null", "margin_if_chosen", "candidates", "values",
                "mentions_of_chosen", "qualified", "share", "rule_agrees"),
    "date": ("chosen", "top_if_chosen", "candidates", "roles", "day", "month", "year_only", "range", "share",
             "rule_agrees", "primary_disclosed", "restated", "relative", "share_if_chosen", "candidates_if_null",
             "letter", "informal"),
}


def _clip(x: float) -> float:
    return max(-CLIP, min(CLIP, x))


def _margins(scores: list[float], threshold: float) -> tuple[float, float, float]:
    """(chosen, top above threshold, margin over the runner-up), clipped."""
    ranked = sorted(scores, reverse=True)
    top = ranked[0] - threshold if ranked else -CLIP
    second = ranked[1] - threshold if len(ranked) > 1 else -CLIP
    return float(top >= 0), _clip(top), _clip(top - second)


def organization_features(scores: Iterable[float], *, threshold: float, headline: bool = False,
                          top: Mapping[str, float] | None = None) -> dict[str, float]:
    """``scores``: the victim score of every candidate cluster; ``threshold``: the bar the best must
    reach; ``top``: the victim features of the best-scored candidate (``breachnlp.components.org``)."""
    values = list(scores)
    chosen, best, margin = _margins(values, threshold)
    top = top or {}
    # the best candidate's share of a softmax over the candidates and "none" (at the threshold)
    ceiling = max([threshold, *values])
    weights = [math.exp(v - ceiling) for v in values]
    share = (max(weights) if weights else 0.0) / (sum(weights) + math.exp(threshold - ceiling))
    return {"chosen": chosen, "top_if_chosen": best * chosen, "top_if_null": best * (1 - chosen),
            "margin_if_chosen": margin * chosen, "candidates": math.log1p(len(values)), "headline": float(headline),
            "top_cue": float(bool(top.get("victim_cue") or top.get("apposition_cue"))),
            "top_share": float(top.get("mention_share", 0.0)), "top_mentions": math.log1p(top.get("mentions", 0.0)),
            "top_place": float(top.get("place", 0.0)), "top_org_word": float(top.get("org_word", 0.0)),
            "top_single_word": float(top.get("single_word", 0.0)), "softmax_share": share,
            "top_in_headline": float(top.get("headline", 0.0) > 0),
            "top_first_named": float(top.get("first_named", 0.0)),
            # a forum post's names are lower case or acronyms: a weaker guess
            "top_informal": float(bool(top.get("informal_acronym") or top.get("informal_lower")))}


def records_features(scores_by_value: Mapping[int, list[float]], chosen_value: int | None, threshold: float,
                     qualified: bool, share: float | None = None, rule_agrees: bool = True) -> dict[str, float]:
    """``scores_by_value``: the scores of every figure, grouped by the value they give; ``share``:
    the softmax share of the fitted choice (of "none" when no count is given; 0 without one)."""
    best = {v: max(s) for v, s in scores_by_value.items() if s}
    chosen = float(chosen_value is not None)
    if chosen_value is not None and chosen_value in best:
        top = _clip(best[chosen_value] - threshold)
        others = [s for v, s in best.items() if v != chosen_value]
        margin = _clip(best[chosen_value] - max(others)) if others else CLIP
    else:
        top = _clip(max(best.values()) - threshold) if best else -CLIP
        margin = 0.0
    return {"chosen": chosen, "top_if_chosen": top * chosen, "top_if_null": top * (1 - chosen),
            "margin_if_chosen": margin * chosen, "candidates": math.log1p(sum(len(s) for s in scores_by_value.values())),
            "values": math.log1p(len(best)), "mentions_of_chosen": math.log1p(len(scores_by_value.get(chosen_value, []))
                                                                             if chosen_value is not None else 0),
            "qualified": float(qualified), "share": float(share or 0.0), "rule_agrees": float(rule_agrees)}


def date_features(primary: str | None, primary_weight: float | None, candidates: int, roles: int,
                  share: float | None = None, rule_agrees: bool = True, *, primary_role: str | None = None,
                  restated: int = 0, relative: bool = False, letter: bool = False,
                  informal: bool = False) -> dict[str, float]:
    """The primary date, the weight of the sentence it came from, how many dated spans and roles,
    the softmax share of the fitted choice (of "none" when no date is given; 0 without one), the
    role it was given for (a disclosure standing in for an unknown occurrence), how many spans give
    its value and whether it was resolved against the publication date ("last Tuesday"); and the
    genre: a dated letter (its own dates are precise) or a forum post (dates told loosely)."""
    chosen = float(primary is not None)
    value = (primary or "").split("/")[0]
    return {"chosen": chosen, "top_if_chosen": _clip(primary_weight or 0.0) * chosen,
            "candidates": math.log1p(candidates), "roles": float(roles),
            "day": float(len(value) == 10), "month": float(len(value) == 7), "year_only": float(len(value) == 4),
            "range": float("/" in (primary or "")), "share": float(share or 0.0), "rule_agrees": float(rule_agrees),
            "primary_disclosed": float(primary_role == "disclosed"), "restated": math.log1p(restated) * chosen,
            "relative": float(relative) * chosen,
            # the same evidence weighs differently for a date given and for none: a sure choice among few
            # options, and a text with no dated expression at all (nothing to miss)
            "share_if_chosen": float(share or 0.0) * chosen, "candidates_if_null": math.log1p(candidates) * (1 - chosen),
            "letter": float(letter), "informal": float(informal)}


@lru_cache(maxsize=8)
def _scorers(lang: str, source: str = "default") -> dict[str, LinearScorer]:
    data = read_resource(lang, "weights", source).get("confidence") or {}
    return {field: LinearScorer.from_data(data[field], names) for field, names in CONFIDENCE_FEATURES.items()
            if field in data}


def confidence(lang: str, features: Mapping[str, Mapping[str, float]], source: str = "default") -> dict[str, float]:
    """The probability that each value is right, for the fields the weights of ``lang`` (read from
    ``source``, see :func:`breachnlp.resources.read_resource`) cover."""
    scorers = _scorers(lang, source)
    return {field: round(scorers[field].probability(feats), 3) for field, feats in features.items() if field in scorers}
