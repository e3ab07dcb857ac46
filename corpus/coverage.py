"""Phenomenon coverage of the corpus, computed from the gold (and the writers' `phenomena` tags).

    python corpus/coverage.py           # print the markdown table
    python corpus/coverage.py --write   # also replace the table in corpus/README.md
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
LANGS = ("fr", "en")
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def load(lang: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines() if line]


def tags(record: dict[str, Any]) -> set[str]:
    return set(record.get("phenomena") or ())


def count_spans(record: dict[str, Any], label: str, pattern: str) -> bool:
    return any(s["label"] == label and re.search(pattern, s["text"]) for s in record.get("spans") or ())


def has_tag(*names: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: bool(tags(r) & set(names))


ROWS: list[tuple[str, str, Callable[[dict[str, Any]], bool]]] = [
    ("Genre", "news article", lambda r: r.get("genre") == "news"),
    ("Genre", "wire brief", lambda r: r.get("genre") == "brief"),
    ("Genre", "feature with several incidents", lambda r: r.get("genre") == "feature"),
    ("Genre", "notification letter (nous / we, signed)", lambda r: r.get("genre") == "letter"),
    ("Genre", "regulator or court decision with a fine", lambda r: r.get("genre") == "decision"),
    ("Genre", "forum or blog post", lambda r: r.get("genre") == "forum"),
    ("Count format", "space grouping (914 138)", lambda r: count_spans(r, "RECORD_COUNT", r"\d \d{3}")),
    ("Count format", "no-break space U+00A0", lambda r: count_spans(r, "RECORD_COUNT", "\u00a0")),
    ("Count format", "narrow no-break space U+202F", lambda r: count_spans(r, "RECORD_COUNT", "\u202f")),
    ("Count format", "comma or dot grouping", lambda r: count_spans(r, "RECORD_COUNT", r"\d[.,]\d{3}\b")),
    ("Count format", "decimal with multiplier (1,2 million, 1.5M)", lambda r: count_spans(
        r, "RECORD_COUNT", r"\d[.,]\d+\s?(?:[mM]|million|millions|milliard)")),
    ("Count format", "abbreviation (300k, 3 M)", lambda r: count_spans(r, "RECORD_COUNT", r"\d\s?[kKmM]\b")),
    ("Count format", "number in words", lambda r: count_spans(r, "RECORD_COUNT", r"^[^\d]+$")),
    ("Qualifier", "exact", lambda r: (r["breach"]["records"] or {}).get("qualifier") == "exact"),
    ("Qualifier", "approx", lambda r: (r["breach"]["records"] or {}).get("qualifier") == "approx"),
    ("Qualifier", "at_least", lambda r: (r["breach"]["records"] or {}).get("qualifier") == "at_least"),
    ("Qualifier", "at_most (incl. ranges)", lambda r: (r["breach"]["records"] or {}).get("qualifier") == "at_most"),
    ("Unit", "people", lambda r: (r["breach"]["records"] or {}).get("unit") == "people"),
    ("Unit", "records", lambda r: (r["breach"]["records"] or {}).get("unit") == "records"),
    ("Unit", "appointments", lambda r: (r["breach"]["records"] or {}).get("unit") == "appointments"),
    ("Unit", "accounts", lambda r: (r["breach"]["records"] or {}).get("unit") == "accounts"),
    ("Unit", "files", lambda r: (r["breach"]["records"] or {}).get("unit") == "files"),
    ("Count trap", "rounded headline vs exact body", has_tag("records_rounded_vs_exact")),
    ("Count trap", "revised figure (latest wins)", has_tag("records_revised")),
    ("Count trap", "vague amount only (null)", has_tag("records_null_vague", "records_null_vague_headline")),
    ("Count trap", "no count at all (null)", lambda r: r["breach"]["records"] is None),
    ("Count trap", "distractor numbers (money, sizes, years, ranks, phones...)", has_tag(
        "distractor_number", "distractor_money", "distractor_volume", "distractor_phone")),
    ("Date", "occurred", lambda r: bool(r["breach"]["date"]["occurred"])),
    ("Date", "discovered", lambda r: bool(r["breach"]["date"]["discovered"])),
    ("Date", "disclosed", lambda r: bool(r["breach"]["date"]["disclosed"])),
    ("Date", "two or more roles", lambda r: sum(bool(v) for v in r["breach"]["date"].values()) >= 2),
    ("Date", "range START/END", lambda r: any("/" in (v or "") for v in r["breach"]["date"].values())),
    ("Date", "partial (year or month only)", lambda r: any(v and len(v.split("/")[0]) < 10
                                                          for v in r["breach"]["date"].values())),
    ("Date", "relative expression", has_tag("date_relative")),
    ("Date", "dates that are not breach dates", has_tag("date_non_breach")),
    ("Date", "no date at all (null)", lambda r: not any(r["breach"]["date"].values())),
    ("Data categories", "list of categories (3+)", lambda r: len(r["breach"]["phi"]) >= 3),
    ("Data categories", "negated category", lambda r: "negated" in r["breach"]["phi"].values()),
    ("Data categories", "hedged category", lambda r: "hedged" in r["breach"]["phi"].values()),
    ("Data categories", "pseudo-negation (non seulement, not only)", has_tag("phi_pseudo_negation")),
    ("Data categories", "category only in advice or background", has_tag("phi_distractor")),
    ("Organization", "parent group stated", lambda r: bool(r["breach"]["parent_organization"])),
    ("Organization", "regulator named", has_tag("org_regulator")),
    ("Organization", "media quoted", has_tag("org_media")),
    ("Organization", "attacker group named", has_tag("org_attacker")),
    ("Organization", "software vendor / subcontractor", has_tag("org_vendor", "org_vendor_is_victim")),
    ("Organization", "other victims in passing", has_tag("org_other_victim")),
    ("Organization", "victim named late", has_tag("org_late")),
    ("Organization", "camel case or acronym", has_tag("org_camel", "org_acronym")),
    ("Organization", "aliases / former name", lambda r: bool(r["breach"]["organization_aliases"]) or bool(
        tags(r) & {"org_alias", "org_former_name"})),
    ("Organization", "victim not named (null)", lambda r: r["breach"]["organization"] is None),
]


def table() -> str:
    corpus = {lang: load(lang) for lang in LANGS}
    lines = ["| area | phenomenon | fr | en |", "|---|---|---|---|"]
    lines.append(f"| all | articles | {len(corpus['fr'])} | {len(corpus['en'])} |")
    for area, name, test in ROWS:
        counts = [sum(1 for r in corpus[lang] if test(r)) for lang in LANGS]
        lines.append(f"| {area} | {name} | {counts[0]} | {counts[1]} |")
    categories = {lang: Counter(c for r in corpus[lang] for c in r["breach"]["phi"]) for lang in LANGS}
    for category in sorted(set(categories["fr"]) | set(categories["en"])):
        lines.append(f"| PHI category | {category} | {categories['fr'][category]} | {categories['en'][category]} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = table()
    print(text)
    if "--write" in argv:
        readme = HERE / "README.md"
        content = readme.read_text(encoding="utf-8")
        start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
        readme.write_text(content[:start] + "\n" + text + "\n" + content[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
