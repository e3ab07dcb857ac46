"""A role for each organization cluster (victim, parent, regulator, media, attacker, vendor,
law firm, other) and the victim score's features (:class:`RoleRules`)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...text import Segment, fold, informal_text, line_starts, segment_at, split_sentences
from .mentions import _Lines, _phrase_start

if TYPE_CHECKING:
    from .clusters import Cluster
    from .mentions import Mention

_ARTICLE_REACH = 16  # characters: an article and the spaces around it, in any language
NEVER_VICTIM = ("regulator", "media", "attacker", "law_firm")
# A public authority (a ministry, a parliament) is a candidate whose role the fitted score weighs
# ("authority" feature); named as another organization, it is reported as a regulator.
AUTHORITY = "authority"
VICTIM_MARGIN = -1.0
# How many times the body must name a headline's trailing site for it to be the story's subject, not its publisher.
SITE_BODY_MENTIONS = 2
# an acronym's opening bracket, perhaps after the name in its own language: "(ANSPDCP", "(Datenschutzbehörde, DSB"
_DESCRIBED_BRACKET = re.compile(r"\((?:[^\W\d_][\w-]*,\s*)?[«\"“]?\s*$")
# where a description before a bracket begins: a clause mark or a line break (a sentence's end too)
_DESCRIPTION_MARK = re.compile(r"[,;:–—()\[\]\n.!?]")
# a name alone in brackets after a finished sentence, ending its line: a caption's credit or a wire's
# tag ("… were read without cause. (Adobe Stock)"), the picture's or the story's source
_CREDIT_BEFORE = re.compile(r"[.!?»\"”][ \t]*\([ \t]*$")
_CREDIT_AFTER = re.compile(r"[ \t]*\)[ \t]*(?:\n|$)")
# What the victim score weighs, per organization cluster (counts, or 0/1 flags).
VICTIM_FEATURES: tuple[str, ...] = (
    "mentions", "mention_share", "headline", "victim_cue", "apposition_cue", "other_incident", "signature",
    "sentence_subject", "attacker_context", "media_context", "vendor_context", "place", "letter_writer",
    "incident_sentences", "first_sentence", "first_named", "short_name", "ner_only", "vendor_role", "owns",
    "org_word", "single_word", "authority", "person_name", "shouted", "data_term", "informal_acronym",
    "informal_lower", "place_name", "kind_anaphors",
)


class RoleRules:
    """The role choice of :class:`~.rules.OrgRules` (its patterns are built there)."""

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
        shouted = _Shouting(text)
        informal = informal_text(text)
        other_incident_sentences = {i for i, s in enumerate(sentences)
                                    if self.other_incident.search(folded, s.start, s.end)}
        incident_sentences = {i for i, s in enumerate(sentences) if self.incident.search(folded, s.start, s.end)}
        parents: dict[int, Cluster] = {}  # id(child) -> parent
        orphans: list[Cluster] = []
        apposed_units: set[int] = set()  # "X, its online grocery service": a unit the text sets apart
        headline = self.headline(text)
        letter = len(self.first_person.findall(folded)) >= 3
        letter_head = _nth_line_start(text, 4)
        body_start = headline.end
        first_body_sentence = segment_at(sentences, min(len(text) - 1, body_start + 1)) if sentences and text else 0
        for cluster in clusters:
            role = None
            name = cluster.name  # computed once: a cluster of many mentions has many forms
            name_words = len(name.split())
            for m in cluster.mentions:
                tail, head = self._name_tail(text, m.end), self._name_head(text, m.start)
                if len(m.text.split()) < name_words:
                    tail = head = ""  # "NSW" of "NSW Privacy Commissioner" in the cluster of "NSW Reconstruction Authority"
                if self._own_acronym(name, m):
                    continue  # "Bank Syariah Indonesia (BSI)": not the BSI the gazetteer knows
                gazetteer_role = self.gazetteer.get(fold(m.text)) or self.gazetteer.get(m.key) or \
                    self._role_by_shape(fold(m.text + tail)) or (head and self._role_by_shape(fold(head + m.text + tail))) \
                    or self._coordinated_role(text, m.end + len(tail), m.text + tail) \
                    or self._described_role(text, folded, m)
                if gazetteer_role:
                    role = gazetteer_role
                    m.cues.append((m.start, m.end, f"gazetteer:{gazetteer_role}"))
                    break
            if role is None and all(_CREDIT_BEFORE.search(text, max(0, m.start - 8), m.start)
                                    and _CREDIT_AFTER.match(text, m.end) for m in cluster.mentions):
                role = "media"
            f = cluster.features
            counted_sentences: set[int] = set()
            mention_sentences: set[int] = set()
            place = all(m.source == "place" for m in cluster.mentions)

            # a site the body names again and again is what the story is about ("Fine notice – Ostre
            # Toten kommune", then "Controller: Ostre Toten kommune" …): a publisher is named once, if at all
            site_in_body = sum(1 for m in cluster.mentions if m.start >= headline.end) >= SITE_BODY_MENTIONS
            for m in cluster.mentions:
                before = folded[max(0, m.start - 80):m.start]
                after = folded[m.end:m.end + 40]
                other = m.sentence in other_incident_sentences
                mention_sentences.add(m.sentence)
                if headline.site <= m.start < headline.end:
                    if not site_in_body:
                        role = role or "media"  # "... | CSO Online": the site that published the story
                    m.cues.append((m.start, m.end, "headline_site"))
                elif m.start < headline.site:
                    f["headline"] += 1
                    m.cues.append((m.start, m.end, "headline"))
                # "le groupe … propriétaire du X, à Londres": a cue naming a unit after the group word
                # outweighs it (X is the unit, and so is no place after X the group's parent)
                parent_cue = self.parent_before.search(before[-70:])
                if parent_cue and self.child_cue.search(before[-70:], parent_cue.start()):
                    parent_cue = None
                child = self._nearest_before(cluster, clusters, m, sentences) if parent_cue else None
                if child is not None and parent_cue is not None:
                    # « le groupe « Nordlys » a ajouté le X à sa liste »: a name between the cue and this
                    # one is what the cue's word heads, so it tells nothing of this one
                    cue_start = m.start - len(before[-70:]) + parent_cue.start()
                    if any(cue_start <= o.start and o.end <= m.start and o.source != "place" for o in child.mentions):
                        child = None
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
                # "X, a unit of the group": an orphan; "X's cybercrime unit" is X's own unit, X owns it
                if self.subsidiary_after.match(after) and not after.startswith(("'s ", "' ")) \
                        and m.sentence not in other_incident_sentences and not place:
                    orphans.append(cluster)  # "X, filiale à 100 % du groupe": owner named elsewhere
                apposed = self.child_after.match(after)
                child_cue = self.child_before.search(before[-50:])
                if child_cue and parent_cue and parent_cue.end() == len(before[-70:]):
                    child_cue = None  # « la filiale de crédit du X »: the subsidiary of X, X its owner
                if child_cue and self.victim_before.search(before[-50:], 0, child_cue.start()):
                    apposed = True  # "les clients de sa filiale X", "an attack on its unit X": the unit's breach
                if child_cue or apposed:
                    # "sa filiale X", "X, its online grocery service": the owner named before it
                    owner = self._nearest_before(cluster, clusters, m, sentences, reach=2)
                    if owner is not None:
                        parents[id(cluster)] = owner
                        if apposed:
                            apposed_units.add(id(cluster))
                if role is None and self.recipient_before.search(before):
                    role = AUTHORITY  # "reported the attack to the X": the recipient of the report
                    m.cues.append((m.start, m.end, "recipient"))
                if role is None and (self.attacker_named_before.search(before)
                                     or self.attacker_named_after.match(after)):
                    # "a hacker going by X", "le gang X": the text names X as the attacker
                    role = "attacker"
                    m.cues.append((m.start, m.end, "attacker_naming"))
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
            f["place_name"] = float(not place and self._place_name(cluster.name))
            f["letter_writer"] = float(letter and any(m.start < letter_head or m.start >= last_lines_start
                                                      for m in cluster.mentions))
            f["incident_sentences"] = float(len(mention_sentences & incident_sentences))
            f["first_sentence"] = float(first_body_sentence in mention_sentences)
            f["short_name"] = float(len(cluster.name) <= 3)
            # the shape of the name: an organization word ("Clinique", "Health", "Inc"), camel case or
            # an acronym in it, or one plain capitalized word ("Staff", "Pager"), which is often none
            f["org_word"] = float(any(self._looks_like_org(m.text) for m in cluster.mentions))
            f["single_word"] = float(" " not in cluster.name.strip() and not cluster.name.isupper())
            f["ner_only"] = float(all(m.source == "ner" for m in cluster.mentions))
            f["person_name"] = float(all(m.source == "person" for m in cluster.mentions))
            f["shouted"] = float(all(shouted.of(m) for m in cluster.mentions))
            f["data_term"] = float(bool(self.data_term.fullmatch(fold(cluster.name))))
            # a text that writes names in lower case ("so lockbit dumped the london drugs files"): its
            # only capitals are acronyms, of data as often as of organizations
            f["informal_acronym"] = float(informal and cluster.name.replace("-", "").isupper())
            f["informal_lower"] = float(any(m.source == "informal" for m in cluster.mentions))
            f["vendor_role"] = float(role == "vendor")
            f["authority"] = float(role == AUTHORITY)
            cluster.role = role or "other"
        self._count_kind_anaphors(text, folded, sentences, clusters, other_incident_sentences)
        # how often a candidate is named against the most named candidate (a regulator named more
        # often does not make the victim less central)
        most = max((c.features["mentions"] for c in clusters if c.role not in NEVER_VICTIM), default=1.0) or 1.0
        # the candidate named first in the body (no place, regulator, paper or attacker); a first line
        # that is a name and nothing else is a letterhead, not a headline: the body starts with it
        line = text[headline.start:headline.end].strip()
        named_from = headline.start if any(line == m.text.strip() for c in clusters for m in c.mentions
                                           if m.start < headline.end) else body_start
        # (a mention the NER took for a place counts when the same name is written elsewhere as no
        # place: « la fintech Kreditplus » in the headline, "Kreditplus a admis" in the lede; each
        # cluster's unplaced keys are gathered once, not once per mention)
        unplaced = {id(c): _named_not_placed(c) for c in clusters if c.role not in NEVER_VICTIM}
        first_named = min((m.start for c in clusters if c.role not in NEVER_VICTIM for m in c.mentions
                           if m.start >= named_from and (m.source != "place" or m.key in unplaced[id(c)])),
                          default=-1)
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
        # "a nursing home in County Antrim", "dans le Brabant-Septentrional": a name only ever written
        # after a locative preposition (not as an owner: "in Kelby Eye Care's systems") is where
        # something is, never the victim; a name with an organization word is a place one breaks
        # into (« des cambrioleurs se sont introduits dans l'hôpital Rawson »)
        candidates = [c for c in clusters if c.role not in NEVER_VICTIM
                      and (self._has_head_word(c.name)
                           or not all(self.locative_before.search(folded, max(0, m.start - 20), m.start)
                                      and not text.startswith(("'", "’"), m.end) for m in c.mentions))]
        for cluster in candidates:
            cluster.features["owns"] = float(cluster.owns is not None and cluster.role != "vendor")
            cluster.score = self.weights.score(cluster.features)
        # the weights' bias sets the bar; a little below it, the best candidate still wins when
        # nothing else does (first-sight batches: a victim named twice without a listed cue)
        pool = [c for c in candidates if c.score >= VICTIM_MARGIN]
        if not pool:
            return None
        victim = max(pool, key=lambda c: (c.score, -c.mentions[0].start))
        if victim.owns is not None and victim.owns.role not in NEVER_VICTIM and (
                victim.owns.score >= VICTIM_MARGIN or id(victim.owns) in apposed_units):
            # "le groupe X ... l'une de ses filiales, Y": the breach is at the subsidiary when the
            # subsidiary is a candidate itself, or set apart by an apposition ("the accounts of Y, its
            # online grocery service"); a unit named in passing ("X and its subsidiaries Y and Z")
            # leaves it with the owner, and so does a unit whose owner is only guessed ("Kimsuky, the
            # state-backed unit")
            victim = victim.owns
        victim.role = "victim"
        for cluster in clusters:
            if cluster is not victim and cluster.owns is victim:
                cluster.role = "parent"
        return victim

    def _count_kind_anaphors(self, text: str, folded: str, sentences: list[Segment], clusters: list[Cluster],
                             other_incident_sentences: set[int]) -> None:
        """Count, for each cluster, the sentences that take it up again by its kind ("the hospital",
        « la clinique »): a story names its victim once and then says "the hospital" throughout,
        while a regulator or a vendor is named by its name. The kind noun goes to the nearest
        organization named before it whose name holds that noun (or its other-language form)."""
        named = sorted(((m.start, m.end, c) for c in clusters if c.role not in NEVER_VICTIM for m in c.mentions),
                       key=lambda x: (x[0], x[1]))  # clusters themselves do not compare
        if not named:
            return
        heads = {id(c): {self.head_equivalents.get(w, w) for w in fold(c.name).split()} for _, _, c in named}
        found: dict[int, set[int]] = {}
        for a in self.kind_anaphors.finditer(folded):
            noun = self.kind_anaphor_nouns.get(re.split(r"[ '’]", a.group())[-1])
            if noun is None or any(ch.isupper() for ch in text[a.start() + 1:a.end()]):
                continue  # "The Hospital for Sick Children", « L'Hôpital Nord »: a name, not a kind
            if any(s < a.end() and a.start() < e for s, e, _ in named):
                continue  # inside a name
            if any(a.end() < s <= a.end() + 2 for s, _, _ in named):
                continue  # "the hospital Saint Luke": describes the name after it
            sentence = segment_at(sentences, a.start()) if sentences else 0
            if sentence in other_incident_sentences:
                continue
            for s, _, c in reversed(named):
                if s < a.start() and noun in heads[id(c)]:
                    found.setdefault(id(c), set()).add(sentence)
                    break
        for c in clusters:
            c.features["kind_anaphors"] = float(len(found.get(id(c), ())))

    def _own_acronym(self, name: str, mention: "Mention") -> bool:
        """``mention`` is an acronym the text spells out as ``name`` (its cluster's), which the gazetteer
        does not know and which names no public body ("Bank Syariah Indonesia (BSI)"): a known
        organization with the same letters ("BSI", a German federal office) gives the cluster no role."""
        return mention.text.isupper() and mention.text != name and fold(name) not in self.gazetteer \
            and not any(w in self.public_body_words for w in fold(name).split()) \
            and self.acronym_of(name, mention.text)

    def _place_name(self, name: str) -> bool:
        """The name is a known place ("Gold Coast", « l'État de New York », "toowoomba"): a city, a
        country, a state or a region of ``places.yml`` and ``orgs.yml`` ``place_regions``."""
        folded = fold(name).strip(" .,;:")
        return self.place_head.sub("", folded) in self.places

    def _role_by_shape(self, name: str) -> str | None:
        """The role the shape of a folded name gives ("... commissioner" a regulator, "ministry
        of ..." an authority), for names the gazetteer does not hold."""
        if self.regulator_name.search(name):
            return "regulator"
        return AUTHORITY if self.authority_name.search(name) else None

    def _described_role(self, text: str, folded: str, mention: Mention) -> str | None:
        """"regulator" for an acronym in brackets that the words right before them describe as one,
        whatever its letters: « l'autorité roumaine de protection des données (ANSPDCP) », "the
        Croatian Personal Data Protection Agency (AZOP)", "(Datenschutzbehörde, DSB)". The description
        is the last regulator-shaped phrase before the bracket, with at most a few lower-case or
        organization words after it ("the regulator fined Poliklinika Kovačić (PKZ)" describes no
        regulator); an acronym that spells the words before it is theirs ("National Revenue Agency
        (NRA)"), and a place in brackets is no acronym ("OFFICE (UGANDA)")."""
        if not mention.text.isupper() or text[mention.end:mention.end + 1] != ")" or mention.source == "place" \
                or self._place_name(mention.text):
            return None
        bracket = _DESCRIBED_BRACKET.search(text, max(0, mention.start - 40), mention.start)
        if bracket is None:
            return None
        start = _phrase_start(text, bracket.start(), _DESCRIPTION_MARK)
        words = list(re.finditer(r"\S+", folded[start:bracket.start()]))
        written = text[start:bracket.start()].split()
        if any(self.acronym_of(" ".join(written[-k:]), mention.text) for k in range(1, len(written) + 1)):
            return None
        for word in reversed(words):  # the last phrase of the shape, not the first: "regulator fined X"
            shape = self.regulator_name.match(folded, start + word.start(), bracket.start())
            if shape is None:
                continue
            after = text[shape.end():bracket.start()].split()
            if len(after) > 3 or any(w[:1].isupper() and not self._org_word(w) for w in after):
                return None
            return "regulator"
        return None

    def _coordinated_role(self, text: str, end: int, name: str) -> str | None:
        """The role of a name cut short before "and"/"et" ("Office of the Saskatchewan Information" +
        " and Privacy Commissioner"): when it ends with no organization word, the capitalized words
        after the coordinator may finish it. A name that ends like one ("Orvane Clinic and Privacy
        Commissioner X") is whole already."""
        words = name.split()
        if not words or self._org_word(words[-1]):
            return None
        m = self.coordinated_tail.match(text, end, min(len(text), end + 80))
        return self._role_by_shape(fold(name + m.group())) if m else None

    def _name_tail(self, text: str, end: int) -> str:
        """The words that may go on with a name cut short ("Commission d'accès" + " à l'information",
        "Office of the Australian Information" + " Commissioner"): capitalized, or after a connector."""
        m = self.name_tail.match(text, end, min(len(text), end + 80))
        return m.group() if m else ""

    def _name_head(self, text: str, start: int) -> str:
        """The words a name cut short at its start may have lost ("Commissioner for" before "Personal
        Data Protection"): capitalized, each with the connectors after it, right before it."""
        m = self.name_head.search(text, max(0, start - 80), start)
        return m.group() if m else ""

    def _opens_sentence(self, text: str, sentences: list[Segment], mention: Mention) -> bool:
        """The mention begins its sentence, after at most an article: the usual place of the subject."""
        if not sentences:
            return False
        start = sentences[mention.sentence].start
        if mention.start - start > _ARTICLE_REACH:
            return False  # more than an article before it (and no fold of a long prefix)
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


class _Shouting:
    """Which mentions of a text are words in capitals that are no acronym: the text writes them
    otherwise elsewhere ("MYSURU" and "Mysuru", "IMPORTANT" and "important"), or their line is in
    capitals ("DON'T PAY ANYTHING"). Each surface and each line is looked at once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self._written_otherwise: dict[str, bool] = {}
        self._capital_lines: dict[int, bool] = {}

    def of(self, mention: Mention) -> bool:
        surface = self.text[mention.start:mention.end]
        letters = [c for c in surface if c.isalpha()]
        if len(letters) < 4 or not all(c.isupper() for c in letters):
            return False
        if surface not in self._written_otherwise:
            self._written_otherwise[surface] = any(
                m.group() != surface
                for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", self.text, re.IGNORECASE))
        if self._written_otherwise[surface]:
            return True
        start, end = self.lines.bounds(mention.start)
        if start not in self._capital_lines:
            words = re.findall(r"[^\W\d_]{3,}", self.text[start:end])
            self._capital_lines[start] = len(words) >= 3 and sum(w.isupper() for w in words) * 3 >= len(words) * 2
        return self._capital_lines[start]


def _nth_line_start(text: str, n: int) -> int:
    """Offset where the ``n``-th non-empty line begins (end of text when there are fewer)."""
    lines = line_starts(text)
    return lines[n] if len(lines) > n else len(text)


def _tail_start(text: str) -> int:
    """Offset where the last three non-empty lines begin (a letter's signature)."""
    lines = line_starts(text)
    return lines[-3] if len(lines) >= 6 else len(text) + 1


def _named_not_placed(cluster: "Cluster") -> set[str]:
    """The keys of the cluster's mentions that are no place."""
    return {m.key for m in cluster.mentions if m.source != "place"}
