"""How ``breach_assemble`` links the extractors' spans to the main breach (see the package docstring).

Reads the span groups named in :class:`AssemblySettings` and decides the victim and its parent,
the record count, one date per role and one status per data category, discounting sentences
about another incident or another organization.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from ...resources import language_data, read_resource
from ...confidence import confidence, date_features, organization_features, records_features
from ...schema import BreachDates, BreachRecord, Evidence, OrganizationRole, RecordCount, parse_published
from ...scoring import LinearScorer
from ...taxonomy import DATE_ROLES
from ...text import LINE_OPENING, PARAGRAPH_BREAK, Segment, cue_regex, fold, informal_text, split_sentences
from ..base import doc_text
from ..dates.choose import (WRITTEN_WINDOWS, DATE_CHOICE_FEATURES, DateOption, DateOptions, choose_date, governed,
                            option_features, restatements)
from ..phi import PhiMention, document_status
from ..org import AUTHORITY, NEVER_VICTIM, VICTIM_MARGIN
from ..records import RECORD_UNITS, CountCandidate, candidate_from_span, choose_count, counts_people_or_records
from ..records.choose import COUNT_CHOICE_FEATURES, CountOption, choose_count_fitted, count_option_features

MIN_COUNT_SCORE = 3.0  # a figure below it is not about the breach (records.choose_count)

EVIDENCE_KEY = "breach"


@dataclass(frozen=True)
class AssemblySettings:
    """Where the assembler reads: the span groups the other components wrote, and the language
    data (``resources`` as for :class:`~breachnlp.components.base.BreachComponent`)."""

    lang: str
    resources: str = "default"
    org_key: str = "breach_org"
    records_key: str = "breach_records"
    dates_key: str = "breach_dates"
    phi_key: str = "breach_phi"

    @property
    def keys(self) -> tuple[str, str, str, str]:
        return self.org_key, self.records_key, self.dates_key, self.phi_key


# The settings of the assembler that processed a Doc, for ``doc._.breach`` to read it the same way.
_SETTINGS: "weakref.WeakKeyDictionary[Doc, AssemblySettings]" = weakref.WeakKeyDictionary()


# What a figure loses as the count where its sentence goes on about another organization that its
# paragraph named first: as much as naming another organization outright (:meth:`_Context.weight`).
CARRIED_PENALTY = 2.0


@dataclass
class _Context:
    """Sentence-level facts the linking rules need."""

    victim_sentences: set[int]
    anaphor_sentences: set[int]
    other_org_sentences: set[int]
    other_incident_sentences: set[int]
    other_named_sentences: set[int]
    furniture_sentences: set[int]
    unknown_count_sentences: set[int]  # "…has not said how many were affected"
    # sentences with a noun anaphor ("the board", « la régie »), not a pronoun ("their" may be anyone's)
    noun_anaphor_sentences: set[int] = field(default_factory=set)
    # sentences that go on about another organization its paragraph named first (:func:`_carried_topic`)
    carried_sentences: set[int] = field(default_factory=set)
    # sentences that speak of the breach by a definite noun ("the leak", « l'affaire »), whoever they name
    incident_anaphor_sentences: set[int] = field(default_factory=set)

    def about_main(self, sentence: int) -> bool:
        """False for a sentence about another incident or naming only another organization."""
        if sentence in self.other_incident_sentences or sentence in self.furniture_sentences:
            return False
        # "According to the council, the data taken includes … of subscribers to its CHOICE magazine":
        # the anaphor is the victim speaking, whatever else the sentence names
        return sentence in self.victim_sentences or sentence in self.noun_anaphor_sentences or \
            sentence in self.incident_anaphor_sentences or sentence not in self.other_org_sentences

    def weight(self, sentence: int) -> float:
        """How much a fact in ``sentence`` belongs to the main breach."""
        if sentence in self.furniture_sentences:
            return -5.0  # "Read more: …", a photo credit: another story, not this one
        score = 0.0
        if sentence in self.victim_sentences:
            score += 2.0
        elif sentence in self.anaphor_sentences:
            score += 1.0
        elif sentence - 1 in self.victim_sentences:
            score += 0.5  # the sentence right after one naming the victim goes on about it
        if sentence in self.other_incident_sentences:
            score -= 3.0
        if sentence not in self.victim_sentences:
            if sentence in self.other_org_sentences:
                score -= 2.0
            elif sentence in self.other_named_sentences:
                score -= 1.0
        return score

    def count_weight(self, sentence: int) -> float:
        """How much a figure in ``sentence`` counts the main breach: :meth:`weight`, less where the
        sentence goes on about another organization its paragraph named first (a feature's other
        victims: "St. Croix Hospice noticed odd activity. … The hospice said 21,407 patients were
        affected")."""
        carried = sentence in self.carried_sentences and sentence not in self.victim_sentences
        return self.weight(sentence) - (CARRIED_PENALTY if carried else 0.0)


class _Cues:
    def __init__(self, lang: str, resources: str = "default") -> None:
        cues = read_resource(lang, "cues", resources)
        orgs = read_resource(lang, "orgs", resources)
        text = read_resource(lang, "text", resources)
        self.other_incident = cue_regex(cues["other_incident"])
        self.incident_openers = cue_regex(cues["incident_openers"])
        self.anaphors = cue_regex([re.escape(fold(a)) for a in orgs["anaphors"]])
        self.abbreviations = language_data(lang, resources).abbreviations
        self.unknown_count = cue_regex(read_resource(lang, "records", resources)["unknown_count"])
        self.furniture = re.compile(LINE_OPENING + "(?:" + "|".join(f"(?:{p})" for p in text["furniture_lines"]) + ")")
        # a sentence that opens on a definite description of a kind of organization ("The information
        # broker, a division of…", « L'hébergeur, filiale de… ») speaks of one named before
        articles = "|".join(re.escape(fold(a)) for a in language_data(lang, resources).words("syntax", "name_articles"))
        kinds = "|".join(re.escape(fold(d)) for d in sorted(orgs["descriptors"], key=len, reverse=True))
        self.first_person = language_data(lang, resources).whole_words("text", "first_person")
        self.definite_opening = re.compile(rf"\s*(?:{articles})\s*(?:[\w-]+\s+){{0,2}}?(?:{kinds})(?!\w)")
        # the breach named by a definite noun ("the leak", « l'affaire »): the sentence speaks of this incident
        definite = "|".join(re.escape(fold(a)) for a in language_data(lang, resources).words("syntax", "definite_articles"))
        incidents = "|".join(re.escape(fold(w)) for w in sorted(orgs["incident_words"], key=len, reverse=True))
        self.incident_anaphor = re.compile(rf"(?<![\w'])(?:{definite})\s*(?:{incidents})(?![\w])")


@lru_cache(maxsize=8)
def _cues(lang: str, resources: str = "default") -> _Cues:
    return _Cues(lang, resources)


def _sentence(span: Span) -> int:
    return int((span._.breach_features or {}).get("sentence", 0))


def _group(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


def _inside_name(names: list[tuple[int, int]], start: int, end: int) -> bool:
    """The characters ``start:end`` lie inside one of ``names`` (sorted ``(start, end)`` ranges)."""
    i = bisect_right(names, (start, float("inf"))) - 1
    return i >= 0 and names[i][0] <= start and end <= names[i][1] and (start, end) != names[i]


def _heading(text: str, sentence: Segment, next_start: int) -> bool:
    """``sentence`` is a heading of the paragraph starting at ``next_start``: one short line without a
    sentence end, a blank line after it."""
    line = text[sentence.start:sentence.end].strip()
    return 0 < len(line) <= 100 and "\n" not in line and not line.endswith((".", "!", "?")) \
        and bool(PARAGRAPH_BREAK.search(text, max(0, sentence.end - 1), next_start))


def _context(doc: Doc, orgs: list[Span], settings: AssemblySettings) -> _Context:
    cues = _cues(settings.lang, settings.resources)
    text = doc_text(doc)
    folded = fold(text)
    sentences = split_sentences(text, cues.abbreviations)
    # the parent speaks for its unit (the spec counts its announcement as the disclosure)
    victim = {_sentence(s) for s in orgs if s._.org_role in ("victim", "parent")}
    # organizations that look like victims too (other incidents of a feature, vendors hit)
    other = {_sentence(s) for s in orgs if s._.org_role in ("other", "vendor") and s._.org_score >= 0.0
             and not (s._.breach_features or {}).get("place")}
    named = {_sentence(s) for s in orgs if s._.org_role in ("other", "vendor")}
    # ... of them, those that are organizations (not a place or a person the NER found)
    named_orgs = {_sentence(s) for s in orgs if s._.org_role in ("other", "vendor")
                  and not (s._.breach_features or {}).get("place") and not (s._.breach_features or {}).get("person")}
    other_starts = sorted(s.start_char for s in orgs if s._.org_role not in ("victim", "parent"))
    anaphor, incident, furniture, unknown, noun_anaphor = set(), set(), set(), set(), set()
    passage: set[int] = set()  # sentences of a passage an incident opener began
    headed: set[int] = set()  # an opener that is a heading ("Not the only one"): it heads the next paragraph
    for i, segment in enumerate(sentences):
        if cues.unknown_count.search(folded, segment.start, segment.end):
            unknown.add(i)
        for m in cues.anaphors.finditer(folded, segment.start, segment.end):
            noun = " " in m.group().strip() or "'" in m.group()
            if noun and _describes_name(doc, m.end(), other_starts):
                continue  # « l'opérateur public Telecom X », "the retailer Y": another's description
            anaphor.add(i)
            if noun:
                noun_anaphor.add(i)
                break
        if cues.incident_openers.search(folded, segment.start, segment.end):
            incident.add(i)
            passage.add(i)
            if i > 0 and _heading(text, sentences[i - 1], segment.start):
                incident.add(i - 1)  # "Miami: ten minutes away, 13,617 clients" heads that passage
            if i + 1 < len(sentences) and _heading(text, segment, sentences[i + 1].start):
                headed.add(i)
        elif cues.other_incident.search(folded, segment.start, segment.end):
            incident.add(i)
        elif i - 1 in passage and i not in victim and (i - 1 in headed or not PARAGRAPH_BREAK.search(
                text, sentences[i - 1].start, segment.start)):
            # "It is not the first time its files were breached. In 2003, a student…": the paragraph goes
            # on about the other incident until it names the victim again
            incident.add(i)
            passage.add(i)
        line_start = folded.rfind("\n", 0, segment.start) + 1
        if cues.furniture.match(folded, line_start) and "\n" not in folded[line_start:segment.start]:
            furniture.add(i)
    # (not where the description is the name's own head: « La commune de Brackton »)
    definite = {i for i, segment in enumerate(sentences)
                if (m := cues.definite_opening.match(folded, segment.start))
                and not any(o.start_char < m.end() and m.start() < o.end_char for o in orgs)}
    # a paragraph opening in the first person ("flaws in some of our systems") speaks for the victim too
    first_person = {i for i, segment in enumerate(sentences) if cues.first_person.search(folded, segment.start, segment.end)}
    carried = _carried_topic(text, sentences, victim, named_orgs, definite | first_person)
    incident_anaphor = {i for i, segment in enumerate(sentences)
                        if cues.incident_anaphor.search(folded, segment.start, segment.end)}
    return _Context(victim, anaphor, other, incident, named, furniture, unknown, noun_anaphor, carried,
                    incident_anaphor)


def _describes_name(doc: Doc, end: int, name_starts: list[int]) -> bool:
    """The noun anaphor ending at character ``end`` is the description of a name right after it, with
    at most two adjectives between (« l'opérateur public Telecom X », "the insurer Acme"): it speaks of that
    name, not of the victim (« l'établissement du groupe X » still speaks of the victim)."""
    i = bisect_left(name_starts, end)
    if i == len(name_starts) or name_starts[i] - end > 40:
        return False
    gap = doc_text(doc)[end:name_starts[i]]
    if gap[:1] not in (" ", "\u00a0"):
        return False
    if not gap.strip():
        return True
    start = end + len(gap) - len(gap.lstrip())
    between = doc.char_span(start, end + len(gap.rstrip()), alignment_mode="expand")
    # (the tagger does not run here: lower-case words that are not function words stand for adjectives)
    return between is not None and len(between) <= 2 and \
        all(t.is_alpha and t.is_lower and not t.is_stop for t in between)


def _carried_topic(text: str, sentences: list[Segment], victim: set[int], other: set[int],
                   definite: set[int]) -> set[int]:
    """The sentences of a paragraph whose first sentence names another organization and not the
    victim, up to the first that names the victim: they go on about that organization ("Gloucester
    County detected an intrusion. … it mailed notices to 3,527 people"). A first sentence that opens
    on a definite description ("The broker, a unit of X,": ``definite``) goes on about the victim."""
    carried: set[int] = set()
    topic_other = False
    for i, segment in enumerate(sentences):
        opens = i == 0 or bool(PARAGRAPH_BREAK.search(text, sentences[i - 1].start, segment.start))
        if i in victim:
            topic_other = False
        elif opens:
            topic_other = i in other and i not in definite
        elif topic_other and i not in other:
            carried.add(i)
    return carried


_ASSEMBLED: "weakref.WeakKeyDictionary[Doc, tuple[tuple[Any, ...], BreachRecord]]" = weakref.WeakKeyDictionary()


def _fingerprint(doc: Doc, settings: AssemblySettings) -> tuple[Any, ...]:
    """Which span groups (by identity and size) and anchor a record was assembled from."""
    groups = tuple((key, id(doc.spans[key]), len(doc.spans[key])) for key in settings.keys if key in doc.spans)
    return groups + (doc._.published, doc._.body_start, settings)


def assemble_record(doc: Doc, settings: AssemblySettings | None = None) -> BreachRecord:
    """The main breach of ``doc`` from its span groups (what ``doc._.breach`` returns).

    ``settings`` default to those of the ``breach_assemble`` component that processed ``doc``
    (its span keys and data), else to the default keys and the packaged data of ``doc.lang_``.
    The record the component built is reused while the span groups it read are still the Doc's
    (replacing a group, or the anchor, makes the next access recompute).
    """
    if settings is None:
        settings = _SETTINGS.get(doc) or AssemblySettings(doc.lang_)
    cached = _ASSEMBLED.get(doc)
    fingerprint = _fingerprint(doc, settings)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    record = _assemble(doc, settings)
    _ASSEMBLED[doc] = (fingerprint, record)
    return record


def _assemble(doc: Doc, settings: AssemblySettings) -> BreachRecord:
    orgs = _group(doc, settings.org_key)
    context = _context(doc, orgs, settings)
    evidence: list[Evidence] = []

    decision: dict[str, dict[str, float]] = {}

    # organization
    victim_spans = [s for s in orgs if s._.org_role == "victim"]
    candidates_by_name = {s._.org_name: s for s in orgs if s._.org_role not in NEVER_VICTIM}
    candidate_scores = {name: float(s._.org_score or 0.0) for name, s in candidates_by_name.items()}
    best_span = max(candidates_by_name.values(), key=lambda s: s._.org_score or 0.0, default=None)
    decision["organization"] = organization_features(
        candidate_scores.values(), threshold=VICTIM_MARGIN,
        top=(best_span._.breach_features or {}).get("victim") if best_span is not None else None, headline=any(c[2] == "headline" for s in victim_spans for c in s._.breach_cues or ()))
    organization = victim_spans[0]._.org_name if victim_spans else None
    aliases = tuple((victim_spans[0]._.breach_features or {}).get("aliases", ())) if victim_spans else ()
    parent_spans = [s for s in orgs if s._.org_role == "parent"]
    parent = parent_spans[0]._.org_name if parent_spans else None
    evidence += [_evidence(s, role="victim") for s in victim_spans]
    others: list[str] = []
    other_breaches: list[str] = []
    roles: dict[str, str] = {}
    for span in orgs:
        features = span._.breach_features or {}
        if (features.get("place") or features.get("person")) and span._.org_role not in ("victim", "parent"):
            continue  # a place or a person the NER found is no organization
        name = span._.org_name
        if span._.org_role != "victim" and name not in others:
            others.append(name)
        if span._.org_role == "other" and name not in other_breaches and (
                span._.org_score >= VICTIM_MARGIN or any(c[2] == "other_incident_victim" for c in span._.breach_cues or ())):
            other_breaches.append(name)
        role = span._.org_role or "other"
        roles.setdefault(name, "regulator" if role == AUTHORITY else role)  # the spec's roles
    organizations = tuple(OrganizationRole(name, "other_victim" if name in other_breaches else role)
                          for name, role in roles.items())

    # record count
    count_spans = _group(doc, settings.records_key)
    candidates, chosen = _ruled_figures(count_spans, context)
    rule_value = chosen.value if chosen is not None else None
    count_share = None
    count_scorer = _count_scorer(settings.lang, settings.resources)
    if count_scorer is not None:
        options, features = _count_option_features(doc, candidates, rule_value, context)
        # a lone figure the rules take is stated, unless its sentence is about another organization
        stated = chosen is not None and len(options) == 1 and context.count_weight(chosen.sentence) >= 0
        pick = choose_count_fitted(options, features, count_scorer, min_score=MIN_COUNT_SCORE, stated=stated)
        chosen, count_share = (pick.option.candidate if pick.option is not None else None), pick.probability
    by_value: dict[int, list[float]] = {}
    for c in candidates:
        if counts_people_or_records(c):
            by_value.setdefault(c.value, []).append(c.score)
    decision["records"] = records_features(by_value, chosen.value if chosen is not None else None, MIN_COUNT_SCORE,
                                           chosen is not None and chosen.qualifier != "exact", share=count_share,
                                           rule_agrees=(chosen.value if chosen is not None else None) == rule_value)
    if chosen is None:
        chosen = _single_subject(count_spans, context)
    records = None
    if chosen is not None and chosen.value is not None:
        unit = chosen.unit if chosen.unit in RECORD_UNITS else "other"
        restated = [c for c in candidates if c.value == chosen.value and not c.range_start and not c.initial]
        if unit == "other":  # "5.5 million" in the headline, "5.5 million patients" in the body
            unit = next((c.unit for c in restated if c.unit in RECORD_UNITS), "other")
        qualifier = chosen.qualifier
        if qualifier == "exact":  # "1,4 million" in the headline, "environ 1,4 million" in the body
            qualifier = next((c.qualifier for c in restated if c.qualifier != "exact"), "exact")
        records = RecordCount(chosen.value, unit, qualifier)  # type: ignore[arg-type]
        evidence += [_evidence(s) for s in count_spans if s._.records_value == chosen.value
                     and not (s._.breach_features or {}).get("range_start")]

    # dates
    date_spans = _group(doc, settings.dates_key)
    choice = _date_scorers(settings.lang, settings.resources)
    rule_dates, weights, chosen_spans = _nearest_cue_dates(date_spans, context)
    dates: dict[str, str | None] = rule_dates
    shares: dict[str, float] = {}
    if choice:
        dates, weights, shares, chosen_spans = _fitted_dates(
            doc, date_spans, context, choice, rule_dates,
            none_decides=_date_none_decides(settings.lang, settings.resources),
            floors=_date_floors(settings.lang, settings.resources))
    for role, span in chosen_spans.items():
        evidence += [_evidence(s, role=role) for s in date_spans
                     if s._.date_norm == span._.date_norm and (s is span or s._.date_role == role)]
    breach_dates = BreachDates(**dates)
    primary_role = next((r for r in ("occurred", "disclosed", "discovered") if dates[r]), None)
    restated, relative = restatements(((s._.date_norm, str((s._.breach_features or {}).get("kind") or ""))
                                       for s in date_spans), dates[primary_role] if primary_role else None)
    decision["date"] = date_features(breach_dates.primary, weights.get(primary_role) if primary_role else None,
                                     sum(1 for s in date_spans if s._.date_norm),
                                     sum(1 for r in DATE_ROLES if dates[r]),
                                     share=shares.get(primary_role or "occurred"),
                                     rule_agrees=breach_dates.primary == BreachDates(**rule_dates).primary,
                                     primary_role=primary_role, restated=restated, relative=relative,
                                     letter=any(c[2] == "letter_date" for s in date_spans for c in s._.breach_cues or ()),
                                     informal=informal_text(doc_text(doc)))

    # data categories
    phi_spans = _group(doc, settings.phi_key)
    # a data word inside the victim's name ("Arvel Soins à domicile", "Dossier Santé Inc.") names no data
    names = sorted((o.start_char, o.end_char) for o in orgs if o._.org_role in ("victim", "parent"))
    counted = [s for s in phi_spans if s._.phi_context == "exposure" and context.about_main(_sentence(s))
               and not _inside_name(names, s.start_char, s.end_char)]
    mentions = [PhiMention(s.start_char, s.end_char, s._.phi_category, s._.phi_status, "exposure", _sentence(s))
                for s in counted]
    phi = document_status(mentions)
    evidence += [_evidence(s, category=s._.phi_category, status=s._.phi_status) for s in counted
                 if phi.get(s._.phi_category) == s._.phi_status]

    evidence.sort(key=lambda e: (e.start, e.label))
    body_start = doc._.body_start or 0
    if body_start:
        evidence = [_onto_input(e, body_start) for e in evidence]
    return BreachRecord(
        organization=organization,
        organization_aliases=aliases,
        parent_organization=parent,
        records=records,
        date=breach_dates,
        phi=phi,
        other_organizations=tuple(others),
        other_breaches=tuple(other_breaches),
        spans=tuple(evidence),
        organizations=organizations,
        confidence=confidence(settings.lang, decision, settings.resources),
        decision=decision,
    )


def _nearest_cue_dates(date_spans: list[Span], context: _Context) -> tuple[
        dict[str, str | None], dict[str, float], dict[str, Span]]:
    """The date of each role by the first turn's rule: the date its nearest cue gave the role, in the
    sentence most about the breach, the first written on a tie, refined by a finer date of the same
    role inside it. It chooses when the language has no fitted ``date_choice`` weights; otherwise
    it says which roles have a date at all and is a feature of the fitted choice."""
    dates: dict[str, str | None] = {}
    weights: dict[str, float] = {}
    chosen: dict[str, Span] = {}
    for role in DATE_ROLES:
        pool = [(context.weight(_sentence(s)) - (1.5 if (s._.breach_features or {}).get("since") else 0.0)
                 - (3.0 if _weak(s) else 0.0),
                 -s.start_char, s) for s in date_spans if s._.date_role == role and s._.date_norm
                and _sentence(s) not in context.other_incident_sentences]
        pool = [p for p in pool if p[0] >= -1.0 or (_weak(p[2]) and p[0] >= -4.0)]
        if not pool and role == "discovered":
            # no detection date of its own: an intrusion date whose clause says it was found then
            pool = [(context.weight(_sentence(s)) - 1.0, -s.start_char, s) for s in date_spans
                    if s._.date_role == "occurred" and s._.date_norm and (s._.breach_features or {}).get("also_discovered")]
            pool = [p for p in pool if p[0] >= -1.0]
        if not pool:
            dates[role] = None
            continue
        top = max(pool, key=lambda p: (p[0], p[1]))
        best = top[2]
        # "in the spring … on May 7", "la semaine dernière, le 24 septembre": a finer date of the
        # same role inside the chosen one, wherever it is said
        finer = [p[2] for p in pool if _inside(p[2], best)]
        if finer:
            best = min(finer, key=lambda s: (-len(s._.date_norm.split("/")[0]), _start_key(s._.date_norm),
                                             s.start_char))
        dates[role], weights[role], chosen[role] = best._.date_norm, top[0], best
    return dates, weights, chosen


def date_options(doc: Doc, date_spans: list[Span], context: _Context) -> list[tuple[Span, DateOption]]:
    """Every dated span of ``doc`` as an option of the fitted date choice; those the date rules
    ruled out (a cue gave no role: a deadline, a court, a sanction's announcement, a dateline, a
    date after publication) are marked so, to be compared with, never chosen."""
    out = []
    for s in date_spans:
        cues = s._.breach_cues or ()
        if not s._.date_norm:
            continue
        features = s._.breach_features or {}
        sentence = _sentence(s)
        out.append((s, DateOption(
            start=s.start_char, norm=s._.date_norm, role=s._.date_role, cue=cues[0][2] if cues else None,
            kind=str(features.get("kind") or ""), sentence=sentence, distances=features.get("cue_distances") or {},
            since=bool(features.get("since")), weak=bool(features.get("weak")),
            also_discovered=bool(features.get("also_discovered")), first_report=bool(features.get("first_report")),
            context=context.weight(sentence),
            victim_sentence=sentence in context.victim_sentences,
            other_incident=sentence in context.other_incident_sentences,
            furniture=sentence in context.furniture_sentences,
            ruled_out=s._.date_role is None and bool(cues), governor=features.get("governor"))))
    return out


def date_option_features(doc: Doc, options: list[DateOption],
                         stated: dict[str, str | None]) -> dict[str, list[dict[str, float]]]:
    """The features of every option as the date of each role (``stated``: the nearest-cue rule's dates)."""
    document = DateOptions(options, published=parse_published(doc._.published), body_start=doc._.body_start or 0,
                           length=len(doc.text), stated={r: v is not None for r, v in stated.items()})
    return {role: [option_features(o, role, document) for o in options] for role in DATE_ROLES}


def date_choice_inputs(doc: Doc, settings: AssemblySettings | None = None) -> tuple[
        list[DateOption], dict[str, list[dict[str, float]]]]:
    """The options of the date choice of ``doc`` and their features for each role (what ``make
    train`` fits the ``date_choice`` weights on)."""
    settings = settings or _SETTINGS.get(doc) or AssemblySettings(doc.lang_)
    context = _context(doc, _group(doc, settings.org_key), settings)
    spans = _group(doc, settings.dates_key)
    options = [o for _, o in date_options(doc, spans, context)]
    return options, date_option_features(doc, options, _nearest_cue_dates(spans, context)[0])


def _fitted_dates(doc: Doc, date_spans: list[Span], context: _Context, scorers: dict[str, LinearScorer],
                  stated: dict[str, str | None], none_decides: bool = False,
                  floors: dict[str, float] | None = None) -> tuple[
        dict[str, str | None], dict[str, float], dict[str, float], dict[str, Span]]:
    """The date of each role by the fitted choice (:mod:`breachnlp.components.dates.choose`), for the
    roles the rules say have one (``stated``: the nearest-cue rule's dates) and whose best option
    reaches the role's ``floors`` score."""
    floors = floors or {}
    pairs = date_options(doc, date_spans, context)
    options = [o for _, o in pairs]
    dates: dict[str, str | None] = {}
    weights: dict[str, float] = {}
    shares: dict[str, float] = {}
    chosen: dict[str, Span] = {}
    features = date_option_features(doc, options, stated)
    for role in DATE_ROLES:
        # whether the role has a date at all: the fitted "none" decides when make train found it
        # better on unseen text (weights.yml date_choice.none_decides), else the date rules
        pick = choose_date(features[role], options, scorers[role], role,
                           stated=None if none_decides else stated[role] is not None or governed(options, role),
                           floor=floors.get(role))
        shares[role] = pick.probability
        if pick.option is None:
            dates[role] = None
            continue
        span = next(s for s, o in pairs if o is pick.option)
        dates[role], weights[role], chosen[role] = pick.option.norm, pick.option.context, span
    return dates, weights, shares, chosen


@lru_cache(maxsize=8)
def _date_scorers(lang: str, resources: str = "default") -> dict[str, LinearScorer]:
    """The fitted date choice of each role (``weights.yml`` ``date_choice``), or {} when absent."""
    data = read_resource(lang, "weights", resources).get("date_choice") or {}
    if not all(role in data for role in DATE_ROLES):
        return {}
    return {role: LinearScorer.from_choice(data[role], DATE_CHOICE_FEATURES) for role in DATE_ROLES}


@lru_cache(maxsize=8)
def _date_floors(lang: str, resources: str = "default") -> dict[str, float]:
    """The score below which a role the rules say is stated gets no date (``weights.yml``
    ``date_choice.<role>.floor``, chosen by ``make train`` out of fold), for the roles that have one."""
    data = read_resource(lang, "weights", resources).get("date_choice") or {}
    return {role: float(data[role]["floor"]) for role in DATE_ROLES
            if isinstance(data.get(role), dict) and data[role].get("floor") is not None}


@lru_cache(maxsize=8)
def _date_none_decides(lang: str, resources: str = "default") -> bool:
    """Whether the fitted "none" decides if a role has a date (``weights.yml`` ``date_choice``
    ``none_decides``, chosen by ``make train`` on the first-sight articles out of fold)."""
    return bool((read_resource(lang, "weights", resources).get("date_choice") or {}).get("none_decides", False))


def count_options(doc: Doc, candidates: list[CountCandidate], context: _Context) -> list[CountOption]:
    """The figures of ``doc`` that may count people or records, as options of the fitted count choice
    (``candidates``: those the rules leave: where the text says the count is unknown, only figures
    a breach word describes outside those sentences)."""
    body_start = doc._.body_start or 0
    length = max(1, len(doc.text) - body_start)
    return [CountOption(c, headline=c.start < body_start, position=(c.start - body_start) / length,
                        context=context.count_weight(c.sentence), victim_sentence=c.sentence in context.victim_sentences,
                        other_incident=c.sentence in context.other_incident_sentences,
                        furniture=c.sentence in context.furniture_sentences,
                        unknown_count=c.sentence in context.unknown_count_sentences)
            for c in candidates if counts_people_or_records(c)]


def _ruled_figures(count_spans: list[Span], context: _Context) -> tuple[list[CountCandidate], CountCandidate | None]:
    """The figures the rules leave, scored with their sentence's weight, and the first turn's count."""
    candidates = [candidate_from_span(s, s._.records_score + context.count_weight(_sentence(s))) for s in count_spans]
    candidates = [c for c in candidates if not c.single_subject]  # no figure: only when none is chosen
    unknown = context.unknown_count_sentences
    if unknown:
        # "…has not said how many patients were affected": a figure in that sentence, or one no breach
        # word describes, sizes something else (the staff, the customer base, a year's patients)
        candidates = [c for c in candidates if c.sentence not in unknown
                      and any(cue[2] == "breach_context" for cue in c.cues)]
    return candidates, choose_count(candidates, min_score=MIN_COUNT_SCORE)


def _single_subject(count_spans: list[Span], context: _Context) -> CountCandidate | None:
    """With no figure chosen, the data of one person the text names as one ("one patient's records",
    « le dossier d'une patiente ») in a sentence about the breach (not another incident, not one
    saying the count is unknown): one person."""
    for span in count_spans:
        if not (span._.breach_features or {}).get("single_subject"):
            continue
        sentence = _sentence(span)
        if context.count_weight(sentence) >= 0 and sentence not in context.other_incident_sentences \
                and sentence not in context.unknown_count_sentences:
            return candidate_from_span(span)
    return None


def _count_option_features(doc: Doc, candidates: list[CountCandidate], rule_value: int | None,
                           context: _Context) -> tuple[list[CountOption], list[dict[str, float]]]:
    options = count_options(doc, candidates, context)
    return options, count_option_features(options, min_score=MIN_COUNT_SCORE, rule_choice=rule_value)


def count_choice_inputs(doc: Doc, settings: AssemblySettings | None = None) -> tuple[
        list[CountOption], list[dict[str, float]]]:
    """The options of the count choice of ``doc`` and their features (what ``make train`` fits the
    ``count_choice`` weights on)."""
    settings = settings or _SETTINGS.get(doc) or AssemblySettings(doc.lang_)
    context = _context(doc, _group(doc, settings.org_key), settings)
    candidates, rule = _ruled_figures(_group(doc, settings.records_key), context)
    return _count_option_features(doc, candidates, rule.value if rule is not None else None, context)


@lru_cache(maxsize=8)
def _count_scorer(lang: str, resources: str = "default") -> LinearScorer | None:
    """The fitted count choice (``weights.yml`` ``count_choice``), or None when absent."""
    data = read_resource(lang, "weights", resources).get("count_choice")
    if not data:
        return None
    return LinearScorer.from_choice(data, COUNT_CHOICE_FEATURES)


def _weak(span: Span) -> bool:
    """A fallback date of its role (a letter's date line)."""
    return bool((span._.breach_features or {}).get("weak"))


def _evidence(span: Span, **attrs: Any) -> Evidence:
    return Evidence(span.start_char, span.end_char, span.label_, span.text, attrs)


def _onto_input(item: Evidence, body_start: int) -> Evidence:
    """Evidence with offsets into the input it was read from: the ``text`` (shifted back past the
    title read before it), or the ``title``, marked ``"source": "title"``."""
    if item.start >= body_start:
        return Evidence(item.start - body_start, item.end - body_start, item.label, item.text, item.attrs)
    return Evidence(item.start, min(item.end, body_start), item.label, item.text, {**item.attrs, "source": "title"})


def doc_offsets(item: Evidence, body_start: int) -> tuple[int, int]:
    """Where a record's evidence lies in the Doc (the inverse of :func:`_onto_input`)."""
    if item.attrs.get("source") == "title":
        return item.start, item.end
    return item.start + body_start, item.end + body_start


_WINDOWS = WRITTEN_WINDOWS


def _start_key(norm: str) -> str:
    """A date's start, padded so that ISO partial dates sort chronologically ("2024" as 2024-00-00)."""
    start = norm.split("/")[0]
    return start + "-00-00"[len(start) - 4:] if len(start) < 10 else start


def _inside(span: Span, outer: Span) -> bool:
    """``span`` is a single date finer than ``outer`` and within it ("2024-09-24" in "2024-09" or in
    "last week"); an intrusion window written as a range is never narrowed to one of its days."""
    norm, wide = span._.date_norm, outer._.date_norm
    if "/" in norm or (outer._.breach_features or {}).get("kind") in _WINDOWS:
        return False
    start, _, end = wide.partition("/")
    if end:
        return len(norm) >= len(start) and start <= norm[:len(start)] and norm[:len(end)] <= end
    return len(norm) > len(start) and norm.startswith(start)
