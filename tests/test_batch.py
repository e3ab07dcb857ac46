"""Batch annotation (breachnlp.batch, `breachnlp annotate`): one output record per input record,
in order; malformed input; every output format; parallel workers; resume after SIGKILL; progress.

Extraction values are not asserted here (the rules change under other work): the tests compare
runs with each other (one process vs two, resumed vs uninterrupted, JSONL vs the other formats).
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from breachnlp import batch
from breachnlp.api import make_doc
from breachnlp.batch import BatchOptions, BatchSummary, annotate_chunk, annotate_file, recover_journal
from breachnlp.cli import main
from breachnlp.errors import InputError, LanguageError
from breachnlp.io import FLAT_COLUMNS, InputLine, flat_record, read_input
from breachnlp.pipeline import cached_pipeline

ROOT = Path(__file__).resolve().parents[1]
FR = [
    "La mutuelle Horizon Santé a signalé le 3 mars 2024 une intrusion dans son système informatique.",
    "Les noms, adresses et numéros de téléphone de {n} adhérents ont été copiés par les pirates.",
    "Aucune donnée bancaire n'aurait été consultée, selon la direction.",
    "La clinique des Tilleuls, à Valrac, a découvert la fuite lors d'un audit interne le {d} avril.",
    "Près de {n} dossiers de patients ont été exposés pendant deux semaines.",
]
EN = [
    "Brightwater Dental said on Tuesday that an attacker accessed its scheduling server in January.",
    "The names and dates of birth of about {n} patients may have been viewed.",
    "No payment card numbers were stored on the affected system, the company said.",
    "Hollis County Hospital discovered the intrusion on February {d} and notified regulators.",
]


def article(i: int, lang: str = "fr") -> dict:
    """A short article of our own sentences, different for every ``i``."""
    pool = FR if lang == "fr" else EN
    picked = [pool[(i + k) % len(pool)] for k in range(3)]
    text = " ".join(s.format(n=f"{1000 + 37 * i:,}".replace(",", " " if lang == "fr" else ","), d=1 + i % 27)
                    for s in picked)
    return {"id": f"{lang}-{i}", "lang": lang, "published": "2024-06-1" + str(i % 10), "text": text}


def write_jsonl(path: Path, records) -> Path:
    with open(path, "wb") as f:
        for r in records:
            f.write(r if isinstance(r, bytes) else (json.dumps(r, ensure_ascii=False) + "\n").encode())
    return path


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def fast_fr():
    """The fast French pipeline, loaded once (forked workers inherit it)."""
    return cached_pipeline("fr", None, "fast")


@pytest.fixture(scope="module")
def fast_en():
    """The fast English pipeline: the subprocess tests use English, whose spaCy tokenizer loads quicker."""
    return cached_pipeline("en", None, "fast")


# ----------------------------------------------------------------- malformed input
MALFORMED = [
    ("good-1", None),
    (b'{"id": "broken", "text": "unterminated\n', "invalid JSON"),
    (b'{"id": "no-text", "title": "only a title"}\n', "no 'text' field"),
    (b'{"id": "int-text", "text": 12}\n', "'text' must be a string, not int"),
    (b'{"id": "latin1", "text": "donn\xe9es"}\n', "not valid UTF-8"),
    (b"[1, 2]\n", "must be a JSON object"),
    ("good-2", None),
    (b'{"id": "lang", "text": "Hallo", "lang": "de"}\n', "unsupported lang"),
    (b'{"id": "date", "text": "x", "published": "03/05/2024"}\n', "ISO date"),
    ("good-3", None),
]


def test_batch_malformed_lines_become_error_records_in_place(tmp_path, fast_fr, capsys):
    records = [article(i) | {"id": item} if isinstance(item, str) else item
               for i, (item, _) in enumerate(MALFORMED)]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    assert main(["annotate", str(source), "-o", str(tmp_path / "out.jsonl"), "--profile", "fast",
                 "--batch-size", "3"]) == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    assert len(out) == len(MALFORMED)
    for number, ((item, error), record) in enumerate(zip(MALFORMED, out), start=1):
        if error is None:
            assert record["id"] == item and "breach" in record and "error" not in record
            assert record["text"] == records[number - 1]["text"]
        else:
            assert set(record) == {"id", "line", "error"}
            assert record["line"] == number and error in record["error"]
    assert out[1]["id"] is None and out[2]["id"] == "no-text"
    summary = capsys.readouterr().err
    assert re.search(r"processed 3, errors 7; fill rate: organization \d+%", summary)
    assert re.search(r"[\d.]+ docs/s", summary)


def test_batch_component_failure_is_an_error_record_not_a_crash(monkeypatch):
    @Language.component("test_batch_boom")
    def boom(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("exploded on purpose")
        return doc

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_batch_boom")
    monkeypatch.setattr("breachnlp.pipeline.cached_pipeline", lambda lang, model, profile: nlp)
    lines = [InputLine(i, {"id": str(i), "text": text, "lang": "fr"})
             for i, text in enumerate(["Un texte sans histoire.", "Ici BOOM.", "Encore un texte."], start=1)]
    result = annotate_chunk(lines, BatchOptions(profile="fast"))
    assert [r.get("error") for r in result.records] == [None, "annotation failed: RuntimeError: exploded on purpose",
                                                        None]
    assert result.records[1]["line"] == 2 and "breach" in result.records[2]


def test_batch_missing_model_fails_only_the_records_of_its_language(monkeypatch, fast_fr):
    def pipelines(lang, model, profile):
        if lang == "en":
            raise LanguageError("No en model is installed; install one of en_core_web_sm.")
        return cached_pipeline(lang, model, profile)

    monkeypatch.setattr("breachnlp.pipeline.cached_pipeline", pipelines)
    lines = [InputLine(1, article(0)), InputLine(2, article(1, "en")), InputLine(3, article(2))]
    records = annotate_chunk(lines, BatchOptions(profile="fast")).records
    assert ["breach" in r for r in records] == [True, False, True]
    assert records[1] == {"id": "en-1", "line": 2, "error": "No en model is installed; install one of en_core_web_sm."}


def test_batch_chunks_in_memory_zones_give_stable_results(fast_fr):
    texts = [article(i)["text"] for i in range(6)]
    lines = [InputLine(i, {"id": str(i), "text": t, "lang": "fr", "published": "2024-06-12"})
             for i, t in enumerate(texts, start=1)]
    options = BatchOptions(profile="fast", batch_size=4)
    first = annotate_chunk(lines, options).records
    again = annotate_chunk(lines[::-1], options).records[::-1]
    outside = [fast_fr(make_doc(fast_fr, t, "2024-06-12")) for t in texts]
    assert first == again
    assert [r["spans"] for r in first] == [[s.to_dict() for s in d._.breach.spans] for d in outside]


def test_batch_text_longer_than_max_length_is_annotated_whole(fast_fr, monkeypatch):
    monkeypatch.setattr(fast_fr, "max_length", 1500)
    text = "\n\n".join(article(i)["text"] for i in range(20))
    assert len(text) > 3 * 1500
    line = InputLine(1, {"id": "long", "text": text, "lang": "fr", "published": "2024-06-12"})
    (record,) = annotate_chunk([line], BatchOptions(profile="fast")).records
    assert "error" not in record and record["text"] == text
    assert record["spans"] and all(text[s["start"]:s["end"]] == s["text"] for s in record["spans"])
    assert max(s["end"] for s in record["spans"]) > 1500  # evidence found beyond the first chunk


# ----------------------------------------------------------------- formats
@pytest.fixture(scope="module")
def annotated(tmp_path_factory, fast_fr):
    """A small mixed input (good and bad lines) annotated to JSONL: the reference for the formats."""
    folder = tmp_path_factory.mktemp("formats")
    records = [article(i) for i in range(7)] + [b"{oops\n", {"id": "n", "text": None}] + \
              [article(i) for i in range(7, 10)]
    source = write_jsonl(folder / "in.jsonl", records)
    summary = annotate_file(source, folder / "out.jsonl", profile="fast", batch_size=4, lang="fr")
    return folder, source, read_jsonl(folder / "out.jsonl"), summary


def test_batch_summary_counts_and_fill_rates(annotated):
    *_, out, summary = annotated
    assert (summary.processed, summary.errors, len(out)) == (10, 2, 12)
    rates = summary.fill_rate()
    assert set(rates) == {"organization", "parent_organization", "records", "date", "phi"}
    has_org = sum(r["breach"]["organization"] is not None for r in out if "breach" in r)
    assert rates["organization"] == has_org / 10
    assert summary.to_dict()["docs_per_second"] > 0


@pytest.mark.parametrize("suffix,delimiter", [("csv", ","), ("tsv", "\t"), ("csv.gz", ",")])
def test_batch_csv_output_is_one_flat_row_per_record(annotated, suffix, delimiter):
    folder, source, out, _ = annotated
    target = folder / f"out.{suffix}"
    annotate_file(source, target, profile="fast", batch_size=4, lang="fr")
    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(target, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    assert rows[0] == list(FLAT_COLUMNS)
    expected = [["" if v is None else str(v) for v in flat_record(r).values()] for r in out]
    assert rows[1:] == expected


def test_batch_parquet_output_round_trips(annotated):
    pq = pytest.importorskip("pyarrow.parquet")
    folder, source, out, _ = annotated
    annotate_file(source, folder / "out.parquet", profile="fast", batch_size=4, lang="fr")
    table = pq.read_table(folder / "out.parquet")
    assert table.schema.names == list(FLAT_COLUMNS)
    assert table.to_pylist() == [flat_record(r) for r in out]


def test_batch_jsonl_gz_output_equals_plain(annotated):
    folder, source, out, _ = annotated
    annotate_file(source, folder / "out.jsonl.gz", profile="fast", batch_size=5, lang="fr")
    assert read_jsonl(folder / "out.jsonl.gz") == out


def test_batch_docbin_output_keeps_docs_aligned_with_records(annotated):
    folder, source, out, _ = annotated
    annotate_file(source, folder / "out.spacy", profile="fast", batch_size=4, lang="fr")
    docs = list(DocBin().from_disk(folder / "out.spacy").get_docs(spacy.blank("fr").vocab))
    assert len(docs) == len(out)
    for doc, record in zip(docs, out):
        if "error" in record:
            assert len(doc) == 0 and doc.user_data["breachnlp_error"] == record
        else:
            assert doc.text == record["text"]
            assert doc._.breach.to_dict() == record["breach"]
            assert [s.to_dict() for s in doc._.breach.spans] == record["spans"]


def test_batch_stdin_to_stdout(fast_fr, monkeypatch, capsys):
    data = b"".join((json.dumps(article(i)) + "\n").encode() for i in range(3)) + b"nope\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(data))))
    assert main(["annotate", "-", "-o", "-", "--profile", "fast", "--quiet"]) == 0
    captured = capsys.readouterr()
    lines = [json.loads(x) for x in captured.out.splitlines()]
    assert [r["id"] for r in lines] == ["fr-0", "fr-1", "fr-2", None]
    assert lines[3]["line"] == 4 and captured.err == ""


def test_batch_csv_and_directory_inputs(tmp_path, fast_fr):
    table = tmp_path / "in.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["ref", "body", "day", "source"])
        for i in range(3):
            writer.writerow([f"r{i}", article(i)["text"], "2024-06-13", "wire"])
        writer.writerow(["r3", "", "2024-06-13", "wire"])
    assert main(["annotate", str(table), "-o", str(tmp_path / "csv.jsonl"), "--text-col", "body", "--id-col", "ref",
                 "--published-col", "day", "--profile", "fast", "--lang", "fr", "--quiet"]) == 0
    out = read_jsonl(tmp_path / "csv.jsonl")
    assert [r["id"] for r in out] == ["r0", "r1", "r2", "r3"]
    assert out[0]["published"] == "2024-06-13" and out[0]["source"] == "wire" and out[0]["lang"] == "fr"
    assert out[3] == {"id": "r3", "line": 4, "error": "no text in column 'body'"}

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i:02d}.txt").write_text(article(i)["text"], encoding="utf-8")
    assert main(["annotate", str(folder), "-o", str(tmp_path / "dir.jsonl"), "--profile", "fast", "--quiet"]) == 0
    out = read_jsonl(tmp_path / "dir.jsonl")
    assert [(r["id"], r["lang"]) for r in out] == [("00.txt", "fr"), ("01.txt", "fr"), ("02.txt", "fr")]


def test_batch_refuses_to_overwrite_the_input(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    before = source.read_bytes()
    assert main(["annotate", str(source), "-o", str(source), "--profile", "fast"]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == before and not (tmp_path / "in.jsonl.part").exists()
    journal_named_like_input = tmp_path / "out.jsonl.part"
    journal_named_like_input.write_bytes(before)
    assert main(["annotate", str(journal_named_like_input), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert journal_named_like_input.read_bytes() == before


def test_batch_unknown_output_options_are_clear_errors(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    with pytest.raises(InputError, match="--resume needs an output file"):
        annotate_file(source, "-", resume=True, profile="fast")
    with pytest.raises(InputError, match="not available for .spacy"):
        annotate_file(source, tmp_path / "o.spacy", resume=True, profile="fast")
    with pytest.raises(InputError, match="does not exist"):
        annotate_file(tmp_path / "missing.jsonl", tmp_path / "o.jsonl")
    with pytest.raises(InputError, match="folder of the output"):
        annotate_file(source, tmp_path / "nowhere" / "o.jsonl")


def test_batch_a_wrong_set_up_fails_before_writing_anything(tmp_path, capsys):
    table = tmp_path / "in.csv"
    table.write_text("id,body\n1,Un texte.\n", encoding="utf-8")
    assert main(["annotate", str(table), "-o", str(tmp_path / "out.jsonl"), "--text-col", "texte"]) == 2
    assert "no text column 'texte'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


# ----------------------------------------------------------------- parallel
def test_batch_two_processes_give_the_same_output_as_one(tmp_path, fast_fr):
    source = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(40)] + [b"{bad\n"])
    one = annotate_file(source, tmp_path / "one.jsonl", profile="fast", batch_size=4, n_process=1)
    two = annotate_file(source, tmp_path / "two.jsonl", profile="fast", batch_size=4, n_process=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (one.processed, one.errors) == (two.processed, two.errors) == (40, 1)


def test_batch_our_components_work_in_nlp_pipe_with_two_processes(fast_fr):
    texts = [article(i)["text"] for i in range(8)]
    alone = [d._.breach.to_dict() for d in fast_fr.pipe(texts)]
    pooled = [d._.breach.to_dict() for d in fast_fr.pipe(texts, n_process=2, batch_size=2)]
    assert pooled == alone


# ----------------------------------------------------------------- resume
def _interrupt_after(records: int, monkeypatch) -> None:
    """Make the next run's reader raise KeyboardInterrupt after ``records`` records."""
    real = batch.read_input

    def reader(*args, **kwargs):
        for n, line in enumerate(real(*args, **kwargs)):
            if n == records:
                raise KeyboardInterrupt
            yield line

    monkeypatch.setattr(batch, "read_input", reader)


def test_batch_resume_cuts_a_torn_last_line_and_continues(tmp_path, fast_fr, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(30)])
    annotate_file(source, tmp_path / "ref.jsonl", profile="fast", batch_size=4)
    target = tmp_path / "out.jsonl"
    _interrupt_after(10, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        annotate_file(source, target, profile="fast", batch_size=4, resume=True)
    monkeypatch.undo()
    part = tmp_path / "out.jsonl.part"
    assert not target.exists() and len(read_jsonl(part)) == 8  # two whole chunks
    with open(part, "ab") as f:
        f.write(b'{"id": "fr-8", "lang": "fr", "text": "La mutu')  # a write cut by a kill
    summary = annotate_file(source, target, profile="fast", batch_size=4, resume=True)
    assert summary.resumed == 8 and summary.processed == 22
    assert target.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert not part.exists() and not (tmp_path / "out.jsonl.part.json").exists()
    again = annotate_file(source, target, profile="fast", batch_size=4, resume=True)
    assert again.already_complete and "already complete" in again.format()


def test_batch_resume_refuses_another_input(tmp_path, fast_fr, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(12)])
    _interrupt_after(5, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        annotate_file(source, tmp_path / "out.jsonl", profile="fast", batch_size=4, resume=True)
    monkeypatch.undo()
    with pytest.raises(InputError, match="profile: was 'fast', now 'accurate'"):
        annotate_file(source, tmp_path / "out.jsonl", profile="accurate", batch_size=4, resume=True)
    write_jsonl(source, [article(i) for i in range(13)])
    with pytest.raises(InputError, match="another input"):
        annotate_file(source, tmp_path / "out.jsonl", profile="fast", batch_size=4, resume=True)


def test_batch_recover_journal_drops_garbage_after_a_power_cut(tmp_path):
    journal = tmp_path / "j.part"
    journal.write_bytes(b'{"a": 1}\n{"a": 2}\n\x00\x00\x00\x00\n\x00\x00')
    assert recover_journal(journal) == 2
    assert journal.read_bytes() == b'{"a": 1}\n{"a": 2}\n'
    journal.write_bytes(b'{"a": 1')
    assert recover_journal(journal) == 0 and journal.read_bytes() == b""


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            children += [int(c) for c in f.read().split()]
    return children


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in f)
    except FileNotFoundError:
        return False


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "breachnlp.cli", "annotate", *args]


def test_batch_resume_after_sigkill_loses_and_repeats_nothing(tmp_path, fast_en):
    """The real thing: a subprocess killed with SIGKILL mid-run, then the same command again."""
    n = 300
    source = write_jsonl(tmp_path / "in.jsonl", [article(i, "en") for i in range(n)])
    annotate_file(source, tmp_path / "ref.jsonl", profile="fast", batch_size=8, lang="en")
    target = tmp_path / "out.jsonl"
    command = _cli(str(source), "-o", str(target), "--profile", "fast", "--lang", "en", "--batch-size", "8",
                   "--n-process", "2", "--resume", "--quiet")
    part = tmp_path / "out.jsonl.part"
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if part.exists() and part.stat().st_size > 30_000:
            break
        time.sleep(0.01)
    assert process.poll() is None, process.stderr.read().decode()
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    written = part.read_bytes()
    assert not target.exists() and 0 < written.count(b"\n") < n
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived their killed parent"
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    out = read_jsonl(target)
    assert [r["id"] for r in out] == [f"en-{i}" for i in range(n)]
    assert target.read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


# ----------------------------------------------------------------- progress
def test_batch_progress_bar_on_a_terminal_only(tmp_path, fast_fr, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(6)])
    assert main(["annotate", str(source), "-o", str(tmp_path / "a.jsonl"), "--profile", "fast"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and err.startswith("processed 6, errors 0")
    assert main(["annotate", str(source), "-o", str(tmp_path / "b.jsonl"), "--profile", "fast", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_batch_progress_bar_shows_rate_and_eta_on_a_tty(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    source = write_jsonl(tmp_path / "in.jsonl", [article(i, "en") for i in range(30)])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a size
    process = subprocess.Popen(_cli(str(source), "-o", str(tmp_path / "out.jsonl"), "--profile", "fast",
                                    "--lang", "en", "--batch-size", "4"),
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    screen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        screen += data
    os.close(master)
    assert process.wait(timeout=120) == 0
    text = screen.decode("utf-8", "replace")
    assert "30/30" in text and "doc/s" in text
    assert re.search(r"<\d\d:\d\d", text)  # the ETA, since the total is known
    assert "processed 30, errors 0" in text


# ----------------------------------------------------------------- docs
def test_batch_docs_examples_run(tmp_path, fast_fr, monkeypatch):
    """The ```python blocks of docs/batch.md (those not marked <!-- no-test -->) run."""
    page = ROOT / "docs" / "batch.md"
    blocks = re.findall(r"(<!-- no-test -->\n)?```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    runnable = [code for marker, code in blocks if not marker]
    assert runnable
    for name in ("batch.md", "performance.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", text):
            assert (ROOT / "docs" / target).exists(), f"{name}: broken link {target}"
    write_jsonl(tmp_path / "articles.jsonl", [article(i) for i in range(5)])
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "docs_batch"}
    for number, code in enumerate(runnable, start=1):
        exec(compile(code, f"batch.md (python block {number})", "exec"), namespace)  # noqa: S102


def test_batch_summary_format_of_an_empty_run():
    assert BatchSummary().format().startswith("processed 0, errors 0; fill rate: -")
    assert list(read_input("/dev/null")) == []


# ----------------------------------------------------------------- exit status, output names, encoding
def test_batch_cli_exits_1_when_every_record_failed(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [b'{"id": "a", "text": 5}\n', b'{"id": "b", "text": "x"\n'])
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(source), "-o", str(out), "--profile", "fast", "--quiet"]) == 1
    assert "every record failed (first: line 1: 'text' must be a string, not int)" in capsys.readouterr().err
    assert [r["line"] for r in read_jsonl(out)] == [1, 2]  # the error records are still written


def test_batch_cli_strict_exits_1_when_any_record_failed(tmp_path, fast_fr, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0), b'{"id": "bad", "text": 5}\n', article(1)])
    assert main(["annotate", str(source), "-o", str(tmp_path / "lax.jsonl"), "--profile", "fast", "--quiet"]) == 0
    assert main(["annotate", str(source), "-o", str(tmp_path / "strict.jsonl"), "--profile", "fast", "--quiet",
                 "--strict"]) == 1
    assert "1 of 3 records failed (first: line 2:" in capsys.readouterr().err
    assert read_jsonl(tmp_path / "strict.jsonl") == read_jsonl(tmp_path / "lax.jsonl")


@pytest.mark.parametrize("name", ["out.xlsx", "out.json", "annotated", "out.parquet.gz", "out.spacy.gz"])
def test_batch_unknown_output_suffix_is_refused_before_anything_is_written(tmp_path, capsys, name):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    assert main(["annotate", str(source), "-o", str(tmp_path / name), "--profile", "fast"]) == 2
    assert f"cannot tell the output format from the name '{name}'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_batch_output_format_option_accepts_any_name(tmp_path, fast_fr):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    annotate_file(source, tmp_path / "out.txt", output_format="jsonl", profile="fast")
    assert read_jsonl(tmp_path / "out.txt")[0]["id"] == "fr-0"


def test_batch_cli_reads_input_in_another_encoding(tmp_path, fast_fr):
    records = [article(0), article(1)]
    source = tmp_path / "in.jsonl"
    source.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("cp1252"))
    assert main(["annotate", str(source), "-o", str(tmp_path / "out.jsonl"), "--profile", "fast", "--quiet",
                 "--encoding", "cp1252"]) == 0
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["text"] for r in out] == [r["text"] for r in records] and all("breach" in r for r in out)
    assert main(["annotate", str(source), "-o", str(tmp_path / "utf8.jsonl"), "--profile", "fast", "--quiet"]) == 1
    assert all("not valid UTF-8" in r["error"] for r in read_jsonl(tmp_path / "utf8.jsonl"))


def test_batch_resume_of_a_finished_run_refuses_changed_options(tmp_path, fast_fr):
    source = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(3)])
    target = tmp_path / "out.jsonl"
    annotate_file(source, target, profile="fast", resume=True)
    assert annotate_file(source, target, profile="fast", resume=True).already_complete
    with pytest.raises(InputError, match="already complete, made from another input or set-up "
                                         r"\(profile: was 'fast', now 'accurate'\)"):
        annotate_file(source, target, profile="accurate", resume=True)
    with pytest.raises(InputError, match=r"lang: was None, now 'en'"):
        annotate_file(source, target, profile="fast", lang="en", resume=True)
    write_jsonl(source, [article(i) for i in range(4)])
    with pytest.raises(InputError, match="input_size"):
        annotate_file(source, target, profile="fast", resume=True)


def test_batch_resume_of_a_finished_output_that_changed_is_refused(tmp_path, fast_fr):
    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    target = tmp_path / "out.jsonl"
    annotate_file(source, target, profile="fast")
    with open(target, "a", encoding="utf-8") as f:
        f.write("{}\n")
    with pytest.raises(InputError, match="changed after breachnlp wrote it"):
        annotate_file(source, target, profile="fast", resume=True)
    (tmp_path / "out.jsonl.run.json").unlink()
    with pytest.raises(InputError, match="missing or unreadable"):
        annotate_file(source, target, profile="fast", resume=True)
