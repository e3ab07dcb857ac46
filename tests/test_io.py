"""Readers of breachnlp.io: JSONL, CSV/TSV, directories, gzip, malformed records, flat rows, paths."""
from __future__ import annotations

import gzip
import json

import pytest

from breachnlp.errors import InputError
from breachnlp.io import (FLAT_COLUMNS, NO_ARTICLE_TEXT, Columns, InputLine, check_paths, count_records_hint,
                          detect_input_format, flat_record, has_sentence, parse_line, read_input, resolve_html)

TEXT_FR = "La mutuelle Horizon Santé a signalé une intrusion. Les noms de 1 200 adhérents ont été copiés."
TEXT_EN = "Brightwater Dental said an attacker accessed its scheduling server in January."


def _jsonl(*records) -> bytes:
    return b"".join(r if isinstance(r, bytes) else (json.dumps(r, ensure_ascii=False) + "\n").encode()
                    for r in records)


# ----------------------------------------------------------------- JSONL
@pytest.mark.parametrize("raw,message", [
    (b'{"id": "a", "text": ', "invalid JSON"),
    (b'["a list"]', "must be a JSON object, not list"),
    (b'{"id": "a"}', "no 'text' field"),
    (b'{"id": "a", "text": null}', "no 'text' field"),
    (b'{"id": "a", "text": 42}', "'text' must be a string, not int"),
    (b'{"id": "a", "text": "caf\xe9"}', "not valid UTF-8 (byte offset 24)"),
    (b'{"id": "a", "text": "x \\udc80 y"}', "lone surrogate"),
    (b'{"id": "a", "text": "x", "lang": "de"}', "unsupported lang 'de'"),
    (b'{"id": "a", "text": "x", "published": "hier"}', "ISO date"),
], ids=["bad-json", "not-object", "no-text", "null-text", "int-text", "bad-utf8", "surrogate", "lang", "published"])
def test_io_parse_line_reports_malformed(raw, message):
    line = parse_line(raw, 7)
    assert line.number == 7
    assert line.error is not None and message in line.error


@pytest.mark.parametrize("raw,message", [
    # the object is cut short: the parser reaches the end of the line, 31 characters in
    (b'{"id": "fr-12", "text": "Fuite"\n', "invalid JSON: Expecting ',' delimiter at the end of the line (character 31)"),
    (b'{"id": "fr-12", "text": "Fuite"\r\n', "invalid JSON: Expecting ',' delimiter at the end of the line (character 31)"),
    (b'{"id": "fr-1" "text": "Fuite"}\n', "invalid JSON: Expecting ',' delimiter at character 14"),
    (b'{"id": "fr-1", "text": "Fuite",}\n', "invalid JSON: Expecting property name enclosed in double quotes at character 31"),
], ids=["cut-short", "cut-short-crlf", "missing-comma", "trailing-comma"])
def test_io_parse_line_says_where_the_json_error_is(raw, message):
    assert parse_line(raw, 3).error == message


def test_io_read_jsonl_in_another_encoding(tmp_path):
    records = [{"id": "a", "text": TEXT_FR}, {"id": "b", "text": "Données de santé exposées."}]
    for encoding in ("cp1252", "latin-1", "utf-16", "utf-8-sig"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(encoding))
        assert [line.record for line in read_input(path, encoding=encoding)] == records, encoding
    first, _ = read_input(tmp_path / "cp1252.jsonl")  # by default UTF-8, which "é" in cp1252 is not
    offset = len(b'{"id": "a", "text": "') + TEXT_FR.index("é")
    assert first.error == f"line is not valid UTF-8 (byte offset {offset})"


def test_io_read_table_and_directory_in_another_encoding(tmp_path):
    (tmp_path / "in.csv").write_bytes(f"id,text\n1,{TEXT_FR}\n".encode("cp1252"))
    (line,) = read_input(tmp_path / "in.csv", encoding="cp1252")
    assert line.record["text"] == TEXT_FR
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT_FR.encode("latin-1"))
    (line,) = read_input(folder, encoding="latin-1")
    assert line.record == {"id": "a.txt", "text": TEXT_FR}
    (line,) = read_input(folder)
    assert line.error == f"file is not valid UTF-8 (byte offset {TEXT_FR.index('é')})"


def test_io_unknown_encoding_is_refused(tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": TEXT_EN}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_input(tmp_path / "in.jsonl", encoding="klingon")


def test_io_parse_line_accepts_gold_and_minimal_records():
    assert parse_line(json.dumps({"text": TEXT_EN}).encode(), 1).error is None
    gold = {"id": "fr-9", "lang": "fr", "published": "2024-03-04", "title": "t", "text": TEXT_FR,
            "breach": {"organization": "X"}, "spans": []}
    line = parse_line(json.dumps(gold).encode(), 1)
    assert line.error is None and line.id == "fr-9"


def test_io_read_jsonl_numbers_physical_lines_and_skips_blank_ones(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": TEXT_FR}, b"\n", b"   \n", b"oops\n", {"id": "b", "text": TEXT_EN}))
    lines = list(read_input(path))
    assert [(line.number, line.id, line.error is None) for line in lines] == [(1, "a", True), (4, None, False),
                                                                              (5, "b", True)]


def test_io_read_jsonl_skip_resumes_after_records_not_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": "x"}, b"\n", {"id": "b", "text": "y"}, {"id": "c", "text": "z"}))
    assert [line.id for line in read_input(path, skip=2)] == ["c"]


def test_io_gzip_is_recognised_by_content_not_name(tmp_path):
    data = _jsonl({"id": "a", "text": TEXT_FR}, {"id": "b", "text": TEXT_EN})
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "in.jsonl").write_bytes(gzip.compress(data))  # compressed, misleading name
    for name in ("in.jsonl.gz", "in.jsonl"):
        assert [line.record for line in read_input(tmp_path / name)] == [json.loads(x) for x in data.splitlines()]


def test_io_truncated_gzip_ends_with_an_error_line(tmp_path):
    data = gzip.compress(_jsonl(*({"id": str(i), "text": TEXT_FR * 20} for i in range(200))))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    lines = list(read_input(path))
    assert lines[-1].error is not None and "truncated" in lines[-1].error
    assert all(line.error is None for line in lines[:-1]) and len(lines) > 1


# ----------------------------------------------------------------- CSV / TSV
def test_io_read_csv_maps_columns_and_keeps_extra_ones(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('url,body,date,key\n'
                    'http://a,"Premier paragraphe.\n\nSecond, avec virgule.",2024-05-02,a1\n'
                    'http://b,,2024-05-03,b2\n'
                    'http://c,Third text,,c3\n', encoding="utf-8")
    columns = Columns(text="body", id="key", published="date")
    lines = list(read_input(path, columns=columns))
    assert [line.number for line in lines] == [1, 2, 3]
    first = lines[0].record
    assert first["text"] == "Premier paragraphe.\n\nSecond, avec virgule."
    assert (first["id"], first["published"], first["url"]) == ("a1", "2024-05-02", "http://a")
    assert lines[1].error == "no text in column 'body'" and lines[1].id == "b2"
    assert lines[2].error is None and lines[2].record["published"] is None


def test_io_read_csv_short_row_and_bad_bytes_are_error_lines(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\n" b"a,first\n" b"b\n" b"c,caf\xe9\n" b"d,last\n")
    lines = list(read_input(path))
    assert [line.id for line in lines if line.error is None] == ["a", "d"]
    assert "no text" in lines[1].error and lines[1].number == 2
    assert lines[2].error == "row is not valid UTF-8" and lines[2].number == 3


def test_io_read_tsv_and_default_columns(tmp_path):
    path = tmp_path / "in.tsv"
    path.write_text("id\tlang\ttitle\ttext\nx\ten\tHeadline\t" + TEXT_EN + "\n", encoding="utf-8")
    assert detect_input_format(path) == "tsv"
    (line,) = read_input(path)
    assert line.record == {"text": TEXT_EN, "id": "x", "lang": "en", "title": "Headline"}


def test_io_missing_text_column_names_the_columns(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,contenu\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no text column 'text'.*\['id', 'contenu'\]"):
        list(read_input(path))
    with pytest.raises(InputError, match="no id column 'ident'"):
        list(read_input(path, columns=Columns(text="contenu", id="ident")))


# ----------------------------------------------------------------- directories
def test_io_read_directory_txt_sorted_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(TEXT_EN, encoding="utf-8")
    (tmp_path / "one.txt").write_text(TEXT_FR, encoding="utf-8")
    (tmp_path / "three.txt.gz").write_bytes(gzip.compress(TEXT_FR.encode()))
    (tmp_path / "latin1.txt").write_bytes("données volées à l'hôpital".encode("latin-1"))
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert detect_input_format(tmp_path) == "dir"
    lines = list(read_input(tmp_path))
    assert [line.id for line in lines] == ["b/two.txt", "latin1.txt", "one.txt", "three.txt.gz"]
    assert "not valid UTF-8" in lines[1].error
    assert lines[3].record["text"] == TEXT_FR
    assert [line.id for line in read_input(tmp_path, skip=3)] == ["three.txt.gz"]
    assert count_records_hint(tmp_path, "dir") == 4


def test_io_html_main_text_title_and_date(tmp_path):
    pytest.importorskip("trafilatura")
    body = " ".join(["La clinique des Tilleuls a découvert une fuite de données lors d'un audit interne."] * 4)
    page = (f"<html><head><title>Fuite à la clinique</title>"
            f'<meta property="article:published_time" content="2024-03-05T08:00:00+01:00"></head>'
            f"<body><nav>Accueil | Rubriques | Contact</nav><article><h1>Fuite à la clinique</h1>"
            f"<p>{body}</p><p>Près de 3 000 dossiers de patients ont été exposés.</p></article>"
            f"<footer>Mentions légales</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    lines = [resolve_html(line) for line in read_input(tmp_path)]
    empty, article = lines
    assert empty.error == NO_ARTICLE_TEXT
    assert article.error is None
    assert "3 000 dossiers" in article.record["text"] and "Mentions légales" not in article.record["text"]
    assert article.record["published"] == "2024-03-05"
    assert article.record["title"] == "Fuite à la clinique"


def test_io_html_page_without_article_text_is_an_error_record(tmp_path):
    pytest.importorskip("trafilatura")
    nav = ('<html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a> '
           '<a href="/contact">Contact</a></nav><footer>Copyright 2024 Example Corp. All rights reserved.</footer>'
           '</body></html>')
    brief = ("<html><head><title>Fuite</title></head><body><nav><a href='/'>Accueil</a></nav><article><h1>Fuite</h1>"
             "<p>La clinique du Parc a été victime d'une cyberattaque : les données de 3 200 patients ont été volées."
             "</p></article></body></html>")
    (tmp_path / "home.html").write_text(nav, encoding="utf-8")
    (tmp_path / "brief.html").write_text(brief, encoding="utf-8")
    brief_line, home_line = [resolve_html(line) for line in read_input(tmp_path)]
    assert home_line.error == NO_ARTICLE_TEXT and home_line.record == {"id": "home.html"}
    assert brief_line.error is None and "3 200 patients" in brief_line.record["text"]


@pytest.mark.parametrize("text,expected", [
    ("Home About Contact", False),
    ("Accueil | Rubriques | Contact\nNewsletter.", False),
    ("Copyright 2024 Example Corp. All rights reserved.", False),
    ("Brightwater Dental said an attacker accessed its scheduling server in January.", True),
    ("Data breach at Acme Health!", True),
    ("Fuite\nLes noms de 1 200 adhérents ont été copiés…", True),
])
def test_io_has_sentence(text, expected):
    assert has_sentence(text) is expected


# ----------------------------------------------------------------- flat rows
def test_io_flat_record_of_annotated_and_error_records():
    annotated = {"id": 3, "lang": "fr", "published": "2024-01-02", "title": None, "text": "t",
                 "breach": {"organization": "Acme", "organization_aliases": ["ACME", "Acme SA"],
                            "parent_organization": None,
                            "records": {"value": 1200, "unit": "people", "qualifier": "exact"},
                            "date": {"occurred": "2024-01", "discovered": None, "disclosed": None},
                            "phi": {"name": "affirmed", "financial": "negated"}},
                 "other_organizations": ["CNIL"], "spans": []}
    row = flat_record(annotated)
    assert list(row) == list(FLAT_COLUMNS)
    assert (row["id"], row["organization_aliases"], row["records_value"], row["date_occurred"]) == \
        ("3", "ACME | Acme SA", 1200, "2024-01")
    assert (row["phi_name"], row["phi_financial"], row["phi_email"], row["error"]) == \
        ("affirmed", "negated", None, None)
    error = flat_record({"id": None, "line": 4, "error": "invalid JSON"})
    assert (error["line"], error["error"], error["organization"]) == (4, "invalid JSON", None)


# ----------------------------------------------------------------- paths
def test_io_check_paths_refuses_the_input_itself(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(path)
    for output in (path, tmp_path / "." / "in.jsonl", link):
        with pytest.raises(InputError, match="is the input file"):
            check_paths(path, output)
    check_paths(path, tmp_path / "out.jsonl")
    check_paths("-", "-")


def test_io_check_paths_refuses_output_inside_input_directory(tmp_path):
    with pytest.raises(InputError, match="inside the input directory"):
        check_paths(tmp_path, tmp_path / "sub" / "out.jsonl")


def test_io_input_line_id_of_unreadable_line():
    assert InputLine(3, None, "bad").id is None
