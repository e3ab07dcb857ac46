"""``breach_dates``: date expressions, normalized to ISO partial dates and given a breach role.

Example::

    doc = nlp.make_doc("En mai dernier, la clinique a été victime d'un piratage.")
    doc._.published = "2024-12-17"
    doc = nlp(doc)
    span = doc.spans["breach_dates"][0]
    span._.date_expr, span._.date_norm, span._.date_role      # "mai dernier", "2024-05", "occurred"

Writes the span group ``breach_dates`` (label ``BREACH_DATE``): every date expression found
by our patterns (absolute, partial, relative, ranges), with ``date_expr`` (as written),
``date_norm`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``; ``None`` when the
expression needs a ``doc._.published`` anchor that is missing) and ``date_role``
(``occurred``, ``discovered``, ``disclosed`` or ``None`` when the date is not about the breach:
deadlines, courts, births, publication lines, statistics, future dates).
A date keeps the granularity of its expression: "mai 2024" never becomes a day.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

import dateparser
from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import grammar
from ..resources import LanguageData, language_data
from ..schema import parse_published  # noqa: F401  (re-exported: its former home)
from ..text import Segment, cue_regex, fold, segment_at, split_sentences
from .base import BreachComponent, doc_text

LABEL = "BREACH_DATE"
_COMMA = re.compile(",")
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class DateCandidate:
    start: int
    end: int
    expr: str
    norm: str | None
    role: str | None
    sentence: int
    kind: str
    cue: tuple[int, int, str] | None = None
    parts: tuple[Any, ...] = ()  # (year|None, month|None, day|None) as written, for ranges
    since: bool = False  # "depuis janvier", "since March": a duration's start, often a statistic
    weak: bool = False  # a fallback for its role: any other date of the role comes first
    also_discovered: bool = False  # an intrusion date whose clause also says it was found then


@lru_cache(maxsize=4096)
def _parse_numeric(expr: str, lang: str, order: str) -> tuple[int, int, int] | None:
    """A numeric date ("23/07/2020") in the language's day/month ``order`` (syntax.yml
    ``date_order``: ``DMY`` day first, ``MDY`` month first unless the first number cannot be a
    month); dateparser settles the forms this fast path does not decide."""
    parts = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", expr)
    if parts:
        a, b, year = int(parts.group(1)), int(parts.group(2)), int(parts.group(3))
        year += 2000 if year < 100 else 0  # "12/2/24": two-digit years are this century's
        day, month = (a, b) if order == "DMY" or a > 12 else (b, a)
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return year, month, day
        return None
    parsed = dateparser.parse(expr, languages=[lang], settings={"DATE_ORDER": order, "STRICT_PARSING": True,
                                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    return parsed.year, parsed.month, parsed.day


class DateRules:
    """The date grammar and role cues of one language (``resources/<lang>/dates.yml``, the
    ``# --- dates`` words and the settings of ``syntax.yml``)."""

    def __init__(self, language: LanguageData) -> None:
        lang = language.lang
        data, text = language["dates"], language["text"]
        self.lang = lang
        self.date_order = language.setting("date_order")
        self.months_capitalized = bool(language.setting("months_capitalized"))
        # function words of syntax.yml: "(?:a|b)", or a group of words each followed by spaces
        det = _spaced(language.alternation("syntax", "determiners"))
        self.determiner = re.compile(rf"(?<![\w])(?:{det})\s*$")
        self.relative_determiners = frozenset(_words(language, "relative_determiners"))
        gap = _spaced(language.alternation("syntax", "object_determiners"))
        self.object_gap = re.compile(rf"\s*(?:{gap}\s*)*")
        suffix = _spaced(language.alternation("syntax", "ordinal_suffixes"))
        the = _then_space(language, "ordinal_articles", optional=True)
        of = _then_space(language, "of", optional=True)
        self.last_year_gap = re.compile(rf"[\s,]*{of}")  # "Dec. 3 to Dec. 19 (of) last year"
        day_and = _spaced(language.alternation("syntax", "day_range_joiners"))
        self.this_words = frozenset(language.words("dates", "this_markers"))
        self.abbreviations = frozenset(fold(a) for a in text["abbreviations"])
        self.month_of: dict[str, int] = {}
        for number, forms in data["months"].items():
            for form in forms:
                self.month_of[fold(form).rstrip(".")] = int(number)
        self.weekday_of = {fold(f).rstrip("."): int(n) for n, forms in data["weekdays"].items() for f in forms}
        self.season_of = {fold(f): s for s, forms in data["seasons"].items() for f in forms}
        month = _alternation(fold(f) for forms in data["months"].values() for f in forms)
        weekday = _alternation(fold(f) for forms in data["weekdays"].values() for f in forms)
        season = _alternation(self.season_of)
        first = _alternation(fold(f) for f in data["ordinal_first"])
        last = _alternation(fold(f) for f in data["last_markers"])
        this = _alternation(fold(f) for f in data["this_markers"])
        part = _alternation(fold(f) for f in data["parts"])
        month_intro = _alternation(fold(f) for f in data["month_introducers"])
        year_intro = _alternation(fold(f) for f in data["year_introducers"])
        day = rf"(?:{first}|\d{{1,2}}){suffix}?"
        last_year = _alternation(fold(p) for p in data["relative"]["last_year"])
        following = _alternation(fold(f) for f in data["following_markers"])
        this_year = _alternation(fold(p) for p in data["relative"]["this_year"])
        range_open = _alternation(fold(w) for w in data["range_start"])
        range_and = _alternation(fold(w) for w in data["range_join"])
        incident = _alternation(fold(w) for w in data["incident_nouns"])
        # "the 2020 ransomware attack" / "la cyberattaque de 2020": a bare year that dates an incident
        year_link = _spaced(language.alternation("syntax", "incident_year_links"))
        year_attr = (rf"(?P<core>(?P<y>{YEAR}))\s+(?:[a-z]+\s+)?{incident}s?(?!\w)"
                     if language.setting("incident_year") == "before_noun"
                     else rf"{incident}s?\s+(?:[a-z]+\s+)?{year_link}\s*(?P<core>(?P<y>{YEAR}))(?!\d)")
        part_of = _then_space(language, "part_links", optional=True)
        part_year_of = _then_space(language, "part_year_links", optional=True)
        season_intro = _then_space(language, "season_introducers", optional=True)
        season_alone = _then_space(language, "season_prepositions")
        weekday_intro = _spaced(language.alternation("syntax", "weekday_introducers"))
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("day_range", re.compile(
                rf"(?:{weekday},?\s+{the})?(?P<d1>{day})\s*(?:{day_and}|-|–)\s*"
                rf"(?:{weekday},?\s+{the})?(?P<d>{day})\s+{of}(?P<m>{month})"
                rf"(?:,?\s+(?P<y>{YEAR}))?")),
            ("day_range_mdy", re.compile(
                rf"(?P<m>{month})\s+(?P<d1>\d{{1,2}}){suffix}?\s*(?:-|–|{day_and})\s*(?P<d>\d{{1,2}}){suffix}?"
                rf"(?:,?\s+(?P<y>{YEAR}))?")),
            ("dmy", re.compile(
                rf"(?:(?P<wd>{weekday}),?\s+{the})?(?P<d>{day})\s+{of}(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?"
                rf"(?:\s+(?P<last>{last}))?")),
            ("mdy", re.compile(
                rf"(?:(?P<wd>{weekday}),?\s+)?(?P<m>{month})\s+(?P<d>\d{{1,2}}){suffix}?(?![\d:])(?:,?\s+(?P<y>{YEAR}))?")),
            ("numeric", re.compile(r"(?P<num>\d{1,2}[/.]\d{1,2}[/.](?:(?:19|20)\d{2}|\d{2}(?![/.]?\d)))")),
            ("iso", re.compile(rf"(?P<y>{YEAR})-(?P<mm>0[1-9]|1[0-2])(?:-(?P<dd>[0-3]\d))?(?![\d-])")),
            ("month_year", re.compile(
                rf"(?:(?P<part>{part})[\s-]+{part_of})?(?P<m>{month}),?\s+{of}(?P<y>{YEAR})")),
            ("month_last_year", re.compile(
                rf"(?P<m>{month})\s+{of}(?:{last_year})")),
            ("month_last", re.compile(
                rf"(?:(?P<last1>{last})\s+(?P<m1>{month})|(?:(?P<part>{part})[\s-]+{of}|(?:{month_intro})\s+)"
                rf"(?P<m>{month})(?:\s+(?P<last>{last}))?|(?P<m2>{month})\s+(?P<last2>{last}))(?!\.?\s*\d)")),
            ("season", re.compile(
                rf"(?:(?P<last1>{last}|{this})\s+(?P<s1>{season})|{season_intro}"
                rf"(?P<s>{season})(?:\s+{of}(?P<y>{YEAR})|\s+(?P<last>{last}))|(?P<this>{this})\s+(?P<s2>{season})"
                # "au printemps", "in the spring": the latest such season begun by publication
                rf"|{season_alone}(?P<s3>{season})(?![\w-]|\s+{of}\d))")),
            ("month_range", re.compile(
                rf"{range_open}\s+(?P<core>(?P<m1>{month})\.?\s+{range_and}\s+(?P<m>{month})(?:\.?,?\s+{of}(?P<y>{YEAR})"
                rf"|\.?\s+(?P<ly>{last_year})|\.?\s+(?P<ty>{this_year}))?)(?![\w])")),
            ("year_attr", re.compile(year_attr)),
            ("year", re.compile(
                rf"(?:(?P<part>{part})[\s-]+{part_year_of}|(?:{year_intro})\s+)(?P<y>{YEAR})(?![\d,.]\d|\s*-\s*\d)")),
            ("weekday", re.compile(
                rf"(?:(?P<last1>{last})\s+|{the}(?P<follow1>{following})\s+|(?P<this>{this}|{weekday_intro})\s+)?(?P<wd>{weekday})"
                rf"(?:\s+(?P<last>{last})|\s+(?P<follow>{following}))?")),
        ]
        self.patterns = [(kind, re.compile(r"(?<![\w])(?:" + pattern.pattern + ")")) for kind, pattern in self.patterns]
        hours_from = _then_space(language, "weekday_range_openers", optional=True)
        hours_to = _spaced(language.alternation("syntax", "weekday_range_joiners"))
        self.weekday_range = re.compile(rf"(?<![\w]){hours_from}{weekday}\.?\s*(?:{hours_to}|-|–)\s*{weekday}(?![\w])")
        # every relative phrase in one scan, longest first; the phrase says its kind
        self.relative_kind = {fold(p): kind for kind, phrases in data["relative"].items() for p in phrases}
        self.relative = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(p) for p in sorted(self.relative_kind, key=len, reverse=True)) + r")(?!\w)")
        number_words = grammar(lang, language.source).units
        self.number_words = number_words
        ago_units = _alternation(fold(u) for u in data["ago_units"])
        self.ago_unit_of = {fold(k): v for k, v in data["ago_units"].items()}
        ago = _alternation(fold(a) for a in data["ago"])
        count = r"(?:\d+|" + _alternation(number_words) + ")"
        later = _alternation(fold(w) for w in data["later_markers"])
        a = _spaced(language.alternation("syntax", "indefinite_articles"))
        self.later_re = re.compile(rf"(?<!\w)(?P<n>{count}|{a})\s+(?P<u>{ago_units})\s+{later}(?!\w)")
        if language.setting("ago_position") == "before":
            self.ago_re = re.compile(rf"(?<!\w){ago}\s+(?P<n>{count})\s+(?P<u>{ago_units})(?!\w)")
        else:
            self.ago_re = re.compile(rf"(?<!\w)(?P<n>{count})\s+(?P<u>{ago_units})\s+{ago}(?!\w)")
        apposition = _spaced(language.alternation("syntax", "weekday_apposition"))
        self.apposition_article = re.compile(rf"(?<!\w)(?:{apposition})\s+$")
        range_the = _then_space(language, "range_articles", optional=True)
        self.range_start = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in data["range_start"])
                                      + rf")\s+{range_the}$")
        self.range_join = re.compile(r"^\s*,?\s*(?:" + "|".join(re.escape(fold(w)) for w in data["range_join"])
                                     + rf"|-|–)\s+{range_the}$")
        since_the = _then_space(language, "definite_articles", optional=True)
        self.since = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(fold(w)) for w in data["since_markers"])
                                + rf")\s+{since_the}$")
        self.bare_range_joiners = frozenset(language.words("syntax", "bare_range_joiners"))
        self.introducer = re.compile(_spaced(language.alternation("syntax", "date_introducers")) + r"\s+")
        negation = _then_space(language, "restrictive_negation")
        self.restrictive_negation = re.compile(rf"(?<!\w){negation}") if negation else None
        self.restrictive_clause_words = frozenset(_words(language, "restrictive_clause_words"))
        self.role_cues = {role: cue_regex(data["roles"][role]) for role in ("occurred", "discovered", "disclosed")}
        self.clause_breaks = re.compile(cue_regex(data["clause_breaks"]).pattern + r"|[;:()]|\s-\s")
        self.sanction = cue_regex(data["sanction_cues"])
        self.announcement = cue_regex(data["announcement_cues"])
        self.persistence = cue_regex(data["persistence_cues"])
        self.not_breach = cue_regex(data["not_breach"])
        self.weak_disclosed = cue_regex(data["weak_disclosed"])
        self.source = cue_regex(data["source_cues"])
        # a determiner makes a noun of these ("l'attaque", "the breach"), not of a verb ("that began")
        self.incident_noun = re.compile(r"(?:" + "|".join(re.escape(fold(w)) for w in data["incident_nouns"]) + r")")
        self.first_person = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(fold(w)) for w in text["first_person"])
                                       + r")(?![\w'])")

    # --------------------------------------------------------------- matching
    def find(self, text: str, published: date | None) -> list[DateCandidate]:
        folded = fold(text)
        sentences = split_sentences(text, self.abbreviations)
        raw: list[tuple[int, int, str, re.Match[str] | None]] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(folded):
                if m.start() > 0 and folded[m.start() - 1].isalnum():
                    continue
                if m.end() < len(folded) and folded[m.end() - 1].isalnum() and folded[m.end()].isalnum():
                    continue
                if not self._month_case_ok(text, m):
                    continue
                if m.groupdict().get("core") is not None:
                    raw.append((m.start("core"), m.end("core"), kind, m))  # "entre" / "attack" frame the date
                else:
                    raw.append((m.start(), m.end(), kind, m))
        for m in self.relative.finditer(folded):
            raw.append((m.start(), m.end(), self.relative_kind[m.group()], m))
        for m in self.ago_re.finditer(folded):
            raw.append((m.start(), m.end(), "ago", m))
        for m in self.later_re.finditer(folded):
            raw.append((m.start(), m.end(), "later", m))
        hours = [m.span() for m in self.weekday_range.finditer(folded)]  # "du lundi au samedi": opening hours
        if hours:
            raw = [r for r in raw if not (r[2] == "weekday" and any(s <= r[0] and r[1] <= e for s, e in hours))]
        chosen = _without_overlaps(raw)
        candidates: list[DateCandidate] = []
        previous_day: PartialDate | None = None
        previous_month: PartialDate | None = None
        previous_end = -1
        for start, end, kind, m in chosen:
            start, end = _trim(folded, start, end, self)
            if kind in ("weekday", "later") and self._apposition(folded, start, previous_end, m):
                continue  # "le 2 avril, un dimanche", "on Oct. 15, six weeks later": a restatement
            if kind in ("same_month", "same_day"):
                anchor = previous_month if kind == "same_month" else previous_day
                value, parts = (PartialDate(anchor.year, anchor.month, anchor.day if kind == "same_day" else None)
                                if anchor is not None else None), ()
            else:
                value, parts = self._resolve(kind, m, published, previous_day)
            if isinstance(value, PartialDate) and value.day is not None:
                previous_day = value
            if isinstance(value, PartialDate) and value.month is not None:
                previous_month = value
            previous_end = end
            norm = value.iso() if isinstance(value, PartialDate) else value
            sentence = segment_at(sentences, start) if sentences else 0
            candidates.append(DateCandidate(start, end, text[start:end], norm, None, sentence, kind, None, parts))
        candidates = self._join_ranges(text, folded, candidates, published)
        candidates = self._attach_last_year(text, folded, candidates, published)
        out = []
        memo: dict[Any, Any] = {}  # each sentence's cues, found once for all its dates
        letter_head = _letter_head(text) if len(self.first_person.findall(folded[:20000])) >= 3 else 0
        for c in candidates:
            c = self._with_role(folded, sentences, c, published, memo)
            since = bool(self.since.search(folded, max(0, c.start - 20), c.start)) and not self._lasting(folded, sentences, c)
            if _is_dateline(text, c):
                c = replace(c, role=None, cue=(c.start, c.end, "not_breach"))
            elif c.start < letter_head and _alone_on_line(text, c) and c.norm and len(c.norm) == 10:
                # "Rennes, le 31 juillet 2023" heading a letter written by the organization: the day
                # it notified, a disclosure date that any announcement the letter dates comes before
                c = replace(c, role="disclosed", cue=(c.start, c.end, "letter_date"), weak=True)
            out.append(replace(c, since=since))
        return out

    def _month_case_ok(self, text: str, m: re.Match[str]) -> bool:
        """Where months are capitalized (syntax.yml ``months_capitalized``, English), a lower-case
        one is another word: "may" the modal verb is no month."""
        if not self.months_capitalized:
            return True
        for group in ("m", "m1", "m2"):
            if group in m.groupdict() and m.group(group):
                if not text[m.start(group)].isupper():
                    return False
        return True

    def _apposition(self, folded: str, start: int, previous_end: int, m: re.Match[str] | None) -> bool:
        """A bare weekday right after a date (", un dimanche", ", a Sunday") or after "un"/"a"."""
        if m is None or any(m.groupdict().get(g) for g in ("last", "last1", "this", "follow", "follow1")):
            return False
        before = folded[max(0, start - 6):start]
        if self.apposition_article.search(before):
            return True
        return previous_end >= 0 and bool(re.fullmatch(r"\s*,\s*", folded[previous_end:start]))

    def _lasting(self, folded: str, sentences: list[Segment], c: DateCandidate) -> bool:
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

    def _attach_last_year(self, text: str, folded: str, candidates: list[DateCandidate],
                          published: date | None) -> list[DateCandidate]:
        """"Dec. 3 to Dec. 19 last year": a year-less date followed by "last year" takes that year."""
        out: list[DateCandidate] = []
        for c in candidates:
            previous = out[-1] if out else None
            if (published is not None and c.kind == "last_year" and previous is not None and previous.norm
                    and previous.kind in ("dmy", "mdy", "day_range", "day_range_mdy", "range", "month_last")
                    and (not previous.parts or previous.parts[0] is None)
                    and self.last_year_gap.fullmatch(folded[previous.end:c.start])):
                year = str(published.year - 1)
                norm = "/".join(year + part[4:] for part in previous.norm.split("/"))
                out[-1] = replace(previous, end=c.end, expr=text[previous.start:c.end], norm=norm)
                continue
            out.append(c)
        return out

    # ------------------------------------------------------------- resolution
    def _resolve(self, kind: str, m: re.Match[str] | None, published: date | None,
                 previous_day: PartialDate | None) -> tuple[PartialDate | str | None, tuple[Any, ...]]:
        g = m.groupdict() if m is not None else {}
        if kind in ("dmy", "mdy"):
            month = self.month_of[g["m"].rstrip(".")]
            day = _day(g["d"])
            year = int(g["y"]) if g.get("y") else None
            strict = bool(g.get("last"))
            return _complete(year, month, day, published, strict), (year, month, day)
        if kind in ("day_range", "day_range_mdy"):
            month = self.month_of[g["m"].rstrip(".")]
            year = int(g["y"]) if g.get("y") else None
            end = _complete(year, month, _day(g["d"]), published, False)
            start = _complete(end.year if end else year, month, _day(g["d1"]), None, False) if (end or year) else None
            if start and end:
                return f"{start.iso()}/{end.iso()}", (year, month, _day(g["d"]))
            return None, (year, month, None)
        if kind == "numeric":
            parsed = _parse_numeric(g["num"].replace(".", "/"), self.lang, self.date_order)
            if parsed is None:
                return None, ()
            return PartialDate(*parsed), parsed
        if kind == "iso":
            try:
                day = int(g["dd"]) if g.get("dd") else None
                value = PartialDate(int(g["y"]), int(g["mm"]), day)
                value.first_day()
            except ValueError:
                return None, ()
            return value, (value.year, value.month, value.day)
        if kind == "month_year":
            month = self.month_of[g["m"].rstrip(".")]
            return PartialDate(int(g["y"]), month), (int(g["y"]), month, None)
        if kind == "month_last_year":
            month = self.month_of[g["m"].rstrip(".")]
            if published is None:
                return None, (None, month, None)
            return PartialDate(published.year - 1, month), (published.year - 1, month, None)
        if kind == "month_last":
            month_word = g.get("m") or g.get("m1") or g.get("m2")
            month = self.month_of[month_word.rstrip(".")]
            if published is None:
                return None, (None, month, None)
            strict = bool(g.get("last") or g.get("last1") or g.get("last2"))
            year = published.year if (month < published.month or (month == published.month and not strict)) \
                else published.year - 1
            return PartialDate(year, month), (None, month, None)
        if kind == "season":
            season = self.season_of[g.get("s") or g.get("s1") or g.get("s2") or g.get("s3")]
            if g.get("y"):
                return _season_span(int(g["y"]), season), ()
            if published is None:
                return None, ()
            if g.get("this") or (g.get("last1") and g["last1"] in self.this_words):
                return _season_span(published.year, season), ()
            if g.get("last") or g.get("last1"):
                # "last fall": the latest fall already over at publication (in October, the year before)
                ended = (SEASON_START[season] + 2) % 12 or 12
                over = published.month > ended if season != "winter" else 2 < published.month < 12
                return _season_span(published.year if over else published.year - 1, season), ()
            started = SEASON_START[season] < published.month
            return _season_span(published.year if started else published.year - 1, season), ()
        if kind in ("year", "year_attr"):
            return PartialDate(int(g["y"])), (int(g["y"]), None, None)
        if kind == "month_range":
            first, last_month = self.month_of[g["m1"].rstrip(".")], self.month_of[g["m"].rstrip(".")]
            if g.get("y"):
                year = int(g["y"])
            elif published is None:
                return None, ()
            elif g.get("ly"):
                year = published.year - 1
            else:  # "between Aug and Oct (this year)": the latest such span at or before publication
                year = published.year if last_month <= published.month or g.get("ty") else published.year - 1
            start = PartialDate(year if first <= last_month else year - 1, first)
            return f"{start.iso()}/{PartialDate(year, last_month).iso()}", (year, last_month, None)
        if kind == "weekday" and (g.get("follow") or g.get("follow1")):
            if previous_day is None:
                return None, ()
            target = self.weekday_of[g["wd"].rstrip(".")]
            after = previous_day.first_day()
            day = after + timedelta(days=(target - after.weekday() - 1) % 7 + 1)
            return PartialDate(day.year, day.month, day.day), ()
        if kind == "weekday":
            if published is None:
                return None, ()
            target = self.weekday_of[g["wd"].rstrip(".")]
            delta = (published.weekday() - target) % 7
            if (g.get("last") or g.get("last1")) and delta == 0:
                delta = 7
            day = published - timedelta(days=delta)
            return PartialDate(day.year, day.month, day.day), ()
        if kind == "later":
            if previous_day is None:
                return None, ()
            n_text = g["n"]
            n = int(n_text) if n_text.isdigit() else int(self.number_words.get(n_text, 1))
            unit = self.ago_unit_of[g["u"]]
            if unit == "month":  # "three months later": a month, never a made-up day
                total = previous_day.year * 12 + previous_day.month - 1 + n
                return PartialDate(total // 12, total % 12 + 1), ()
            if unit == "year":
                return PartialDate(previous_day.year + n), ()
            day = previous_day.first_day() + timedelta(days=n * (7 if unit == "week" else 1))
            return PartialDate(day.year, day.month, day.day), ()
        if kind == "ago":
            if published is None:
                return None, ()
            n_text = g["n"]
            if n_text.isdigit():
                n = int(n_text) if len(n_text) <= 4 else 10_000
            else:
                n = int(self.number_words.get(n_text, 1))
            unit = self.ago_unit_of[g["u"]]
            shifted = _shift(published, unit, n) if n < 10_000 else None
            return (shifted if shifted is not None and shifted.year >= 1 else None), ()
        return self._relative(kind, published, previous_day), ()

    @staticmethod
    def _relative(kind: str, published: date | None, previous_day: PartialDate | None) -> PartialDate | str | None:
        if kind in ("next_day", "previous_day"):
            if previous_day is None:
                return None
            day = previous_day.first_day() + timedelta(days=1 if kind == "next_day" else -1)
            return PartialDate(day.year, day.month, day.day)
        if published is None:
            return None
        p = published
        if kind in ("yesterday", "day_before_yesterday", "today"):
            day = p - timedelta(days={"yesterday": 1, "day_before_yesterday": 2, "today": 0}[kind])
            return PartialDate(day.year, day.month, day.day)
        if kind == "last_week":
            monday = p - timedelta(days=p.weekday() + 7)
            sunday = monday + timedelta(days=6)
            return f"{monday.isoformat()}/{sunday.isoformat()}"
        if kind == "this_week":
            monday = p - timedelta(days=p.weekday())
            return f"{monday.isoformat()}/{p.isoformat()}"
        if kind == "last_month":
            return _shift(p, "month", 1)
        if kind == "this_month":
            return PartialDate(p.year, p.month)
        if kind in ("last_year", "late_last_year"):
            return PartialDate(p.year - 1)
        if kind in ("this_year", "early_this_year"):
            return PartialDate(p.year)
        return None

    def _join_ranges(self, text: str, folded: str, candidates: list[DateCandidate], published: date | None) -> list[DateCandidate]:
        """"entre le 16 février et le 12 mai 2024", "from Feb. 16 to May 12": one START/END date."""
        out: list[DateCandidate] = []
        i = 0
        while i < len(candidates):
            first = candidates[i]
            if i + 1 < len(candidates):
                second = candidates[i + 1]
                between = folded[first.end:second.start]
                opener = folded[max(0, first.start - 16):first.start]
                joins = bool(self.range_join.match(between)) or between.strip() in ("-", "\u2013")
                opens = bool(self.range_start.search(opener)) or between.strip() in ("-", "\u2013") \
                    or between.strip() in self.bare_range_joiners
                if joins and opens:
                    joined = self._range(first, second, published)
                    if joined is not None:
                        out.append(replace(first, end=second.end, expr=text[first.start:second.end],
                                           norm=joined, kind="range"))
                        i += 2
                        continue
            out.append(first)
            i += 1
        return out

    @staticmethod
    def _range(first: DateCandidate, second: DateCandidate, published: date | None) -> str | None:
        if second.norm is None or "/" in second.norm:
            return None
        end = second.norm
        start = first.norm
        if first.parts and first.parts[0] is None and first.parts[1] is not None:
            # year-less start: take the end's year, or the one before if the start would follow the end
            end_year = int(end[:4])
            month, day = first.parts[1], first.parts[2]
            candidate = PartialDate(end_year, month, day)
            if candidate.iso() > end:
                candidate = PartialDate(end_year - 1, month, day)
            start = candidate.iso()
        if start is None or "/" in start:
            return None
        if start > end:
            return None
        return f"{start}/{end}"

    # ------------------------------------------------------------------ roles
    def _with_role(self, folded: str, sentences: list[Segment], candidate: DateCandidate,
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
            if cue.role == "not_breach" and cue.start <= candidate.start and candidate.end <= cue.end:
                return replace(candidate, role=None, cue=(cue.start, cue.end, cue.role))
            i -= 1
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
        found = _outermost(found)
        verb_ends = sorted(m.end() for role, m in found if role in ("discovered", "disclosed", "weak_disclosed"))
        cues: list[_Cue] = []
        for rank, (role, m) in enumerate(found):
            if role == "source":
                continue  # "d'après leur communiqué": only there to silence the cue words inside it
            bonus = 0.0
            if role == "not_breach":
                bonus = -2.0  # a deadline, a court or a sanction near the date governs it
            elif role == "occurred" and (self._determined(folded, m)
                                         or _after_verb(self.object_gap, folded, verb_ends, m.start())):
                bonus = 30.0  # "a révélé la fuite hier", "identified ransomware the next day": the verb's object
            cues.append(_Cue(m.start(), m.end(), role, bonus, rank))
        result = _SentenceCues(cues, self._breaks(folded, sentence),
                               any(c.role == "occurred" for c in cues),
                               bool(self.sanction.search(folded, sentence.start, sentence.end)))
        if memo is not None:
            memo[key] = result
        return result

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

    def toll(self, start: int, end: int) -> float:
        """Sum of the tolls of the clause boundaries between ``start`` and ``end``."""
        return self.cumulative[bisect_left(self.break_positions, end)] - \
            self.cumulative[bisect_left(self.break_positions, start)]


def _without_overlaps(raw: list[tuple[int, int, str, Any]]) -> list[tuple[int, int, str, Any]]:
    """Non-overlapping matches in text order, the first kept where two overlap, except that a bare
    weekday gives way to the full date it opens ("le mercredi 21 juin 2023" is one date, not "le
    mercredi" then "juin 2023"). One pass: the replacement cannot overlap the match before."""
    chosen: list[tuple[int, int, str, Any]] = []
    for item in sorted(raw, key=lambda r: (r[0], -(r[1] - r[0]))):
        if chosen and item[0] < chosen[-1][1]:
            if chosen[-1][2] == "weekday" and item[1] > chosen[-1][1]:
                chosen[-1] = item  # "le mercredi" + "mercredi 21 juin 2023": the full date
            continue
        chosen.append(item)
    return chosen


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


def _after_verb(gap: re.Pattern[str], folded: str, verb_ends: list[int], position: int) -> bool:
    """A discovery or disclosure verb ends right before ``position``, with only determiners
    between ("discovered the attack", "identified ransomware")."""
    i = bisect_right(verb_ends, position) - 1
    return i >= 0 and bool(gap.fullmatch(folded, verb_ends[i], position))


def _season_span(year: int, season: str) -> str:
    """A season as its three months: "summer 2021" → "2021-06/2021-08" (winter runs into the next year)."""
    first = SEASON_START[season]
    last = (first + 2 - 1) % 12 + 1
    return f"{year:04d}-{first:02d}/{year + (1 if last < first else 0):04d}-{last:02d}"


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
    # "LAVAL, 14 février 2024 (La Presse Canadienne) –": an agency in brackets may come between
    return len(head) <= 40 and bool(re.match(r"^(?:\w[\w .'-]*,?\s*)?$", head)) and bool(
        re.match(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[\u2014\u2013-][ \t]", text[candidate.end:candidate.end + 50]))


def _spaced(alternation: str) -> str:
    """An alternation whose phrases match across any run of spaces ("et le", "a l'")."""
    return alternation.replace("\\ ", r"\s+")


def _words(language: LanguageData, key: str) -> tuple[str, ...]:
    """The folded words of syntax.yml ``key``; none where the language has no such word (``~``)."""
    return language.words("syntax", key) if language["syntax"][key] else ()


def _then_space(language: LanguageData, key: str, optional: bool = False) -> str:
    """The words of syntax.yml ``key``, each followed by spaces, an elided one ("l'") glued to
    what follows: ``(?:(?:le|la)(?<!')\s+|(?:l')(?<='))``; ``optional`` adds ``?``. Empty
    (nothing to match) when the language has no such word."""
    if not _words(language, key):
        return ""
    words = _spaced(language.alternation("syntax", key))
    return rf"(?:{words}(?<!')\s+|{words}(?<=')){'?' if optional else ''}"


def _alternation(words: Any) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _trim(folded: str, start: int, end: int, rules: DateRules) -> tuple[int, int]:
    """Drop leading introducers ("en", "le", "in", "on") so the span is the date itself, and a
    sentence-final period after a full word ("last Thursday.")."""
    if folded[end - 1] == "." and re.search(r"[a-z]{5,}\.$", folded[start:end]):
        end -= 1
    m = rules.introducer.match(folded[start:end])
    if m and start + m.end() < end:
        rest = folded[start + m.end():end]
        if rest[:1].isalnum():
            start += m.end()
    return start, end


def _day(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else 1


def _complete(year: int | None, month: int, day: int, published: date | None, strict: bool) -> PartialDate | None:
    """A day with no year takes the year that puts it at (or, ``strict``, before) publication."""
    if year is None:
        if published is None:
            return None
        year = published.year
        key = (month, day)
        if key > (published.month, published.day) or (strict and key == (published.month, published.day)):
            year -= 1
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


def _shift(published: date, unit: str, n: int) -> PartialDate:
    if unit == "day":
        day = published - timedelta(days=n)
        return PartialDate(day.year, day.month, day.day)
    if unit == "week":
        day = published - timedelta(days=7 * n)
        return PartialDate(day.year, day.month)
    if unit == "month":
        total = published.year * 12 + published.month - 1 - n
        return PartialDate(total // 12, total % 12 + 1)
    return PartialDate(published.year - n)


@lru_cache(maxsize=8)
def date_rules(lang: str, resources: str = "default") -> DateRules:
    return DateRules(language_data(lang, str(resources)))


class DateTagger(BreachComponent):
    """Finds date expressions, resolves them against ``doc._.published`` and gives them a role."""

    label = LABEL

    def __init__(self, nlp: Language, name: str = "breach_dates", *, resources: str = "default",
                 spans_key: str = "breach_dates") -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.rules = date_rules(self.lang, resources)

    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.published)
        spans = []
        for candidate in self.rules.find(doc_text(doc), published):
            span = self.char_span(doc, candidate.start, candidate.end)
            if span is None:
                continue
            span._.date_expr = candidate.expr
            span._.date_norm = candidate.norm
            span._.date_role = candidate.role
            span._.breach_cues = [list(candidate.cue)] if candidate.cue else []
            span._.breach_features = {"sentence": candidate.sentence, "kind": candidate.kind, "since": candidate.since,
                                      "weak": candidate.weak, "also_discovered": candidate.also_discovered}
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "breach_dates",
    assigns=["doc.spans", "span._.date_expr", "span._.date_norm", "span._.date_role"],
    default_config={"resources": "default", "spans_key": "breach_dates"},
)
def make_date_tagger(nlp: Language, name: str, resources: str, spans_key: str) -> DateTagger:
    return DateTagger(nlp, name, resources=resources, spans_key=spans_key)
