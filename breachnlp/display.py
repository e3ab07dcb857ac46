"""See what breachnlp found: HTML rendering, a pandas DataFrame, and per-field explanations.

Example::

    import breachnlp
    nlp = breachnlp.load("fr")
    doc = nlp.make_doc(text); doc._.published = "2024-12-17"; doc = nlp(doc)
    breachnlp.render(doc)                # in Jupyter: displayed; elsewhere: an HTML string
    breachnlp.explain(doc)               # per field: value, evidence sentence, deciding cue
    breachnlp.to_dataframe([doc._.breach, ...])   # one row per article, the flat columns of CSV/Parquet output

What ``render`` and ``explain`` accept, and where the article text comes from:

- a processed :class:`~spacy.tokens.Doc` (the spaCy way): the text, the evidence and the cues
  all come from the Doc;
- a :class:`~breachnlp.schema.BreachRecord` (what :func:`breachnlp.extract` returns) with
  ``text=`` the article it was extracted from: the record keeps its evidence offsets, not the
  text. Without ``text=`` the rendering is the table of fields and their evidence alone;
- a gold-format line (a mapping with ``text``, ``breach`` and ``spans``), as ``breachnlp
  annotate`` writes it or as the corpus stores it.

Highlighting uses displaCy's span renderer (``displacy.render(style="span")``) with readable
labels such as ``PHI: national_id (hedged)`` or ``BREACH_DATE: occurred 2024-05``. In a
notebook, a ``BreachRecord`` and a processed ``Doc`` display themselves this way.
"""
from __future__ import annotations

import html
import json
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Mapping, NamedTuple, Sequence, overload

from spacy import displacy
from spacy.tokens import Doc, Span

from .components.assemble import doc_offsets
from .errors import BreachNLPError, InputError
from .io import FLAT_COLUMNS
from .schema import BreachRecord, Evidence
from .taxonomy import DATE_ROLES, LANGS
from .text import Segment, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["render", "render_page", "to_dataframe", "explain", "Explanation", "FieldExplanation", "Cue",
           "DATAFRAME_COLUMNS"]

SpanMode = Literal["evidence", "all"]
#: The span groups the components write, by evidence label.
GROUP_OF_LABEL = {"BREACH_ORG": "breach_org", "RECORD_COUNT": "breach_records", "BREACH_DATE": "breach_dates",
                  "PHI": "breach_phi"}
#: Columns of :func:`to_dataframe`, in order: the flat schema of CSV and Parquet output.
DATAFRAME_COLUMNS: tuple[str, ...] = FLAT_COLUMNS

# Colours: organizations blue, counts amber, dates green; data by status (stolen red,
# possibly orange, spared grey). Candidates that were not chosen ("all" mode) are paler.
_COLORS = {
    "BREACH_ORG": "#7aecec", "BREACH_ORG:parent": "#b8f0f0", "BREACH_ORG:other": "#dde8e8",
    "RECORD_COUNT": "#feca74", "BREACH_DATE": "#bfe1a9",
    "PHI:affirmed": "#ff9a8a", "PHI:hedged": "#ffd966", "PHI:negated": "#c9c9c9",
}
_CANDIDATE_COLOR = "#e4e4e4"
_STATUS_ORDER = ("affirmed", "hedged", "negated")


class _Mark(NamedTuple):
    """A character span to highlight, with its readable label and colour."""

    start: int
    end: int
    label: str
    color: str


@dataclass(frozen=True)
class _Source:
    """What a renderable resolves to: the record, and the text and Doc when known."""

    record: BreachRecord
    text: str | None = None
    doc: Doc | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------- resolution
def _source(obj: Any, text: str | None = None) -> _Source:
    if isinstance(obj, Doc):
        if text is not None and text != obj.text:
            raise InputError("text= differs from the Doc's text; pass the Doc alone.")
        meta = {"id": obj.user_data.get("breachnlp_id"), "lang": obj.lang_, "published": obj._.published}
        return _Source(_on_doc(obj._.breach, obj._.body_start or 0), obj.text, obj, meta)
    if isinstance(obj, BreachRecord):
        if text is not None:
            if not isinstance(text, str):
                raise InputError(f"text must be a str, not {type(text).__name__}.")
            _check_offsets(obj, text)
        return _Source(obj, text)
    if isinstance(obj, Mapping):
        if obj.get("error") is not None and obj.get("breach") is None:
            where = " ".join(str(bit) for bit in (f"line {obj.get('line')}", obj.get("id")) if bit and bit != "line None")
            raise InputError(f"{where or 'this record'}: {obj['error']}")
        line_text = obj.get("text") if text is None else text
        if line_text is not None and not isinstance(line_text, str):
            raise InputError(f"'text' must be a string, not {type(line_text).__name__}.")
        record = BreachRecord.from_dict(obj.get("breach"), other_organizations=obj.get("other_organizations"),
                                        spans=obj.get("spans"), organizations=obj.get("organizations"),
                                        confidence={k: v for k, v in (obj.get("confidence") or {}).items()
                                                    if v is not None})
        if line_text is not None:
            _check_offsets(record, line_text)
        meta = {key: obj.get(key) for key in ("id", "lang", "published", "title") if obj.get(key) is not None}
        return _Source(record, line_text, None, meta)
    raise InputError(f"Expected a processed spaCy Doc, a BreachRecord (with text=...) or a gold-format "
                     f"record (a mapping with 'text', 'breach', 'spans'), not {type(obj).__name__}.")


def _on_doc(record: BreachRecord, body_start: int) -> BreachRecord:
    """``record`` with its evidence at Doc offsets (a Doc read with a title holds it before the text)."""
    if not body_start:
        return record
    spans = []
    for item in record.spans:
        start, end = doc_offsets(item, body_start)
        attrs = {k: v for k, v in item.attrs.items() if k != "source"}
        spans.append(Evidence(start, end, item.label, item.text, attrs))
    return replace(record, spans=tuple(spans))


def _in_text(record: BreachRecord) -> BreachRecord:
    """``record`` without the evidence found in its title (its offsets are not into the text)."""
    if not any(e.attrs.get("source") == "title" for e in record.spans):
        return record
    return replace(record, spans=tuple(e for e in record.spans if e.attrs.get("source") != "title"))


def _check_offsets(record: BreachRecord, text: str) -> None:
    for evidence in _in_text(record).spans:
        if evidence.end > len(text) or (evidence.text and text[evidence.start:evidence.end] != evidence.text):
            raise InputError(f"Evidence {evidence.text!r} at {evidence.start}:{evidence.end} is not in this text; "
                             "pass the text the record was extracted from.")


# ----------------------------------------------------------------- labels
def _evidence_label(evidence: Evidence, record: BreachRecord) -> tuple[str, str]:
    """The readable label and colour of one evidence span."""
    attrs = evidence.attrs
    if evidence.label == "BREACH_ORG":
        role = str(attrs.get("role") or "victim")
        return f"BREACH_ORG: {role}", _COLORS.get(f"BREACH_ORG:{role}", _COLORS["BREACH_ORG"])
    if evidence.label == "RECORD_COUNT":
        if record.records is not None:
            count = record.records
            return f"RECORD_COUNT: {count.value} {count.unit} ({count.qualifier})", _COLORS["RECORD_COUNT"]
        return "RECORD_COUNT", _COLORS["RECORD_COUNT"]
    if evidence.label == "BREACH_DATE":
        date_role = attrs.get("role")
        value = getattr(record.date, date_role) if date_role in DATE_ROLES else None
        label = " ".join(str(bit) for bit in ("BREACH_DATE:", date_role, value) if bit) if date_role else "BREACH_DATE"
        return label, _COLORS["BREACH_DATE"]
    if evidence.label == "PHI":
        category, status = attrs.get("category"), attrs.get("status")
        if category and status:
            return f"PHI: {category} ({status})", _COLORS.get(f"PHI:{status}", _CANDIDATE_COLOR)
        return "PHI", _COLORS["PHI:affirmed"]
    return evidence.label, _CANDIDATE_COLOR


def _group(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


def _parent_spans(source: _Source) -> list[Span]:
    """Mentions of the parent organization (the assembler keeps no evidence for it)."""
    parent = source.record.parent_organization
    if source.doc is None or parent is None:
        return []
    return [s for s in _group(source.doc, "breach_org") if s._.org_role == "parent" and s._.org_name == parent]


def _marks(source: _Source, spans: SpanMode) -> list[_Mark]:
    if spans == "all":
        if source.doc is None:
            raise InputError('spans="all" shows every candidate of the components and needs a processed Doc.')
        return _candidate_marks(source.doc)
    if spans != "evidence":
        raise InputError(f'spans must be "evidence" or "all", not {spans!r}.')
    marks = [_Mark(e.start, e.end, *_evidence_label(e, source.record)) for e in _in_text(source.record).spans]
    marks += [_Mark(s.start_char, s.end_char, "BREACH_ORG: parent", _COLORS["BREACH_ORG:parent"])
              for s in _parent_spans(source)]
    return sorted(set(marks))


def _candidate_marks(doc: Doc) -> list[_Mark]:
    """Every span of the four component groups, labelled with its attributes."""
    marks: list[_Mark] = []
    for span in _group(doc, "breach_org"):
        role = span._.org_role or "other"
        marks.append(_Mark(span.start_char, span.end_char, f"BREACH_ORG: {role}",
                           _COLORS.get(f"BREACH_ORG:{role}", _COLORS["BREACH_ORG:other"])))
    for span in _group(doc, "breach_records"):
        value = span._.records_value if span._.records_value is not None else "vague"
        label = f"RECORD_COUNT: {value} {span._.records_unit or 'no unit'} ({span._.records_qualifier or 'exact'})"
        marks.append(_Mark(span.start_char, span.end_char, label, _COLORS["RECORD_COUNT"]))
    for span in _group(doc, "breach_dates"):
        label = f"BREACH_DATE: {span._.date_role or 'no role'} {span._.date_norm or 'unresolved'}"
        marks.append(_Mark(span.start_char, span.end_char, label,
                           _COLORS["BREACH_DATE"] if span._.date_role else _CANDIDATE_COLOR))
    for span in _group(doc, "breach_phi"):
        context = "" if span._.phi_context == "exposure" else f", {span._.phi_context}"
        label = f"PHI: {span._.phi_category} ({span._.phi_status}{context})"
        color = _COLORS.get(f"PHI:{span._.phi_status}", _CANDIDATE_COLOR) if not context else _CANDIDATE_COLOR
        marks.append(_Mark(span.start_char, span.end_char, label, color))
    return sorted(set(marks))


# ----------------------------------------------------------------- HTML pieces
def highlight(text: str, marks: Sequence[_Mark], *, lang: str | None = None) -> str:
    """``text`` as displaCy span markup, one block per line, ``marks`` underlined and labelled."""
    parsed: list[dict[str, Any]] = []
    colors: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        if not text[start:end].strip():
            continue
        inside = [m for m in marks if m.start < end and start < m.end]
        bounds = sorted({start, end} | {min(max(b, start), end) for m in inside for b in (m.start, m.end)})
        tokens: list[str] = []
        token_at: dict[int, int] = {}
        for left, right in zip(bounds, bounds[1:]):
            piece = text[left:right].strip()
            token_at[left] = len(tokens)
            if piece:
                tokens.append(piece)
        token_at[end] = len(tokens)
        spans = []
        for mark in inside:
            first, last = token_at[max(mark.start, start)], token_at[min(mark.end, end)]
            if last > first:
                label = html.escape(mark.label)
                spans.append({"start_token": first, "end_token": last, "label": label})
                colors[label] = mark.color
        parsed.append({"text": text[start:end], "tokens": tokens, "spans": spans,
                       "settings": {"lang": lang or "xx", "direction": "ltr"}})
    if not parsed:
        return ""
    markup = displacy.render(parsed, style="span", manual=True, jupyter=False,
                             options={"colors": colors, "top_offset": 36})
    return str(markup)


def _evidence_cell(record: BreachRecord, label: str, **attrs: Any) -> str:
    texts: list[str] = []
    for evidence in record.spans:
        if evidence.label == label and all(evidence.attrs.get(k) == v for k, v in attrs.items()):
            if evidence.text not in texts:
                texts.append(evidence.text)
    shown = " · ".join(f"«{html.escape(t)}»" for t in texts[:3])
    return shown + (f" (+{len(texts) - 3})" if len(texts) > 3 else "")


def fields_table(record: BreachRecord, *, parent_evidence: str = "") -> str:
    """The compact HTML table of a record's fields, each with the text of its evidence."""
    rows: list[tuple[str, str, str]] = []
    organization = html.escape(record.organization) if record.organization else ""
    if record.organization_aliases:
        organization += f" <small>(also {html.escape(', '.join(record.organization_aliases))})</small>"
    if record.confidence.get("organization") is not None:
        organization += f' <small style="color:#777">(confidence {record.confidence["organization"]:.2f})</small>'
    rows.append(("organization", organization, _evidence_cell(record, "BREACH_ORG", role="victim")))
    rows.append(("parent", html.escape(record.parent_organization or ""), parent_evidence))
    count = record.records
    count_cell = f"{count.value:,} {count.unit} ({count.qualifier})" if count else ""
    if record.confidence.get("records") is not None:
        count_cell += f' <small style="color:#777">(confidence {record.confidence["records"]:.2f})</small>'
    rows.append(("records", count_cell, _evidence_cell(record, "RECORD_COUNT")))
    for role in DATE_ROLES:
        rows.append((f"date {role}", html.escape(getattr(record.date, role) or ""),
                     _evidence_cell(record, "BREACH_DATE", role=role)))
    for status in _STATUS_ORDER:
        categories = [c for c, s in record.phi.items() if s == status]
        if categories:
            badges = " ".join(f'<span style="background:{_COLORS["PHI:" + status]};padding:0 4px;'
                              f'border-radius:3px">{html.escape(c)}</span>' for c in categories)
            evidence = " · ".join(_evidence_cell(record, "PHI", category=c, status=status) for c in categories[:3])
            rows.append((f"data {status}", badges, evidence + (" …" if len(categories) > 3 else "")))
    if not record.phi:
        rows.append(("data", "", ""))
    body = "".join(f'<tr><th style="text-align:left;padding-right:1em">{name}</th>'
                   f'<td style="text-align:left">{value or "<i>none</i>"}</td>'
                   f'<td style="text-align:left;color:#555">{evidence}</td></tr>'
                   for name, value, evidence in rows)
    return (f'<table class="breachnlp-fields" style="border-collapse:collapse;font-size:0.9em">'
            f'<tr><th style="text-align:left">field</th><th style="text-align:left">value</th>'
            f'<th style="text-align:left">evidence</th></tr>{body}</table>')


def _source_html(source: _Source, *, spans: SpanMode = "evidence", title: str | None = None) -> str:
    parents = _parent_spans(source)
    parent_evidence = " · ".join(dict.fromkeys(f"«{html.escape(s.text)}»" for s in parents))
    parts = ['<div class="breachnlp" style="margin-bottom:2em">']
    if title:
        parts.append(f'<h3 style="margin:0.3em 0">{html.escape(title)}</h3>')
    parts.append(fields_table(source.record, parent_evidence=parent_evidence))
    if source.text is not None:
        lang = source.meta.get("lang")
        parts.append(highlight(source.text, _marks(source, spans), lang=lang if lang in LANGS else None))
    elif spans == "all":
        raise InputError('spans="all" shows every candidate of the components and needs a processed Doc.')
    parts.append("</div>")
    return "\n".join(parts)


def _title(meta: Mapping[str, Any]) -> str | None:
    bits = [str(meta[k]) for k in ("id", "lang", "published") if meta.get(k)]
    return " · ".join(bits) or None


# ----------------------------------------------------------------- render
@overload
def render(obj: Doc | BreachRecord | Mapping[str, Any], *, text: str | None = ..., jupyter: Literal[False],
           spans: SpanMode = ..., title: str | None = ...) -> str: ...
@overload
def render(obj: Doc | BreachRecord | Mapping[str, Any], *, text: str | None = ..., jupyter: bool | None = ...,
           spans: SpanMode = ..., title: str | None = ...) -> str | None: ...
def render(obj: Doc | BreachRecord | Mapping[str, Any], *, text: str | None = None, jupyter: bool | None = None,
           spans: SpanMode = "evidence", title: str | None = None) -> str | None:
    """HTML view of a result: a table of the fields, then the text with the evidence highlighted.

    obj (Doc | BreachRecord | Mapping): a Doc processed by a breachnlp pipeline; a
        :class:`BreachRecord` (pass ``text=`` the article it came from to see the text); or a
        gold-format line with ``text``, ``breach`` and ``spans``.
    text (str | None): the article text, for a ``BreachRecord``.
    jupyter (bool | None): display in the notebook and return ``None``; ``None`` detects a
        notebook, as ``displacy.render`` does. ``False`` always returns the HTML string.
    spans (str): ``"evidence"`` (the spans behind the chosen values) or ``"all"`` (every
        candidate the components found, Doc only).
    title (str | None): a heading; default: the line's id, language and publication date.
    RETURNS (str | None): the HTML markup, or ``None`` when it was displayed in a notebook.
    """
    source = _source(obj, text)
    markup = _source_html(source, spans=spans, title=title if title is not None else _title(source.meta))
    if jupyter is None:
        jupyter = _in_notebook()
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(markup))
        return None
    return markup


def render_page(items: Iterable[Doc | BreachRecord | Mapping[str, Any]], *, title: str = "breachnlp",
                spans: SpanMode = "evidence") -> str:
    """A standalone HTML page rendering every item (see :func:`render`), in order.

    An item that cannot be rendered (an error line of ``breachnlp annotate``, a record whose
    offsets do not fit its text) becomes a visible error block; the page always has one block
    per item.
    """
    blocks = []
    for number, item in enumerate(items, start=1):
        try:
            source = _source(item)
            blocks.append(_source_html(source, spans=spans if source.doc is not None else "evidence",
                                       title=_title(source.meta) or f"#{number}"))
        except BreachNLPError as e:
            name = item.get("id") if isinstance(item, Mapping) else None
            blocks.append(f'<div class="breachnlp-error" style="color:#a00;margin-bottom:2em"><h3>'
                          f'{html.escape(str(name or f"#{number}"))}</h3><p>{html.escape(str(e))}</p></div>')
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>\n'
            f'<body style="font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Helvetica,Arial,sans-serif;'
            f'padding:2rem;max-width:60rem">\n<h1>{html.escape(title)}</h1>\n' + "\n".join(blocks) + "\n</body></html>\n")


def render_file(input_path: str | Path, output_path: str | Path, *, annotated: bool = False,
                lang: str | None = None, profile: str = "accurate", title: str | None = None,
                ids: Sequence[str] | None = None) -> tuple[int, int]:
    """Write an HTML page (:func:`render_page`) of every line of a JSONL file; what
    ``breachnlp render`` runs.

    Without ``annotated`` each line (``{"id", "text", "lang"?, "published"?}`` or gold format)
    is run through the pipeline and its Doc rendered. A line that cannot be read or processed
    becomes an error block: one block per line, in order.

    input_path (str | Path): a JSONL file, ``-`` for stdin.
    output_path (str | Path): the HTML file, ``-`` for stdout.
    annotated (bool): render each line's own ``breach`` and ``spans`` (``breachnlp annotate``
        output, or a gold file with spans) instead of running the pipeline.
    lang (str | None), profile (str): as for ``breachnlp annotate``.
    ids (Sequence[str] | None): render only the lines with these ids, in input order; an id
        that no line has raises an :class:`~breachnlp.errors.InputError` before anything is
        written.
    RETURNS (tuple[int, int]): the number of lines rendered and of error blocks.
    """
    from .api import _check_lang, _check_text, detect_language
    from .chunking import annotate as annotate_text
    from .io import check_paths, read_input
    from .pipeline import cached_pipeline

    check_paths(input_path, output_path)
    wanted = None if ids is None else {str(i) for i in ids}
    found: set[str] = set()
    items: list[Doc | Mapping[str, Any]] = []
    for line in read_input(input_path):
        record = line.record
        if wanted is not None:
            if line.id is None or str(line.id) not in wanted:
                continue
            found.add(str(line.id))
        if line.error is not None or record is None:
            items.append({"id": line.id, "line": line.number, "error": line.error})
            continue
        if annotated:
            items.append(record)
            continue
        try:
            line_lang = _check_lang(record.get("lang") or lang or detect_language(record["text"]))
            nlp = cached_pipeline(line_lang, None, profile)
            # a text longer than the models take is annotated in chunks, as by `breachnlp annotate`
            doc = annotate_text(nlp, _check_text(record["text"]), record.get("published"))
            doc.user_data["breachnlp_id"] = record.get("id")
            items.append(doc)
        except Exception as e:  # noqa: BLE001 - one bad article never stops the page
            items.append({"id": line.id, "line": line.number, "error": f"{type(e).__name__}: {e}"})
    if wanted is not None and wanted - found:
        raise InputError(f"no line of {input_path} has the id {', '.join(sorted(wanted - found))}.")
    page = render_page(items, title=title or f"breachnlp: {Path(str(input_path)).name}")
    errors = sum(1 for item in items if isinstance(item, Mapping) and item.get("error") is not None)
    if str(output_path) == "-":
        sys.stdout.write(page)
    else:
        target = Path(output_path)
        part = target.with_name(target.name + ".part")
        part.write_text(page, encoding="utf-8")
        os.replace(part, target)
    return len(items) - errors, errors


def record_html(record: BreachRecord) -> str:
    """What a :class:`BreachRecord` shows in a notebook: its fields and their evidence."""
    return _source_html(_Source(record))


def doc_html(doc: Doc) -> str | None:
    """What a processed Doc shows in a notebook; ``None`` for a Doc breachnlp has not seen."""
    if not any(key in doc.spans for key in (*GROUP_OF_LABEL.values(), "breach")):
        return None
    return _source_html(_source(doc))


def _in_notebook() -> bool:
    from spacy.util import is_in_jupyter

    return bool(is_in_jupyter())


def _register_notebook_formatter() -> None:
    """Show processed Docs as :func:`render` does, when running inside IPython.

    ``Doc`` is a compiled spaCy class without ``_repr_html_``, so we register a formatter
    with IPython instead; it declines (returns ``None``) for Docs breachnlp did not process.
    """
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return
    try:
        shell = ipython.get_ipython()
        if shell is not None:
            shell.display_formatter.formatters["text/html"].for_type(Doc, doc_html)
    except Exception:  # noqa: BLE001 - a display nicety must never break the import
        return


# ----------------------------------------------------------------- DataFrame
def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as e:
                value = {"line": number, "error": f"invalid JSON: {e.msg}"}
            yield value if isinstance(value, dict) else {"line": number, "error": "not a JSON object"}


def to_dataframe(results: Iterable[BreachRecord | Doc | Mapping[str, Any]] | str | Path) -> "pandas.DataFrame":
    """One row per article, in the flat schema of ``breachnlp annotate``'s CSV and Parquet output.

    results (Iterable | str | Path): BreachRecords (from :func:`breachnlp.extract` /
        :func:`breachnlp.pipe`), processed Docs, gold-format lines (``breachnlp annotate``
        output, error lines included), or the path of such a JSONL file.
    RETURNS (pandas.DataFrame): the columns :data:`breachnlp.io.FLAT_COLUMNS`, made by the same
        function (:func:`breachnlp.io.flat_record`) as CSV and Parquet rows: ``id``, ``lang``,
        ``published``, ``title``, ``organization``, ``organization_aliases``,
        ``parent_organization``, ``records_value`` (nullable integer), ``records_unit``,
        ``records_qualifier``, ``date_occurred``, ``date_discovered``, ``date_disclosed``,
        one ``phi_<category>`` column per category holding its status, ``other_organizations``,
        then ``line`` and ``error`` (filled for error lines only). A BreachRecord gives its
        ``id`` (set by :func:`breachnlp.pipe`); a Doc its language and publication date. Needs
        pandas (``pip install 'breachnlp[dataframe]'``).
    """
    try:
        import pandas  # noqa: F401
    except ImportError as e:
        raise ImportError("breachnlp.to_dataframe needs pandas; install it with "
                          "`pip install 'breachnlp[dataframe]'` (or `pip install pandas`).") from e
    from .io import flat_frame

    if isinstance(results, (str, Path)):
        results = list(_read_jsonl(Path(results)))
    if isinstance(results, (BreachRecord, Doc)) or (isinstance(results, Mapping) and "breach" in results):
        raise InputError("to_dataframe takes an iterable of results; wrap a single one in a list.")
    return flat_frame(_as_line(item) for item in results)


def _as_line(item: Any) -> Mapping[str, Any]:
    """A result as a gold-format line (what :func:`breachnlp.io.flat_record` reads)."""
    if isinstance(item, BreachRecord):
        return item.to_record(id=getattr(item, "id", None))
    if isinstance(item, Doc):
        return item._.breach.to_record(id=item.user_data.get("breachnlp_id"), lang=item.lang_,
                                       published=item._.published)
    if isinstance(item, Mapping):
        return item
    raise InputError(f"to_dataframe takes BreachRecords, Docs or gold-format records, not {type(item).__name__}.")


# ----------------------------------------------------------------- explain
class Cue(NamedTuple):
    """A piece of text that decided a value: its kind (``hedge``, ``victim_cue``…) and offsets."""

    kind: str
    text: str
    start: int
    end: int


# Organization cues sit on the mention itself: say what they mean.
_CUE_WORDS = {
    "headline": "named in the headline",
    "victim_cue": "victim_cue: named next to a victim cue (\"victime de\", \"hit by\"…)",
    "parent_cue": "parent_cue: named after a parent cue (\"filiale de\", \"subsidiary of\"…)",
    "gazetteer": "listed as {kind} in resources/<lang>/orgs.yml",
}


@dataclass(frozen=True)
class FieldExplanation:
    """Why one field has its value: the evidence, its sentence and the deciding cues."""

    field: str
    value: Any
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str | None = None
    cues: tuple[Cue, ...] = ()
    note: str = ""
    confidence: float | None = None  # organization, records and the primary date only

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "evidence": self.evidence, "start": self.start,
                "end": self.end, "sentence": self.sentence, "cues": [c._asdict() for c in self.cues],
                "note": self.note, "confidence": self.confidence}

    @property
    def decided_by(self) -> str:
        """The cues in words: ``hedge «peut-être»; unit «patients»``, else the note."""
        words = []
        for cue in self.cues:
            if (cue.start, cue.end) == (self.start, self.end):  # the mention itself carries the cue
                words.append(_CUE_WORDS.get(cue.kind.split(":")[0], cue.kind).format(kind=cue.kind.partition(":")[2]))
            else:
                words.append(f"{cue.kind} «{cue.text}»")
        return "; ".join(words) or self.note


_NO_DOC_NOTE = "cues are kept on the Doc's spans: explain a processed Doc to see them"


class Explanation(Sequence[FieldExplanation]):
    """The explanation of every field of a result; displays as a table in a notebook.

    ``note`` says, once for all fields, what the explanation lacks (the cues, for a result
    given without its Doc).
    """

    def __init__(self, rows: Iterable[FieldExplanation], *, note: str = "") -> None:
        self._rows = tuple(rows)
        self.note = note

    @overload
    def __getitem__(self, index: int) -> FieldExplanation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[FieldExplanation]: ...
    def __getitem__(self, index: int | slice) -> FieldExplanation | Sequence[FieldExplanation]:
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, name: str) -> FieldExplanation | None:
        """The row of field ``name`` (``"organization"``, ``"date.occurred"``, ``"phi.name"``…)."""
        return next((row for row in self._rows if row.field == name), None)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [row.to_dict() for row in self._rows]

    def __str__(self) -> str:
        lines = []
        for row in self._rows:
            confidence = f"  (confidence {row.confidence:.2f})" if row.confidence is not None else ""
            lines.append(f"{row.field}: {row.value if row.value is not None else '-'}{confidence}")
            if row.evidence is not None:
                lines.append(f"    evidence: «{row.evidence}» [{row.start}:{row.end}]")
            if row.sentence:
                lines.append(f"    sentence: {row.sentence}")
            if row.decided_by:
                lines.append(f"    decided by: {row.decided_by}")
        if self.note:
            lines.append(f"({self.note})")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"Explanation({len(self._rows)} fields)\n{self}"

    def _repr_html_(self) -> str:
        body = []
        for row in self._rows:
            sentence = html.escape(row.sentence or "")
            if row.sentence and row.evidence:
                sentence = sentence.replace(html.escape(row.evidence), f"<mark>{html.escape(row.evidence)}</mark>", 1)
            body.append(f'<tr><th style="text-align:left">{html.escape(row.field)}</th>'
                        f'<td style="text-align:left">{html.escape(str(row.value if row.value is not None else ""))}</td>'
                        f'<td style="text-align:left">{sentence}</td>'
                        f'<td style="text-align:left">{html.escape(row.decided_by)}</td></tr>')
        caption = f'<caption style="caption-side:bottom">{html.escape(self.note)}</caption>' if self.note else ""
        return (f'<table class="breachnlp-explain">{caption}<tr><th>field</th><th>value</th><th>evidence sentence</th>'
                f'<th>decided by</th></tr>{"".join(body)}</table>')


_NOTES = {
    "BREACH_ORG": "the best-scored organization (headline, frequency, subject position)",
    "RECORD_COUNT": "the best-scored figure",
    "BREACH_DATE": "the nearest role cue in the sentence",
    "PHI": "a sentence about exposed data, with no negation or hedge cue in the clause",
}
_CUE_PREFERENCE = {"BREACH_ORG": ("victim_cue", "headline")}


def explain(obj: Doc | BreachRecord | Mapping[str, Any], *, text: str | None = None) -> Explanation:
    """For each field of a result: its value, the evidence, the evidence sentence and the cue
    that decided it.

    obj (Doc | BreachRecord | Mapping): as for :func:`render`. The cues live on the Doc's
        candidate spans (``span._.breach_cues``, ``span._.phi_cues``), so only a processed
        Doc gives them; a record with ``text=`` gives evidence and sentences, a record alone
        the evidence.
    RETURNS (Explanation): one :class:`FieldExplanation` per field (``organization``,
        ``parent_organization``, ``records``, ``date.<role>``, then ``phi.<category>`` for
        each category found), a sequence that prints as text and displays as a table. Without
        a Doc, its ``note`` says once that the cues are missing.
    """
    source = _source(obj, text)
    record = source.record
    sentences = _sentences(source)
    rows = [
        _explain_field(source, sentences, "organization", record.organization, "BREACH_ORG", {"role": "victim"}),
        _explain_parent(source, sentences),
    ]
    count = record.records
    rows.append(_explain_field(source, sentences, "records",
                               f"{count.value} {count.unit} ({count.qualifier})" if count else None, "RECORD_COUNT", {}))
    for role in DATE_ROLES:
        rows.append(_explain_field(source, sentences, f"date.{role}", getattr(record.date, role), "BREACH_DATE",
                                   {"role": role}))
    for category, status in record.phi.items():
        rows.append(_explain_field(source, sentences, f"phi.{category}", status, "PHI",
                                   {"category": category, "status": status}))
    primary = next((f"date.{r}" for r in ("occurred", "disclosed", "discovered") if getattr(record.date, r)),
                   "date.occurred")
    field_of = {"organization": "organization", "records": "records", primary: "date"}
    rows = [replace(row, confidence=record.confidence.get(field_of[row.field])) if row.field in field_of else row
            for row in rows]
    return Explanation(rows, note="" if source.doc is not None else _NO_DOC_NOTE)


def _sentences(source: _Source) -> list[Segment]:
    if source.text is None:
        return []
    from .resources import language_data

    lang = source.meta.get("lang")
    langs = [lang] if lang in LANGS else list(LANGS)
    abbreviations = frozenset().union(*(language_data(code).abbreviations for code in langs))
    return split_sentences(source.text, abbreviations)


def _sentence_of(source: _Source, sentences: list[Segment], start: int) -> str | None:
    if source.text is None:
        return None
    for segment in sentences:
        if segment.start <= start < segment.end:
            return source.text[segment.start:segment.end]
    return None


def _candidate(doc: Doc | None, evidence: Evidence) -> Span | None:
    if doc is None or evidence.label not in GROUP_OF_LABEL:
        return None
    for span in _group(doc, GROUP_OF_LABEL[evidence.label]):
        if span.start_char == evidence.start and span.end_char == evidence.end:
            return span
    return None


def _cues_of(span: Span | None, text: str | None) -> tuple[Cue, ...]:
    if span is None or text is None:
        return ()
    raw = list(span._.phi_cues or ()) if span.label_ == "PHI" else list(span._.breach_cues or ())
    return tuple(Cue(str(kind), text[int(start):int(end)], int(start), int(end)) for start, end, kind in raw)


def _explain_field(source: _Source, sentences: list[Segment], name: str, value: Any, label: str,
                   attrs: Mapping[str, Any]) -> FieldExplanation:
    if value is None:
        return FieldExplanation(name, None, note="not found in the text")
    candidates = [e for e in source.record.spans
                  if e.label == label and all(e.attrs.get(k) == v for k, v in attrs.items())]
    if not candidates:
        return FieldExplanation(name, value, note="no evidence span kept")
    scored = [(e, _cues_of(_candidate(source.doc, e), source.text)) for e in candidates]
    preferred = _CUE_PREFERENCE.get(label, ())

    def rank(item: tuple[Evidence, tuple[Cue, ...]]) -> tuple[int, int]:
        kinds = [c.kind for c in item[1]]
        for i, kind in enumerate(preferred):
            if kind in kinds:
                return (len(preferred) - i + 1, -item[0].start)
        return (1 if kinds else 0, -item[0].start)

    evidence, cues = max(scored, key=rank)
    note = "" if cues or source.doc is None else _NOTES.get(label, "")  # without a Doc: the Explanation's note
    return FieldExplanation(name, value, evidence.text or None, evidence.start, evidence.end,
                            _sentence_of(source, sentences, evidence.start), cues, note)


def _explain_parent(source: _Source, sentences: list[Segment]) -> FieldExplanation:
    parent = source.record.parent_organization
    if parent is None:
        return FieldExplanation("parent_organization", None, note="not found in the text")
    spans = _parent_spans(source)
    if not spans:
        return FieldExplanation("parent_organization", parent, note="no evidence span kept")
    span = max(spans, key=lambda s: (bool(s._.breach_cues), -s.start_char))
    return FieldExplanation("parent_organization", parent, span.text, span.start_char, span.end_char,
                            _sentence_of(source, sentences, span.start_char), _cues_of(span, source.text),
                            "" if span._.breach_cues else "named next to the victim")


_register_notebook_formatter()
