"""Test helpers: markup examples ("... <PHI cat=name status=affirmed>noms</PHI> ...")."""
from __future__ import annotations

from breachnlp.markup import parse_markup


def spans_of(markup: str, label: str) -> tuple[str, list[dict]]:
    text, spans = parse_markup(markup)
    return text, [s for s in spans if s["label"] == label]
