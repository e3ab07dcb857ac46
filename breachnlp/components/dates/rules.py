"""``DateRules``: the dates of a text in one language, found (:mod:`.grammar`), resolved
(:mod:`.resolve`) and given a role (:mod:`.roles`). No spaCy here: the rules run on plain text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from ...resources import LanguageData, language_data
from ...text import PARAGRAPH_BREAK, Segment, cue_regex, fold, segment_at, split_sentences
from .grammar import DateGrammar
from .resolve import DateCandidate, PartialDate, attach_following_year, attach_last_year, join_ranges, resolve
from .roles import DateRoles, _alone_on_line, _is_dateline

_DAY_RANGES = frozenset({"day_range", "day_range_mdy"})


class DateRules:
    """The date grammar, resolution and role cues of one language (``resources/<lang>/dates.yml``,
    the ``# --- dates`` words and the settings of ``syntax.yml``)."""

    def __init__(self, language: LanguageData) -> None:
        self.lang = language.lang
        self.grammar = DateGrammar(language)
        self.roles = DateRoles(language)
        self.abbreviations = language.abbreviations
        data = language["dates"]
        self.night = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in data["night_words"]) + r")(?!\w)")
        self.small_hours = cue_regex(data["small_hours"])
        self.earlier = cue_regex(data["earlier_markers"])
        self.first_report = cue_regex(data["first_report_markers"])
        # the lemma of a date's governing predicate → the role it tells (``governors``); a verb of
        # notifying tells a disclosure when active, a discovery when passive ("was notified")
        self.governors = {lemma.lower(): role for role, lemmas in data["governors"].items() for lemma in lemmas
                          if role != "aspect"}
        # "began", « a commencé »: the verb they govern tells the role ("began notifying")
        self.aspect = frozenset(lemma.lower() for lemma in data["governors"]["aspect"])
        self.notified_public = frozenset(lemma.lower() for lemma in data["notified_public"])
        self.notified_organization = frozenset(lemma.lower() for lemma in data["notified_organization"])
        self.notified_authority = frozenset(lemma.lower() for lemma in data["notified_authority"])
        self.notice_nouns = frozenset(lemma.lower() for lemma in data["notice_nouns"])
        self.malicious_modifiers = frozenset(lemma.lower() for lemma in data["malicious_modifiers"])
        # "the attack", « l'intrusion »: a subject that makes any verb tell the incident's time
        self.incident_nouns = frozenset(fold(w) for w in data["incident_nouns"])
        # "the hackers", « les intrus »: an active subject whose deeds are the incident
        self.attacker_nouns = frozenset(fold(w) for w in data["attacker_nouns"])
        self.unauthorized = frozenset(fold(w) for w in data["unauthorized_modifiers"])
        self.aftermath = frozenset(w.lower() for w in data["attacker_aftermath"])
        joiners = [*data["range_join"], *language.words("syntax", "bare_range_joiners"),
                   *language.words("syntax", "day_range_joiners")]
        self.range_joiner = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in joiners if w) + r")(?!\w)|[-\u2013]")

    def sentences(self, text: str) -> list[Segment]:
        """The sentences the rules number (``DateCandidate.sentence``)."""
        return split_sentences(text, self.abbreviations)

    def predicate(self, lemma: str, phrases: Iterable[str]) -> str:
        """The predicate the governors know: the first of the multi-word ``phrases`` listed ("go
        missing", « avoir lieu »), else the ``lemma``."""
        return next((phrase for phrase in phrases if phrase in self.governors), lemma)

    def governor_role(self, lemma: str | None, *, passive: bool = False, to_us: bool = False,
                      subject: str | None = None, obj: str | None = None,
                      modifiers: Iterable[str] = (), actor: str | None = None, attacker: bool = False) -> str | None:
        """The role a governing predicate tells (``governors``), "other" for any other predicate,
        ``None`` without a parse. Any other verb whose object (or passive subject) is a notice
        (``notice_nouns``) dates a disclosure. A verb of notifying in the passive ("was notified"), with a
        first-person object ("notified us") or with the organization as its object ("warned the
        management", lemma ``obj``) is the organization learning of it, unless the passive's
        ``subject`` (a lemma) is the public it reaches ("patients were told": a disclosure) or a
        regulator ("the Commission was notified": the organization's filing). A verb of
        aspect whose subject is a notice ("notification started") dates the telling. Any other
        verb whose subject (``actor``, active or passive) is the incident itself dates the incident
        ("the attack was launched on Dec. 31", « l'intrusion remontait au 29 avril »), and so does
        any other verb the ``attacker`` did (:meth:`attacker_acts`: "the intruders got in on Oct. 4",
        « un tiers non autorisé a pu ouvrir les comptes le 23 juin »)."""
        if lemma is None:
            return None
        if lemma in self.aspect and actor is not None and actor.lower() in self.notice_nouns:
            return "disclosed"  # "notification of residents started on Thursday": what began is the telling
        role = self.governors.get(lemma, "other")
        notice = (obj in self.notice_nouns and not passive) or (passive and subject in self.notice_nouns)
        # ... unless it is the attackers' ("received a malicious email", « un courriel piégé »)
        if role == "other" and notice and not any(m in self.malicious_modifiers for m in modifiers):
            # whatever the verb, a notice it handles dates the telling: "got an email from the bank
            # on Friday", « notifications déposées le 8 août », "the letter went out on May 3"
            return "disclosed"
        if role == "other" and (self.incident_subject(actor) or attacker):
            return "occurred"
        if role == "notified":
            # "patients were told on May 30" is the telling, not the organization learning of it
            learned = (passive and subject not in self.notified_public) or to_us or \
                self.tells_the_organization(lemma, passive, obj)
            return "discovered" if learned and not self.tells_an_authority(lemma, passive, subject) else "disclosed"
        return role

    def incident_subject(self, actor: str | None) -> bool:
        """The subject of a predicate (a lemma) is the incident itself ("the attack", « l'intrusion »)."""
        return actor is not None and fold(actor) in self.incident_nouns

    def attacker_acts(self, subject: str | None, modifiers: Iterable[str] = (), predicate: str | None = None) -> bool:
        """``subject`` (the lemma of a predicate's acting subject, :func:`~breachnlp.syntax.acting_subject`)
        is the attacker: an attacker's noun ("the hackers", « les intrus ») or anyone whose ``modifiers``
        (:func:`~breachnlp.syntax.modifier_phrases`) say unauthorized ("an unauthorized party", « un
        tiers non autorisé »), and the ``predicate`` (a lemma) is no deed of the extortion that follows
        the intrusion (``attacker_aftermath``: "posted", "demanded", « a envoyé une capture »)."""
        return subject is not None and predicate not in self.aftermath and (
            fold(subject) in self.attacker_nouns or any(fold(m) in self.unauthorized for m in modifiers))

    def tells_the_organization(self, lemma: str | None, passive: bool, obj: str | None) -> bool:
        """A verb of notifying in the active whose object (a lemma) is the organization itself ("warned
        the management", « a averti la direction »): the organization learning of it."""
        return lemma is not None and self.governors.get(lemma) == "notified" and not passive \
            and obj in self.notified_organization

    def tells_an_authority(self, lemma: str | None, passive: bool, subject: str | None) -> bool:
        """A verb of notifying in the passive whose subject (a lemma) is a regulator ("the Commission
        was notified by the clinic", « la CNIL a été notifiée »): the organization's filing, a disclosure."""
        return lemma is not None and self.governors.get(lemma) == "notified" and passive \
            and subject is not None and subject in self.notified_authority

    def find(self, text: str, published: date | None) -> list[DateCandidate]:
        grammar, roles = self.grammar, self.roles
        folded = fold(text)
        sentences = self.sentences(text)
        chosen = grammar.scan(text, folded)
        candidates: list[DateCandidate] = []
        previous_day: PartialDate | None = None
        # what "the same day" refers to: the last day an event was dated, not the day of writing ("we
        # report today ... it was detected the same day" is the attack's day)
        event_day: PartialDate | None = None
        previous_month: PartialDate | None = None
        previous_end = -1
        # (sentence, end, year) of the last full date written with its year
        written_year: tuple[int, int, int] | None = None
        written_date: str | None = None  # that date itself (the last day of a range)
        # (sentence, end, year, month) of the last month written with its year ("in April 2022")
        written_month: tuple[int, int, int, int] | None = None
        paragraph_breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
        years_written: list[int] = []  # the years of the dates written with one so far, in order
        for start, end, kind, m in chosen:
            start, end = grammar.trim(folded, start, end)
            if kind in ("weekday", "later") and grammar.apposition(folded, start, previous_end, m):
                continue  # "le 2 avril, un dimanche", "on Oct. 15, six weeks later": a restatement
            sentence = segment_at(sentences, start) if sentences else 0

            def in_reach(anchor: tuple[int, ...] | None) -> bool:
                """``anchor`` (sentence, end, …) is in this sentence, the one before or this paragraph."""
                return anchor is not None and (sentence - anchor[0] <= 1 or bisect_left(paragraph_breaks, anchor[1])
                                               == bisect_left(paragraph_breaks, start))

            # "on March 19, 2022. … detected on March 26": a day without its year in the next
            # sentence or the same paragraph goes on in the year just written, not in the year of
            # publication
            story_year = written_year[2] if written_year and in_reach(written_year) else None
            if story_year is None and written_month and in_reach(written_month) and kind in ("dmy", "mdy") \
                    and m is not None and not m.group("y") \
                    and self.grammar.month_of.get(m.group("m").rstrip(".")) == written_month[3]:
                # "hit in April 2022; … discovered on April 12": a day of the month just written with
                # its year is in that year
                story_year = written_month[2]
            if kind in ("same_month", "same_day"):
                anchor = previous_month if kind == "same_month" else event_day
                value, parts = (PartialDate(anchor.year, anchor.month, anchor.day if kind == "same_day" else None)
                                if anchor is not None else None), ()
            else:
                value, parts = resolve(grammar, kind, m, published, previous_day, story_year,
                                       tuple(reversed(dict.fromkeys(years_written))))
                if story_year is not None and written_date is not None and kind in ("dmy", "mdy") \
                        and isinstance(value, PartialDate) and value.year == story_year and not m.group("y"):
                    value = self._later_in_story(folded, sentences, start, value, written_date, published)
            if kind in ("dmy", "mdy", "day_range", "day_range_mdy") and m is not None and m.group("y"):
                written_year = (sentence, end, int(m.group("y")))  # a full date, not a background year
                written_date = value.split("/")[-1] if isinstance(value, str) else \
                    value.iso() if isinstance(value, PartialDate) else None
            if kind == "month_year" and isinstance(value, PartialDate) and value.month is not None:
                written_month = (sentence, end, value.year, value.month)
            if m is not None and m.groupdict().get("y"):
                years_written.append(int(m.group("y")))
            if isinstance(value, PartialDate) and value.day is not None:
                previous_day = value
                if kind != "today":
                    event_day = value
            if isinstance(value, PartialDate) and value.month is not None:
                previous_month = value
            elif isinstance(value, str) and len(value) == 21 and kind in _DAY_RANGES:
                # "la nuit du 6 au 7 avril … repérée la nuit même": the same day as a span of days is its last
                y, mo, d = (int(p) for p in value[11:].split("-"))
                event_day = PartialDate(y, mo, d)
            previous_end = end
            norm = value.iso() if isinstance(value, PartialDate) else value
            candidates.append(DateCandidate(start, end, text[start:end], norm, None, sentence, kind, None, parts))
        candidates = join_ranges(grammar, text, folded, candidates, published)
        candidates = attach_last_year(grammar, text, folded, candidates, published)
        candidates = attach_following_year(grammar, folded, candidates)
        candidates = [self._after_midnight(folded, sentences, c) for c in candidates]
        out = []
        memo: dict[Any, Any] = {}  # each sentence's cues, found once for all its dates
        letter_head, letter_foot = roles.letter_lines(text, folded)
        first_reports: dict[int, bool] = {}  # whether each sentence tells a first announcement, found once
        release = roles.press_release(folded)
        for c in candidates:
            c = roles.with_role(folded, sentences, c, published, memo)
            c = replace(c, distances=tuple(sorted(roles.cue_distances(folded, sentences, c, memo).items())))
            since = bool(grammar.since.search(folded, max(0, c.start - 20), c.start)) and not roles.lasting(folded, sentences, c)
            dateline = _is_dateline(text, c)
            if dateline and release:
                # a press release's dateline: the organization's own statement, like a letter's date
                c = replace(c, role="disclosed", cue=(c.start, c.end, "letter_date"), weak=True)
            elif dateline:
                c = replace(c, role=None, cue=(c.start, c.end, "not_breach"))
            elif (c.start < letter_head or c.start >= letter_foot) and _alone_on_line(text, c) and c.norm \
                    and "/" not in c.norm and len(c.norm) >= 7:
                # "Rennes, le 31 juillet 2023" or "Bruxelles, avril 2025" heading a letter written by the
                # organization, or under its signature: when it notified, a disclosure date that any
                # announcement the letter dates comes before
                c = replace(c, role="disclosed", cue=(c.start, c.end, "letter_date"), weak=True)
            if c.sentence not in first_reports:
                sentence = sentences[c.sentence] if sentences else None
                first_reports[c.sentence] = bool(sentence and self.first_report.search(folded, sentence.start,
                                                                                        sentence.end))
            out.append(replace(c, since=since, first_report=first_reports[c.sentence]))
        return self._windows(text, folded, sentences, out, memo)

    def _later_in_story(self, folded: str, sentences: list[Segment], start: int, value: PartialDate,
                        written: str, published: date | None) -> PartialDate:
        """"aware of it on October 6, 2024 … the review, completed on April 15, …": a day without its
        year that the year just written would put before that date is, told in order, in the next
        year, when that is not after publication; a past perfect before it ("had begun on April 15")
        tells an earlier event, and keeps the year."""
        if published is None or value.iso() >= written:
            return value
        later = PartialDate(value.year + 1, value.month, value.day)
        if later.iso() > published.isoformat():
            return value
        sentence_start = sentences[segment_at(sentences, start)].start if sentences else 0
        if self.earlier.search(folded, sentence_start, start):
            return value
        return later

    def _at_night(self, folded: str, c: DateCandidate) -> bool:
        """A night word stands right before the date: "dans la nuit du 6 au 7 avril", "overnight from"."""
        return self.night.search(folded, max(0, c.start - 30), c.start) is not None

    def _after_midnight(self, folded: str, sentences: list[Segment], c: DateCandidate) -> DateCandidate:
        """"dans la nuit du 25 au 26 janvier, vers 1 h 30", "the night of May 3 to 4, shortly after
        midnight": a night written as two days with an hour after midnight in its clause is the
        second day (without the hour it stays the night's two days)."""
        if not c.norm or "/" not in c.norm:
            return c
        first, second = c.norm.split("/")
        try:
            if len(first) != 10 or len(second) != 10 or \
                    (date.fromisoformat(second) - date.fromisoformat(first)).days != 1:
                return c
        except ValueError:
            return c  # "31 février": no such day
        if not self._at_night(folded, c):
            return c
        end = sentences[c.sentence].end if sentences else len(folded)
        if self.small_hours.search(folded, c.end, min(end, c.end + 60)) is None:
            return c
        return replace(c, norm=second)

    def _windows(self, text: str, folded: str, sentences: list[Segment], candidates: list[DateCandidate],
                 memo: dict[Any, Any]) -> list[DateCandidate]:
        """Intrusion windows and the day they ended when that is the day they were found.

        "got in on August 12 and kept access until September 14" is one window (its end written
        with a ``window_end`` cue, both dates occurrences of one sentence); a window followed by
        a detection clause ("…, the day staff discovered the attack", "…, quand l'entreprise a
        découvert l'intrusion") ends on the discovery day: its last day is also written as a
        discovery date."""
        out: list[DateCandidate] = []
        for i, c in enumerate(candidates):
            previous = out[-1] if out else None
            end: DateCandidate | None = None
            if previous is not None and previous.role == c.role == "occurred" and previous.sentence == c.sentence \
                    and previous.norm and c.norm and "/" not in previous.norm + c.norm \
                    and previous.norm <= c.norm and c.start - previous.end <= 120 and self.roles.ends_window(folded, c):
                out[-1] = replace(previous, end=c.end, expr=text[previous.start:c.end], norm=f"{previous.norm}/{c.norm}",
                                  kind="range", also_discovered=False)
                end = c
            else:
                out.append(c)
                # a span of written days, not a night ("found during that same night" is the night's)
                joiners = list(self.range_joiner.finditer(folded, c.start, c.end)) \
                    if c.role == "occurred" and c.kind in _DAY_RANGES | {"range"} and c.norm and len(c.norm) == 21 \
                    and not self._at_night(folded, c) else []
                if joiners:
                    start = joiners[-1].end()
                    start += len(text[start:c.end]) - len(text[start:c.end].lstrip())
                    end = replace(c, start=start, expr=text[start:c.end], norm=c.norm[11:], kind="range_end")
            if end is None or end.start >= end.end:
                continue
            cue = self.roles.discovery_after(folded, sentences, end, memo)
            # the detection clause dates nothing of its own ("…; staff spotted it on Aug. 5")
            if cue is not None and (i + 1 == len(candidates) or candidates[i + 1].sentence != c.sentence):
                out.append(replace(end, role="discovered", cue=(*cue, "discovered"), also_discovered=False))
        return out


@lru_cache(maxsize=8)
def date_rules(lang: str, resources: str = "default") -> DateRules:
    return DateRules(language_data(lang, str(resources)))
