"""Reading input records and writing annotated ones, line by line, never losing a line."""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator

from .components.dates import parse_published
from .errors import BreachNLPError, InputError
from .schema import BreachRecord
from .taxonomy import LANGS

META_KEYS = ("id", "lang", "published", "title")


@dataclass
class InputLine:
    """One input line: a usable record, or the reason it is not."""

    number: int
    record: dict[str, Any] | None
    error: str | None = None

    @property
    def id(self) -> Any:
        return (self.record or {}).get("id")


def open_text(path: str | Path, mode: str = "r") -> IO[str]:
    """Open a UTF-8 text file, ``-`` for stdin/stdout, gzip when the name ends in ``.gz``."""
    if str(path) == "-":
        stream = sys.stdin.buffer if "r" in mode else sys.stdout.buffer
        return io.TextIOWrapper(stream, encoding="utf-8", errors="strict", newline="")
    if str(path).endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", newline="")  # type: ignore[return-value]
    return open(path, mode, encoding="utf-8", newline="")


def read_input(path: str | Path) -> Iterator[InputLine]:
    """Input records of a JSONL file, one :class:`InputLine` per line (blank lines skipped).

    Bytes that are not UTF-8, invalid JSON, a non-object, or a missing or non-string ``text``
    give an error line instead of stopping the stream.
    """
    opener = gzip.open if str(path).endswith(".gz") else open
    stream = sys.stdin.buffer if str(path) == "-" else opener(path, "rb")
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            yield parse_line(raw, number)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def parse_line(raw: bytes, number: int) -> InputLine:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return InputLine(number, None, f"line is not valid UTF-8 (byte {e.start})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return InputLine(number, None, f"invalid JSON: {e.msg} (column {e.colno})")
    if not isinstance(record, dict):
        return InputLine(number, None, f"a line must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return InputLine(number, record, "no 'text' field")
    if not isinstance(text, str):
        return InputLine(number, record, f"'text' must be a string, not {type(text).__name__}")
    lang = record.get("lang")
    if lang is not None and lang not in LANGS:
        return InputLine(number, record, f"unsupported lang {lang!r}; expected one of {LANGS} or null")
    try:
        parse_published(record.get("published"))
    except BreachNLPError as e:
        return InputLine(number, record, str(e))
    return InputLine(number, record)


def annotated_record(record: dict[str, Any], result: BreachRecord, lang: str) -> dict[str, Any]:
    """The input record written back in gold format with ``breach`` and ``spans`` filled."""
    meta = {key: record.get(key) for key in META_KEYS}
    meta["lang"] = lang
    out = result.to_record(**meta, text=record["text"])
    for key, value in record.items():  # keep the caller's extra fields
        if key not in out and key not in ("breach", "spans", "other_organizations"):
            out[key] = value
    return out


def error_record(line: InputLine) -> dict[str, Any]:
    return {"id": line.id, "line": line.number, "error": line.error}


class AtomicWriter:
    """Write to ``<path>.part`` and rename it over ``path`` when closed without error, so a
    crash never leaves a half-written output where a finished one is expected."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        self.handle = open(self.part, "w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self, *, commit: bool = True) -> None:
        self.handle.close()
        if commit:
            os.replace(self.part, self.path)

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        self.close(commit=exc_type is None)


def check_paths(input_path: str | Path, output_path: str | Path) -> None:
    """Refuse to write over the input."""
    if str(input_path) != "-" and str(output_path) != "-":
        if Path(input_path).resolve() == Path(output_path).resolve():
            raise InputError(f"output path {output_path} is the input file; choose another path.")
