"""Batch annotation at corpus scale: streaming, parallel, resumable, and on a Dask cluster.

>>> from breachnlp.batch import annotate_file
>>> summary = annotate_file("crawl.jsonl.gz", "annotated.jsonl", n_process=2, resume=True)
>>> print(summary.format())

The engine reads the input record by record (:mod:`breachnlp.io`), cuts it into chunks of
``batch_size`` records, and hands each chunk to :func:`annotate_chunk` — in this process, in
a pool of ``n_process`` worker processes, or on the workers of a Dask cluster. Every worker
keeps one pipeline per language for its whole life and returns plain records (JSON-native
dicts), so nothing heavier than text and dicts crosses a process boundary. Results are
written back in input order: one output record per input record, annotated or
``{"id", "line", "error"}``.

Writing goes through a journal, ``<output>.part``: one JSON line per record, appended chunk
by chunk and fsync'ed about once a second. The output file itself only appears, complete,
when the run ends (renamed, or converted to CSV / Parquet). With ``resume=True`` a run that
was interrupted — Ctrl-C, a crash, even SIGKILL — continues: the journal is cut back to its
last complete line, and that many input records are skipped. ``<output>.part.json`` records
what the journal was made from, so a resume never mixes two inputs or two set-ups; once the
run ends, ``<output>.run.json`` keeps it, so a resume of a finished run with another input or
set-up is refused too.
"""
from __future__ import annotations

import csv
import gc
import gzip
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter, deque
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import BreachNLPError, InputError
from .io import (DEFAULT_ENCODING, FLAT_COLUMNS, INPUT_FORMATS, INTEGER_COLUMNS, FLOAT_COLUMNS, Columns, InputLine, annotated_record,
                 check_encoding, check_input, check_paths, check_record, count_records_hint, detect_input_format,
                 error_record, flat_frame, flat_record, parse_line, read_input, record_from_row, resolve_html)
from .taxonomy import LANGS

OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "tsv", "parquet", "spacy")
# Output names and their format; ``.gz`` may follow the text formats only.
OUTPUT_SUFFIXES: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
                                   ".parquet": "parquet", ".pq": "parquet", ".spacy": "spacy"}
_GZIP_FORMATS = ("jsonl", "csv", "tsv")
ENGINES: tuple[str, ...] = ("local", "dask")
FILL_FIELDS: tuple[str, ...] = ("organization", "parent_organization", "records", "date", "phi")
_COMMIT_SECONDS = 1.0
_PARQUET_ROWS = 10_000
_JOURNAL_VERSION = 1


@dataclass(frozen=True)
class BatchOptions:
    """How a worker annotates a chunk.

    lang (str | None): language of records without ``lang`` (``None``: detect per record).
    profile (str): ``"accurate"`` (full base model) or ``"fast"`` (tokenizer + our rules).
    batch_size (int): records per chunk and per ``nlp.pipe`` batch.
    docs (bool): also return the chunk's Docs as DocBin bytes.
    """

    lang: str | None = None
    profile: str = "accurate"
    batch_size: int = 32
    docs: bool = False


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk: one record per input record, in order."""

    records: list[dict[str, Any]]
    docs: bytes | None = None


# ---------------------------------------------------------------- the worker side
# One pipeline per (language, profile) per process, shared by the threads of a Dask worker:
# the lock keeps them from sharing it at the same time (spaCy's memory zones are per vocab).
_WORKER_LOCK = threading.Lock()


def annotate_chunk(lines: Sequence[InputLine], options: BatchOptions) -> ChunkResult:
    """Annotate one chunk of input records; never raises for a bad record.

    The pipelines come from :func:`breachnlp.pipeline.cached_pipeline`, so each process
    loads a model once and keeps it. Each chunk runs inside ``nlp.memory_zone()``: the
    strings its texts add to the vocabulary are freed afterwards, which keeps a worker's
    memory flat over millions of articles.
    """
    with _WORKER_LOCK:
        return _annotate(lines, options)


def _annotate(lines: Sequence[InputLine], options: BatchOptions) -> ChunkResult:
    from .api import detect_language
    from .pipeline import cached_pipeline

    records: list[dict[str, Any] | None] = [None] * len(lines)
    groups: dict[str, list[tuple[int, InputLine]]] = {}
    for i, line in enumerate(lines):
        line = resolve_html(line)
        if line.error is not None or line.record is None:
            records[i] = error_record(line)
            continue
        lang = line.record.get("lang") or options.lang or detect_language(line.record["text"])
        groups.setdefault(lang, []).append((i, line))
    docs: dict[int, Any] = {}
    with ExitStack() as zones:
        for lang, items in groups.items():
            try:
                nlp = cached_pipeline(lang, None, options.profile)
            except BreachNLPError as e:  # e.g. no model installed for this language: its records only
                for i, line in items:
                    records[i] = error_record(InputLine(line.number, line.record, str(e)))
                continue
            zones.enter_context(nlp.memory_zone())
            for (i, line), doc in zip(items, _pipe(nlp, items, options.batch_size)):
                try:
                    if isinstance(doc, Exception):
                        raise doc
                    records[i] = annotated_record(line.record, doc._.breach, lang)  # type: ignore[arg-type]
                except Exception as e:  # a component bug on one text must not stop the batch
                    records[i] = error_record(InputLine(line.number, line.record,
                                                        f"annotation failed: {type(e).__name__}: {e}"))
                    continue
                if options.docs:
                    docs[i] = doc
        payload = _docbin(records, docs) if options.docs else None  # inside the zones: Docs still valid
    return ChunkResult(records, payload)  # type: ignore[arg-type]


def _pipe(nlp: Any, items: list[tuple[int, InputLine]], batch_size: int) -> list[Any]:
    """The annotated Docs of ``items``, texts of any length (:mod:`breachnlp.chunking`); if the
    batch fails, each text alone, with the exception in the place of a text that fails."""
    from .chunking import annotate, pipe_docs

    triples = [(line.record["text"], line.record.get("published"), line.record.get("title"))  # type: ignore[index]
               for _, line in items]
    try:
        return list(pipe_docs(nlp, triples, batch_size=batch_size))
    except Exception:  # find the text that fails; the others still get annotated
        out: list[Any] = []
        for text, published, title in triples:
            try:
                out.append(annotate(nlp, text, published, title=title))
            except Exception as e:
                out.append(e)
        return out


_EMPTY_VOCAB: list[Any] = []


def _docbin(records: Sequence[dict[str, Any] | None], docs: Mapping[int, Any]) -> bytes:
    """The chunk's Docs as DocBin bytes, in input order; an error record gets an empty Doc
    whose ``user_data["breachnlp_error"]`` holds it, so Docs and input records stay aligned."""
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    if not _EMPTY_VOCAB:
        _EMPTY_VOCAB.append(Vocab())
    docbin = DocBin(store_user_data=True)
    for i, record in enumerate(records):
        doc = docs.get(i)
        if doc is None:
            doc = Doc(_EMPTY_VOCAB[0], words=[])
            doc.user_data["breachnlp_error"] = record
        docbin.add(doc)
    return docbin.to_bytes()


def chunked(lines: Iterable[InputLine], size: int) -> Iterator[list[InputLine]]:
    """``lines`` in lists of ``size`` (the last one shorter)."""
    chunk: list[InputLine] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def annotate_lines(lines: Iterable[InputLine], options: BatchOptions | None = None,
                   summary: "BatchSummary | None" = None) -> Iterator[dict[str, Any]]:
    """One output record per input line, in order, annotated in this process (no files)."""
    options = options or BatchOptions()
    for chunk in chunked(lines, options.batch_size):
        result = annotate_chunk(chunk, options)
        if summary is not None:
            summary.add(result.records)
        yield from result.records


# ---------------------------------------------------------------- summary
@dataclass
class BatchSummary:
    """What a run did: records annotated, error records, fill rate per field, speed."""

    processed: int = 0
    errors: int = 0
    resumed: int = 0
    seconds: float = 0.0
    filled: Counter = field(default_factory=Counter)
    already_complete: bool = False
    output: str | None = None
    first_error: str | None = None

    def add(self, records: Iterable[Mapping[str, Any]]) -> None:
        for record in records:
            breach = record.get("breach")
            if breach is None:
                self.errors += 1
                if self.first_error is None:
                    self.first_error = f"line {record.get('line')}: {record.get('error')}"
                continue
            self.processed += 1
            self.filled["organization"] += breach.get("organization") is not None
            self.filled["parent_organization"] += breach.get("parent_organization") is not None
            self.filled["records"] += breach.get("records") is not None
            self.filled["date"] += any((breach.get("date") or {}).values())
            self.filled["phi"] += bool(breach.get("phi"))

    @property
    def docs_per_second(self) -> float:
        return (self.processed + self.errors) / self.seconds if self.seconds else 0.0

    def fill_rate(self) -> dict[str, float]:
        """Share of annotated records with each field filled."""
        return {name: (self.filled[name] / self.processed if self.processed else 0.0) for name in FILL_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {"processed": self.processed, "errors": self.errors, "resumed": self.resumed,
                "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2),
                "fill_rate": {k: round(v, 4) for k, v in self.fill_rate().items()},
                "already_complete": self.already_complete, "output": self.output, "first_error": self.first_error}

    def format(self) -> str:
        if self.already_complete:
            return f"{self.output} is already complete; nothing to do (delete it to annotate again)"
        fills = ", ".join(f"{name} {rate:.0%}" for name, rate in self.fill_rate().items()) if self.processed else "-"
        resumed = f" (resumed after {self.resumed} already written)" if self.resumed else ""
        return (f"processed {self.processed}, errors {self.errors}{resumed}; fill rate: {fills}; "
                f"{self.docs_per_second:.1f} docs/s over {self.seconds:.1f} s")


# ---------------------------------------------------------------- sinks
def detect_output_format(path: str | Path) -> str:
    """The format of an output by its suffix (:data:`OUTPUT_SUFFIXES`; ``.gz`` after ``.jsonl``,
    ``.csv``, ``.tsv``); ``jsonl`` for ``-`` (stdout). Any other name is refused: breachnlp
    would otherwise write JSONL under a name that promises something else (``out.xlsx``)."""
    if str(path) == "-":
        return "jsonl"
    name = Path(str(path)).name.lower()
    gz = name.endswith(".gz")
    stem = name[:-3] if gz else name
    fmt = next((f for suffix, f in OUTPUT_SUFFIXES.items() if stem.endswith(suffix)), None)
    if fmt is None or (gz and fmt not in _GZIP_FORMATS):
        known = ", ".join(OUTPUT_SUFFIXES)
        raise InputError(f"cannot tell the output format from the name {Path(str(path)).name!r}: end it with one of "
                         f"{known} (.gz after .jsonl, .csv or .tsv to compress), or say the format with "
                         "--output-format.")
    return fmt


def _dumps(record: Mapping[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False) + "\n"
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in a kept field: escape it, the line stays JSON
            line = json.dumps(record) + "\n"
    return line


def _csv_cell(value: Any) -> Any:
    return "" if value is None else value


class _Sink:
    """Where results go. ``open`` returns how many records are already written (resume), or
    ``None`` when the output is already complete."""

    def open(self, *, resume: bool, fingerprint: Mapping[str, Any]) -> int | None:
        raise NotImplementedError

    def write(self, result: ChunkResult) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make what was written durable."""

    def finish(self) -> None:
        """The run succeeded: produce the output."""

    def close(self) -> None:
        """The run stopped early: keep what was written, release the files."""


class JournalSink(_Sink):
    """JSONL journal ``<output>.part``, turned into the output (JSONL, CSV/TSV, Parquet; gzip
    by the ``.gz`` suffix) at the end. Supports ``resume``.

    ``<output>.part.json`` holds the fingerprint of the run while it lasts; when it ends,
    ``<output>.run.json`` keeps it with the size and modification time of the output, so that
    ``--resume`` on a finished output can still tell whether the command changed.
    """

    def __init__(self, path: str | Path, format: str) -> None:
        self.path = Path(path)
        self.format = format
        self.part = self.path.with_name(self.path.name + ".part")
        self.meta = self.path.with_name(self.path.name + ".part.json")
        self.record = self.path.with_name(self.path.name + ".run.json")
        self.handle: IO[bytes] | None = None
        self.fingerprint: dict[str, Any] = {}
        if format == "parquet":
            _require_pyarrow()

    def open(self, *, resume: bool, fingerprint: Mapping[str, Any]) -> int | None:
        done = 0
        self.fingerprint = dict(fingerprint)
        if resume and self.part.exists():
            self._check_fingerprint(fingerprint)
            done = recover_journal(self.part)
        elif resume and self.path.exists():
            self._check_finished(fingerprint)
            return None
        else:
            _write_json_atomic(self.meta, dict(fingerprint))
            self.part.write_bytes(b"")
        self.handle = open(self.part, "ab")
        return done

    def _check_fingerprint(self, fingerprint: Mapping[str, Any]) -> None:
        try:
            saved = json.loads(self.meta.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"cannot resume: {self.meta} is missing or unreadable ({e}); delete {self.part} "
                             "to start again.") from e
        details = _changes(saved, fingerprint)
        if details:
            raise InputError(f"cannot resume {self.part}: it was written from another input or set-up ({details}). "
                             f"Run the original command again, or delete {self.part} to start over.")

    def _check_finished(self, fingerprint: Mapping[str, Any]) -> None:
        """``--resume`` on a complete output: allowed (nothing to do) only for the same command."""
        try:
            saved = json.loads(self.record.read_text(encoding="utf-8"))
            stat = self.path.stat()
        except (OSError, ValueError) as e:
            raise InputError(f"{self.path} is already complete, but {self.record}, which says how it was made, is "
                             f"missing or unreadable ({e}): cannot tell whether the command changed. Delete "
                             f"{self.path} to annotate again.") from e
        if (saved.pop("output_size", None), saved.pop("output_mtime_ns", None)) != (stat.st_size, stat.st_mtime_ns):
            raise InputError(f"{self.path} is already complete, but it changed after breachnlp wrote it: cannot "
                             f"tell how it was made. Delete {self.path} to annotate again.")
        details = _changes(saved, fingerprint)
        if details:
            raise InputError(f"{self.path} is already complete, made from another input or set-up ({details}). "
                             f"Run the original command, or delete {self.path} to annotate again.")

    def write(self, result: ChunkResult) -> None:
        self.handle.write("".join(_dumps(r) for r in result.records).encode("utf-8"))  # type: ignore[union-attr]

    def commit(self) -> None:
        if self.handle is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())

    def close(self) -> None:
        if self.handle is not None:
            self.commit()
            self.handle.close()
            self.handle = None

    def finish(self) -> None:
        self.close()
        gz = self.path.name.lower().endswith(".gz")
        if self.format == "jsonl" and not gz:
            os.replace(self.part, self.path)
        else:
            tmp = self.path.with_name(self.path.name + ".tmp")
            if self.format == "jsonl":
                _gzip_copy(self.part, tmp)
            elif self.format in ("csv", "tsv"):
                _journal_to_csv(self.part, tmp, delimiter="," if self.format == "csv" else "\t", gz=gz)
            else:
                _journal_to_parquet(self.part, tmp)
            os.replace(tmp, self.path)
            self.part.unlink()
        stat = self.path.stat()
        _write_json_atomic(self.record, {**self.fingerprint, "output_size": stat.st_size,
                                         "output_mtime_ns": stat.st_mtime_ns})
        self.meta.unlink(missing_ok=True)


class StreamSink(_Sink):
    """JSONL or CSV/TSV straight to a text stream (stdout); no resume."""

    def __init__(self, stream: IO[str], format: str) -> None:
        if format not in ("jsonl", "csv", "tsv"):
            raise InputError(f"{format} output cannot go to stdout; give a file name with -o.")
        self.stream = stream
        self.format = format
        self.writer = csv.writer(stream, delimiter="," if format == "csv" else "\t") if format != "jsonl" else None

    def open(self, *, resume: bool, fingerprint: Mapping[str, Any]) -> int | None:
        if resume:
            raise InputError("--resume needs an output file (-o PATH), not stdout.")
        if self.writer is not None:
            self.writer.writerow(FLAT_COLUMNS)
        return 0

    def write(self, result: ChunkResult) -> None:
        if self.writer is None:
            self.stream.write("".join(_dumps(r) for r in result.records))
        else:
            for record in result.records:
                row = flat_record(record)
                self.writer.writerow([_csv_cell(row[c]) for c in FLAT_COLUMNS])

    def commit(self) -> None:
        self.stream.flush()

    def finish(self) -> None:
        self.stream.flush()


class DocBinSink(_Sink):
    """spaCy Docs in one ``.spacy`` DocBin, written when the run ends. A DocBin is one
    compressed blob, so it grows in memory with the input, and it cannot be resumed."""

    def __init__(self, path: str | Path) -> None:
        from spacy.tokens import DocBin

        self.path = Path(path)
        self.docbin = DocBin(store_user_data=True)

    def open(self, *, resume: bool, fingerprint: Mapping[str, Any]) -> int | None:
        if resume:
            raise InputError("--resume is not available for .spacy output (a DocBin is written in one piece); "
                             "annotate to JSONL with --resume, or split the input.")
        return 0

    def write(self, result: ChunkResult) -> None:
        from spacy.tokens import DocBin

        if result.docs is not None:
            self.docbin.merge(DocBin(store_user_data=True).from_bytes(result.docs))

    def finish(self) -> None:
        tmp = self.path.with_name(self.path.name + ".part")
        tmp.write_bytes(self.docbin.to_bytes())
        os.replace(tmp, self.path)


def make_sink(output: str | Path, format: str) -> _Sink:
    if format not in OUTPUT_FORMATS:
        raise InputError(f"unknown output format {format!r}; expected one of {OUTPUT_FORMATS}.")
    if str(output) == "-":
        return StreamSink(sys.stdout, format)
    if format == "spacy":
        return DocBinSink(output)
    return JournalSink(output, format)


def _changes(saved: Mapping[str, Any], fingerprint: Mapping[str, Any]) -> str:
    """What differs between two run fingerprints, in words ("" when nothing does)."""
    changed = sorted(k for k in set(saved) | set(fingerprint) if saved.get(k) != fingerprint.get(k))
    return "; ".join(f"{k}: was {saved.get(k)!r}, now {fingerprint.get(k)!r}" for k in changed)


def recover_journal(path: str | Path) -> int:
    """Cut a journal back to its last complete, readable line; return how many lines it keeps.

    A process killed while writing leaves at most one torn line at the end (no newline yet);
    after a power cut the unsynced tail may also hold garbage, so trailing lines that do not
    parse as JSON are dropped too.
    """
    with open(path, "r+b") as f:
        end = _last_newline_end(f, f.seek(0, os.SEEK_END))
        while end > 0:
            start = _last_newline_end(f, end - 1)
            f.seek(start)
            try:
                json.loads(f.read(end - start))
                break
            except ValueError:
                end = start
        f.truncate(end)
        f.flush()
        os.fsync(f.fileno())
        f.seek(0)
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def _last_newline_end(f: IO[bytes], end: int) -> int:
    """The offset just after the last ``\\n`` before ``end`` (0 if none)."""
    position = end
    while position > 0:
        start = max(0, position - (1 << 16))
        f.seek(start)
        block = f.read(position - start)
        found = block.rfind(b"\n")
        if found >= 0:
            return start + found + 1
        position = start
    return 0


def _write_json_atomic(path: Path, data: Mapping[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _journal_records(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as f:
        for line in f:
            yield json.loads(line)


def _gzip_copy(source: Path, target: Path) -> None:
    with open(source, "rb") as src, gzip.open(target, "wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            dst.write(block)


def _journal_to_csv(source: Path, target: Path, *, delimiter: str, gz: bool) -> None:
    opener = gzip.open if gz else open
    with opener(target, "wt", encoding="utf-8", newline="") as f:  # type: ignore[operator]
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(FLAT_COLUMNS)
        for record in _journal_records(source):
            row = flat_record(record)
            writer.writerow([_csv_cell(row[c]) for c in FLAT_COLUMNS])


def _require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:
        raise InputError("Parquet output needs pyarrow: pip install 'breachnlp[parquet]'") from e
    return pyarrow


def parquet_schema() -> Any:
    """The Arrow schema of Parquet output: :data:`breachnlp.io.FLAT_COLUMNS`, strings and int64."""
    pa = _require_pyarrow()
    return pa.schema([(name, pa.int64() if name in INTEGER_COLUMNS else pa.float64() if name in FLOAT_COLUMNS
                       else pa.string()) for name in FLAT_COLUMNS])


def _journal_to_parquet(source: Path, target: Path) -> None:
    pa = _require_pyarrow()
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with pq.ParquetWriter(target, schema) as writer:
        rows: list[dict[str, Any]] = []
        for record in _journal_records(source):
            rows.append(flat_record(record))
            if len(rows) >= _PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows or not writer.is_open:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))


# ---------------------------------------------------------------- executors
class _Done:
    """A finished result with a future's ``result()``."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class _InlineSubmit:
    def __call__(self, fn: Callable[..., Any], *args: Any) -> _Done:
        return _Done(fn(*args))


class _PoolSubmit:
    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def __call__(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)


class _DaskSubmit:
    def __init__(self, client: Any) -> None:
        self.client = client

    def __call__(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def _executor(engine: str, n_process: int, scheduler: str | None) -> Iterator[tuple[Callable[..., Any], int]]:
    """``(submit, in_flight)``: how to run a chunk, and how many chunks may be under way at
    once (bounded, so reading never runs ahead of annotating by more than a few chunks)."""
    if engine == "dask":
        with dask_client(scheduler, n_workers=n_process) as client:
            threads = sum(client.nthreads().values()) or 1
            yield _DaskSubmit(client), 2 * threads
    elif n_process > 1:
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context(_start_method())
        pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(),))
        try:
            yield _PoolSubmit(pool), 2 * n_process
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    else:
        yield _InlineSubmit(), 1


def _worker_init(parent: int) -> None:
    """In each worker process: leave Ctrl-C to the main process (it stops the run and keeps
    the journal), and exit when the main process is gone (even killed with SIGKILL) instead of
    waiting forever for work."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_method() -> str:
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _preloaded(chunks: Iterator[list[InputLine]], options: BatchOptions) -> Iterator[list[InputLine]]:
    """``chunks``, after loading in this process the pipelines the first chunk needs: forked
    workers then start with them instead of each loading its own (a language seen later is
    loaded by each worker when it first meets it)."""
    from .api import detect_language
    from .pipeline import cached_pipeline

    first = next(chunks, None)
    if first is None:
        return
    langs = {line.record.get("lang") or options.lang or detect_language(line.record["text"])
             for line in first if line.error is None and line.record is not None and "text" in line.record}
    for lang in sorted(langs):
        cached_pipeline(lang, None, options.profile)
    gc.freeze()  # keep the collector off the inherited objects, so forked workers share their pages longer
    yield first
    yield from chunks


def _ordered(submit: Callable[..., Any], chunks: Iterable[list[InputLine]], options: BatchOptions,
             in_flight: int) -> Iterator[ChunkResult]:
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(annotate_chunk, chunk, options))
        while len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def dask_client(scheduler: str | None = None, *, n_workers: int = 1) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler`` (``tcp://host:8786``), or on a new local
    cluster of ``n_workers`` single-threaded worker processes when ``scheduler`` is None."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise InputError("the dask engine needs dask and distributed: pip install 'breachnlp[dask]'") from e
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except OSError as e:
                raise InputError(f"cannot reach the dask scheduler at {scheduler}: {e}") from e
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=n_workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=":0"))
            client = stack.enter_context(Client(cluster))
        yield client


# ---------------------------------------------------------------- progress
class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(show: bool, total: int | None, initial: int) -> Any:
    if not show:
        return _NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoProgress()
    return tqdm(total=total, initial=initial, unit="doc", dynamic_ncols=True, file=sys.stderr,
                smoothing=0.1, desc="annotate")


# ---------------------------------------------------------------- the run
def annotate_file(input: str | Path, output: str | Path, *, input_format: str | None = None,
                  output_format: str | None = None, columns: Columns | None = None, lang: str | None = None,
                  profile: str = "accurate", batch_size: int = 32, n_process: int = 1, resume: bool = False,
                  progress: bool | None = None, engine: str = "local",
                  scheduler: str | None = None, encoding: str = DEFAULT_ENCODING) -> BatchSummary:
    """Annotate every record of ``input`` into ``output``: one output record per input
    record, in input order. Returns the run's :class:`BatchSummary`.

    input: a JSONL / CSV / TSV file (gzip or not), a directory of ``.txt``/``.html``, or ``-``.
    output: ``.jsonl`` (default), ``.csv``, ``.tsv``, ``.parquet``, ``.spacy``, ``.gz`` for
        gzip, or ``-`` for stdout.
    n_process: worker processes (local engine) or local Dask workers (dask engine, no scheduler).
    resume: continue an interrupted run of the same command; refused (InputError) when the
        input or an option that changes the output differs, also once the output is complete.
    progress: show a progress bar (``None``: when stderr is a terminal).
    engine, scheduler: ``"dask"`` runs the chunks on the Dask cluster at ``scheduler``.
    encoding: of the JSONL, CSV/TSV and ``.txt`` input (HTML pages declare their own); the
        output is always UTF-8.
    """
    if batch_size < 1 or n_process < 1:
        raise InputError(f"batch_size and n_process must be at least 1, got {batch_size} and {n_process}.")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; expected one of {ENGINES}.")
    if lang is not None and lang not in LANGS:
        raise InputError(f"unsupported lang {lang!r}; expected one of {LANGS}.")
    if profile not in ("accurate", "fast"):
        raise InputError(f"unknown profile {profile!r}; expected 'accurate' or 'fast'.")
    if str(input) != "-" and not Path(input).exists():
        raise InputError(f"input {input} does not exist.")
    input_format = input_format or detect_input_format(input)
    if input_format not in INPUT_FORMATS or (input_format == "dir" and str(input) == "-"):
        raise InputError(f"input format {input_format!r} does not fit {input}; expected one of {INPUT_FORMATS}.")
    check_encoding(encoding)
    output_format = output_format or detect_output_format(output)
    check_paths(input, output)
    if str(output) != "-" and not Path(output).resolve().parent.is_dir():
        raise InputError(f"the folder of the output {output} does not exist; create it first.")
    columns = columns or Columns()
    check_input(input, input_format, columns, encoding)
    options = BatchOptions(lang=lang, profile=profile, batch_size=batch_size, docs=output_format == "spacy")
    sink = make_sink(output, output_format)
    if str(output) != "-":  # nor through the files written beside the output
        for suffix in (".part", ".part.json", ".run.json", ".tmp"):
            check_paths(input, Path(output).with_name(Path(output).name + suffix))
    summary = BatchSummary(output=str(output))
    fingerprint = _fingerprint(input, input_format, output_format, columns, options, encoding)
    forking = engine == "local" and n_process > 1 and _start_method() == "fork"
    started = time.perf_counter()
    # The executor first: a cluster that cannot be reached stops the run before any file is written.
    with _executor(engine, n_process, scheduler) as (submit, in_flight):
        done = sink.open(resume=resume, fingerprint=fingerprint)
        if done is None:
            summary.already_complete = True
            return summary
        summary.resumed = done
        show = sys.stderr.isatty() if progress is None else progress
        bar = _progress_bar(show, count_records_hint(input, input_format) if show else None, done)
        try:
            chunks = chunked(read_input(input, format=input_format, columns=columns, skip=done, encoding=encoding),
                             batch_size)
            if forking:
                chunks = _preloaded(chunks, options)
            committed = time.monotonic()
            for result in _ordered(submit, chunks, options, in_flight):
                sink.write(result)
                summary.add(result.records)
                bar.update(len(result.records))
                if time.monotonic() - committed >= _COMMIT_SECONDS:
                    sink.commit()
                    committed = time.monotonic()
            sink.finish()
        except BaseException:
            sink.close()  # what was written stays, for --resume
            raise
        finally:
            bar.close()
            summary.seconds = time.perf_counter() - started
            if forking:
                gc.unfreeze()
    return summary


def _fingerprint(input: str | Path, input_format: str, output_format: str, columns: Columns,
                 options: BatchOptions, encoding: str = DEFAULT_ENCODING) -> dict[str, Any]:
    """What an output depends on: the input (path, size, modification time) and every option
    that changes what is written."""
    from . import __version__

    info: dict[str, Any] = {"journal": _JOURNAL_VERSION, "breachnlp": __version__, "input_format": input_format,
                            "output_format": output_format, "columns": asdict(columns),
                            "lang": options.lang, "profile": options.profile, "encoding": encoding}
    if str(input) == "-":
        info["input"] = "-"
    else:
        path = Path(input).resolve()
        info["input"] = str(path)
        if path.is_file():
            stat = path.stat()
            info["input_size"] = stat.st_size
            info["input_mtime_ns"] = stat.st_mtime_ns
    return info


# ---------------------------------------------------------------- dask collections
def annotate_bag(bag: Any, *, lang: str | None = None, profile: str = "accurate", batch_size: int = 32) -> Any:
    """A ``dask.bag`` of output records (plain dicts) from a bag of input records.

    Elements are JSON lines (``str``/``bytes``, as ``dask.bag.read_text`` gives them) or
    mappings with ``text`` and optional ``id``, ``lang``, ``published``, ``title``. Each
    element gives one record, in order (blank lines are skipped, as in files); the ``line``
    of an error record counts from 1 within its partition. Each worker process loads the
    pipeline once and keeps it for every partition it gets.
    """
    options = BatchOptions(lang=lang, profile=profile, batch_size=batch_size)
    return bag.map_partitions(_annotate_partition, options)


def _annotate_partition(items: Iterable[Any], options: BatchOptions) -> list[dict[str, Any]]:
    lines = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, (str, bytes)):
            if item.strip():
                lines.append(parse_line(item, number))
        elif isinstance(item, Mapping):
            lines.append(check_record(dict(item), number))
        else:
            lines.append(InputLine(number, None, f"a record must be a JSON line or a mapping, "
                                                 f"not {type(item).__name__}"))
    return list(annotate_lines(lines, options))


def annotate_dataframe(df: Any, *, columns: Columns | None = None, lang: str | None = None,
                       profile: str = "accurate", batch_size: int = 32) -> Any:
    """A ``dask.dataframe`` with one flat row (:data:`breachnlp.io.FLAT_COLUMNS`) per row of
    ``df``, same index, same order; ``columns`` names the text and metadata columns."""
    mapping = (columns or Columns()).resolve([str(c) for c in df.columns])
    options = BatchOptions(lang=lang, profile=profile, batch_size=batch_size)
    return df.map_partitions(_annotate_frame, mapping, options, meta=flat_frame([], None))


def _annotate_frame(pdf: Any, mapping: Mapping[str, str], options: BatchOptions) -> Any:
    rows = pdf.to_dict("records")
    lines = [record_from_row(row, mapping, number) for number, row in enumerate(rows, start=1)]
    return flat_frame(annotate_lines(lines, options), pdf.index)
