"""The fitted count choice without a model: figures as options, their features, the choice.

A hand-made scorer stands in for the fitted weights so that each test shows one rule of the
choice; the last test checks the packaged weights of every language.
"""
from __future__ import annotations

import pytest

from breachnlp.components.assemble.linking import _count_scorer
from breachnlp.components.records.choose import (COUNT_CHOICE_FEATURES, CountOption, choose_count_fitted,
                                                 count_option_features)
from breachnlp.components.records.rules import CountCandidate
from breachnlp.resources import read_resource
from breachnlp.scoring import LinearScorer
from breachnlp.taxonomy import LANGS

MIN = 3.0


def figure(start: int, value: int, *, unit: str | None = "people", qualifier: str = "exact", score: float = 4.0,
           significant: int = 6, **extra) -> CountOption:
    return CountOption(CountCandidate(start, start + 7, value, unit, qualifier, score, start // 100, significant, **extra))


def choose(options: list[CountOption], scorer: LinearScorer, rule: int | None = None, *, stated: bool = False):
    features = count_option_features(options, min_score=MIN, rule_choice=rule)
    return choose_count_fitted(options, features, scorer, min_score=MIN, stated=stated)


PREFER_PEOPLE = LinearScorer(-1.0, (("unit_people", 2.0), ("largest", 0.5)))


def test_the_best_scored_figure_is_the_count():
    staff, patients = figure(0, 1200, unit=None), figure(80, 48000)
    pick = choose([staff, patients], PREFER_PEOPLE)
    assert pick.option is patients and 0.5 < pick.probability < 1.0


def test_no_count_when_none_outscores_every_figure_but_a_lone_figure_the_rules_took_stays():
    lone = [figure(0, 3400, unit="files")]
    assert choose(lone, PREFER_PEOPLE).option is None
    assert choose(lone, PREFER_PEOPLE, rule=3400, stated=True).option is lone[0]


def test_the_same_count_written_more_precisely_replaces_the_rounded_one():
    rounded = figure(0, 900000, qualifier="approx", significant=1)
    exact = figure(90, 914138, significant=6)
    favour_first = LinearScorer(1.0, (("position", -1.0), ("headline", 0.0)))
    assert choose([rounded, exact], favour_first).option is exact
    other = figure(90, 120000, significant=6)  # another figure, not a restatement
    assert choose([rounded, other], favour_first).option is rounded


def test_features_compare_a_figure_with_the_others():
    a, b, c = figure(0, 500), figure(50, 500, unit="records"), figure(90, 7000, qualifier="approx", significant=1)
    fa, fb, fc = count_option_features([a, b, c], min_score=MIN, rule_choice=7000)
    assert fa["restated"] == fb["restated"] > 0 == fc["restated"]
    assert fc["largest"] == 1.0 and fa["smallest"] == 1.0 and fc["smallest"] == 0.0
    assert fc["rule_choice"] == 1.0 and fa["rule_choice"] == 0.0
    assert fc["approx"] == 1.0 and fc["round"] == 1.0 and fb["unit_records"] == 1.0
    assert fa["best_scored"] == 1.0 and fb["best_scored"] == 0.0  # equal scores: the first written


@pytest.mark.parametrize("lang", LANGS)
def test_packaged_count_weights_are_over_known_features(lang):
    data = read_resource(lang, "weights")["count_choice"]
    assert set(data["weights"]) <= set(COUNT_CHOICE_FEATURES) and "none" in data
    assert _count_scorer(lang) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_the_fitted_count_choice_weighs_an_attackers_claim_below_a_stated_count(lang):
    from breachnlp.resources import read_resource
    assert read_resource(lang, "weights")["count_choice"]["weights"]["cue_claimed"] < 0


def test_a_rounded_figure_and_the_exact_one_it_stands_for_know_each_other():
    # "more than 146,000" in a headline, 146,108 in the body, an earlier estimate of 6,679
    rounded, estimate, exact = (figure(0, 146000, qualifier="at_least", significant=3), figure(90, 6679, significant=4),
                                figure(200, 146108, significant=6))
    features = count_option_features([rounded, estimate, exact], min_score=MIN, rule_choice=None)
    assert [f["rounded_of_exact"] for f in features] == [1.0, 0.0, 0.0]
    assert [f["exact_of_rounded"] for f in features] == [0.0, 0.0, 1.0]
    # two figures of the same precision, or far apart, are no rounding of one another
    far = count_option_features([figure(0, 120000, significant=2), figure(90, 146108)], min_score=MIN, rule_choice=None)
    assert not any(f["exact_of_rounded"] or f["rounded_of_exact"] for f in far)


@pytest.mark.parametrize("qualifier,exact,stands_for", [
    # "more than 26,000" stands for no 25,610, "up to 9,000" for no 9,140; either way for the figure
    # on its side of the bound, and "about" for both
    ("at_least", 25610, False), ("at_least", 26839, True),
    ("at_most", 26839, False), ("at_most", 25610, True),
    ("approx", 25610, True), ("approx", 26839, True),
])
def test_a_bound_stands_only_for_an_exact_figure_on_its_side(qualifier, exact, stands_for):
    rounded, precise = figure(0, 26000, qualifier=qualifier, significant=2), figure(200, exact, significant=5)
    features = count_option_features([rounded, precise], min_score=MIN, rule_choice=None)
    assert features[1]["exact_of_rounded"] == float(stands_for)
    assert features[0]["rounded_of_exact"] == float(stands_for)


@pytest.mark.parametrize("lang", LANGS)
def test_the_fitted_choice_prefers_the_exact_figure_to_its_rounding(lang):
    weights = read_resource(lang, "weights")["count_choice"]["weights"]
    assert weights["exact_of_rounded"] > 0 > weights["rounded_of_exact"]


def test_an_attackers_claim_yields_to_a_count_the_text_gives_for_the_breach():
    # the spec: a claimed figure is the count only when the text gives no other count for this breach
    def cued(*kinds: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((0, 1, kind) for kind in kinds)

    claimed = CountOption(CountCandidate(0, 7, 22000000, "records", "approx", 5.0, 0, 2,
                                         cues=cued("breach_context", "unit", "claimed")), context=2.0)
    told = CountOption(CountCandidate(90, 97, 1000000, "records", "exact", 5.0, 1, 1,
                                      cues=cued("breach_context", "unit")), context=2.0, victim_sentence=True)
    favour_largest = LinearScorer(-1.0, (("largest", 3.0), ("unit_records", 1.5)))
    assert choose([claimed, told], favour_largest).option is told
    # a figure of another organization's sentence, a population or a furniture line is no such count
    for other in (CountOption(told.candidate, context=-1.0), CountOption(told.candidate, context=2.0, furniture=True)):
        assert choose([claimed, other], favour_largest).option is claimed
    # alone, the claim stands
    assert choose([claimed], favour_largest).option is claimed


def test_a_rounder_revision_is_no_rounding_of_the_exact_count_it_revises():
    # "4,078,263 people" in March, then "now about 4.3 million": the revision stands
    exact = figure(0, 4078263, significant=7)
    revision = figure(90, 4300000, qualifier="approx", significant=2, revision=True)
    favour_revision = LinearScorer(-1.0, (("revision", 3.0),))
    assert choose([exact, revision], favour_revision).option is revision
    # a rounding written after the exact count, no revision, still gives way to it
    rounded = CountOption(figure(90, 4100000, qualifier="approx", significant=2).candidate, position=1.0)
    favour_last = LinearScorer(-1.0, (("position", 3.0),))
    assert choose([exact, rounded], favour_last).option is exact
