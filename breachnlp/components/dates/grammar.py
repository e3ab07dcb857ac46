"""The date grammar of one language: the patterns of ``breach_dates``, composed from named pieces.

The words come from ``resources/<lang>/dates.yml`` (months, weekdays, seasons, markers, relative
phrases) and from the ``# --- dates`` section of ``resources/<lang>/syntax.yml`` (function words,
and the word-order settings ``incident_year`` and ``ago_position``); this module only says in
which order they come. :func:`date_skip_pattern` gives other rules one regular expression for
"a date is written here".
"""
from __future__ import annotations

import re
from typing import Any

from ...numbers import grammar as number_grammar
from ...resources import LanguageData
from ...resources import alternation as _alternation
from ...text import fold

YEAR = r"(?:19|20)\d{2}"
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


class DateGrammar:
    """The date patterns of one language and the word tables that read their matches."""

    def __init__(self, language: LanguageData) -> None:
        lang = language.lang
        data = language["dates"]
        self.lang = lang
        self.date_order = language.setting("date_order")
        self.months_capitalized = bool(language.setting("months_capitalized"))
        # function words of syntax.yml: "(?:a|b)", or a group of words each followed by spaces
        suffix = _spaced(language.alternation("syntax", "ordinal_suffixes"))
        the = _then_space(language, "ordinal_articles", optional=True)
        of = _then_space(language, "of", optional=True)
        self.last_year_gap = re.compile(rf"[\s,]*{of}")  # "Dec. 3 to Dec. 19 (of) last year"
        day_and = _spaced(language.alternation("syntax", "day_range_joiners"))
        self.this_words = frozenset(language.words("dates", "this_markers"))
        self.month_of: dict[str, int] = {}
        for number, forms in data["months"].items():
            for form in forms:
                self.month_of[fold(form).rstrip(".")] = int(number)
        self.weekday_of = {fold(f).rstrip("."): int(n) for n, forms in data["weekdays"].items() for f in forms}
        self.season_of = {fold(f): s for s, forms in data["seasons"].items() for f in forms}
        month = _alternation(fold(f) for forms in data["months"].values() for f in forms)
        weekday = _alternation(fold(f) for forms in data["weekdays"].values() for f in forms)
        season = _alternation(self.season_of)
        self.holiday_of = {fold(f): tuple(int(x) for x in str(key).split("-"))
                           for key, forms in (data.get("holidays") or {}).items() for f in forms}
        first = _alternation(fold(f) for f in data["ordinal_first"])
        last = _alternation(fold(f) for f in data["last_markers"])
        # "cette dernière jeudi": the pronoun "the latter", then a weekday of its own; "the last Thursday
        # of June": that month's
        not_relative = "".join(rf"(?<!\b{re.escape(fold(w))} )" for w in data["not_last_before"])
        this = _alternation(fold(f) for f in data["this_markers"])
        part = _alternation(fold(f) for f in data["parts"])
        month_intro = _alternation(fold(f) for f in data["month_introducers"])
        year_intro = _alternation(fold(f) for f in data["year_introducers"])
        day = rf"(?:{first}|\d{{1,2}}){suffix}?"
        last_year = _alternation(fold(p) for p in data["relative"]["last_year"])
        following = _alternation(fold(f) for f in data["following_markers"])
        preceding = _alternation(fold(f) for f in data["preceding_markers"])
        of_last_week = _alternation(fold(f) for f in data["weekday_of_last_week"])
        # "that same {weekday}", « {weekday}-là »: the words around the weekday, each side its own group
        same_forms = [fold(f).split("{weekday}") for f in data["same_weekday"]]
        same_before = _alternation(before.strip() for before, _ in same_forms if before.strip())
        same_after = _alternation(after for _, after in same_forms if after)
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
                rf"(?P<m>{month})\s+(?P<d1>\d{{1,2}}){suffix}?[ \t]*(?:-|–|{day_and})[ \t]*(?P<d>\d{{1,2}})(?![,.]?\d)"
                rf"{suffix}?"
                rf"(?:,?\s+(?P<y>{YEAR}))?")),
            ("dmy", re.compile(
                rf"(?:(?P<wd>{weekday}),?\s+{the})?(?P<d>{day})\s+{of}(?P<m>{month})(?:,?\s+(?P<y>{YEAR}))?"
                rf"(?:\s+(?P<last>{last}))?")),
            ("mdy", re.compile(
                # a colon after the day ends a timeline's label ("- oct 28: play adds…"), not a time ("May 3 12:30")
                rf"(?:(?P<wd>{weekday}),?\s+)?(?P<m>{month})\s+(?P<d>\d{{1,2}}){suffix}?(?!\d|:\d)(?:,?\s+(?P<y>{YEAR}))?")),
            ("numeric", re.compile(r"(?P<num>\d{1,2}[/.]\d{1,2}[/.](?:(?:19|20)\d{2}|\d{2}(?![/.]?\d)))")),
            ("iso", re.compile(rf"(?P<y>{YEAR})-(?P<mm>0[1-9]|1[0-2])(?:-(?P<dd>[0-3]\d))?(?![\d-])")),
            ("month_year", re.compile(
                rf"(?:(?P<part>{part})[\s-]+{part_of})?(?P<m>{month}),?\s+{of}(?P<y>{YEAR})")),
            ("month_last_year", re.compile(
                rf"(?P<m>{month})\s+{of}(?P<ly>{last_year})")),
            ("month_last", re.compile(
                rf"(?:(?P<last1>{last})\s+(?P<m1>{month})"
                rf"|(?:(?P<part>{part})[\s-]+(?:{part_of}|{of})|(?:{month_intro})\s+)"
                # "from April last year": the year's phrase, not "April last"
                rf"(?P<m>{month})(?!\s+{last_year})(?:\s+(?P<last>{last}))?|(?P<m2>{month})\s+(?!{last_year})(?P<last2>{last}))"
                rf"(?!\.?\s*\d)")),
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
            *([("holiday", re.compile(
                # "on Christmas Eve", "la nuit de Noël 2023", "last Christmas": a fixed day of the year
                rf"(?:(?P<last1>{last})\s+)?(?P<hol>{_alternation(self.holiday_of)})"
                rf"(?:,?\s+(?P<y>{YEAR})|\s+(?P<last>{last}))?(?![\w'])"))] if self.holiday_of else []),
            ("weekday", re.compile(
                rf"(?:{the}(?P<precede1>{preceding})\s+|{not_relative}(?P<last1>{last})\s+|{the}(?P<follow1>{following})\s+"
                rf"|(?P<same1>{same_before})\s+|(?P<this>{this}|{weekday_intro})\s+)?(?P<wd>{weekday})"
                # « samedi 18 », "Saturday the 18th": a day's number without its month (a time, a count
                # or a month after it is something else)
                rf"(?:\s+(?:{the})?(?P<wdd>\d{{1,2}}){suffix}?(?![\w:/]|[.,]\d|\s*(?:h\b|h\d|\d|{month})))?"
                rf"(?:\s+(?P<lastweek>{of_last_week})(?![\w])|(?P<same>{same_after})(?![\w])"
                rf"|\s+(?P<precede>{preceding})(?![\w])|\s+(?P<last>{last})|\s+(?P<follow>{following}))?")),
        ]
        self.patterns = [(kind, re.compile(r"(?<![\w])(?:" + pattern.pattern + ")")) for kind, pattern in self.patterns]
        hours_from = _then_space(language, "weekday_range_openers", optional=True)
        hours_to = _spaced(language.alternation("syntax", "weekday_range_joiners"))
        self.weekday_range = re.compile(rf"(?<![\w]){hours_from}{weekday}\.?\s*(?:{hours_to}|-|–)\s*{weekday}(?![\w])")
        # every relative phrase in one scan, longest first; the phrase says its kind
        self.relative_kind = {fold(p): kind for kind, phrases in data["relative"].items() for p in phrases}
        self.relative = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(p) for p in sorted(self.relative_kind, key=len, reverse=True)) + r")(?!\w)")
        # "au début du mois de mars": the month named after the phrase is the date, not the current one
        self.named_month_after = re.compile(rf"\s+{of}({month})(?!\w)")
        number_words = number_grammar(lang, language.source).units
        self.number_words = number_words
        ago_units = _alternation(fold(u) for u in data["ago_units"])
        self.ago_unit_of = {fold(k): v for k, v in data["ago_units"].items()}
        ago = _alternation(fold(a) for a in data["ago"])
        count = r"(?:\d+|" + _alternation(number_words) + ")"
        later = _alternation(fold(w) for w in data["later_markers"])
        earlier = _alternation(fold(w) for w in data["earlier_offset_markers"])
        a = _spaced(language.alternation("syntax", "indefinite_articles"))
        # "two days later" / "two days earlier": an offset from the date before in the text
        self.later_re = re.compile(
            rf"(?<!\w)(?P<n>{count}|{a})\s+(?P<u>{ago_units})\s+(?:{later}|(?P<earlier>{earlier}))(?!\w)")
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


    def scan(self, text: str, folded: str) -> list[tuple[int, int, str, Any]]:
        """Every date expression of ``text`` (``folded``: its folded copy) as ``(start, end, kind,
        match)``, in text order and without overlaps."""
        raw: list[tuple[int, int, str, re.Match[str] | None]] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(folded):
                if m.start() > 0 and folded[m.start() - 1].isalnum():
                    continue
                if m.end() < len(folded) and folded[m.end() - 1].isalnum() and folded[m.end()].isalnum():
                    continue
                if not self.month_case_ok(text, m) or self.number_not_month(folded, m):
                    continue
                if m.groupdict().get("core") is not None:
                    raw.append((m.start("core"), m.end("core"), kind, m))  # "entre" / "attack" frame the date
                else:
                    raw.append((m.start(), m.end(), kind, m))
        for m in self.relative.finditer(folded):
            named = self.named_month_after.match(folded, m.end())
            if named and (not self.months_capitalized or text[named.end() - len(named.group(1))].isupper()):
                continue
            raw.append((m.start(), m.end(), self.relative_kind[m.group()], m))
        for m in self.ago_re.finditer(folded):
            raw.append((m.start(), m.end(), "ago", m))
        for m in self.later_re.finditer(folded):
            raw.append((m.start(), m.end(), "later", m))
        hours = [m.span() for m in self.weekday_range.finditer(folded)]  # "du lundi au samedi": opening hours
        if hours:
            raw = [r for r in raw if not (r[2] == "weekday" and any(s <= r[0] and r[1] <= e for s, e in hours))]
        return _without_overlaps(raw)

    def month_case_ok(self, text: str, m: re.Match[str]) -> bool:
        """Where months are capitalized (syntax.yml ``months_capitalized``, English), a lower-case
        one is another word: "may" the modal verb is no month."""
        if not self.months_capitalized:
            return True
        groups = m.groupdict()
        if any(groups.get(g) for g in ("d", "part", "last", "last1", "last2", "ly", "ty")):
            return True  # "march 3", "late march", "august last year": a date whatever its case
            # (forum posts)
        for group in ("m", "m1", "m2"):
            if group in m.groupdict() and m.group(group):
                if not text[m.start(group)].isupper():
                    return False
        return True

    def number_not_month(self, folded: str, m: re.Match[str]) -> bool:
        """A month abbreviation that is also a number word, with no day, year or "last" of its own and a
        word after it, is the number: "près de sept semaines" is seven weeks, "fin sept 2023" a month."""
        groups = m.groupdict()
        if any(groups.get(g) for g in ("d", "y", "last", "last1", "last2")):
            return False
        for group in ("m", "m1", "m2"):
            if groups.get(group) and folded[m.start(group):m.end(group)] in self.number_words \
                    and _WORD_AFTER.match(folded, m.end(group)):
                return True
        return False

    def apposition(self, folded: str, start: int, previous_end: int, m: re.Match[str] | None) -> bool:
        """A bare weekday right after a date (", un dimanche", ", a Sunday") or after "un"/"a"."""
        if m is None or any(m.groupdict().get(g) for g in ("last", "last1", "this", "follow", "follow1", "precede",
                                                            "precede1", "same", "same1", "lastweek")):
            return False
        before = folded[max(0, start - 6):start]
        if self.apposition_article.search(before):
            return True
        return previous_end >= 0 and bool(re.fullmatch(r"\s*,\s*", folded[previous_end:start]))

    def trim(self, folded: str, start: int, end: int) -> tuple[int, int]:
        """Drop leading introducers ("en", "le", "in", "on") so the span is the date itself, and a
        sentence-final period after a full word ("last Thursday.")."""
        if folded[end - 1] == "." and re.search(r"[a-z]{5,}\.$", folded[start:end]):
            end -= 1
        m = self.introducer.match(folded[start:end])
        if m and start + m.end() < end:
            rest = folded[start + m.end():end]
            if rest[:1].isalnum():
                start += m.end()
        return start, end


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


def _spaced(alternation: str) -> str:
    """An alternation whose phrases match across any run of spaces ("et le", "a l'")."""
    return alternation.replace("\\ ", r"\s+")


def _words(language: LanguageData, key: str) -> tuple[str, ...]:
    """The folded words of syntax.yml ``key``; none where the language has no such word (``~``)."""
    return language.words("syntax", key) if language["syntax"][key] else ()


def _then_space(language: LanguageData, key: str, optional: bool = False) -> str:
    r"""The words of syntax.yml ``key``, each followed by spaces, an elided one ("l'") glued to
    what follows: ``(?:(?:le|la)(?<!')\s+|(?:l')(?<='))``; ``optional`` adds ``?``. Empty
    (nothing to match) when the language has no such word."""
    if not _words(language, key):
        return ""
    words = _spaced(language.alternation("syntax", key))
    return rf"(?:{words}(?<!')\s+|{words}(?<=')){'?' if optional else ''}"


def date_skip_pattern(language: LanguageData) -> str:
    """A regular expression (folded text) matching any written date a count rule should not read as a
    figure: "3 mai 2024", "May 3, 2024", "3 au 5 mai", "mai 2024", "03/05/2024", "10h30", "2024-05".

    The shapes of ``records``' former ``date_like``, with this language's words: its months (dots
    dropped), ordinal suffixes, "of" and day-range joiners (``syntax.yml``).
    """
    months = sorted({fold(str(form)).rstrip(".") for forms in language["dates"]["months"].values() for form in forms},
                    key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + ")"
    suffix = _spaced(language.alternation("syntax", "ordinal_suffixes"))
    of = _then_space(language, "of", optional=True)
    day_and = _spaced(language.alternation("syntax", "day_range_joiners"))
    return (rf"(?<!\w)(?:\d{{1,2}}{suffix}?\s+{of}{month}\.?(?:,?\s+{YEAR}(?!\d))?(?!\w)"
            rf"|{month}\.?\s+\d{{1,2}}{suffix}?(?:[ \t]*(?:{day_and}|-)[ \t]*\d{{1,2}}{suffix}?(?![,.]?\d))?"
            rf"(?:,?\s+\d{{4}})?(?!\d)"
            rf"|\d{{1,2}}\s*(?:{day_and}|-)\s*\d{{1,2}}\s+{month}"
            rf"|{month}\.?,?\s+{of}{YEAR}(?!\d)"
            r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[h:]\d{2}|\d{4}-\d{2}(?:-\d{2})?)")
