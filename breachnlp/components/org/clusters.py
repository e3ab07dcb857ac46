"""Grouping the mentions of one organization: same key, acronym, near-same words, "X, formerly Y"
(:class:`ClusterRules`); the :class:`Cluster` and its fullest name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ...text import fold
from .mentions import Mention
from .roles import VICTIM_FEATURES


@dataclass
class Cluster:
    mentions: list[Mention]
    role: str = "other"
    score: float = 0.0
    owns: "Cluster | None" = None  # the subsidiary this cluster is the parent of
    connectors: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # left out of names
    name_heads: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # kept in names
    org_words: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # name a kind of organization
    places: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # folded place names
    offering_words: frozenset[str] = field(default=frozenset(), repr=False, compare=False)  # a programme, a product
    features: dict[str, float] = field(default_factory=lambda: dict.fromkeys(VICTIM_FEATURES, 0.0))

    @property
    def name(self) -> str:
        """The fullest name used: the longest surface form, ties to one with capitals, then to the most frequent."""
        forms: dict[str, int] = {}
        # a defined term ("the Organisation") names the cluster only when nothing else does
        named_mentions = [m for m in self.mentions if m.source != "defined"] or self.mentions
        for m in named_mentions:
            forms[m.text] = forms.get(m.text, 0) + 1
        # "la mutuelle MuTeo" and "MuTeo": a lower-case common noun in apposition is no part of
        # the name ("clinique des Lilas", where the noun is joined by "des", keeps it)
        named = [f for f in forms if not any(f != g and f.endswith(" " + g) and f[:1].islower()
                                             and _common_noun_before(f[:-len(g)], self.connectors)
                                             and fold(f[:-len(g)]).strip() not in self.name_heads for g in forms)]
        # ties to a form with capitals: a forum post's "hot topic" is "Hot Topic" where it capitalizes it
        fullest = max(named or forms, key=lambda f: (len(f.split()), not f.islower(), forms[f], len(f)))
        # "MoneyGram" and once "MoneyGram Plus Rewards", "Iberia" and "Iberia Club": words after the name
        # written at least as often alone that name its programme, product or event, not it (unless they
        # also name a kind of organization or a place: "Vodafone Germany" is a unit, not an offering)
        # "Pine County" three times and once "Pine County Courthouse" (a caption), "Richland County" and
        # once "Richland County Sheriff": a name that is an organization's whole name (it ends with an
        # organization word) written more often alone than with words after it is the name; the
        # longer form names a unit or a building of it
        whole = [f for f in forms if fullest.startswith(f + " ") and forms[f] >= 2 and forms[f] > forms[fullest]
                 and (key_words(f) or [""])[-1] in self.org_words]
        if whole:
            return max(whole, key=lambda f: (len(f.split()), len(f)))
        if self.offering_words:
            shorter = [f for f in forms if fullest.startswith(f + " ") and forms[f] >= forms[fullest]
                       and any(w in self.offering_words for w in key_words(fullest[len(f):]))
                       and not self._names_a_kind_or_place(fullest[len(f):]) and fold(f).strip() not in self.places]
            if shorter:
                return max(shorter, key=lambda f: (len(f.split()), len(f)))
        return fullest

    def _names_a_kind_or_place(self, words: str) -> bool:
        keys = key_words(words)
        return any(w in self.org_words or w.rstrip("s") in self.org_words for w in keys) or \
            any(" ".join(keys[i:j]) in self.places for i in range(len(keys)) for j in range(i + 1, len(keys) + 1))

    @property
    def aliases(self) -> list[str]:
        name = self.name
        seen, out = {fold(name)}, []
        for m in self.mentions:
            if fold(m.text) not in seen:
                seen.add(fold(m.text))
                out.append(m.text)
        return out


# spaces and quotation marks around an acronym in parentheses: ("HRG"), (« CHV »)
_QUOTED = " \t\"'“”«»‘’\u00a0\u202f"


def _in_brackets_after(text: str, before: Mention, mention: Mention) -> bool:
    """``mention`` stands alone in parentheses right after ``before``, quoted or not: "X (Y)", 'X ("Y")'."""
    return text[before.end:mention.start].strip(_QUOTED) == "(" \
        and text[mention.end:mention.end + 4].lstrip(_QUOTED)[:1] == ")"


class ClusterRules:
    """The clustering of :class:`~.rules.OrgRules` (its patterns are built there)."""

    def key(self, name: str) -> str:
        """A name without leading descriptors, connectors and legal suffixes, for clustering:
        "centre hospitalier d'Armentières" and "hôpital d'Armentières" both give "armentieres"."""
        words = key_words(name)
        # a head is left out ("centre hospitalier d'Armentières" → "armentieres") unless all that
        # remains is a generic word: "ministère de la Santé" is no "Cegedim Santé"
        while len(words) > 1 and (words[0] in self.leading_words or words[0] in self.connectors) and \
                any(w not in self.org_words and w not in self.connectors for w in words[1:]):
            words.pop(0)
        while len(words) > 1 and words[-1] in self.legal_suffixes:
            words.pop()
        significant = [w for w in words if w not in self.connectors]
        return " ".join(significant or words)

    # ------------------------------------------------------------- clusters
    def clusters(self, text: str, mentions: list[Mention]) -> list[Cluster]:
        folded = fold(text)
        clusters: list[Cluster] = []
        # each cluster's mentions with distinct (key, text), the only ones _same needs to compare:
        # a name repeated a thousand times is compared once
        forms: dict[int, tuple[set[tuple[str, str]], list[Mention]]] = {}
        last: tuple[Mention, Cluster] | None = None  # the mention before, and its cluster
        for mention in mentions:
            target = None
            alias = self.alias_before.search(folded[max(0, mention.start - 40):mention.start])
            # the name right before, when this mention stands alone in brackets after it
            bracketed = last if last is not None and _in_brackets_after(text, last[0], mention) else None
            # "Azienda ospedaliera ... di Verona (AOUI)", 'Orwell Billing, Inc. ("OBI")': an acronym in
            # parentheses right after a name, quoted or not, is its short form
            if bracketed is not None and mention.text.isupper() and _initials_hold(bracketed[0].text, mention.text):
                target = bracketed[1]
            if target is None and bracketed is not None and self._original_name(bracketed[0], mention):
                target = bracketed[1]
            for cluster in clusters if target is None else ():
                if self._same(Cluster(forms[id(cluster)][1]), mention):
                    target = cluster
                    break
            if target is None and alias:
                previous = [c for c in clusters if c.mentions[-1].sentence == mention.sentence]
                if previous:
                    target = max(previous, key=lambda c: c.mentions[-1].end)
            if target is None:
                target = Cluster([mention], connectors=self.connectors, name_heads=self.name_heads,
                                 org_words=self.org_words, places=self.places,
                                 offering_words=self.offering_words)
                clusters.append(target)
                forms[id(target)] = (set(), [])
            else:
                target.mentions.append(mention)
            seen, distinct = forms[id(target)]
            if (mention.key, mention.text) not in seen:
                seen.add((mention.key, mention.text))
                distinct.append(mention)
            last = (mention, target)
        return clusters

    def _original_name(self, before: Mention, mention: Mention) -> bool:
        """« le ministère des Transports et des Travaux (Department of Transportation and Works) »: a
        name of several words in brackets right after a name (:func:`_in_brackets_after`) is that name
        in its own language when it holds a connector of another language's names (``syntax.yml``
        ``translation_connectors``) and the name before holds none: a parent group in brackets
        (« la clinique Saint-Jean (groupe Elsan) ») is written in the text's language."""
        if " " not in mention.text.strip():
            return False

        def foreign(name: str) -> bool:
            return any(w in self.translation_connectors for w in re.split(r"[\s'’]+", fold(name)))
        return foreign(mention.text) and not foreign(before.text)

    def acronym_of(self, long: str, short: str) -> bool:
        """``short`` is the acronym of the name ``long`` (legal forms aside)."""
        return _acronym(long, short, self.connectors, self.legal_suffixes, self.places)

    def _same(self, cluster: Cluster, mention: Mention) -> bool:
        """``mention`` names the cluster's organization. A longer name joins through a shorter form
        only when no longer form of the cluster says otherwise: "Methodist" may be "Methodist McKinney
        Hospital", which does not make "Methodist Craig Ranch Surgical Center" it, nor does "Planned
        Parenthood" make "Planned Parenthood Los Angeles" the Washington affiliate."""
        for other in cluster.mentions:
            if self._matches(other, mention):
                size = len(other.key.split())
                if len(mention.key.split()) > size:
                    longer = [o for o in cluster.mentions if len(o.key.split()) > size]
                    if longer and not any(self._matches(o, mention) for o in longer):
                        continue
                return True
        return False

    def _other_heads(self, a: str, b: str) -> bool:
        """Both names have organization words and share none: "University of Minnesota" is no
        "Minnesota Bureau of Criminal Apprehension", though one key is inside the other."""
        # "hôpital Lister" and "Lister Hospital": the same head in two languages
        same = self.head_equivalents
        heads_a = {same.get(w, w) for w in _heads(key_words(a), self.head_words)}
        heads_b = {same.get(w, w) for w in _heads(key_words(b), self.head_words)}
        return bool(heads_a) and bool(heads_b) and not heads_a & heads_b

    def _court_and_other(self, a: str, b: str) -> bool:
        """One name is a regulator's or a court's, the other is not and has a word of its own: « Tribunal
        administratif de Nice » is no « CHU de Nice », though the keys meet on the place ("the
        Commission" may still be the "Data Protection Commission")."""
        court_a, court_b = self.regulator_name.search(fold(a)) is not None, self.regulator_name.search(fold(b)) is not None
        if court_a == court_b:
            return False
        court, other = (a, b) if court_a else (b, a)
        return bool(set(key_words(other)) - set(key_words(court)) - self.connectors)

    def _matches(self, other: Mention, mention: Mention) -> bool:
        if other.key == mention.key:
            return not self._court_and_other(other.text, mention.text)
        a, b = other.key, mention.key
        same = self.head_equivalents
        if [same.get(w, w) for w in a.split()] == [same.get(w, w) for w in b.split()]:
            return True  # "Brekke Kommune" / "Brekke Municipality": one head in two languages
        connectors = self.connectors
        legal = self.legal_suffixes
        places = self.places
        if _acronym(other.text, mention.text, connectors, legal, places) or \
                _acronym(mention.text, other.text, connectors, legal, places):
            return True
        if min(len(a), len(b)) >= 3 and fuzz.token_set_ratio(a, b) >= 90 and _shares_head(a, b) \
                and not self._other_heads(other.text, mention.text) and not self._court_and_other(other.text, mention.text):
            return True
        if a.replace(" ", "") == b.replace(" ", ""):
            return True  # "Connect On Call" / "ConnectOnCall"
        # "Hospital Clínic" / "Hospital Clínic de Barcelona", whose keys lost different words
        return _leads(key_words(other.text), key_words(mention.text))


def _heads(words: list[str], head_words: frozenset[str]) -> set[str]:
    return {w for w in words if w in head_words}


def key_words(name: str) -> list[str]:
    """The folded words of a name as its clustering key cuts them ("L.L.C." → "l", "l", "c")."""
    return [w for w in re.split(r"[\s'’-]+", fold(name).replace(".", " ").replace(",", " ")) if w]


def _initials_hold(long: str, short: str) -> bool:
    """The letters of ``short`` are initials of words of ``long``, in order ("AOUI" / "Azienda
    ospedaliera universitaria integrata di Verona"; not "DMS" / "Management Service")."""
    initials = iter(fold(w[0]) for w in re.findall(r"[^\W\d_][\w'’]*", long))
    return all(letter in initials for letter in fold(short) if letter.isalpha())


def _leads(a: list[str], b: list[str]) -> bool:
    """One name of two words or more is the start of the other, word for word."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long[:len(short)] == short


def _common_noun_before(prefix: str, connectors: frozenset[str]) -> bool:
    """``prefix`` ends with a lower-case word that is no connector or article ("la mutuelle ")."""
    words = prefix.split()
    return bool(words) and words[-1][:1].islower() and fold(words[-1]).strip("'’") not in connectors


def _acronym(long: str, short: str, connectors: frozenset[str],
             legal_forms: frozenset[str] | set[str] = frozenset(), places: frozenset[str] = frozenset()) -> bool:
    """``short`` is the acronym of ``long``: "CIMVA" / "Centre d'imagerie médicale du Val-d'Arly",
    with or without the legal form that ends ``long`` ("ACMHS" / "... Mental Health Services, Inc";
    "AWHG" / "... Health Group", whose "Group" is a name ending too) or the place that ends it ("RMC" /
    "Royal Military College of Canada"), or an acronym with the words that end ``long`` ("FU Berlin" /
    "Freie Universität Berlin")."""
    short_words, long_words = short.split(), long.split()
    if 1 < len(short_words) < len(long_words) and short_words[0].replace("-", "").isupper() and \
            [fold(w) for w in short_words[1:]] == [fold(w) for w in long_words[len(long_words) - len(short_words) + 1:]]:
        head = long_words[:len(long_words) - len(short_words) + 1]
        while len(head) > 1 and fold(head[-1]).strip(",") in connectors:
            head.pop()  # "Hautes Études Commerciales de" + "Montréal"
        return _acronym(" ".join(head).rstrip(","), short_words[0], connectors, legal_forms, places)
    letters = re.sub(r"[^A-Z]", "", fold(short).upper()) if short.replace("-", "").replace(".", "").isupper() else ""
    if len(letters) < 2 or len(short.replace("-", "").replace(".", "")) > 8:
        return False
    words = [w for w in re.split(r"[\s\-–'’]+", long) if w]
    trimmed = list(words)
    while len(trimmed) > 1 and all(w in legal_forms for w in key_words(trimmed[-1])):
        trimmed.pop()
    forms = [words, trimmed] if len(trimmed) < len(words) else [words]
    for k in range(1, 4):  # "… of Canada", "… de la Côte d'Azur": a connector, then a known place
        if len(words) > k + 2 and fold(words[-k - 1]) in connectors and fold(" ".join(words[-k:])) in places:
            forms.append(words[:-k - 1])
            break
    return any(len(ws) >= 2 and letters in _initials(ws, connectors) for ws in forms)


def _initials(words: list[str], connectors: frozenset[str]) -> tuple[str, str, str]:
    """The initials of ``words``: of its capitalized words, of its words that are no connectors, of all
    ("MOH" / "Ministry of Health")."""
    capitals = "".join(fold(w[0]).upper() for w in words if w[:1].isupper())
    significant = "".join(fold(w[0]).upper() for w in words if fold(w) not in connectors)
    every = "".join(fold(w[0]).upper() for w in words)
    return capitals, significant, every


def _shares_head(a: str, b: str) -> bool:
    """Token-set matches must share their first significant word ("orange" ≠ "orange bank" is fine,
    "lilas" vs "parc lilas" too, but not two names sharing only a generic word); a name inside a
    longer one must be a run of its words."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) < len(long) and set(short) <= set(long):
        # the shorter name's words in a row inside the longer: "kids dental" is no "kids care dental"
        return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))
    return short[0] == long[0]
