"""Texts of any length and any shape: linear-time tokenization, long documents in chunks.

spaCy refuses a text longer than ``nlp.max_length`` (the memory of its statistical
components grows with the length of a Doc), and its tokenizer takes quadratic time on a
long run of characters without a space ("((((…", "''''…": about 10 s for 10 000 of them).
breachnlp hands spaCy neither:

- :func:`make_doc` tokenizes with ``nlp.tokenizer``, except that a run of more than
  :data:`LONG_RUN` characters without whitespace is cut by a linear regular expression
  into words (at most :data:`RUN_PIECE` characters) and single punctuation marks;
- :func:`annotate` runs the pipeline on a text of any length. A text longer than
  :data:`CHUNK_CHARS` characters (or ``nlp.max_length``, if lower) is cut into chunks of at
  most that many characters, at a paragraph break if there is one, else at a line break, a sentence end, a space (a hard
  cut only for a chunk-long run without any); each chunk is annotated alone, and only its
  spans and their values are kept, shifted onto one tokenized Doc of the whole text: every
  span, cue offset and sentence index points into the original text, and memory holds one
  chunk's Doc at a time. The victim is then chosen once for the whole text (the best-scored
  chunk victim), and ``breach_assemble`` runs once, on the whole Doc;
- :func:`pipe_docs` does the same for a stream of texts, in order, the short texts going
  through ``nlp.pipe`` in batches.

Example::

    nlp = breachnlp.load("fr")
    doc = annotate(nlp, five_megabytes_of_text, published="2024-12-17")
    doc._.breach.spans[0].start      # an offset into five_megabytes_of_text
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .components.base import remember_text
from .resources import language_data
from .schema import parse_published
from .taxonomy import LANGS
from .text import fold, split_sentences

ASSEMBLER_FACTORY = "breach_assemble"  # runs once on the whole Doc, after the chunks
ORG_FACTORY = "breach_org"

LONG_RUN = 200
RUN_PIECE = 64
CHUNK_CHARS = 100_000

_LONG_RUN_RE = re.compile(r"(?<!\S)\S{%d,}" % (LONG_RUN + 1))
_RUN_TOKEN_RE = re.compile(r"\w{1,%d}|[^\w\s]" % RUN_PIECE)
# Cut points by preference, each ending where the next chunk should start.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),                          # paragraph break
    re.compile(r"\n\s*"),                                   # line break
    re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u00bb\u201d)\]]*\s+"),  # sentence end (from a run's start: linear)
    re.compile(r"\s+"),                                     # any space
)


class Chunk(NamedTuple):
    start: int
    end: int


# ------------------------------------------------------------------ title
TITLE_SEPARATOR = "\n\n"
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\u2028": " ", "\u2029": " ", "\x0b": " ", "\x0c": " "})


def compose(text: str, title: str | None) -> tuple[str, int]:
    """The text the pipeline reads for ``title`` + ``text``, and where ``text`` starts in it.

    A headline given apart is read as the first line, followed by a blank line (its line
    breaks become spaces, one for one, so offsets into ``title`` are kept). When ``text``
    already begins with the headline, or no headline is given, ``text`` is read alone.
    """
    if title is None or not title.strip():
        return text, 0
    head = title.translate(_LINE_BREAKS)
    if _squeeze(text[:len(head) + 200]).startswith(_squeeze(head)):
        return text, 0
    return head + TITLE_SEPARATOR + text, len(head) + len(TITLE_SEPARATOR)


def _squeeze(value: str) -> str:
    return " ".join(fold(value).split())


def set_input(doc: Doc, published: str | None, title: str | None, body_start: int) -> Doc:
    """Record on ``doc`` what it was read from: the anchor date, the title and where the text starts."""
    doc._.published = published
    doc._.title = title if title and title.strip() else None
    doc._.body_start = body_start
    return doc


# ------------------------------------------------------------------ tokenization
def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` in time linear in ``len(text)``, without the ``max_length`` check.

    Runs of more than :data:`LONG_RUN` non-space characters (on which spaCy's tokenizer is
    quadratic) are tokenized as words of at most :data:`RUN_PIECE` characters and single
    other characters; the rest goes through ``nlp.tokenizer`` unchanged. ``doc.text == text``.
    """
    runs = list(_LONG_RUN_RE.finditer(text))
    if not runs:
        return remember_text(nlp.tokenizer(text), text)
    parts: list[Doc] = []
    pos = 0
    for run in runs:
        if run.start() > pos:
            parts.append(nlp.tokenizer(text[pos:run.start()]))
        words = [m.group() for m in _RUN_TOKEN_RE.finditer(text, run.start(), run.end())]
        spaces = [False] * len(words)
        pos = run.end()
        if text[pos:pos + 1] == " ":
            spaces[-1] = True  # the space after the run is its last token's trailing space
            pos += 1
        parts.append(Doc(nlp.vocab, words=words, spaces=spaces))
    if pos < len(text):
        parts.append(nlp.tokenizer(text[pos:]))
    return remember_text(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False), text)


# ------------------------------------------------------------------ chunks
def split_chunks(text: str, max_chars: int = CHUNK_CHARS) -> list[Chunk]:
    """Consecutive chunks covering ``text`` exactly, each at most ``max_chars`` long.

    A chunk ends after the last paragraph break of its second half, else the last line
    break, sentence end or space there (the whitespace stays with the chunk it ends), else
    at ``max_chars``.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}.")
    chunks: list[Chunk] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        end = limit
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, start + max_chars // 2, limit):
                last = m
            if last is not None and last.end() > start:
                end = last.end()
                break
        chunks.append(Chunk(start, end))
        start = end
    chunks.append(Chunk(start, len(text)))
    return chunks


def annotate(nlp: Language, text: str, published: str | date | None = None, *,
             title: str | None = None, max_chars: int = CHUNK_CHARS) -> Doc:
    """``nlp`` applied to ``text`` of any length: a Doc of the whole text, ``doc._.published`` set.

    ``title``, a headline given apart from the text, is read as its first line (:func:`compose`;
    ``doc._.body_start`` says where ``text`` starts). Up to ``max_chars`` characters (or
    ``nlp.max_length``, if lower) the text is one Doc; beyond, it is annotated in chunks of at
    most that many characters, joined back into one Doc (module docstring). A 1 MB Doc would
    need about 3.5 GB in the full models' NER.
    """
    anchor = _published(published)
    limit = min(max_chars, nlp.max_length)
    full, body_start = compose(text, title)
    if len(full) <= limit:
        return nlp(set_input(make_doc(nlp, full), anchor, title, body_start))
    return _annotate_long(nlp, full, anchor, limit, title, body_start)


def pipe_docs(nlp: Language, items: Iterable[tuple[str, str | date | None] | tuple[str, str | date | None, str | None]],
              *, batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Annotated Docs of ``(text, published)`` or ``(text, published, title)`` items, in order.

    Texts up to :data:`CHUNK_CHARS` characters (or ``nlp.max_length``) go through ``nlp.pipe``
    in batches; a longer one is annotated in chunks, as by :func:`annotate`, in its place.
    """
    limit = min(CHUNK_CHARS, nlp.max_length)
    pending: list[Doc] = []
    for item in items:
        text, published = item[0], item[1]
        title = item[2] if len(item) > 2 else None  # type: ignore[misc]
        anchor = _published(published)
        full, body_start = compose(text, title)
        if len(full) > limit:
            if pending:
                yield from nlp.pipe(pending, batch_size=batch_size, n_process=n_process)
                pending = []
            yield _annotate_long(nlp, full, anchor, limit, title, body_start)
            continue
        pending.append(set_input(make_doc(nlp, full), anchor, title, body_start))
    if pending:
        yield from nlp.pipe(pending, batch_size=batch_size, n_process=n_process)


def _published(published: str | date | None) -> str | None:
    anchor = parse_published(published)
    return anchor.isoformat()[:10] if anchor is not None else None


def _annotate_long(nlp: Language, text: str, published: str | None, max_chars: int,
                   title: str | None = None, body_start: int = 0) -> Doc:
    """Annotate ``text`` chunk by chunk; keep only each chunk's spans and extension values
    (shifted to whole-text offsets), then lay them on one tokenized Doc of the whole text."""
    assemblers = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == ASSEMBLER_FACTORY]
    abbreviations = sentence_abbreviations(nlp.lang)
    groups: dict[str, list[tuple[int, int, str]]] = {}
    ents: list[tuple[int, int, str]] = []
    values: dict[Any, Any] = {}
    sentence_base = 0
    for chunk in split_chunks(text, max_chars):
        piece = text[chunk.start:chunk.end]
        doc = make_doc(nlp, piece)
        doc._.published = published
        doc = nlp(doc, disable=assemblers)
        offset = chunk.start
        for key, spans in doc.spans.items():
            groups.setdefault(key, []).extend((s.start_char + offset, s.end_char + offset, s.label_) for s in spans)
        ents.extend((e.start_char + offset, e.end_char + offset, e.label_) for e in doc.ents)
        for key, value in doc.user_data.items():
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is not None:
                values[(key[0], key[1], key[2] + offset, key[3] + offset)] = _shifted(key[1], value, offset,
                                                                                      sentence_base)
        sentence_base += len(split_sentences(piece, abbreviations))
    merged = make_doc(nlp, text)
    merged.user_data.update(values)
    merged.ents = filter_spans([span for span in (merged.char_span(s, e, label=label, alignment_mode="expand")
                                                  for s, e, label in ents) if span is not None])
    for key, items in groups.items():
        spans = (merged.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in items)
        merged.spans[key] = [span for span in spans if span is not None]
    set_input(merged, published, title, body_start)
    for name in nlp.pipe_names:
        if nlp.get_pipe_meta(name).factory == ORG_FACTORY:
            _one_victim(merged, getattr(nlp.get_pipe(name), "spans_key", ORG_FACTORY))
    for name in assemblers:
        merged = nlp.get_pipe(name)(merged)
    return merged


@lru_cache(maxsize=8)
def sentence_abbreviations(lang: str | None) -> frozenset[str]:
    """The folded abbreviations ``split_sentences`` needs for ``lang`` (none for another language)."""
    if lang not in LANGS:
        return frozenset()
    return language_data(lang).abbreviations


_OFFSET_LISTS = ("breach_cues", "phi_cues")


def _shifted(name: str, value: Any, offset: int, sentence_base: int) -> Any:
    """An extension value with its character offsets and sentence index made relative to the
    whole text (the span it belongs to is shifted by its key)."""
    if name in _OFFSET_LISTS and value:
        return [[c[0] + offset, c[1] + offset, *c[2:]] for c in value]
    if name == "breach_features" and isinstance(value, dict) and "sentence" in value:
        return {**value, "sentence": int(value["sentence"]) + sentence_base}
    return value


def _one_victim(doc: Doc, key: str = "breach_org") -> None:
    """Each chunk chose its own victim: keep the best-scored one for the whole text, and
    the parent of that victim; the other chunks' victims and parents become ``other``."""
    if key not in doc.spans:
        return
    spans = list(doc.spans[key])
    victims = [s for s in spans if s._.org_role == "victim"]
    if not victims:
        return
    best = max(victims, key=lambda s: (s._.org_score or 0.0, -s.start_char))
    name = fold(best._.org_name or "")
    for span in spans:
        same = fold(span._.org_name or "") == name
        if span._.org_role == "victim" and not same:
            span._.org_role = "other"
        elif span._.org_role == "parent" and (span._.breach_features or {}).get("parent_of") not in (None, best._.org_name):
            span._.org_role = "other"
        elif same and span._.org_role == "other":
            span._.org_role = "victim"  # the victim named again in another chunk
