"""Assertion status of a data mention (affirmed, negated, hedged) and the document rule.

Pure rules (no spaCy). :class:`StatusRules` reads ``cues.yml``, ``text.yml`` and the ``# --- phi``
section of ``syntax.yml`` of one language. It follows the ConText/NegEx tradition, built for
news: preceding and following negation cues and hedges (French conditional, "may have"),
scoped to the clause (termination cues and punctuation end it), pseudo-cues ("non seulement",
"not only") removed first.

Document rule (:func:`document_status`): among mentions that count, affirmed beats hedged beats
negated: a category stated as stolen anywhere is stolen, a specific denial only stands when
nothing affirms or hedges it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, TypeVar

from ...resources import LanguageData, language_data, read_resource
from ...taxonomy import PHI_CATEGORIES
from ...text import Segment, cue_regex, fold

if TYPE_CHECKING:
    from .rules import PhiMention

STATUS_RANK = {"affirmed": 3, "hedged": 2, "negated": 1}

_Rules = TypeVar("_Rules", bound="StatusRules")


class StatusRules:
    """Negation and hedge cues of one language, and the clause they reach."""

    @classmethod
    def from_data(cls: type[_Rules], data: LanguageData) -> _Rules:
        """The rules of ``data``'s language, from ``data``'s source."""
        return cls(data.lang, data.source)

    def __init__(self, lang: str, resources: str = "default") -> None:
        cues = read_resource(lang, "cues", resources)
        text = read_resource(lang, "text", resources)
        words = language_data(lang, resources)
        self.lang = lang
        self.preceding = cue_regex(cues["preceding_negation"])
        self.following = cue_regex(cues["following_negation"])
        self.pseudo = cue_regex(cues["pseudo_negation"])
        self.hedge = cue_regex(cues["hedge"])
        self.hedge_forward = cue_regex(cues["hedge_forward"])
        # the verb form (French conditional), matched on the lower-cased text that keeps its accents
        self.hedge_inflection = cue_regex(cues["hedge_inflection"])
        self.termination = cue_regex([re.escape(t) if not t.isalpha() else t for t in cues["termination"]])
        # a clause ends at a semicolon, a colon, a bracket, a question or exclamation mark, or a comma
        # before a conjunction ("…, but")
        conjunctions = words.alternation("syntax", "clause_conjunctions")
        # an ellipsis ends a clause too ("le numéro de puce... certains dossiers remonteraient à 2020")
        self.clause_punct = re.compile(r"[;:\[\]?!…]|\.{3}|,\s+(?=" + conjunctions + r"\b)")
        # adverbs inside a negation ("n'ont en revanche pas été touchés") end no clause: they are masked
        adverbs, followers = (words.alternation("syntax", key) for key in ("mid_negation_adverbs", "mid_negation_followers"))
        # ... and so do they set off by commas before the negated verb ("Medical records, however, were
        # not on the laptop", "les dossiers, en revanche, n'ont pas été touchés")
        self.mid_negation = re.compile(rf"(?<=\w )(?:{adverbs})(?= (?:{followers}))"
                                       rf"|,\s*(?:{adverbs})\s*,(?=\s+[\w']+\s+(?:{followers})\b)")
        # a comma or a conjunction right before a listed adverb ("names and possibly SSNs")
        joint = "|".join(re.escape(fold(w)) for w in text["conjunctions"])
        self.listed_before = re.compile(rf"(?:,|\b(?:{joint}))\s*$")

    def mask_cues(self, folded: str, sentence: Segment) -> str:
        """The sentence's folded text with pseudo-cues and mid-negation adverbs blanked out (offsets kept)."""
        masked = self._mask(folded, sentence, self.pseudo)
        return self.mid_negation.sub(lambda m: "_" * len(m.group()), masked)

    @staticmethod
    def _mask(folded: str, sentence: Segment, pattern: re.Pattern[str]) -> str:
        """The sentence's folded text with the matches of ``pattern`` blanked out (offsets kept)."""
        chars = list(folded[sentence.start:sentence.end])
        for m in pattern.finditer(folded, sentence.start, sentence.end):
            for i in range(m.start() - sentence.start, m.end() - sentence.start):
                chars[i] = "_"
        return "".join(chars)

    def _heading_status(self, masked: str, plain: str, sentence: Segment) -> tuple[str, tuple[int, int, str]] | None:
        """The status a list heading gives its bullets: "Not affected:" negated, "Possibly involved:" hedged."""
        # a hedge word strictly inside a pseudo-cue is part of it ("could not prevent" is no "could";
        # "cannot rule out", a pseudo-negation that hedges as a whole, stays one)
        pseudo = [m.span() for m in self.pseudo.finditer(plain)]
        for pattern, status, text in ((self.preceding, "negated", masked), (self.following, "negated", masked),
                                      (self.hedge, "hedged", plain)):
            for m in pattern.finditer(text):
                if status == "hedged" and _inside(m, pseudo):
                    continue
                return status, (sentence.start + m.start(), sentence.start + m.end(), f"heading_{status}")
        return None

    def _clause(self, masked: str, start: int, end: int) -> tuple[int, int]:
        """Bounds (relative to the sentence) of the clause holding ``start:end``."""
        starts, ends = _clause_bounds(self.termination, self.clause_punct, masked)  # found once per sentence
        i = bisect_right(ends, start)
        j = bisect_left(starts, end)
        return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else len(masked))

    def _status(self, masked: str, plain: str, sentence: Segment, start: int, end: int,
                lowered: str = "") -> tuple[str, list[tuple[int, int, str]]]:
        """Status of the mention ``start:end`` in its clause. ``masked``, ``plain``: the sentence
        folded, with and without pseudo-cues blanked; ``lowered``: the sentence in lower case with
        its accents (for verb endings)."""
        rel_start, rel_end = start - sentence.start, end - sentence.start
        left, right = self._clause(masked, rel_start, rel_end)
        cues: list[tuple[int, int, str]] = []
        for m in _window(self.preceding, masked, left, rel_start)[-1:]:  # only the last one is kept
            cues.append((sentence.start + m.start(), sentence.start + m.end(), "preceding_negation"))
        for m in _window(self.following, masked, rel_end, right)[-1:]:
            cues.append((sentence.start + m.start(), sentence.start + m.end(), "following_negation"))
        if cues:
            return "negated", cues[-1:]
        hedges = _window(self.hedge, plain, left, right)
        if lowered:
            hedges = sorted(hedges + _window(self.hedge_inflection, lowered, left, right), key=lambda m: m.start())
        # as in a heading, a hedge word strictly inside a pseudo-cue is part of it ("the clerk could view")
        pseudo = [m.span() for m in _window(self.pseudo, plain, 0, right)]
        for m in hedges:
            if _inside(m, pseudo):
                continue
            forward = self.hedge_forward.fullmatch(m.group()) is not None
            if forward and m.start() >= rel_end and self.listed_before.search(plain[max(0, m.start() - 6):m.start()]):
                continue  # "names and possibly SSNs": a listed adverb hedges only what follows it
            if forward and _BEFORE_FIGURE.match(plain, m.end()):
                continue  # "the names of potentially as many as 5,000 customers": the adverb qualifies the count
            if not (m.start() < rel_end and rel_start < m.end()):
                cues.append((sentence.start + m.start(), sentence.start + m.end(), "hedge"))
                break  # the first one decides (cues[:1])
        if not cues:  # an attribution earlier in the sentence ("selon les pirates, ...") still hedges
            for m in _window(self.hedge, plain, 0, rel_start):
                if _inside(m, pseudo):
                    continue
                cues.append((sentence.start + m.start(), sentence.start + m.end(), "hedge"))
                break
        if cues:
            return "hedged", cues[:1]
        return "affirmed", []


# What follows an adverb that qualifies a figure: up to three words ("as many as", « jusqu'à ») and a digit.
_BEFORE_FIGURE = re.compile(r"(?:\s+[^\W\d_][\w'-]*){0,3}\s+\d")
# A sentence with many mentions would be scanned again for each: its matches are found once.
@lru_cache(maxsize=32)
def _clause_bounds(termination: re.Pattern[str], punctuation: re.Pattern[str],
                   masked: str) -> tuple[list[int], list[int]]:
    """Sorted starts and sorted ends of the clause bounds of a (masked) sentence."""
    bounds = list(termination.finditer(masked)) + list(punctuation.finditer(masked))
    return sorted(m.start() for m in bounds), sorted(m.end() for m in bounds)


@lru_cache(maxsize=128)
def _matches(pattern: re.Pattern[str], sentence: str) -> tuple[list[re.Match[str]], list[int], list[int]]:
    found = list(pattern.finditer(sentence))
    return found, [m.start() for m in found], [m.end() for m in found]


def _inside(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """``m`` lies strictly inside one of ``spans`` (a hedge word inside a pseudo-cue is part of it:
    "could not prevent" is no "could"; a pseudo-cue that is itself a hedge, "cannot rule out", stays one)."""
    return any(a <= m.start() and m.end() <= b and (a, b) != m.span() for a, b in spans)


def _window(pattern: re.Pattern[str], sentence: str, start: int, end: int) -> list[re.Match[str]]:
    """``list(pattern.finditer(sentence, start, end))``; over more than 2 000 characters (no real
    clause is so long) the matches that lie within ``start:end`` among the sentence's, found once."""
    if end - start <= 2000:
        return list(pattern.finditer(sentence, start, end))
    found, starts, ends = _matches(pattern, sentence)
    return found[bisect_left(starts, start):bisect_right(ends, end)]


def _first(pattern: re.Pattern[str], sentence: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(sentence, start, end)``, the same way as :func:`_window`."""
    if end - start <= 2000:
        return pattern.search(sentence, start, end)
    found, starts, ends = _matches(pattern, sentence)
    i = bisect_left(starts, start)
    return found[i] if i < len(found) and ends[i] <= end else None


def document_status(mentions: Iterable[PhiMention]) -> dict[str, str]:
    """One status per category: affirmed > hedged > negated among mentions that count."""
    best: dict[str, str] = {}
    for mention in mentions:
        if mention.context != "exposure":
            continue
        current = best.get(mention.category)
        if current is None or STATUS_RANK[mention.status] > STATUS_RANK[current]:
            best[mention.category] = mention.status
    return {category: best[category] for category in PHI_CATEGORIES if category in best}
