"""Resolution: a matched date expression as an ISO partial date ("2024", "2024-05", "2024-05-03" or
"START/END"), counted from the publication date where it is relative, at the granularity it was
written with ("mai 2024" never becomes a day).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import dateparser

from .grammar import DateGrammar

SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


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
    first_report: bool = False  # its sentence tells a first or earlier announcement ("had first disclosed")
    distances: tuple[tuple[str, float], ...] = ()  # nearest cue of each kind (DateRoles.cue_distances)


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


def resolve(grammar: DateGrammar, kind: str, m: re.Match[str] | None, published: date | None,
            previous_day: PartialDate | None,
            story_year: int | None = None,
            written_years: tuple[int, ...] = ()) -> tuple[PartialDate | str | None, tuple[Any, ...]]:
    """The value of one date expression. ``story_year``: the year of a date written with its year
    just before, which a day written without one continues (when that keeps it before publication);
    ``written_years``: the years the text wrote before it, each once, in the reverse order of their
    first writing, which a weekday written with a day and no year may agree with."""
    g = m.groupdict() if m is not None else {}
    if kind in ("dmy", "mdy"):
        month = grammar.month_of[g["m"].rstrip(".")]
        day = _day(g["d"])
        year = int(g["y"]) if g.get("y") else None
        strict = bool(g.get("last"))
        if year is None and not strict:
            year = _story_year(story_year, month, day, published)
        value = _complete(year, month, day, published, strict)
        if g.get("y") is None and g.get("wd") and value is not None and published is not None:
            value = _agreeing_weekday(value, grammar.weekday_of[g["wd"].rstrip(".")], published, written_years)
        return value, (int(g["y"]) if g.get("y") else None, month, day)
    if kind == "holiday":
        month, day = grammar.holiday_of[g["hol"]]
        year = int(g["y"]) if g.get("y") else None
        strict = bool(g.get("last") or g.get("last1"))
        if year is None and not strict:
            year = _story_year(story_year, month, day, published)
        return _complete(year, month, day, published, strict), (year, month, day)
    if kind in ("day_range", "day_range_mdy"):
        month = grammar.month_of[g["m"].rstrip(".")]
        year = int(g["y"]) if g.get("y") else None
        if year is None:
            year = _story_year(story_year, month, _day(g["d"]), published)
        end = _complete(year, month, _day(g["d"]), published, False)
        start = _complete(end.year if end else year, month, _day(g["d1"]), None, False) if (end or year) else None
        if start and end:
            return f"{start.iso()}/{end.iso()}", (year, month, _day(g["d"]))
        return None, (year, month, None)
    if kind == "numeric":
        parsed = _parse_numeric(g["num"].replace(".", "/"), grammar.lang, grammar.date_order)
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
        month = grammar.month_of[g["m"].rstrip(".")]
        return PartialDate(int(g["y"]), month), (int(g["y"]), month, None)
    if kind == "month_last_year":
        month = grammar.month_of[g["m"].rstrip(".")]
        if published is None:
            return None, (None, month, None)
        return PartialDate(published.year - 1, month), (published.year - 1, month, None)
    if kind == "month_last":
        month_word = g.get("m") or g.get("m1") or g.get("m2")
        month = grammar.month_of[month_word.rstrip(".")]
        if published is None:
            return None, (None, month, None)
        strict = bool(g.get("last") or g.get("last1") or g.get("last2"))
        year = published.year if (month < published.month or (month == published.month and not strict)) \
            else published.year - 1
        return PartialDate(year, month), (None, month, None)
    if kind == "season":
        season = grammar.season_of[g.get("s") or g.get("s1") or g.get("s2") or g.get("s3")]
        if g.get("y"):
            return _season_span(int(g["y"]), season), ()
        if published is None:
            return None, ()
        if g.get("this") or (g.get("last1") and g["last1"] in grammar.this_words):
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
        first, last_month = grammar.month_of[g["m1"].rstrip(".")], grammar.month_of[g["m"].rstrip(".")]
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
    if kind == "weekday":
        return _weekday(grammar, g, published, previous_day), ()
    if kind == "later":
        if previous_day is None:
            return None, ()
        n_text = g["n"]
        n = int(n_text) if n_text.isdigit() else int(grammar.number_words.get(n_text, 1))
        unit = grammar.ago_unit_of[g["u"]]
        if g.get("earlier"):  # "two days earlier": counted back
            n = -n
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
            n = int(grammar.number_words.get(n_text, 1))
        unit = grammar.ago_unit_of[g["u"]]
        shifted = _shift(published, unit, n) if n < 10_000 else None
        return (shifted if shifted is not None and shifted.year >= 1 else None), ()
    return relative(kind, published, previous_day), ()


def relative(kind: str, published: date | None, previous_day: PartialDate | None) -> PartialDate | str | None:
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
    if kind == "last_weekend":
        # "over the weekend" written on a weekday: the Saturday and Sunday before it
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)
        return f"{saturday.isoformat()}/{min(p, saturday + timedelta(days=1)).isoformat()}"
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


def join_ranges(grammar: DateGrammar, text: str, folded: str, candidates: list[DateCandidate],
                published: date | None) -> list[DateCandidate]:
    """"entre le 16 février et le 12 mai 2024", "from Feb. 16 to May 12": one START/END date."""
    out: list[DateCandidate] = []
    i = 0
    while i < len(candidates):
        first = candidates[i]
        if i + 1 < len(candidates):
            second = candidates[i + 1]
            between = folded[first.end:second.start]
            opener = folded[max(0, first.start - 16):first.start]
            # a line break between them is a list's next item ("- next day\n- jan 10"), no range
            joins = "\n" not in between and (bool(grammar.range_join.match(between)) or between.strip() in ("-", "\u2013"))
            opens = bool(grammar.range_start.search(opener)) or between.strip() in ("-", "\u2013") \
                or between.strip() in grammar.bare_range_joiners
            # "lundi et mardi", "on Monday and Tuesday": two weekdays of one week are a span of days
            days = first.kind == second.kind == "weekday" and bool(grammar.range_join.match(between))
            if joins and (opens or days):
                joined = _range(first, second, published)
                if joined is not None:
                    out.append(replace(first, end=second.end, expr=text[first.start:second.end],
                                       norm=joined, kind="range"))
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


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


def attach_last_year(grammar: DateGrammar, text: str, folded: str, candidates: list[DateCandidate],
                     published: date | None) -> list[DateCandidate]:
    """"Dec. 3 to Dec. 19 last year": a year-less date followed by "last year" takes that year."""
    out: list[DateCandidate] = []
    for c in candidates:
        previous = out[-1] if out else None
        if (published is not None and c.kind == "last_year" and previous is not None and previous.norm
                and previous.kind in ("dmy", "mdy", "day_range", "day_range_mdy", "range", "month_last")
                and (not previous.parts or previous.parts[0] is None)
                and grammar.last_year_gap.fullmatch(folded[previous.end:c.start])):
            year = str(published.year - 1)
            norm = "/".join(year + part[4:] for part in previous.norm.split("/"))
            out[-1] = replace(previous, end=c.end, expr=text[previous.start:c.end], norm=norm)
            continue
        out.append(c)
    return out


def attach_following_year(grammar: DateGrammar, folded: str, candidates: list[DateCandidate]) -> list[DateCandidate]:
    """"le 8 juillet et le 10 septembre 2013", "on March 2 and April 9, 2019": a day written without
    its year, joined to the next day that has one, is in that year (the year before when it would
    follow that day), not in the year of publication or of the story so far."""
    out = list(candidates)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if first.kind not in ("dmy", "mdy") or not first.parts or first.parts[0] is not None \
                or first.parts[1] is None or first.parts[2] is None or first.norm is None or "/" in first.norm:
            continue
        if second.kind not in ("dmy", "mdy", "day_range", "day_range_mdy") or not second.parts \
                or second.parts[0] is None or not second.norm:
            continue
        between = folded[first.end:second.start]
        if "\n" in between or not grammar.range_join.match(between):
            continue
        end = second.norm.split("/")[0]
        value = PartialDate(int(end[:4]), first.parts[1], first.parts[2])
        if value.iso() > end:
            value = PartialDate(value.year - 1, value.month, value.day)
        out[i - 1] = replace(first, norm=value.iso())
    return out


def _season_span(year: int, season: str) -> str:
    """A season as its three months: "summer 2021" → "2021-06/2021-08" (winter runs into the next year)."""
    first = SEASON_START[season]
    last = (first + 2 - 1) % 12 + 1
    return f"{year:04d}-{first:02d}/{year + (1 if last < first else 0):04d}-{last:02d}"


# How far back (days) a weekday with a day's number and no month (« samedi 18 ») is looked for.
_WEEKDAY_DAY_REACH = 400


def _weekday(grammar: DateGrammar, g: dict[str, Any], published: date | None,
             previous_day: PartialDate | None) -> PartialDate | None:
    """The day a weekday names: counted from the date the text told before it ("the following
    Monday", "the previous Saturday", "that same Monday"), from publication ("last Thursday",
    "Monday of last week"), or found by its day's number (« samedi 18 »)."""
    target = grammar.weekday_of[g["wd"].rstrip(".")]
    # « samedi 18 » without its month: the latest such day on that weekday by publication
    numbered = _numbered_weekday(published, target, int(g["wdd"])) if g.get("wdd") and published else None
    if g.get("follow") or g.get("follow1"):
        if previous_day is None:
            return None
        after = previous_day.first_day()
        day = after + timedelta(days=(target - after.weekday() - 1) % 7 + 1)
    elif numbered is not None:
        day = numbered
    elif (g.get("same") or g.get("same1")) and previous_day is not None:
        # "that same Monday", « ce lundi-là »: the date just told if it is that weekday, else the
        # first such weekday after it
        told = previous_day.first_day()
        day = told + timedelta(days=(target - told.weekday()) % 7)
    elif g.get("lastweek"):
        if published is None:
            return None
        # "Monday of last week": that weekday of the calendar week before publication's
        day = published - timedelta(days=published.weekday() + 7 - target)
    elif (g.get("precede") or g.get("precede1")) and previous_day is not None:
        # "in a statement on October 13 it said it learned the previous Saturday": before the date told
        before = previous_day.first_day()
        day = before - timedelta(days=(before.weekday() - target - 1) % 7 + 1)
    else:
        if published is None:
            return None
        delta = (published.weekday() - target) % 7
        if (g.get("last") or g.get("last1") or g.get("precede") or g.get("precede1")) and delta == 0:
            delta = 7
        day = published - timedelta(days=delta)
    return PartialDate(day.year, day.month, day.day)


def _numbered_weekday(published: date, target: int, number: int) -> date | None:
    """The latest day numbered ``number`` that falls on weekday ``target``, at or before ``published``."""
    for back in range(_WEEKDAY_DAY_REACH):
        day = published - timedelta(days=back)
        if day.day == number and day.weekday() == target:
            return day
    return None


def _day(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else 1


def _story_year(story_year: int | None, month: int, day: int, published: date | None) -> int | None:
    """The year a day without one takes from the date just written with its year, when that is an
    earlier year than publication's (the story is told in the past) and keeps the day before it."""
    if story_year is None or published is None or story_year >= published.year:
        return None
    return story_year


def _agreeing_weekday(value: PartialDate, weekday: int, published: date,
                      written_years: tuple[int, ...] = ()) -> PartialDate:
    """"samedi 25 janvier" written five days before it: the weekday written with a day that has no
    year says which year it is, when the year before or after publication's agrees and the one
    chosen does not (a deadline or a hearing to come, not the same day a year back); failing
    those, a year the text wrote before it ("the 2018 attack … overnight into Sunday, April 29" in a
    story told in 2022), in the order given (the reverse of their first writing)."""
    if value.month is None or value.day is None or date(value.year, value.month, value.day).weekday() == weekday:
        return value
    near = sorted((published.year - 1, published.year, published.year + 1), key=lambda y: abs(y - published.year))
    told = [y for y in written_years if y < published.year - 1 and (value.month, value.day) != (2, 29)]
    for year in [*near, *told]:
        if year != value.year and value.day <= calendar.monthrange(year, value.month)[1] \
                and date(year, value.month, value.day).weekday() == weekday:
            return PartialDate(year, value.month, value.day)
    return value


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
