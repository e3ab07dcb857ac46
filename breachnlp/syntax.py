"""What the dependency parse says about a span: the clause that governs it and that clause's subject.

The accurate profile keeps the base model's parser (``pipeline.py``); the fast profile has none,
and then every answer here is empty. The relation labels differ between label schemes (the
English models' ClearNLP labels, the French model's Universal Dependencies): they live in
``resources/<lang>/syntax.yml`` (``clause_relations``, ``subject_relations``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# A governing clause is never further up than this many heads (a bound for malformed parses).
_MAX_STEPS = 12


@dataclass(frozen=True)
class Governor:
    """The tokens between a span and the head of its clause, and that clause's subject.

    ``path``: (start, end) character ranges of the span's heads up to and including the head of
    the clause it belongs to (the span's own tokens left out); a span heading its own clause
    ("C'est le 13 juillet que …") takes the clauses it heads instead. ``subject``: the character
    range of the governing clause's subject, or ``None``."""

    path: tuple[tuple[int, int], ...]
    subject: tuple[int, int] | None


def parsed(doc: Doc) -> bool:
    """Whether ``doc`` carries a dependency parse."""
    return doc.has_annotation("DEP")


def governor(span: Span, clause_relations: frozenset[str], subject_relations: frozenset[str]) -> Governor:
    """The clause governing ``span`` (see :class:`Governor`); ``span``'s Doc must be parsed."""
    root = span.root
    path: list[Token] = []
    token = root
    for _ in range(_MAX_STEPS):
        if token.head is token or (token is not root and token.dep_ in clause_relations):
            break
        token = token.head
        if not span.start <= token.i < span.end:
            path.append(token)
    head = path[-1] if path else root
    if not path:
        # the span heads its clause (a cleft "c'est le 3 mai que …", a date standing as the root):
        # the clauses it heads say what happened then
        path = [child for child in root.children if child.dep_ in clause_relations]
        head = path[0] if path else root
    subject = _subject(head, subject_relations)
    return Governor(tuple((t.idx, t.idx + len(t.text)) for t in path), subject)


def _subject(head: Token, subject_relations: frozenset[str]) -> tuple[int, int] | None:
    """The character range of ``head``'s subject; a clause without one (an infinitive, the second
    verb of "detected it and shut it down") takes the subject of the clause above it."""
    for _ in range(3):
        for child in head.children:
            if child.dep_ in subject_relations:
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        if head.head is head:
            return None
        head = head.head
    return None


def touches(ranges: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether the character range ``start:end`` overlaps one of ``ranges``."""
    return any(low < end and start < high for low, high in ranges)
