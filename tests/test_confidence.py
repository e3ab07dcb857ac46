"""The features the confidence of each value is fitted on, read off real decisions."""
from __future__ import annotations

import breachnlp
from breachnlp.confidence import date_features


def test_date_features_say_which_role_stands_for_the_date_and_how_often_it_is_restated():
    given = date_features("2024-05-02", 2.0, 3, 2, share=0.9, primary_role="disclosed", restated=2, relative=True)
    assert given["primary_disclosed"] == 1.0 and given["relative"] == 1.0 and given["restated"] > 0
    none = date_features(None, None, 0, 0, primary_role=None, restated=0)
    assert none["chosen"] == 0.0 and none["restated"] == 0.0 and none["relative"] == 0.0


def test_a_date_restated_and_written_out_is_surer_than_one_resolved_once_from_a_weekday():
    restated = breachnlp.extract(
        "Ormeau Clinic was hit by ransomware on March 3, 2024. The March 3, 2024 attack encrypted its servers; "
        "Ormeau Clinic said the attack of March 3, 2024 affected 12,000 patients.", lang="en", published="2024-06-14")
    relative = breachnlp.extract(
        "Ormeau Clinic said patients may be affected. Someone mentioned something about Tuesday, a spokesperson "
        "added, without more detail.", lang="en", published="2024-06-14")
    assert restated.date.primary == "2024-03-03"
    assert restated.confidence["date"] > relative.confidence["date"]


def test_restatements_count_the_expressions_of_the_value_and_whether_one_was_relative():
    from breachnlp.components.dates.choose import restatements

    dated = [("2024-05-02", "mdy"), ("2024-05-02", "weekday"), ("2024-06-01", "dmy"), (None, "weekday")]
    assert restatements(dated, "2024-05-02") == (2, True)
    assert restatements(dated, "2024-06-01") == (1, False)
    assert restatements(dated, None) == (0, False)


def test_no_date_is_surer_when_the_text_dates_nothing():
    """A text with no dated expression states no breach date with more certainty than one full of
    background dates (founding, renovations, a report), where a date may have been missed."""
    import breachnlp

    plain = breachnlp.extract("Hackers stole the files of 2,000 Arvel Clinic patients, the clinic said.",
                              lang="en", published="2024-06-14")
    busy = breachnlp.extract("Arvel Clinic, founded in 1998 and renovated in 2015 and 2019, moved in March 2021; its "
                             "annual report of 2023 lists 2,000 patients, and hackers stole files, the clinic said.",
                             lang="en", published="2024-06-14")
    assert plain.date.primary is None and busy.date.primary is None
    assert plain.confidence["date"] > busy.confidence["date"] + 0.35
