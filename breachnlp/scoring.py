"""Linear scorers over named features, with weights read from the language data.

Every document-level choice breachnlp makes (which organization is the victim, how sure it is
of a value) is a weighted sum of named features plus a bias, a logit: ``make train`` fits the
weights on gold (``tools/train.py``) and writes them to ``resources/<lang>/weights.yml``; at run
time scoring is plain arithmetic. A feature the weights do not name weighs 0; a weight whose
feature the code does not compute is an error (stale weights).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .errors import ResourceError


@dataclass(frozen=True)
class LinearScorer:
    """``bias + sum(weight[name] * features[name])``."""

    bias: float
    weights: tuple[tuple[str, float], ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any], features: Iterable[str]) -> "LinearScorer":
        known = set(features)
        weights = dict(data.get("weights") or {})
        unknown = sorted(set(weights) - known)
        if unknown:
            raise ResourceError(f"weights for unknown features {unknown}; known: {sorted(known)}")
        return cls(float(data.get("bias", 0.0)), tuple((name, float(w)) for name, w in weights.items() if w))

    @classmethod
    def from_choice(cls, data: Mapping[str, Any], features: Iterable[str]) -> "LinearScorer":
        """The scorer of one option of a fitted choice, from ``{"none": x, "weights": {...}}``
        (``weights.yml`` ``date_choice`` / ``count_choice``): the option's weighted sum minus the
        score of "none", so an option beats "none" when it scores above 0."""
        return cls.from_data({"bias": -float(data.get("none", 0.0)), "weights": data.get("weights")}, features)

    def score(self, features: Mapping[str, float]) -> float:
        return self.bias + sum(w * float(features.get(name, 0.0)) for name, w in self.weights)

    def probability(self, features: Mapping[str, float]) -> float:
        return sigmoid(self.score(features))


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float, eps: float = 1e-6) -> float:
    p = min(1.0 - eps, max(eps, p))
    return math.log(p / (1.0 - p))
