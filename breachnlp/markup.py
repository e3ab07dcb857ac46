"""Inline evidence markup: ``"<BREACH_ORG>Acme</BREACH_ORG> lost <RECORD_COUNT>300k</RECORD_COUNT> records"``.

Used to write corpus articles and test cases readably; :func:`parse_markup` strips the
tags and returns the plain text with Prodigy-style character spans. A tag may carry
``key=value`` attributes (``<PHI cat=national_id status=hedged>NIR</PHI>``), copied onto
the span. Tags do not nest.
"""
from __future__ import annotations

import re
from typing import Any

from .errors import MarkupError
from .taxonomy import LABELS

_TAG = re.compile(r"<(/?)([A-Z_]+)((?:\s+[a-z_]+=[^\s<>]+)*)\s*>")
_ATTR = re.compile(r"([a-z_]+)=([^\s<>]+)")


def parse_markup(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip evidence tags from ``markup``.

    Returns ``(text, spans)`` where each span is ``{"start", "end", "label", "text", **attrs}``
    with offsets into ``text``. Raises :class:`MarkupError` on unknown labels, nesting or
    unclosed tags.
    """
    pieces: list[str] = []
    spans: list[dict[str, Any]] = []
    open_tag: tuple[str, int, dict[str, str]] | None = None
    length = 0
    cursor = 0
    for match in _TAG.finditer(markup):
        closing, label, attrs = match.group(1), match.group(2), match.group(3)
        if label not in LABELS:
            continue  # not one of ours: keep it as text
        chunk = markup[cursor:match.start()]
        pieces.append(chunk)
        length += len(chunk)
        cursor = match.end()
        if not closing:
            if open_tag is not None:
                raise MarkupError(f"nested <{label}> inside <{open_tag[0]}> at offset {match.start()}")
            open_tag = (label, length, dict(_ATTR.findall(attrs)))
        else:
            if open_tag is None or open_tag[0] != label:
                raise MarkupError(f"</{label}> at offset {match.start()} closes no open <{label}>")
            start_label, start, attributes = open_tag
            spans.append({"start": start, "end": length, "label": start_label, **attributes})
            open_tag = None
    if open_tag is not None:
        raise MarkupError(f"<{open_tag[0]}> is never closed")
    pieces.append(markup[cursor:])
    text = "".join(pieces)
    for span in spans:
        span["text"] = text[span["start"]:span["end"]]
    return text, spans
