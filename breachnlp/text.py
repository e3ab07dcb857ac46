"""Character-level helpers shared by the components.

Rules match on a *folded* copy of the text that has exactly the same length as the
original (lower case, accents stripped, typographic apostrophes and spaces unified), so a
match's offsets are offsets into the original text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

_SPACES = {"\u00a0", "\u202f", "\u2007", "\u2009", "\u200a", "\u2002", "\u2003"}
_APOSTROPHES = {"\u2019", "\u2018", "\u02bc", "`", "\u00b4"}
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _SPACES:
        return " "
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in "\u00ab\u00bb\u201c\u201d\u201e":
        return '"'
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


_FOLD_TABLE = {i: _fold_char(chr(i)) for i in range(0x250)}
_FOLD_TABLE.update({ord(c): _fold_char(c) for c in _SPACES | _APOSTROPHES | _DASHES | set("\u00ab\u00bb\u201c\u201d\u201e")})


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the same length (offsets are kept).

    Latin letters and typographic marks go through a translation table (C speed); any other
    character is folded one by one. Cached: every component folds the same text.
    """
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():
        return folded
    return "".join(c if ord(c) < 0x250 else _fold_char(c) for c in folded)


def lower(text: str) -> str:
    """Lower-case copy of ``text`` that keeps its accents and its length ("İ" stays one character)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_term(term: str) -> str:
    """Fold a lexicon entry the way :func:`fold` folds the text."""
    return fold(term)


def phrase_regex(terms: Iterable[str], *, plural: bool = False) -> str:
    """An alternation matching any of ``terms`` as whole words on folded text.

    Spaces in a term match any run of spaces; with ``plural`` each word of 3+ letters also
    matches with a trailing ``s`` or ``x``. Longer terms are tried first.
    """
    alternatives = []
    for term in sorted({fold_term(t) for t in terms}, key=len, reverse=True):
        words = []
        for word in re.split(r"\s+", term.strip()):
            words.append(_inflected(word) if plural else re.escape(word))
        alternatives.append(r"\s+".join(words))
    return r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])"


def _inflected(word: str) -> str:
    """``word`` in singular or plural: "donnees" ~ "donnee", "medicaux" ~ "medical", "address" ~ "addresses"."""
    if len(word) < 3 or not word[-1].isalpha():
        return re.escape(word)
    if word.endswith("aux") and len(word) > 4:
        return re.escape(word[:-3]) + "(?:al|aux)"
    if word.endswith("al") and len(word) > 4:
        return re.escape(word[:-2]) + "(?:al|aux|als)"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return re.escape(word[:-1]) + "(?:s|es)?"
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith("ies") and len(word) > 4:
        return re.escape(word[:-3]) + "(?:y|ies)"
    if word.endswith("x") and len(word) > 3:
        return re.escape(word[:-1]) + "x?"
    return re.escape(word) + "(?:s|es|x)?"


def word_regex(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` (folded, matched literally) as a whole word of the folded text."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(fold(w)) for w in words) + r")(?![\w])")


def cue_regex(patterns: Iterable[str]) -> re.Pattern[str]:
    """Compile cue patterns (regular expressions written on folded text) as whole words."""
    # Longer patterns first: the regex takes the first alternative that matches, and
    # "mistakenly made public" must win over "mistakenly".
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w-])")


class Segment(NamedTuple):
    start: int
    end: int


# A blank line between two paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# What may stand at a line's start before its text: spaces, a quotation mark of an email, a bullet.
LINE_BULLETS = " \t>*•-"
LINE_OPENING = f"[{re.escape(LINE_BULLETS)}]*"
# A section's number opening a heading line: "I.", "IV.", "2.", "B)".
SECTION_NUMBER = r"(?:[IVXLC]{1,5}|\d{1,2}|[A-H])[.)]"


# The lookbehind starts a match only at the first mark of a run: same matches, linear time on "....".
_SENTENCE_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u00bb\u201d)]*\s+|\n\s*")


# A sentence's first letter: after the start of the text, a sentence end or a line break (the
# lookbehind keeps it linear on a run of line breaks).
_SENTENCE_FIRST_LETTER = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*([^\W\d_])")


def informal_text(text: str) -> bool:
    """The text mostly starts its sentences in lower case (a forum or social post): its capitals
    say little about names or about where a sentence starts."""
    firsts = [m.group(1) for m in _SENTENCE_FIRST_LETTER.finditer(text)]
    return len(firsts) >= 5 and sum(c.islower() for c in firsts) * 2 > len(firsts)


@lru_cache(maxsize=64)
def split_sentences(text: str, abbreviations: frozenset[str] = frozenset(), *,
                    lower_case_starts: bool = False) -> list[Segment]:
    """Sentence segments of ``text``: split at line breaks and at ``. ! ? …`` followed by space
    and a capital, digit or quote, unless the period ends a known abbreviation. With
    ``lower_case_starts`` (a text written in lower case, :func:`informal_text`) any letter after the
    mark starts a sentence too: the scope of a negation or a hedge ends there.
    Cheap and independent of any statistical model, so every profile segments alike.
    """
    segments: list[Segment] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if "\n" not in match.group():
            following = text[end:end + 1]
            if following and not (following.isupper() or following.isdigit() or following in "\"'\u00ab\u201c-(["
                                  or (lower_case_starts and following.isalpha())):
                continue
            word_start = match.start()  # the word the mark ends; scanned back to the last space (linear)
            while word_start > start and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:match.start() + 1]
            if fold(word).rstrip(".") + "." in abbreviations:  # the list is folded: "févr." is "fevr."
                continue
            if re.fullmatch(r"(?:[A-Z]\.)+", word):
                continue  # initials and acronyms such as "U.S."
        _append(segments, text, start, match.start() + len(match.group().rstrip()))
        start = end
    _append(segments, text, start, len(text))
    return segments


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the spaces at its edges, as offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append(segments: list[Segment], text: str, start: int, end: int) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        segments.append(Segment(start, end))


def line_starts(text: str) -> list[int]:
    """``[m.start() for m in re.finditer(r"(?m)^\\s*\\S", text)]`` in linear time (the regex
    rescans every run of blank lines from each of its lines): 0 for the first non-empty line,
    then for each next one the start of the line after the previous non-empty one."""
    starts: list[int] = []
    pending = pos = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            starts.append(pending)
            pending = pos + len(line) + 1
        pos += len(line) + 1
    return starts


def segment_at(segments: list[Segment], offset: int) -> int:
    """Index of the segment containing ``offset`` (or the last one starting before it)."""
    lo, hi = 0, len(segments) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if segments[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def iter_matches(pattern: re.Pattern[str], folded: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    return pattern.finditer(folded, start, len(folded) if end is None else end)


def interval_index(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts of ``spans`` in order, and the greatest end among the first i + 1 of them: with
    ``bisect``, whether a span holds or overlaps a position is found in logarithmic time."""
    starts: list[int] = []
    max_ends: list[int] = []
    best = -1
    for s, e in sorted(spans):
        best = max(best, e)
        starts.append(s)
        max_ends.append(best)
    return starts, max_ends
