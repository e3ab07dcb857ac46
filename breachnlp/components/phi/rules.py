"""Data-category mentions of one language: the PHI lexicon, enumerations and sentence context.

Pure rules (no spaCy): :class:`PhiRules` reads ``phi.yml``, ``cues.yml``, ``text.yml``,
``numbers.yml`` and the ``# --- phi`` section of ``syntax.yml`` and finds every mention of a
data category of the PHI taxonomy, with its context (``exposure``, ``advice``, ``background``)
and its assertion status (the negation and hedge rules of :mod:`.status`).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ...resources import language_data, read_resource
from ...taxonomy import PHI_CATEGORIES
from ...text import (SECTION_NUMBER, Segment, cue_regex, fold, informal_text, interval_index, lower, phrase_regex,
                     split_sentences, word_regex)
from .status import StatusRules, _first


@dataclass(frozen=True)
class AccessMeans:
    """Data that may name the means of an intrusion (``phi.yml`` ``access_means``), lemmas."""

    categories: frozenset[str]
    verbs: frozenset[str]
    prepositions: frozenset[str]
    holders: frozenset[str]


@dataclass(frozen=True)
class PhiMention:
    start: int
    end: int
    category: str
    status: str
    context: str  # "exposure", "advice", "background"
    sentence: int
    cues: tuple[tuple[int, int, str], ...] = ()


# An aside between commas that a denial may open: at most this many words before the denial, and
# in all ("which was not encrypted", « ni chiffrée ni protégée par un mot de passe »).
ASIDE_LEAD_WORDS = 3
# A bulleted line of at most this many words may be an item of an inventory of data.
INVENTORY_LINE_WORDS = 15
ASIDE_WORDS = 10

# Categories whose words also name a business or a service ("Alrewas Surgery", "Allied Insurance").
CARE_CATEGORIES = frozenset({"treatment", "test_result", "medication", "insurance", "provider", "condition"})
# Categories general enough to sum up others ("coordonnées", "health data", "état civil"): only their
# terms can be an umbrella whose details follow in brackets. An identifier, an address or a card
# followed by brackets is being explained ("numéros PPS (l'identifiant personnel attribué par
# l'administration)", "Medicare (which may be your Social Security number)"), not broken down.
UMBRELLA_CATEGORIES = frozenset({"contact", "health_info", "medical_record", "name"})


class PhiRules(StatusRules):
    """PHI lexicon, context cues and (from :class:`~.status.StatusRules`) assertion cues of one language."""

    def __init__(self, lang: str, resources: str = "default") -> None:
        super().__init__(lang, resources)
        phi = read_resource(lang, "phi", resources)
        cues = read_resource(lang, "cues", resources)
        text = read_resource(lang, "text", resources)
        words = language_data(lang, resources)
        self.abbreviations = words.abbreviations
        means = phi["access_means"]
        self.access_means = AccessMeans(*(frozenset(w.lower() for w in means[key])
                                          for key in ("categories", "verbs", "prepositions", "holders")))
        # what joins the items of an enumeration: punctuation, or a conjunction of the language
        joint = "|".join(re.escape(fold(w)) for w in text["conjunctions"])
        self.list_joint = re.compile(rf"[,;/]|(?<![\w])(?:{joint})(?![\w])")
        # the opening of a bracket that explains the data term before it ("numéros PPS (l'identifiant
        # personnel …)", "PPS numbers (the personal identifier …)"): a term right there restates it
        # (an article opens a definition; a bare term in brackets names another datum: "identity card (NRIC)")
        determiners = words.alternation("syntax", "determiners")
        self.gloss_opening = re.compile(r"[ \t]*\([ \t]*(?:" + determiners + r"(?<=')|" + determiners + r"\s+)$")
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
        # a term that modifies a system, a business or a place names no data ("EHR vendor", "centre de
        # vaccination"): such a head right after the term, or before it with a link
        heads = "|".join(re.escape(fold(w)) for w in sorted(phi["non_data_heads"], key=len, reverse=True))
        links = "|".join(re.escape(fold(w)) for w in sorted(phi["non_data_links"], key=len, reverse=True))
        self.head_after = re.compile(rf"[ -](?:{heads})(?![\w-])")
        self.head_before = re.compile(rf"(?<![\w'-])(?:{heads}) (?:{links})(?: |(?<='))$")
        # two words sharing one head noun: "postal and email addresses" / "adresses postale et électronique"
        word = r"[a-z][a-z'-]*"
        self.head_first = text["head_position"] == "first"
        self.coordination = re.compile(
            rf"(?<![\w'-])(?P<head>{word}) (?P<a>{word}),? (?:{joint}) (?P<b>{word})(?![\w'-])" if self.head_first else
            rf"(?<![\w'-])(?P<a>{word}),? (?:{joint}) (?P<b>{word}) (?P<head>{word})(?![\w'-])")
        self.exposure = cue_regex(cues["exposure"])
        # read on the parse (lemmas): what puts a clause in doubt wherever it stands in the clause
        self.doubt_predicates = frozenset(fold(w) for w in cues["doubt_predicates"])
        self.doubt_passives = frozenset(fold(w) for w in cues["doubt_passives"])
        self.doubt_adverbs = frozenset(fold(w) for w in cues["doubt_adverbs"])
        # "aucune info financière": the category right after a denying determiner (up to one word between)
        self.denied = re.compile(r"(?<![\w'])(?:" + "|".join(cues["denial_determiners"]) + r")\s+(?:[\w'-]+\s+)?$")
        self.message_nouns = frozenset(fold(w) for w in cues["message_nouns"])
        self.advice = cue_regex(cues["advice"])
        # "the following information about you was forwarded:", « Données concernées : »: a clause naming
        # data in general that ends in a colon heads the list of what was involved
        self.list_heading = cue_regex(cues["list_heading_nouns"])
        self.uncertain_access = cue_regex(cues["uncertain_access"])
        self.unconfirmed_claims = cue_regex(cues["unconfirmed_claims"])
        self.theft = cue_regex(cues["theft"])
        numbers = read_resource(lang, "numbers", resources)
        amounts = sorted({fold(w) for w in (*numbers["hundred"], *numbers["scales"], *numbers["amount_nouns"])},
                         key=len, reverse=True)
        self.identifier = word_regex(phi["identifier_words"])
        # "8 300 dossiers médicaux", "2,100 health records": a health record counted is still one
        self.health_record = word_regex(phi["health_record_words"])
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

    def sentences(self, text: str) -> list[Segment]:
        """The sentences the rules number (``PhiMention.sentence``): a forum post in lower case still
        ends its sentences, where a negation's scope stops."""
        return split_sentences(text, self.abbreviations, lower_case_starts=informal_text(text))

    def doubted(self, verb: str, adverbs: list[str], *, passive: bool, complement: bool) -> bool:
        """A clause verb (lemma) that puts the data it governs in doubt: a verb of claiming whose
        ``complement`` (a clause) holds the data, one of its adverbs a doubting one, a verb of saying
        in the passive ("said to hold")."""
        return (complement and fold(verb) in self.doubt_predicates) or \
            (passive and fold(verb) in self.doubt_passives) or any(fold(a) in self.doubt_adverbs for a in adverbs)

    def mentions(self, text: str) -> list[PhiMention]:
        folded = fold(text)
        sentences = self.sentences(text)
        excluded = [m.span() for m in self.exclusions.finditer(folded)]
        excluded_starts, excluded_ends = interval_index(excluded)
        found: list[PhiMention] = []
        inherited_exposure = False
        previous_context = "background"
        heading: tuple[str, tuple[int, int, str]] | None = None
        # a section heading's doubt ("2. Information that may have leaked") over the lines under it, up
        # to the next heading
        section: tuple[str, tuple[int, int, str]] | None = None
        bullets: dict[int, str] = {}  # the context of each short bulleted line, by sentence index
        list_doubts: dict[int, tuple[int, int, str]] = {}  # the doubt of a colon line over its list
        for index, sentence in enumerate(sentences):
            sentence_text = folded[sentence.start:sentence.end]
            masked = self.mask_cues(folded, sentence)
            plain = folded[sentence.start:sentence.end]
            context = self._context(masked, sentence, inherited_exposure)
            bullet = bool(_BULLET.match(sentence_text))
            if _section_heading(text, sentence):
                status_heading = None if self.lexicon.search(folded, sentence.start, sentence.end) else \
                    self._heading_status(masked, plain, sentence)
                # (a denial in a heading is rarely the lines' own: "What happened and what did not")
                section = status_heading if status_heading is not None and status_heading[0] == "hedged" else None
            terms = []
            for m in self.lexicon.finditer(folded, sentence.start, sentence.end):
                i = bisect_right(excluded_starts, m.start())  # an exclusion holding the match
                if i and excluded_ends[i - 1] >= m.end():
                    continue
                category = self.category_of(m.group())
                if category is None:
                    continue
                if self.counted.search(folded[max(sentence.start, m.start() - 12):m.start()]) and \
                        not (" " in m.group() and self._still_data_counted(m.group(), category)):
                    continue  # "6 000 rendez-vous", "400 000 adresses": the counted noun, not a data category
                    # ("15 000 numéros de carte", "764 email addresses" are still card numbers, addresses)
                if self._names_an_organization(text, m, category) or self._modifies_a_non_data_head(folded, m):
                    continue
                terms.append((m, category))
            terms += self._elided(folded, sentence, terms)
            terms.sort(key=lambda t: t[0].start())
            if not bullet:
                terms = self._without_messages(folded, terms)
            kinds = len({category for _, category in terms})
            links = _list_links(folded, terms, self.list_joint)
            if context == "background" and ((kinds >= 3 and links >= 2) or
                                            (kinds >= 2 and links >= 1 and previous_context == "exposure")):
                # a list of data with no verb of its own ("Il s'agit de vos nom, prénom et numéro de
                # sécurité sociale.", "Names, phone numbers and file numbers may be involved.") says
                # what was exposed: its neighbour or its length tells
                context = "exposure"
            if not bullet:
                # "Des données ont été emportées. Il s'agit de :", "Files were copied. They held:": a
                # short pointer to the list after it goes on with the sentence before
                pointer = context == "background" and previous_context == "exposure" and not terms \
                    and len(sentence_text.split()) <= 6
                # "Which of your details were exposed?" heads the bullets after it as a colon does
                heads_a_list = sentence_text.rstrip().endswith(":") or (
                    sentence_text.rstrip().endswith("?") and index + 1 < len(sentences)
                    and _BULLET.match(folded, sentences[index + 1].start) is not None)
                # a heading that names data in general says what the list after it was: involved
                named_data = context != "exposure" and not terms and self.list_heading.search(masked) is not None
                inherited_exposure = (context == "exposure" or pointer or named_data) and heads_a_list
                # "Not affected:" / "Informations possiblement concernées :" heading a bullet list
                heading = None
                if inherited_exposure and not terms:
                    heading = self._heading_status(masked, plain, sentence)
                elif inherited_exposure:
                    # "the files may have contained your name and one or more of the following:": the
                    # clause that ends in the colon heads the bullets, whatever data it names itself
                    heading = self._colon_clause_status(masked, plain, sentence, len(masked.rstrip()) - 1)
            previous_context = context
            if bullet and len(sentence_text.split()) <= INVENTORY_LINE_WORDS:
                bullets[index] = context
            elif not bullet and sentence_text.rstrip().endswith(":"):
                doubt = self.hedge.search(plain)  # "what may have been in there:"
                if doubt is not None:
                    list_doubts[index] = (sentence.start + doubt.start(), sentence.start + doubt.end(), "heading_hedged")
            lowered = lower(text[sentence.start:sentence.end]) if terms else ""
            spans = [(m.start(), m.end()) for m, _ in terms]
            for m, category in terms:
                status, cues = self._status(masked, plain, sentence, m.start(), m.end(), lowered)
                aside = self._negated_aside(folded, sentence, cues, m.start(), spans) if status == "negated" else None
                if aside is not None:
                    # "La clé, ni chiffrée ni protégée, renfermait les noms", "the laptop, which was not
                    # encrypted, held names": a denial inside an aside set off by commas that names no
                    # data denies what the aside says, not the data after it
                    lo, hi = aside[0] - sentence.start, aside[1] - sentence.start
                    status, cues = self._status(masked[:lo] + " " * (hi - lo) + masked[hi:], plain, sentence,
                                                m.start(), m.end(), lowered)
                if bullet and heading is not None and status == "affirmed":
                    status, cues = heading[0], [heading[1]]
                elif section is not None and status == "affirmed":
                    status, cues = section[0], [section[1]]
                elif status == "affirmed":
                    inline = self._inline_heading(masked, plain, sentence, m.start(), spans)
                    if inline is not None:
                        status, cues = inline[0], [inline[1]]
                mention_context = context
                if context == "exposure" and self._advice_in_clause(masked, sentence, m.start(), m.end()):
                    mention_context = "advice"
                elif context == "background" and status == "negated" and m.group() not in self.message_nouns and \
                        self.denied.search(folded, max(sentence.start, m.start() - 30), m.start()):
                    mention_context = "exposure"  # "AUCUNE info financière, pas de numéro OHIP": denied outright
                found.append(PhiMention(m.start(), m.end(), category, status, mention_context, index, tuple(cues)))
        found = _one_inventory(found, bullets, list_doubts)
        return self._document_doubt(folded, sentences, _without_umbrellas(folded, self._without_glosses(folded, found)))

    def _without_glosses(self, folded: str, found: list[PhiMention]) -> list[PhiMention]:
        """A data term that opens the bracket after another one, not a general term, restates it
        ("numéros PPS (l'identifiant personnel attribué par l'administration)"): the word that
        explains an identifier is no data of its own."""
        ends = {m.end for m in found if m.category not in UMBRELLA_CATEGORIES}
        return [m for m in found if not any(
            end < m.start and self.gloss_opening.match(folded, end, m.start) for end in ends if m.start - end <= 12)]

    @staticmethod
    def _negated_aside(folded: str, sentence: Segment, cues: list[tuple[int, int, str]], start: int,
                       spans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The bounds of the aside between two commas that holds the preceding negation cue of the
        data term at ``start`` and ends before it, when the aside names no data (``spans``: the
        sentence's data terms); None otherwise."""
        if not cues or cues[0][2] != "preceding_negation":
            return None
        cue_start, cue_end = cues[0][0], cues[0][1]
        opening = folded.rfind(",", sentence.start, cue_start)
        closing = folded.find(",", cue_end, start)
        if opening < 0 or closing < 0 or any(opening < s < closing for s, _ in spans):
            return None
        # an aside is short and opens on its denial or a relative ("which was not", « qui n'était pas »),
        # not a main clause between two commas ("Importantly, our review found no evidence of any access to,")
        if len(folded[opening + 1:cue_start].split()) > ASIDE_LEAD_WORDS or len(folded[opening + 1:closing].split()) > ASIDE_WORDS:
            return None
        return opening, closing

    def _document_doubt(self, folded: str, sentences: list[Segment], found: list[PhiMention]) -> list[PhiMention]:
        """Letters and careful reports put the doubt in one sentence ("We cannot say whether anyone
        opened the files.") and the inventory in another ("The server held names and SSNs."). When
        the text doubts that the data was seen or taken and no sentence affirms a theft, what is
        stated as held or involved is possibly exposed: hedged. So is all of it when the text says the
        claim of the leak stays unconfirmed ("None of this has been confirmed by the clinic")."""
        denials = {m.sentence for m in found if m.status == "negated"}
        # "None of this has been confirmed": what the text lists as taken is the claim's, possibly exposed
        for index, sentence in enumerate(sentences):
            claim = self.unconfirmed_claims.search(folded, sentence.start, sentence.end)
            if claim and index not in denials:
                # a list in the same sentence is the claim's scope ("…insurance cards, claims the provider
                # has not confirmed"); a sentence of its own doubts the whole inventory
                scope = {index} if any(m.sentence == index for m in found) else None
                cue = ((claim.start(), claim.end(), "document_doubt"),)
                return [replace(m, status="hedged", cues=cue)
                        if m.status == "affirmed" and (scope is None or m.sentence in scope) else m for m in found]
        doubt = None
        for index, sentence in enumerate(sentences):
            if index in denials:
                continue  # "no evidence of any access to your medical records": a denial of those data
            doubt = self.uncertain_access.search(folded, sentence.start, sentence.end)
            if doubt:
                break
        if doubt is None:
            return found
        # a sentence whose clause affirms data with a verb of taking or exposing settles the matter
        for m in found:
            if m.status == "affirmed" and m.context != "advice":
                sentence = sentences[m.sentence]
                if self.theft.search(folded, sentence.start, sentence.end):
                    return found
        cue = ((doubt.start(), doubt.end(), "document_doubt"),)
        return [replace(m, status="hedged", cues=cue) if m.status == "affirmed" else m for m in found]

    def _inline_heading(self, masked: str, plain: str, sentence: Segment, start: int,
                        items: list[tuple[int, int]]) -> tuple[str, tuple[int, int, str]] | None:
        """The status a clause ending in a colon gives the list after it, in the same sentence, as a
        heading gives its bullets: "were not stored there and are not part of the leak: bank details,
        phone numbers" negated, "may include the following: …" hedged. Only a list: a clause with a
        verb of exposure of its own after the colon keeps its own status; ``items``: the spans of the
        sentence's data mentions, in order."""
        position = start - sentence.start
        colon = masked.rfind(":", 0, position)
        if colon < 0 or _LIST_END.search(masked, colon + 1, position) or self.exposure.search(masked, colon + 1):
            return None
        # a list: no more than a few words (a determiner, "and") before each item, up to this one
        gap_start = colon + 1
        for item_start, item_end in items:
            if item_start - sentence.start >= position:
                break
            if item_start - sentence.start >= gap_start:
                if len(masked[gap_start:item_start - sentence.start].split()) > _LIST_GAP_WORDS:
                    return None
                gap_start = item_end - sentence.start
        if len(masked[gap_start:position].split()) > _LIST_GAP_WORDS:
            return None
        return self._colon_clause_status(masked, plain, sentence, colon)

    def _colon_clause_status(self, masked: str, plain: str, sentence: Segment,
                             colon: int) -> tuple[str, tuple[int, int, str]] | None:
        """The status the clause ending at ``colon`` (relative to the sentence) gives the list after it."""
        left, _ = self._clause(masked, max(0, colon - 1), colon)
        return self._heading_status(masked[left:colon], plain[left:colon], Segment(sentence.start + left, sentence.start + colon))

    def _without_messages(self, folded: str, terms: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
        """A bare message noun ("emails", « courriel ») is the container of the data ("the emails
        held names", « un courriel envoyé par erreur »), not the address, unless it is an item of a
        list of data ("names, email and phone"): joined to a mention of another category."""
        kept = []
        for index, (m, category) in enumerate(terms):
            if m.group() in self.message_nouns and not any(
                    other != category and (_joined(folded, n, m, self.list_joint) if n.start() < m.start()
                                           else _joined(folded, m, n, self.list_joint))
                    for n, other in terms[max(0, index - 1):index] + terms[index + 1:index + 2]):
                continue
            kept.append((m, category))
        return kept

    def _still_data_counted(self, term: str, category: str) -> bool:
        """Whether a counted term of several words still names data: an identifier ("15 000 numéros de
        carte") or a record qualified as one of health ("5 804 dossiers médicaux", "900 medical
        records"); a bare "dossiers de patients" counted is the unit of a count."""
        return self.identifier.search(term) is not None or \
            (category == "medical_record" and self.health_record.search(term) is not None)

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

    def _context(self, masked: str, sentence: Segment, inherited_exposure: bool) -> str:
        """"exposure" when the sentence says data was taken, exposed or spared; otherwise "advice"
        (a recommendation) or "background" (anything else)."""
        if self.exposure.search(masked) or inherited_exposure:
            return "exposure"
        if self._advice_outside_brackets(masked, 0, len(masked)):
            return "advice"
        return "background"

    def _advice_outside_brackets(self, masked: str, left: int, right: int) -> bool:
        """An advice cue between ``left`` and ``right`` that is not inside brackets: a cue in brackets is an
        aside on one item ("your company name (if you had given us one)", « (article, prix, date) »)."""
        return any(masked.count("(", 0, m.start()) <= masked.count(")", 0, m.start())
                   for m in self.advice.finditer(masked, left, right))

    def _advice_in_clause(self, masked: str, sentence: Segment, start: int, end: int) -> bool:
        """Advice framing the sentence ("experts advise ... a stolen SSN") or in the mention's clause,
        outside brackets."""
        advice = _first(self.advice, masked, 0, len(masked))
        exposure = _first(self.exposure, masked, 0, len(masked))
        if advice and exposure and advice.start() < exposure.start():
            return True
        left, right = self._clause(masked, start - sentence.start, end - sentence.start)
        return self._advice_outside_brackets(masked, left, right)

    def _modifies_a_non_data_head(self, folded: str, match: re.Match[str]) -> bool:
        """"the electronic medical record system", "a drug distributor", "prestataires de soins"."""
        # a noun after the term is its head only where heads come last ("adresses professionnelles": an adjective)
        return bool((not self.head_first and self.head_after.match(folded, match.end())) or
                    self.head_before.search(folded[max(0, match.start() - 40):match.start()]))

    @staticmethod
    def _names_an_organization(text: str, match: re.Match[str], category: str) -> bool:
        """In running text (not a headline in title case): "la mutuelle Cévenole", "Medicare
        Advantage", a one-word term before a proper name; "Alrewas Surgery", "Brightwell Physical
        Therapy", a capitalised word of care after a capitalised word (identifiers such as
        "Aadhaar" are capitalised in any case)."""
        before_name = " " not in match.group() and re.match(r" [A-ZÀ-Ý][a-zà-ÿ]", text[match.end():match.end() + 3])
        # ... after a capitalised word that does not open the sentence ("Your Social Security number")
        after_name = category in CARE_CATEGORIES and text[match.start()].isupper() and re.search(
            r"[^\s.!?:;\"«(•–-]\s+[A-ZÀ-Ý][\w&'-]* $", text[max(0, match.start() - 30):match.start()])
        if not (before_name or after_name):
            return False
        around = re.findall(r"[^\W\d_]{4,}", text[max(0, match.start() - 80):match.end() + 80])
        return sum(w[0].isupper() for w in around) * 2 < len(around)


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


# What ends a list begun by a colon: another clause mark, a bracket, a full stop.
_LIST_END = re.compile(r"[.;:?!()\[\]]")
_BULLET = re.compile(r"\s*[-•*–·]")  # a line of a bulleted list
# What may open a heading's line before its words: spaces, a section number ("2.", "IV.", "B)").
_SECTION_NUMBER = re.compile(rf"[ \t]*(?:{SECTION_NUMBER}[ \t]*)?")
# A blank line right before a position.
_AFTER_BLANK_LINE = re.compile(r"\n[ \t]*\n[ \t]*$")
# The most words a section heading has.
SECTION_HEADING_WORDS = 12


def _section_heading(text: str, sentence: Segment) -> bool:
    """``sentence`` is a section heading inside the text: alone on its line after a blank line (not
    the headline, not a bullet), short, with no closing punctuation."""
    raw = text[sentence.start:sentence.end]
    line = raw.strip()
    first = sentence.start + len(raw) - len(raw.lstrip())
    line_start = text.rfind("\n", 0, first) + 1
    if not _SECTION_NUMBER.fullmatch(text, line_start, first):  # "2. Information that may have leaked"
        return False
    return 0 < len(line.split()) <= SECTION_HEADING_WORDS and "\n" not in line and \
        not line.endswith((".", "!", "?", ":", ";", ",")) and not _BULLET.match(line) and \
        _AFTER_BLANK_LINE.search(text, max(0, line_start - 40), line_start) is not None and \
        text[sentence.end:sentence.end + 200].lstrip(" \t").startswith("\n")
# At most this many words before each item of a list (a determiner, a possessive, "and").
_LIST_GAP_WORDS = 3


def _one_inventory(found: list[PhiMention], bullets: dict[int, str],
                   list_doubts: dict[int, tuple[int, int, str]]) -> list[PhiMention]:
    """The short lines of one bulleted list are one inventory: when a line of it says what was exposed
    (by its verb, or by the length of its list of data), the data its other lines name without a verb
    ("- full clinical histories: diagnoses, evaluations") was exposed too, with the doubt of the line
    that heads the list ("what may have been in there:"). A long line tells an event of its
    own (a list of past incidents, the steps of a story), not an item."""
    runs: list[list[int]] = []
    for index in sorted(bullets):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    doubt_of: dict[int, tuple[int, int, str] | None] = {}  # the lines of an exposed list, with its doubt
    for run in runs:
        if any(bullets[j] == "exposure" for j in run):
            doubt_of.update((i, list_doubts.get(run[0] - 1)) for i in run)
    out = []
    for m in found:
        if m.sentence in doubt_of and m.context == "background":
            doubt = doubt_of[m.sentence]
            m = replace(m, context="exposure")
            if doubt is not None and m.status == "affirmed":
                m = replace(m, status="hedged", cues=(doubt,))
        out.append(m)
    return out


def _list_links(folded: str, terms: list[tuple[re.Match[str], str]], joint: re.Pattern[str]) -> int:
    """How many neighbouring data mentions are joined as an enumeration ("noms, prénoms et adresses"):
    a short gap made of a comma, a conjunction or a semicolon, with at most a few words."""
    links = 0
    for (a, first), (b, second) in zip(terms, terms[1:]):
        if first == second:
            continue  # "nom et prénom": one category named twice is no list of data
        if _joined(folded, a, b, joint):
            links += 1
    return links


def _joined(folded: str, a: Any, b: Any, joint: re.Pattern[str]) -> bool:
    """Two neighbouring mentions joined as items of a list: a short gap with a comma or a conjunction."""
    gap = folded[a.end():b.start()]
    return len(gap) <= 30 and bool(joint.search(gap))


def _term_key(term: str) -> str:
    return re.sub(r"\s+", " ", fold(term).strip())


@lru_cache(maxsize=8)
def phi_rules(lang: str, resources: str = "default") -> PhiRules:
    return PhiRules(lang, resources)


def _without_umbrellas(folded: str, found: list[PhiMention]) -> list[PhiMention]:
    """A general term (:data:`UMBRELLA_CATEGORIES`) whose details follow it in brackets ("coordonnées
    (adresse électronique, numéro de téléphone)", "health data (diagnoses, prescriptions)") names
    those details, not a category of its own: the details stand for it."""
    by_start = sorted(found, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    kept = []
    for m in found:
        if m.category in UMBRELLA_CATEGORIES and re.match(r"[ \t]*\(", folded[m.end:m.end + 4]):
            closing = folded.find(")", m.end, m.end + 200)
            if closing != -1 and any(n.category != m.category and n.status != "negated" for n in
                                     by_start[bisect_right(starts, m.end):bisect_left(starts, closing)]):
                continue
        kept.append(m)
    return kept
