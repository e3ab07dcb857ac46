"""Which date is the breach's for each role: the document-level choice ``breach_assemble`` makes.

Every dated expression of the text is an option for each role (occurred, discovered,
disclosed), and so is "none". An option's score is a weighted sum of named features
(:data:`DATE_CHOICE_FEATURES`): how close each kind of role cue is, the role the nearest cue
gave, the granularity, where the date stands (headline, sentence, a sentence about another
incident), how long before publication, how often it is restated, whether a finer date of the
same role lies inside it. "none" scores the role's ``none`` weight. The options compete in a
softmax (a conditional logit fitted on gold by ``make train``, ``resources/<lang>/weights.yml``
``date_choice``), so a date is chosen because it beats the others, not because it comes first;
its softmax share is how sure the choice is. Whether a role has a date at all stays the date
rules' call (a cue of the role governs a date of a sentence about the breach) unless
``weights.yml`` says ``none_decides``: the fitted "none" gains little on unseen text and drops
dates short texts state plainly (docs/dates.md). Without fitted weights the
nearest-cue rule of :mod:`breachnlp.components.assemble.linking` also chooses.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping, Sequence

from ...scoring import LinearScorer
from ...taxonomy import DATE_ROLES

CUE_KINDS = ("occurred", "discovered", "disclosed", "weak_disclosed", "not_breach")
# A cue after the date counts as this many characters further than one before it.
AFTER_TOLL = 10.0
# Distances (characters plus clause tolls) are turned into a closeness exp(-d / CLOSENESS_SCALE).
CLOSENESS_SCALE = 40.0
# Expression kinds of a range written out ("from March 3 to 9"), an intrusion window.
WRITTEN_WINDOWS = frozenset({"range", "month_range", "day_range", "day_range_mdy"})
# Expression kinds (``DateCandidate.kind``) that depend on the publication date.
RELATIVE_KINDS = frozenset({
    "weekday", "same_day", "yesterday", "today", "this_year", "last_year", "later", "last_week", "next_day",
    "this_month", "this_week", "last_month", "same_month", "ago", "previous_day", "late_last_year",
    "early_this_year", "month_last_year", "month_last", "holiday", "last_weekend"})

DATE_CHOICE_FEATURES: tuple[str, ...] = (
    "rule_role", "rule_other_role", "rule_no_cue", "letter_date",
    *(f"close_{kind}" for kind in CUE_KINDS),
    "weak", "since", "also_discovered", "first_report", "day", "month", "year", "range", "relative", "season",
    "headline", "position", "sentence", "context", "victim_sentence", "other_incident", "furniture",
    "restated", "future", "age", "published_day", "old", "within_week", "within_quarter", "within_year",
    "first_of_role", "earliest", "latest", "earliest_of_role", "latest_of_role", "rule_role_day",
    "rule_role_headline", "options", "has_finer", "is_finer", "role_stated",
    "governor_role", "governor_other_role", "governor_other",
)


def restatements(dated: Iterable[tuple[str | None, str]], value: str | None) -> tuple[int, bool]:
    """How many dated expressions (``(norm, kind)`` pairs) give ``value``, and whether one of them was
    resolved against the publication date ("last Tuesday"): features of the date's confidence,
    computed the same way at training and at annotation."""
    kinds = [kind for norm, kind in dated if value is not None and norm == value]
    return len(kinds), any(kind in RELATIVE_KINDS for kind in kinds)


@dataclass(frozen=True)
class DateOption:
    """One dated expression as the choice sees it: what the date tagger found and where it stands."""

    start: int
    norm: str
    role: str | None  # the nearest cue's role (``date_role``)
    cue: str | None  # the nearest cue's kind, ``not_breach`` and ``letter_date`` included
    kind: str
    sentence: int
    distances: Mapping[str, float] = field(default_factory=dict)  # DateRoles.cue_distances
    since: bool = False
    weak: bool = False
    also_discovered: bool = False
    first_report: bool = False  # its sentence tells a first or earlier announcement
    context: float = 0.0  # how much its sentence is about the main breach (the assembler's weight)
    victim_sentence: bool = False
    other_incident: bool = False
    furniture: bool = False
    ruled_out: bool = False  # the date rules gave it no role (a deadline, a sanction, a dateline): never chosen
    # the role its governing predicate tells in the parse ("other": another predicate; None: no parse)
    governor: str | None = None

    @property
    def first_day(self) -> str:
        return self.norm.split("/")[0]


def _start_date(norm: str) -> date:
    parts = [int(p) for p in norm.split("/")[0].split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _refines(finer: DateOption, outer: DateOption) -> bool:
    """``finer`` is a single date that says more precisely when ``outer`` was ("2024-09-24" in
    "2024-09" or in "last week"); an intrusion window written as a range is never narrowed to
    one of its days."""
    if finer.norm == outer.norm or "/" in finer.norm or outer.kind in WRITTEN_WINDOWS:
        return False
    low, _, high = outer.norm.partition("/")
    if high:
        return len(finer.norm) >= len(low) and low <= finer.norm[:len(low)] and finer.norm[:len(high)] <= high
    return len(finer.norm) > len(low) and finer.norm.startswith(low)


class _Intervals:
    """The dates of one rule role, indexed so that "is there a finer date inside this one" and "is
    this one inside a coarser one" are answered by bisection (linear time over a document)."""

    def __init__(self, options: Sequence[DateOption]) -> None:
        self.singles: dict[int, list[str]] = {}  # single dates by length (4, 7, 10), sorted
        self.norms = set()
        ranges: dict[int, list[tuple[str, str]]] = {}  # by the length of their start
        for o in options:
            self.norms.add(o.norm)
            if "/" in o.norm:
                low, high = o.norm.split("/")[0], o.norm.split("/")[-1]
                ranges.setdefault(len(low), []).append((low, high + "~"))  # "~" sorts after digits and "-"
            else:
                self.singles.setdefault(len(o.norm), []).append(o.norm)
        for values in self.singles.values():
            values.sort()
        # ranges by start, with the furthest end among those starting at or before each one
        self.ranges: dict[int, tuple[list[str], list[str]]] = {}
        for length, spans in ranges.items():
            spans.sort()
            reach: list[str] = []
            for _, high in spans:
                reach.append(max(high, reach[-1]) if reach else high)
            self.ranges[length] = ([low for low, _ in spans], reach)

    def has_finer(self, option: DateOption) -> bool:
        """A more precise single date lies inside ``option`` ("2024-09-24" in "2024-09")."""
        low, high = option.norm.split("/")[0], option.norm.split("/")[-1]
        for length, values in self.singles.items():
            if length <= len(low):
                continue
            i = bisect_left(values, low)
            if i < len(values) and values[i][:len(high)] <= high:
                return True
        return False

    def is_finer(self, option: DateOption) -> bool:
        """``option`` is a single date inside a coarser one of the same role."""
        day = option.norm
        if "/" in day:
            return False
        if any(day[:length] in self.norms for length in (4, 7) if length < len(day)):
            return True
        for length, (lows, reach) in self.ranges.items():
            i = bisect_right(lows, day) - 1
            if length < len(day) and i >= 0 and day <= reach[i]:
                return True
        return False


class DateOptions:
    """Every dated expression of a document, with what the features compare each one to
    (computed once, so the features of all options cost linear time)."""

    def __init__(self, options: Sequence[DateOption], *, published: date | None, body_start: int,
                 length: int, stated: Mapping[str, bool] | None = None) -> None:
        self.options = list(options)
        self.stated = dict(stated or {})  # the roles the date rules give a date
        self.published, self.body_start, self.length = published, body_start, length
        self.mentions: dict[str, int] = {}
        by_role: dict[str | None, list[DateOption]] = {}
        for o in self.options:
            self.mentions[o.norm] = self.mentions.get(o.norm, 0) + 1
            by_role.setdefault(o.role, []).append(o)
        self.first_of_role = {role: min(of, key=lambda o: o.start) for role, of in by_role.items()}
        self.span_of_role = {role: (min(o.first_day for o in of), max(o.first_day for o in of))
                             for role, of in by_role.items()}
        breach = [o.first_day for o in self.options if o.role in DATE_ROLES]
        self.breach_span = (min(breach), max(breach)) if breach else None
        self.intervals = {role: _Intervals(of) for role, of in by_role.items()}


def option_features(option: DateOption, role: str, document: DateOptions) -> dict[str, float]:
    """The named features of ``option`` as the date of ``role`` among the ``document``'s options."""
    f: dict[str, float] = {}
    f["rule_role"] = float(option.role == role)
    f["rule_other_role"] = float(option.role in DATE_ROLES and option.role != role)
    f["rule_no_cue"] = float(option.role is None and option.cue is None)
    f["letter_date"] = float(option.cue == "letter_date")
    for kind in CUE_KINDS:
        distance = min(option.distances.get(kind, math.inf), option.distances.get(f"{kind}_after", math.inf) + AFTER_TOLL)
        f[f"close_{kind}"] = math.exp(-distance / CLOSENESS_SCALE) if distance != math.inf else 0.0
    f["weak"], f["since"], f["also_discovered"] = float(option.weak), float(option.since), float(option.also_discovered)
    f["first_report"] = float(option.first_report)
    granularity = len(option.first_day)
    f["day"], f["month"], f["year"] = float(granularity == 10), float(granularity == 7), float(granularity == 4)
    f["range"] = float("/" in option.norm)
    f["relative"] = float(option.kind in RELATIVE_KINDS)
    f["season"] = float(option.kind == "season")
    body_start = document.body_start
    f["headline"] = float(option.start < body_start)
    f["position"] = (option.start - body_start) / max(1, document.length - body_start)
    f["sentence"] = math.log1p(option.sentence)
    f["context"] = option.context / 2
    f["victim_sentence"], f["other_incident"] = float(option.victim_sentence), float(option.other_incident)
    f["furniture"] = float(option.furniture)
    f["restated"] = math.log1p(document.mentions.get(option.norm, 1) - 1)
    if document.published is not None:
        delta = (document.published - _start_date(option.norm)).days
        f["future"] = float(delta < 0)
        f["age"] = math.log1p(max(0, delta)) / 5
        f["published_day"] = float(delta == 0 and granularity == 10)
        f["old"] = float(delta > 400)
        f["within_week"] = float(0 <= delta <= 7)
        f["within_quarter"] = float(7 < delta <= 90)
        f["within_year"] = float(90 < delta <= 400)
    if role in document.first_of_role:
        f["first_of_role"] = float(option is document.first_of_role[role])
        if option.role == role:
            earliest, latest = document.span_of_role[role]
            f["earliest_of_role"] = float(option.first_day == earliest)
            f["latest_of_role"] = float(option.first_day == latest)
    if document.breach_span is not None:
        f["earliest"] = float(option.first_day == document.breach_span[0])
        f["latest"] = float(option.first_day == document.breach_span[1])
    f["rule_role_day"] = f["rule_role"] * f["day"]
    f["rule_role_headline"] = f["rule_role"] * f["headline"]
    f["options"] = math.log1p(len(document.options))
    intervals = document.intervals[option.role]
    f["has_finer"] = float(intervals.has_finer(option))
    f["is_finer"] = float(intervals.is_finer(option))
    f["role_stated"] = float(document.stated.get(role, False))
    f["governor_role"] = float(option.governor == role)
    f["governor_other_role"] = float(option.governor in DATE_ROLES and option.governor != role)
    f["governor_other"] = float(option.governor == "other")
    return f


def governed(options: Iterable[DateOption], role: str) -> bool:
    """Some date of a sentence about the breach (not another incident's) is governed by a predicate
    of ``role`` in the parse ("on June 3 a clerk *faxed* the files to the wrong number", "the
    clinic, which said on May 2 it had been hacked, *discovered* it on April 28"): the role has a
    date even if no role cue of the date rules reaches it. An occurrence only from a date no cue
    gave another role, or a date the intrusion has lasted since (« touchés par un rançongiciel depuis le
    samedi 23 novembre, a confirmé… »): its predicates are common verbs ("took", "began", "obtained an
    order") that a parse error or a figure of speech puts on an announcement's date."""
    return any(o.governor == role and o.context > 0 and not o.other_incident and not o.ruled_out
               and (role != "occurred" or o.role in (None, "discovered") or o.since) for o in options)


@dataclass(frozen=True)
class DateChoice:
    """The date chosen for a role (``None``: the text states none) and its softmax share."""

    option: DateOption | None
    probability: float


def choose_date(features: Sequence[Mapping[str, float]], options: Sequence[DateOption],
                scorer: LinearScorer, role: str, *, stated: bool | None, floor: float | None = None) -> DateChoice:
    """The best option for ``role`` when the text states a date of it (``stated``: the role's cues
    found one), else none; ``stated=None`` lets "none" compete instead (``none_decides``,
    docs/dates.md). Options the rules ruled out never compete; a fallback (a letter's date line,
    ``weak``) competes only when no other date has the role's cue under a verb that is not of another
    role. Ties go to the option
    written first. The share is the chosen option's softmax probability against the others and
    "none" (whose score is 0: the scorer's bias is minus the role's ``none`` weight). ``floor``: when the
    rules say the role has a date but the best option scores below the floor and no cue of the role
    gave it, none does (a date of another role, such as the detection, is no reason to take the best
    of bad options; ``weights.yml`` ``date_choice.<role>.floor``, chosen by ``make train`` out of fold)."""
    eligible = [i for i, o in enumerate(options) if not o.ruled_out]
    # a date whose governing verb is of another role ("we were notified on May 3" under a disclosure
    # cue) does not shut out the letter's date line
    if any(options[i].role == role and not options[i].weak and options[i].governor in (None, "other", role)
           for i in eligible):
        eligible = [i for i in eligible if not options[i].weak]
    scores = {i: scorer.score(features[i]) for i in eligible}
    ceiling = max([0.0, *scores.values()])
    total = sum(math.exp(s - ceiling) for s in scores.values()) + math.exp(-ceiling)
    top = max(scores.values(), default=0.0)
    if not scores or stated is False or (stated is None and top <= 0.0):
        return DateChoice(None, math.exp(-ceiling) / total)
    chosen = options[min((i for i, s in scores.items() if s == top), key=lambda i: options[i].start)]
    if stated is True and floor is not None and top < floor and chosen.role != role:
        # a date its own cue gave the role stays, however coarse ("a hacker logged in in the spring")
        return DateChoice(None, math.exp(-ceiling) / total)
    # "la semaine dernière, le 5 juin": a finer date of the same role inside the chosen one
    finer = [options[i] for i in eligible if options[i].role in (chosen.role, role) and _refines(options[i], chosen)]
    if finer:
        chosen = min(finer, key=lambda o: (-len(o.first_day), o.first_day, o.start))
    return DateChoice(chosen, math.exp(top - ceiling) / total)
