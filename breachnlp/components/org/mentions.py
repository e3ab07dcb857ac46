"""Finding the names of organizations in a text: capitalized runs, descriptors, the NER's ORG
entities and the headline, each cut to the name it holds (:class:`MentionRules`)."""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field, replace
from typing import Iterable

from ...numbers import CURRENCIES
from ...text import LINE_BULLETS, LINE_OPENING, SECTION_NUMBER, Segment, fold, informal_text, segment_at, split_sentences, strip_span


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    sentence: int
    source: str  # "pattern", "descriptor", "ner", "place" (inside the NER's place), "person" (the NER's person),
    # "informal" (a lower-case name of a forum post), "defined" (a term a legal text defines for a name)
    cues: list[tuple[int, int, str]] = field(default_factory=list)


# A given name then a "Mc" surname ("Joyce McShan"), or a compound given name then a surname in capitals
# ("Jean-François CARREZ"; "Central YMCA", "Vision Upright MRI" end in an acronym): people's names
_PERSON_SHAPE = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)? ){1,2}(?:Mc|Mac)[A-Z][a-z]+$"
                           r"|^[A-ZÀ-Ý][a-zà-ÿ]+-[A-ZÀ-Ý][a-zà-ÿ]+ [A-ZÀ-Ý]{3,}(?:-[A-ZÀ-Ý]{2,})?$")


class _Vocabulary:
    """Words of one text, collected once: those written in lower case, and capitalized words
    that also occur inside a sentence (not only at its start)."""

    def __init__(self, text: str, function_words: frozenset[str] = frozenset(),
                 entities: Iterable[tuple[int, int, str]] = ()) -> None:
        # "When Arnprior Regional Health posted…": a conjunction opening a sentence is known lower case
        # even where the text never writes it so
        self.lower_words = {fold(w) for w in re.findall(r"(?<![\w'’-])[a-zà-ÿœ][\w'’-]*", text)} | function_words
        self.mid_caps = set(re.findall(r"(?<=[\w,;:»\"')] )[A-ZÀ-ÖØ-Þ][\w'’-]*", text)) | \
            set(_AFTER_ELISION.findall(text))  # « l'Urssaf », « d'Orange »: capitalized inside a sentence too
        self.text = text
        self.informal = informal_text(text)
        self.entities = {(s, e) for s, e, _ in entities}  # the NER's entities, as (start, end)
        self._entity_starts = sorted(self.entities)
        self._lower_case_phrases: dict[str, bool] = {}

    def inside_entity(self, start: int, end: int) -> bool:
        """One NER entity spans ``start``..``end``: "Grand Paris" is one place, so the city "Paris" is
        no cut in "la métropole du Grand Paris"."""
        k = bisect_right(self._entity_starts, (start, len(self.text) + 1))
        return any(s <= start and end <= e for s, e in self._entity_starts[max(0, k - 3):k])

    def written_in_lower_case(self, phrase: str, single: bool = False) -> bool:
        """A forum post writes ``phrase`` (a name it capitalizes in its subject line) all in lower
        case elsewhere: "Hot Topic breach legit?" ... "who: hot topic". One word only counts when
        ``single`` (the NER's entity: "Concordia : …" ... "la concordia"), as one common word may
        open a subject line too. Each phrase is looked for once."""
        if not self.informal or (" " not in phrase and not single):
            return False
        if phrase not in self._lower_case_phrases:
            self._lower_case_phrases[phrase] = \
                re.search(rf"(?<![\w]){re.escape(phrase.lower())}(?![\w])", self.text) is not None
        return self._lower_case_phrases[phrase]

    def common(self, word: str) -> bool:
        """``word`` is written in lower case somewhere in the text. (A word that merely occurs outside
        the phrase proves nothing: "Leeds" alone and "West Ham United" do not make "Leeds United" a
        common phrase.)"""
        return fold(word) in self.lower_words

# What an NER entity adds after a run of capitals that stopped inside it: a lower-case word, then words
_ENTITY_GOES_ON = re.compile(r"[ \t]+[a-zà-ÿ][\w'’-]*(?:[ \t]+[\w'’-]+)*")


class MentionRules:
    """The mention finding of :class:`~.rules.OrgRules` (its patterns are built there)."""

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
        # the site name may itself be followed by its motto ("... | Threatpost | The first stop
        # for security news"): a cut qualifies when the piece up to the next separator is short
        cuts = sorted((m.start(), m.end()) for separator in self.site_separators
                      for m in re.finditer(re.escape(separator), line))
        for k, (cut, after) in enumerate(cuts):
            piece = line[after:cuts[k + 1][0]] if k + 1 < len(cuts) else line[after:]
            if cut > 0 and 0 < len(piece.split()) <= 5 and len(line[:cut].split()) >= 3:
                site = start + cut
                break
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
        # a letterhead's name the NER ran into the place-and-date line under it is the name alone
        ents = [(s, self._letterhead_end(text, s, e) if label == "ORG" else e, label) for s, e, label in ents]
        folded = fold(text)
        sentences = split_sentences(text, self.abbreviations)
        vocab = _Vocabulary(text, self.clause_openers, ents)
        headline = self.headline(text)
        # a first line over a place-and-date line ("Harlow, le 3 mai 2022", "Harlow, Oregon") is a
        # letterhead, a name whatever its capitals, not a Title Case headline
        title_case = headline.end > 0 and _title_case(text[headline.start:headline.site]) \
            and not self._place_line_after(text, headline.end)
        persons = {(s, e) for s, e, label in ents if label in ("PER", "PERSON")}
        # "Francisco Rodriguez ... Rodriguez said": the person's surname alone is no organization
        surnames = {text[s:e].split()[-1] for s, e in persons if " " in text[s:e].strip()}
        # ... and where the text gives the person's role before the full name ("security researcher
        # Jeremiah Fowler ... Fowler found"), it names nobody else (a firm named after its founder,
        # "le réseau d'optique Alain Afflelou", has no such role)
        named_people = {text[s:e].split()[-1] for s, e in persons
                        if " " in text[s:e].strip() and self._given_name(text[s:e].split()[0], vocab)
                        and self._role_before(folded, s)}
        # "First Last" the NER calls a person wherever it reads the body (a headline's Title Case
        # misleads it): a person, in the headline too; a name the body never writes so (only the
        # headline: "Alles Lægehus leak is out") is no person for that
        body = headline.end if headline.end > 0 else 0
        person_counts: dict[str, int] = {}
        for s, e in persons:
            if s >= body:
                # "Karen Whitfield's" is Karen Whitfield; a signature's "Le Président\nJean Dupré" is Jean Dupré
                name = _without_possessive(text[s:e]).split("\n")[-1].strip()
                person_counts[name] = person_counts.get(name, 0) + 1
        people = {name for name, count in person_counts.items()
                  if " " in name.strip() and count >= text.count(name, body) > 0}
        # a name whose staff the text quotes ("X's technology manager") employs people: an organization
        employers = {m.group("name") for p in self.employer_patterns for m in p.finditer(text)}
        # a letter's first line over an address line (a street number) is its sender's letterhead: an
        # organization, whatever the NER says ("Harvey Nichols\n109-125 Knightsbridge")
        letterhead = _LETTERHEAD.match(text)
        if letterhead and letterhead.group("name") in person_counts:
            people.discard(letterhead.group("name"))
            employers.add(letterhead.group("name").split()[-1])
        # places, and the peoples and languages named after them ("Texans", "Dutch women": English NORP)
        places = {(s, e) for s, e, label in ents if label in ("LOC", "GPE", "NORP", "LANGUAGE")}  # "English"
        sites = {(s, e) for s, e, label in ents if label in ("LOC", "GPE", "FAC")}  # where a name's tail may be
        found: list[Mention] = []
        # the first word of a name shaped as an organization ("Cortina Holdings"): another name it
        # opens ("Cortina Watch") is of the same family, no person's, whatever the NER says
        runs = list(self.name_re.finditer(text))  # read once: the family pass and the main pass
        org_firsts = {run.split()[0] for run in (m.group() for m in runs)
                      if " " in run.strip() and self._looks_like_org(run.strip())}
        for m in runs:
            run_end = m.end()
            for s, e in persons:  # "... District Chancellor Francisco Rodriguez": stop before the person
                # (not after an ampersand: "Wright & Filippis" is one firm named after two people; not
                # before a "person" the NER cut from a firm's name, ending in an organization word:
                # "Harlow Pines Imaging")
                if m.start() < s < run_end and e <= run_end + 1 and not text[max(0, s - 2):s].startswith("&") \
                        and not self._looks_like_org(text[s:e]):
                    run_end = s
            run_start = m.start()
            for s, e in persons:  # "Jonas Berglund of the National Fraud Office": the office starts after the person
                connector = self.connector_after_person.match(text, e)
                if s <= run_start < e and " " in text[s:e].strip() and connector and connector.end() < run_end \
                        and not self._looks_like_org(text[s:e]):
                    run_start = connector.end()
            # a name the gazetteer holds whole ("Have I Been Pwned") is no run to cut at its common words
            whole = strip_span(text, run_start, run_end)
            pieces = [whole] if fold(text[whole[0]:whole[1]]) in self.gazetteer else \
                self._trim(text, run_start, run_end, sentences, vocab)
            for start, end in pieces:
                owner = re.match(r"[^'’]+['’]s (?=\S)", text[start:end])
                if owner and any(s <= start and start + owner.end() - 3 <= e for s, e in places) \
                        and not self._saints_name(owner.group()):
                    start += owner.end()  # "Hong Kong's Union Hospital": the place that has it is no part of it
                if title_case and start < headline.site:
                    start, end = self._title_case_piece(text, start, min(end, headline.site), headline)
                end = self._without_place_tail(text, start, end, sites)
                extended = self._with_descriptor(text, folded, start, end)
                in_place = any(s <= start and end <= e for s, e in places)
                orgish = extended < start or self._looks_like_org(text[start:end]) or \
                    _without_possessive(text[start:end]).split()[-1] in employers or \
                    self.legal_form_after.match(text, end) is not None or \
                    fold(text[start:end].split()[-1]) in self.government_words or \
                    (" " in text[start:end] and text[start:end].split()[0] in org_firsts) or \
                    self._kind_right_before(text, folded, start, qualified=not in_place) \
                    or self.kind_apposition.match(folded, end) is not None
                # a name the NER calls a person as "First Last" wherever it reads the body (unless the
                # NER itself left it untagged elsewhere) is a person; such a person's surname alone is
                # kept as a "person" mention, for the fitted victim weights to weigh ("Bookseller
                # Dymocks ... Dymocks said": the NER's person may be a one-word firm)
                if not orgish and (_without_possessive(text[start:end]) in people or text[start:end] in named_people):
                    continue
                person = not orgish and text[start:end] in surnames
                place = in_place and not orgish
                source = "person" if person else "place" if place else "pattern"
                found.append(self._mention(text, folded, sentences, extended, end, source))
        informal = vocab.informal
        for ent_start, ent_end, label in ents:
            lowercase_name = informal and text[ent_start:ent_end].islower() and len(text[ent_start:ent_end]) >= 4 and \
                (label == "ORG" or label in _NAME_LABELS and folded.count(folded[ent_start:ent_end]) >= 2)
            if lowercase_name and fold(text[ent_start:ent_end].split()[0]).strip(".") in self.title_words:
                continue  # "dr chen", "mme roy": a person with a title, in a forum's lower case
            if lowercase_name and fold(text[ent_start:ent_end]) in self.agent_words:
                continue  # "seller", "hacker": who did it, in a forum's lower case
            if lowercase_name and label != "ORG" and not re.search(r"[\d_@]", text[ent_start:ent_end]):
                # a forum post writes names in lower case, and the NER reads them as anything
                # ("europcar" a place, "kering" a person): named twice, a candidate of its own
                found.append(self._mention(text, folded, sentences, ent_start, ent_end, "informal"))
                continue
            if label in ("PER", "PERSON") and self._lone_surname(text, folded, ent_start, ent_end, persons, found, vocab):
                # "MARANELLO – Ferrari a annoncé…": a one-word "person" the text never names in full may
                # be a firm named after its founder; a "person" mention, for the fitted weights to weigh
                found.append(self._mention(text, folded, sentences, ent_start, ent_end, "person"))
                continue
            if label != "ORG":
                continue
            if title_case and ent_start < headline.site:
                ent_start, ent_end = self._title_case_piece(text, ent_start, min(ent_end, headline.site), headline)
            if not lowercase_name:  # its leading lower-case words are no function words swallowed
                ent_start, ent_end = self._trim_entity(text, ent_start, ent_end)
                ent_end = self._without_place_tail(text, ent_start, ent_end, sites)
            else:  # "manitoba health (full name is …": a bracket it opens and never closes is no part of it
                bracket = text.find("(", ent_start, ent_end)
                if bracket > ent_start and text.find(")", bracket, ent_end) == -1:
                    ent_end = ent_start + len(text[ent_start:bracket].rstrip())
            # a table's cells ("| Organisation | Medusind Inc. |") and a caption's label ("[Photo] Ambulance
            # Victoria") are names of their own; "Halden University's School of Nursing": two
            # organizations, each its own mention
            cells = [strip_span(text, ent_start + c.start(), ent_start + c.end())
                     for c in re.finditer(r"[^|\[\]]+", text[ent_start:ent_end])]
            for start, end in (piece for cell in cells for piece in self._owner_and_unit(text, *cell)):
                surface = text[start:end]
                if not any(c.isupper() for c in surface) and not lowercase_name:
                    continue  # "the state health department": a common noun, not a name
                if surface in named_people and not self._looks_like_org(surface):
                    continue
                if "\n" not in surface and not any(f.start <= start and end <= f.end for f in found) \
                        and fold(surface) not in self.not_names and not self._common_phrase(surface, vocab):
                    # the surname of a person the text names in full ("Dana Whitcombe ... Whitcombe said")
                    found.append(self._mention(text, folded, sentences, start, end,
                                               "person" if surface in surnames else
                                               "informal" if lowercase_name else "ner"))
        found += self._lower_case_names(text, folded, sentences, vocab)
        found = [self._with_government_tail(text, folded, sentences, m) for m in found]
        found = [self._through_entity(text, folded, sentences, ents, m) for m in found]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        found = self._with_place_complement(text, folded, sentences, found)
        found = self._with_site(text, folded, sentences, found)
        kept: list[Mention] = []
        lines = _Lines(text)
        crumbs: dict[int, bool] = {}  # line start -> whether it is a breadcrumb line
        common_acronyms = self._common_acronyms(text)
        # an acronym a common noun phrase spells out names that thing wherever it is written ("(ECG)", "ECG data")
        things = {m.text for m in found if self._names_a_thing(text, folded, m)}
        found = [m for m in (self._without_incident_words(text, folded, sentences, m) for m in found) if m]
        found = [m for m in (self._without_dateline(text, folded, sentences, lines, vocab, m) for m in found) if m]
        found = [part for m in found for part in self._caption_parties(text, folded, sentences, vocab, m)]
        # a legal form in brackets ("(Pty)") or alone after a comma (", S.L." closing a name written in
        # capitals) is no name of its own
        found = [m for m in found if not self._bracketed_legal_form(text, m) and not (
            text[max(0, m.start - 2):m.start] == ", " and self._only_legal_forms(fold(m.text)))]
        for mention in found:
            if kept and mention.start < kept[-1].end:
                continue
            if not mention.key or "_" in mention.text or mention.text.endswith(self.based_suffixes) or \
                    self.quantity.fullmatch(mention.text) or _REFERENCE.fullmatch(mention.text) or \
                    text[mention.start - 1:mention.start].isdigit() or self._unit_after_figure(text, mention) or \
                    self._bare_descriptor(mention.text) or self.legislation.search(fold(mention.text)) or \
                    self._document_number(folded, mention) or \
                    (self.data_term.fullmatch(fold(mention.text)) and (" " in mention.text or vocab.common(mention.text))) or \
                    _dateline_place(text, mention, lines) or _dateline_agency(text, mention, lines) or \
                    self._place_line(text, mention, lines) or \
                    (_breadcrumb(text, mention, lines, crumbs) and not self._site_owner(text, folded, mention, lines)) or \
                    self._on_furniture_line(folded, mention, lines) or self._in_salutation(folded, mention, lines) or \
                    _form_label(text, mention, lines) or (_NUMBERED_LABEL.match(text, mention.end) and " " not in mention.text) or \
                    _CONTRACTION.fullmatch(mention.text) or \
                    self._letterhead_unit(text, mention, lines, found) or \
                    self._signature_unit(text, mention, lines, found) or \
                    fold(mention.text) in common_acronyms or _money(mention.text) or self._street(text, mention, lines) or \
                    self._shouted_heading(text, folded, mention, lines, vocab) or \
                    self._data_acronym(text, folded, mention) or self.dated_weekday.match(folded, mention.start) or \
                    mention.text in things or \
                    _section_heading(text, mention, lines):
                continue  # a user name ("madelinot_inquiet"), a unit glued to its figure ("2.15TB"), the city
                # of a wire dateline ("DAKAR, 3 mai –")
            kept.append(mention)
        bylines = self._bylines(text, folded)
        if bylines:
            kept = [m for m in kept if self.gazetteer.get(fold(m.text)) == "media"
                    or not any(s <= m.start < e for s, e in bylines)]
        kept = [self._with_number(text, folded, sentences, lines, m) for m in kept]
        kept = _without_overlaps(kept)  # a name that took in its number may now hold the next one
        kept = self._join_coordinated(text, folded, sentences, kept)
        kept = self._defined_long_forms(text, folded, sentences, lines, kept)
        kept = self._lower_case_repeats(text, folded, sentences, vocab, kept)
        kept = self._lower_case_acronyms(text, folded, sentences, vocab, kept)
        kept = self._without_unit_tails(text, folded, sentences, kept)
        return self._defined_terms(text, folded, sentences, kept)

    def _caption_parties(self, text: str, folded: str, sentences: list[Segment], vocab: "_Vocabulary",
                         mention: Mention) -> list[Mention]:
        """A case caption the NER or the capitals ran over ("United States v. Verkada", « Plainte c.
        Commission scolaire des Hautes-Rivières »): each capitalised party is a name of its own, a
        common word standing for a party (« Plainte », "Complainant") none."""
        cut = self.caption_separator.search(folded, mention.start, mention.end)
        if cut is None or not text[mention.start:cut.start()].strip() or not text[cut.end():mention.end].strip() \
                or not text[cut.end()].isupper():
            return [mention]
        parties = []
        for start, end in ((mention.start, cut.start()), (cut.end(), mention.end)):
            start, end = strip_span(text, start, end)
            surface = text[start:end]
            if end > start and surface[0].isupper() and fold(surface) not in self.not_names \
                    and not (" " not in surface and vocab.common(surface)):
                parties.append(self._mention(text, folded, sentences, start, end, mention.source))
        return parties

    def _with_place_complement(self, text: str, folded: str, sentences: list[Segment],
                               found: list[Mention]) -> list[Mention]:
        """"Association des employeurs du secteur de la santé de la Colombie-Britannique", "Office
        public de l'habitat de la Drôme": a name that ends with a lower-case word goes on over a
        connector and the name that follows it (the place it serves), when it holds an organization
        word. ``found`` is sorted by start; the mention taken in is left for the overlap check."""
        starts = {m.start: m for m in found}
        out = []
        for mention in found:
            words = mention.text.split()
            goes_on = self.name_goes_on.match(text, mention.end)
            following = starts.get(goes_on.end() - 1) if goes_on else None
            if following is not None and words and words[-1][:1].islower() and self._has_org_word(mention.text) \
                    and "\n" not in text[mention.end:following.end]:
                mention = self._mention(text, folded, sentences, mention.start, following.end, mention.source)
            out.append(mention)
        return out

    def _with_site(self, text: str, folded: str, sentences: list[Segment], found: list[Mention]) -> list[Mention]:
        """"Memorial Hospital at Gulfport", "Colorado Mental Health Institute at Pueblo": a name that holds
        a word heading organizations goes on over a site connector and the capitalized name after it
        (the site is part of the name). ``found`` is sorted by start; the mention taken in is left for
        the overlap check."""
        starts = {m.start: m for m in found}
        out = []
        for mention in found:
            joined = self.site_connector.match(text, mention.end)
            site = starts.get(joined.end()) if joined else None
            if site is not None and site.text[:1].isupper() and self._has_head_word(mention.text):
                mention = self._mention(text, folded, sentences, mention.start, site.end, mention.source)
            out.append(mention)
        return out

    def _through_entity(self, text: str, folded: str, sentences: list[Segment],
                        ents: list[tuple[int, int, str]], mention: Mention) -> Mention:
        """« l'hôpital de l'Université médicale de Fukushima », "Clinique de la Côte fleurie": a run of
        capitals stops at a lower-case word that the NER's organization (or the place it reads the
        whole name as) takes in with what follows; the name goes on to the entity's end. Only over
        words (no punctuation, no line break), and only a lower-case word first: the run's own end."""
        if mention.source != "pattern":
            return mention
        for start, end, label in ents:
            if end <= mention.end or not (label == "ORG" and mention.start <= start < mention.end
                                         or label in ("LOC", "GPE") and start == mention.start):
                continue
            gap = _ENTITY_GOES_ON.fullmatch(text, mention.end, end)
            # it ends on a capital ("médicale de Kagoshima"), or is one word of a name that holds an
            # organization word ("Clinique de la Côte fleurie"); not "Allendale" + " care home residents"
            if gap and (gap.group().split()[-1][:1].isupper()
                        or len(gap.group().split()) == 1 and self._has_org_word(mention.text)):
                return self._mention(text, folded, sentences, mention.start, end, mention.source)
        return mention

    def _with_government_tail(self, text: str, folded: str, sentences: list[Segment], mention: Mention) -> Mention:
        """"Bergen municipality", "Østre Toten kommune", "Aichi prefectural government": a place
        followed by the lower-case word of its local government names that government."""
        tail = self.government_tail.match(text, mention.end)
        if tail is None:
            return mention
        return self._mention(text, folded, sentences, mention.start, tail.end(),
                             "pattern" if mention.source == "place" else mention.source)

    def _document_number(self, folded: str, mention: Mention) -> bool:
        """The mention is a document's reference, its genre word and number ("PHIPA Decision 41",
        « Délibération n° 2022-118 »), the number inside it or right after it: no name."""
        m = self.document_number.search(folded, mention.start, min(len(folded), mention.end + 24))
        return m is not None and m.start() < mention.end <= m.end()

    def _data_acronym(self, text: str, folded: str, mention: Mention) -> bool:
        """An acronym that a common noun phrase of data or of a number of some kind spells out beside
        it in brackets names data, not an organization: « numéro de service citoyen (BSN) », "BSN (the
        national ID number)"; a name ("Social Security Administration (SSA)") keeps its acronym. So does
        one that makes a data term with the words right beside it ("HIV status", « statut VIH »), qualifies
        a data word ("HIV diagnosis", « diagnostic VIH ») or is joined to an adjective ("HIV-positive")."""
        surface = mention.text
        if not (surface.isupper() and 2 <= len(surface) <= 6):
            return False
        before = text[max(0, mention.start - 50):mention.start].rstrip()
        # "CPR number", "(CPR) numbers", « numéro PESEL »: a kind of number beside it says what it is
        after = re.match(r"\)?[ \t]*([^\W\d_][\w.°]*)", text[mention.end:mention.end + 24])
        ahead = re.search(r"([^\W\d_][\w.°]*)[ \t]*\(?$", before)
        if any(m is not None and self.identifier_word.fullmatch(fold(m.group(1))) for m in (after, ahead)):
            return True
        # "users' HIV status", « leur statut VIH », « test du VIH »: with the words beside it the acronym
        # spells a data term of the PHI lexicon, or it qualifies a data word that heads the compound
        # ("an HIV diagnosis", « un diagnostic VIH ») or an adjective joined to it ("HIV-positive")
        if after is not None and (self.data_term.fullmatch(fold(f"{surface} {after.group(1)}"))
                                  or (text[mention.end:mention.end + 1] == " " and self.data_term.fullmatch(fold(after.group(1))))):
            return True
        if re.match(r"-[a-zà-ÿ]", text[mention.end:mention.end + 2]):
            return True
        previous = re.findall(r"[^\W\d_][\w'’]*", before[-30:])
        if any(self.data_term.fullmatch(fold(" ".join([*previous[-k:], surface]))) for k in (1, 2) if len(previous) >= k) \
                or (before.endswith(tuple(previous[-1:])) and previous and self.data_term.fullmatch(fold(previous[-1]))):
            return True
        if self.data_term.fullmatch(fold(surface)) and (before.endswith(",") or text[mention.end:mention.end + 1] == ","):
            return True  # "…, tax identification number, IBAN, securities account data": an item of a data list
        if before.endswith("("):
            # the last words before the bracket, back to a clause mark, ending in a common noun
            words = re.split(r"[,;:.()]", before[:-1])[-1].strip()
            return bool(words) and words.split()[-1][:1].islower() and self._names_data(fold(words))
        inside = re.match(r"\s*\(([^()]{3,80})\)", text[mention.end:mention.end + 90])
        return inside is not None and not any(w[:1].isupper() for w in inside.group(1).split()[-1:]) \
            and self._names_data(fold(inside.group(1)))

    def _names_a_thing(self, text: str, folded: str, mention: Mention) -> bool:
        """An acronym in brackets after a common noun phrase names what that phrase names, a procedure,
        a system or a programme, not an organization: « un remplacement de la valve aortique par
        cathéter (TAVI) », "a transcatheter valve implant (TVIX)". The phrase runs back to a clause mark,
        ends in a lower-case word, holds no other capitalized word after its first, no organization
        word and no regulator's or authority's shape (« l'autorité roumaine de protection des données
        (ANSPDCP) » is an organization)."""
        surface = mention.text
        if not (surface.isupper() and 2 <= len(surface.replace("-", "")) <= 8) or \
                text[mention.end:mention.end + 1] != ")" or text[mention.start - 1:mention.start] != "(":
            return False
        bracket = mention.start - 1
        start = _phrase_start(text, bracket, _THING_CLAUSE_MARK)
        words = re.findall(r"[^\W\d_][\w'’-]*", text[start:bracket])
        if len(words) < 2 or not text[start:bracket].rstrip()[-1:].isalpha() or not words[-1][:1].islower() \
                or any(w[:1].isupper() for w in words[1:]):
            return False
        phrase = folded[start:bracket]
        heads = (fold(re.split(r"['’]", w)[-1]) for w in words)  # "l'autorité": autorité
        return not any(h in self.head_words or h.rstrip("s") in self.head_words for h in heads) \
            and self.regulator_name.search(phrase) is None and self.authority_name.search(phrase) is None

    def _bracketed_legal_form(self, text: str, mention: Mention) -> bool:
        """A legal form in brackets and nothing else ("(Pty)" of "Flash Mobile Vending (Pty) Ltd"):
        part of the name before it, no name of its own."""
        folded = fold(mention.text)
        return re.search(r"[^\W_]", folded) is not None and self._only_legal_forms(folded) and \
            text[max(0, mention.start - 1):mention.start] == "(" and text[mention.end:mention.end + 1] == ")"

    def _only_legal_forms(self, folded: str) -> bool:
        """Every word of ``folded`` is a legal form ("pte. ltd.", "pty"); true of no words at all."""
        return all(w in self.legal_suffixes for w in re.findall(r"[^\W_]+", folded))

    def _names_data(self, words: str) -> bool:
        return bool(self.data_term.search(words) or self.identifier_word.search(words))

    def _site_owner(self, text: str, folded: str, mention: Mention, lines: "_Lines") -> bool:
        """The first item of a navigation line that opens the text, naming a kind of organization, in
        a text written in the first person ("Ringmead Medical Practice › Practice News … one of our
        staff"): the site's owner speaking on its own pages, as a letterhead does."""
        line_start = lines.bounds(mention.start)[0]
        # the text's first line, or its second after a headline given apart (``title``)
        return "\n" not in text[:line_start].strip() and not text[line_start:mention.start].strip() and \
            text[mention.end:mention.end + 3].lstrip()[:1] in _CRUMB_MARKS \
            and self._has_org_word(mention.text) and \
            len(self.first_person.findall(folded, 0, 5000)) >= 2

    def _on_furniture_line(self, folded: str, mention: Mention, lines: "_Lines") -> bool:
        """The mention stands on a line of page furniture ("Read more: …", "Sign up … | Most read: …"),
        which names other stories, or is the label or the credit of a caption in brackets ("(Photo
        d'illustration : Fotolia)")."""
        line_start = lines.bounds(mention.start)[0]
        if self.furniture_line.match(folded, line_start) is not None:
            return True
        # a caption's label itself ("Photo d'illustration") and its credit, a name alone after the colon
        # ("(Photo illustration: Getty)"), not the names a caption's description gives ("[Photo: X's building]")
        caption = self.bracketed_furniture.match(folded, line_start)
        if caption is None:
            return False
        line_end = lines.bounds(mention.start)[1]
        credit = ":" in folded[caption.end():mention.start] and not folded[mention.end:line_end].strip(" \t)].")
        return mention.start < caption.end() or credit

    def _in_salutation(self, folded: str, mention: Mention, lines: "_Lines") -> bool:
        """The mention is the addressee right after a letter's salutation ("Dear Member,", "Chère
        Adhérente,"): the reader, no organization ("Dear Friend of CMC": CMC stays)."""
        line_start, line_end = lines.bounds(mention.start)
        return len(folded[line_start:line_end].split()) <= 8 and self.salutation.match(folded, line_start) is not None \
            and self.greeting_before.search(folded[line_start:mention.start]) is not None

    def _unit_after_figure(self, text: str, mention: Mention) -> bool:
        """"90 Go de données", "2 TB": a unit after its figure is no name."""
        figure = re.search(r"\d[\d\s.,]*\s$", text[max(0, mention.start - 20):mention.start])
        return figure is not None and self.quantity.fullmatch("1" + mention.text) is not None

    def _bylines(self, text: str, folded: str) -> list[tuple[int, int]]:
        """The byline lines ("By our Health Correspondent", "Par Jeanne Martin, à Lyon"): short,
        with no sentence end; their names are the writer's or the paper's."""
        lines = []
        for m in self.byline.finditer(folded):
            end = folded.find("\n", m.start())
            end = len(folded) if end == -1 else end
            line = text[m.start():end].strip()
            if len(line.split()) <= 10 and not line.endswith((".", "!", "?", ":")):
                lines.append((m.start(), end))
        return lines

    def _with_number(self, text: str, folded: str, sentences: list[Segment], lines: "_Lines",
                     mention: Mention) -> Mention:
        """"Forever 21", "Paris 1": a short number that the text writes after the name every time it
        names it (at least twice) is part of the name; a lone one is a count or a year."""
        if mention.source == "place":
            return mention
        inner = _NAME_NUMBER_NAME.match(text, mention.end)
        if inner and not _title_case(text[slice(*lines.bounds(mention.start))]):
            # "Ulss 6 Euganea", "Asl 1 Avezzano": a number between two words of one name, in running text
            return self._mention(text, folded, sentences, mention.start, inner.end(), mention.source)
        m = _NAME_NUMBER.match(text, mention.end)
        if m is None:
            return mention
        whole = text[mention.start:m.end()]
        if len(re.findall(re.escape(whole) + r"(?![\d,.])", text)) < 2 or \
                len(re.findall(re.escape(text[mention.start:mention.end]) + r"(?! \d)", text)) > 0:
            return mention
        return self._mention(text, folded, sentences, mention.start, m.end(), mention.source)

    def _street(self, text: str, mention: Mention, lines: "_Lines") -> bool:
        """A street on an address line ("Dillingham Boulevard" under a letterhead, "Boulevard Haussmann";
        records.yml ``street_words``, an abbreviation only at the end): where an organization is, not
        one. In a sentence a street may name a firm ("Saks Fifth Avenue"), but not a name right after a
        street word in lower case (« côté avenue Perón », « au 12 rue Gambetta »)."""
        before = _LAST_WORD.search(text, max(0, mention.start - 24), mention.start)
        if before and before.group(1).islower() and fold(before.group(1)).strip(".") in self.street_words \
                and not self._has_org_word(mention.text):
            return True
        line_start, line_end = lines.bounds(mention.start)
        if text[line_start:line_end].strip(" \t,.") != mention.text:
            return False
        surface = mention.text
        words = [fold(w).strip(".,") for w in surface.split()]
        return len(words) >= 2 and (words[-1] in self.street_words or (len(words[0]) > 3 and words[0] in self.street_words)) \
            and not self._has_org_word(surface)

    def _bare_descriptor(self, surface: str) -> bool:
        """A lone common head ("Ehpad", "hôpital", "Centre", "Hospital"): what kind of place, not which."""
        words = surface.split()
        return len(words) == 1 and not surface.isupper() and fold(surface).strip(".,'’") in self.org_words

    def _join_coordinated(self, text: str, folded: str, sentences: list[Segment],
                          mentions: list[Mention]) -> list[Mention]:
        """"Cascade Eye and Skin Centers", "NHS Dumfries and Galloway": two capitalized runs joined by
        "and"/"et"/"&" are one name when the whole is written again, or when it ends like the name
        of an organization, its first part does not, and the text never writes its second part alone."""
        out: list[Mention] = []
        for mention in mentions:
            if out and mention.start < out[-1].end:
                continue  # taken in by the generic words that finish the name before it
            previous = out[-1] if out else None
            if previous is not None and self.coordination.fullmatch(text[previous.end:mention.start]) and \
                    "\n" not in text[previous.end:mention.start] and mention.text[:1].isupper():
                # (a list's lines are names of their own; "ICMR and the health ministry" are two)
                whole = text[previous.start:mention.end]
                # (a first part named head first, "Ministry of Government", ends on its complement, not its head)
                first_words = previous.text.split()
                first_ends_like_org = self._org_word(first_words[-1]) and not (
                    len(first_words) >= 3 and fold(first_words[-2]) in self.connectors)
                ends_like_org = self._org_word(mention.text.split()[-1]) and not first_ends_like_org
                same_family = fold(previous.text.split()[0]) == fold(mention.text.split()[0])  # "X France et X Biologie"
                # "Uganda Securities Exchange and Soft Edge Uganda Limited", a caption's two parties: the
                # second is written elsewhere on its own, a name in its own right
                apart = any(not self._after_coordinator(text, m.start())
                            for m in re.finditer(re.escape(mention.text), text))
                # "Gmarket et TRN" twice in a list of parties, each also written alone: two names
                first_apart = text.count(previous.text) > text.count(whole)
                if ((text.count(whole) >= 2 and not (apart and first_apart)) or (ends_like_org and not apart)) \
                        and not same_family:
                    # the head (the second run) tells what the whole is: "Singh" may be a place, "Singh and
                    # Arora Oncology" is not
                    out[-1] = self._mention(text, folded, sentences, previous.start, mention.end, mention.source)
                    continue
            partner = self._name_before_coordinator(text, mention)
            if partner is not None and (previous is None or previous.end <= partner):
                # "Moreno and Kaplan Dermatology": a surname the NER took for a person, joined to a name
                # that ends like an organization's and begins like none
                mention = self._mention(text, folded, sentences, partner, mention.end, mention.source)
            tail = self._generic_tail(text, mention)
            if tail is not None:
                mention = self._mention(text, folded, sentences, mention.start, tail, mention.source)
            out.append(mention)
        return out

    def _generic_tail(self, text: str, mention: Mention) -> int | None:
        """Where a name ends that goes on over "and"/"et"/"&" with capitalized words that are all words
        of organizations ("Thiruvarur Medical College" + " and Hospital", "North Country Hospital" +
        " and Health Center"): such words name no organization of their own, they finish this one.
        The mention must end like an organization's name, and the words after it end the run, with no
        connector carrying them on into a name of their own ("and Center for Families")."""
        words = mention.text.split()
        if not words or not self._org_word(words[-1]):
            return None
        joint = self.coordination.match(text, mention.end)
        if joint is None or "\n" in joint.group():
            return None
        run = _CAPITALIZED_RUN.match(text, joint.end())
        if run is None or not all(self._org_word(w) for w in run.group().split()) or \
                self.name_goes_on.match(text, run.end()):
            return None  # ("Center" + " for Families": the start of a name of its own)
        return run.end()

    def _after_coordinator(self, text: str, start: int) -> bool:
        """The words at ``start`` follow "and"/"et"/"&" (the second part of a coordinated name)."""
        m = re.search(r"\S+$", text[max(0, start - 12):start].rstrip())
        return m is not None and self.coordination.fullmatch(f" {m.group()} ") is not None

    def _name_before_coordinator(self, text: str, mention: Mention) -> int | None:
        """Where the capitalized words begin before "and"/"et"/"&" and ``mention``, when ``mention``
        ends with an organization word and does not begin with one, and the word stands inside its
        sentence after a lower-case word (not a sentence's first word, not another name's end)."""
        words = mention.text.split()
        if len(words) < 2 or not self._org_word(words[-1]) or self._org_word(words[0]):
            return None
        m = _CAPITALIZED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
        if m is None or not self.coordination.fullmatch(text, m.end("word"), mention.start) or \
                fold(m.group("word")) in self.not_names or any(self._org_word(w) for w in m.group("word").split()):
            return None
        return m.start("word")

    def _lower_case_acronyms(self, text: str, folded: str, sentences: list[Segment], vocab: "_Vocabulary",
                             mentions: list[Mention]) -> list[Mention]:
        """A forum post that defines a lower-case acronym by the words right before it ("hawaii
        radiologic associates (hra)", one word per letter; of two letters, one word naming a kind of
        organization; no data term, "social security number (ssn)"): the long form is a name, and every
        "hra" of the post is a mention of it."""
        if not vocab.informal:
            return mentions
        added: list[Mention] = []
        for m in _LOWER_ACRONYM.finditer(text):
            letters = m.group(1)
            window = max(0, m.start() - 150)
            words = list(re.finditer(r"[^\W\d_][\w'-]*", text[window:m.start()]))[-len(letters):]
            if len(words) != len(letters) or [fold(w.group()[0]) for w in words] != list(letters) or \
                    (len(letters) < 3 and not any(self._org_word(w.group()) for w in words)) or \
                    self.data_term.fullmatch(fold(text[window + words[0].start():window + words[-1].end()])) or \
                    text[window + words[-1].end():m.start()].strip() or "\n" in text[window + words[0].start():m.start()]:
                continue
            long_form = self._mention(text, folded, sentences, window + words[0].start(), window + words[-1].end(),
                                      "informal")
            added.append(long_form)
            added += [replace(self._mention(text, folded, sentences, a.start(), a.end(), "informal"), key=long_form.key)
                      for a in re.finditer(rf"(?<![\w]){letters}(?![\w])", text)]
        if not added:
            return mentions
        spans = [(a.start, a.end) for a in added]
        kept = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
        return sorted(kept + added, key=lambda m: m.start)

    def _lower_case_names(self, text: str, folded: str, sentences: list[Segment],
                          vocab: "_Vocabulary") -> list[Mention]:
        """A forum post writes names in lower case ("so oakbend medical center got hit", "la polyclinique
        du cotentin s'est fait chiffrer"): lower-case words before a word that ends names, or after one
        that opens them and a connector. Case says nothing of where such a name stops; the text does:
        the name is the longest run of them the post writes twice ("started dumping ziv medical center"
        ... "ziv medical center"); written once, the whole run up to a function word or punctuation,
        when its outermost word is also written on its own ("hôpital privé de la miotte" ... "la
        miotte"). A run of generic words ("my local clinic") is neither, and no name."""
        if not vocab.informal:
            return []
        words = list(_LOWER_WORD.finditer(text))
        starts = [w.start() for w in words]
        folds = [fold(w.group()) for w in words]
        counts: dict[str, int] = {}  # how often each phrase is written, counted once

        def joined(k: int) -> bool:  # words k and k + 1 are one phrase: spaces only between them
            return k + 1 < len(words) and _SPACES.fullmatch(text, words[k].end(), words[k + 1].start()) is not None

        def name_word(k: int) -> bool:
            return words[k].group().islower() and len(folds[k]) >= 3 and folds[k] not in self.lower_stops

        def written(phrase: str) -> int:
            if phrase not in counts:
                counts[phrase] = len(re.findall(rf"(?<![\w]){re.escape(phrase)}(?![\w])", folded))
            return counts[phrase]

        found: list[Mention] = []
        for i, word in enumerate(words):
            if not word.group().islower():
                continue
            if folds[i] in self.lower_heads_last and not (joined(i) and folds[i + 1] in self.lower_heads_last):
                run: list[int] = []  # the name words before the head, nearest last
                k = i - 1
                while k >= 0 and len(run) < 4 and joined(k) and name_word(k):
                    run.insert(0, k)
                    k -= 1
                cut = k >= 0 and joined(k) and name_word(k)  # the run goes on past four words
                start = next((words[r].start() for r in run if written(folded[words[r].start():word.end()]) >= 2), None)
                if start is None and run and not cut and written(folds[run[0]]) >= 2:
                    start = words[run[0]].start()
                if start is not None and any(folds[r] not in self.lower_heads_last
                                             for r in run if words[r].start() >= start):
                    found.append(self._mention(text, folded, sentences, start, word.end(), "informal"))
            if folds[i] in self.lower_heads_first:
                connector = self.lower_connector.match(folded, word.end())
                if connector is None or (connector.group("word") and (
                        not text[connector.start("word"):connector.end("word")].islower()
                        or fold(connector.group("word")) in self.lower_stops)):
                    continue
                k = bisect_right(starts, connector.end()) - 1
                if k < 0 or words[k].start() != connector.end():
                    continue
                run = []
                while k < len(words) and len(run) < 3 and (not run or joined(k - 1)):
                    if run and folds[k] in self.lower_coordinators and joined(k) and name_word(k + 1):
                        k += 1  # "mutuelle des postes et télécommunications": one name over "et"
                    elif not name_word(k):
                        break
                    run.append(k)
                    k += 1
                cut = bool(run) and k < len(words) and joined(k - 1) and name_word(k)
                end = next((words[r].end() for r in reversed(run) if written(folded[word.start():words[r].end()]) >= 2), None)
                if end is None and run and not cut and written(folds[run[-1]]) >= 2:
                    end = words[run[-1]].end()
                if end is not None:
                    found.append(self._mention(text, folded, sentences, word.start(), end, "informal"))
        return found

    def _lower_case_repeats(self, text: str, folded: str, sentences: list[Segment], vocab: "_Vocabulary",
                            mentions: list[Mention]) -> list[Mention]:
        """A forum post that capitalizes a name once ("Hot Topic breach legit?") and then writes it
        in lower case ("who: hot topic"): each lower-case occurrence is a mention too. Any text may
        write a name that is a web address in lower case ("Vooruit.brussels" opening a sentence,
        "vooruit.brussels" inside one)."""
        spans = sorted((m.start, m.end) for m in mentions)  # taken places, kept sorted (bisect)
        added: list[Mention] = []
        if vocab.informal:
            names = self._informal_names(text, sentences, vocab, mentions)
        else:
            names = {m.text for m in mentions if _WEB_NAME.fullmatch(m.text) and m.text.lower() in text}
        for name in sorted(names):
            for m in re.finditer(rf"(?<![\w]){re.escape(name.lower())}(?![\w])", text):
                k = bisect_right(spans, (m.start(), m.end()))
                if (k and spans[k - 1][1] > m.start()) or (k < len(spans) and spans[k][0] < m.end()):
                    continue  # inside or across a name already found
                insort(spans, (m.start(), m.end()))
                added.append(self._mention(text, folded, sentences, m.start(), m.end(),
                                           "informal" if vocab.informal else "pattern"))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    @staticmethod
    def _informal_names(text: str, sentences: list[Segment], vocab: "_Vocabulary",
                        mentions: list[Mention]) -> set[str]:
        """The names a forum post also writes in lower case."""
        names = set()
        for mention in mentions:
            # a web address names its owner: "Chuv.ch" in a quoted subject line, "chuv" in the post
            name = _WEB_SUFFIX.sub("", mention.text)
            # one word counts when the NER took it for a name, when it is a web address, or when the
            # post capitalizes it inside a sentence ("(they own Trello)"), where no sentence start explains it
            single = ((mention.start, mention.end) in vocab.entities or name != mention.text or
                      not _opens_sentence(text, mention.start, sentences)) \
                and mention.text[:1].isupper() and not mention.text.isupper()
            if vocab.written_in_lower_case(name, single=single):
                names.add(name)
        return names

    def _defined_long_forms(self, text: str, folded: str, sentences: list[Segment], lines: "_Lines",
                            mentions: list[Mention]) -> list[Mention]:
        """A name the text defines by its acronym ("l'Azienda ospedaliera universitaria integrata di
        Verona (AOUI)"): the words before the parenthesis whose initials hold the acronym's letters,
        in order, from a capitalised first word, are one name even with lower-case words in it
        (the acronym-definition rule of Schwartz and Hearst, on word initials). Each definition
        looks at a bounded window and at the mentions there only (bisect): linear in the text."""
        starts = [m.start for m in mentions]  # sorted, and the mentions do not overlap
        replaced: set[int] = set()
        added: list[Mention] = []
        for acronym in mentions:
            letters = fold(acronym.text).replace("-", "").replace(".", "")
            if not (acronym.text.isupper() and 2 <= len(letters) <= 8 and letters.isalpha()) or \
                    not text[max(0, acronym.start - 3):acronym.start].rstrip().endswith("(") or \
                    text[acronym.end:acronym.end + 1] != ")":
                continue
            paren = text.rfind("(", max(0, acronym.start - 3), acronym.start)
            if self.name_goes_on.match(text, acronym.end + 1):
                continue  # "Centre intégré ... (CIUSSS) du Nord": the acronym names a kind, the name goes on
            sentence_start = sentences[segment_at(sentences, paren)].start if sentences else 0
            window = max(lines.bounds(paren)[0], sentence_start, paren - 200)
            first, words, reach = None, [], window
            for marks in (_CLAUSE_MARK, _CLAUSE_MARK_NOT_COMMA):
                clause = marks.search(text[window:paren][::-1])  # a dateline's dash, a comma
                reach = paren - clause.start() if clause else window
                words = list(re.finditer(r"[^\W\d_][\w-]*", text[reach:paren]))[-(len(letters) + 5):]
                first = _initials_start(words, letters)
                if first is not None and marks is _CLAUSE_MARK_NOT_COMMA and \
                        not all(w.group()[0].isupper() or fold(w.group()) in self.edge_connectors
                                for w in words if w.start() >= first.start()):
                    first = None  # across a comma only a list of names: "Wrightington, Wigan and Leigh NHS ... (WWL)"
                if first is not None:
                    break
            if first is None or not (first.group()[0].isupper() or fold(first.group()) in self.org_words):
                continue  # a long form opens with a capital or a descriptor ("centre hospitalier de ... (CHOV)")
            start, end = strip_span(text, reach + first.start(), paren)
            lo, hi = max(0, bisect_right(starts, start) - 1), bisect_right(starts, end)
            inside = [m for m in mentions[lo:hi] if m.start < end and start < m.end]
            start = min([start] + [m.start for m in inside if start - 3 <= m.start])  # its elided article: "L'Azienda"
            long_form = [w.group() for w in words if w.start() >= first.start()]
            if len(long_form) < 2 or not any(w[0].islower() for w in long_form) or \
                    not any(fold(w) in self.org_words for w in long_form) or \
                    any(m.start < start or m.end > end for m in inside):
                continue  # a capitalised name the runs found whole, no organization ("Programme d'aide
                # aux employés (PAE)"), or one that reaches further
            replaced.update(id(m) for m in inside)
            added.append(self._mention(text, folded, sentences, start, end, "pattern"))
        if not added:
            return mentions
        return sorted([m for m in mentions if id(m) not in replaced] + added, key=lambda m: m.start)

    def _letterhead_end(self, text: str, start: int, end: int) -> int:
        """The end of the first line of ``text[start:end]`` when a place line follows it, else ``end``."""
        newline = text.find("\n", start, end)
        if newline == -1 or not text[start:newline].strip() or not self._place_line_after(text, newline):
            return end
        return start + len(text[start:newline].rstrip())

    def _place_line_after(self, text: str, end: int) -> bool:
        """The first line after ``end`` is a place and a date or its region, and nothing else."""
        line = text[end:].lstrip().split("\n", 1)[0].strip()
        place, comma, rest = line.partition(",")
        rest = rest.strip()
        return bool(comma) and 0 < len(place.split()) <= 4 and 0 < len(rest.split()) <= 5 and \
            place[:1].isupper() and not self._looks_like_org(place) and self._date_or_region(rest)

    def _date_or_region(self, rest: str) -> bool:
        """What follows a place and its comma on a place line: a date (it has a figure) or a known place."""
        return any(c.isdigit() for c in rest) or self._place_name(rest)

    def _place_line(self, text: str, mention: Mention, lines: "_Lines") -> bool:
        """A known place on a short line of its own with a date or its region ("Salt Lake City, le 26 mai
        2023", "Blue Springs, Missouri") or after a correspondent's label ("Correspondance, Fortaleza"):
        where a letter or a dispatch was written, not who wrote it."""
        line_start, line_end = lines.bounds(mention.start)
        before, after = text[line_start:mention.start].strip(), text[mention.end:line_end].strip()
        if len((before + " " + after).split()) > 5 or self._looks_like_org(mention.text):
            return False
        if not before:
            rest = after.lstrip(",").strip()
            return after.startswith(",") and bool(rest) and self._date_or_region(rest)
        return not after and before.endswith(",") and len(before.split()) <= 3 and self._place_name(mention.text)

    def _without_unit_tails(self, text: str, folded: str, sentences: list[Segment],
                            mentions: list[Mention]) -> list[Mention]:
        """"The Hopebridge Privacy Office" signing a letter from Hopebridge: a name the text also writes
        alone (the NER may call it a place), then one or two capitalized words ending with a unit's word
        (``unit_tails``), is that organization's office: a mention of it (not a privacy regulator)."""
        named = {fold(m.text) for m in mentions if m.source != "person"}  # the NER may call the firm a place
        out = []
        for mention in mentions:
            words = list(re.finditer(r"\S+", mention.text))
            if len(words) >= 2 and fold(words[-1].group()) in self.unit_tails:
                for cut in range(len(words) - 1, max(0, len(words) - 3), -1):  # one or two words of the unit
                    head = mention.text[:words[cut - 1].end()]
                    if fold(head) in named and fold(head) != fold(mention.text) and \
                            all(w.group()[:1].isupper() for w in words[cut:]) and \
                            not any(self._org_word(w.group()) for w in words[cut:-1]):  # "Lake County Health Department"
                        # the span stays the office's (what follows it is no tail of the name to read)
                        mention = replace(mention, text=head, key=self.key(head))
                        break
            out.append(mention)
        return out

    def _defined_terms(self, text: str, folded: str, sentences: list[Segment], mentions: list[Mention]) -> list[Mention]:
        """Terms a legal text defines for a name: 'Eatigo International Pte. Ltd. (the "Organisation")',
        « Uber France SAS (ci-après « la société ») ». The quoted term and each later use of it ("the
        Organisation's network", "la société a notifié") are mentions of the name before the
        parenthesis (the same key, so they cluster with it). A term written in lower case counts only
        after an article ("the council"); "we", "us" are no terms. A use inside a longer name is left
        to that name."""
        definitions: list[tuple[int, int, Mention, list[tuple[int, int]]]] = []
        starts = [m.start for m in mentions]
        for match in self.definition.finditer(folded):
            k = bisect_right(starts, match.start())
            before = [m for m in mentions[max(0, k - 3):k] if m.end <= match.start()]
            if not before or not self._only_legal_forms(folded[before[-1].end:match.start()]) or \
                    "\n" in text[before[-1].end:match.start()]:
                continue  # only legal suffixes between the name and its parenthesis ("Pte. Ltd.")
            definer = before[-1]
            joined = len(before) > 1 and re.fullmatch(r"\s*,\s*|['’]s\s+", text[before[-2].end:definer.start])
            if self.collective_opening.match(folded, match.start()):
                # "X and its hospitals A, B and C (together, "Mon Health")": the list's head, its first name
                i = k - 1
                while i > 0 and mentions[i - 1].end <= mentions[i].start and \
                        self.list_gap.fullmatch(text, mentions[i - 1].end, mentions[i].start):
                    i -= 1
                definer = mentions[i]
            elif joined and definer.source == "place" and "," in joined.group():
                definer = before[-2]  # "Skagit County, Washington (« le comté »)": the name before its place
            elif joined:
                continue  # "Heidell, Pittoni, Murphy & Bach, LLP", "Young Men's Christian Association": where
                # the name begins is not clear
            terms = []
            for quoted in self.defined_term.finditer(folded, match.start(), match.end()):
                start, end = quoted.span("term")
                while end > start and text[end - 1] in ",;":
                    end -= 1
                article = self.leading_article.match(text[start:end]) or self.elided_article.match(text[start:end])
                if article:
                    start += article.end()
                if start < end and any(c.isalpha() for c in text[start:end]) and \
                        not self.first_person.fullmatch(folded[start:end]):
                    terms.append((start, end))
            if terms:
                definitions.append((match.start(), match.end(), definer, terms))
        if not definitions:
            return mentions
        uses: list[tuple[int, int, Mention]] = []
        for n, (_, close, definer, terms) in enumerate(definitions):
            for start, end in terms:
                uses.append((start, end, definer))
                term = text[start:end]
                # the next definition of the same term takes over from there
                until = next((d[0] for d in definitions[n + 1:]
                              if any(fold(text[s:e]) == fold(term) for s, e in d[3])), len(text))
                lower = term.islower()
                pattern = re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])", re.IGNORECASE if lower else 0)
                for use in pattern.finditer(text, close, until):
                    if not lower or self.article_before.search(text, max(0, use.start() - 8), use.start()):
                        uses.append((use.start(), use.end(), definer))
        # inside a definition, what overlaps a term gives way to it ('"Organisation")' read as a name)
        terms = [term for d in definitions for term in d[3]]
        kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in terms)]
        starts = [m.start for m in kept]
        replaced: set[int] = set()
        added: list[Mention] = []
        for start, end, definer in uses:
            k = bisect_right(starts, end)
            over = [m for m in kept[max(0, k - 4):k] if m.start < end and start < m.end]
            # the mention is the term, or the term's possessive opens it ("Organisation's Virtual Private Network")
            if any(not (start <= m.start and m.end <= end) and
                   not (m.start == start and text[end:end + 2] in ("'s", "’s")) for m in over):
                continue
            replaced.update(id(m) for m in over)
            added.append(Mention(start, end, text[start:end], definer.key,
                                 segment_at(sentences, start) if sentences else 0, "defined"))
        return sorted([m for m in kept if id(m) not in replaced] + added, key=lambda m: m.start)

    def _letterhead_unit(self, text: str, mention: Mention, lines: "_Lines", found: list[Mention]) -> bool:
        """"Itélis / Service relations assurés", "… College of Medicine / Office of Compliance": in a
        letter's first lines, a line that a department word opens, under a line naming an
        organization, is that organization's unit (in running text such a name may be an official
        body's: "Service national universel")."""
        if mention.start > 400:
            return False
        line_start, line_end = lines.bounds(mention.start)
        # the line, not the mention: the NER may leave its department word out ("Relations" of
        # « Service Relations Patients »)
        if line_end - line_start > _SHORT_LINE:
            return False  # a letterhead's line is short
        words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start:line_end])
        if not (2 <= len(words) <= 8 and fold(words[0]) in self.department_words):
            return False
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        return any(above <= m.start and m.end <= line_start for m in found if m is not mention)

    def _signature_unit(self, text: str, mention: Mention, lines: "_Lines", found: list[Mention]) -> bool:
        """"Le service Relation Clients / Mondial Relay", "The Member Services Team / Kestrel Health": in a
        letter's sign-off, a name that a department word opens, closes or introduces, on the line above
        a line that is only an organization's name, is that organization's unit, not a signatory of
        its own."""
        line_start, line_end = lines.bounds(mention.start)
        if line_end - line_start > _SHORT_LINE:
            return False  # a sign-off's line is short: no need to read a long one word by word
        # the line-local test first: the tests over the rest of the text run for few mentions
        if not any(fold(w) in self.department_words for w in re.findall(r"[^\W\d_]+", text[line_start:line_end])):
            return False
        below = _LINE_BREAK.match(text, line_end)
        if below is None:
            return False
        next_start, next_end = lines.bounds(below.end())
        if len(text[next_end:].strip().splitlines()) > 1:
            return False  # not the sign-off's last lines
        signatory = text[next_start:next_end].strip()
        return any(m.text == signatory or text[m.start:m.end] == signatory for m in found if m.start >= next_start)

    def _without_incident_words(self, text: str, folded: str, sentences: list[Segment], mention: Mention) -> Mention | None:
        """A name without the incident words a headline or a case caption glued to it ("Solara Medical
        Supplies Data Breach Litigation", "Hack de l'Olympique de Marseille", orgs.yml incident_words);
        nothing when those words are all there is ("Notice of Data Security Incident")."""
        if self.genre_word.fullmatch(fold(mention.text)) and \
                text[text.rfind("\n", 0, mention.start) + 1:mention.start].rstrip()[-1:] in ("", "–", "—", "-", ":", "|"):
            return None  # "COMMUNIQUÉ", "… – Notification" opening a heading: its genre word, no name ("Avis" the firm stays)
        tail = self.incident_tail.search(fold(mention.text))
        head = self.incident_head.match(fold(mention.text))
        start, end = mention.start + (head.end() if head else 0), mention.end - (len(tail.group()) if tail else 0)
        if (start, end) == (mention.start, mention.end):
            return mention
        if end - start < 2 or self.incident_only.fullmatch(fold(text[start:end]).strip()):
            return None  # nothing but genre and incident words ("Notice of Data Security Incident"): a heading
        start, end = strip_span(text, start, end)
        return self._mention(text, folded, sentences, start, end, mention.source)

    def _without_dateline(self, text: str, folded: str, sentences: list[Segment], lines: "_Lines",
                          vocab: _Vocabulary, mention: Mention) -> Mention | None:
        """A name without the wire dateline the NER glued to its front ("BANGKOK - Siriraj Hospital",
        "NASHVILLE, Tenn. - University Urology"); nothing when what is left is one common word that
        merely opens the sentence ("SANTIAGO - Nearly")."""
        dateline = _DATELINE_LEAD.match(text, lines.bounds(mention.start)[0])
        if dateline is None or not mention.start < dateline.end() < mention.end:
            return mention
        start, end = strip_span(text, dateline.end(), mention.end)
        rest = text[start:end]
        if end - start < 2 or (" " not in rest and fold(rest) in vocab.lower_words):
            return None
        return self._mention(text, folded, sentences, start, end, mention.source)

    def _common_acronyms(self, text: str) -> set[str]:
        """Acronyms the text defines as a common noun phrase, all in lower case and whose head noun
        is no organization word: "un régime enregistré d'épargne-études (REEE)", "protected health
        information (PHI)", "electronic medical record (EMR)" (not "centre hospitalier universitaire
        (CHU)"). Such an acronym names a thing, never an organization (folded)."""
        out = set()
        for m in _BRACKETED_ACRONYM.finditer(text):
            letters = m.group(1).lower()
            before = re.split(r"[,;:.()\n]", text[max(0, m.start() - 120):m.start()])[-1]
            words = [w for w in re.findall(r"[^\W\d_]+", before) if fold(w) not in self.connectors
                     and fold(w).rstrip("'’") not in self.connectors]
            tail = words[-len(letters):]
            if len(tail) == len(letters) and "".join(fold(w[0]) for w in tail) == fold(letters) \
                    and all(w[0].islower() for w in tail) and not self._org_word(tail[0 if self.head_first else -1]):
                out.add(fold(m.group(1)))
        return out

    def _lone_surname(self, text: str, folded: str, start: int, end: int, persons: set[tuple[int, int]],
                      found: list[Mention], vocab: "_Vocabulary") -> bool:
        """A one-word capitalized entity the NER calls a person, that a verb of the breach's telling
        follows ("Ferrari a annoncé", "Dymocks said"), that no longer person's name of the text ends
        with, with no title or role before it, and no mention found there already."""
        word = text[start:end]
        folded_word = fold(word)
        if not (word.isalpha() and word[:1].isupper() and word[1:].islower()) or vocab.common(word) \
                or folded_word in self.not_names or folded_word in self.title_words \
                or not self.victim_after.match(folded[end:end + 40]):
            return False
        if any(f.start <= start < f.end for f in found) or self._role_before(folded, start):
            return False
        return not any(e - s > len(word) and text[s:e].split()[-1] == word for s, e in persons)

    def _shouted_heading(self, text: str, folded: str, mention: Mention, lines: "_Lines", vocab: "_Vocabulary") -> bool:
        """A heading in capitals alone on its line: a rubric ("ANALYSIS", « DÉCRYPTAGE »; text.yml
        ``furniture_lines``) or a word the text also writes in lower case (« CONTEXTE »), not an acronym."""
        surface = mention.text
        if not (surface.isupper() and surface.isalpha() and len(surface) >= 5):
            return False
        line_start, line_end = lines.bounds(mention.start)
        line = text[line_start:line_end].strip(" \t:.-–—")
        if line != surface:
            # "MONETARY PENALTY NOTICE — SUMMARY": one word of a heading all in capitals that the text
            # never writes again names no organization
            return len(line.split()) >= 2 and not any(c.islower() for c in line) and \
                folded.count(fold(surface)) == 1
        return vocab.common(surface) or self.page_furniture.match(folded, line_start) is not None

    def _role_before(self, folded: str, start: int) -> bool:
        """One of the three words right before ``start`` is a person's role ("researcher", "le
        chercheur en sécurité", "Dr"), with no punctuation between."""
        words = re.findall(r"[\w.'’-]+", re.split(r"[,;:()\n]", folded[max(0, start - 50):start])[-1])[-3:]
        return any(w in self.person_roles or w.strip(".") in self.title_words for w in words)

    def _given_name(self, word: str, vocab: "_Vocabulary") -> bool:
        """``word`` opening a person's name is a given name: capitalized, alphabetic, never written in
        lower case in the text, no title ("Dr", "Minister") and no organization word."""
        return word[:1].isupper() and word[1:].islower() and word.isalpha() and not vocab.common(word) \
            and fold(word).strip(".") not in self.title_words and not self._org_word(word)

    def _org_word(self, word: str) -> bool:
        """``word`` (or its singular) names a kind of organization: "Centers", "Clinic", "Santé"."""
        folded = _without_possessive(fold(word).strip(".,;:"))  # "Dental's", "Services'"
        return folded in self.org_words or folded.rstrip("s") in self.org_words

    def _trim_entity(self, text: str, start: int, end: int) -> tuple[int, int]:
        """An entity of the NER without the function words it swallowed ("Directrice générale du CHU
        de" → "CHU"): leading words that are no names or are lower-case, trailing connectors, and where
        names are title-cased trailing lower-case words ("Allendale care home residents" → "Allendale"),
        an opening bracket it never closes ("Bank of Ireland (BOI" → "Bank of Ireland"), a field
        label before a colon ("Organisation: Lindqvist Dental" → "Lindqvist Dental") and a sum or a
        count after it ("Fidelity Bank Plc 555.8" + " million naira")."""
        bracket = text.find("(", start, end)
        if bracket != -1 and text.find(")", bracket, end) == -1:
            end = bracket
            while end > start and text[end - 1].isspace():
                end -= 1
        words = list(re.finditer(r"\S+", text[start:end]))
        if not words:
            return start, end
        # a field label it swallowed ("Organisation: National Healthcare Group", « Responsable du
        # traitement : X »): the name starts after the label's colon
        i = max((k + 1 for k, w in enumerate(words[:-1]) if w.group().endswith(":")), default=0)
        if i == 0 and len(words) > 1 and self.salutation.match(fold(words[0].group())):
            i = 1  # "Dear Centennial College graduate": the greeting is no part of the name
        # ... and a conjunction opening its sentence ("Neither Equity Bank, … nor …")
        while i < len(words) - 1 and (fold(words[i].group()).strip(".,") in self.title_words
                                      or fold(words[i].group()) in self.correlatives
                                      or words[i].group()[:1].islower()):
            i += 1
        j = len(words)
        while j > i + 1 and (fold(words[j - 1].group()).strip(".,'’") in self.connectors
                             or (self.title_cased and words[j - 1].group()[:1].islower())):
            j -= 1
        # a date after the name ("McDonald's India on Feb 7", « Orange le 3 mars »): a month's name
        # and only figures after it, with the preposition before it
        for k in range(i + 1, j):
            if fold(words[k].group()).strip(".,") in self.month_words and \
                    all(_DAY_NUMBER.fullmatch(w.group()) for w in words[k + 1:j]):
                j = k - 1 if k - 1 > i and words[k - 1].group().islower() else k
                if k - 2 > i and _DAY_NUMBER.fullmatch(words[k - 1].group()):
                    j = k - 2 if words[k - 2].group().islower() else k - 1  # « le 3 mars »
                break
        # a figure after the name ("Fidelity Bank Plc 555.8" + " million naira"): a sum or a count
        if j > i + 1 and re.fullmatch(r"\d[\d.,]*", words[j - 1].group()) and \
                (re.search(r"\d[.,]\d", words[j - 1].group()) or self.scale_after.match(text, start + words[j - 1].end())):
            j -= 1
        # a weekday written in lower case after the name, and what follows it (« de tir jeudi soir »)
        j = next((k for k in range(i + 1, j) if words[k].group().islower()
                  and fold(words[k].group()).strip(".,") in self.weekday_words), j)
        end = start + words[j - 1].end()
        if words[j - 1].group().endswith(".") and words[j - 1].group()[:-1].islower():
            end -= 1  # a sentence's full stop after a common noun ("... the Ashby university clinic.")
        return start + words[i].start(), end

    def _mention(self, text: str, folded: str, sentences: list[Segment], start: int, end: int, source: str) -> Mention:
        based = self.based.match(text, start, end)
        if based and based.end() < end:
            start = based.end()  # "Va.-based Defense Point Security", "Ohio-based Meridian"
        if not self.possessive_s and text[end - 1:end] in ("'", "’") and re.match(r"s(?!\w)", text[end:end + 2]):
            end += 1  # « Habib's » (the tokenizer cut its "s" off): no possessive in this language, a brand's name
        elif self.possessive_s and re.search(r"['’]s$", text[start:end]):
            end -= 2  # English possessive: "Ormeau Clinic's network"
        possessive = self.dropped_opener.match(text[start:end])
        if possessive and start + possessive.end() < end:
            start += possessive.end()  # "Your Toronto Zoo has reported…": the determiner is no word of the name
        surface = self.leading_article.sub("", text[start:end]).strip()
        surface = self.elided_article.sub("", surface)
        return Mention(start, end, surface, self.key(surface), segment_at(sentences, start) if sentences else 0, source)

    def _common_phrase(self, name: str, vocab: "_Vocabulary") -> bool:
        """Title-case common nouns ("Data Security Incident", "What Was Involved"): every word also
        appears in lower case in the text, and none is an organization suffix."""
        words = [w for w in re.split(r"[\s\-'’]+", name) if w]
        if len(words) < 2 or self._looks_like_org(name):
            return False
        return all(w.isalpha() and not w.isupper() and vocab.common(w) for w in words)

    def _looks_like_org(self, name: str) -> bool:
        """Camel case, an acronym, a descriptor or an organization suffix: not a person or a place
        (a given name before a "Mc" surname or one in capitals, "Joyce McShan", "Jean-François CARREZ",
        is a person's shape, not camel case or an acronym)."""
        if _PERSON_SHAPE.match(name) and not self._has_org_word(name):
            return False
        words = name.split()
        if any(re.search(r"[a-z][A-Z]", w) or (w.isupper() and len(w) >= 2) for w in words):
            return True
        return self._has_org_word(name)

    def _trim(self, text: str, start: int, end: int, sentences: list[Segment],
              vocab: "_Vocabulary") -> list[tuple[int, int]]:
        """Split a capitalized run at words that are not names ("Selon Reuters" → "Reuters")."""
        if self.legislation.search(fold(text[start:end].rstrip(",.;:!?\"'»)"))):
            return []  # "General Data Protection Regulation": a statute's name, no piece of it a name
        pieces: list[tuple[int, int]] = []
        words = list(re.finditer(r"[^\s]+", text[start:end]))
        current: list[re.Match[str]] = []
        # org_after[i]: an organization word comes at i or later in the run (one backward pass)
        org_after = [False] * (len(words) + 1)
        for i in range(len(words) - 1, -1, -1):
            org_after[i] = org_after[i + 1] or self._org_word(words[i].group())
        title_end = 0  # words before it belong to a person's title, or to a date
        for index, w in enumerate(words):
            token = w.group().strip(",.;:!?\"'«»()")
            if index + 1 < len(words) and fold(token).strip(".") in self.title_words and \
                    words[index + 1].group()[:1].isupper() and \
                    not self._looks_like_org(" ".join(x.group() for x in words[index + 1:])):
                # "Upper Tribunal Judge N J Wikeley", "Juge Paul Varenne": a person follows the title
                # (not "Dr Lal PathLabs", whose rest is shaped as an organization)
                break
            if index < title_end:
                continue
            if fold(token).strip(".") in self.title_words:
                # "the CEO of Defense Point Security", « Directeur Général de la Caisse Primaire »:
                # the title (and the words of it before) is a person's, the organization follows
                title_end = self._title_of(words, index)
                if title_end:
                    current = []
                    continue
            if current and index == len(words) - 1 and re.fullmatch(r"[A-Z]{3}", token) and \
                    re.match(r"[ \t]?\d", text[start + w.end():start + w.end() + 2]):
                break  # "fines EOS Matrix EUR 5.47 million": a currency's code before a sum ends the name
            if fold(token) in self.month_words and current and current[-1].group() in self.title_connectors:
                # "Tessaly Foods on March 12": a date after the name, not a name of its own
                if len(current) > 1:
                    pieces.append((start + current[0].start(), start + current[-2].end()))
                current = []
                continue
            if not current and fold(token) in self.correlatives:
                continue  # "Neither Equity Bank, …, nor …": the conjunction opens the sentence, not the name
            if (token in self.not_names_exact or (fold(token) in self.not_names and token[:1].isupper()
                                                  and not token.isupper() and len(token) > 1)) \
                    and not self._place_of_name(current) \
                    and not self._inner_acronym(current, token, org_after[index + 1]) \
                    and not (not current and token in self.name_openers and index + 1 < len(words)
                             and words[index + 1].group()[:1].isupper()) \
                    and not (current and fold(token) in self.places
                             and vocab.inside_entity(start + current[-1].start(), start + w.end())) \
                    and not (not current and index + 1 < len(words) and (fold(token) in self.places or token.isupper())
                             and _always_after(text, token, words[index + 1].group().strip(",.;:!?\"'«»()"))) \
                    and not self._capital_inside_sentence(text, start + w.start(), index, org_after, sentences):
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
            while segment_words and (fold(segment_words[-1]) in self.edge_connectors
                                     or segment_words[-1] in self.foreign_edge_connectors):
                segment_words.pop()
            while segment_words and (fold(segment_words[0]) in self.edge_connectors
                                     or segment_words[0] in self.foreign_edge_connectors):
                segment_words.pop(0)
            if not segment_words:
                continue
            named = vocab.written_in_lower_case(" ".join(segment_words))
            if len(segment_words) > 1 and not named and \
                    self._positional_capital(text, s + segment.find(segment_words[0]), segment_words[0],
                                             sentences, vocab):
                segment_words.pop(0)  # "Délibération SAN-2019-007", "Decision CP-2021-044": a common noun
                while len(segment_words) > 1 and fold(segment_words[0]) in self.edge_connectors:
                    segment_words.pop(0)  # "S'agissant de Cosmote" → "Cosmote"
            if len(segment_words) > 2 and segment_words[1] in self.sentence_articles and \
                    not self._has_org_word(segment_words[0]):
                del segment_words[:2]  # "Take the Calgary Health Region", « Prenez la Mutuelle Corvale »: a verb
            if len(segment_words) > 2 and fold(segment_words[0]) in self.number_words and \
                    fold(segment_words[1]) in self.edge_connectors:
                del segment_words[:2]  # "One of Premier Family Medical's clinics", "Deux des CHU de ..."
            first = segment.find(segment_words[0])
            s2 = s + first
            e2 = s2 + len(" ".join(segment_words)) if " ".join(segment_words) in segment else e
            cleaned = text[s2:e2].rstrip(".,;:'’")
            e2 = s2 + len(cleaned)
            if e2 - s2 < 2:
                continue
            if (self._sentence_initial_word(text, s2, e2, sentences, vocab)
                    and not self.kind_apposition.match(fold(text[e2:e2 + 120]))
                    and not self.government_tail.match(text, e2)) \
                    or fold(text[s2:e2]) in self.not_names \
                    or (self._common_phrase(text[s2:e2], vocab) and not named):
                continue
            out.append((s2, e2))
        return out

    def _positional_capital(self, text: str, start: int, word: str, sentences: list[Segment],
                            vocab: "_Vocabulary") -> bool:
        """``word`` opens a sentence, a title or a line, is written in lower case elsewhere in the
        text and never capitalized inside a sentence, and is no organization word: its capital is
        the sentence's, so it is no part of the name that follows it."""
        elided = re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-z]?['’]([^\W\d_][\w-]*)", word)
        if elided and elided.group(1)[:1].islower():
            return True  # "S'agissant de X", "D'après X": an elided function word, never a name's start
        if not (word[:1].isupper() and (len(word) == 1 or word[1:].islower()) and word.isalpha()):
            return False  # "À Maldegem": a one-letter word counts too
        if self._org_word(word) or word in vocab.mid_caps or fold(word) not in vocab.lower_words:
            return False
        if vocab.informal and fold(word) not in self.stop_words and fold(word) not in self.clause_openers:
            return False  # a forum writes names in lower case too ("econet's list … Econet Wireless")
        return _opens_line(text, start) or _opens_sentence(text, start, sentences)

    @staticmethod
    def _capital_inside_sentence(text: str, position: int, index: int, org_after: list[bool],
                                 sentences: list[Segment]) -> bool:
        """A word of the not-names list opening a run inside a sentence, before an organization word
        ("doing business as Just Kids Dental"): its capital is the name's, not the sentence's."""
        if index != 0 or not org_after[1] or _opens_line(text, position):
            return False  # a line's first word: a heading's capital
        return not _opens_sentence(text, position, sentences)

    def _title_of(self, words: list[re.Match[str]], index: int) -> int:
        """Where the name after a person's title at ``index`` starts, when the title closes with a
        connector ("Officer of", « Directeur Général de ») within three words and two words or more
        of a name follow; else 0."""
        for k in range(index + 1, min(index + 4, len(words) - 2)):
            word = words[k].group()
            if fold(word) in self.title_connectors:
                return k + 1
            if not word[:1].isupper() or self._org_word(word):
                return 0
        return 0

    @staticmethod
    def _inner_acronym(current: list[re.Match[str]], token: str, org_word_follows: bool) -> bool:
        """An acronym inside a name that goes on to an organization word ("Cambridge University
        Hospitals NHS Foundation Trust"): part of the name, though alone it names none."""
        return bool(current) and token.isupper() and org_word_follows

    def _place_of_name(self, current: list[re.Match[str]]) -> bool:
        """The run so far is an organization's head and a connector ("CHU de", "University of"): the
        place that follows is part of its name ("CHU de Rennes"), not a word to cut at."""
        if len(current) < 2 or fold(current[-1].group()).strip("'’") not in self.connectors:
            return False
        head = [w.group() for w in current[:-1]]
        return any(re.split(r"['’]", fold(w).strip(".,"))[-1] in self.org_words or (w.isupper() and len(w) >= 2)
                   for w in head)

    def _owner_and_unit(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """An entity cut in two where a possessive joins two organizations, each with an organization
        word ("Halden University's School of Nursing"); whole when it is one name with a possessive
        inside ("X Women's Wellness"), or when the owner's organization word is only a lower-case
        descriptor before it ("l'hôpital pédiatrique Children's Healthcare of Atlanta")."""
        for w in _POSSESSIVE.finditer(text, start, end):
            owner, rest = text[start:w.start("mark")], text[w.end():end]
            if self._owner_org_word(owner) and self._has_org_word(rest):
                return [(start, w.start("mark")), (w.end() + 1, end)]
            if w.group("mark")[0] in "'’" and not self._has_org_word(rest) and _named_alone(text, owner):
                # "HPMB's Exchange server": a thing the organization has, named alone elsewhere
                return [(start, w.start("mark"))]
        return [(start, end)]

    def _without_place_tail(self, text: str, start: int, end: int, sites: set[tuple[int, int]]) -> int:
        """The end of a name without the place the NER found after a connector ("hôpital San Raffaele
        de Milan", "Sacred Heart Hospital on Ninth Avenue") when what comes before already holds a
        name of its own, a capitalized word that is no organization word ("San", "Sacred"): the
        place says where the organization is. A name that is only organization words keeps its place
        ("centre hospitalier de Valmont", "CHU de Rennes")."""
        for tail in self.place_tail.finditer(text, start, end):
            if (tail.end(), end) not in sites and (tail.end(), end + 1) not in sites:
                continue
            if fold(text[tail.end():end]).strip(" .,") in self.compass_words:
                continue  # "Région du Danemark du Sud": a point of the compass names a part, not a place
            core = text[start:tail.start()].split()
            if any(w[:1].isupper() and not w.isupper() and not self._org_word(w)
                   and fold(w).strip("'’") not in self.connectors for w in core):
                return tail.start()
        return end

    def _has_org_word(self, name: str) -> bool:
        return any(fold(x).strip(".,") in self.org_words for x in name.split())

    def _has_head_word(self, name: str) -> bool:
        """``name`` holds a word that heads an organization's name ("Hospital", « hôpital »), and does not
        open like a place ("County Antrim", « l'État de Bahia »)."""
        return not self.place_head.match(fold(name)) and any(fold(x).strip(".,") in self.head_words for x in name.split())

    def _owner_org_word(self, owner: str) -> bool:
        """The owner before a possessive holds a capitalized organization word; a lower-case
        descriptor is not the owner's ("l'hôpital pédiatrique Children's")."""
        return self._has_org_word(" ".join(word for word in owner.split() if word[:1].isupper()))

    def _possessive_cut(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """"Three UK's Facebook page", "Kaleida Health's EHR": a name ends at its possessive, unless
        what follows is itself a name of an organization ("St. Brigid's Children's Hospital") that
        the owner is no organization for ("University of Halden's School of Nursing" is two), its
        organization word capitalized; a saint's name ("St. Jude's Pediatric ...") is never an owner."""
        for w in _POSSESSIVE.finditer(text, start, end):
            rest, owner = text[w.end():end], text[start:w.start("mark")]
            plural = w.group("mark")[0] not in "'’"  # "Human Services' Office": an owner's org word is needed
            if self._saints_name(owner) and (self._has_org_word(rest) or self._coordinated_org_after(text, end)):
                continue  # "St. Jude's Pediatric and Family Clinic": the saint's name is the name's start
            if (not plural and not self._has_org_word(rest)) or self._owner_org_word(owner) and \
                    (not plural or self._has_org_word(rest)):
                return [(start, w.start("mark")), (w.end() + 1, end)]
        return [(start, end)]

    def _saints_name(self, owner: str) -> bool:
        """The words before a possessive open with a saint's title ("St. Mary", "Saint Luke")."""
        return fold(owner.split()[0]).rstrip(".") in self.saint_words

    def _coordinated_org_after(self, text: str, end: int) -> bool:
        """After ``end``, "and"/"et"/"&" and capitalized words that end with an organization word
        ("... Pediatric and Family Clinic")."""
        m = _COORDINATED_AFTER.match(text, end)
        return bool(m and self.coordination.fullmatch(m.group("connector"))
                    and self._org_word(m.group("name").split()[-1]))

    def _sentence_initial_word(self, text: str, start: int, end: int, sentences: list[Segment],
                               vocab: "_Vocabulary") -> bool:
        """Not a name: a lone capitalized word opening a sentence (or a bullet) that the text never
        capitalizes elsewhere, or an all-caps heading ("PLAINTE DÉPOSÉE")."""
        word = text[start:end]
        if word.isupper():
            # words the text writes in lower case or function words, shouted ("their WHOLE database",
            # « TOUTE la base », "people are getting FAKE INVOICES"), not an acronym
            shouted = all(fold(w) in vocab.lower_words or fold(w) in self.stop_words for w in word.split())
            if len(word.replace("-", "")) > 5:
                # several capital words are a heading when their line is shouted too or in a forum post,
                # a name when the words around them are written in lower case ("the company KG COM")
                return shouted or (" " in word and (_shouted_line(text, start, end) or vocab.informal))
            if len(word) == 5 and word.isalpha():
                return shouted
        if " " in word or not word[:1].isupper() or word.isupper() or any(c.isupper() for c in word[1:]):
            return False
        if _WEB_NAME.fullmatch(word):
            return False  # "Parking.brussels", "Morele.net": a name written as its web address
        if not _opens_sentence(text, start, sentences):
            return False
        if vocab.informal and (start, end) in vocab.entities:
            return False  # a forum writes names in lower case inside its sentences: the NER's entity stands
        return word not in vocab.mid_caps

    def _names_its_kind(self, descriptor: str, name: str) -> bool:
        """``name`` ends with the descriptor's head or its other language's word ("GenRx Pharmacy"
        after « pharmacie », "Harbour Clinic" after "the clinic")."""
        words = name.split()
        if len(words) < 2:
            return False
        last = fold(words[-1]).strip(".,;:")
        head = fold(descriptor.split()[0] if self.head_first else descriptor.split()[-1])
        return last == head or self.head_equivalents.get(last) == head or self.head_equivalents.get(head) == last

    def _whole_name(self, name: str) -> bool:
        """Three capitalized words or more, one of them after the first an organization word
        ("Elizabeth Family Health", "Spectrum Health Lakeland"), or two ending in a head of another
        language than the text's ("DeKalb Health" in French): a name whole without the descriptor a
        French text puts before it (two words in its own language, "Lumora Santé", may still be the
        descriptor's)."""
        words = name.split()
        if not all(w[:1].isupper() for w in words):
            return False
        if len(words) == 2 and fold(words[-1]).strip(".,;:") in self.foreign_name_heads:
            return True  # « la clinique Cornerstone Neurology »: a name in another language, its head its own
        return len(words) >= 3 and any(self._org_word(w) for w in words[1:])

    def _kind_right_before(self, text: str, folded: str, start: int, *, qualified: bool = True) -> bool:
        """A kind of organization right before the name ("Brazilian insurer Porto Seguro", « la fintech
        Kreditplus », « le groupe de construction Rabot Dutilleul »): the name is that organization's,
        whatever person or place the NER reads in it."""
        window = folded[max(0, start - 60):start]
        m = self.descriptor_re.search(window)
        if m is not None and not m.group("conn") and not window[m.end("desc"):].strip():
            return not self.indefinite_before.search(window, 0, m.start("desc"))
        q = self.descriptor_qualified_re.search(window) if qualified else None
        if q is None or self.indefinite_before.search(window, 0, q.start("desc")):
            return False
        qualifier = text[start - len(window) + q.end("desc"):start]
        # « le groupe de BTP Vinci »: a capital there starts the name; "a hospital in Kawasaki", « le
        # centre hospitalier de Lyon »: a preposition last places the kind, the name after it is a place's
        return qualifier == qualifier.lower() and fold(qualifier).replace("'", " ").split()[-1] not in self.lower_stops

    def _with_descriptor(self, text: str, folded: str, start: int, end: int | None = None) -> int:
        """Extend a name leftwards over a descriptor that belongs to it ("clinique des Lilas"), not
        over one that describes a name led by its own acronym ("l'hôpital anversois AZ Monica"), nor
        over a descriptor with a qualifier before a name holding its own capitalized organization word
        ("l'hôpital pédiatrique Children's Healthcare of Atlanta"; "laboratoire Lumora Santé" is whole)."""
        m = self.descriptor_re.search(folded[max(0, start - 60):start])
        qualified = m is not None and bool(m.string[m.end("desc"):m.end()].strip())  # "hôpital pédiatrique"
        if m and not m.group("conn") and (_ACRONYM_LED.match(text, start) or (
                qualified and end is not None and any(w[:1].isupper() and self._org_word(w) for w in text[start:end].split()))):
            return start
        if m and not m.group("conn") and end is not None and self._names_its_kind(m.group("desc"), text[start:end]):
            return start  # « la pharmacie GenRx Pharmacy »: the name says what it is, the descriptor repeats it
        if m and not m.group("conn") and end is not None and self._whole_name(text[start:end]):
            return start  # « le centre de santé Elizabeth Family Health »: a name that holds its own kind
        if m and m.group("desc") in self.name_descriptors:
            extended = start - (len(folded[max(0, start - 60):start]) - m.start("desc"))
            if self.indefinite_before.search(folded, max(0, extended - 12), extended):
                return start  # "un hôpital de Zhongli": a hospital there, not its name
            if "\n" not in folded[extended:start]:  # a headline's last word is no part of the next line's name
                return extended
        return start


# The longest line a letterhead's or a sign-off's unit stands on (characters).
_SHORT_LINE = 200
# a capitalized word right after a lower-case elided word inside a sentence (« l'Urssaf », « qu'Orange »)
_AFTER_ELISION = re.compile(r"(?:(?<=\s)|(?<=^))[a-zà-ÿ]{1,6}['’]([A-ZÀ-ÖØ-Þ][\w'’-]*)", re.MULTILINE)
# a day's or a year's figure, its ordinal ending in any language at most two letters ("7th", « 1er »)
_DAY_NUMBER = re.compile(r"\d{1,4}[^\W\d_]{0,2}[,.]?")
# A possessive inside a capitalised run: "Health's", "Services'" ("mark": the possessive's letters).
_POSSESSIVE = re.compile(r"\S+?(?P<mark>['’]s|(?<=s)['’])(?=\s)")
# A connector word and the capitalized words after a name ("... and Family Clinic").
_COORDINATED_AFTER = re.compile(r"(?P<connector>[ \t]+\S+[ \t]+)(?P<name>[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[A-ZÀ-Ý][\w'’-]*){0,4})")
# What ends the words a long form may take, read backwards from its parenthesis: a dash, a comma...
_CLAUSE_MARK = re.compile(r"[,;:–—(\[]")
# where the phrase an acronym in brackets spells out begins: a clause mark other than a comma (a
# name may hold one: « direction des Infrastructures, de la topographie … (DITTT) »), a sentence's or
# a line's end
_THING_CLAUSE_MARK = re.compile(r"[;:–—()\[\].!?\n]")
# How far back before a bracket the phrase it spells out or describes is read (characters).
_PHRASE_REACH = 120
_CLAUSE_MARK_NOT_COMMA = re.compile(r"[;:–—(\[]")


def _phrase_start(text: str, bracket: int, marks: re.Pattern[str]) -> int:
    """Where the phrase right before an opening bracket at ``bracket`` begins: after the last of
    ``marks`` within :data:`_PHRASE_REACH` characters, else that far back."""
    reach = max(0, bracket - _PHRASE_REACH)
    found = list(marks.finditer(text, reach, bracket))
    return found[-1].end() if found else reach


def _initials_start(words: list[re.Match[str]], letters: str) -> re.Match[str] | None:
    """The word where the initials of ``words``, read backwards, have spelled ``letters`` (from its
    last letter), or None."""
    j = len(letters) - 1
    for w in reversed(words):
        if fold(w.group()[0]) == letters[j]:
            j -= 1
            if j < 0:
                return w
    return None


# The word right before a position, followed by spaces only.
_LAST_WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w.]*)[ \t]+$")


# A name whose first word is an acronym and that goes on with another capitalised word ("AZ Monica",
# "ZNA Middelheim"): a whole name, which a descriptor before it only describes.
_ACRONYM_LED = re.compile(r"[A-ZÀ-ÖØ-Þ]{2,}\s+[A-ZÀ-ÖØ-Þ][\w'’-]")


# What may stand between a sentence's start and its first word: a bullet, or a wire dateline
# ("LAUSANNE – ", "DUBLIN, May 1 – ", "PARIS, 7 mai (AFP) – "): an upper-case place, then anything
# short without a sentence end, then a dash.
# (a dateline's place may carry its region in parentheses: "ROTKREUZ (ZG) —", "AMHERST (New York) —")
_OPENING = re.compile(r"\s*(?:[-•*–—]|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{2,}(?:\s*\([^()\n]{1,30}\))?(?:,[^!?\n]{0,40}?)?\s+(?:[–—]|--?)"
                      r"|[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [\w'’-]+)?[ \t]+[–—])\s*")  # or a rubric: "Santé – Sept hôpitaux…"


# A line break and the next line's indentation.
_LINE_BREAK = re.compile(r"\n[ \t]*")
# A wire dateline opening a line: an upper-case place, anything short after a comma, a spaced dash.
_DATELINE_LEAD = re.compile(r"[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.]+)*(?:,[^!?\n]{0,40}?)?[ \t]+(?:[–—]|--?)[ \t]+")

# The NER's labels a lower-case name may get in a forum post (no dates, numbers or countries).
_NAME_LABELS = frozenset({"ORG", "PER", "PERSON", "MISC", "LOC", "PRODUCT"})


def _money(name: str) -> bool:
    """"PLN 29,648", "KSh 525": a currency's code and its amount, no name."""
    code = re.match(r"([A-Z][A-Za-z]{2})(?:\s?\d|$)", name)
    return code is not None and code.group(1).upper() in CURRENCIES


# The first line of a text, a name alone, over a line opening on a street number.
_LETTERHEAD = re.compile(r"\s*(?P<name>[^\W\d_][^\n]{1,60}?)[ \t]*\n[ \t]*\d[^\n]*\n")


def _without_possessive(name: str) -> str:
    """``name`` without a closing possessive mark: "Karen Whitfield's" → "Karen Whitfield", "Services'"."""
    return re.sub(r"['’]s?$", "", name)

def _shouted_line(text: str, start: int, end: int) -> bool:
    """The letters of the line around ``start:end`` (outside it) are mostly capitals, or there are none:
    the capital words are a shouted heading, not a name set in a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    around = text[line_start:start] + text[end:len(text) if line_end < 0 else line_end]
    letters = [c for c in around if c.isalpha()]
    return not letters or sum(c.isupper() for c in letters) >= len(letters) / 2


def _always_after(text: str, place: str, word: str) -> bool:
    """The capitalized ``word`` is written at least twice, each time right after ``place``: "UK Biobank"
    throughout is one name, the country a part of it (not "UK" before a name written alone too)."""
    if not word[:1].isupper():
        return False
    alone = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))
    return alone >= 2 and len(re.findall(rf"(?<![\w-]){re.escape(place)}\s+{re.escape(word)}(?![\w-])", text)) == alone


def _opens_line(text: str, start: int) -> bool:
    """The word at ``start`` is the first of its line (only spaces or tabs before it)."""
    return start == 0 or re.search(r"\n[ \t]*$", text[max(0, start - 20):start]) is not None


def _named_alone(text: str, name: str) -> bool:
    """``name`` is written elsewhere in ``text`` on its own, not in the possessive."""
    return re.search(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text) is not None


def _opens_sentence(text: str, start: int, sentences: list[Segment]) -> bool:
    """The word at ``start`` opens its sentence (after a bullet or a dateline at most), so its
    capital may be the sentence's, not a name's."""
    if not sentences:
        return True
    sentence_start = sentences[segment_at(sentences, start)].start
    return sentence_start == start or bool(_OPENING.fullmatch(text, sentence_start, start))


class _Lines:
    """Where each line of a text starts and ends, found once: a mention's line in log time (a
    scan back to the previous line break per mention made newline-free text quadratic)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.length = len(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else self.length
        return self.starts[i], end


# The dash that ends a dateline: a long one, or a hyphen or two followed by a space ("CORNWALL -- ").
_DATELINE_DASH = r"[–—]|--?\s"
# What follows a dateline's place: more words in capitals, then a comma, a colon, a bracket or a dash.
_DATELINE_PLACE_END = re.compile(rf"\.?(?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]*)*\.?\s*(?:,|:|\(|{_DATELINE_DASH})")
_DATELINE_STATE = re.compile(r"[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{2,}\(")  # the city in capitals, then "("
# What follows a region's abbreviation in a dateline: its period, then a comma or a dash.
_DATELINE_REGION_END = re.compile(rf"\.?\s*(?:,|{_DATELINE_DASH})")
_DATELINE_STATE_END = re.compile(rf"\)\s*(?:,|{_DATELINE_DASH})")


def _dateline_place(text: str, mention: Mention, lines: _Lines) -> bool:
    """An upper-case place opening a line and followed by a comma, a colon, a dash or a bracket:
    the city of a wire dateline ("LAVAL, 14 février (PC) –", "WELLINGTON -", "PUNE:"), or its
    state right after it."""
    line_start = lines.bounds(mention.start)[0]
    surface = text[mention.start:mention.end]
    if _DATELINE_STATE.fullmatch(text, line_start, mention.start) and _DATELINE_STATE_END.match(text, mention.end):
        return True  # the state in brackets after the city: "NEWARK (Delaware), 31 mai (AFP) –"
    if len(surface) <= 6 and re.fullmatch(r"\s*[A-Z][A-Z .'-]{2,}, ", text[line_start:mention.start]) and \
            _DATELINE_REGION_END.match(text, mention.end):
        return True  # the region's abbreviation after the city: "KINGSTON, Ont. --", "RENO, Nev., Jan. 5 —"
    letters = [c for c in surface if c.isalpha()]
    # the place may go on in capitals past the name the NER cut ("CASA" of "CASA GRANDE, Ariz. —")
    rest = _DATELINE_PLACE_END.match(text, mention.end, mention.end + 60)
    if surface.upper() != surface or not rest:
        return False
    # "ST" of "ST. JOSEPH (Michigan) –": the place is the whole run in capitals
    letters += [c for c in rest.group() if c.isalpha()]
    before = text[line_start:mention.start]
    # the city opening the line ("MYSURU:"), or the state after it ("RALEIGH, N.C., Oct. 14 —")
    # or the end of a city of several words whose start the name pattern cut ("SAULT STE. MARIE, Ont. —")
    return (not before.strip() and len(letters) >= 4) or bool(re.fullmatch(r"\s*[A-Z][A-Z .'-]{2,}, ", before)) \
        or bool(re.fullmatch(r"\s*[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)* ", before))


# A shouted contraction ("DON'T", "CAN'T"), never a name.
_CONTRACTION = re.compile(r"[A-Z]+['’][A-Z]{1,2}")
# An acronym in brackets right after what it stands for: "(REEE)", "(PHI)".
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
# A document's reference ("SAN-2019-007", "CP-2021-044", "HHS-OCR 2020-1", "DKN.5131.34.2021"): letters
# then two or more groups of digits, not a name.
_REFERENCE = re.compile(r"[A-Z][A-Z-]{0,9}[-/. ]?\d{2,}(?:[-/.]\d+)+")
def _dateline_agency(text: str, mention: Mention, lines: _Lines) -> bool:
    """The agency or desk in brackets of a wire dateline ("MONTREAL, Aug. 29 (Staff) –",
    "CHARLOTTETOWN, 1er juin (La Presse Canadienne) –"): the paper's, not the victim's."""
    line_start = lines.bounds(mention.start)[0]
    close = text.find(")", mention.end, mention.end + 40)
    opening = text.rfind("(", line_start, mention.start)
    return (opening != -1 and close != -1 and mention.start - opening < 40
            and bool(re.match(r"\)\s*[–—-]", text[close:close + 3]))
            and bool(re.match(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{2,}", text[line_start:opening])))


_NAME_NUMBER = re.compile(r" \d{1,3}(?![\d,.%\w])(?! ?\d)")
# A short number and a capitalized word that go on with a name: "Ulss 6 Euganea".
_NAME_NUMBER_NAME = re.compile(r" \d{1,2} [A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*")


# A line of a form: a short label, a colon, a value ("Entity Name: Esse Health", "Nom de l'entité : …").
_FIELD_LINE = re.compile(LINE_OPENING + r"[^\n:.!?]{2,60}?[ \t]*:[ \t]*\S[^\n]*")


# A section number opening a line, then its heading: "I. Faits", "2. Findings".
_SECTION_NUMBER = re.compile(rf"[ \t]*{SECTION_NUMBER}[ \t]+")


def _section_heading(text: str, mention: Mention, lines: _Lines) -> bool:
    """The mention is a section's number ("II." of "II. Manquements") or the first word of a short
    numbered heading line ("I. Faits et procédure", "3. Findings"): a decision's structure, no name."""
    line_start, line_end = lines.bounds(mention.start)
    if re.fullmatch(r"[IVXLC]{1,5}", mention.text) and _SECTION_NUMBER.match(text, line_start) and \
            not text[line_start:mention.start].strip():
        return True
    number = _SECTION_NUMBER.match(text, line_start)
    heading = text[line_start:line_end].strip()
    if number is None or len(heading.split()) > 8 or heading.endswith((".", ":", ";")):
        return False
    # "Facts" after "I. ", or "I. Facts" whole (the line) when the name pattern took the number in as an initial
    whole_line = not text[line_start:mention.start].strip() and not text[mention.end:line_end].strip()
    return (number.end() == mention.start and mention.text.count(" ") == 0) or \
        (whole_line and mention.start < number.end() and mention.text.count(" ") <= 2)


# A number sign and a figure after one word: a numbered label ("Patient #1", "Employee #2"), no name.
_NUMBERED_LABEL = re.compile(r"[ \t]*#[ \t]?\d")


def _form_label(text: str, mention: Mention, lines: _Lines) -> bool:
    """The mention is the label of a form field: it opens its line, a colon and a value follow, and
    the line before or after is a field too (a breach portal's "Entity Name: …", "Type of
    Organization: …"); the label names no organization, the value may."""
    line_start, line_end = lines.bounds(mention.start)
    if text[line_start:mention.start].strip(LINE_BULLETS) or not re.match(r"[ \t]*:[ \t]*\S", text[mention.end:line_end]):
        return False
    for neighbour in (line_start - 1, line_end + 1):
        if 0 <= neighbour < len(text):
            start, end = lines.bounds(neighbour)
            if _FIELD_LINE.fullmatch(text, start, end):
                return True
    return False


# A lower-case acronym in brackets ("(hra)") that the words before it may define.
_LOWER_ACRONYM = re.compile(r"\(([a-z]{2,6})\)")
# A word of a lower-case name; an apostrophe ends one ("l'hôpital": "l", "hôpital").
_LOWER_WORD = re.compile(r"[^\W\d_][\w-]*")
_SPACES = re.compile(r"[ \t]+")
# The top-level domain ending a web address written as a name ("Chuv.ch", "Example.com").
_WEB_SUFFIX = re.compile(r"(?<=\w{3})\.[a-z]{2,4}$")
# a whole name written as a web address, without scheme or "www." ("Booking.com", "Parking.brussels"):
# any top-level domain, where the suffix above strips only the short ones from a forum's names
_WEB_NAME = re.compile(r"[^\W\d_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,24}")
# Up to three capitalized words, the whole run (no capitalized word right after it).
_CAPITALIZED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,2}(?![\w'’-]|[ \t]+[A-ZÀ-ÖØ-Þ])")
# Up to four capitalized words after a lower-case one, then a coordinator and what follows (up to a name).
_CAPITALIZED_BEFORE = re.compile(
    r"(?<=[a-zà-ÿ,] )(?P<word>(?:[A-ZÀ-ÖØ-Þ][\w'’-]+ ){0,3}[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+)\s+\S{1,3}\s+$")
# What separates the items of a navigation line ("Accueil › Actualités", "News > Crime", "Blog · Santé").
_CRUMB_MARKS = frozenset("›>»·|")


def _breadcrumb(text: str, mention: Mention, lines: _Lines, seen: dict[int, bool]) -> bool:
    """A mention on a line of page navigation ("Forum › Sécurité & vie › Fuites"); ``seen``
    remembers the answer for each line."""
    line_start, line_end = lines.bounds(mention.start)
    if line_start in seen:
        return seen[line_start]
    line = text[line_start:line_end]
    # "›" and " > " always; a closing French quote " » " only on a short line (prose quotes too)
    # "Blogue santé · Nouvelles de la clinique": a middle dot between short items, no sentence
    # "Notes from the Server Room | posted 2 February 2022 | by K. Arai": a bar between short items, not a
    # table's row ("| Organisation | Medusind |")
    seen[line_start] = "›" in line or " > " in line or (" » " in line and len(line) < 120) or (
        " · " in line and len(line) < 80 and not line.rstrip().endswith((".", "!", "?", ":"))) or (
        " | " in line and len(line) < 100 and not line.strip().startswith("|")
        and not line.rstrip().endswith((".", "!", "?", ":", "|")))
    return seen[line_start]


@dataclass(frozen=True)
class Headline:
    """Offsets of the headline line (``start == end == 0``: none) and of the site name that may
    close it (``site == end``: none)."""

    start: int
    end: int
    site: int


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions in order, each one that starts inside the one kept before it left out."""
    out: list[Mention] = []
    for mention in mentions:
        if not out or mention.start >= out[-1].end:
            out.append(mention)
    return out


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
