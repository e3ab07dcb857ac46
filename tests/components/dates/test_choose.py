"""The fitted date choice without a model: options, their features and the choice for a role.

A hand-made scorer stands in for the fitted weights, so each test shows one rule of the choice
(what competes, when "none" is given, how a finer date refines the chosen one); the last tests
check the packaged weights of every language.
"""
from __future__ import annotations

import math
import random
from datetime import date

import pytest

from breachnlp.components.assemble.linking import _date_scorers
from breachnlp.components.dates.choose import (DATE_CHOICE_FEATURES, DATE_ROLES, DateOption, DateOptions,
                                               _Intervals, _refines, choose_date, option_features)
from breachnlp.resources import read_resource
from breachnlp.scoring import LinearScorer
from breachnlp.taxonomy import LANGS

PUBLISHED = date(2024, 6, 14)


def option(start: int, norm: str, role: str | None = "occurred", *, cue: str | None = "occurred", kind: str = "dmy",
           **extra) -> DateOption:
    return DateOption(start=start, norm=norm, role=role, cue=cue, kind=kind, sentence=start // 100, **extra)


def features(options: list[DateOption], role: str) -> list[dict[str, float]]:
    document = DateOptions(options, published=PUBLISHED, body_start=0, length=1000)
    return [option_features(o, role, document) for o in options]


# prefers the date its nearest cue gave the role, then a precise day, "none" at 0
RULE_LIKE = LinearScorer(-1.0, (("rule_role", 2.0), ("day", 0.5)))


def test_the_best_scored_option_is_chosen_with_its_softmax_share():
    options = [option(0, "2024-05", "disclosed", cue="disclosed"), option(50, "2024-05-20")]
    pick = choose_date(features(options, "occurred"), options, RULE_LIKE, "occurred", stated=True)
    assert pick.option is options[1]
    # scores: 1.5 for the day (its cue's role, a day), -1 for the month (another role's), 0 for "none"
    assert pick.probability == pytest.approx(1 / (1 + math.exp(-2.5) + math.exp(-1.5)))


def test_no_date_when_the_rules_state_none_for_the_role():
    options = [option(0, "2024-05-20")]
    pick = choose_date(features(options, "occurred"), options, RULE_LIKE, "occurred", stated=False)
    assert pick.option is None and 0 < pick.probability < 0.5  # "none" scored below the date


def test_no_date_when_the_best_option_of_a_stated_role_is_below_the_floor():
    # the rules say the role has a date (a background date took its cue), but every option scores
    # low: with a floor, none; the same options above the floor give the best of them
    options = [option(0, "2019", None, cue=None, kind="year"), option(50, "2024-05-20", "disclosed", cue="disclosed")]
    low = LinearScorer(-2.0, (("rule_no_cue", 0.5),))
    assert choose_date(features(options, "occurred"), options, low, "occurred", stated=True).option is options[0]
    assert choose_date(features(options, "occurred"), options, low, "occurred", stated=True, floor=-1.0).option is None
    assert choose_date(features(options, "occurred"), options, low, "occurred", stated=True,
                       floor=-2.0).option is options[0]
    # the floor only weighs on what the rules say: a role they say has no date has none anyway
    assert choose_date(features(options, "occurred"), options, low, "occurred", stated=False, floor=-9.0).option is None
    # a date its own cue gave the role stays, however low it scores ("logged in in the spring")
    own = [option(0, "2024-04/2024-06", kind="season")]
    assert choose_date(features(own, "occurred"), own, low, "occurred", stated=True, floor=0.0).option is own[0]


def test_the_packaged_floors_are_read_per_role(lang="fr"):
    from breachnlp.components.assemble.linking import _date_floors

    data = read_resource(lang, "weights").get("date_choice") or {}
    assert _date_floors(lang) == {role: float(data[role]["floor"]) for role in DATE_ROLES
                                  if data[role].get("floor") is not None}


def test_a_date_the_rules_ruled_out_never_competes():
    # "deadline of June 30": the top score, but a not-breach cue took its role away
    options = [option(0, "2024-06-30", None, cue="not_breach", ruled_out=True), option(80, "2024-05")]
    always_first = LinearScorer(0.0, (("position", -5.0),))
    pick = choose_date(features(options, "occurred"), options, always_first, "occurred", stated=True)
    assert pick.option is options[1]


def test_a_letters_date_line_is_chosen_only_without_another_date_of_the_role():
    line = option(0, "2024-06-12", "disclosed", cue="letter_date", weak=True)
    said = option(200, "2024-05-02", "disclosed", cue="disclosed")
    favour_line = LinearScorer(0.0, (("letter_date", 5.0),))
    both = [line, said]
    assert choose_date(features(both, "disclosed"), both, favour_line, "disclosed", stated=True).option is said
    alone = [line]
    assert choose_date(features(alone, "disclosed"), alone, favour_line, "disclosed", stated=True).option is line


def test_ties_go_to_the_date_written_first():
    options = [option(0, "2024-05-02"), option(90, "2024-05-09")]
    pick = choose_date(features(options, "occurred"), options, LinearScorer(1.0, ()), "occurred", stated=True)
    assert pick.option is options[0]


@pytest.mark.parametrize("outer,inner,expected", [
    (("2024-06-03/2024-06-09", "last_week"), "2024-06-05", True),  # "last week, on June 5"
    (("2024-05", "month_last"), "2024-05-20", True),  # "in May … on May 20"
    (("2024", "year"), "2024-03", True),
    (("2024-03-08/2024-03-12", "day_range"), "2024-03-10", False),  # a written window keeps its span
    (("2024-05", "month_last"), "2024-04-30", False),
    (("2024-05-20", "dmy"), "2024-05-20", False),
])
def test_a_finer_date_of_the_same_role_refines_the_chosen_one(outer, inner, expected):
    wide, finer = option(0, outer[0], kind=outer[1]), option(60, inner)
    assert _refines(finer, wide) is expected
    options = [wide, finer]
    favour_wide = LinearScorer(1.0, (("position", -3.0),))
    pick = choose_date(features(options, "occurred"), options, favour_wide, "occurred", stated=True)
    assert pick.option is (finer if expected else wide)


def _brute_has_finer(o: DateOption, others: list[DateOption]) -> bool:
    low, high = o.norm.split("/")[0], o.norm.split("/")[-1]
    return any(x.norm != o.norm and "/" not in x.norm and len(x.norm) > len(low)
               and low <= x.norm[:len(low)] and x.norm[:len(high)] <= high for x in others)


def _brute_is_finer(o: DateOption, others: list[DateOption]) -> bool:
    return "/" not in o.norm and any(_brute_has_finer(x, [o]) for x in others)


def test_finer_and_coarser_lookups_agree_with_the_definition():
    """The bisection index answers as the quadratic definition does, on random sets of dates."""
    rng = random.Random(7)

    def random_norm() -> str:
        y, m, d = rng.choice((2023, 2024)), rng.randint(1, 3), rng.randint(1, 28)
        shape = rng.choice(("y", "ym", "ymd", "ymd", "range_d", "range_m"))
        if shape == "y":
            return f"{y}"
        if shape == "ym":
            return f"{y}-{m:02d}"
        if shape == "ymd":
            return f"{y}-{m:02d}-{d:02d}"
        if shape == "range_d":
            return f"{y}-{m:02d}-{d:02d}/{y}-{m:02d}-{min(28, d + rng.randint(1, 5)):02d}"
        return f"{y}-{m:02d}/{y}-{min(12, m + rng.randint(1, 3)):02d}"

    for _ in range(300):
        options = [option(i * 10, random_norm()) for i in range(rng.randint(1, 12))]
        index = _Intervals(options)
        for o in options:
            assert index.has_finer(o) == _brute_has_finer(o, options), (o.norm, [x.norm for x in options])
            assert index.is_finer(o) == _brute_is_finer(o, options), (o.norm, [x.norm for x in options])


def test_features_of_an_option_compare_it_with_the_document():
    options = [option(0, "2024-05-02"), option(40, "2024-05-02", "disclosed", cue="disclosed"),
               option(90, "2024-06-14", "disclosed", cue="disclosed", kind="today")]
    first, restated, today = features(options, "disclosed")
    assert first["restated"] == restated["restated"] > 0 and today["restated"] == 0
    assert today["published_day"] == 1.0 and today["relative"] == 1.0 and first["published_day"] == 0.0
    assert restated["first_of_role"] == 1.0 and today["first_of_role"] == 0.0
    assert restated["earliest_of_role"] == 1.0 and today["latest_of_role"] == 1.0
    assert first["rule_role"] == 0.0 and first["rule_other_role"] == 1.0


@pytest.mark.parametrize("lang", LANGS)
def test_packaged_weights_choose_every_role_over_known_features(lang):
    data = read_resource(lang, "weights")["date_choice"]
    assert set(DATE_ROLES) <= set(data)
    for role in DATE_ROLES:
        assert set(data[role]["weights"]) <= set(DATE_CHOICE_FEATURES)
    assert set(_date_scorers(lang)) == set(DATE_ROLES)
