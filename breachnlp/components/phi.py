"""``breach_phi``: data categories of the PHI taxonomy, with their assertion status.

Example::

    doc = nlp("Les noms ont été volés, mais aucun numéro de sécurité sociale n'a été dérobé.")
    [(s.text, s._.phi_category, s._.phi_status) for s in doc.spans["breach_phi"]]
    # [("noms", "name", "affirmed"), ("numéro de sécurité sociale", "national_id", "negated")]

Writes the span group ``breach_phi`` (label ``PHI``): one span per mention of a category in
a sentence that says data was taken, exposed or spared (``phi_context="exposure"``); mentions
in advice or background sentences are kept with ``phi_context="advice"`` / ``"background"``
and do not count. ``phi_status`` follows the ConText/NegEx tradition, built for news:
preceding and following negation cues and hedges (French conditional, "may have"), scoped to
the clause (termination cues and punctuation end it), pseudo-cues ("non seulement", "not
only") removed first. With ``explain=True`` (default) ``phi_cues`` holds the cue spans that
decided the status as ``[start_char, end_char, kind]``.

Document rule (``document_status``): among mentions that count, affirmed beats hedged beats
negated: a category stated as stolen anywhere is stolen, a specific denial only stands when
nothing affirms or hedges it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import language_data, read_resource
from ..taxonomy import PHI_CATEGORIES
from ..text import Segment, cue_regex, fold, interval_index, phrase_regex, split_sentences
from .base import BreachComponent, doc_text

LABEL = "PHI"
STATUS_RANK = {"affirmed": 3, "hedged": 2, "negated": 1}


@dataclass(frozen=True)
class PhiMention:
    start: int
    end: int
    category: str
    status: str
    context: str  # "exposure", "advice", "background"
    sentence: int
    cues: tuple[tuple[int, int, str], ...] = ()


class PhiRules:
    """PHI lexicon and assertion cues of one language (``phi.yml`` and ``cues.yml``)."""

    def __init__(self, lang: str, resources: str = "default") -> None:
        phi = read_resource(lang, "phi", resources)
        cues = read_resource(lang, "cues", resources)
        text = read_resource(lang, "text", resources)
        words = language_data(lang, resources)
        self.lang = lang
        # a clause ends at a semicolon, a colon, a bracket, or a comma before a conjunction ("…, but")
        self.clause_punct = re.compile(r"[;:\[\]]|,\s+(?=" + words.alternation("syntax", "clause_conjunctions") + r"\b)")
        # adverbs inside a negation ("n'ont en revanche pas été touchés") end no clause: they are masked
        self.mid_negation = re.compile(r"(?<=\w )" + words.alternation("syntax", "mid_negation_adverbs")
                                       + r"(?= " + words.alternation("syntax", "mid_negation_followers") + ")")
        self.abbreviations = frozenset(fold(a) for a in text["abbreviations"])
        # what joins the items of an enumeration: punctuation, or a conjunction of the language
        joint = "|".join(re.escape(fold(w)) for w in text["conjunctions"])
        self.list_joint = re.compile(rf"[,;/]|(?<![\w])(?:{joint})(?![\w])")
        self.listed_before = re.compile(rf"(?:,|\b(?:{joint}))\s*$")  # "names and possibly …"
        self.term_category: dict[str, str] = {}
        terms: list[str] = []
        for category in PHI_CATEGORIES:
            for term in phi["categories"][category]:
                self.term_category.setdefault(_term_key(term), category)
                terms.append(term)
        self.lexicon = re.compile(phrase_regex(terms, plural=True))
        self.category_patterns = {category: re.compile(phrase_regex(phi["categories"][category], plural=True))
                                  for category in PHI_CATEGORIES}
        self.exclusions = re.compile(phrase_regex(phi["exclusions"], plural=True))
        # two words sharing one head noun: "postal and email addresses" / "adresses postale et électronique"
        word = r"[a-z][a-z'-]*"
        self.head_first = text["head_position"] == "first"
        self.coordination = re.compile(
            rf"(?<![\w'-])(?P<head>{word}) (?P<a>{word}),? (?:{joint}) (?P<b>{word})(?![\w'-])" if self.head_first else
            rf"(?<![\w'-])(?P<a>{word}),? (?:{joint}) (?P<b>{word}) (?P<head>{word})(?![\w'-])")
        self.preceding = cue_regex(cues["preceding_negation"])
        self.following = cue_regex(cues["following_negation"])
        self.pseudo = cue_regex(cues["pseudo_negation"])
        self.hedge = cue_regex(cues["hedge"])
        self.hedge_forward = cue_regex(cues["hedge_forward"])
        self.termination = cue_regex([re.escape(t) if not t.isalpha() else t for t in cues["termination"]])
        self.exposure = cue_regex(cues["exposure"])
        self.advice = cue_regex(cues["advice"])
        numbers = read_resource(lang, "numbers", resources)
        amounts = sorted({fold(w) for w in (*numbers["hundred"], *numbers["scales"], *numbers["amount_nouns"])},
                         key=len, reverse=True)
        self.identifier = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(fold(w)) for w in phi["identifier_words"])
                                     + r")(?![\w])")
        # a figure or a number word right before a data noun makes it the counted noun
        self.counted = re.compile(r"(?:\d[kKmM]?|\b(?:" + "|".join(re.escape(w) for w in amounts) + r")s?"
                                  r"(?: " + words.alternation("syntax", "counted_of") + r")?)\s*$")

    def category_of(self, folded_match: str) -> str | None:
        """The category of a lexicon match (the longest term of any category that matches it)."""
        key = _term_key(folded_match)
        if key in self.term_category:
            return self.term_category[key]
        for category, pattern in self.category_patterns.items():
            if pattern.fullmatch(key):
                return category
        return None

    def mentions(self, text: str) -> list[PhiMention]:
        folded = fold(text)
        sentences = split_sentences(text, self.abbreviations)
        excluded = [m.span() for m in self.exclusions.finditer(folded)]
        excluded_starts, excluded_ends = interval_index(excluded)
        found: list[PhiMention] = []
        inherited_exposure = False
        previous_context = "background"
        heading: tuple[str, tuple[int, int, str]] | None = None
        for index, sentence in enumerate(sentences):
            sentence_text = folded[sentence.start:sentence.end]
            masked = self._mask(folded, sentence, self.pseudo)
            masked = self.mid_negation.sub(lambda m: "_" * len(m.group()), masked)
            plain = folded[sentence.start:sentence.end]
            context = self._context(masked, sentence, inherited_exposure)
            bullet = bool(re.match(r"\s*[-•*–·]", sentence_text))
            terms = []
            for m in self.lexicon.finditer(folded, sentence.start, sentence.end):
                i = bisect_right(excluded_starts, m.start())  # an exclusion holding the match
                if i and excluded_ends[i - 1] >= m.end():
                    continue
                if self.counted.search(folded[max(sentence.start, m.start() - 12):m.start()]) and \
                        not self.identifier.search(m.group()):
                    continue  # "6 000 rendez-vous": the counted noun, not a data category ("15 000 numéros de
                    # carte" are still card numbers)
                category = self.category_of(m.group())
                if category is None:
                    continue
                if self._names_an_organization(text, m):
                    continue
                terms.append((m, category))
            terms += self._elided(folded, sentence, terms)
            terms.sort(key=lambda t: t[0].start())
            kinds = len({category for _, category in terms})
            links = _list_links(folded, terms, self.list_joint)
            if context == "background" and ((kinds >= 3 and links >= 2) or
                                            (kinds >= 2 and links >= 1 and previous_context == "exposure")):
                # a list of data with no verb of its own ("Il s'agit de vos nom, prénom et numéro de
                # sécurité sociale.", "Names, phone numbers and file numbers may be involved.") says
                # what was exposed: its neighbour or its length tells
                context = "exposure"
            if not bullet:
                inherited_exposure = context == "exposure" and sentence_text.rstrip().endswith(":")
                # "Not affected:" / "Informations possiblement concernées :" heading a bullet list
                heading = self._heading_status(masked, plain, sentence) if inherited_exposure and not terms else None
            previous_context = context
            for m, category in terms:
                status, cues = self._status(masked, plain, sentence, m.start(), m.end())
                if bullet and heading is not None and status == "affirmed":
                    status, cues = heading[0], [heading[1]]
                mention_context = context
                if context == "exposure" and self._advice_in_clause(masked, sentence, m.start(), m.end()):
                    mention_context = "advice"
                found.append(PhiMention(m.start(), m.end(), category, status, mention_context, index, tuple(cues)))
        return found

    def _elided(self, folded: str, sentence: Segment, terms: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        """Categories whose head noun is shared with a coordinated one and left out: "postal and email
        addresses" (head last), "adresses postale et électronique" (head first)."""
        found: list[tuple[Any, str]] = []
        taken = [(m.start(), m.end()) for m, _ in terms]
        for m in self.coordination.finditer(folded, sentence.start, sentence.end):
            head, first, second = m.group("head"), m.group("a"), m.group("b")
            if self.head_first:
                known, guess, where = f"{head} {first}", f"{head} {second}", m.span("b")
            else:
                known, guess, where = f"{second} {head}", f"{first} {head}", m.span("a")
            category = self.category_of(guess) if self.lexicon.fullmatch(guess) else None
            if category and self.lexicon.fullmatch(known) and not any(s <= where[0] < e for s, e in taken):
                found.append((_Span(where[0], where[1], folded[where[0]:where[1]]), category))
        return found

    def _heading_status(self, masked: str, plain: str, sentence: Segment) -> tuple[str, tuple[int, int, str]] | None:
        """The status a list heading gives its bullets: "Not affected:" negated, "Possibly involved:" hedged."""
        for pattern, status, text in ((self.preceding, "negated", masked), (self.following, "negated", masked),
                                      (self.hedge, "hedged", plain)):
            m = pattern.search(text)
            if m:
                return status, (sentence.start + m.start(), sentence.start + m.end(), f"heading_{status}")
        return None

    @staticmethod
    def _mask(folded: str, sentence: Segment, pattern: re.Pattern[str]) -> str:
        """The sentence's folded text with pseudo-cues blanked out (offsets kept)."""
        chars = list(folded[sentence.start:sentence.end])
        for m in pattern.finditer(folded, sentence.start, sentence.end):
            for i in range(m.start() - sentence.start, m.end() - sentence.start):
                chars[i] = "_"
        return "".join(chars)

    def _context(self, masked: str, sentence: Segment, inherited_exposure: bool) -> str:
        """"exposure" when the sentence says data was taken, exposed or spared; otherwise "advice"
        (a recommendation) or "background" (anything else)."""
        if self.exposure.search(masked) or inherited_exposure:
            return "exposure"
        if self.advice.search(masked):
            return "advice"
        return "background"

    def _advice_in_clause(self, masked: str, sentence: Segment, start: int, end: int) -> bool:
        """Advice framing the sentence ("experts advise ... a stolen SSN") or in the mention's clause."""
        advice = _first(self.advice, masked, 0, len(masked))
        exposure = _first(self.exposure, masked, 0, len(masked))
        if advice and exposure and advice.start() < exposure.start():
            return True
        left, right = self._clause(masked, start - sentence.start, end - sentence.start)
        return _first(self.advice, masked, left, right) is not None

    @staticmethod
    def _names_an_organization(text: str, match: re.Match[str]) -> bool:
        """"la mutuelle Cévenole", "Medicare Advantage": a one-word term followed by a proper name."""
        return " " not in match.group() and bool(re.match(r" [A-ZÀ-Ý][a-zà-ÿ]", text[match.end():match.end() + 3]))

    def _clause(self, masked: str, start: int, end: int) -> tuple[int, int]:
        """Bounds (relative to the sentence) of the clause holding ``start:end``."""
        starts, ends = _clause_bounds(self.termination, self.clause_punct, masked)  # found once per sentence
        i = bisect_right(ends, start)
        j = bisect_left(starts, end)
        return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else len(masked))

    def _status(self, masked: str, plain: str, sentence: Segment, start: int,
                end: int) -> tuple[str, list[tuple[int, int, str]]]:
        rel_start, rel_end = start - sentence.start, end - sentence.start
        left, right = self._clause(masked, rel_start, rel_end)
        cues: list[tuple[int, int, str]] = []
        for m in _window(self.preceding, masked, left, rel_start)[-1:]:  # only the last one is kept
            cues.append((sentence.start + m.start(), sentence.start + m.end(), "preceding_negation"))
        for m in _window(self.following, masked, rel_end, right)[-1:]:
            cues.append((sentence.start + m.start(), sentence.start + m.end(), "following_negation"))
        if cues:
            return "negated", cues[-1:]
        for m in _window(self.hedge, plain, left, right):
            if m.start() >= rel_end and self.hedge_forward.fullmatch(m.group()) and \
                    self.listed_before.search(plain[max(0, m.start() - 6):m.start()]):
                continue  # "names and possibly SSNs": a listed adverb hedges only what follows it
            if not (m.start() < rel_end and rel_start < m.end()):
                cues.append((sentence.start + m.start(), sentence.start + m.end(), "hedge"))
                break  # the first one decides (cues[:1])
        if not cues:  # an attribution earlier in the sentence ("selon les pirates, ...") still hedges
            for m in _window(self.hedge, plain, 0, rel_start):
                cues.append((sentence.start + m.start(), sentence.start + m.end(), "hedge"))
                break
        if cues:
            return "hedged", cues[:1]
        return "affirmed", []


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


class _Span:
    """A match-like span for a data term recovered from an ellipsis (``start()``, ``end()``, ``group()``)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _list_links(folded: str, terms: list[tuple[re.Match[str], str]], joint: re.Pattern[str]) -> int:
    """How many neighbouring data mentions are joined as an enumeration ("noms, prénoms et adresses"):
    a short gap made of a comma, a conjunction or a semicolon, with at most a few words."""
    links = 0
    for (a, first), (b, second) in zip(terms, terms[1:]):
        if first == second:
            continue  # "nom et prénom": one category named twice is no list of data
        gap = folded[a.end():b.start()]
        if len(gap) <= 30 and joint.search(gap):
            links += 1
    return links


def _term_key(term: str) -> str:
    return re.sub(r"\s+", " ", fold(term).strip())


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


@lru_cache(maxsize=8)
def phi_rules(lang: str, resources: str = "default") -> PhiRules:
    return PhiRules(lang, resources)


class PhiTagger(BreachComponent):
    """Tags data-category mentions with their taxonomy id, status and context."""

    label = LABEL

    def __init__(self, nlp: Language, name: str = "breach_phi", *, resources: str = "default",
                 spans_key: str = "breach_phi", explain: bool = True) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.explain = explain
        self.rules = phi_rules(self.lang, resources)

    def _config(self) -> dict[str, object]:
        return {**super()._config(), "explain": self.explain}

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in self.rules.mentions(doc_text(doc)):
            span = self.char_span(doc, mention.start, mention.end)
            if span is None:
                continue
            span._.phi_category = mention.category
            span._.phi_status = mention.status
            span._.phi_context = mention.context
            span._.breach_features = {"sentence": mention.sentence}
            if self.explain:
                span._.phi_cues = [list(c) for c in mention.cues]
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "breach_phi",
    assigns=["doc.spans", "span._.phi_category", "span._.phi_status", "span._.phi_cues", "span._.phi_context"],
    default_config={"resources": "default", "spans_key": "breach_phi", "explain": True},
)
def make_phi_tagger(nlp: Language, name: str, resources: str, spans_key: str, explain: bool) -> PhiTagger:
    return PhiTagger(nlp, name, resources=resources, spans_key=spans_key, explain=explain)
