"""A naive peer to measure breachnlp against (``breachnlp evaluate --baseline``).

What a quick script would do: the NER's most frequent ORG, the first figure of 100 or more,
the first date dateparser finds (taken as the occurred date, day granularity), and every PHI
keyword of our lexicon anywhere in the text, affirmed.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Mapping

from dateparser.search import search_dates

from .components.phi import phi_rules
from .pipeline import cached_pipeline
from .schema import BreachDates, BreachRecord, RecordCount
from .chunking import compose
from .text import fold

_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|(?<![\w.,])\d{3,}(?![\d])")


def baseline_record(record: Mapping[str, Any], lang: str) -> BreachRecord:
    text: str = compose(record["text"], record.get("title"))[0]  # the headline is input too
    nlp = cached_pipeline(lang, None, "accurate")
    base = [name for name in nlp.pipe_names if not name.startswith("breach_")]
    with nlp.select_pipes(enable=base):
        doc = nlp(text)
    orgs = Counter(e.text for e in doc.ents if e.label_ == "ORG")
    organization = orgs.most_common(1)[0][0] if orgs else None
    records = None
    for m in _FIGURE.finditer(text):
        value = int(re.sub(r"\D", "", m.group()))
        if value >= 100:
            records = RecordCount(value, "people", "exact")
            break
    occurred = None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    found = search_dates(text[:3000], languages=[lang], settings=settings)
    if found:
        occurred = found[0][1].date().isoformat()
    rules = phi_rules(lang)
    folded = fold(text)
    phi = {}
    for m in rules.lexicon.finditer(folded):
        category = rules.category_of(m.group())
        if category:
            phi[category] = "affirmed"
    return BreachRecord(organization=organization, records=records, date=BreachDates(occurred=occurred), phi=phi)
