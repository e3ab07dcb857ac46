"""Reading input records and writing annotated ones, one output record per input record.

Inputs: JSONL (one object per line), CSV/TSV (one article per row, columns named by
:class:`Columns`), or a directory of ``.txt`` / ``.html`` files; ``-`` is stdin. Gzip is
recognised by its magic bytes, whatever the file name. Every reader yields one
:class:`InputLine` per input record, numbered from 1 (the line of a JSONL file, the data row
of a CSV file, the position of a file in the sorted directory listing); a record that cannot
be read carries the reason in ``error`` instead of stopping the stream.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from .errors import BreachNLPError, InputError
from .schema import BreachRecord, parse_published
from .taxonomy import DATE_ROLES, LANGS, PHI_CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    import pandas

META_KEYS = ("id", "lang", "published", "title")
INPUT_FORMATS = ("jsonl", "csv", "tsv", "dir")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
_GZIP_MAGIC = b"\x1f\x8b"
_FIELD_SEPARATOR = " | "
DEFAULT_ENCODING = "utf-8"
# A sentence of article text ends with one of these, after five words or more on its line.
_SENTENCE_END = re.compile(r"[.!?…]")
_LETTERS = re.compile(r"[^\W\d_]+")

# The one flat schema of a record: one row per article for CSV/TSV, Parquet, dask dataframes and
# breachnlp.to_dataframe, all made by flat_record. The ``breach`` object flattened, lists joined
# with " | ", one column per PHI category holding its status.
CONFIDENCE_FIELDS: tuple[str, ...] = ("organization", "records", "date")
FLAT_COLUMNS: tuple[str, ...] = (
    "id", "lang", "published", "title",
    "organization", "organization_aliases", "parent_organization",
    "records_value", "records_unit", "records_qualifier",
    *(f"date_{role}" for role in DATE_ROLES),
    *(f"phi_{category}" for category in PHI_CATEGORIES),
    "other_organizations",
    *(f"confidence_{name}" for name in CONFIDENCE_FIELDS),
    "line", "error",
)
INTEGER_COLUMNS: frozenset[str] = frozenset({"records_value", "line"})
FLOAT_COLUMNS: frozenset[str] = frozenset(f"confidence_{name}" for name in CONFIDENCE_FIELDS)
#: pandas dtypes of the flat columns: nullable integers, floats and strings.
FLAT_DTYPES: dict[str, str] = {name: "Int64" if name in INTEGER_COLUMNS else "Float64" if name in FLOAT_COLUMNS
                               else "string" for name in FLAT_COLUMNS}


@dataclass
class InputLine:
    """One input record: a usable record, or the reason it is not.

    ``html`` holds the raw bytes of an HTML file whose main text is still to be extracted
    (done by :func:`resolve_html`, in the worker that annotates it).
    """

    number: int
    record: dict[str, Any] | None
    error: str | None = None
    html: bytes | None = field(default=None, repr=False)

    @property
    def id(self) -> Any:
        return (self.record or {}).get("id")


@dataclass(frozen=True)
class Columns:
    """Which CSV/TSV (or dataframe) columns hold the text and the metadata.

    ``None`` for a metadata column means: use the column of the default name when the table
    has one. A column named explicitly must exist.
    """

    text: str = "text"
    id: str | None = None
    lang: str | None = None
    published: str | None = None
    title: str | None = None

    def resolve(self, header: list[str]) -> dict[str, str]:
        """Record key -> column name, for the columns present in ``header``."""
        if self.text not in header:
            raise InputError(f"no text column {self.text!r} in the header; columns are {header}. "
                             "Name it with --text-col.")
        mapping = {"text": self.text}
        for key in META_KEYS:
            name = getattr(self, key)
            if name is not None and name not in header:
                raise InputError(f"no {key} column {name!r} in the header; columns are {header}.")
            if name is None and key in header:
                name = key
            if name is not None:
                mapping[key] = name
        return mapping


# ---------------------------------------------------------------- encodings
def check_encoding(encoding: str) -> str:
    """``encoding`` if Python knows it, else an :class:`InputError`."""
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError) as e:
        raise InputError(f"unknown encoding {encoding!r}; give a Python codec name such as utf-8, utf-8-sig, "
                         "cp1252, latin-1 or utf-16.") from e
    return encoding


def encoding_label(encoding: str) -> str:
    """How messages name ``encoding``: ``UTF-8`` for utf-8, else the name given."""
    return "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding


def _splits_on_newline_bytes(encoding: str) -> bool:
    """True when a line of ``encoding`` ends with the byte ``\n`` (utf-8, latin-1, cp1252...), so a
    file can be cut into lines before decoding; False for utf-16 / utf-32."""
    return "a\n".encode(encoding).endswith(b"a\n")


# ---------------------------------------------------------------- opening files
def open_binary(path: str | Path) -> IO[bytes]:
    """A binary stream of ``path`` (``-``: stdin), decompressed when it starts with gzip's magic bytes."""
    raw: IO[bytes] = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    if buffered.peek(2)[:2] == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    return buffered


def open_text(path: str | Path, mode: str = "r") -> IO[str]:
    """Open a UTF-8 text file, ``-`` for stdin/stdout, gzip when the name ends in ``.gz``."""
    if str(path) == "-":
        stream = sys.stdin.buffer if "r" in mode else sys.stdout.buffer
        return io.TextIOWrapper(stream, encoding="utf-8", errors="strict", newline="")
    if str(path).endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", newline="")  # type: ignore[return-value]
    return open(path, mode, encoding="utf-8", newline="")


def _strip_gz(name: str) -> str:
    return name[:-3] if name.endswith(".gz") else name


def detect_input_format(path: str | Path) -> str:
    """``dir`` for a directory, ``csv``/``tsv`` by suffix (``.gz`` ignored), else ``jsonl``."""
    if str(path) != "-" and Path(path).is_dir():
        return "dir"
    name = _strip_gz(str(path).lower())
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".tsv", ".tab")):
        return "tsv"
    return "jsonl"


# ---------------------------------------------------------------- readers
def read_input(path: str | Path, *, format: str | None = None, columns: Columns | None = None,
               skip: int = 0, encoding: str = DEFAULT_ENCODING) -> Iterator[InputLine]:
    """Every input record of ``path`` as an :class:`InputLine`, after the first ``skip`` ones.

    Skipped records are read but not parsed, so resuming a long run is quick. ``encoding`` is
    that of the JSONL, CSV/TSV and ``.txt`` files (HTML pages declare their own).
    """
    format = format or detect_input_format(path)
    check_encoding(encoding)
    if format == "jsonl":
        return read_jsonl(path, skip=skip, encoding=encoding)
    if format in ("csv", "tsv"):
        return read_table(path, delimiter="," if format == "csv" else "\t", columns=columns or Columns(),
                          skip=skip, encoding=encoding)
    if format == "dir":
        return read_directory(path, skip=skip, encoding=encoding)
    raise InputError(f"unknown input format {format!r}; expected one of {INPUT_FORMATS}.")


def read_jsonl(path: str | Path, *, skip: int = 0, encoding: str = DEFAULT_ENCODING) -> Iterator[InputLine]:
    """Input records of a JSONL file, one :class:`InputLine` per line (blank lines skipped).

    Bytes that are not valid in ``encoding``, invalid JSON, a non-object, or a missing or
    non-string ``text`` give an error line instead of stopping the stream. (In utf-16 or
    utf-32, where lines cannot be cut before decoding, bytes that do not decode end the
    stream with an error line.)
    """
    stream = open_binary(path)
    lines: Any = stream if _splits_on_newline_bytes(encoding) else io.TextIOWrapper(
        stream, encoding=encoding, errors="strict", newline="\n")  # type: ignore[arg-type]
    number = 0
    try:
        while True:
            try:
                raw = lines.readline()
            except UnicodeDecodeError as e:
                yield InputLine(number + 1, None, f"cannot read past line {number}: not valid "
                                                  f"{encoding_label(encoding)} ({e.reason})")
                return
            except (OSError, EOFError, zlib.error) as e:
                yield InputLine(number + 1, None, f"cannot read past line {number}: corrupt or truncated "
                                                  f"compressed input ({e})")
                return
            if not raw:
                return
            number += 1
            if not raw.strip():
                continue
            if skip:
                skip -= 1
                continue
            yield parse_line(raw, number, encoding=encoding)
    finally:
        if lines is not stream:
            lines.detach()
        if str(path) != "-":
            stream.close()


def parse_line(raw: bytes | str, number: int, *, encoding: str = DEFAULT_ENCODING) -> InputLine:
    """One JSONL line (bytes in ``encoding``, or text already decoded) as an :class:`InputLine`.

    The position of a JSON error is the offset of the character at fault in the line, from 0
    (the line end is not part of the line).
    """
    try:
        line = raw.decode(encoding) if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as e:
        return InputLine(number, None, f"line is not valid {encoding_label(encoding)} (byte offset {e.start})")
    line = line.rstrip("\r\n")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        where = f"the end of the line (character {e.pos})" if e.pos >= len(line) else f"character {e.pos}"
        return InputLine(number, None, f"invalid JSON: {e.msg} at {where}")
    return check_record(record, number)


def check_record(record: Any, number: int) -> InputLine:
    """An input record (a parsed JSON value) checked: an object with a string ``text``, a
    supported ``lang`` or none, an ISO ``published`` date or none."""
    if not isinstance(record, dict):
        return InputLine(number, None, f"a line must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return InputLine(number, record, "no 'text' field")
    if not isinstance(text, str):
        return InputLine(number, record, f"'text' must be a string, not {type(text).__name__}")
    for key in ("text", *META_KEYS):
        value = record.get(key)
        if isinstance(value, str) and not _is_unicode(value):
            return InputLine(number, record, f"'{key}' holds lone surrogate code points (not valid Unicode)")
    lang = record.get("lang")
    if lang is not None and lang not in LANGS:
        return InputLine(number, record, f"unsupported lang {lang!r}; expected one of {LANGS} or null")
    try:
        parse_published(record.get("published"))
    except BreachNLPError as e:
        return InputLine(number, record, str(e))
    return InputLine(number, record)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def record_from_row(row: Mapping[str, Any], mapping: Mapping[str, str], number: int) -> InputLine:
    """A table row (CSV, dataframe) as an :class:`InputLine`; ``mapping`` from :meth:`Columns.resolve`.

    Empty cells become ``None`` (an empty text cell is "no text": a table cannot tell an
    empty text from a missing one); the row's other columns are kept in the record.
    """
    record: dict[str, Any] = {}
    for key, name in mapping.items():
        value = row.get(name)
        record[key] = None if value == "" or _is_missing(value) else value
    for name, value in row.items():
        if name is not None and name not in mapping.values() and name not in record:
            record[name] = None if _is_missing(value) else value
    if record["text"] is None:
        return InputLine(number, record, f"no text in column {mapping['text']!r}")
    return check_record(record, number)


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN from pandas


def read_table(path: str | Path, *, delimiter: str = ",", columns: Columns | None = None,
               skip: int = 0, encoding: str = DEFAULT_ENCODING) -> Iterator[InputLine]:
    """Input records of a CSV/TSV file with a header row, one per data row (numbered from 1).

    A row with bytes that are not valid in ``encoding``, or too few cells to reach the text
    column, gives an error line; quoted cells may span several physical lines.
    """
    columns = columns or Columns()
    stream = open_binary(path)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
    try:
        csv.field_size_limit(2**31 - 1)
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except (csv.Error, OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
            raise InputError(f"cannot read the header of {path}: {e}") from e
        mapping = columns.resolve(header)
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                number += 1
                if skip:
                    skip -= 1
                    continue
                yield InputLine(number, None, f"malformed row: {e}")
                continue
            except UnicodeDecodeError as e:
                yield InputLine(number + 1, None, f"cannot read past row {number}: not valid "
                                                  f"{encoding_label(encoding)} ({e.reason})")
                return
            except (OSError, EOFError, zlib.error) as e:
                yield InputLine(number + 1, None, f"cannot read past row {number}: corrupt or truncated "
                                                  f"compressed input ({e})")
                return
            if not cells:
                continue  # a blank line
            number += 1
            if skip:
                skip -= 1
                continue
            try:
                "".join(cells).encode("utf-8")
            except UnicodeEncodeError:
                yield InputLine(number, None, f"row is not valid {encoding_label(encoding)}")
                continue
            row = dict(zip(header, cells))
            yield record_from_row(row, mapping, number)
    finally:
        text.detach()
        if str(path) != "-":
            stream.close()


def list_directory(path: str | Path) -> list[Path]:
    """The ``.txt`` and ``.html`` files under ``path`` (recursively, ``.gz`` allowed), sorted."""
    root = Path(path)
    suffixes = TEXT_SUFFIXES + HTML_SUFFIXES
    return sorted((p for p in root.rglob("*") if p.is_file() and _strip_gz(p.name.lower()).endswith(suffixes)),
                  key=lambda p: p.relative_to(root).as_posix())


def read_directory(path: str | Path, *, skip: int = 0, encoding: str = DEFAULT_ENCODING) -> Iterator[InputLine]:
    """One input record per ``.txt`` / ``.html`` file under ``path``, in sorted path order.

    The ``id`` is the path relative to ``path``. A text file, in ``encoding``, is the article text; an HTML
    file is read as bytes here and its main text extracted by :func:`resolve_html` (needs the
    ``html`` extra, trafilatura), with the page's date as ``published`` when it has one.
    """
    root = Path(path)
    files = list_directory(root)
    if any(_strip_gz(p.name.lower()).endswith(HTML_SUFFIXES) for p in files):
        require_trafilatura()
    for number, file in enumerate(files[skip:], start=skip + 1):
        ident = file.relative_to(root).as_posix()
        try:
            with open_binary(file) as stream:
                data = stream.read()
        except (OSError, EOFError, zlib.error) as e:
            yield InputLine(number, {"id": ident}, f"cannot read file: {e}")
            continue
        if _strip_gz(file.name.lower()).endswith(HTML_SUFFIXES):
            yield InputLine(number, {"id": ident}, html=data)
            continue
        try:
            content = data.decode(encoding)
        except UnicodeDecodeError as e:
            yield InputLine(number, {"id": ident}, f"file is not valid {encoding_label(encoding)} "
                                                   f"(byte offset {e.start})")
            continue
        yield InputLine(number, {"id": ident, "text": content})


def check_input(path: str | Path, format: str, columns: Columns | None = None,
                encoding: str = DEFAULT_ENCODING) -> None:
    """Fail early, before any output is written, on what would stop a run: a missing input, an
    HTML folder without trafilatura, a CSV/TSV file without the named columns."""
    if str(path) == "-":
        return
    if not Path(path).exists():
        raise InputError(f"input {path} does not exist.")
    if format == "dir":
        if not Path(path).is_dir():
            raise InputError(f"input {path} is not a folder.")
        if any(_strip_gz(p.name.lower()).endswith(HTML_SUFFIXES) for p in Path(path).rglob("*.htm*")):
            require_trafilatura()
    elif format in ("csv", "tsv"):
        with open_binary(path) as stream:
            text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
            try:
                header = next(csv.reader(text, delimiter="," if format == "csv" else "\t"), None)
            except (csv.Error, OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
                raise InputError(f"cannot read the header of {path}: {e}") from e
            finally:
                text.detach()
        if header is not None:
            (columns or Columns()).resolve(header)


def require_trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as e:
        raise InputError("reading .html files needs trafilatura: pip install 'breachnlp[html]'") from e
    return trafilatura


def resolve_html(line: InputLine) -> InputLine:
    """``line`` with the main text, title and date of its HTML page filled in (no-op for others)."""
    if line.html is None:
        return line
    trafilatura = require_trafilatura()
    record = dict(line.record or {})
    try:
        page = trafilatura.bare_extraction(line.html, with_metadata=True, include_comments=False,
                                           date_extraction_params={"extensive_search": False,
                                                                   "original_date": True})
    except Exception as e:  # trafilatura raises many types on broken pages
        return InputLine(line.number, record, f"cannot extract text from HTML: {type(e).__name__}: {e}")
    text = getattr(page, "text", None) if page is not None else None
    if not text or not has_sentence(text):
        return InputLine(line.number, record, NO_ARTICLE_TEXT)
    record.update(text=text, title=getattr(page, "title", None) or None,
                  published=_iso_day(getattr(page, "date", None)))
    return check_record(record, line.number)


NO_ARTICLE_TEXT = "no article text in the HTML page (its main text holds no sentence: a menu, links, an empty page)"


def has_sentence(text: str) -> bool:
    """True when ``text`` holds a sentence: five words or more ending in ``.``, ``!``, ``?`` or ``…``.

    What trafilatura keeps of a page without an article (a home page, a menu, a list of links)
    is a few words with no such sentence ("Home About Contact").
    """
    start = 0
    for end in _SENTENCE_END.finditer(text):
        line_start = text.rfind("\n", start, end.start()) + 1
        if len(_LETTERS.findall(text, max(start, line_start), end.start())) >= 5:
            return True
        start = end.end()
    return False


def _iso_day(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return parse_published(value[:10]).isoformat()  # type: ignore[union-attr]
        except BreachNLPError:
            return None
    return None


def count_records_hint(path: str | Path, format: str) -> int | None:
    """A quick estimate of the number of input records, for a progress bar's ETA: exact for a
    directory, the number of non-blank lines of an uncompressed JSONL/CSV file (minus the
    header), ``None`` when it would cost a pass over compressed data or stdin."""
    if str(path) == "-":
        return None
    if format == "dir":
        return len(list_directory(path))
    with open(path, "rb") as f:
        if f.read(2) == _GZIP_MAGIC:
            return None
        f.seek(0)
        count = 0
        last = b"\n"
        for block in iter(lambda: f.read(1 << 20), b""):
            count += block.count(b"\n") - block.count(b"\n\n")
            last = block[-1:]
        count += last != b"\n"
    return max(0, count - (format in ("csv", "tsv")))


# ---------------------------------------------------------------- output records
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
    """``{"id", "line", "error"}`` for an input record that could not be annotated."""
    return {"id": line.id, "line": line.number, "error": line.error}


def flat_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """An output record (annotated or error) as one flat row with :data:`FLAT_COLUMNS`."""
    row: dict[str, Any] = dict.fromkeys(FLAT_COLUMNS)
    row["id"] = None if record.get("id") is None else str(record["id"])
    if "error" in record:
        row["line"] = record.get("line")
        row["error"] = record.get("error")
        return row
    breach = record.get("breach") or {}
    records = breach.get("records") or {}
    dates = breach.get("date") or {}
    row.update(
        lang=record.get("lang"), published=_str_or_none(record.get("published")),
        title=_str_or_none(record.get("title")),
        organization=breach.get("organization"),
        organization_aliases=_joined(breach.get("organization_aliases")),
        parent_organization=breach.get("parent_organization"),
        records_value=records.get("value"), records_unit=records.get("unit"),
        records_qualifier=records.get("qualifier"),
        other_organizations=_joined(record.get("other_organizations")),
    )
    for role in DATE_ROLES:
        row[f"date_{role}"] = dates.get(role)
    for name, value in (record.get("confidence") or {}).items():
        if f"confidence_{name}" in row:
            row[f"confidence_{name}"] = value
    for category, status in (breach.get("phi") or {}).items():
        if f"phi_{category}" in row:
            row[f"phi_{category}"] = status
    return row


def flat_frame(records: Iterable[Mapping[str, Any]], index: Any = None) -> "pandas.DataFrame":
    """Output records (annotated or error) as a pandas DataFrame of :func:`flat_record` rows:
    columns :data:`FLAT_COLUMNS`, dtypes :data:`FLAT_DTYPES` (what a Parquet output reads back as
    with ``dtype_backend="numpy_nullable"``)."""
    import pandas as pd

    frame = pd.DataFrame([flat_record(r) for r in records], columns=list(FLAT_COLUMNS), index=index)
    return frame.astype(FLAT_DTYPES)


def _joined(values: Any) -> str | None:
    return _FIELD_SEPARATOR.join(values) if values else None


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


# ---------------------------------------------------------------- paths
def check_paths(input_path: str | Path, output_path: str | Path) -> None:
    """Refuse to write over the input (same file, through a link, or inside an input directory)."""
    if str(input_path) == "-" or str(output_path) == "-":
        return
    source, target = Path(input_path).resolve(), Path(output_path).resolve()
    same = source == target or (target.exists() and source.exists() and os.path.samefile(source, target))
    if same:
        raise InputError(f"output path {output_path} is the input file; choose another path.")
    if source.is_dir() and source in target.parents:
        raise InputError(f"output path {output_path} is inside the input directory {input_path}; "
                         "write it elsewhere so it is never read as an input.")
