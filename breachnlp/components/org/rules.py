"""The words and patterns of one language for ``breach_org``, built from ``LanguageData``.

Every word comes from ``resources/<lang>/`` (``orgs.yml``, ``syntax.yml`` ``# --- organizations``,
``text.yml``, ``cues.yml``); this module only composes them into regular expressions. The
methods that use them are in :mod:`.mentions` (finding names), :mod:`.clusters` (grouping the
mentions of one organization) and :mod:`.roles` (a role and a victim score for each group).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import spacy

from ...resources import language_data, read_resource
from ...scoring import LinearScorer
from ...taxonomy import LANGS
from ...text import LINE_OPENING, cue_regex, fold, phrase_regex, word_regex
from .clusters import ClusterRules, key_words
from .mentions import MentionRules
from .roles import VICTIM_FEATURES, RoleRules

# capitals: ASCII, Latin-1 and Latin Extended-A ("Şirketi", "Łódź", "Česká")
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x180)) if c.isupper())
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
    """A capitalized word: an abbreviation with its period ("St."), initials before a name ("F.H.
    Wigmore"), a word with a capital, a camel-case word ("eHealth"), a figure with letters ("3M",
    "23andMe")."""
    return (rf"(?:{_alternation(abbreviations, folded=False)}\.|(?:[{_UPPER}]\.){{2,}}(?= [{_UPPER}])|[{_UPPER}][\w&'’.+-]*[\w&+]|[{_UPPER}]"
            rf"|[a-z]{{1,6}}[{_UPPER}][\w-]*|\d+(?:[A-Z]|[a-z]{{2,}})[\w-]*)")


class OrgWords(frozenset[str]):
    """The folded words that name a kind of organization ("clinic", "sante"), and the endings of the
    names of medical specialties ("-ology", "-ologie"): "Arora Oncology", "Centre de Cardiologie" end
    like an organization whatever the specialty. ``word in org_words`` checks both."""

    endings: tuple[str, ...]

    def __new__(cls, words: Iterable[str], endings: Iterable[str] = ()) -> "OrgWords":
        self = super().__new__(cls, words)
        self.endings = tuple(fold(e) for e in endings)
        return self

    def __contains__(self, word: object) -> bool:
        return frozenset.__contains__(self, word) or (
            isinstance(word, str) and len(word) > 6 and word.isalpha() and word.endswith(self.endings))


class OrgRules(MentionRules, ClusterRules, RoleRules):
    """Organization patterns, gazetteers and role cues of one language (``orgs.yml``, and the
    function words of ``syntax.yml`` ``# --- organizations``)."""

    def __init__(self, lang: str, resources: str = "default") -> None:
        data = read_resource(lang, "orgs", resources)
        text = read_resource(lang, "text", resources)
        cues = read_resource(lang, "cues", resources)
        records = read_resource(lang, "records", resources)
        words = language_data(lang, resources)
        self.lang = lang
        self.abbreviations = words.abbreviations
        self.not_headline = [re.compile(p) for p in text["not_headline"]]
        self.head_first = text["head_position"] == "first"  # "centre hospitalier" vs "medical record"
        self.byline = re.compile("|".join(f"(?:{p})" for p in text["byline_lines"]), re.M)
        # "Read more: …", "Sign up … | Most read: …": a line of page furniture names other stories
        other_story = "|".join(f"(?:{p})" for p in text["other_story_lines"])
        self.furniture_line = re.compile(rf"{LINE_OPENING}(?:{other_story})")
        # "ANALYSIS", « DÉCRYPTAGE »: a rubric, like other page furniture, alone on its line
        self.page_furniture = re.compile(rf"{LINE_OPENING}(?:{'|'.join(f'(?:{p})' for p in text['furniture_lines'])})")
        # "(Photo d'illustration : Fotolia)", "[Photo: AFP]": a caption in brackets on its own line
        self.bracketed_furniture = re.compile(
            rf"{LINE_OPENING}[(\[]\s*(?:{'|'.join(f'(?:{p})' for p in text['furniture_lines'])})")
        # "Dear Member,", "Chère adhérente,": a letter's salutation addresses the reader
        greetings = "|".join(f"(?:{p})" for p in text["salutation_lines"])
        self.salutation = re.compile(rf"[ \t]*(?:{greetings})")
        self.greeting_before = re.compile(rf"(?<![\w'’])(?:{greetings})\s+$")  # "cher" right before the addressee
        self.site_separators = tuple(text["headline_site_separators"])
        self.gazetteer: dict[str, str] = {}
        # a regulator, a newspaper or a ransomware gang keeps its name in any language's press ("l'Office
        # for Civil Rights"): the packaged gazetteers of the other languages complete this one's
        gazetteers = [data["gazetteer"], *(read_resource(other, "orgs")["gazetteer"] for other in LANGS if other != lang)]
        for gazetteer in gazetteers:
            for role, names in gazetteer.items():
                for name in names:
                    self.gazetteer.setdefault(fold(name), role)
        self.not_names = {fold(w) for w in data["not_names"]}
        self.not_names_exact = set(data["not_names"])
        self.name_openers = frozenset(data["name_opening_words"])  # "NHS Lothian": no name alone, a name's first word
        self.legislation = re.compile("|".join(f"(?:{p})" for p in data["legislation_patterns"]))
        self.title_words = {fold(w).strip(".") for w in data["title_words"]}
        self.clause_openers = frozenset(fold(w) for w in (*data["clause_openers"], *data["headline_openers"]))
        self.correlatives = frozenset(fold(w) for w in data["correlative_openers"])
        # " v. " between two capitalised parties of a case caption (folded, so matched on the folded text)
        self.caption_separator = re.compile(r"\s(?:" + "|".join(re.escape(fold(w)) for w in data["caption_separators"])
                                            + r")\s+(?=[^\W\d_])")
        self.person_roles = frozenset(fold(w) for w in data["person_roles"])
        self.employer_patterns = [re.compile(p) for p in data["employer_patterns"]]
        self.department_words = frozenset(fold(w) for w in data["department_words"])
        self.unit_tails = frozenset(fold(w) for w in data["unit_tails"])
        incident = _alternation(data["incident_words"])
        # "X Data Breach Litigation", "Hack de X": incident words glued before or after a name
        self.incident_tail = re.compile(rf"(?:\s+{incident})+$")
        self.incident_only = re.compile(rf"{incident}(?:\s+{incident})*")
        # ... and a document's genre word before one ("Communiqué de la Clinique André Renard"), or alone
        heads = _alternation([*data["incident_words"], *data["document_words"]])
        self.genre_word = re.compile(heads)
        # "CYFSA Decision 19", « Délibération n° 2021-045 », "Report IR-15-001": a document's number (letters
        # glued to its figures by a hyphen, slash or dot may lead it), no name
        documents = _alternation(data["document_words"])
        number_markers = _alternation(data["document_number_markers"])
        self.document_number = re.compile(
            rf"(?<!\w){documents}\s+(?:{number_markers}\.?\s*)?(?:[a-z]{{1,8}}[-/.])?\d[\w/.-]*")
        # ("Sanctions on X", « Sanction à l'encontre de X »: a regulator's heading names whom it sanctions)
        self.incident_head = re.compile(rf"^{heads}\s+(?:(?:{_alternation(words.words('syntax', 'name_connectors'))}|"
                                        rf"{_alternation(data['heading_prepositions'], apostrophes=True)})\s*)+")
        self.locative_before = re.compile(rf"(?<![\w']){_alternation(data['locative_prepositions'])}\s+"
                                          rf"(?:(?:{words.alternation('syntax', 'definite_articles')})\s*)?$")
        # names are written in title case (English): lower-case words an NER entity ends with are no part of it
        self.title_cased = bool(words.setting("names_title_cased"))
        self.possessive_s = bool(words.setting("possessive_s"))
        self.regulator_name = re.compile("|".join(f"(?:{p})" for p in data["regulator_patterns"]))
        self.authority_name = re.compile("|".join(f"(?:{p})" for p in data["authority_patterns"]))
        syntax = words["syntax"]
        name_connectors = syntax["name_connectors"]
        # the connectors of names in other languages, inside a name a text quotes as it is written
        # ("Szpital Wojewódzki w Szczecinie", "Landstinget i Kalmar län", "Klinikum der Stadt Köln"):
        # they join its capitalized words, nothing else
        foreign_connectors = [w for w in syntax["foreign_name_connectors"] if w not in name_connectors]
        # connectors of a name and coordinators of two, as they stand alone at a run's edge
        # (those of other languages only as written in lower case: "Das Team AG", "Die Post" open with them)
        self.edge_connectors = frozenset(fold(w) for w in (*name_connectors, *syntax["name_coordinators"])) | {"&", "+", "-"}
        self.foreign_edge_connectors = frozenset(w for w in foreign_connectors if " " not in w)
        # "de", "of", "la"...: the words of a name that its key and its acronym leave out
        self.connectors = frozenset(words.words("syntax", "key_connectors")) | {"&", "+"} | \
            frozenset(w for phrase in words.words("syntax", "foreign_name_connectors") for w in phrase.split())
        # words of another language's names: a name in brackets holding one, after a name holding none,
        # is that name in its own language (ClusterRules._original_name)
        self.translation_connectors = frozenset(fold(w) for w in words.words("syntax", "translation_connectors"))
        # "of", « de »: after a person's title, the organization the title is of ("CEO of X")
        self.title_connectors = frozenset(fold(w) for w in name_connectors if " " not in w)
        # "Ankle + Foot Center", "Warner Norcross + Judd": a plus joins the parts of a name as "&" does
        connect = _alternation([*name_connectors, *foreign_connectors, "&", "+", "-"], folded=False)
        # after an acronym's closing parenthesis, a connector and a capital: the name goes on past it
        goes_on = _alternation(name_connectors, folded=False, apostrophes=True)
        # ... unless the capital opens a date ("(TCIG) on Wednesday, 18 December")
        dates = words["dates"]
        calendar = [w for key in ("months", "weekdays") for names in dates[key].values()
                    for w in names if not w.endswith(".")]
        not_a_date = rf"(?!(?i:{_alternation(calendar, folded=False)})\b)"
        self.name_goes_on = re.compile(rf"\s+{goes_on}\s*{not_a_date}[A-ZÀ-ÖØ-Þ]")
        # "Memorial Hospital" + " at " + "Gulfport": the site a name goes on to
        self.site_connector = re.compile(rf"[ \t]+{_alternation(syntax['site_connectors'], folded=False)}[ \t]+")
        elided = _alternation([w for w in name_connectors if w.endswith("'") and " " not in w], folded=False,
                              apostrophes=True)
        # an elided connector of two words joins the next word with no space ("CIUSSS de l'Est")
        elided_phrase = _alternation([w for w in name_connectors if w.endswith("'") and " " in w], folded=False,
                                     apostrophes=True)
        corporate = rf"(?:(?:,[ ]?|[ ]){_alternation(syntax['legal_suffixes'], folded=False)}(?![\w]))?"
        cap = _cap([*syntax["name_abbreviations"], *syntax["legal_form_abbreviations"]])
        # a middle initial between two words of a name ("John E. Gonzalez"); not a letter that ends a
        # sentence before the next one's article or opening word ("hepatitis C. The clinic said")
        openers = _alternation([*syntax["determiners"], *data["clause_openers"]], folded=False, apostrophes=True)
        initial = rf"{_SPACE}[{_UPPER}]\.{_SPACE}(?!(?i:{openers})\b)"
        self.name_re = re.compile(
            rf"(?<![\w@/.])(?:{cap})(?:(?:{initial}|{_SPACE}|{_SPACE}{connect}{_SPACE}|{_SPACE}{elided_phrase}"
            rf"|[ ]?{elided}|[ ]?-[ ]?){cap})*{corporate}")
        self.saint_words = frozenset(fold(w) for w in syntax["saint_words"])
        self.based_suffixes = tuple(syntax["based_suffixes"])
        self.based = re.compile(rf"[\w.]+(?:[ -][\w.]+)?{_alternation(self.based_suffixes, folded=False)}\s+")
        # a connector is a word of its own ("au" is no "a" glued to "u"), an elided one glued to the next
        tail = _alternation(syntax["name_tail_connectors"], folded=False, apostrophes=True, in_order=True,
                            after=r"[ \t]+")
        # "… Information" + " and Privacy Commissioner": capitalized words after a coordinator
        coordinator = _alternation(syntax["name_coordinators"], folded=False)
        self.coordinated_tail = re.compile(rf"[ \t]+{coordinator}(?:[ \t]+(?:{tail})*[A-ZÀ-Ý][\w'’-]*)+")
        self.name_tail = re.compile(rf"(?:[ \t]+(?:{tail})+[^\W\d_][\w'’-]*|[ \t]+[A-ZÀ-Ý][\w'’-]*)*")
        # the capitalized words a name cut short at its start may have lost ("Commissioner for" +
        # "Personal Data Protection"), each with the connectors after it
        head = _alternation(syntax["name_connectors"], folded=False, apostrophes=True, in_order=True)
        self.name_head = re.compile(rf"(?:[A-ZÀ-Ý][\w'’-]*[ \t]+(?:(?:{head})[ \t]+)*){{1,4}}$")
        # a figure with a unit, an ordinal suffix or a multiplier ("700 Go", "1er", "100bn"): a quantity
        numbers = read_resource(lang, "numbers", resources)
        multipliers = list(numbers["suffixes"])
        # "fined X Plc 555.8 million naira": a figure the NER glued to a name's end, before its scale word
        self.scale_after = re.compile(rf"\s*(?:{_alternation(list(numbers['scales']), folded=False)})(?![\w])", re.IGNORECASE)
        # number words of two letters or more that open a partitive ("One of", "Deux des")
        self.number_words = {fold(w) for w in numbers["units"] if len(w) > 2}
        # the language's function words (spaCy's list): shouted in capitals, no acronym ("TOUTE la base")
        self.stop_words = frozenset(fold(w) for w in spacy.util.get_lang_class(lang).Defaults.stop_words)
        units = _alternation([*syntax["quantity_units"], *syntax["written_ordinal_suffixes"], *multipliers],
                             folded=False)
        self.quantity = re.compile(rf"\d+(?:[.,]\d+)?\s?(?:[kmb]|{units})", re.IGNORECASE)
        articles = syntax["name_articles"]
        self.sentence_articles = frozenset(words.words("syntax", "name_articles")) | {""}
        self.leading_article = re.compile(rf"^{_alternation(articles, folded=False)}\s+", re.IGNORECASE)
        self.dropped_opener = re.compile(rf"^{_alternation(syntax['dropped_name_openers'], folded=False)}\s+(?=[A-ZÀ-Þ])",
                                             re.IGNORECASE)
        self.elided_article = re.compile(
            "^" + _alternation([w for w in articles if w.endswith("'")], folded=False, apostrophes=True), re.IGNORECASE)
        coordinators = _alternation(syntax["name_coordinators"], folded=False)
        self.coordination = re.compile(rf"\s+(?:{coordinators}|&)\s+")
        descriptors = sorted({fold(d) for d in data["descriptors"]} | {fold(d) for d in data["name_descriptors"]},
                             key=len, reverse=True)
        self.name_descriptors = {fold(d) for d in data["name_descriptors"]}
        self.name_heads = frozenset(fold(d) for d in data["name_heads"])
        descriptor_articles = _alternation(syntax["descriptor_articles"], after=" ")
        # "un hôpital de Zhongli", "a clinic of X": an indefinite article describes, it does not name
        self.indefinite_before = re.compile(rf"(?<!\w){_alternation(syntax['indefinite_articles'])}\s+$")
        descriptor_connector = _alternation(syntax["descriptor_connectors"], after=r"\b")
        descriptor_connectors = _alternation(syntax["descriptor_connectors"], after=" ")
        # "prosecutor Jonas Berglund of the National Fraud Office": the connector after a person's name
        self.connector_after_person = re.compile(rf"[ \t]+{_alternation(syntax['descriptor_connectors'], folded=False, apostrophes=True, after=' ')}")
        self.descriptor_re = re.compile(
            rf"(?<![\w]){descriptor_articles}?(?P<desc>" + "|".join(re.escape(d) for d in descriptors)
            + rf")(?:\s+(?!{descriptor_connector})[a-z]+){{0,2}}?\s*(?:(?P<conn>{descriptor_connectors})?)$")
        # « le groupe de construction X », « l'entreprise pharmaceutique X »: a kind with one or two
        # lower-case words qualifying it (French puts them after the kind) right before the name
        self.descriptor_qualified_re = re.compile(
            rf"(?<![\w]){descriptor_articles}?(?P<desc>" + "|".join(re.escape(d) for d in descriptors)
            + rf")(?:[ \t]+(?:{descriptor_connectors})?[a-z][a-z-]*){{1,2}}[ \t]+$")
        # ", a genetic testing laboratory": a kind of organization in apposition after a name
        # (an article, a few words, the kind)
        apposition_articles = _alternation([*syntax["indefinite_articles"], *syntax["descriptor_articles"]], after=" ")
        # ... the kind ends the apposition ("the clinic's compliance manager", "a hospital spokesman" are people):
        # a clause mark or a place after it ("in Tartu", « de Tartu »)
        places_after = _alternation([*data["locative_prepositions"], *syntax["descriptor_connectors"], "a", "à"],
                                    apostrophes=True, after=r"\b")
        kinds = "|".join(re.escape(d) for d in descriptors)
        # ... or one kind among others ("Folksam, one of Sweden's largest insurers,"), adjectives after
        # the plural kind in French (« l'un des premiers assureurs suédois, »)
        partitives = _alternation(syntax["apposition_partitives"], apostrophes=True, after=" ")
        plural = _alternation(syntax["plural_endings"], folded=False)
        # the lower-case word of a local government after its place ("Bergen municipality"), case-sensitive
        self.government_tail = re.compile(r"[ \t]+" + _alternation(data["government_tails"], folded=False)
                                          + r"(?![\w'’-])")
        # ... and capitalized, ending a name the NER may take for a person's ("Hørsholm Kommune")
        self.government_words = frozenset(fold(w) for w in data["government_tails"] if " " not in w)
        self.kind_apposition = re.compile(
            rf"\s*,\s*(?:{apposition_articles}(?:[\w'-]+\s+){{0,3}}?(?:{kinds})(?=\s*[,.;:)\n]|\s*$|\s+{places_after})"
            rf"|{partitives}(?:[\w'’-]+\s+){{0,3}}?(?:{kinds}){plural}?(?:\s+[\w'’-]+){{0,2}}?"
            rf"(?=\s*[,.;:)\n]|\s*$|\s+{places_after}))")
        self._cue_article = _alternation(syntax["cue_articles"], after=" ")
        self._subject_relative = _alternation(syntax["subject_relatives"], after=r"\s+")
        self.victim_before = self._end_cue(data["victim_cues"]["before"])
        self.victim_after = self._start_cue(data["victim_cues"]["after"])
        self.parent_before = self._end_cue(data["parent_cues"]["before"], gap=60)
        self.parent_after = self._start_cue(data["parent_cues"]["after"])
        self.child_before = self._end_cue(data["child_cues"], gap=16)  # "sa filiale mobile, X"
        self.child_cue = cue_regex([re.escape(fold(c)) for c in data["child_cues"]])
        self.child_after = re.compile(r"^\s*,\s*(?:" + "|".join(data["child_appositions"]) + r")(?![\w])")
        self.alias_before = self._end_cue(data["alias_cues"], gap=4)
        subsidiary = "|".join(re.escape(fold(w)) for w in data["subsidiary_words"])
        of = words.alternation("syntax", "of")
        self.subsidiary_after = re.compile(rf"^[^.;:!?\n]{{0,40}}?(?<![\w])(?:{subsidiary})(?![\w])(?!\s+{of}\s)")
        self.media_before = self._end_cue(data["media_cues"])
        self.recipient_before = self._end_cue(data["recipient_cues"])
        self.public_body_words = frozenset(fold(w) for w in data["public_body_words"])
        self.attacker_context = cue_regex([re.escape(fold(c)) for c in data["attacker_cues"]])
        naming = data["attacker_naming"]
        self.attacker_named_before, self.attacker_named_after = self._attacker_naming(naming)
        self.vendor_context = cue_regex([re.escape(fold(c)) for c in data["vendor_cues"]])
        self.law_context = cue_regex([re.escape(fold(c)) for c in data["law_cues"]])
        self.other_incident = cue_regex(cues["other_incident"])
        self.incident = cue_regex(list(cues["exposure"]) + list(records["breach_context"]))
        # a name that is a data word of the PHI lexicon ("DOBs", "SSN"): the list of what leaked
        phi = read_resource(lang, "phi", resources)
        self.data_term = re.compile(phrase_regex([t for terms in phi["categories"].values() for t in terms], plural=True))
        # ... or a number of some kind ("citizen service number", « numéro de service citoyen »)
        self.identifier_word = word_regex(phi["identifier_words"])
        self.weights = LinearScorer.from_data(read_resource(lang, "weights", resources)["victim"], VICTIM_FEATURES)
        self.apposition = re.compile(rf",\s*{words.alternation('syntax', 'apposition_openers')}\s[^,;.()\n]{{0,120}},")
        descriptor_words = "|".join(re.escape(w) for w in sorted({w for d in descriptors for w in d.split() if len(w) > 3}))
        self.modifier_after = re.compile(rf"^\s+(?:{descriptor_words})(?![\w])")
        owner = "|".join(re.escape(fold(v)) for v in data["owner_verbs"])
        auxiliaries = _alternation(syntax["owner_auxiliaries"], after=r"\s+")
        self.owner_after = re.compile(rf"^\s+{auxiliaries}?(?:{owner})(?![\w])")
        owner_nouns = _alternation(syntax["owner_nouns"], after=r"\s+")
        self.relative_before = re.compile(rf"{words.alternation('syntax', 'object_relatives')}\s+{owner_nouns}?$")
        self.first_person = words.whole_words("text", "first_person")
        self.anaphors = cue_regex([re.escape(fold(a)) for a in data["anaphors"]])
        # the anaphors that name a kind ("the hospital", « l'hôpital »), by their noun
        kinds = [fold(a) for a in data["anaphors"] if " " in a.strip() or "'" in a]
        self.kind_anaphors = cue_regex([re.escape(a) for a in kinds])
        self.org_words = OrgWords({fold(w).strip(".,") for w in data["suffixes"]} | {w for d in descriptors for w in d.split()},
                                  data["specialty_endings"])
        self.offering_words = frozenset(fold(w) for w in data["offering_words"])
        self.head_words = OrgWords(self.org_words - self.connectors, data["specialty_endings"])  # not "of"
        self.head_equivalents = {fold(k): fold(v) for k, v in data["head_equivalents"].items()}
        self.kind_anaphor_nouns = {n: self.head_equivalents.get(n, n)
                                   for n in (re.split(r"[ '’]", a)[-1] for a in kinds)}
        # a name whose head is another language's ("DeKalb Health" in a French text) is whole without
        # the descriptor of the text's language before it
        self.foreign_name_heads = frozenset(fold(w) for w in data["foreign_name_heads"])
        # the connector before a place at the end of a name (:meth:`MentionRules._without_place_tail`)
        self.place_tail = re.compile(rf"\s{_alternation(words.words('syntax', 'place_tail_connectors'), folded=False, apostrophes=True)}\s?(?=\S)",
                                     re.IGNORECASE)
        self.leading_words = {w for d in descriptors for w in d.replace("'", " ").split()}
        # names a forum post writes in lower case (:meth:`MentionRules._lower_case_names`): the words
        # that end or open them, the connectors after an opening one, and the words none can hold
        lower = data["lower_case_names"]
        self.lower_heads_last = frozenset(fold(w) for w in lower["heads_last"])
        self.lower_heads_first = frozenset(fold(w) for w in lower["heads_first"])
        lower_connectors = _alternation(lower["connectors"], apostrophes=True, after=r"\s+")
        self.lower_connector = re.compile(rf"\s+(?:(?P<word>[^\W\d_][\w-]*)\s+)?{lower_connectors}(?=[^\W\d_])")
        self.compass_words = frozenset(fold(w) for w in data["compass_words"])
        # known places (cities, countries, states, regions): "Gold Coast", a dateline's "THAILAND", a
        # forum's "toowoomba" are where, rarely who; looked up without "l'État de", "state of"
        listed = read_resource(lang, "places", resources)["names"]
        self.places = frozenset(line.strip() for line in listed.splitlines() if line.strip()) | \
            frozenset(fold(r) for r in data["place_regions"])
        place_heads = _alternation(data["place_heads"], apostrophes=True, after=r"\s+")
        self.place_head = re.compile(rf"^{place_heads}")
        self.street_words = frozenset(fold(w) for w in records["street_words"])  # "Dillingham Boulevard": an address
        # "wrote on Tue Jul 21": a weekday before a month or a day's number dates a line, names nobody
        weekdays = _alternation([f.rstrip(".") for forms in dates["weekdays"].values() for f in forms])
        months = _alternation([f.rstrip(".") for forms in dates["months"].values() for f in forms])
        self.dated_weekday = re.compile(rf"{weekdays}\.?,?\s+(?:{months}(?!\w)|\d)")
        self.month_words = frozenset(fold(f.rstrip(".")) for forms in dates["months"].values() for f in forms)
        self.weekday_words = frozenset(fold(f.rstrip(".")) for forms in dates["weekdays"].values() for f in forms)
        # "the seller", « le vendeur »: who did it, not a name, however the NER tags a forum's lower case
        self.agent_words = frozenset(fold(w) for w in data["attacker_naming"]["agents"]) | self.person_roles
        self.lower_coordinators = frozenset(words.words("syntax", "name_coordinators"))
        self.lower_stops = frozenset(
            w for key in ("determiners", "object_determiners", "definite_articles", "indefinite_articles", "name_connectors",
                          "key_connectors", "date_introducers", "place_tail_connectors")
            for phrase in words.words("syntax", key) for w in phrase.replace("'", " ").split()) | \
            frozenset(w for p in data["locative_prepositions"] for w in fold(p).replace("'", " ").split()) | \
            self.clause_openers | self.person_roles | frozenset(words.words("text", "first_person"))
        # "L.L.C." is cut like a name: "l", "l", "c"
        self.legal_suffixes = {w for ending in words.words("syntax", "name_endings") for w in key_words(ending)}
        # a legal form right after a name ("X (Private) Limited", "X, Inc."): the name is a company's
        # (on the text as written: "SA", "AG" are forms, « sa », « ag » are not)
        legal = _alternation([e.rstrip(".") for e in syntax["name_endings"] if fold(e) not in ("group", "groupe")], folded=False)
        self.legal_form_after = re.compile(rf"[ \t]*,?[ \t]*\(?{legal}\.?(?![\w])")
        # 'Eatigo Pte. Ltd. (the "Organisation")', « X SAS (ci-après « la société ») »: a parenthesis of
        # quoted terms, on folded text (quotes fold to '"'); each term names the organization before it
        folded_articles = _alternation(articles, apostrophes=True)
        openers = _alternation(data["defined_term_openers"])
        # each piece matches whole words, and the repetition is possessive: no backtracking over a long parenthesis
        quoted = r'"[^"\n()]{1,60}"'
        item = rf"(?:{folded_articles}\s*)?{quoted}|[a-z0-9][\w&/.-]{{1,9}}(?![\w&/.-])"
        separator = rf"\s*+(?:[,;]|{_alternation(data['defined_term_separators'])}(?!\w))?+\s*+"  # '("Numotion," "we," "us")'
        opener = rf"{openers}\s*+,?\s*+"  # "(together, "Mon Health")"
        self.definition = re.compile(
            rf"\(\s*+(?:{opener})?+(?:{item})(?:{separator}(?:{opener})?+(?:{item}))*+\s*+\)")
        self.collective_opening = re.compile(rf"\(\s*{_alternation(data['collective_term_openers'])}(?!\w)")
        # between two names of one list: separators and lower-case words ("and its affiliated hospitals,")
        list_joint = rf"(?:[,&]|(?<!\w){_alternation(data['defined_term_separators'])}(?!\w))"
        self.list_gap = re.compile(rf"\.?(?=[^\n]*?{list_joint})[^\n.;:()A-Z]{{0,60}}")  # (".": "Inc." cut)
        self.defined_term = re.compile(r'"\s*(?P<term>[^"\n()]{1,60}?)\s*,?\s*"')
        spaced_article = _alternation(articles, folded=False, apostrophes=True, after=r"\s+")
        self.article_before = re.compile(rf"(?<![\w]){spaced_article}$", re.IGNORECASE)

    def _attacker_naming(self, naming: dict[str, list[str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Patterns that end right before a name (and one that starts right after it) saying the
        name is an attacker's: a self-naming link, an attacker noun then a naming link, or an
        attacker noun next to the name. Quotes may wrap the name."""
        def alternation(phrases: Iterable[str]) -> str:
            return "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
        quote = r"""[\s,:"'«»“”‘’(]*"""
        agent_then_link = (rf"(?<![\w])(?:{alternation(naming['agents'])})(?:\s+[\w'-]+){{0,3}}?[\s,]*"
                           rf"(?:{alternation(naming['naming'])})")
        before = re.compile(rf"(?:(?<![\w])(?:{alternation(naming['alone'])})|{agent_then_link}|"
                            rf"(?<![\w])(?:{alternation(naming['before'])}))(?![\w]){quote}{self._cue_article}?{quote}$"
                            # a malware's kind right before its name, nothing but a space between (not
                            # "Rançongiciel : la mairie de X", a headline's topic)
                            rf"|(?<![\w])(?:{alternation(naming['malware_kinds'])})[ \t]+$")
        after = re.compile(rf"""^["'»”’)]?\s*(?:{alternation(naming['after'])})(?![\w])""")
        return before, after

    def _end_cue(self, phrases: Iterable[str], gap: int = 0) -> re.Pattern[str]:
        """A cue that ends right before a mention (allowing an article, or ``gap`` characters)."""
        alternation = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
        filler = rf"[^.;:!?\n]{{0,{gap}}}?" if gap else ""
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w]){filler}[\s,:]*{self._cue_article}?$")

    def _start_cue(self, phrases: Iterable[str]) -> re.Pattern[str]:
        alternation = "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"^(?:,?\s*){self._subject_relative}?(?:{alternation})(?![\w])")


@lru_cache(maxsize=8)
def org_rules(lang: str, resources: str = "default") -> OrgRules:
    return OrgRules(lang, resources)
