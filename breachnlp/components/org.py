"""``breach_org``: organizations named in the text, clustered, each given a role.

Example::

    doc = nlp("ConnectOnCall, une filiale de Phreesia, a été victime d'un piratage.")
    [(s.text, s._.org_name, s._.org_role) for s in doc.spans["breach_org"]]
    # [("ConnectOnCall", "ConnectOnCall", "victim"), ("Phreesia", "Phreesia", "parent")]

Candidates come from our own patterns, not only from the statistical NER (which tags many
company names as places or misc): capitalized and camel-case sequences, acronyms, and
descriptor phrases ("la clinique des Lilas", "le groupe X", "X Health"), plus the NER's ORG
entities when the pipeline has a NER. Mentions are clustered (same key, acronym, or
rapidfuzz token-set ratio >= 90, "X, formerly Y") and each cluster gets a role:
``victim`` (the best-scored candidate: victim cues, headline, frequency, subject position),
``parent`` (named after "filiale de", "subsidiary of"...), ``regulator``, ``media``,
``attacker``, ``vendor``, ``law_firm`` (gazetteers in ``resources/<lang>/orgs.yml`` plus
context) or ``other``. ``org_name`` is the cluster's fullest name; ``org_score`` the victim
score. No cluster scoring high enough → no victim (the article names none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import language_data, read_resource
from ..text import Segment, cue_regex, fold, segment_at, split_sentences
from .base import BreachComponent, doc_text
from ..scoring import LinearScorer

LABEL = "BREACH_ORG"
NEVER_VICTIM = ("regulator", "media", "attacker", "law_firm")
VICTIM_MARGIN = -1.0
# What the victim score weighs, per organization cluster (counts, or 0/1 flags).
VICTIM_FEATURES: tuple[str, ...] = (
    "mentions", "mention_share", "headline", "victim_cue", "apposition_cue", "other_incident", "signature",
    "sentence_subject", "attacker_context", "media_context", "vendor_context", "place", "letter_writer",
    "incident_sentences", "first_sentence", "first_named", "short_name", "ner_only", "vendor_role", "owns",
)

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_SPACE = r"[ \t\u00a0\u202f]+"


def _alternation(words: Iterable[str], *, folded: bool = True, apostrophes: bool = False, after: str = "",
                 in_order: bool = False) -> str:
    """``(?:w1|w2|…)`` over ``words`` (folded, or as written for case-sensitive patterns), longest
    first (or in the data's order), each followed by ``after`` unless it ends with an apostrophe (an
    elided word); with ``apostrophes`` an apostrophe matches both ' and ’. No words: a group that
    never matches."""
    forms = list(dict.fromkeys(fold(w) if folded else w for w in words))
    if not in_order:
        forms.sort(key=len, reverse=True)
    alternatives = []
    for w in forms:
        escaped = re.escape(w)
        if apostrophes:
            escaped = escaped.replace("'", "['’]")
        alternatives.append(escaped + ("" if w.endswith("'") else after))
    return "(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)"


def _cap(abbreviations: Iterable[str]) -> str:
    """A capitalized word: an abbreviation with its period ("St."), a word with a capital, a
    camel-case word ("eHealth"), a figure with letters ("3M", "23andMe")."""
    return (rf"(?:{_alternation(abbreviations, folded=False)}\.|[{_UPPER}][\w&'’.+-]*[\w&+]|[{_UPPER}]"
            rf"|[a-z]{{1,3}}[{_UPPER}][\w-]*|\d+(?:[A-Z]|[a-z]{{2,}})[\w-]*)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    sentence: int
    source: str  # "pattern", "descriptor", "ner"
    cues: list[tuple[int, int, str]] = field(default_factory=list)


class _Vocabulary:
    """Words of one text, collected once: those written in lower case, and capitalized words
    that also occur inside a sentence (not only at its start)."""

    def __init__(self, text: str) -> None:
        self.lower_words = {fold(w) for w in re.findall(r"(?<![\w'’-])[a-zà-ÿœ][\w'’-]*", text)}
        self.mid_caps = set(re.findall(r"(?<=[\w,;:»\"')] )[A-ZÀ-ÖØ-Þ][\w'’-]*", text))
        self.folded = fold(text)
        self.counts: dict[str, int] = {}
        for w in re.findall(r"[^\W_]+", self.folded):
            self.counts[w] = self.counts.get(w, 0) + 1

    def common(self, word: str, phrase: str) -> bool:
        """``word`` of ``phrase`` is written in lower case somewhere, or occurs outside the phrase."""
        w = fold(word)
        if w in self.lower_words:
            return True
        in_phrase = re.findall(r"[^\W_]+", fold(phrase)).count(w)
        return self.counts.get(w, 0) > self.folded.count(fold(phrase)) * in_phrase


@dataclass
class Cluster:
    mentions: list[Mention]
    role: str = "other"
    score: float = 0.0
    owns: "Cluster | None" = None  # the subsidiary this cluster is the parent of
    connectors: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # left out of names
    features: dict[str, float] = field(default_factory=lambda: dict.fromkeys(VICTIM_FEATURES, 0.0))

    @property
    def name(self) -> str:
        """The fullest name used: the longest surface form, ties to the most frequent."""
        forms: dict[str, int] = {}
        for m in self.mentions:
            forms[m.text] = forms.get(m.text, 0) + 1
        # "la mutuelle MuTeo" and "MuTeo": a lower-case common noun in apposition is no part of
        # the name ("clinique des Lilas", where the noun is joined by "des", keeps it)
        named = [f for f in forms if not any(f != g and f.endswith(" " + g) and f[:1].islower()
                                             and _common_noun_before(f[:-len(g)], self.connectors) for g in forms)]
        return max(named or forms, key=lambda f: (len(f.split()), forms[f], len(f)))

    @property
    def aliases(self) -> list[str]:
        name = self.name
        seen, out = {fold(name)}, []
        for m in self.mentions:
            if fold(m.text) not in seen:
                seen.add(fold(m.text))
                out.append(m.text)
        return out


class OrgRules:
    """Organization patterns, gazetteers and role cues of one language (``orgs.yml``)."""

    def __init__(self, lang: str, resources: str = "default") -> None:
        data = read_resource(lang, "orgs", resources)
        text = read_resource(lang, "text", resources)
        cues = read_resource(lang, "cues", resources)
        records = read_resource(lang, "records", resources)
        words = language_data(lang, resources)
        self.lang = lang
        self.abbreviations = frozenset(fold(a) for a in text["abbreviations"])
        self.not_headline = [re.compile(p) for p in text["not_headline"]]
        self.site_separators = tuple(text["headline_site_separators"])
        self.gazetteer: dict[str, str] = {}
        for role, names in data["gazetteer"].items():
            for name in names:
                self.gazetteer.setdefault(fold(name), role)
        self.not_names = {fold(w) for w in data["not_names"]}
        self.not_names_exact = set(data["not_names"])
        self.title_words = {fold(w).strip(".") for w in data["title_words"]}
        self.regulator_name = re.compile("|".join(f"(?:{p})" for p in data["regulator_patterns"]))
        syntax = words["syntax"]
        name_connectors = syntax["name_connectors"]
        # connectors of a name and coordinators of two, as they stand alone at a run's edge
        self.edge_connectors = frozenset(fold(w) for w in (*name_connectors, *syntax["name_coordinators"])) | {"&", "-"}
        # "de", "of", "la"...: the words of a name that its key and its acronym leave out
        self.connectors = frozenset(words.words("syntax", "key_connectors")) | {"&"}
        connect = _alternation([*name_connectors, "&", "-"], folded=False)
        elided = _alternation([w for w in name_connectors if w.endswith("'") and " " not in w], folded=False,
                              apostrophes=True)
        corporate = rf"(?:,[ ]?{_alternation(syntax['legal_suffixes'], folded=False)}(?![\w]))?"
        cap = _cap(syntax["name_abbreviations"])
        self.name_re = re.compile(
            rf"(?<![\w@/.])(?:{cap})(?:(?:{_SPACE}|{_SPACE}{connect}{_SPACE}|[ ]?{elided}|[ ]?-[ ]?){cap})*{corporate}")
        self.based_suffixes = tuple(syntax["based_suffixes"])
        self.based = re.compile(rf"[\w.]+(?:[ -][\w.]+)?{_alternation(self.based_suffixes, folded=False)}\s+")
        self.name_tail = re.compile(
            rf"(?:[ \t]+(?:{_alternation(syntax['name_tail_connectors'], folded=False, apostrophes=True, in_order=True)}[ \t]*)+[^\W\d_][\w'’-]*"
            r"|[ \t]+[A-ZÀ-Ý][\w'’-]*)*")
        units = _alternation([*syntax["quantity_units"], *syntax["ordinal_suffixes"]], folded=False)
        self.quantity = re.compile(rf"\d+(?:[.,]\d+)?\s?(?:[kmb]|{units})", re.IGNORECASE)
        articles = syntax["name_articles"]
        self.sentence_articles = frozenset(words.words("syntax", "name_articles")) | {""}
        self.leading_article = re.compile(rf"^{_alternation(articles, folded=False)}\s+", re.IGNORECASE)
        self.elided_article = re.compile(
            "^" + _alternation([w for w in articles if w.endswith("'")], folded=False, apostrophes=True), re.IGNORECASE)
        coordinators = _alternation(syntax["name_coordinators"], folded=False)
        self.coordination = re.compile(rf"\s+(?:{coordinators}|&)\s+")
        descriptors = sorted({fold(d) for d in data["descriptors"]} | {fold(d) for d in data["name_descriptors"]},
                             key=len, reverse=True)
        self.name_descriptors = {fold(d) for d in data["name_descriptors"]}
        descriptor_articles = _alternation(syntax["descriptor_articles"], after=" ")
        descriptor_connector = _alternation(syntax["descriptor_connectors"], after=r"\b")
        descriptor_connectors = _alternation(syntax["descriptor_connectors"], after=" ")
        self.descriptor_re = re.compile(
            rf"(?<![\w]){descriptor_articles}?(?P<desc>" + "|".join(re.escape(d) for d in descriptors)
            + rf")(?:\s+(?!{descriptor_connector})[a-z]+){{0,2}}?\s*(?:(?P<conn>{descriptor_connectors})?)$")
        self._cue_article = _alternation(syntax["cue_articles"], after=" ")
        self._subject_relative = _alternation(syntax["subject_relatives"], after=r"\s+")
        self.victim_before = self._end_cue(data["victim_cues"]["before"])
        self.victim_after = self._start_cue(data["victim_cues"]["after"])
        self.parent_before = self._end_cue(data["parent_cues"]["before"], gap=60)
        self.parent_after = self._start_cue(data["parent_cues"]["after"])
        self.child_before = self._end_cue(data["child_cues"])
        self.alias_before = self._end_cue(data["alias_cues"], gap=4)
        self.subsidiary_after = re.compile(r"^[^.;:!?\n]{0,40}?(?<![\w])(?:" + "|".join(
            re.escape(fold(w)) for w in data["subsidiary_words"]) + r")(?![\w])(?!\s+" + words.alternation("syntax", "of") + r"\s)")
        self.media_before = self._end_cue(data["media_cues"])
        self.attacker_context = cue_regex([re.escape(fold(c)) for c in data["attacker_cues"]])
        self.vendor_context = cue_regex([re.escape(fold(c)) for c in data["vendor_cues"]])
        self.law_context = cue_regex([re.escape(fold(c)) for c in data["law_cues"]])
        self.other_incident = cue_regex(cues["other_incident"])
        self.incident = cue_regex(list(cues["exposure"]) + list(records["breach_context"]))
        self.weights = LinearScorer.from_data(read_resource(lang, "weights", resources)["victim"], VICTIM_FEATURES)
        self.apposition = re.compile(rf",\s*{words.alternation('syntax', 'apposition_openers')}\s[^,;.()\n]{{0,120}},")
        descriptor_words = "|".join(re.escape(w) for w in sorted({w for d in descriptors for w in d.split() if len(w) > 3}))
        self.modifier_after = re.compile(rf"^\s+(?:{descriptor_words})(?![\w])")
        owner = "|".join(re.escape(fold(v)) for v in data["owner_verbs"])
        auxiliaries = _alternation(syntax["owner_auxiliaries"], after=r"\s+")
        self.owner_after = re.compile(rf"^\s+{auxiliaries}?(?:{owner})(?![\w])")
        owner_nouns = _alternation(syntax["owner_nouns"], after=r"\s+")
        self.relative_before = re.compile(rf"{words.alternation('syntax', 'object_relatives')}\s+{owner_nouns}?$")
        self.first_person = re.compile(rf"(?<![\w']){words.alternation('text', 'first_person')}(?![\w'])")
        self.anaphors = cue_regex([re.escape(fold(a)) for a in data["anaphors"]])
        self.org_words = {fold(w).strip(".,") for w in data["suffixes"]} | {w for d in descriptors for w in d.split()}
        self.leading_words = {w for d in descriptors for w in d.replace("'", " ").split()}
        # "L.L.C." is cut like a name: "l", "l", "c"
        self.legal_suffixes = {w for ending in words.words("syntax", "name_endings") for w in _key_words(ending)}

    def _end_cue(self, phrases: Iterable[str], gap: int = 0) -> re.Pattern[str]:
        """A cue that ends right before a mention (allowing an article, or ``gap`` characters)."""
        alternation = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
        filler = rf"[^.;:!?\n]{{0,{gap}}}?" if gap else ""
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w]){filler}[\s,:]*{self._cue_article}?$")

    def _start_cue(self, phrases: Iterable[str]) -> re.Pattern[str]:
        alternation = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"^(?:,?\s*){self._subject_relative}?(?:{alternation})(?![\w])")

    # -------------------------------------------------------------- headline
    def headline(self, text: str) -> "Headline":
        """Where the headline is: the first line, when the text has several lines, the line is
        short and is not a dateline, byline, date line, salutation or a sentence of the lede;
        and where a site or paper name closes it ("... | CSO Online")."""
        end = _headline_end(text)
        if not end:
            return Headline(0, 0, 0)
        start = len(text) - len(text.lstrip())
        line = text[start:end]
        folded = fold(line)
        words = line.split()
        if any(p.search(folded) for p in self.not_headline) or (line.rstrip().endswith(".") and len(words) > 14):
            return Headline(0, 0, 0)
        site = end
        for separator in self.site_separators:
            cut = line.rfind(separator)
            if cut > 0:
                tail, head = line[cut + len(separator):], line[:cut]
                if 0 < len(tail.split()) <= 5 and len(head.split()) >= 3:
                    site = min(site, start + cut)
        return Headline(start, end, site)

    def _title_case_piece(self, text: str, start: int, end: int, headline: "Headline") -> tuple[int, int]:
        """The part of a capitalized run of a Title Case headline that names an organization.

        In "Netflix Scam Spreads Ransomware" every word is capitalized, so the run says nothing
        of where the name ends. The body does: keep the longest stretch of the run's words that
        the body writes the same way; failing that, cut the run at the first word the body
        writes in lower case ("Wishbone Quiz App Exposes..." → "Wishbone")."""
        body = text[headline.end:]
        words = list(re.finditer(r"\S+", text[start:end]))
        best: tuple[int, int] | None = None
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if best is not None and j - i <= best[1] - best[0]:
                    break
                phrase = text[start + words[i].start():start + words[j - 1].end()].rstrip(".,;:'’")
                if not (words[i].group()[:1].isupper() and words[j - 1].group()[:1].isupper()):
                    continue  # a name starts and ends with a capitalized word, never "of"
                if len(phrase) >= 2 and re.search(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", body):
                    best = (i, j)
        if best is not None:
            i, j = best
            piece_end = start + words[j - 1].end()
            while piece_end > start and text[piece_end - 1] in ".,;:":
                piece_end -= 1
            return start + words[i].start(), piece_end
        lower = {fold(w) for w in re.findall(r"(?<![\w'’-])[a-zà-ÿœ][\w'’-]*", body)}
        for k, w in enumerate(words):
            if k and fold(w.group().strip(".,;:")) in lower:
                return start, start + words[k - 1].end()
        return start, end

    # -------------------------------------------------------------- mentions
    def mentions(self, text: str, ents: Iterable[tuple[int, int, str]] = ()) -> list[Mention]:
        folded = fold(text)
        sentences = split_sentences(text, self.abbreviations)
        vocab = _Vocabulary(text)
        headline = self.headline(text)
        title_case = headline.end > 0 and _title_case(text[headline.start:headline.site])
        persons = {(s, e) for s, e, label in ents if label in ("PER", "PERSON")}
        # "Francisco Rodriguez ... Rodriguez said": the person's surname alone is no organization
        surnames = {text[s:e].split()[-1] for s, e in persons if " " in text[s:e].strip()}
        person_counts: dict[str, int] = {}
        for s, e in persons:
            person_counts[text[s:e]] = person_counts.get(text[s:e], 0) + 1
        places = {(s, e) for s, e, label in ents if label in ("LOC", "GPE")}
        found: list[Mention] = []
        for m in self.name_re.finditer(text):
            run_end = m.end()
            for s, e in persons:  # "... District Chancellor Francisco Rodriguez": stop before the person
                if m.start() < s < run_end and e <= run_end + 1:
                    run_end = s
            for start, end in self._trim(text, m.start(), run_end, sentences, vocab):
                if title_case and start < headline.site:
                    start, end = self._title_case_piece(text, start, min(end, headline.site), headline)
                extended = self._with_descriptor(folded, start)
                orgish = extended < start or self._looks_like_org(text[start:end])
                # the NER's persons are vetoed only as "First Last": it calls many one-word firms PER
                if (start, end) in persons and not orgish and " " in text[start:end] and \
                        person_counts.get(text[start:end], 0) >= text.count(text[start:end]):
                    continue  # unless the NER itself left it untagged elsewhere
                if not orgish and text[start:end] in surnames:
                    continue
                place = any(s <= start and end <= e for s, e in places) and not orgish
                found.append(self._mention(text, folded, sentences, extended, end, "place" if place else "pattern"))
        for start, end, label in ents:
            if title_case and label == "ORG" and start < headline.site:
                start, end = self._title_case_piece(text, start, min(end, headline.site), headline)
            if label == "ORG":
                start, end = self._trim_entity(text, start, end)
            surface = text[start:end]
            if not any(c.isupper() for c in surface):
                continue  # "the state health department": a common noun, not a name
            if label == "ORG" and "\n" not in surface and not any(f.start <= start and end <= f.end for f in found) \
                    and fold(surface) not in self.not_names and not self._common_phrase(surface, vocab):
                found.append(self._mention(text, folded, sentences, start, end, "ner"))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in found:
            if kept and mention.start < kept[-1].end:
                continue
            if not mention.key or "_" in mention.text or mention.text.endswith(self.based_suffixes) or \
                    self.quantity.fullmatch(mention.text) or self._bare_descriptor(mention.text) or \
                    _dateline_place(text, mention) or _breadcrumb(text, mention):
                continue  # a user name ("madelinot_inquiet"), the city of a wire dateline ("DAKAR, 3 mai –")
            kept.append(mention)
        kept = [self._with_number(text, folded, sentences, m) for m in kept]
        return self._join_coordinated(text, folded, sentences, kept)

    def _with_number(self, text: str, folded: str, sentences: list[Segment], mention: Mention) -> Mention:
        """"Forever 21", "Paris 1": a short number that the text writes after the name every time it
        names it (at least twice) is part of the name; a lone one is a count or a year."""
        m = _NAME_NUMBER.match(text, mention.end)
        if m is None or mention.source == "place":
            return mention
        whole = text[mention.start:m.end()]
        if len(re.findall(re.escape(whole) + r"(?![\d,.])", text)) < 2 or \
                len(re.findall(re.escape(text[mention.start:mention.end]) + r"(?! \d)", text)) > 0:
            return mention
        return self._mention(text, folded, sentences, mention.start, m.end(), mention.source)

    def _bare_descriptor(self, surface: str) -> bool:
        """A lone common head ("Ehpad", "hôpital", "Centre", "Hospital"): what kind of place, not which."""
        words = surface.split()
        return len(words) == 1 and not surface.isupper() and fold(surface).strip(".,'’") in self.org_words

    def _join_coordinated(self, text: str, folded: str, sentences: list[Segment],
                          mentions: list[Mention]) -> list[Mention]:
        """"Cascade Eye and Skin Centers", "NHS Dumfries and Galloway": two capitalized runs joined by
        "and"/"et"/"&" are one name when the whole is written again, or when it ends like the name
        of an organization and its first part does not."""
        out: list[Mention] = []
        for mention in mentions:
            previous = out[-1] if out else None
            if previous is not None and self.coordination.fullmatch(text[previous.end:mention.start]):
                whole = text[previous.start:mention.end]
                ends_like_org = self._org_word(mention.text.split()[-1]) and \
                    not self._org_word(previous.text.split()[-1])
                same_family = fold(previous.text.split()[0]) == fold(mention.text.split()[0])  # "X France et X Biologie"
                if (text.count(whole) >= 2 or ends_like_org) and not same_family:
                    out[-1] = self._mention(text, folded, sentences, previous.start, mention.end, previous.source)
                    continue
            out.append(mention)
        return out

    def _org_word(self, word: str) -> bool:
        """``word`` (or its singular) names a kind of organization: "Centers", "Clinic", "Santé"."""
        folded = fold(word).strip(".,")
        return folded in self.org_words or folded.rstrip("s") in self.org_words

    def _trim_entity(self, text: str, start: int, end: int) -> tuple[int, int]:
        """An entity of the NER without the function words it swallowed ("Directrice générale du CHU
        de" → "CHU"): leading words that are no names or are lower-case, trailing connectors."""
        words = list(re.finditer(r"\S+", text[start:end]))
        if not words:
            return start, end
        i = 0
        while i < len(words) - 1 and (fold(words[i].group()).strip(".,") in self.title_words
                                      or words[i].group()[:1].islower()):
            i += 1
        j = len(words)
        while j > i + 1 and fold(words[j - 1].group()).strip(".,'’") in self.connectors:
            j -= 1
        return start + words[i].start(), start + words[j - 1].end()

    def _mention(self, text: str, folded: str, sentences: list[Segment], start: int, end: int, source: str) -> Mention:
        based = self.based.match(text, start, end)
        if based and based.end() < end:
            start = based.end()  # "Va.-based Defense Point Security", "Ohio-based Meridian"
        if re.search(r"['’]s$", text[start:end]):
            end -= 2  # English possessive: "Ormeau Clinic's network"
        surface = self.leading_article.sub("", text[start:end]).strip()
        surface = self.elided_article.sub("", surface)
        return Mention(start, end, surface, self.key(surface), segment_at(sentences, start) if sentences else 0, source)

    def _common_phrase(self, name: str, vocab: "_Vocabulary") -> bool:
        """Title-case common nouns ("Data Security Incident", "What Was Involved"): every word also
        appears in lower case in the text, and none is an organization suffix."""
        words = [w for w in re.split(r"[\s\-'’]+", name) if w]
        if len(words) < 2 or self._looks_like_org(name):
            return False
        return all(w.isalpha() and not w.isupper() and vocab.common(w, name) for w in words)

    def _looks_like_org(self, name: str) -> bool:
        """Camel case, an acronym, a descriptor or an organization suffix: not a person or a place."""
        words = name.split()
        if any(re.search(r"[a-z][A-Z]", w) or (w.isupper() and len(w) >= 2) for w in words):
            return True
        folded = {fold(w).strip(".,") for w in words}
        return bool(folded & self.org_words)

    def key(self, name: str) -> str:
        """A name without leading descriptors, connectors and legal suffixes, for clustering:
        "centre hospitalier d'Armentières" and "hôpital d'Armentières" both give "armentieres"."""
        words = _key_words(name)
        while len(words) > 1 and (words[0] in self.leading_words or words[0] in self.connectors):
            words.pop(0)
        while len(words) > 1 and words[-1] in self.legal_suffixes:
            words.pop()
        significant = [w for w in words if w not in self.connectors]
        return " ".join(significant or words)

    def _trim(self, text: str, start: int, end: int, sentences: list[Segment],
              vocab: "_Vocabulary") -> list[tuple[int, int]]:
        """Split a capitalized run at words that are not names ("Selon Reuters" → "Reuters")."""
        pieces: list[tuple[int, int]] = []
        words = list(re.finditer(r"[^\s]+", text[start:end]))
        current: list[re.Match[str]] = []
        for w in words:
            token = w.group().strip(",.;:!?\"'«»()")
            if (token in self.not_names_exact or (fold(token) in self.not_names and token[:1].isupper()
                                                  and not token.isupper() and len(token) > 1)) \
                    and not self._place_of_name(current):
                if current:
                    pieces.append((start + current[0].start(), start + current[-1].end()))
                current = []
                continue
            current.append(w)
        if current:
            pieces.append((start + current[0].start(), start + current[-1].end()))
        pieces = [cut for s, e in pieces for cut in self._possessive_cut(text, s, e)]
        out = []
        for s, e in pieces:
            segment = text[s:e]
            segment_words = segment.split()
            while segment_words and fold(segment_words[-1]) in self.edge_connectors:
                segment_words.pop()
            while segment_words and fold(segment_words[0]) in self.edge_connectors:
                segment_words.pop(0)
            if not segment_words:
                continue
            first = segment.find(segment_words[0])
            s2 = s + first
            e2 = s2 + len(" ".join(segment_words)) if " ".join(segment_words) in segment else e
            cleaned = text[s2:e2].rstrip(".,;:'’")
            e2 = s2 + len(cleaned)
            if e2 - s2 < 2:
                continue
            if self._sentence_initial_word(text, s2, e2, sentences, vocab) or fold(text[s2:e2]) in self.not_names \
                    or self._common_phrase(text[s2:e2], vocab):
                continue
            out.append((s2, e2))
        return out

    def _place_of_name(self, current: list[re.Match[str]]) -> bool:
        """The run so far is an organization's head and a connector ("CHU de", "University of"): the
        place that follows is part of its name ("CHU de Rennes"), not a word to cut at."""
        if len(current) < 2 or fold(current[-1].group()).strip("'’") not in self.connectors:
            return False
        head = [w.group() for w in current[:-1]]
        return any(re.split(r"['’]", fold(w).strip(".,"))[-1] in self.org_words or (w.isupper() and len(w) >= 2)
                   for w in head)

    def _possessive_cut(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """"Three UK's Facebook page", "Kaleida Health's EHR": a name ends at its possessive, unless
        what follows is itself a name of an organization ("St. Brigid's Children's Hospital")."""
        for w in re.finditer(r"\S+?['’]s(?=\s)", text[start:end]):
            rest = text[start + w.end():end]
            if not ({fold(x).strip(".,") for x in rest.split()} & self.org_words):
                return [(start, start + w.end()), (start + w.end() + 1, end)]
        return [(start, end)]

    def _sentence_initial_word(self, text: str, start: int, end: int, sentences: list[Segment],
                               vocab: "_Vocabulary") -> bool:
        """Not a name: a lone capitalized word opening a sentence (or a bullet) that the text never
        capitalizes elsewhere, or an all-caps heading ("PLAINTE DÉPOSÉE")."""
        word = text[start:end]
        if word.isupper() and len(word.replace("-", "")) > 5:
            return " " in word or fold(word) in vocab.lower_words
        if " " in word or not word[:1].isupper() or word.isupper() or any(c.isupper() for c in word[1:]):
            return False
        index = segment_at(sentences, start) if sentences else 0
        if sentences and sentences[index].start != start and not re.match(r"\s*[-•*–]\s*$", text[sentences[index].start:start]):
            return False
        return word not in vocab.mid_caps

    def _with_descriptor(self, folded: str, start: int) -> int:
        """Extend a name leftwards over a descriptor that belongs to it ("clinique des Lilas")."""
        m = self.descriptor_re.search(folded[max(0, start - 60):start])
        if m and m.group("desc") in self.name_descriptors:
            extended = start - (len(folded[max(0, start - 60):start]) - m.start("desc"))
            if "\n" not in folded[extended:start]:  # a headline's last word is no part of the next line's name
                return extended
        return start

    # ------------------------------------------------------------- clusters
    def clusters(self, text: str, mentions: list[Mention]) -> list[Cluster]:
        folded = fold(text)
        clusters: list[Cluster] = []
        # each cluster's mentions with distinct (key, text), the only ones _same needs to compare:
        # a name repeated a thousand times is compared once
        forms: dict[int, tuple[set[tuple[str, str]], list[Mention]]] = {}
        for mention in mentions:
            target = None
            alias = self.alias_before.search(folded[max(0, mention.start - 40):mention.start])
            for cluster in clusters:
                if self._same(Cluster(forms[id(cluster)][1]), mention):
                    target = cluster
                    break
            if target is None and alias:
                previous = [c for c in clusters if c.mentions[-1].sentence == mention.sentence]
                if previous:
                    target = max(previous, key=lambda c: c.mentions[-1].end)
            if target is None:
                target = Cluster([mention], connectors=self.connectors)
                clusters.append(target)
                forms[id(target)] = (set(), [])
            else:
                target.mentions.append(mention)
            seen, distinct = forms[id(target)]
            if (mention.key, mention.text) not in seen:
                seen.add((mention.key, mention.text))
                distinct.append(mention)
        return clusters

    def _same(self, cluster: Cluster, mention: Mention) -> bool:
        for other in cluster.mentions:
            if other.key == mention.key:
                return True
            a, b = other.key, mention.key
            if _acronym(other.text, mention.text, self.connectors) or _acronym(mention.text, other.text, self.connectors):
                return True
            if min(len(a), len(b)) >= 3 and fuzz.token_set_ratio(a, b) >= 90 and _shares_head(a, b):
                return True
            if a.replace(" ", "") == b.replace(" ", ""):
                return True  # "Connect On Call" / "ConnectOnCall"
        return False

    # ---------------------------------------------------------------- roles
    def assign_roles(self, text: str, clusters: list[Cluster]) -> Cluster | None:
        """Give every cluster a role, victim features and a victim score; return the victim or None.

        Each cluster's evidence is counted as named features (:data:`VICTIM_FEATURES`); its victim
        score is the weighted sum plus the bias of ``weights.yml`` (fitted on gold by ``make
        train``), a logit: the best candidate is the victim when its score reaches
        :data:`VICTIM_MARGIN`.
        """
        folded = fold(text)
        sentences = split_sentences(text, self.abbreviations)
        last_lines_start = _tail_start(text)
        other_incident_sentences = {i for i, s in enumerate(sentences)
                                    if self.other_incident.search(folded, s.start, s.end)}
        incident_sentences = {i for i, s in enumerate(sentences) if self.incident.search(folded, s.start, s.end)}
        parents: dict[int, Cluster] = {}  # id(child) -> parent
        orphans: list[Cluster] = []
        headline = self.headline(text)
        letter = len(self.first_person.findall(folded)) >= 3
        letter_head = _nth_line_start(text, 4)
        body_start = headline.end
        first_body_sentence = segment_at(sentences, min(len(text) - 1, body_start + 1)) if sentences and text else 0
        for cluster in clusters:
            role = None
            for m in cluster.mentions:
                gazetteer_role = self.gazetteer.get(fold(m.text)) or self.gazetteer.get(m.key) or (
                    "regulator" if self.regulator_name.search(fold(m.text + self._name_tail(text, m.end))) else None)
                if gazetteer_role:
                    role = gazetteer_role
                    m.cues.append((m.start, m.end, f"gazetteer:{gazetteer_role}"))
                    break
            f = cluster.features
            counted_sentences: set[int] = set()
            mention_sentences: set[int] = set()
            place = all(m.source == "place" for m in cluster.mentions)

            for m in cluster.mentions:
                before = folded[max(0, m.start - 80):m.start]
                after = folded[m.end:m.end + 40]
                other = m.sentence in other_incident_sentences
                mention_sentences.add(m.sentence)
                if headline.site <= m.start < headline.end:
                    role = role or "media"  # "... | CSO Online": the site that published the story
                    m.cues.append((m.start, m.end, "headline_site"))
                elif m.start < headline.site:
                    f["headline"] += 1
                    m.cues.append((m.start, m.end, "headline"))
                parent_cue = self.parent_before.search(before[-70:])
                child = self._nearest_before(cluster, clusters, m, sentences) if parent_cue else None
                if child is not None:
                    parents[id(child)] = cluster
                    m.cues.append((m.start, m.end, "parent_cue"))
                modifier = m.source == "place" and self.modifier_after.match(after)
                if not other and not modifier and m.sentence not in counted_sentences:
                    if self.victim_before.search(before) or self.victim_after.match(after) or \
                            self._cue_after_apposition(folded, m.end):
                        m.cues.append((m.start, m.end, "victim_cue"))
                        if child is not None:
                            # "X, filiale de Y, a annoncé": the verb after the apposition is X's
                            child.features["apposition_cue"] += 1
                        else:
                            f["victim_cue"] += 1
                            counted_sentences.add(m.sentence)
                if other:
                    f["other_incident"] += 1
                    if role is None and m.source != "place":
                        m.cues.append((m.start, m.end, "other_incident_victim"))
                f["mentions"] += 1
                if m.start >= last_lines_start:
                    f["signature"] += 1  # letters are signed by the organization that writes them
                if m.start >= body_start and self._opens_sentence(text, sentences, m):
                    f["sentence_subject"] += 1
                if self.relative_before.search(before[-25:]) and self.owner_after.match(after):
                    child = self._nearest_before(cluster, clusters, m, sentences)
                    if child is not None:
                        parents[id(child)] = cluster
                        m.cues.append((m.start, m.end, "owner_cue"))
                if self.subsidiary_after.match(after) and m.sentence not in other_incident_sentences and not place:
                    orphans.append(cluster)  # "X, filiale à 100 % du groupe": owner named elsewhere
                if self.child_before.search(before[-50:]):
                    owner = self._nearest_before(cluster, clusters, m, sentences, reach=2)
                    if owner is not None:
                        parents[id(cluster)] = owner
                if role is None:
                    sentence = sentences[m.sentence] if sentences else Segment(0, len(text))
                    window = folded[max(sentence.start, m.start - 40):min(sentence.end, m.end + 25)]
                    if self.attacker_context.search(window) and not self.victim_after.match(after):
                        m.cues.append((m.start, m.end, "attacker_context"))
                        f["attacker_context"] += 1
                    if self.media_before.search(before[-40:]):
                        f["media_context"] += 1
                    if self.vendor_context.search(folded[max(sentence.start, m.start - 30):m.start]):
                        f["vendor_context"] += 1
            f["place"] = float(place)
            f["letter_writer"] = float(letter and any(m.start < letter_head or m.start >= last_lines_start
                                                      for m in cluster.mentions))
            f["incident_sentences"] = float(len(mention_sentences & incident_sentences))
            f["first_sentence"] = float(first_body_sentence in mention_sentences)
            f["short_name"] = float(len(cluster.name) <= 3)
            f["ner_only"] = float(all(m.source == "ner" for m in cluster.mentions))
            f["vendor_role"] = float(role == "vendor")
            cluster.role = role or "other"
        # how often a candidate is named against the most named candidate (a regulator named more
        # often does not make the victim less central)
        most = max((c.features["mentions"] for c in clusters if c.role not in NEVER_VICTIM), default=1.0) or 1.0
        # the candidate named first in the body (no place, regulator, paper or attacker)
        first_named = min((m.start for c in clusters if c.role not in NEVER_VICTIM for m in c.mentions
                           if m.start >= body_start and m.source != "place"), default=-1)
        for cluster in clusters:
            cluster.features["mention_share"] = cluster.features["mentions"] / most
            cluster.features["first_named"] = float(any(m.start == first_named for m in cluster.mentions))
            cluster.score = self.weights.score(cluster.features)
        for child in orphans:
            if id(child) not in parents:
                owners = [c for c in clusters if c is not child and c.role not in NEVER_VICTIM and c.role != "vendor"]
                if owners:
                    parents[id(child)] = max(owners, key=lambda c: c.score)
        for cluster in clusters:
            parent = parents.get(id(cluster))
            if parent is not None and parent is not cluster and parent.role not in NEVER_VICTIM:
                cluster.owns = None
                parent.owns = cluster
        candidates = [c for c in clusters if c.role not in NEVER_VICTIM]
        for cluster in candidates:
            cluster.features["owns"] = float(cluster.owns is not None and cluster.role != "vendor")
            cluster.score = self.weights.score(cluster.features)
        # the weights' bias sets the bar; a little below it, the best candidate still wins when
        # nothing else does (first-sight batches: a victim named twice without a listed cue)
        pool = [c for c in candidates if c.score >= VICTIM_MARGIN]
        if not pool:
            return None
        victim = max(pool, key=lambda c: (c.score, -c.mentions[0].start))
        if victim.owns is not None and victim.owns.role not in NEVER_VICTIM:
            # "le groupe X ... l'une de ses filiales, Y": the breach is at the subsidiary
            victim = victim.owns
        victim.role = "victim"
        for cluster in clusters:
            if cluster is not victim and cluster.owns is victim:
                cluster.role = "parent"
        return victim

    def _name_tail(self, text: str, end: int) -> str:
        """The words that may go on with a name cut short ("Commission d'accès" + " à l'information",
        "Office of the Australian Information" + " Commissioner"): capitalized, or after a connector."""
        m = self.name_tail.match(text, end, min(len(text), end + 80))
        return m.group() if m else ""

    def _opens_sentence(self, text: str, sentences: list[Segment], mention: Mention) -> bool:
        """The mention begins its sentence, after at most an article: the usual place of the subject."""
        if not sentences:
            return False
        start = sentences[mention.sentence].start
        return fold(text[start:mention.start]).strip() in self.sentence_articles

    def _cue_after_apposition(self, folded: str, end: int) -> bool:
        """"X, a dental practice group with offices in Maine, lost data": the verb after the apposition."""
        m = self.apposition.match(folded, end)
        return bool(m and self.victim_after.match(folded[m.end():m.end() + 40]))

    @staticmethod
    def _nearest_before(cluster: Cluster, clusters: list[Cluster], mention: Mention,
                        sentences: list[Segment], reach: int = 0) -> Cluster | None:
        """The organization named last before ``mention``, in its sentence (or ``reach`` before)."""
        best: tuple[int, Cluster] | None = None
        for other in clusters:
            if other is cluster or other.role in NEVER_VICTIM:
                continue
            for m in other.mentions:
                if m.source == "place":
                    continue
                if mention.sentence - reach <= m.sentence <= mention.sentence and m.end <= mention.start:
                    if best is None or m.end > best[0]:
                        best = (m.end, other)
        return best[1] if best else None


def _key_words(name: str) -> list[str]:
    """The folded words of a name as its clustering key cuts them ("L.L.C." → "l", "l", "c")."""
    return [w for w in re.split(r"[\s'’-]+", fold(name).replace(".", " ").replace(",", " ")) if w]


def _dateline_place(text: str, mention: Mention) -> bool:
    """An upper-case place opening a line and followed by a comma, a dash or a bracket: the city of
    a wire dateline ("LAVAL, 14 février (PC) –", "WELLINGTON -")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    surface = text[mention.start:mention.end]
    letters = [c for c in surface if c.isalpha()]
    return (not text[line_start:mention.start].strip() and len(letters) >= 4 and surface.upper() == surface
            and bool(re.match(r"\s*(?:,|\(|[–—]|-\s)", text[mention.end:mention.end + 3])))


_NAME_NUMBER = re.compile(r" \d{1,3}(?![\d,.%\w])(?! ?\d)")


def _breadcrumb(text: str, mention: Mention) -> bool:
    """A mention on a line of page navigation ("Forum › Sécurité & vie › Fuites")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    # "›" and " > " always; a closing French quote " » " only on a short line (prose quotes too)
    return "›" in line or " > " in line or (" » " in line and len(line) < 120)


def _common_noun_before(prefix: str, connectors: frozenset[str]) -> bool:
    """``prefix`` ends with a lower-case word that is no connector or article ("la mutuelle ")."""
    words = prefix.split()
    return bool(words) and words[-1][:1].islower() and fold(words[-1]).strip("'’") not in connectors


def _acronym(long: str, short: str, connectors: frozenset[str]) -> bool:
    """``short`` is the acronym of ``long``: "CIMVA" / "Centre d'imagerie médicale du Val-d'Arly"."""
    letters = re.sub(r"[^A-Z]", "", fold(short).upper()) if short.replace("-", "").replace(".", "").isupper() else ""
    if len(letters) < 2 or len(short.replace("-", "").replace(".", "")) > 8:
        return False
    words = [w for w in re.split(r"[\s\-–'’]+", long) if w]
    if len(words) < 2:
        return False
    capitals = "".join(fold(w[0]).upper() for w in words if w[:1].isupper())
    significant = "".join(fold(w[0]).upper() for w in words if fold(w) not in connectors)
    return letters in (capitals, significant)


def _shares_head(a: str, b: str) -> bool:
    """Token-set matches must share their first significant word ("orange" ≠ "orange bank" is fine,
    "lilas" vs "parc lilas" too, but not two names sharing only a generic word)."""
    return a.split()[0] == b.split()[0] or set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split())


@dataclass(frozen=True)
class Headline:
    """Offsets of the headline line (``start == end == 0``: none) and of the site name that may
    close it (``site == end``: none)."""

    start: int
    end: int
    site: int


def _title_case(line: str) -> bool:
    """Most words of four letters or more are capitalized ("Hackers Hit Local Clinic")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def _headline_end(text: str) -> int:
    """End of the headline: the first line, when the text has several lines and it is short."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    newline = stripped.find("\n")
    if newline == -1 or newline > 250:
        return 0
    return offset + newline


def _line_starts(text: str) -> list[int]:
    """``[m.start() for m in re.finditer(r"(?m)^\\s*\\S", text)]`` in linear time (the regex
    rescans every run of blank lines from each of its lines): 0 for the first non-empty line,
    then for each next one the start of the line after the previous non-empty one."""
    starts: list[int] = []
    pending = pos = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            starts.append(pending)
            pending = pos + len(line) + 1
        pos += len(line) + 1
    return starts


def _nth_line_start(text: str, n: int) -> int:
    """Offset where the ``n``-th non-empty line begins (end of text when there are fewer)."""
    lines = _line_starts(text)
    return lines[n] if len(lines) > n else len(text)


def _tail_start(text: str) -> int:
    """Offset where the last three non-empty lines begin (a letter's signature)."""
    lines = _line_starts(text)
    return lines[-3] if len(lines) >= 6 else len(text) + 1


@lru_cache(maxsize=8)
def org_rules(lang: str, resources: str = "default") -> OrgRules:
    return OrgRules(lang, resources)


class OrgTagger(BreachComponent):
    """Finds organizations, clusters their mentions and gives each cluster a role."""

    label = LABEL

    def __init__(self, nlp: Language, name: str = "breach_org", *, resources: str = "default",
                 spans_key: str = "breach_org", use_ner: bool = True) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.use_ner = use_ner
        self.rules = org_rules(self.lang, resources)

    def _config(self) -> dict[str, object]:
        return {**super()._config(), "use_ner": self.use_ner}

    def __call__(self, doc: Doc) -> Doc:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if self.use_ner else []
        text = doc_text(doc)
        mentions = self.rules.mentions(text, ents)
        clusters = self.rules.clusters(text, mentions)
        self.rules.assign_roles(text, clusters)
        spans = []
        for cluster in clusters:
            name, aliases = cluster.name, cluster.aliases  # once per cluster, not once per mention
            place = all(x.source == "place" for x in cluster.mentions)
            parent_of = cluster.owns.name if cluster.owns else None
            victim_features = {k: v for k, v in cluster.features.items() if v}  # what the score weighed
            for m in cluster.mentions:
                span = self.char_span(doc, m.start, m.end)
                if span is None:
                    continue
                span._.org_name = name
                span._.org_role = cluster.role
                span._.org_score = cluster.score
                span._.breach_cues = [list(c) for c in m.cues]
                span._.breach_features = {"sentence": m.sentence, "aliases": list(aliases), "place": place,
                                          "parent_of": parent_of, "victim": victim_features}
                spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: s.start)
        return doc


@Language.factory(
    "breach_org",
    assigns=["doc.spans", "span._.org_name", "span._.org_role", "span._.org_score"],
    default_config={"resources": "default", "spans_key": "breach_org", "use_ner": True},
)
def make_org_tagger(nlp: Language, name: str, resources: str, spans_key: str, use_ner: bool) -> OrgTagger:
    return OrgTagger(nlp, name, resources=resources, spans_key=spans_key, use_ner=use_ner)
