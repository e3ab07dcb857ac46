"""200 KB adversarial strings through each component alone and through extract().

Long runs of digits and spaces (and digit groups with every separator), of "a", of "(", of
quotes, of repeated cue words ("aucun aucun …", "not not …", alone and with data terms: "aucun
nom, aucun nom, …"), of capitalized words ("Aa Aa …"), of month names, of hyphenated number words ("cent-cent-…-x", which made the
number-phrase regex backtrack exponentially). Each must be annotated without error, with
every span inside the text. This test only proves that nothing runs away (each case ends in
seconds); how time grows with length is measured by ``bench/bench_linear_time.py``. The
regression tests below pin the crashes and superlinear spots found while fuzzing.
"""
from __future__ import annotations

import re

import pytest
import spacy

import breachnlp
from breachnlp import chunking
from breachnlp.api import make_doc
from breachnlp.numbers import grammar, parse_number
from breachnlp.text import split_sentences
from breachnlp.taxonomy import LANGS
from test_fuzz import check_record, dump_doc

SIZE = 200_000
COMPONENTS = ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble")


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL = {
    "digit_and_space_runs": _repeat("0123456789" * 10 + " " * 100),
    "digits_between_spaces": _repeat("12345 "),
    "groups_space": "1" + _repeat(" 234"),
    "groups_nbsp": "1" + _repeat("\u00a0234"),
    "groups_narrow_nbsp": "1" + _repeat("\u202f234"),
    "groups_dot": "1" + _repeat(".234"),
    "groups_comma": "1" + _repeat(",234"),
    "groups_apostrophe": "1" + _repeat("'234"),
    "a": _repeat("a"),
    "a_words": _repeat("a "),
    "open_parens": _repeat("("),
    "nested_parens": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "quotes": _repeat('"\u00ab\u201c\''),
    "dots": _repeat("."),
    "line_breaks": _repeat("\n"),
    "cue_aucun": _repeat("aucun "),
    "cue_not": _repeat("not "),
    "cue_pas_sans": _repeat("pas sans "),
    "cue_may_have": _repeat("may have "),
    "negated_terms": _repeat("aucun nom, "),
    "hedged_terms": _repeat("pourraient noms may have names "),
    "capitalized": _repeat("Aa "),
    "capitalized_sentences": _repeat("Aa. "),
    "months_fr": _repeat("janvier février mars avril mai juin juillet août "),
    "months_en": _repeat("January February March April May June July August "),
    "month_years": _repeat("mai 2024 "),
    # one endless sentence of dates between role cues: every date weighs every cue (was cubic)
    "dates_among_cues_fr": _repeat("attaque découverte le 3 mai et annoncée, "),
    "dates_among_cues_en": _repeat("attack discovered on May 3 and announced, "),
    "weekdays": _repeat("lundi Monday "),
    "hyphenated_numbers": _repeat("cent-") + "x",
}
CASES = [(name, target, LANGS[(i + j) % len(LANGS)])
         for i, name in enumerate(ADVERSARIAL) for j, target in enumerate(COMPONENTS + ("extract",))]


@pytest.fixture(scope="module")
def pipelines():
    cache = {}

    def get(lang: str, name: str):
        if (lang, name) not in cache:
            nlp = spacy.blank(lang)
            nlp.add_pipe(name)
            cache[lang, name] = nlp
        return cache[lang, name]
    return get


@pytest.mark.parametrize("name,target,lang", CASES, ids=[f"{n}-{t}-{lang}" for n, t, lang in CASES])
def test_adversarial_200kb_input_is_annotated(pipelines, name, target, lang):
    text = ADVERSARIAL[name]
    if target == "extract":
        result = breachnlp.extract(text, lang=lang, published="2024-05-01", profile="fast")
        check_record(result, text, lang, "2024-05-01")
    else:
        nlp = pipelines(lang, target)
        doc = nlp(make_doc(nlp, text, "2024-05-01"))
        assert doc.text == text
        dump_doc(doc)


# ----------------------------------------------------------------- regressions
@pytest.mark.parametrize("unit", ["(", "'", "\u00ab", "d'", "1:"])
def test_adversarial_long_runs_without_spaces_keep_the_text(unit):
    """spaCy's tokenizer is quadratic on such runs; ours cuts them and keeps every character."""
    nlp = spacy.blank("fr")
    text = "Acme " + _repeat(unit, 5_000) + " a été piratée " + _repeat(unit, 300)
    doc = chunking.make_doc(nlp, text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= chunking.RUN_PIECE


def test_adversarial_short_words_are_tokenized_by_spacy():
    nlp = spacy.blank("en")
    text = "Acme's data (names, SSNs) was stolen; 1,200 people."
    assert [t.text for t in chunking.make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("lang,unit", [("fr", "cent-"), ("fr", "quatre-vingt-"), ("fr", "mille-et-"),
                                       ("en", "hundred-"), ("en", "one-")])
def test_adversarial_hyphenated_number_words_do_not_backtrack(lang, unit):
    """Was exponential: 22 repetitions of "cent-" before a letter took 2 s, 30 took minutes."""
    matches = list(grammar(lang)._number_phrase_re().finditer(unit * 5_000 + "x"))
    assert matches == []  # every phrase ends on "-" or "x": none is a number


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "dix-sept mille", 17000), ("fr", "quatre-vingt-dix mille", 90000), ("fr", "un million et demi", 1500000),
    ("fr", "un demi-million", 500000), ("fr", "deux cent mille", 200000),
    ("en", "four and a half million", 4500000), ("en", "half a million", 500000),
    ("en", "ninety-nine thousand", 99000),
])
def test_adversarial_unambiguous_number_regex_still_reads_compounds(lang, text, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("lang,text", [
    ("fr", "1" * 400 + " patients"), ("fr", "trois cent " * 40 + "patients"),
    ("en", "9" * 320 + ".5 million people"), ("en", "1 " + "000 " * 200 + "people"),
])
def test_adversarial_huge_numbers_are_not_counts(lang, text):
    """Were OverflowError (float infinity to int)."""
    result = breachnlp.extract("Acme: " + text, lang=lang, profile="fast")
    assert result.records is None or result.records.value < 10 ** 15


@pytest.mark.parametrize("lang,text,published", [
    # were OverflowError, or years such as "-7975" that are no ISO date
    ("fr", "Acme a été piratée il y a 99999999999 jours.", "2024-01-01"),
    ("fr", "Acme a été piratée il y a 9999 ans.", "2024-01-01"),
    ("en", "Acme was hacked 99999999999 days ago.", "2024-01-01"),
    # were "2024-03-00", an invalid ISO date in the output
    ("fr", "Acme a été piratée le 0 mars 2024.", "2024-06-01"),
    ("fr", "Acme a été piratée le 00 janvier.", "2024-06-01"),
    ("en", "Acme was hacked on March 0, 2024.", "2024-06-01"),
    ("en", "Acme was hacked on the 0th of May 2024.", "2024-06-01"),
])
def test_adversarial_impossible_dates_resolve_to_nothing(lang, text, published):
    result = breachnlp.extract(text, lang=lang, published=published, profile="fast")
    assert result.date.occurred is None
    check_record(result, text, lang, published)


def test_adversarial_sentence_splitter_is_linear_on_dot_runs():
    """The end-of-sentence regex restarted inside every run of dots (quadratic)."""
    text = "." * 100_000 + " Fin. " + "A. " * 30_000 + "Suite."
    segments = split_sentences(text)
    assert segments[0].start == 0 and segments[-1].end == len(text)
    assert all(re.search(r"\S", text[s.start:s.end]) for s in segments)


def test_adversarial_chunk_cuts_are_linear_on_dot_runs():
    text = "." * 300_000 + " Fin."
    chunks = chunking.split_chunks(text, 100_000)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(chunks, chunks[1:]))


# ----------------------------------------------------------------- indexed paths
# Sentences over 2 000 characters read their cue matches from one scan of the sentence instead
# of rescanning it for each figure or data term; on such sentences both ways must agree.
LONG_COUNTS_FR = ("le bilan, d'abord estimé à 9 800 patients, a été porté à 11 236 patients et revu à la hausse, "
                  "puis initialement annoncé à 12 000 dossiers, finalement 12 500 comptes, ") * 25 + "voilà"
LONG_PHI = {
    "fr": ("les noms, mais aucun numéro de sécurité sociale, de 1 200 patients pourraient avoir été consultés, et "
           "peut-être leurs adresses ; aucune donnée médicale n'a été volée selon les pirates, ") * 25,
    "en": ("the names, but not the Social Security numbers, of 1,200 people may have been exposed, and "
           "possibly their addresses; no medical records were involved, hackers claim that passwords, ") * 25,
}


def test_adversarial_indexed_revision_cues_agree_with_the_rescan():
    from breachnlp.components.records import record_rules
    from breachnlp.text import fold

    rules = record_rules("fr")
    folded = fold(LONG_COUNTS_FR)
    (sentence,) = split_sentences(LONG_COUNTS_FR, rules.abbreviations)
    assert sentence.end - sentence.start > 2_000
    memo: dict = {}
    numbers = rules.grammar.find(LONG_COUNTS_FR, folded)
    assert len(numbers) >= 100
    assert len({rules._revision(folded, sentence, n.start, memo) for n in numbers}) > 1  # revised and initial
    for number in numbers:
        assert rules._revision(folded, sentence, number.start, memo) == rules._revision(folded, sentence, number.start)


@pytest.mark.parametrize("lang", LANGS)
def test_adversarial_indexed_cue_windows_agree_with_the_rescan(lang):
    """Windows start and end at word starts, as clauses and mentions do."""
    from breachnlp.components.phi import _window, phi_rules
    from breachnlp.text import fold

    rules = phi_rules(lang)
    folded = fold(LONG_PHI[lang])
    patterns = [rules.preceding, rules.following, rules.hedge, rules.termination, rules.advice, rules.exposure]
    assert all(p.search(folded) for p in (rules.preceding, rules.hedge, rules.termination))
    word_starts = [m.start() for m in re.finditer(r"(?<=\s)\w", folded)]
    n = len(word_starts)
    bounds = [(0, len(folded))] + [(word_starts[n * i // 100], word_starts[n * j // 100])
                                   for i, j in ((0, 60), (3, 70), (20, 85), (35, 99))]
    assert all(end - start > 2_000 for start, end in bounds)
    for pattern in patterns:
        for start, end in bounds:
            expected = [m.span() for m in pattern.finditer(folded, start, end)]
            assert [m.span() for m in _window(pattern, folded, start, end)] == expected


@pytest.mark.parametrize("lang", LANGS)
def test_adversarial_long_sentence_statuses_match_its_parts(lang):
    """A sentence of 25 repeated parts gives, part by part, the statuses of one part alone."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("breach_phi")
    text = LONG_PHI[lang]
    part = text[:len(text) // 25]
    whole_doc, part_doc = nlp(make_doc(nlp, text)), nlp(make_doc(nlp, part))
    whole = [(s._.phi_category, s._.phi_status) for s in whole_doc.spans["breach_phi"]]
    alone = [(s._.phi_category, s._.phi_status) for s in part_doc.spans["breach_phi"]]
    assert len({status for _, status in alone}) > 1
    assert whole[:len(alone)] == alone
