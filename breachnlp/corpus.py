"""Gold JSONL: reading, validating against the spec, and building from markup sources.

The corpus is written as one YAML file per article under ``corpus/src/<lang>/`` whose
``text`` carries inline evidence markup (see :mod:`breachnlp.markup`);
:func:`build_corpus` turns them into the gold JSONL files the evaluator reads.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

import srsly

from .errors import GoldFormatError
from .markup import parse_markup
from .taxonomy import DATE_ROLES, LABELS, LANGS, PHI_CATEGORIES, PHI_STATUSES, QUALIFIERS, UNITS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.training import Example

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
BREACH_KEYS = ("organization", "organization_aliases", "parent_organization", "records", "date", "phi")


def is_partial_date(value: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a ``START/END`` range of those."""
    parts = value.split("/")
    return 1 <= len(parts) <= 2 and all(_PARTIAL_DATE.match(p) for p in parts)


def validate_record(record: Any) -> list[str]:
    """Every way ``record`` departs from the gold format; empty when it is valid."""
    if not isinstance(record, dict):
        return ["a record must be a JSON object"]
    problems: list[str] = []
    if not isinstance(record.get("id"), str) or not record["id"]:
        problems.append("'id' must be a non-empty string")
    text = record.get("text")
    if not isinstance(text, str):
        return problems + ["'text' must be a string"]
    if record.get("lang") not in LANGS:
        problems.append(f"'lang' must be one of {LANGS}, got {record.get('lang')!r}")
    published = record.get("published")
    if published is not None and not (isinstance(published, str) and _PARTIAL_DATE.match(published)
                                      and len(published) == 10):
        problems.append(f"'published' must be YYYY-MM-DD or null, got {published!r}")
    breach = record.get("breach")
    if breach is not None:
        problems += _validate_breach(breach)
    others = record.get("other_organizations", [])
    if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
        problems.append("'other_organizations' must be a list of strings")
    for i, span in enumerate(record.get("spans") or []):
        problems += [f"spans[{i}]: {p}" for p in _validate_span(span, text)]
    return problems


def _validate_breach(breach: Any) -> list[str]:
    if not isinstance(breach, dict):
        return ["'breach' must be an object"]
    problems = [f"breach lacks key {k!r}" for k in BREACH_KEYS if k not in breach]
    org = breach.get("organization")
    if org is not None and not isinstance(org, str):
        problems.append("breach.organization must be a string or null")
    if not isinstance(breach.get("organization_aliases", []) or [], list):
        problems.append("breach.organization_aliases must be a list")
    records = breach.get("records")
    if records is not None:
        if not isinstance(records, dict):
            problems.append("breach.records must be an object or null")
        else:
            if not isinstance(records.get("value"), int) or isinstance(records.get("value"), bool):
                problems.append(f"breach.records.value must be an integer, got {records.get('value')!r}")
            if records.get("unit") not in UNITS:
                problems.append(f"breach.records.unit must be one of {UNITS}, got {records.get('unit')!r}")
            if records.get("qualifier") not in QUALIFIERS:
                problems.append(f"breach.records.qualifier must be one of {QUALIFIERS}, "
                                f"got {records.get('qualifier')!r}")
    date = breach.get("date")
    if date is not None:
        if not isinstance(date, dict):
            problems.append("breach.date must be an object or null")
        else:
            for role in DATE_ROLES:
                value = date.get(role)
                if value is not None and not (isinstance(value, str) and is_partial_date(value)):
                    problems.append(f"breach.date.{role} must be an ISO partial date or range, got {value!r}")
    phi = breach.get("phi")
    if phi is not None:
        if not isinstance(phi, dict):
            problems.append("breach.phi must be an object")
        else:
            for category, status in phi.items():
                if category not in PHI_CATEGORIES:
                    problems.append(f"breach.phi: unknown category {category!r}")
                if status not in PHI_STATUSES:
                    problems.append(f"breach.phi.{category}: status must be one of {PHI_STATUSES}, got {status!r}")
    return problems


def _validate_span(span: Any, text: str) -> list[str]:
    if not isinstance(span, dict):
        return ["must be an object"]
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"offsets ({start!r}, {end!r}) are not inside the text (length {len(text)})"]
    problems = []
    if span.get("label") not in LABELS:
        problems.append(f"label must be one of {LABELS}, got {span.get('label')!r}")
    if "text" in span and span["text"] != text[start:end]:
        problems.append(f"text {span['text']!r} differs from the text at its offsets {text[start:end]!r}")
    if span.get("label") == "PHI" and "category" in span and span["category"] not in PHI_CATEGORIES:
        problems.append(f"unknown PHI category {span['category']!r}")
    if "status" in span and span["status"] not in PHI_STATUSES:
        problems.append(f"unknown PHI status {span['status']!r}")
    return problems


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Gold records of a JSONL file, raising :class:`GoldFormatError` with the line number."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                raise GoldFormatError(f"{path}:{number}: not valid JSON ({e.msg} at character {e.pos})") from e


def gold_examples(nlp: "Language", records: Iterable[Mapping[str, Any]] | str | Path) -> list["Example"]:
    """spaCy Examples of gold records, for ``nlp.evaluate`` (the ``breach_assemble`` scorer).

    nlp (Language): a breachnlp pipeline (:func:`breachnlp.load`).
    records (Iterable | str | Path): gold-format records, or the path of a gold JSONL file.
    RETURNS (list[Example]): per record, the text as a Doc with ``doc._.published`` set (the
        predicted side, not yet processed) and, as the reference, the same Doc carrying the gold
        ``breach`` object in ``doc._.breach_gold``.
    """
    from spacy.training import Example

    from .api import make_doc

    lines = read_jsonl(records) if isinstance(records, (str, Path)) else records
    examples = []
    for record in lines:
        predicted = make_doc(nlp, record.get("text"), record.get("published"))
        reference = predicted.copy()
        reference._.breach_gold = record.get("breach")
        examples.append(Example(predicted, reference))
    return examples


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def record_from_source(source: dict[str, Any]) -> dict[str, Any]:
    """A gold record from one YAML source article (markup in ``text``)."""
    text, spans = parse_markup(source["text"].rstrip("\n"))
    for span in spans:
        if "cat" in span:  # markup shorthand
            span["category"] = span.pop("cat")
    record = {key: source.get(key) for key in ("id", "lang", "published", "title")}
    if record["published"] is not None:
        record["published"] = str(record["published"])
    record["text"] = text
    breach = dict(source["breach"])
    breach.setdefault("organization_aliases", [])
    breach.setdefault("parent_organization", None)
    breach.setdefault("records", None)
    breach.setdefault("phi", {})
    date = dict(breach.get("date") or {})
    breach["date"] = {role: (str(date[role]) if date.get(role) is not None else None) for role in DATE_ROLES}
    record["breach"] = {key: breach[key] for key in BREACH_KEYS}
    record["other_organizations"] = list(source.get("other_organizations") or [])
    record["spans"] = spans
    for key in ("genre", "headline", "phenomena"):
        if key in source:
            record[key] = source[key]
    return record


def record_from_batch(line: dict[str, Any], batch: str) -> dict[str, Any]:
    """A gold record from a first-sight batch line (plain gold JSON, no spans), tagged with its batch."""
    record = {key: line.get(key) for key in ("id", "lang", "published", "title", "text")}
    record["breach"] = line["breach"]
    record["other_organizations"] = list(line.get("other_organizations") or [])
    record["genre"] = line.get("genre")
    record["batch"] = batch
    return record


def build_corpus(source_dir: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Build ``<out_dir>/<lang>.jsonl`` from ``<source_dir>/<lang>/*.yml`` and the first-sight batches
    ``<source_dir>/first-sight/*.jsonl`` (both languages, no spans); return counts per language.

    Raises :class:`GoldFormatError` naming the file of the first invalid article.
    """
    counts: dict[str, int] = {}
    seen: set[str] = set()
    batches = [(path, record) for path in sorted(Path(source_dir, "first-sight").glob("*.jsonl"))
               for record in read_jsonl(path)]
    for lang in LANGS:
        records = []
        sources = [(path, record_from_source(srsly.read_yaml(path))) for path in sorted(Path(source_dir, lang).glob("*.yml"))]
        sources += [(path, record_from_batch(record, path.stem)) for path, record in batches if record.get("lang") == lang]
        for path, record in sources:
            problems = validate_record(record)
            if record["lang"] != lang:
                problems.append(f"lang {record['lang']!r} in the {lang}/ folder")
            if record["id"] in seen:
                problems.append(f"duplicate id {record['id']!r}")
            if problems:
                raise GoldFormatError(f"{path}: " + "; ".join(problems))
            seen.add(record["id"])
            records.append(record)
        write_jsonl(Path(out_dir, f"{lang}.jsonl"), records)
        counts[lang] = len(records)
    return counts
