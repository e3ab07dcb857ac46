"""Bad arguments get a specific breachnlp exception whose message says what was wrong and
what is accepted — raised by breachnlp itself, never a traceback from deep inside spaCy —
from extract(), pipe(), load() and make_doc(); the CLI exits with code 2 and a one-line message."""
from __future__ import annotations

import json
import subprocess
import sys
import traceback
from datetime import date, datetime
from pathlib import Path

import pytest

import breachnlp
from breachnlp import cli
from breachnlp.api import make_doc
from breachnlp.errors import BreachNLPError, DateError, EncodingError, InputError, LanguageError


def raised_by_breachnlp(error: BaseException) -> bool:
    """The innermost frame of the traceback is breachnlp code, not spaCy's."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and "/breachnlp/" in frames[-1].filename.replace("\\", "/")


def expect(exception: type[BaseException], call, *fragments: str) -> BaseException:
    with pytest.raises(exception) as info:
        call()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert raised_by_breachnlp(info.value)
    return info.value


# ------------------------------------------------------------------ text
@pytest.mark.parametrize("text,kind", [(5, "int"), (None, "NoneType"), (["Acme"], "list"), (3.5, "float"),
                                       ({"text": "Acme"}, "dict")])
def test_errors_extract_non_string_text(text, kind):
    expect(InputError, lambda: breachnlp.extract(text, lang="fr"), "text must be a str", "UTF-8 bytes", kind)


@pytest.mark.parametrize("data,byte", [(b"Acme \xff\xfe", 5), ("Clinique".encode("utf-16"), 0),
                                       ("Café".encode("latin-1"), 3)])
def test_errors_extract_bytes_that_are_not_utf8(data, byte):
    error = expect(EncodingError, lambda: breachnlp.extract(data, lang="fr"), "not valid UTF-8", f"byte {byte}",
                   "pass a str")
    assert isinstance(error, InputError) and isinstance(error.__cause__, UnicodeDecodeError)


def test_errors_extract_utf8_bytes_are_read_as_text():
    text = "La clinique des Lilas a été piratée : 914 138 patients sont concernés."
    assert breachnlp.extract(text.encode("utf-8"), lang="fr", profile="fast") == \
        breachnlp.extract(text, lang="fr", profile="fast")


def test_errors_extract_lone_surrogate():
    """A JSON "\\ud83d" escape decodes to half an emoji; spaCy failed on it with UnicodeEncodeError."""
    text = json.loads('"Acme a perdu \\ud83d 1 000 dossiers"')
    expect(EncodingError, lambda: breachnlp.extract(text, lang="fr"), "lone surrogate", "U+D83D", "index 13")


# ------------------------------------------------------------------ language, profile, model
@pytest.mark.parametrize("lang", ["de", "FR", "french", "", 5, ("fr",)])
def test_errors_extract_unknown_language(lang):
    expect(LanguageError, lambda: breachnlp.extract("Acme", lang=lang), "Unsupported language", "fr, en",
           "lang=None")


@pytest.mark.parametrize("profile", ["turbo", "FAST", None, 1])
def test_errors_extract_unknown_profile(profile):
    expect(InputError, lambda: breachnlp.extract("Acme", lang="en", profile=profile), "Unknown profile",
           "accurate, fast")


@pytest.mark.parametrize("lang", ["de", "", None])
def test_errors_load_unknown_language(lang):
    expect(LanguageError, lambda: breachnlp.load(lang), "Unsupported language", "fr, en")


def test_errors_load_unknown_profile():
    expect(InputError, lambda: breachnlp.load("fr", profile="slow"), "Unknown profile", "accurate, fast")


def test_errors_load_model_not_installed():
    expect(LanguageError, lambda: breachnlp.load("fr", model="xx_not_a_model"), "Cannot load spaCy model",
           "xx_not_a_model")


def test_errors_load_model_of_another_language():
    expect(LanguageError, lambda: breachnlp.load("en", model="fr_core_news_md"), "is for language 'fr'", "not 'en'")


@pytest.mark.parametrize("model", [5, b"fr_core_news_md", ""])
def test_errors_load_model_that_is_no_name(model):
    expect(InputError, lambda: breachnlp.load("fr", model=model), "model must be the name", "or None")


# ------------------------------------------------------------------ published
@pytest.mark.parametrize("published", ["yesterday", "2024-13-01", "2024-02-30", "17/12/2024", "2024/12/17",
                                       "12 décembre 2024", 20241217, 2024.5, ["2024-12-17"], "0001-01-01",
                                       "9999-12-31", date(1, 1, 1)])
def test_errors_extract_unparseable_published(published):
    expect(DateError, lambda: breachnlp.extract("Acme", lang="fr", published=published), "published must be",
           "YYYY-MM-DD", "datetime.date", repr(published))


@pytest.mark.parametrize("published", ["2024-12-17", "2024-12-17T08:30:00", " 2024-12-17 ", date(2024, 12, 17),
                                       datetime(2024, 12, 17, 8, 30), None, ""])
def test_errors_extract_accepts_iso_dates(published):
    result = breachnlp.extract("Acme a été piratée hier.", lang="fr", published=published, profile="fast")
    assert result.date.occurred in (None, "2024-12-16")


def test_errors_make_doc_checks_published(nlp_fr):
    expect(DateError, lambda: make_doc(nlp_fr, "Acme", "hier"), "published must be")
    expect(InputError, lambda: make_doc(nlp_fr, 42), "text must be a str")


# ------------------------------------------------------------------ pipe
@pytest.mark.parametrize("records,kind", [(5, "int"), ("one text", "str"), (b"bytes", "bytes"),
                                          ({"text": "Acme"}, "dict"), (None, "NoneType")])
def test_errors_pipe_needs_an_iterable_of_records(records, kind):
    expect(InputError, lambda: breachnlp.pipe(records), "pipe() takes an iterable", kind, "extract()")


@pytest.mark.parametrize("item,fragments", [
    (5, ("input 1", "a text or a mapping", "int")),
    ({"title": "Acme"}, ("input 1", "no 'text' key", "title")),
    ({"text": None}, ("input 1", "text must be a str")),
    ({"text": "Acme", "published": "hier"}, ("input 1", "published must be")),
    ({"text": "Acme", "lang": "it"}, ("input 1", "Unsupported language 'it'")),
    ({"text": b"\xff"}, ("input 1", "not valid UTF-8")),
])
def test_errors_pipe_names_the_bad_input(item, fragments):
    results = breachnlp.pipe(["Acme Health was hacked.", item], profile="fast")
    expect(InputError, lambda: list(results), *fragments)


@pytest.mark.parametrize("entry,fragments", [
    ("Acme Health was hacked.", ("as_tuples=True", "input 1", "(text or mapping, context) pair", "str")),
    (("Acme Health was hacked.",), ("input 1", "pair", "tuple")),
    ((5, "context"), ("input 1", "a text or a mapping", "int")),
])
def test_errors_pipe_as_tuples_needs_pairs(entry, fragments):
    results = breachnlp.pipe([("Acme Health was hacked.", 0), entry], profile="fast", as_tuples=True)
    expect(InputError, lambda: list(results), *fragments)


@pytest.mark.parametrize("kwargs,fragments", [
    ({"as_tuples": "yes"}, ("as_tuples must be True or False",)),
    ({"lang": "de"}, ("Unsupported language 'de'",)),
    ({"batch_size": 0}, ("batch_size", "at least 1", "0")),
    ({"batch_size": "32"}, ("batch_size", "integer")),
    ({"n_process": -1}, ("n_process", "at least 1")),
    ({"profile": "medium"}, ("Unknown profile",)),
])
def test_errors_pipe_checks_its_arguments_when_called(kwargs, fragments):
    expect(InputError, lambda: breachnlp.pipe(["Acme"], **kwargs), *fragments)


def test_errors_are_breachnlp_errors_and_value_errors():
    for error in (InputError, EncodingError, LanguageError, DateError):
        assert issubclass(error, BreachNLPError) and issubclass(error, ValueError)


# ------------------------------------------------------------------ command line
def _run_cli(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = cli.main(argv)
    except SystemExit as e:  # argparse
        code = e.code
    return code, capsys.readouterr().err


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a", "lang": "en", "text": "Acme Health was hacked."}) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("extra,fragment", [
    (["--lang", "de"], "invalid choice: 'de'"),
    (["--profile", "turbo"], "invalid choice: 'turbo'"),
    (["--batch-size", "0"], "at least 1"),
    (["--batch-size", "many"], "invalid int value"),
])
def test_errors_cli_bad_options_exit_2(articles, tmp_path, capsys, extra, fragment):
    code, err = _run_cli(["annotate", str(articles), "-o", str(tmp_path / "out.jsonl"), *extra], capsys)
    assert code == 2
    assert fragment in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["annotate", "{missing}", "-o", "{out}"], ["evaluate", "{missing}"],
                                  ["render", "{missing}", "-o", "{out}"]])
def test_errors_cli_missing_input_exits_2(tmp_path, capsys, argv):
    missing, out = tmp_path / "nowhere.jsonl", tmp_path / "out.jsonl"
    code, err = _run_cli([a.format(missing=missing, out=out) for a in argv], capsys)
    assert code == 2
    assert err.startswith("breachnlp") and str(missing) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_errors_cli_bad_lines_become_error_records(tmp_path, capsys):
    """Bad texts, languages and dates in the input stop nothing: one error record per bad line."""
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "ok", "lang": "en", "text": "Acme Health was hacked."}),
             json.dumps({"id": "number", "text": 5}),
             json.dumps({"id": "date", "text": "Acme", "published": "hier"}),
             json.dumps({"id": "lang", "text": "Acme", "lang": "de"}),
             '{"id": "half-emoji", "text": "Acme \\ud83d"}']
    source.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "latin1", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    code, _ = _run_cli(["annotate", str(source), "-o", str(out), "--profile", "fast", "--quiet"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("line") for r in records] == [None, 2, 3, 4, 5, 6]
    assert "breach" in records[0]
    errors = {r["line"]: r["error"] for r in records[1:]}
    assert "string" in errors[2] and "YYYY-MM-DD" in errors[3] and "'de'" in errors[4]
    assert "surrogate" in errors[5] and "UTF-8" in errors[6]


def test_errors_cli_console_script_exits_2_with_one_line(tmp_path):
    run = subprocess.run([sys.executable, "-m", "breachnlp.cli", "annotate", str(tmp_path / "none.jsonl"),
                          "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert run.stderr.strip().startswith("breachnlp: error:") and "does not exist" in run.stderr
    assert "Traceback" not in run.stderr
