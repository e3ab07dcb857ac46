"""What every breachnlp component shares: language, resources, span group, serialization."""
from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, minibatch

from ..errors import LanguageError
from ..resources import RESOURCE_FILES, read_resource, register_resources
from ..syntax import OnDemandParser
from ..taxonomy import LANGS


_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from every token on each access,
    and all five components read it. A Doc's text never changes, so the cache cannot go stale."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as ``doc``'s text (the caller guarantees ``doc.text == text``), so that
    :func:`doc_text` need not rebuild it from the tokens."""
    _TEXTS[doc] = text
    return doc


class BreachComponent:
    """Base class: ``nlp.lang`` picks the language data; ``resources`` is ``"default"`` (packaged)
    or a directory laid out as ``<dir>/<lang>/<name>.yml``.

    Serialization follows spaCy's ``SpanRuler``: ``to_disk``/``to_bytes`` write the options
    (``cfg.json``) and the resource files the component reads (:attr:`reads`), so a saved pipeline
    gives the same results whatever breachnlp version loads it; ``from_disk``/``from_bytes``
    restore them in place: the options saved, the data saved, nothing reset to its default and no
    temporary folder.
    """

    label: ClassVar[str] = ""
    # The resource files the component's rules read (saved with it).
    reads: ClassVar[tuple[str, ...]] = RESOURCE_FILES
    # Options beyond ``spans_key`` that the component keeps across saving and loading.
    options: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str, *, resources: str = "default", spans_key: str) -> None:
        if str(resources) == "default" and nlp.lang not in LANGS:
            raise LanguageError(f"breachnlp components have packaged data for languages {LANGS}; this pipeline is "
                                f"{nlp.lang!r}: give resources=<folder> with a {nlp.lang}/ subfolder "
                                "(see docs/architecture.md, adding a language).")
        self.name = name
        self.lang = nlp.lang
        self.resources = str(resources)
        self.spans_key = spans_key

    def _load_rules(self) -> None:
        """(Re)build the rules from the language data of ``lang`` and ``resources``: at construction (subclasses call it once their
        options are set) and after loading saved data."""

    # ------------------------------------------------------------ processing
    def candidates(self, doc: Doc) -> Iterable[Any]:  # pragma: no cover - every extractor defines it
        """What the rules find in ``doc``: objects with character offsets ``start`` and ``end``."""
        raise NotImplementedError

    def annotate(self, span: Span, candidate: Any) -> None:  # pragma: no cover - every extractor defines it
        """Set the span attributes the component declares from one candidate."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Every candidate as a span of ``doc.spans[spans_key]`` with its attributes (a candidate
        that does not fall on token boundaries is widened to them)."""
        spans = []
        for candidate in self.candidates(doc):
            span = self.char_span(doc, candidate.start, candidate.end)
            if span is not None:
                self.annotate(span, candidate)
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def char_span(self, doc: Doc, start: int, end: int) -> Span | None:
        """A token-aligned span covering characters ``start:end``, labelled with ``self.label``."""
        return doc.char_span(start, end, label=self.label, alignment_mode="expand")

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    # ----------------------------------------------------------- serialization
    def _config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "lang": self.lang,
                **{option: getattr(self, option) for option in self.options}}

    def _restore(self, cfg: dict[str, Any], source: str) -> None:
        for option in ("spans_key", *self.options):
            if option in cfg:
                setattr(self, option, cfg[option])
        self.resources = source
        self._load_rules()

    def _files(self) -> dict[str, Any]:
        return {name: _thaw(read_resource(self.lang, name, self.resources)) for name in self.reads}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._config())
        folder = path / "resources" / self.lang
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in self._files().items():
            srsly.write_yaml(folder / f"{name}.yml", content)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "BreachComponent":
        path = ensure_path(path)
        self._restore(srsly.read_json(path / "cfg.json"), str(path / "resources"))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"cfg": self._config(), "resources": self._files()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "BreachComponent":
        content = srsly.msgpack_loads(data)
        self._restore(content["cfg"], register_resources(self.lang, content["resources"]))
        return self


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


class ParsedComponent(BreachComponent):
    """A component that reads the base model's parse of the sentences holding some of its spans
    after its rules have run: only those sentences are parsed, those of all the Docs of a batch in
    one go (:class:`~breachnlp.syntax.OnDemandParser`). A pipeline without a parser (the fast
    profile, a blank model) keeps what the rules found. Subclasses say which spans need their
    sentence (:meth:`needs_parse`) and what to read there (:meth:`read_parse`); their rules number
    sentences with ``rules.sentences(text)``."""

    rules: Any

    def __init__(self, nlp: Language, name: str, *, resources: str = "default", spans_key: str) -> None:
        super().__init__(nlp, name, resources=resources, spans_key=spans_key)
        self.parser = OnDemandParser(nlp)

    def needs_parse(self, span: Span) -> bool:  # pragma: no cover - every parsed component defines it
        raise NotImplementedError

    def read_parse(self, span: Span, found: tuple[Doc, int] | None) -> None:  # pragma: no cover
        """Read the parse of ``span``'s sentence: ``(sentence Doc, token offset of the sentence in
        the original Doc)``, or None when that sentence could not be parsed."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        self._read_parses([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for batch in minibatch(stream, size=batch_size):
            docs = [BreachComponent.__call__(self, doc) for doc in batch]
            self._read_parses(docs)
            yield from docs

    def _read_parses(self, docs: list[Doc]) -> None:
        if not self.parser.available:
            return
        requests, spans_of = [], []
        for doc in docs:
            spans = [s for s in doc.spans[self.spans_key] if self.needs_parse(s)]
            sentences = self.rules.sentences(doc_text(doc)) if spans else []
            segment = {id(s): sentences[s._.breach_features["sentence"]] for s in spans
                       if s._.breach_features["sentence"] < len(sentences)}
            requests.append((doc, {(seg.start, seg.end) for seg in segment.values()}))
            spans_of.append((spans, segment))
        for parsed, (spans, segment) in zip(self.parser.parse_many(requests), spans_of):
            for s in spans:
                seg = segment.get(id(s))
                self.read_parse(s, parsed.get((seg.start, seg.end)) if seg is not None else None)
