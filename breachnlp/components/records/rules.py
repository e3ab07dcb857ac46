"""The record-count rules of one language: figures, their unit, qualifier and score.

Pure rules (no spaCy): :class:`RecordRules` reads ``records.yml``, ``numbers.yml``, ``dates.yml``,
``text.yml`` and the ``# --- records`` section of ``syntax.yml`` of one language and finds every
figure of a text that may count the people or records of a breach (:class:`CountCandidate`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, TypeVar

from price_parser import Price

from ...numbers import CURRENCIES, NumberMatch, grammar
from ..dates.grammar import date_skip_pattern
from ...resources import LanguageData, language_data, read_resource
from ...text import Segment, cue_regex, fold, interval_index, phrase_regex, segment_at, split_sentences

_CLAUSE_COMMA = re.compile(r",(?!\d)")  # a comma between clauses, not inside "1,200"
_CLAUSE_REACH = 160  # characters between a relative pronoun and the figure of its clause
_IDENTIFIER_TAIL = re.compile(r"[^\W\d_]-$")  # a letter and a hyphen right before the digits
# A lower-case word right after a figure, plural in writing (ending in s or x): "enseignants", "teachers".
_PLURAL_NOUN = re.compile(r"\s+([a-zà-ÿ][a-zà-ÿ'’-]{2,}[sx])(?![\w])")
_SLASHED_BEFORE = re.compile(r"\d/$")  # digits, a slash, then the figure
_SLASHED_AFTER = re.compile(r"/\d")
# A line of capitalized words after a figure ("109-125 Knightsbridge", "12 Harbour Road").
_CAPITALIZED_LINE = re.compile(r"[ \t]*[\d.,\-–]*(?:[ \t]+[^\W\d_][\w'’.-]*)+[ \t]*")
# How many lines a letterhead's address may take at the top of a text.
LETTERHEAD_LINES = 4


def _letterhead_line(text: str, start: int) -> bool:
    """The figure at ``start`` opens one of the first lines of the text (or ends a range opening it), and
    the rest of the line is capitalized words: an address under the sender's name, no count."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t0123456789.,-–") or text.count("\n", 0, line_start) > LETTERHEAD_LINES:
        return False
    line_end = text.find("\n", start)
    line = text[start:line_end if line_end >= 0 else len(text)]
    return bool(_CAPITALIZED_LINE.fullmatch(line)) and not any(w[:1].islower() for w in line.split())


_WORD = re.compile(r"[\w'-]{1,200}")  # capped: matching a whole "1-1-1-…" run made each figure cost the run
# an ISO code right before a figure ("PLN 29,648", "KSh 525,000")
# a capitalized word right before a figure that no unit follows: the figure ends a name
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])[A-ZÀ-ÖØ-Þ][\w'’-]* $")
_CODE_BEFORE = re.compile(r"(?<![\w])([A-Z][A-Za-z]{2})\s?$")
RECORD_UNITS = ("people", "records", "appointments", "accounts", "files")
# What a figure that tells an organization's size loses from its score (``CountCandidate.population``).
POPULATION_PENALTY = 4.0


@dataclass(frozen=True)
class CountCandidate:
    """A figure found in the text, with what the rules know about it."""

    start: int
    end: int
    value: int | None
    unit: str | None
    qualifier: str
    score: float
    sentence: int
    significant: int = 0
    population: bool = False
    revision: bool = False
    initial: bool = False
    range_start: bool = False
    cues: tuple[tuple[int, int, str], ...] = field(default=())
    # no figure: the data of one person named as one ("one patient's records"), the count only
    # when the text gives no figure (``breach_assemble``)
    single_subject: bool = False


_Rules = TypeVar("_Rules", bound="RecordRules")

class RecordRules:
    """The record-count rules of one language, compiled from ``resources/<lang>/records.yml``."""

    @classmethod
    def from_data(cls: type[_Rules], data: LanguageData) -> _Rules:
        """The rules of ``data``'s language, from ``data``'s source."""
        return cls(data.lang, data.source)

    def __init__(self, lang: str, resources: str = "default") -> None:
        data = read_resource(lang, "records", resources)
        dates = read_resource(lang, "dates", resources)
        words = language_data(lang, resources)
        self.lang = lang
        self.grammar = grammar(lang, resources)
        self.abbreviations = words.abbreviations
        self.qualifier_before = {q: re.compile(r"(?:^|(?<=[\s('’]))(?:" + "|".join(
            re.escape(fold(p)) for p in sorted(data["qualifiers"][q], key=len, reverse=True)) + r")\s*$")
            for q in ("approx", "at_least", "at_most")}
        self.qualifier_after = {q: re.compile(r"\s*,?\s*(?:" + "|".join(
            re.escape(fold(p)) for p in data["qualifiers_after"][q]) + r")(?!\w)")
            for q in ("approx", "at_least", "at_most")}
        between = "|".join(re.escape(fold(w)) for w in data["range_between"])
        articles = words.alternation("syntax", "count_range_articles")
        self.range_between = re.compile(rf"(?<!\w)(?:{between})\s+(?:{articles} )?$")
        self.range_join = re.compile(r"^\s*(?:" + "|".join(re.escape(fold(w)) for w in data["range_and"])
                                     + r"|-|–)\s*$")
        self.units = {unit: re.compile(phrase_regex(data["units"][unit], plural=True)) for unit in RECORD_UNITS}
        self.non_record = re.compile(phrase_regex(data["non_record_nouns"], plural=True))
        self.money = re.compile(r"^\s*(?:" + "|".join(data["money_markers"]) + r")(?!\w)")
        # a currency code is a word of its own ("rs 500"), not the end of one ("covers 500")
        self.money_before = re.compile("(?:" + "|".join(
            ("(?<![^\\W\\d_])" if marker[:1].isalpha() else "") + re.escape(marker)
            for marker in sorted(set(words.words("records", "money_before")), key=len, reverse=True)) + r")\s*$")
        any_qualifier = "|".join(re.escape(fold(p)) for q in data["qualifiers"].values() for p in q)
        # "home to between 11,000 and 12,000 people": a range may open after the cue
        self.population = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(p)) for p in data["population_cues"])
                                     + rf")\s+(?:(?:{any_qualifier})\s*)?(?:(?:{between})\s+)?$")
        # "50,000 of our 330,000 members": a part and the whole it is taken from (a demonstrative whole,
        # "of these 252 accounts", is the count said before)
        wholes = "|".join(re.escape(fold(p)) for p in sorted(data["whole_links"], key=len, reverse=True))
        restated = "|".join(re.escape(fold(p)) for p in sorted(data["restated_whole_links"], key=len, reverse=True))
        self.whole_link = re.compile(rf"\s*(?:(?P<restated>{restated})|(?:{wholes}))\s+(?:(?:{any_qualifier})\s*)?")
        self.share_of = re.compile(r"(?:" + "|".join(re.escape(fold(p)) for p in data["share_of"])
                                   + rf")\s+(?:(?:{any_qualifier})\s*)?$")
        # (a few words may stand between: "a dataset on breachforums with 15 million lines")
        self.data_subject = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in data["data_subjects"])
                                       + r")(?:\s+[\w'-]+){0,3}?\s+$")
        # "le groupe revendique 12 hôpitaux, 371 centres et plus de 6 millions de patients": every
        # figure of a list the size verb opens is a size
        coordinators = words.alternation("syntax", "name_coordinators")
        item = rf"\d[\d\s.,]*(?:\s+[^\d.;:!?,]{{1,40}}?)?\s*(?:,|\s{coordinators}\s)\s*"
        self.population_list = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(fold(p)) for p in data["population_cues"])
            + rf")\s+(?:(?:{any_qualifier})\s*)?(?:{item}){{1,4}}(?:{coordinators}\s+)?(?:(?:{any_qualifier})\s*)?$")
        # "600 000 patients par an", "25 residents each": a rate or a share after the unit, a size
        rates = "|".join(re.escape(fold(p)) for p in data["rate_after"])
        self.rate_after = re.compile(r"\s*,?\s*(?:" + rates + r")(?![\w])")
        self.count_set_at = re.compile("|".join(f"(?:{p})" for p in data["count_set_at"]))
        # "401, chemin Smyth", "2200 Main Street": the number of a street address
        streets = "|".join(re.escape(w) for s in data["street_words"] for w in (s, s.capitalize()))
        self.street_after = re.compile(rf"\s*,?\s+(?:(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\s+){{0,3}})(?:{streets})(?![\w])")
        self.blockers = _words_before(data["preceding_blockers"])
        self.reference_label = _words_before(data["reference_labels"], then=r"\s*:")
        # "depuis 2009 les enregistrements", "since 2009 records": a year, though a unit follows it
        self.year_before = _words_before(data["year_before"])
        joiners = "|".join(re.escape(fold(w)) for w in data["year_list_joiners"])
        self.year_listed = re.compile(rf"(?<![\w.,])(?:19|20)\d\d\s*(?:{joiners})\s*$")
        # « la loi 1581 de 2012 », "the Data Protection Act 2018": a law's year, its number between
        laws = "|".join(re.escape(fold(w)) for w in data["legislation_words"])
        law_joiners = "|".join(re.escape(fold(w)) for w in data["legislation_year_joiners"])
        # ... and a document's number ("case note 248601", « délibération 2022-118 »)
        documents = "|".join(re.escape(fold(w)) for w in data["reference_words"])
        # (on the same line: a heading's "DECISION" over a numbered paragraph is no reference)
        self.reference_number = re.compile(rf"(?<![\w])(?:(?:{laws})\s+|(?:{documents})[ \t]+)(?:n[o°º.]*\s*)?$")
        self.law_year = re.compile(rf"(?<![\w])(?:{laws})(?:\s+(?:n[o°º.]*\s*)?\d[\d./-]*)?(?:\s+(?:{law_joiners}))?\s*$")
        self.context = cue_regex(data["breach_context"])
        # "the personal information of 51,400 teachers": whose data it is, the noun after the figure
        self.data_of = re.compile("(?:" + "|".join(f"(?:{p})" for p in data["data_of_before"]) + ")")
        # ", qui emploie …", ", which has …": a relative clause that describes the organization
        self.describing = re.compile(rf",\s*{words.alternation('syntax', 'subject_relatives')}\s")
        # read on the parse: the verbs whose object (or subject) a figure counts as an organization's size
        self.size_predicates = frozenset(fold(w) for w in data["size_predicates"])
        self.size_holders = frozenset(fold(w) for w in data["size_holders"])
        self.size_blockers = frozenset(fold(w) for w in data["size_blockers"])
        self.data_subject_words = frozenset(fold(w) for w in data["data_subjects"])
        self.revision = cue_regex(data["revision_cues"])
        self.initial = cue_regex(data["initial_cues"])
        # the attackers' word before a figure ("they claim 135gb / 178,319 files", « selon les pirates »)
        self.claimed = cue_regex(data["claim_cues"])
        # a cue right before a figure that makes it the superseded one ("up from", "au lieu de")
        self.superseded = re.compile(cue_regex(data["superseded_cues"]).pattern
                                     + rf"\s*(?:{words.alternation('syntax', 'superseded_determiners')}\s+)*$")
        # words right after a figure (and its unit) that make it a part of a larger count
        self.subset_after = re.compile(r"\s*(?:" + "|".join(data["subset_after"]) + r")(?![\w])")
        self.compound_head_last = data["compound_head"] == "last"
        # "de"/"of" must end a word; an elided "d'" or a possessive "'s" need not
        links = sorted(set(words.words("syntax", "unit_links")), key=len, reverse=True)
        self.unit_links = frozenset(fold(w) for w in links)
        self.skippable = re.compile(r"\s*(?:(?:" + "|".join(
            re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") for w in links) + r")\s*)")
        self.fillers = re.compile(r"\s*(?:" + "|".join(re.escape(fold(f)) for f in data["unit_fillers"]) + r")(?![\w])")
        # ... and a number: "à la fin de l'année 2016 deux personnes", the count is the second figure
        # (not "a"/« un »: an article more often than the number one, "12,000 of a bank's customers")
        numbers = words["numbers"]
        articles = set(words.words("syntax", "indefinite_articles"))
        self.unit_stops = frozenset(fold(w) for w in (*data["unit_search_stops"], *numbers["units"], *numbers["tens"])
                                    if w not in articles)
        self.date_like = re.compile(date_skip_pattern(words))  # the dates grammar's written dates
        # "breaches affecting 500 or more people": the threshold of a reporting rule, not a count
        self.threshold_before = re.compile(r"(?:" + "|".join(data["threshold_before"]) + r")\s*$")
        self.threshold_after = re.compile(r"\s*(?:" + "|".join(data["threshold_after"]) + r")(?![\w])")
        # the inhabitants of a country or a region after a figure: a capitalized plural with a demonym
        # ending, after the unit links ("de", "d'", "of")
        self.demonym = re.compile(r"\s*(?:(?:" + "|".join(re.escape(w) for w in links) + r")\s*)?"
                                  r"([A-ZÀ-Ý][a-zà-ÿ]{2,}(?:" + "|".join(data["demonym_endings"]) + r"))(?![\w])")
        # a time of day ("vers 3 h 15", "at 2:40 a.m."): its minutes are no count
        self.clock = re.compile(r"(?<![\w,.])(?:" + "|".join(data["clock_times"]) + r")(?![\w])")
        self.single_subject = cue_regex(data["single_subject"])
        self.staff_noun = re.compile(r"(?:" + "|".join(data["staff_nouns"]) + r")(?![\w])")
        self.postal = re.compile("|".join(f"(?:{p})" for p in data["postal_addresses"]), re.MULTILINE)
        self.phone = re.compile(
            r"(?<![\d\w])(?:\+\d{1,3}[\s.-]?)?(?:0\d(?:[\s.-]?\d{2}){4}|0\s?\d{3}(?:\s\d{3}){2}"
            r"|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|1[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4})(?!\d)")

    def _set_at(self, folded: str, reach: int, start: int) -> bool:
        """The figure at ``start`` is what a count is set at ("put the number of accounts at some 3
        million", « porte le bilan à environ 900 »), a qualifier between them or not."""
        if self.count_set_at.search(folded, reach, start):
            return True
        for pattern in self.qualifier_before.values():
            qualifier = pattern.search(folded, reach, start)
            if qualifier:
                return bool(self.count_set_at.search(folded, reach, qualifier.start()))
        return False

    def _describing(self, folded: str, sentence: Segment, start: int) -> bool:
        """The figure at ``start`` stands in a relative clause about an organization (", qui
        accompagne 50 000 résidents,", ", which has 60,000 employees") that does not speak of
        the breach."""
        if self._set_at(folded, max(sentence.start, start - 90), start):
            return False  # ", which puts the number of accounts concerned at 3 million,": the count itself
        opener = None
        # the clause opens within a few words of the figure: a bounded look back keeps long
        # sentences with many figures linear
        for opener in self.describing.finditer(folded, max(sentence.start, start - _CLAUSE_REACH), start):
            pass
        if opener is None or _CLAUSE_COMMA.search(folded, opener.end(), start):
            return False
        close = _CLAUSE_COMMA.search(folded, start, sentence.end)
        return not self.context.search(folded, opener.start(), close.start() if close else sentence.end)

    # ------------------------------------------------------------------ unit
    def unit_after(self, folded: str, pos: int, free_skips: int = 2) -> tuple[str | None, tuple[int, int] | None]:
        """The unit noun counted by a figure ending at ``pos`` ("other" for a distractor noun).

        Between the figure and its noun may stand "de"/"of", filler words ("current and former")
        and at most ``free_skips`` other words (an adjective: "6 000 anciens patients", "500 Texas
        patients").
        """
        for _ in range(6):
            skip = self.skippable.match(folded, pos)
            if skip and skip.end() > pos:
                pos = skip.end()
            while pos < len(folded) and folded[pos] == " ":
                pos += 1
            if pos >= len(folded) or folded[pos] in ".;:!?\n":
                return None, None
            if folded[pos] == "%":
                return "other", (pos, pos + 1)
            unit, span = self._unit_at(folded, pos)
            if unit == "other" and span is not None:
                # "city employees", "hospital patients": the other noun only modifies the counted one
                head, head_span = self._unit_at(folded, _skip_spaces(folded, span[1]))
                if head in RECORD_UNITS:
                    return head, (span[0], head_span[1])  # type: ignore[index]
            if unit:
                if unit != "other":
                    unit, span = self._compound(folded, span, unit)
                return unit, span
            filler = self.fillers.match(folded, pos)
            if filler:
                pos = filler.end()
                continue
            word = _WORD.match(folded, pos)  # at pos, without copying the rest of the text
            if not word or free_skips == 0 or word.group() in self.unit_stops or word.group().isdigit():
                return None, None
            free_skips -= 1
            pos = word.end()
        return None, None

    def _unit_at(self, folded: str, pos: int) -> tuple[str | None, tuple[int, int] | None]:
        best: tuple[int, str] | None = None
        for unit, pattern in self.units.items():
            m = pattern.match(folded, pos)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), unit)
        other = self.non_record.match(folded, pos)
        if other and (best is None or other.end() > best[0]):
            return "other", (pos, other.end())
        if best:
            return best[1], (pos, best[0])
        return None, None

    def _compound(self, folded: str, span: tuple[int, int], unit: str) -> tuple[str, tuple[int, int]]:
        """English "patient records": the last noun of the compound is counted."""
        if not self.compound_head_last:
            return unit, span
        pos = span[1]
        while pos < len(folded) and folded[pos] == " ":
            pos += 1
        following, following_span = self._unit_at(folded, pos)
        if following in RECORD_UNITS:
            return following, (span[0], following_span[1])  # type: ignore[index]
        if following == "other":
            return "other", (span[0], following_span[1])  # type: ignore[index]  # "140 physician practices"
        return unit, span

    def unit_before(self, folded: str, sentence: Segment, start: int) -> str | None:
        window = folded[max(sentence.start, start - 80):start]
        best: tuple[int, str] | None = None
        for unit, pattern in self.units.items():
            for m in pattern.finditer(window):
                if best is None or m.start() > best[0]:
                    best = (m.start(), unit)
        return best[1] if best else None

    # ------------------------------------------------------------- candidates
    def candidates(self, text: str) -> list[CountCandidate]:
        """All count candidates of ``text`` (distractors removed), scored, in text order."""
        folded = fold(text)
        sentences = self.sentences(text)
        excluded = [m.span() for m in self.date_like.finditer(folded)]
        excluded += [m.span() for m in self.phone.finditer(text)]
        excluded += [m.span() for m in self.clock.finditer(folded)]
        excluded += [m.span() for m in self.postal.finditer(text)]
        excluded += _year_spans(folded)
        found: list[CountCandidate] = []
        numbers = self.grammar.find(text, folded)
        excluded_index = interval_index(excluded)
        memo: dict[tuple[str, int, int], object] = {}  # per-sentence searches, done once per sentence
        for number in numbers:
            if _overlaps_indexed(number.start, number.end, excluded_index):
                continue
            candidate = self._candidate(text, folded, sentences, number, memo)
            if candidate is not None:
                found.append(candidate)
        found = _breakdowns(folded, sentences,
                            _refine_bounds(self._parts_of_wholes(folded, self._link_ranges(folded, found))))
        # a number word under twenty is the count only where no figure counts people or records: the
        # one-off case (« la liste de huit personnes ») next to a breach the text measures in figures,
        # it is a detail ("two employees clicked the link")
        small = {n.start for n in numbers if n.kind == "small_words"}
        if small and any(c.start not in small and c.value and c.unit in RECORD_UNITS and not c.population
                         for c in found):
            found = [c for c in found if c.start not in small]
        return sorted([*found, *self._single_subjects(folded, sentences)], key=lambda c: c.start)

    def _single_subjects(self, folded: str, sentences: list[Segment]) -> list[CountCandidate]:
        """"the medical file of a single patient", « le dossier d'une patiente »: one person, no figure."""
        return [CountCandidate(m.start(), m.end(), 1, "people", "exact", 0.0, segment_at(sentences, m.start()),
                               cues=((m.start(), m.end(), "single_subject"),), single_subject=True)
                for m in self.single_subject.finditer(folded)]

    def _candidate(self, text: str, folded: str, sentences: list[Segment], number: NumberMatch,
                   memo: dict[tuple[str, int, int], object] | None = None) -> CountCandidate | None:
        start, end = number.start, number.end
        before = folded[max(0, start - 40):start]
        after = folded[end:end + 40]
        if self.money.match(after) or self.money_before.search(before) or _is_money(text, start, end, number.value):
            return None
        if number.kind == "digits" and self.reference_label.search(before):
            return None  # "N/Réf. : 111519", "Our ref.: 204417": a file reference on a letter's heading
        if number.kind == "digits" and _IDENTIFIER_TAIL.search(folded, max(0, start - 2), start):
            return None  # "Covid-19", "W-2", "SAN-2019": the digits end a name or a reference
        if number.kind == "digits" and text[start:start + 1] == "0" and text[start + 1:start + 2].isdigit():
            return None  # "0042011-70.2022": a leading zero writes a file or case number, never a count
        if number.kind == "digits" and (_SLASHED_BEFORE.search(folded, max(0, start - 2), start)
                                        or _SLASHED_AFTER.match(folded, end)):
            return None  # "(2/6)", "case no. 20/01813", "1/3": a part of a thread, a file number, a fraction
        if self.street_after.match(text, end):
            return None
        if self.reference_number.search(before):
            return None  # « la loi 1581 », "Law No. 25,326", "case note 248601": the number of a law or a document
        year = _year_shaped(text, number)
        if year and (self.year_before.search(before) or self.year_listed.search(before) or self.law_year.search(before)):
            return None  # "depuis 2009", "since 2009", "in 2021 and 2022": a year, whatever noun follows it
        # a year counts only the noun right after it: "an old 2017 copy of the patient database" is dated
        unit, unit_span = self.unit_after(folded, end, free_skips=0 if year else 2)
        if unit == "other":
            return None
        if unit_span and self.rate_after.match(folded, unit_span[1]):
            return None
        if self.threshold_before.search(before) and (self.threshold_after.match(folded, end) or (
                unit_span is not None and self.threshold_after.match(folded, unit_span[1]))):
            return None  # "breaches affecting 500 or more people must be reported": a rule's threshold
        sentence_index = segment_at(sentences, start)
        sentence = sentences[sentence_index] if sentences else Segment(0, len(text))
        unit_guessed = False
        if unit is None:
            people = self.demonym.match(text, end)
            if people:  # "78,8 millions d'Américains", "of 5 million Australians": people of a country
                unit, unit_span = "people", (people.start(1), people.end(1))
        if number.kind == "small_words" and not self._small_count(text, folded, number, unit, unit_span, sentence):
            return None
        # a year after a name, whatever noun follows ("the Tenant Survey 2012 email", « le fichier Plan
        # Canicule 2019 personnes vulnérables »): the year of the name's edition, not a count
        name_word = _NAME_BEFORE.search(text, max(sentence.start, start - 40), start) if unit is None or year else None
        if name_word and text[sentence.start:name_word.start()].strip():
            return None  # "Cicada 3301", "USL Umbria 2", "Office 365": the number of a name (a word opening
            # the sentence is capitalized for that: « Environ 50 000 »)
        if unit is None and _letterhead_line(text, start):
            return None  # "109-125 Knightsbridge" under a letter's sender: a street number
        if unit is None:
            if year:
                return None  # a year
            if number.kind == "digits" and not number.has_multiplier and self.blockers.search(before) \
                    and not self._set_at(folded, max(0, start - 90), start):
                return None
            owners = _PLURAL_NOUN.match(text, end) if self.data_of.search(before) else None
            if owners:  # "les renseignements personnels de 51 400 enseignants": people whose data it is
                unit, unit_span = "people", (owners.start(1), owners.end(1))
            else:
                unit = self.unit_before(folded, sentence, start)
                unit_guessed = unit is not None
        qualifier = "exact"
        for name, pattern in self.qualifier_before.items():
            if pattern.search(before):
                qualifier = name
                break
        else:
            for name, pattern in self.qualifier_after.items():
                # "4 000 environ", "4,000 patients or so"
                if pattern.match(folded, end) or (unit_span is not None and pattern.match(folded, unit_span[1])):
                    qualifier = name
                    break
        cues: list[tuple[int, int, str]] = []
        key = ("context", sentence.start, sentence.end)
        if memo is None or key not in memo:
            context = self.context.search(folded[sentence.start:sentence.end])
            if memo is not None:
                memo[key] = context
        context = memo[key] if memo is not None else context  # type: ignore[assignment]
        if context:
            cues.append((sentence.start + context.start(), sentence.start + context.end(), "breach_context"))
        if unit_span:
            cues.append((unit_span[0], unit_span[1], "unit"))
        size = self.population.search(before)
        claim = self.claimed.search(folded, max(sentence.start, start - 80), start)
        if size and claim and claim.start() < start - len(before) + size.start() <= claim.end():
            # "says it has 3.5M guest records": what the attackers claim to hold, no size (a word that is
            # both, « revendique 1 million de clients », stays a size)
            size = None
        # "the stolen data covers 4.8 million people", « le fichier volé compte 30 000 noms »: what the
        # size verb's subject holds is the count, not the organization's size
        population = (bool(size) and not self.data_subject.search(before, 0, size.start())) or \
            bool(self.population_list.search(folded, max(sentence.start, start - 160), start)) or \
            bool(self.share_of.search(before))  # "11 % des 3,6 millions de dossiers": the whole, not the part
        revision, initial = self._revision(folded, sentence, start, memo)
        if self.superseded.search(folded, max(sentence.start, start - 40), start):
            revision, initial = False, True  # "192.7 million, up from the 190 million": the old figure
            cues.append((start, end, "superseded"))
        if claim:
            cues.append((start, end, "claimed"))  # the spec: the count only when the text gives no other
        subset = self.subset_after.match(folded, end) or (unit_span and self.subset_after.match(folded, unit_span[1]))
        if subset:
            cues.append((subset.start(), subset.end(), "subset"))  # "1.3 million of the people": a part
        # a count in a clause describing the organization tells its size ("the group, which has
        # 149,000 employees", "le groupe, qui accompagne 50 000 résidents,")
        if self._describing(folded, sentence, start):
            return None
        score = 0.0
        if number.value is not None:
            score += 3.0 if unit and not unit_guessed else 1.5 if unit else 0.0
            score += 2.0 if context else 0.0
            score += 1.0 if sentence_index == 0 else 0.0
            score -= POPULATION_PENALTY if population else 0.0
            score -= 1.0 if (number.value or 0) < 10 else 0.0
            score -= 2.0 if subset else 0.0
        return CountCandidate(start, end, number.value, unit, qualifier, score, sentence_index,
                              number.significant, population, revision, initial, False, tuple(cues))

    def _small_count(self, text: str, folded: str, number: NumberMatch, unit: str | None,
                     unit_span: tuple[int, int] | None, sentence: Segment) -> bool:
        """A number word under twenty counts only the people or records its own noun names (not "two
        files", "three accounts": pieces of a breach, not its count), at most two words after it and not
        through "of"/« de » ("four patients", « huit anciens élèves »; not "two of its patients", "two
        years"), not the organization's own staff (``records.yml`` ``staff_nouns``: "the mailboxes of four
        employees" tells whose accounts, not whose data), and not as a capitalized word inside a
        sentence ("Nine Entertainment", a name)."""
        if unit not in ("people", "records") or unit_span is None \
                or (text[number.start].isupper() and text[sentence.start:number.start].strip()):
            return False
        between = folded[number.end:unit_span[0]].split()
        return len(between) <= 2 and not any(word in self.unit_links for word in between) \
            and not self.staff_noun.match(folded, unit_span[0])

    def sentences(self, text: str) -> list[Segment]:
        """The sentences the rules number (``CountCandidate.sentence``)."""
        return split_sentences(text, self.abbreviations)

    def tells_a_size(self, relation: str, verb: str, dependents: Iterable[str]) -> bool:
        """A figure that ``relation`` ("object" or "subject") ties to the verb of lemma ``verb`` counts
        what an organization has or serves ("pays 5 million employees", "4 million people hold the
        card"), unless a dependent of the verb (lemmas) makes it a count: a data noun as subject ("the
        stolen file has 40,000 customers"), an existential or impersonal word (« il y a », « on compte »)."""
        words = self.size_predicates if relation == "object" else self.size_holders
        return fold(verb) in words and not any(
            folded in self.data_subject_words or folded in self.size_blockers for folded in map(fold, dependents))

    def _revision(self, folded: str, sentence: Segment, start: int,
                  memo: dict[tuple[str, int, int], object] | None = None) -> tuple[bool, bool]:
        """(revised, initial): the last revision or first-estimate cue of the sentence before the
        figure decides ("d'abord 9 800 ; porté ensuite à 11 236"); a cue after it counts when none precede."""
        if memo is not None and sentence.end - sentence.start > 2000:  # no real sentence is so long
            return self._revision_indexed(folded, sentence, start, memo)
        last: tuple[int, str] | None = None
        for kind, pattern in (("revision", self.revision), ("initial", self.initial)):
            for m in pattern.finditer(folded, sentence.start, start):
                if last is None or m.start() > last[0]:
                    last = (m.start(), kind)
        if last is None:
            for kind, pattern in (("revision", self.revision), ("initial", self.initial)):
                m = pattern.search(folded, start, sentence.end)
                if m and (last is None or m.start() < last[0]):
                    last = (m.start(), kind)
        return (last is not None and last[1] == "revision"), (last is not None and last[1] == "initial")

    def _revision_indexed(self, folded: str, sentence: Segment, start: int,
                          memo: dict[tuple[str, int, int], object]) -> tuple[bool, bool]:
        """:meth:`_revision` from the sentence's cue matches, found once per sentence (a long
        sentence full of figures stays linear)."""
        key = ("revision", sentence.start, sentence.end)
        if key not in memo:
            found = {}
            for kind, pattern in (("revision", self.revision), ("initial", self.initial)):
                matches = list(pattern.finditer(folded, sentence.start, sentence.end))
                found[kind] = ([m.start() for m in matches], [m.end() for m in matches])
            memo[key] = found
        index: dict[str, tuple[list[int], list[int]]] = memo[key]  # type: ignore[assignment]
        last: tuple[int, str] | None = None
        for kind in ("revision", "initial"):  # the last cue ending before the figure
            starts, ends = index[kind]
            i = bisect_right(ends, start) - 1
            if i >= 0 and (last is None or starts[i] > last[0]):
                last = (starts[i], kind)
        if last is None:
            for kind in ("revision", "initial"):  # else the first one from the figure on
                starts, _ = index[kind]
                i = bisect_left(starts, start)
                if i < len(starts) and (last is None or starts[i] < last[0]):
                    last = (starts[i], kind)
        return (last is not None and last[1] == "revision"), (last is not None and last[1] == "initial")

    def _link_ranges(self, folded: str, found: list[CountCandidate]) -> list[CountCandidate]:
        """"entre 10 000 et 15 000 patients": the upper bound, ``at_most``; the lower one is not a count."""
        linked = list(found)
        for i in range(len(linked) - 1):
            low, high = linked[i], linked[i + 1]
            if low.value is None or high.value is None or low.value >= high.value:
                continue
            if not self.range_join.match(folded[low.end:high.start]):
                continue
            if not self.range_between.search(folded[max(0, low.start - 20):low.start]) and low.unit is not None:
                continue
            unit = high.unit or low.unit
            linked[i] = replace(low, range_start=True, score=low.score - 5.0)
            # a range of the organization's size ("home to between 11,000 and 12,000 people") is a size
            population = low.population and not high.population
            linked[i + 1] = replace(high, qualifier="at_most", unit=unit, population=high.population or low.population,
                                    score=max(high.score, low.score) - (POPULATION_PENALTY if population else 0.0))
        return linked

    def _parts_of_wholes(self, folded: str, found: list[CountCandidate]) -> list[CountCandidate]:
        """"50,000 of our 330,000 members", « 50 000 de nos 330 000 adhérents »: the first figure is the
        part hit, counting what the second counts; the second, the organization's whole, is a size.
        After a demonstrative ("20 of these 252 accounts", « 20 de ces 252 comptes ») the whole is the
        count said before, and the first figure a part of it."""
        out = list(found)
        for i in range(len(out) - 1):
            part, whole = out[i], out[i + 1]
            if part.value is None or whole.value is None or part.value >= whole.value or part.range_start:
                continue
            link = self.whole_link.match(folded, part.end, whole.start)
            if link is None or link.end() != whole.start:
                continue
            if link.group("restated"):
                out[i] = replace(part, score=part.score - 2.0, unit=part.unit or whole.unit,
                                 cues=(*part.cues, (part.end, whole.start, "subset")))
                continue
            gain = 3.0 if part.unit is None and whole.unit is not None else 0.0  # the unit the whole names
            out[i] = replace(part, unit=part.unit or whole.unit, score=part.score + gain,
                             cues=(*part.cues, (part.end, whole.start, "part_of_whole")))
            if not whole.population:
                out[i + 1] = replace(whole, population=True, score=whole.score - POPULATION_PENALTY)
        return out


def _refine_bounds(found: list[CountCandidate]) -> list[CountCandidate]:
    """"more than 1,300 people … the hospital's count is 1,309": a bare figure after a rounded count of
    people or records ("more than", "about") that it writes out digit for digit (same length, the
    rounded count's two or more significant digits first) is that count made exact: its unit, its
    score. "up to 200" and a range's upper bound say too little of the count to be refined so."""
    out = list(found)
    for i, bare in enumerate(out):
        if bare.unit is not None or bare.value is None or bare.qualifier != "exact" or bare.range_start:
            continue
        for bound in reversed(out[:i]):
            if bound.unit not in ("people", "records") or bound.value is None or bound.population \
                    or bound.qualifier not in ("at_least", "approx") or bound.range_start:
                continue
            digits = str(bound.value).rstrip("0")
            if len(digits) >= 2 and bare.value != bound.value and len(str(bare.value)) == len(str(bound.value)) \
                    and str(bare.value).startswith(digits):
                out[i] = replace(bare, unit=bound.unit, score=bound.score)
                break
    return out


# How many figures back a breakdown's total may stand.
_BREAKDOWN_REACH = 6


def _breakdowns(folded: str, sentences: list[Segment], found: list[CountCandidate]) -> list[CountCandidate]:
    """"8,122 people in all: 1,987 applicants, 4,566 staff and 1,569 retirees": the figures after a
    colon that follows a larger count of people or records, in the same sentence, are its parts."""
    out = list(found)
    colons = [m.start() for m in re.finditer(":", folded)]
    for i, part in enumerate(out):
        if part.value is None:
            continue
        # the few figures before it (a bounded look back keeps a text of many figures linear)
        for total in reversed(found[max(0, i - _BREAKDOWN_REACH):i]):
            if total.sentence != part.sentence:
                break
            k = bisect_left(colons, total.end)
            if k < len(colons) and colons[k] < part.start and total.unit in ("people", "records") \
                    and total.value is not None and total.value > part.value and not total.population:
                out[i] = replace(part, score=part.score - 2.0, cues=(*part.cues, (part.start, part.end, "subset")))
                break
    return out


def _skip_spaces(folded: str, pos: int) -> int:
    while pos < len(folded) and folded[pos] == " ":
        pos += 1
    return pos


def _is_money(text: str, start: int, end: int, value: int | None) -> bool:
    """A currency sign right before the figure (any of Unicode's: "₦2.9 billion", "₱500"), or
    price-parser sees a currency right around it ("$22 million", "4 millions d'euros")."""
    sign = text[max(0, start - 2):start].rstrip()
    if sign and unicodedata.category(sign[-1]) == "Sc":
        return True
    code = _CODE_BEFORE.search(text, max(0, start - 5), start)
    if code and code.group(1).upper() in CURRENCIES:
        return True
    window = text[max(0, start - 2):min(len(text), end + 10)]
    price = Price.fromstring(window)
    # price-parser also reads words such as "Le" as currencies: trust only symbols and ISO codes,
    # and a code only as a word of its own ("eur" inside « 310 000 joueurs » is no euro)
    if price.amount is None or price.currency is None:
        return False
    if "$" in price.currency:
        return True
    return price.currency.upper() in CURRENCIES and (not price.currency.isalpha() or re.search(
        rf"(?<![^\W\d_]){re.escape(price.currency)}(?![^\W\d_])", window, re.IGNORECASE) is not None)


def _overlaps_indexed(start: int, end: int, index: tuple[list[int], list[int]]) -> bool:
    """Whether ``start:end`` overlaps one of the spans of an :func:`~breachnlp.text.interval_index`."""
    starts, max_ends = index
    i = bisect_left(starts, end)
    return i > 0 and max_ends[i - 1] > start


@lru_cache(maxsize=8)
def record_rules(lang: str, resources: str = "default") -> RecordRules:
    return RecordRules(lang, resources)


_YEAR_SPAN = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s?[/\u2013-]\s?(\d{4}|\d{2})(?![\d.,]?\d)")


def _words_before(words: Iterable[str], then: str = "") -> re.Pattern[str]:
    """One of ``words`` (folded) right before a figure, whole, followed by ``then`` (a pattern: a
    label's colon) if given."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(fold(w)) for w in words) + r")" + then + r"\s*$")


def _year_shaped(text: str, number: NumberMatch) -> bool:
    """Four plain digits from 1900 to 2100: a year, unless the text says it counts something."""
    return number.kind == "digits" and not number.has_multiplier and 1900 <= (number.value or 0) <= 2100 \
        and re.fullmatch(r"\d{4}", text[number.start:number.end]) is not None


def _year_spans(folded: str) -> list[tuple[int, int]]:
    """"2022/23", "2019-2020": a school or fiscal year (the second year follows the first), no figure."""
    spans = []
    for m in _YEAR_SPAN.finditer(folded):
        first, second = int(m.group(1)), m.group(2)
        if int(second) == (first + 1 if len(second) == 4 else (first + 1) % 100):
            spans.append(m.span())
    return spans
