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

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...schema import parse_published
from ...syntax import (acting_subject, clause_before, governing_lemmas, governor, in_clause_of, is_passive,
                       modifier_lemmas, modifier_phrases, object_lemma, passive_subject, predicate_phrases,
                       subject_lemma, to_first_person)
from ...text import fold
from ..base import ParsedComponent, doc_text
from .resolve import DateCandidate
from .rules import date_rules

LABEL = "BREACH_DATE"
# The roles of an event a verb of saying can report, which the parse gives a date over the
# disclosure role of its nearest cue (the saying itself).
REPORTED_ROLES = frozenset({"occurred", "discovered"})
# The governor kinds (``dates.yml`` ``governors``) that tell a breach role themselves.
TOLD_ROLES = frozenset({"occurred", "discovered", "disclosed", "notified"})
# The governors that report a clause: saying, and telling someone ("told the regulator that it had
# been hit on May 4").
SAYING_ROLES = frozenset({"disclosed", "notified"})

class DateTagger(ParsedComponent):
    """Finds date expressions, resolves them against ``doc._.published`` and gives them a role."""

    label = LABEL
    reads = ("dates", "numbers", "syntax", "text")

    def __init__(self, nlp: Language, name: str = "breach_dates", *, resources: str = "default",
                 spans_key: str = "breach_dates") -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self._load_rules()

    def _load_rules(self) -> None:
        self.rules = date_rules(self.lang, self.resources)

    def candidates(self, doc: Doc) -> Iterable[DateCandidate]:
        return self.rules.find(doc_text(doc), parse_published(doc._.published))

    def needs_parse(self, span: Span) -> bool:
        # a date the rules ruled out (a deadline, a dateline: a cue and no role) never competes, unless
        # the parse may show it is the incident's own ("l'attaque a été lancée le 31 décembre")
        return bool(span._.date_norm) and (span._.date_role is not None or not span._.breach_cues
                                           or span._.breach_cues[0][2] == "not_breach")

    def read_parse(self, span: Span, found: tuple[Doc, int] | None) -> None:
        """The role told by the predicate governing the date (``breach_features["governor"]``)."""
        token = governor(found[0], found[1], span.start, span.end, self.rules.aspect) if found is not None else None
        lemma = None if token is None else self.rules.predicate(token.lemma_.lower(), predicate_phrases(token))
        passive, obj = token is not None and is_passive(token), None if token is None else object_lemma(token)
        actor = None if token is None else subject_lemma(token)
        agent = None if token is None else acting_subject(token)
        attacker = agent is not None and self.rules.attacker_acts(agent.lemma_.lower(), modifier_phrases(agent), lemma)
        role = None if token is None else self.rules.governor_role(
            lemma, passive=passive, to_us=to_first_person(token), subject=passive_subject(token), obj=obj,
            modifiers=modifier_lemmas(token), actor=actor, attacker=attacker)
        if span._.date_role is None and span._.breach_cues:
            # ruled out by a not-breach word ("launched", « au plus tard », « pour la première fois »):
            # back only when the incident itself, or the attacker acting, is the subject of a predicate
            # of occurrence or of none; never a dateline (the date ruled out by itself)
            if role == "occurred" and (self.rules.incident_subject(actor) or attacker) and not _rules_itself(span):
                span._.date_role = "occurred"
                span._.breach_features["governor"], span._.breach_features["reported"] = "occurred", False
            elif token is not None and found is not None and self._cue_of_another_clause(span, token, found) \
                    and self.rules.governors.get(lemma) in TOLD_ROLES and role in REPORTED_ROLES | SAYING_ROLES \
                    and not self.rules.roles.sanction.search(fold(found[0].text)):
                # « ont dénoncé lundi les autorités, qui ont porté plainte »: the not-breach word
                # belongs to another clause than the verb the date hangs on, which tells its role
                span._.date_role = role
                span._.breach_features["governor"], span._.breach_features["reported"] = role, False
            return
        # a date inside a clause that a verb of saying reports ("said *it was hit on May 4*")
        # dates what was said: its predicate's role, not the saying's that the nearest cue gives
        reported = token is not None and found is not None \
            and clause_before(token, found[0], span.start - found[1], span.end - found[1]) \
            and any(self.rules.governors.get(lemma) in SAYING_ROLES for lemma in governing_lemmas(token))
        span._.breach_features["governor"], span._.breach_features["reported"] = role, reported
        if reported and role in REPORTED_ROLES and span._.date_role == "disclosed":
            span._.date_role = role
        elif span._.date_role == "disclosed" and self.rules.tells_the_organization(lemma, passive, obj):
            # "a contractor warned the management on May 4": the parse sees whom the notice
            # reached, the nearest cue ("warned") only that someone was told
            span._.date_role = "discovered"
        elif span._.date_role == "discovered" and self.rules.tells_an_authority(lemma, passive, passive_subject(token)):
            # "the Commission was notified by the clinic on June 3": the passive's subject is a
            # regulator, so the notice is the clinic's filing, not its learning of the breach
            span._.date_role = "disclosed"
        elif found is not None and span._.date_role in TOLD_ROLES and role in REPORTED_ROLES and role != span._.date_role \
                and (self.rules.governors.get(lemma) in TOLD_ROLES or attacker) \
                and self._cue_of_another_clause(span, token, found):
            # « des clients touchés, et c'est un chercheur qui a trouvé la base le 3 mars »: the nearest
            # cue is another clause's word; the verb the date hangs on, or the attacker doing it
            # (« selon l'avis publié, un tiers non autorisé a pu ouvrir les comptes le 23 juin »), tells
            # its role. Not towards a disclosure: verbs of saying report media and side stories too
            span._.date_role = role

    @staticmethod
    def _cue_of_another_clause(span: Span, token: Token, found: tuple[Doc, int]) -> bool:
        """The nearest cue the rules gave ``span`` lies outside it, outside the clause of ``token`` (the
        predicate governing it), further from the date than that predicate, and is not the predicate of
        the date's own clause."""
        if _rules_itself(span):
            return False  # the date itself (a dateline)
        start, end, _ = span._.breach_cues[0]
        cue = span.doc.char_span(start, end, alignment_mode="expand")
        if cue is None or in_clause_of(token, found[0], found[1], cue.start, cue.end):
            return False
        # the parse is trusted over the surface only when its verb is the nearer of the two words
        # (« découverte le mois dernier »: a cue next to the date outweighs a far attachment)
        if _token_distance(span.start, span.end, token.i + found[1]) >= _token_distance(span.start, span.end, cue.start,
                                                                                          cue.end):
            return False
        # "came to light on Sunday, when an employee reported …": the cue is the date's own predicate
        # and the governor a clause hanging on the date
        head = cue.root.i - found[1]
        return not (0 <= head < len(found[0]) and in_clause_of(found[0][head], found[0], found[1], span.start, span.end))

    def annotate(self, span: Span, candidate: DateCandidate) -> None:
        span._.date_expr = candidate.expr
        span._.date_norm = candidate.norm
        span._.date_role = candidate.role
        span._.breach_cues = [list(candidate.cue)] if candidate.cue else []
        span._.breach_features = {"sentence": candidate.sentence, "kind": candidate.kind, "since": candidate.since,
                                  "weak": candidate.weak, "also_discovered": candidate.also_discovered,
                                  "first_report": candidate.first_report,
                                  "cue_distances": dict(candidate.distances)}

def _rules_itself(span: Span) -> bool:
    """The nearest cue of ``span`` is the date itself ("SYDNEY, Oct 19 (Reuters) –": a dateline)."""
    start, end, _ = span._.breach_cues[0]
    return start < span.end_char and span.start_char < end


def _token_distance(start: int, end: int, other_start: int, other_end: int | None = None) -> int:
    """Tokens between the span ``start:end`` and ``other_start:other_end`` (one token by default)."""
    other_end = other_start + 1 if other_end is None else other_end
    return max(0, other_start - end, start - other_end)


@Language.factory(
    "breach_dates",
    assigns=["doc.spans", "span._.date_expr", "span._.date_norm", "span._.date_role"],
    default_config={"resources": "default", "spans_key": "breach_dates"},
)
def make_date_tagger(nlp: Language, name: str, resources: str, spans_key: str) -> DateTagger:
    return DateTagger(nlp, name, resources=resources, spans_key=spans_key)
