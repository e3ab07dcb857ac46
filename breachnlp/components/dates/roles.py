"""Roles: whether a date is the breach's (``occurred``, ``discovered``, ``disclosed``) or none of them.

The nearest role cue of the date's sentence (``resources/<lang>/dates.yml`` ``roles`` and its
not-breach lists) decides, the distance counted in characters plus a toll for every clause
boundary in between; datelines and the date heading a letter are recognized by their place.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from ...resources import LanguageData
from ...text import Segment, cue_regex, fold, line_starts
from .grammar import _spaced, _then_space, _words
from .resolve import DateCandidate

_COMMA = re.compile(",")


class DateRoles:
    """The role cues of one language and the choice of a date's role."""

    def __init__(self, language: LanguageData) -> None:
        data, text = language["dates"], language["text"]
        det = _spaced(language.alternation("syntax", "determiners"))
        self.determiner = re.compile(rf"(?<![\w])(?:{det})\s*$")
        self.relative_determiners = frozenset(_words(language, "relative_determiners"))
        gap = _spaced(language.alternation("syntax", "object_determiners"))
        coordinated = _spaced(language.alternation("syntax", "verb_coordinators"))
        # "détecté puis isolé l'intrusion": a second verb may stand between the verb and its object
        self.object_gap = re.compile(rf"\s*(?:(?:{coordinated})\s+[\w'-]+\s+)?(?:{gap}\s*)*")
        negation = _then_space(language, "restrictive_negation")
        self.restrictive_negation = re.compile(rf"(?<!\w){negation}") if negation else None
        self.restrictive_clause_words = frozenset(_words(language, "restrictive_clause_words"))
        # the end of an intrusion window ("remained there until …") is an occurrence cue, and is kept
        # to join the window with its start (:meth:`window_end`)
        self.role_cues = {role: cue_regex([*data["roles"][role], *(data["window_end"] if role == "occurred" else ())])
                          for role in ("occurred", "discovered", "disclosed")}
        self.window_ending = re.compile(rf"(?:{cue_regex(data['window_end']).pattern})\s*(?:{det}\s*)?$")
        self.clause_breaks = re.compile(cue_regex(data["clause_breaks"]).pattern + r"|[;:()]|\s-\s")
        self.sanction = cue_regex(data["sanction_cues"])
        self.announcement = cue_regex(data["announcement_cues"])
        self.persistence = cue_regex(data["persistence_cues"])
        self.not_breach = cue_regex(data["not_breach"])
        self.weak_disclosed = cue_regex(data["weak_disclosed"])
        self.release = cue_regex([re.escape(m) for m in data["release_markers"]])
        self.source = cue_regex(data["source_cues"])
        # a message gone astray is the incident: its sending dates the occurrence (:meth:`_message_cues`)
        self.misdelivery = cue_regex(data["misdelivery"])
        self.message = cue_regex(data["message_cues"])
        self.notice_purpose = cue_regex(data["notice_purpose"])
        # a determiner makes a noun of these ("l'attaque", "the breach"), not of a verb ("that began")
        self.incident_noun = re.compile(r"(?:" + "|".join(re.escape(fold(w)) for w in data["incident_nouns"]) + r")")
        self.first_person = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(fold(w)) for w in text["first_person"])
                                       + r")(?![\w'])")

    def press_release(self, folded: str) -> bool:
        """The text is a press release ("COMMUNIQUÉ", "/CNW Telbec/", "FOR IMMEDIATE RELEASE" near its top)."""
        return self.release.search(folded, 0, 600) is not None

    def letter_lines(self, text: str, folded: str) -> tuple[int, int]:
        """Where the opening lines of a letter end and its closing lines (its signature, a date under
        it: "Fredericksburg, le 24 octobre 2023", the last four non-empty lines) begin, when the text is
        one (first person throughout); else (0, past its end)."""
        if len(self.first_person.findall(folded[:20000])) < 3:
            return 0, len(text) + 1
        starts = line_starts(text)
        return _letter_head(text), starts[-4] if len(starts) >= 4 else 0

    def with_role(self, folded: str, sentences: list[Segment], candidate: DateCandidate,
                   published: date | None, memo: dict[Any, Any] | None = None) -> DateCandidate:
        """The role of the nearest cue, distance counted in characters plus a toll for every
        clause boundary in between (a cue in the date's own clause governs it)."""
        if not sentences:
            return candidate
        sentence = sentences[candidate.sentence]
        cues = self._sentence_cues(folded, sentence, memo)
        if not cues.by_start:
            return candidate
        # "so far this year", "date de naissance": a not-breach cue around the date settles it
        i = bisect_left(cues.starts, candidate.end) - 1
        while i >= 0 and cues.starts[i] > candidate.start - _LONGEST_CUE:
            cue = cues.by_start[i]
            # ... or one that ends right before it ("orders placed between" + "May 2019 and June 2020")
            if cue.role == "not_breach" and cue.start <= candidate.start and (
                    candidate.end <= cue.end or 0 <= candidate.start - cue.end <= 1):
                return replace(candidate, role=None, cue=(cue.start, cue.end, cue.role))
            i -= 1
        # "a commencé le 21 juin à écrire à ses membres": a cue written around the date governs it
        around = [cue for cue in _around(cues.by_start, cues.starts, candidate)
                  if cue.role in ("occurred", "discovered", "disclosed")]
        if around:
            cue = min(around, key=lambda c: c.end - c.start)
            return replace(candidate, role=cue.role, cue=(cue.start, cue.end, cue.role))
        best: tuple[float, int, _Cue] | None = None
        # nearest first on each side; a cue at raw distance d costs at least d - 2, so stop there
        i = bisect_right(cues.ends, candidate.start) - 1
        while i >= 0:
            cue = cues.by_end[i]
            raw = candidate.start - cue.end + 0.5  # cues before the date win ties
            if best is not None and raw - 2 >= best[0]:
                break
            i -= 1
            if cue.role == "weak_disclosed" and raw > 20.5:
                continue  # "said" reports everything: it dates a disclosure only right after it ("said Tuesday")
            distance = raw + cues.toll(cue.end, candidate.start) + cue.bonus
            if cue.role == "weak_disclosed" and distance > 8:
                if distance > 20:
                    continue
                distance += 25
            if best is None or (distance, cue.rank) < (best[0], best[1]):
                best = (distance, cue.rank, cue)
        i = bisect_left(cues.starts, candidate.end)
        while i < len(cues.by_start):
            cue = cues.by_start[i]
            raw = cue.start - candidate.end
            if best is not None and raw - 2 >= best[0]:
                break
            i += 1
            if cue.role == "weak_disclosed":
                continue  # after the date a reporting verb reports the whole sentence
            distance = raw + cues.toll(candidate.end, cue.start) + cue.bonus
            if best is None or (distance, cue.rank) < (best[0], best[1]):
                best = (distance, cue.rank, cue)
        if best is None:
            return candidate
        chosen = best[2]
        cue_role = "disclosed" if chosen.role == "weak_disclosed" else chosen.role
        role: str | None = cue_role
        if role == "not_breach":
            role = None
        elif candidate.kind in ("range", "month_range") and role != "occurred" and cues.has_occurred:
            role = "occurred"  # a span of days is the intrusion's window, whatever verb reports it
        elif role == "disclosed" and cues.has_sanction and self.announcement.search(folded, chosen.start, chosen.end):
            role = None  # "OCR announced Monday that X agreed to pay": the sanction's announcement
        if role and candidate.norm and published and candidate.norm.split("/")[0] > published.isoformat():
            role = None  # a future date is a plan, not the breach
        also = self._also_discovered(cues, candidate) if role == "occurred" else False
        return replace(candidate, role=role, cue=(chosen.start, chosen.end, cue_role), also_discovered=also)

    def cue_distances(self, folded: str, sentences: list[Segment], candidate: DateCandidate,
                      memo: dict[Any, Any] | None = None) -> dict[str, float]:
        """The distance from the date to the nearest cue of each kind in its sentence (same
        measure as :meth:`with_role`: characters, clause tolls, the cue's bonus); a kind absent
        from the sentence is left out, and so is a cue overlapping the date (the "next" of "the
        next day"), as :meth:`with_role` leaves it. Features of the fitted date choice, which may
        prefer a cue that is not the nearest."""
        if not sentences:
            return {}
        cues = self._sentence_cues(folded, sentences[candidate.sentence], memo)
        out: dict[str, float] = {}
        for kind, (by_end, ends, by_start, starts) in cues.by_kind().items():
            best = math.inf
            # nearest first on each side; a cue's bonus is at least MIN_BONUS, so stop there
            i = bisect_right(ends, candidate.start) - 1
            while i >= 0 and candidate.start - by_end[i].end + MIN_BONUS < best:
                cue = by_end[i]
                best = min(best, candidate.start - cue.end + cues.toll(cue.end, candidate.start) + cue.bonus)
                i -= 1
            if best < math.inf:
                out[kind] = max(0.0, best)
            best = math.inf
            i = bisect_left(starts, candidate.end)
            while i < len(by_start) and by_start[i].start - candidate.end + MIN_BONUS < best:
                cue = by_start[i]
                best = min(best, cue.start - candidate.end + cues.toll(candidate.end, cue.start) + cue.bonus)
                i += 1
            if best < math.inf:
                out[f"{kind}_after"] = max(0.0, best)
            # a cue written around the date ("a commencé le 3 juin à écrire") is as near as can be
            if _around(by_start, starts, candidate):
                out[kind] = 0.0
        return out

    def ends_window(self, folded: str, candidate: DateCandidate) -> bool:
        """The date ends an intrusion window: "remained in the network until May 20", "ont conservé
        l'accès jusqu'au 3 mars" (``dates.yml`` ``window_end``)."""
        return self.window_ending.search(folded, max(0, candidate.start - 120), candidate.start) is not None

    def discovery_after(self, folded: str, sentences: list[Segment], candidate: DateCandidate,
                        memo: dict[Any, Any] | None = None, reach: float = 80.0) -> tuple[int, int] | None:
        """A detection cue right after the date, in the clause that follows it: "until May 20, the
        day staff found the ransomware", "jusqu'au 17 mai, quand ses systèmes ont été chiffrés et
        qu'il a découvert l'intrusion": the span of the nearest one within ``reach`` (characters
        plus clause tolls), else None."""
        if not sentences:
            return None
        cues = self._sentence_cues(folded, sentences[candidate.sentence], memo)
        for cue in cues.by_start[bisect_left(cues.starts, candidate.end):]:
            distance = cue.start - candidate.end + cues.toll(candidate.end, cue.start)
            if distance > reach:
                return None
            if cue.role == "discovered":
                return cue.start, cue.end
        return None

    def _determined(self, folded: str, m: re.Match[str]) -> bool:
        """The cue follows a determiner, so it is a noun ("l'attaque", "the breach"), the object of some
        other verb; "that" before a verb ("an attack that began") is a relative pronoun, not one."""
        det = self.determiner.search(folded, max(0, m.start() - 8), m.start())
        if det is None:
            return False
        return det.group().strip() not in self.relative_determiners or bool(self.incident_noun.match(folded, m.start()))

    @staticmethod
    def _also_discovered(cues: "_SentenceCues", candidate: DateCandidate, reach: float = 80.0) -> bool:
        """An intrusion date with a detection verb in its clause too ("l'attaque a frappé vendredi et a
        été repérée dans la foulée", "struck on May 8 and surfaced the same day"): also the day it was
        found, when the text gives no other."""
        low = bisect_left(cues.starts, candidate.start - 200)
        high = bisect_right(cues.starts, candidate.end + 200)
        for cue in cues.by_start[low:high]:
            if cue.role != "discovered":
                continue
            if cue.end <= candidate.start:
                distance = candidate.start - cue.end + cues.toll(cue.end, candidate.start)
            else:
                distance = cue.start - candidate.end + cues.toll(candidate.end, cue.start)
            if distance <= reach:
                return True
        return False

    def _sentence_cues(self, folded: str, sentence: Segment, memo: dict[Any, Any] | None) -> "_SentenceCues":
        """The role cues of one sentence, found once for all its dates (``memo``)."""
        key = ("cues", sentence.start, sentence.end)
        if memo is not None and key in memo:
            return memo[key]
        found: list[tuple[str, re.Match[str]]] = []
        for role, pattern in self.role_cues.items():
            found += [(role, m) for m in pattern.finditer(folded, sentence.start, sentence.end)]
        for role, pattern in (("not_breach", self.not_breach), ("weak_disclosed", self.weak_disclosed),
                              ("source", self.source)):
            found += [(role, m) for m in pattern.finditer(folded, sentence.start, sentence.end)]
        found = _outermost(self._message_cues(folded, sentence, found, memo))
        verb_ends = sorted(m.end() for role, m in found if role in ("discovered", "disclosed", "weak_disclosed"))
        breaks = self._breaks(folded, sentence)
        cues: list[_Cue] = []
        for rank, (role, m) in enumerate(found):
            if role == "source":
                continue  # "d'après leur communiqué": only there to silence the cue words inside it
            bonus = 0.0
            if role == "message":
                role = "occurred"  # the message itself, whatever determiner it has ("qu'un message envoyé le 15")
            elif role == "not_breach":
                bonus = -2.0  # a deadline, a court or a sanction near the date governs it
            elif role == "occurred":
                verb_end = _after_verb(self.object_gap, folded, verb_ends, m.start())
                if verb_end is not None:
                    # "identified ransomware the next day", "detected and contained the attack on May 3":
                    # the verb's object, as far as the verb (the "and" of two verbs is no clause break)
                    bonus = 30.0 + sum(toll for position, toll in breaks if verb_end <= position < m.start())
                elif self._determined(folded, m):
                    bonus = 30.0  # "a révélé la fuite hier": a noun, the object of some other verb
            cues.append(_Cue(m.start(), m.end(), role, bonus, rank))
        result = _SentenceCues(cues, breaks,
                               any(c.role == "occurred" for c in cues),
                               bool(self.sanction.search(folded, sentence.start, sentence.end)))
        if memo is not None:
            memo[key] = result
        return result

    def _message_cues(self, folded: str, sentence: Segment, found: list[tuple[str, re.Match[str]]],
                      memo: dict[Any, Any] | None) -> list[tuple[str, re.Match[str]]]:
        """In a text that says a message went to the wrong people ("sent by mistake", « par erreur »,
        "the CC field"), the sending or receipt of a message ("an email went out", « ont reçu, le 17
        avril, un courriel ») is the incident: an occurrence cue in place of the disclosure cue it
        overlaps, unless a notice's purpose follows it ("…to apologise", « pour prévenir »): that
        message tells of the incident."""
        key = ("misdelivery",)
        misdelivered = memo.get(key) if memo is not None else None
        if misdelivered is None:
            misdelivered = self.misdelivery.search(folded) is not None
            if memo is not None:
                memo[key] = misdelivered
        if not misdelivered:
            return found
        for m in self.message.finditer(folded, sentence.start, sentence.end):
            if self.notice_purpose.search(folded, m.end(), min(sentence.end, m.end() + NOTICE_PURPOSE_REACH)):
                continue
            found = [(role, cue) for role, cue in found
                     if role not in ("disclosed", "weak_disclosed") or cue.end() <= m.start() or m.end() <= cue.start()]
            found.append(("message", m))
        return found

    def _breaks(self, folded: str, sentence: Segment) -> list[tuple[int, float]]:
        """Clause boundaries of a sentence with their toll: a clause word or ";" 40, a comma 8.
        "que" after a negation ("n'a été repérée que le 3 juin") is no boundary."""
        found: list[tuple[int, float]] = []
        for m in self.clause_breaks.finditer(folded, sentence.start, sentence.end):
            if (m.group() in self.restrictive_clause_words and self.restrictive_negation is not None
                    and self.restrictive_negation.search(folded[max(sentence.start, m.start() - 40):m.start()])):
                continue
            found.append((m.start(), 40.0))
        found += [(m.start(), 8.0) for m in _COMMA.finditer(folded, sentence.start, sentence.end)]
        found.sort()
        return found

    def lasting(self, folded: str, sentences: list[Segment], c: DateCandidate) -> bool:
        """"open since March", "présents dans le réseau depuis la mi-décembre": the start of an
        exposure that lasted, not a statistic's starting point. Looks back within the clause."""
        if not sentences:
            return False
        sentence = sentences[c.sentence]
        start = max(sentence.start, c.start - 90)
        breaks = [m.end() for m in self.clause_breaks.finditer(folded, start, c.start)]
        if breaks:
            start = breaks[-1]
        return bool(self.persistence.search(folded, start, c.start))


# How far after a message its purpose is read ("sent an email to all affected patients to apologise").
NOTICE_PURPOSE_REACH = 80
# The smallest bonus a cue gets (a not-breach cue's): bounds the search for the nearest cue.
MIN_BONUS = -2.0
# A not-breach cue longer than this cannot contain a date that starts this far after it.
_LONGEST_CUE = 160


class _Cue(NamedTuple):
    start: int
    end: int
    role: str  # occurred, discovered, disclosed, weak_disclosed or not_breach
    bonus: float  # added to the distance
    rank: int  # order of the cue lists: breaks ties as the lists are written


class _SentenceCues:
    """One sentence's cues sorted both ways, and its clause tolls as prefix sums (every
    lookup in logarithmic time, so a sentence full of dates and cues stays linear)."""

    def __init__(self, cues: list[_Cue], breaks: list[tuple[int, float]], has_occurred: bool,
                 has_sanction: bool) -> None:
        self.by_start = sorted(cues, key=lambda c: (c.start, c.rank))
        self.starts = [c.start for c in self.by_start]
        self.by_end = sorted(cues, key=lambda c: (c.end, c.rank))
        self.ends = [c.end for c in self.by_end]
        self.break_positions = [position for position, _ in breaks]
        self.cumulative = [0.0]
        for _, toll in breaks:
            self.cumulative.append(self.cumulative[-1] + toll)
        self.has_occurred = has_occurred
        self.has_sanction = has_sanction
        self._by_kind: dict[str, tuple[list[_Cue], list[int], list[_Cue], list[int]]] | None = None

    def by_kind(self) -> dict[str, tuple[list[_Cue], list[int], list[_Cue], list[int]]]:
        """The cues of each kind, sorted by end and by start (built at the first call)."""
        if self._by_kind is None:
            self._by_kind = {}
            for kind in {c.role for c in self.by_start}:
                by_end = [c for c in self.by_end if c.role == kind]
                by_start = [c for c in self.by_start if c.role == kind]
                self._by_kind[kind] = (by_end, [c.end for c in by_end], by_start, [c.start for c in by_start])
        return self._by_kind

    def toll(self, start: int, end: int) -> float:
        """Sum of the tolls of the clause boundaries between ``start`` and ``end``."""
        return self.cumulative[bisect_left(self.break_positions, end)] - \
            self.cumulative[bisect_left(self.break_positions, start)]


def _outermost(found: list[tuple[str, re.Match[str]]]) -> list[tuple[str, re.Match[str]]]:
    """Drop every cue strictly inside a longer one ("went undetected until" keeps its "until"),
    keeping the others in their list order; sorted once, so linear after the sort."""
    order = sorted(range(len(found)), key=lambda i: (found[i][1].start(), -found[i][1].end()))
    inside = set()
    reach, reach_span = -1, (-1, -1)
    for i in order:
        span = found[i][1].span()
        if span[1] <= reach and span != reach_span:
            inside.add(i)
        elif span[1] > reach:
            reach, reach_span = span[1], span
    return [item for i, item in enumerate(found) if i not in inside]


def _around(by_start: list[_Cue], starts: list[int], candidate: DateCandidate) -> list[_Cue]:
    """The cues (sorted by start, ``starts`` their starts) that begin before the date and end after it."""
    return [c for c in by_start[:bisect_left(starts, candidate.start)]
            if c.end > candidate.end and c.start > candidate.start - _LONGEST_CUE]


def _after_verb(gap: re.Pattern[str], folded: str, verb_ends: list[int], position: int) -> int | None:
    """Where the discovery or disclosure verb ends that ``position`` is the object of, with only
    determiners or a coordinated verb between ("discovered the attack", "identified ransomware",
    "detected and blocked the intrusion"); None when there is none."""
    i = bisect_right(verb_ends, position) - 1
    return verb_ends[i] if i >= 0 and gap.fullmatch(folded, verb_ends[i], position) else None


def _letter_head(text: str) -> int:
    """Where the opening lines of a letter end: its first four non-empty lines."""
    seen, pos = 0, 0
    for line in text[:2000].split("\n"):
        pos += len(line) + 1
        if line.strip():
            seen += 1
            if seen == 4:
                break
    return min(pos, len(text))


def _alone_on_line(text: str, candidate: DateCandidate) -> bool:
    """The date fills its line, after at most a place and "le"/"on": "Paris, le 3 mai 2024"."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    head = text[line_start:candidate.start]
    tail = text[candidate.end:line_end if line_end != -1 else len(text)]
    return len(head) <= 40 and bool(re.match(r"^[^\d\n.;:!?]*$", head)) and not tail.strip(" .,")


def _is_dateline(text: str, candidate: DateCandidate) -> bool:
    """"RENNES, 18 novembre 2021 — ...": a publication dateline at the start of a line."""
    line_start = text.rfind("\n", max(0, candidate.start - 41), candidate.start) + 1
    if candidate.start - line_start > 40:
        return False  # the line began more than 40 characters before (found without scanning it all)
    head = text[line_start:candidate.start]
    # the dash follows on the same line; a list item ("- found on Oct 18") is no dateline
    # "LAVAL, 14 février 2024 (La Presse Canadienne) –", "QUÉBEC, le 9 avril 2021 /CNW Telbec/ –": an
    # agency in brackets or slashes may come between
    # a short lower-case word may stand before the date ("QUÉBEC, le 9 avril 2021")
    return len(head) <= 40 and bool(re.match(r"^(?:\w[\w .'-]*,?\s*(?:[a-z]{1,3}\s+)?)?$", head)) and bool(
        re.match(r"[ \t]*(?:(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)[ \t]*)?[\u2014\u2013-][ \t]",
                 text[candidate.end:candidate.end + 50]))
