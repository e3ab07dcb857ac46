"""render / explain / to_dataframe (breachnlp.display) and `breachnlp render`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import spacy

import breachnlp
from breachnlp import cli
from breachnlp.display import DATAFRAME_COLUMNS, doc_html, record_html, render_page
from breachnlp.errors import InputError
from breachnlp.io import FLAT_COLUMNS, FLAT_DTYPES
from breachnlp.schema import BreachRecord, RecordCount
from breachnlp.taxonomy import LANGS, PHI_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds" / "gold.jsonl"

ARTICLES = {
    "fr": ("La mutuelle Armorique Santé a été victime d'une intrusion informatique en février dernier.\n"
           "Les noms et les adresses e-mail de 8 300 adhérents ont été dérobés. "
           "Des RIB auraient également été consultés, mais aucun dossier médical n'a été touché.",
           "2024-05-02"),
    "en": ("Lakeshore Dental Partners disclosed on Monday that an attacker copied the files of 5,200 patients "
           "in March.\nNames and phone numbers were taken. No Social Security numbers were involved.",
           "2024-04-17"),
}

# A gold-format line written by hand: every label, deterministic, no model needed.
HAND_TEXT = "Clinique Ormeau (groupe Vesta) : 3 200 patients touchés en mai 2024.\n\nLes noms ont fuité, pas les IBAN."
HAND_LINE = {
    "id": "hand-1", "lang": "fr", "published": "2024-06-01", "text": HAND_TEXT,
    "breach": {"organization": "Clinique Ormeau", "organization_aliases": [], "parent_organization": "groupe Vesta",
               "records": {"value": 3200, "unit": "people", "qualifier": "exact"},
               "date": {"occurred": "2024-05", "discovered": None, "disclosed": None},
               "phi": {"name": "affirmed", "financial": "negated"}},
    "spans": [
        {"start": 0, "end": 15, "label": "BREACH_ORG", "text": "Clinique Ormeau", "role": "victim"},
        {"start": 33, "end": 38, "label": "RECORD_COUNT", "text": "3 200"},
        {"start": 59, "end": 67, "label": "BREACH_DATE", "text": "mai 2024", "role": "occurred"},
        {"start": 74, "end": 78, "label": "PHI", "text": "noms", "category": "name", "status": "affirmed"},
        {"start": 98, "end": 102, "label": "PHI", "text": "IBAN", "category": "financial", "status": "negated"},
    ],
}


class SpanMarkup(HTMLParser):
    """Reads displaCy span markup back: one (token text, [labels]) per highlighted token."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[tuple[str, list[str]]] = []
        self.blocks = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("style") or ""
        kind = "other"
        if tag == "div" and dict(attrs).get("class") == "spans":
            self.blocks += 1
        if tag == "span" and "display: inline-block" in style:
            kind = "token"
            self.tokens.append(("", []))
        elif tag == "span" and "z-index: 10" in style:
            kind = "label"
        self._stack.append(kind)

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not self._stack or not data.strip():
            return
        text, labels = self.tokens[-1] if self.tokens else ("", [])
        if self._stack[-1] == "token":
            self.tokens[-1] = ((text + " " + data.strip()).strip(), labels)
        elif self._stack[-1] == "label":
            labels.append(data.strip())

    def labels_of(self, text: str) -> set[str]:
        return {label for token, labels in self.tokens if token == text for label in labels}

    def all_labels(self) -> set[str]:
        return {label for _, labels in self.tokens for label in labels}


def markup(html: str) -> SpanMarkup:
    parser = SpanMarkup()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def docs(annotate):
    return {lang: annotate(lang, text, published) for lang, (text, published) in ARTICLES.items()}


@pytest.fixture(scope="module")
def seed_docs(annotate):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not beside the project")
    lines = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(line, annotate(line["lang"], line["text"], line["published"])) for line in lines]


# ----------------------------------------------------------------- render
@pytest.mark.parametrize("lang", LANGS)
def test_display_render_doc_highlights_every_evidence_span(docs, lang):
    doc = docs[lang]
    html = breachnlp.render(doc, jupyter=False)
    parsed = markup(html)
    assert doc._.breach.spans, "the test article should yield some evidence"
    for evidence in doc._.breach.spans:
        labels = parsed.labels_of(evidence.text)
        assert any(label.startswith(evidence.label) for label in labels), (evidence, labels)
    assert 'class="breachnlp-fields"' in html


def test_display_render_labels_are_readable():
    parsed = markup(breachnlp.render(HAND_LINE, jupyter=False))
    assert parsed.labels_of("Clinique Ormeau") == {"BREACH_ORG: victim"}
    assert parsed.labels_of("3 200") == {"RECORD_COUNT: 3200 people (exact)"}
    assert parsed.labels_of("mai 2024") == {"BREACH_DATE: occurred 2024-05"}
    assert parsed.labels_of("noms") == {"PHI: name (affirmed)"}
    assert parsed.labels_of("IBAN") == {"PHI: financial (negated)"}


def test_display_render_keeps_paragraphs_apart():
    parsed = markup(breachnlp.render(HAND_LINE, jupyter=False))
    assert parsed.blocks == 2  # two non-blank lines, the blank one skipped


def test_display_render_record_needs_its_text_to_show_it(docs):
    doc = docs["fr"]
    record = doc._.breach
    alone = breachnlp.render(record, jupyter=False)
    assert 'class="spans"' not in alone and 'class="breachnlp-fields"' in alone
    with_text = breachnlp.render(record, text=doc.text, jupyter=False)
    assert 'class="spans"' in with_text
    assert markup(with_text).all_labels() == markup(breachnlp.render(doc, jupyter=False)).all_labels() - {
        "BREACH_ORG: parent"}


def test_display_render_refuses_a_text_that_is_not_the_records():
    record = BreachRecord.from_dict(HAND_LINE["breach"], spans=HAND_LINE["spans"])
    with pytest.raises(InputError, match="not in this text"):
        breachnlp.render(record, text="Un tout autre article, sans rapport avec la clinique.", jupyter=False)


def test_display_render_gold_line_equals_record_with_text():
    record = BreachRecord.from_dict(HAND_LINE["breach"], spans=HAND_LINE["spans"])
    assert breachnlp.render(HAND_LINE, jupyter=False, title="t") == breachnlp.render(
        record, text=HAND_TEXT, jupyter=False, title="t")


@pytest.mark.parametrize("bad", ["just a string", 42, ("a", "b")])
def test_display_render_rejects_other_types(bad):
    with pytest.raises(InputError, match="Expected a processed spaCy Doc"):
        breachnlp.render(bad, jupyter=False)


def test_display_render_all_shows_candidates_and_needs_a_doc(docs):
    doc = docs["en"]
    every = markup(breachnlp.render(doc, spans="all", jupyter=False)).all_labels()
    chosen = markup(breachnlp.render(doc, jupyter=False)).all_labels()
    assert len(every) >= len(chosen)
    with pytest.raises(InputError, match="needs a processed Doc"):
        breachnlp.render(doc._.breach, text=doc.text, spans="all", jupyter=False)
    with pytest.raises(InputError, match="spans must be"):
        breachnlp.render(doc, spans="some", jupyter=False)  # type: ignore[arg-type]


def test_display_render_escapes_text_and_labels():
    text = "Acme <b> & Co a perdu des <x>."
    line = {"text": text, "breach": {"organization": "Acme <b> & Co", "phi": {"<x>": "affirmed"}},
            "spans": [{"start": 0, "end": 13, "label": "BREACH_ORG", "text": "Acme <b> & Co"},
                      {"start": 26, "end": 29, "label": "PHI", "text": "<x>", "category": "<x>", "status": "affirmed"}]}
    html = breachnlp.render(line, jupyter=False)
    assert "<b>" not in html and "<x>" not in html
    assert "Acme &lt;b&gt; &amp; Co" in html


def test_display_render_in_jupyter_displays_and_returns_none(monkeypatch):
    pytest.importorskip("IPython")
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    assert breachnlp.render(HAND_LINE, jupyter=True) is None
    assert shown[0].data == breachnlp.render(HAND_LINE, jupyter=False)


def test_display_render_outside_a_notebook_returns_html():
    assert isinstance(breachnlp.render(HAND_LINE), str)


def test_display_record_repr_html_is_the_fields_table(docs):
    record = docs["fr"]._.breach
    html = record._repr_html_()
    assert html == record_html(record)
    if record.organization:
        assert record.organization in html


def test_display_doc_html_declines_docs_breachnlp_did_not_process(docs):
    assert doc_html(spacy.blank("en")("Nothing to see here.")) is None
    assert 'class="spans"' in (doc_html(docs["en"]) or "")


# ----------------------------------------------------------------- pages and the CLI
def test_display_render_page_keeps_one_block_per_item():
    page = render_page([HAND_LINE, {"id": "bad-2", "line": 2, "error": "invalid JSON"}, {"text": 3}])
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<div class="breachnlp"') == 1
    assert page.count('class="breachnlp-error"') == 2
    assert "invalid JSON" in page


def test_cli_render_annotated_lines_without_a_model(tmp_path):
    source = tmp_path / "annotated.jsonl"
    source.write_text(json.dumps(HAND_LINE, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "page.html"
    assert cli.main(["render", str(source), "--annotated", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert markup(html).labels_of("3 200") == {"RECORD_COUNT: 3200 people (exact)"}
    assert html.count('class="breachnlp-error"') == 1
    assert not (tmp_path / "page.html.part").exists()


def test_cli_render_to_stdout(tmp_path, capsys):
    source = tmp_path / "annotated.jsonl"
    source.write_text(json.dumps(HAND_LINE, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["render", str(source), "--annotated", "-o", "-"]) == 0
    assert "RECORD_COUNT: 3200 people (exact)" in capsys.readouterr().out


def test_cli_render_seeds_highlights_every_field(tmp_path):
    """Rendering the seed articles through the pipeline highlights the evidence of every gold field."""
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not beside the project")
    out = tmp_path / "seeds.html"
    assert cli.main(["render", str(SEEDS), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    golds = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    blocks = html.split('<div class="breachnlp"')[1:]
    assert len(blocks) == len(golds)
    for gold, block in zip(golds, blocks):
        assert gold["id"] in block
        parsed = markup(block)
        breach = gold["breach"]
        labels = parsed.all_labels()
        assert "BREACH_ORG: victim" in parsed.labels_of(breach["organization"])
        if breach["parent_organization"]:
            assert "BREACH_ORG: parent" in parsed.labels_of(breach["parent_organization"])
        count = breach["records"]
        assert f"RECORD_COUNT: {count['value']} {count['unit']} ({count['qualifier']})" in labels
        for role, value in breach["date"].items():
            if value:
                assert f"BREACH_DATE: {role} {value}" in labels
        for category, status in breach["phi"].items():
            assert f"PHI: {category} ({status})" in labels
        assert {label.split(":")[0] for label in labels} == {"BREACH_ORG", "RECORD_COUNT", "BREACH_DATE", "PHI"}


def test_cli_render_id_keeps_only_the_named_lines(tmp_path):
    corpus = ROOT / "corpus" / "fr.jsonl"
    golds = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    out = tmp_path / "two.html"
    assert cli.main(["render", str(corpus), "--annotated", "--id", golds[4]["id"], "--id", golds[1]["id"],
                     "-o", str(out)]) == 0
    blocks = out.read_text(encoding="utf-8").split('<div class="breachnlp"')[1:]
    assert len(blocks) == 2
    for gold, block in zip((golds[1], golds[4]), blocks):  # in input order
        assert gold["id"] in block
        victim = next(s["text"] for s in gold["spans"] if s["label"] == "BREACH_ORG")
        assert "BREACH_ORG: victim" in markup(block).labels_of(victim)


def test_cli_render_unknown_id_is_an_error_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "none.html"
    assert cli.main(["render", str(ROOT / "corpus" / "fr.jsonl"), "--annotated", "--id", "fr-9999",
                     "-o", str(out)]) == 2
    assert "has the id fr-9999" in capsys.readouterr().err
    assert not out.exists()


# ----------------------------------------------------------------- explain
def test_explain_seed_cues(seed_docs):
    by_id = {line["id"]: doc for line, doc in seed_docs}
    connect = breachnlp.explain(by_id["seed-connectoncall"])
    national_id = connect.get("phi.national_id")
    assert national_id.value == "hedged"
    assert [c.kind for c in national_id.cues] == ["hedge"]
    assert national_id.cues[0].text in national_id.sentence
    records = connect.get("records")
    assert records.value == "914138 people (exact)" and records.evidence == "914 138"
    assert "unit" in {c.kind for c in records.cues}
    assert connect.get("date.occurred").cues[0].kind == "occurred"
    assert connect.get("organization").cues[0].kind in ("victim_cue", "headline")
    assert connect.get("parent_organization").evidence == "Phreesia"
    doctolib = breachnlp.explain(by_id["seed-doctolib"])
    medical = doctolib.get("phi.medical_record")
    assert medical.value == "negated"
    assert medical.cues[0].kind in ("preceding_negation", "following_negation")


@pytest.mark.parametrize("lang", LANGS)
def test_explain_rows_point_into_the_text(docs, lang):
    doc = docs[lang]
    record = doc._.breach
    explanation = breachnlp.explain(doc)
    fields = [row.field for row in explanation]
    assert fields[:6] == ["organization", "parent_organization", "records", "date.occurred", "date.discovered",
                          "date.disclosed"]
    assert fields[6:] == [f"phi.{category}" for category in record.phi]
    for row in explanation:
        if row.evidence is not None:
            assert doc.text[row.start:row.end] == row.evidence
            assert row.evidence in row.sentence
        for cue in row.cues:
            assert doc.text[cue.start:cue.end] == cue.text
        assert row.decided_by  # a cue or a note, never empty
    json.dumps(explanation.to_dicts(), ensure_ascii=False)


def test_explain_record_gives_sentences_but_no_cues(docs):
    doc = docs["fr"]
    with_text = breachnlp.explain(doc._.breach, text=doc.text)
    alone = breachnlp.explain(doc._.breach)
    for row in with_text:
        assert not row.cues
        if row.evidence is not None:
            assert row.evidence in row.sentence
    assert all(row.sentence is None for row in alone)


def test_explain_without_a_doc_says_once_that_the_cues_are_missing(docs):
    doc = docs["fr"]
    for explanation in (breachnlp.explain(doc._.breach, text=doc.text), breachnlp.explain(doc._.breach)):
        assert "Doc" in explanation.note
        assert not any("Doc" in row.note for row in explanation)
        assert str(explanation).count("explain a processed Doc") == 1
        assert explanation._repr_html_().count("explain a processed Doc") == 1
    assert breachnlp.explain(doc).note == ""
    assert "explain a processed Doc" not in str(breachnlp.explain(doc))


def test_explain_displays_as_text_and_table():
    explanation = breachnlp.explain(HAND_LINE)
    assert "records: 3200 people (exact)" in str(explanation)
    assert explanation._repr_html_().count("<tr>") == len(explanation) + 1
    assert explanation.get("phi.financial").sentence == "Les noms ont fuité, pas les IBAN."
    assert explanation.get("nothing") is None


# ----------------------------------------------------------------- to_dataframe
def _value(cell):
    """A frame cell as plain Python: missing (pd.NA) is None."""
    import pandas as pd

    return None if pd.isna(cell) else cell


def test_to_dataframe_flat_columns_one_row_per_article(docs):
    pytest.importorskip("pandas")
    records = [docs["fr"]._.breach, docs["en"]._.breach, BreachRecord()]
    frame = breachnlp.to_dataframe(records)
    assert list(frame.columns) == list(DATAFRAME_COLUMNS) == list(FLAT_COLUMNS)
    assert [c for c in frame.columns if c.startswith("phi_")] == [f"phi_{c}" for c in PHI_CATEGORIES]
    assert len(frame) == 3
    assert str(frame["records_value"].dtype) == "Int64" and str(frame["organization"].dtype) == "string"
    for i, record in enumerate(records):
        row = frame.iloc[i]
        assert _value(row["organization"]) == record.organization
        assert _value(row["parent_organization"]) == record.parent_organization
        for category in PHI_CATEGORIES:
            assert _value(row[f"phi_{category}"]) == record.phi.get(category)
        assert _value(row["records_value"]) == (record.records.value if record.records else None)


def test_to_dataframe_rows_are_the_csv_and_parquet_rows(docs, tmp_path):
    """One flat schema: to_dataframe and `breachnlp annotate -o x.csv` / `.parquet` give the same table."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "fr-1", "lang": "fr", "published": ARTICLES["fr"][1],
                                  "text": ARTICLES["fr"][0]}, ensure_ascii=False) + "\n"
                      + "not json\n", encoding="utf-8")
    for name in ("out.jsonl", "out.csv", "out.parquet"):
        assert cli.main(["annotate", str(source), "-o", str(tmp_path / name), "--quiet"]) == 0
    frame = breachnlp.to_dataframe(tmp_path / "out.jsonl")
    parquet = pd.read_parquet(tmp_path / "out.parquet", dtype_backend="numpy_nullable").astype(FLAT_DTYPES)
    csv = pd.read_csv(tmp_path / "out.csv", dtype=FLAT_DTYPES, keep_default_na=False, na_values=[""])
    pd.testing.assert_frame_equal(frame, parquet)
    pd.testing.assert_frame_equal(frame, csv)
    assert frame.loc[0, "id"] == "fr-1" and frame.loc[0, "lang"] == "fr"
    assert frame.loc[0, "organization"] == docs["fr"]._.breach.organization
    assert frame.loc[1, "error"].startswith("invalid JSON") and frame.loc[1, "line"] == 2


def test_to_dataframe_same_breach_columns_from_record_doc_and_line(docs):
    pytest.importorskip("pandas")
    doc = docs["en"]
    line = doc._.breach.to_record(id="en-1", lang="en", published=doc._.published, text=doc.text)
    frames = [breachnlp.to_dataframe([item]) for item in (doc._.breach, doc, line)]
    meta = ["id", "lang", "published", "title"]
    assert frames[0].drop(columns=meta).equals(frames[1].drop(columns=meta))
    assert frames[1].drop(columns=["id"]).equals(frames[2].drop(columns=["id"]))
    assert frames[2].loc[0, "id"] == "en-1" and frames[1].loc[0, "lang"] == "en"
    assert frames[1].loc[0, "published"] == doc._.published


def test_to_dataframe_keeps_error_lines_and_reads_a_path(tmp_path):
    pytest.importorskip("pandas")
    path = tmp_path / "annotated.jsonl"
    path.write_text(json.dumps(HAND_LINE, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "bad", "line": 2, "error": "no 'text' field"}) + "\n", encoding="utf-8")
    frame = breachnlp.to_dataframe(path).set_index("id")
    assert list(frame.index) == ["hand-1", "bad"]
    assert frame.loc["hand-1", "records_value"] == 3200 and frame.loc["hand-1", "phi_financial"] == "negated"
    assert frame.loc["bad", "error"] == "no 'text' field" and _value(frame.loc["hand-1", "error"]) is None
    assert frame.loc["bad", "line"] == 2 and _value(frame.loc["bad", "organization"]) is None


def test_to_dataframe_rejects_a_single_result_and_other_items():
    pytest.importorskip("pandas")
    with pytest.raises(InputError, match="wrap a single one"):
        breachnlp.to_dataframe(BreachRecord(records=RecordCount(5)))
    with pytest.raises(InputError, match="not int"):
        breachnlp.to_dataframe([1])


def test_to_dataframe_without_pandas_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"breachnlp\[dataframe\]"):
        breachnlp.to_dataframe([BreachRecord()])


def test_cli_render_annotates_a_text_longer_than_one_chunk(tmp_path, monkeypatch):
    # a Doc of a multi-megabyte text would take gigabytes in the NER: long texts go in chunks
    from breachnlp import chunking
    from breachnlp.chunking import CHUNK_CHARS

    chunked = []
    annotate_long = chunking._annotate_long
    monkeypatch.setattr(chunking, "_annotate_long", lambda nlp, text, *args: chunked.append(len(text))
                        or annotate_long(nlp, text, *args))

    story = ("La clinique des Tilleuls a été victime d'un piratage en mars 2024 : les noms de 12 400 "
             "patients ont été volés.\n\n")
    filler = "Le service des urgences reste ouvert pendant les travaux de rénovation du bâtiment.\n\n"
    text = story + filler * (CHUNK_CHARS // len(filler) + 50)
    assert len(text) > CHUNK_CHARS
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long-1", "lang": "fr", "published": "2024-04-02", "text": text}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "long.html"
    assert cli.main(["render", str(source), "--profile", "fast", "-o", str(out)]) == 0
    assert chunked == [len(text)]
    parsed = markup(out.read_text(encoding="utf-8"))
    assert "RECORD_COUNT: 12400 people (exact)" in parsed.all_labels()


def test_display_explain_and_render_show_the_confidence_of_each_value():
    import breachnlp

    text = "Kestrel Health said on Tuesday that hackers stole data on 48,200 patients."
    record = breachnlp.extract(text, lang="en", published="2024-05-16")
    rows = {row.field: row for row in breachnlp.explain(record, text=text)}
    assert rows["organization"].confidence == record.confidence["organization"]
    assert rows["records"].confidence == record.confidence["records"]
    assert rows["date.disclosed"].confidence == record.confidence["date"]
    assert f"(confidence {record.confidence['organization']:.2f})" in str(breachnlp.explain(record, text=text))
    assert f"confidence {record.confidence['records']:.2f}" in breachnlp.render(record, text=text, jupyter=False)


def test_explain_sentence_does_not_stop_at_an_accented_abbreviation(annotate):
    """The evidence sentence is split with the folded abbreviation list, as the rules split it:
    "févr." (folded "fevr.") ends no sentence."""
    doc = annotate("fr", "Le 3 févr. 2025, la mutuelle Horizon Santé a été piratée. Les noms de 410 adhérents ont fuité.",
                   "2025-03-01")
    row = next(row for row in breachnlp.explain(doc) if row.field == "date.occurred")
    assert row.value == "2025-02-03"
    assert row.sentence.startswith("Le 3 févr. 2025, la mutuelle")
