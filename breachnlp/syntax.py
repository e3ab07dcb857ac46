"""The base model's parse, run on demand on the few sentences that need it.

The accurate profile keeps the base model's tagger, morphologizer, parser and lemmatizer
disabled: running them on every sentence of every article would cost more than the rest of the
pipeline. A component that wants to know which predicate governs a span (the date tagger) asks
:class:`OnDemandParser` for the sentences holding its spans; only those are parsed, each as a
separate short Doc. A pipeline without those components (the fast profile, a blank model) gives
no parse, and the components fall back to their surface rules.
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# The base-model components that give a parse with lemmas, in the order spaCy's models run them.
SYNTAX_PIPES: tuple[str, ...] = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
# How many heads a governor search climbs from the span's root before it gives up.
MAX_CLIMB = 8
# Dependency labels of a passive clause, in the two schemes of spaCy's models (ClearNLP for
# English, Universal Dependencies for French and most others).
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "aux:pass", "nsubj:pass"})
# The subject of a passive clause, in the two schemes.
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
# A clause that says what happened at a date ("on Sept. 12, *when* the clinic began writing"):
# relative and adverbial clauses hanging on the date itself.
DATE_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl", "advcl"})
# The roles of a relative pronoun that make its clause about a thing, not a time (:func:`governor`).
RELATIVE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})
# Dependencies of a clause's head on the clause it hangs on: an auxiliary with one of them is a
# copula heading a clause of its own ("said it *had been* the target of an attack").
CLAUSE_HEAD_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl:relcl", "conj", "xcomp", "parataxis", "acl", "csubj"})
# The predicate of a copula heading a clause: its noun or adjective ("the *target*", "*down*").
COPULA_PREDICATE_DEPS = frozenset({"attr", "acomp"})
# Parts of speech of a noun or adjective predicate that carries its copula as a dependent (French UD).
NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# The complement that carries the content of an aspect verb ("*began* notifying", « a *commencé* à
# prévenir »); the small English model also attaches it as an adverbial clause.
COMPLEMENT_DEPS = frozenset({"xcomp", "advcl"})
# Objects of a verb (ClearNLP and Universal Dependencies labels).
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "obl:arg"})
# The active subject of a verb (ClearNLP and Universal Dependencies labels).
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj"})
# A verb completing another takes that one's subject ("was able *to access*", « a pu *ouvrir* »).
AGENT_CLIMB_DEPS = frozenset({"xcomp", "acomp"})
# What qualifies a noun ("an *unauthorized* party", « un tiers *non autorisé* »).
MODIFIER_DEPS = frozenset({"amod", "acl"})
# A figure's links to the noun it counts ("5 *million* customers", « 6 *millions* de clients »).
NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod:poss"})


class OnDemandParser:
    """Parses chosen sentences of a Doc with ``nlp``'s syntax components, enabled or not."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._procs: list[Callable[[Doc], Doc]] | None = None

    @property
    def procs(self) -> list[Callable[[Doc], Doc]]:
        """The syntax components of the pipeline in their order (looked up on first use, so that a
        component built before the base model's pipes were added still finds them)."""
        if self._procs is None:
            names = [n for n in self._nlp.component_names if n in SYNTAX_PIPES]
            self._procs = [self._nlp.get_pipe(n) for n in names] if "parser" in names else []
        return self._procs

    @property
    def available(self) -> bool:
        return bool(self.procs)

    def parse_many(self, requests: Sequence[tuple[Doc, Iterable[tuple[int, int]]]]) -> list[
            dict[tuple[int, int], tuple[Doc, int]]]:
        """For each ``(doc, segments)``: each character segment (a sentence) of ``doc`` parsed as a
        Doc of its own, with the token offset of the segment in ``doc`` ({} without a parser). The
        sentences of all the Docs go through each network in one batch (what ``nlp.pipe`` gains
        over one text at a time)."""
        if not self.available:
            return [{} for _ in requests]
        keys: list[tuple[int, tuple[int, int], int]] = []  # (request, segment, token offset)
        sentences: list[Doc] = []
        for r, (doc, segments) in enumerate(requests):
            for seg in segments:
                span = doc.char_span(seg[0], seg[1], alignment_mode="expand")
                if span is not None and len(span):
                    keys.append((r, seg, span.start))
                    sentences.append(span.as_doc())
        for proc in self.procs:
            sentences = list(proc.pipe(sentences)) if hasattr(proc, "pipe") else [proc(d) for d in sentences]
        out: list[dict[tuple[int, int], tuple[Doc, int]]] = [{} for _ in requests]
        for (r, seg, offset), sentence in zip(keys, sentences):
            out[r][seg] = (sentence, offset)
        return out


def _tokens_in(sentence: Doc, offset: int, start: int, end: int) -> Span | None:
    """The tokens ``start:end`` of the original Doc inside ``sentence`` (parsed, beginning at token
    ``offset`` of the original), None when they do not all fall in it."""
    lo, hi = start - offset, end - offset
    return sentence[lo:hi] if 0 <= lo < hi <= len(sentence) else None


def _opens_with_its_argument(clause: Token) -> bool:
    """The clause begins with a pronoun that is its subject or object: a relative that takes up a thing
    ("Friday, *which* the chief executive described on Monday as …", « jeudi sa directrice, *qui* a déposé
    plainte »), never a time ("Friday, *when* the clinic wrote"), so the clause does not date its verb;
    a parse hangs such clauses on the date by mistake."""
    first = clause.left_edge
    return first.pos_ == "PRON" and first.dep_ in RELATIVE_ARGUMENT_DEPS and first.head.i == clause.i


def governor(sentence: Doc, offset: int, start: int, end: int, aspect: frozenset[str] = frozenset()) -> Token | None:
    """The predicate that governs the tokens ``start:end`` of the original Doc inside ``sentence``
    (parsed, beginning at token ``offset`` of the original): from the root of those tokens, the first
    verb up the heads ("the hackers *encrypted* the servers on May 4", "*a indiqué* lundi la
    direction"); when none is reached within :data:`MAX_CLIMB` heads, the last head reached (a noun
    predicate: "victime", "target"). A clause on the date itself says what happened then ("on
    Sept. 12, when the clinic *wrote* to its patients"), and the complement of an ``aspect`` verb
    (lemmas) what began ("began *notifying*"). A copula heading a clause the date stands in stops the
    climb at the clause's own predicate ("said it had been the *target* of an attack last Friday", « a
    indiqué qu'elle avait été la *cible* d'une attaque jeudi »)."""
    span = _tokens_in(sentence, offset, start, end)
    if span is None:
        return None
    lo, hi = span.start, span.end
    clause = next((child for t in span for child in t.children
                   if child.dep_ in DATE_CLAUSE_DEPS and child.pos_ == "VERB" and not lo <= child.i < hi
                   and not _opens_with_its_argument(child)), None)
    token = clause if clause is not None else span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ == "VERB" or token.head.i == token.i:
            break
        if token.pos_ == "AUX" and token.dep_ in CLAUSE_HEAD_DEPS and clause_before(token, sentence, lo, hi):
            # a copula heading a clause ("said it *had been* the target of an attack last Friday"):
            # the clause's own predicate, its noun or adjective, not the verb it depends on; a date
            # written before the clause ("said on Monday it had been …") stays the saying's
            predicate = next((child for child in token.children if child.dep_ in COPULA_PREDICATE_DEPS), None)
            if predicate is not None:
                # "was able *to access* the files on May 4": the verb the adjective governs
                return next((child for child in predicate.children if child.dep_ == "xcomp" and child.pos_ == "VERB"),
                            predicate)
        if token.pos_ in NOMINAL_POS and any(child.dep_ == "cop" for child in token.children) \
                and clause_before(token, sentence, lo, hi):
            # the same with the noun as the head (« il avait été *la cible* d'une attaque vendredi »)
            break
        token = token.head
    if token.lemma_.lower() in aspect:
        complement = next((child for child in token.children if child.dep_ in COMPLEMENT_DEPS
                           and child.pos_ == "VERB" and child.i > token.i), None)
        if complement is not None:
            return complement
        # an aspect verb that is itself a clause of another verb tells when that one began ("we are
        # mailing letters, *beginning* today")
        if token.dep_ in COMPLEMENT_DEPS and token.head.pos_ == "VERB":
            return token.head
    return token


def predicate_phrases(token: Token, reach: int = 3) -> list[str]:
    """The multi-word predicates ``token`` heads, in text order, longest first: with a dependent
    within ``reach`` tokens, and that one's own dependent ("went *missing*", "sent *out*", "came *to
    light*"), or with the verb it hangs on (« a *fait* savoir », whichever the parser makes the head).
    ``token`` is its lemma; another word is its lemma or its form ("missing", lemmatized "miss")."""
    def words(t: Token) -> set[str]:
        return {t.lemma_.lower(), t.lower_} if t.i != token.i else {t.lemma_.lower()}

    def phrases(tokens: list[Token]) -> list[str]:
        ordered = sorted(tokens, key=lambda t: t.i)
        out = [""]
        for t in ordered:
            out = [f"{prefix} {w}".strip() for prefix in out for w in sorted(words(t))]
        return out

    two, three = [], []
    if token.head.i != token.i and abs(token.head.i - token.i) <= reach:  # « a *fait* savoir », savoir its xcomp
        two.extend(phrases([token.head, token]))
    for child in token.children:
        if 0 < abs(child.i - token.i) <= reach:
            two.extend(phrases([token, child]))
            for grandchild in child.children:
                if 0 < abs(grandchild.i - child.i) <= reach:
                    three.extend(phrases([token, child, grandchild]))
    return three + two


def governing_lemmas(token: Token) -> list[str]:
    """The lemmas of the verbs above ``token`` (within :data:`MAX_CLIMB` heads), nearest first: the
    reporting verb a clause hangs on ("the clinic *said* it was hit on May 4")."""
    return [t.lemma_.lower() for t in islice(token.ancestors, MAX_CLIMB) if t.pos_ == "VERB"]


def clause_before(predicate: Token, sentence: Doc, start: int, end: int) -> bool:
    """The clause of ``predicate`` begins before the tokens ``start:end`` of ``sentence`` (its
    subject, its verb, a complementizer: "said *the company was hit* on May 4", "said on Monday
    *that* hackers had broken in a day earlier"), leaving out the phrase that holds those tokens. A
    date written before the complementizer ("revealed on May 4 *that* …") belongs to the verb of
    saying, whatever the parse hung it on."""
    root = sentence[start:end].root
    # the phrase on the way up from the date that hangs on the predicate (Tokens are views: compare positions)
    phrase = next((t for t in (root, *islice(root.ancestors, MAX_CLIMB)) if t.head.i == predicate.i and t.i != t.head.i),
                  None)
    if phrase is None:  # the predicate hangs on the date itself ("May 4, when …")
        return predicate.i < start
    left_out = {t.i for t in phrase.subtree}
    return any(t.i < start and t.i not in left_out for t in predicate.subtree)


def in_clause_of(predicate: Token, sentence: Doc, offset: int, start: int, end: int) -> bool:
    """The tokens ``start:end`` of the original Doc (``sentence`` begins at its token ``offset``) stand
    in ``predicate``'s own clause: going up the heads from them reaches it before any clause of its
    own (a relative, adverbial, complement or coordinated clause). "announced *a fine* on Monday": in
    the clause; "said on Monday, *which has filed a complaint*": not; also not when they govern it."""
    span = _tokens_in(sentence, offset, start, end)
    if span is None:
        return True  # unknown: as if it were
    for token in (span.root, *islice(span.root.ancestors, MAX_CLIMB)):
        if token.i == predicate.i:
            return True
        if token.dep_ in CLAUSE_HEAD_DEPS:
            return False
    return False


def passive_subject(token: Token) -> str | None:
    """The lemma of the subject of ``token``'s passive clause ("*patients* were told", « les *clients*
    ont été avertis »), None in the active or without a subject."""
    subject = next((child for child in token.children if child.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if subject is None and is_passive(token):  # the French model labels some passive subjects nsubj
        subject = next((child for child in token.children if child.dep_ == "nsubj"), None)
    return None if subject is None else subject.lemma_.lower()


def subject_lemma(token: Token) -> str | None:
    """The lemma of the subject of ``token``, active or passive ("*the attack* began on May 3", «
    *l'intrusion* a été lancée le 3 mai »), None without one."""
    subject = next((child for child in token.children if child.dep_ in ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
    return None if subject is None else subject.lemma_.lower()


def acting_subject(token: Token) -> Token | None:
    """The subject of ``token`` in the active, or of the verb it completes ("a third party *was able to
    access*", « un tiers *a pu ouvrir* »): who did it; None in the passive or without a subject."""
    for _ in range(MAX_CLIMB):
        if is_passive(token):
            return None
        subject = next((child for child in token.children if child.dep_ in ACTIVE_SUBJECT_DEPS), None)
        if subject is not None or token.dep_ not in AGENT_CLIMB_DEPS or token.head.i == token.i:
            return subject
        token = token.head
    return None


def modifier_phrases(token: Token) -> list[str]:
    """The lowercased words of each adjective or participle modifying ``token`` ("an *unauthorized*
    party", « un tiers *non autorisé* », which the French model parses as a clause)."""
    return [" ".join(t.lower_ for t in child.subtree) for child in token.children if child.dep_ in MODIFIER_DEPS]


def is_passive(token: Token) -> bool:
    """``token`` heads a passive clause ("the clinic *was notified*", « a été *avertie* »)."""
    return any(child.dep_ in PASSIVE_DEPS for child in token.children) or "Voice=Pass" in str(token.morph)


def object_lemma(token: Token) -> str | None:
    """The lemma of the direct object of ``token`` ("warned *the management*", « a prévenu *la
    direction* »), None without one."""
    obj = next((child for child in token.children if child.dep_ in OBJECT_DEPS), None)
    return None if obj is None else obj.lemma_.lower()


def modifier_lemmas(token: Token) -> list[str]:
    """The lemmas of the words that modify the object (or, in the passive, the subject) of ``token``
    ("a *malicious* email", « un courriel *piégé* »)."""
    deps = PASSIVE_SUBJECT_DEPS | ACTIVE_SUBJECT_DEPS if is_passive(token) else OBJECT_DEPS
    head = next((child for child in token.children if child.dep_ in deps), None)
    return [] if head is None else [child.lemma_.lower() for child in head.children if child.i != head.i]


def counted_relation(sentence: Doc, offset: int, start: int, end: int) -> tuple[str, Token] | None:
    """How the noun a figure counts hangs on its verb: ``("object", verb)`` ("pays *5 million
    employees*"), ``("subject", verb)`` ("*4 million people* hold the card"), or None (a
    prepositional phrase, a noun, no verb). ``start:end`` are the figure's tokens in the original
    Doc, ``sentence`` its parsed sentence beginning at token ``offset``."""
    span = _tokens_in(sentence, offset, start, end)
    if span is None:
        return None
    token = span.root
    for _ in range(3):  # from the figure to the noun it counts
        if token.dep_ not in NUMBER_DEPS or token.head.i == token.i:
            break
        token = token.head
    verb = token.head
    if verb.i == token.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    if token.dep_ in OBJECT_DEPS:
        return "object", verb
    if token.dep_ in ACTIVE_SUBJECT_DEPS and not is_passive(verb):
        return "subject", verb
    return None


# A clause a verb takes as its complement ("claims [the files were copied]", "claims [to have taken]").
CLAUSE_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
# Dependencies that join two clauses side by side: doubt on one clause says nothing of the other.
CLAUSE_JOIN_DEPS = frozenset({"conj", "parataxis"})


def clause_predicates(sentence: Doc, offset: int, start: int, end: int) -> list[tuple[Token, Token]]:
    """The verbs above the tokens ``start:end`` of the original Doc inside ``sentence`` (parsed,
    beginning at token ``offset``), nearest first, each with the token below it on the way up (what
    the verb governs: "claims [*bank details* were taken]"), within :data:`MAX_CLIMB` heads, up to
    the first verb joined to another as a conjunct ("hackers claim X, and the firm said *names were
    taken*": only "taken" and "said"). Verbs inside the span itself ("insurance *claims* data") are none."""
    span = _tokens_in(sentence, offset, start, end)
    if span is None:
        return []
    lo, hi = span.start, span.end
    out: list[tuple[Token, Token]] = []
    below = span.root
    for _ in range(MAX_CLIMB):
        token = below.head
        if token.i == below.i:
            break
        if token.pos_ in ("VERB", "AUX") and not lo <= token.i < hi:
            out.append((token, below))
            if token.dep_ in CLAUSE_JOIN_DEPS:
                break
        below = token
    return out


# Dependencies by which a noun hangs on a preposition: its object ("with *credentials*") or, in UD,
# the noun that carries the preposition as a ``case`` child (« avec des *identifiants* »).
PREPOSITION_OBJECT_DEPS = frozenset({"pobj", "obl", "obl:arg", "obl:mod", "nmod"})
# Dependencies that lead from a noun to the one that owns or qualifies it ("an *employee's* password",
# "*administrator* credentials", "the login details of one of our *employees*", « d'*administrateur* »).
HOLDER_DEPS = frozenset({"poss", "nmod:poss", "compound", "prep", "pobj", "nmod", "amod"})


def means_of_access(sentence: Doc, offset: int, start: int, end: int, *, verbs: frozenset[str],
                    prepositions: frozenset[str], holders: frozenset[str]) -> bool:
    """The noun phrase ``start:end`` (tokens of the original Doc inside ``sentence``, parsed from token
    ``offset``) names a means of getting in, not data taken from the people affected: the object or
    passive subject of one of ``verbs`` ("*used* stolen passwords"), the object of one of
    ``prepositions`` ("signed in *with* a password", « connecté *avec* des identifiants »), or owned by one
    of ``holders`` ("an *employee*'s login", "the login details of one of our *employees*"), all
    lemmas. A conjunct ("username and password") is read as its first conjunct."""
    span = _tokens_in(sentence, offset, start, end)
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and head.lemma_.lower() in verbs:
        return True
    if root.dep_ in PREPOSITION_OBJECT_DEPS and head.lemma_.lower() in prepositions and head.i != root.i:
        return True
    if any(child.dep_ == "case" and child.lemma_.lower() in prepositions for child in root.children):
        return True
    frontier, depth = [root], 0
    while frontier and depth < 3:
        frontier = [child for token in frontier for child in token.children if child.dep_ in HOLDER_DEPS]
        if any(t.lemma_.lower() in holders or t.lower_ in holders for t in frontier):
            return True
        depth += 1
    return False


def to_first_person(token: Token) -> bool:
    """An object of ``token`` is a first-person pronoun ("notified *us*", « *nous* a prévenus »),
    told by the morphology."""
    first = [child for child in token.children if "Person=1" in str(child.morph) and child.pos_ == "PRON"]
    if any(child.dep_ in OBJECT_DEPS for child in first):
        return True
    # « notre prestataire nous a prévenus »: a clitic object the parser reads as a second subject
    subjects = [child for child in token.children if child.dep_.startswith("nsubj")]
    return any(child in subjects for child in first) and len(subjects) > 1
