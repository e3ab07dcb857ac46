"""What every breachnlp component shares: language, resources, span group, serialization."""
from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..errors import LanguageError
from ..resources import RESOURCE_KEYS, read_resource
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

    ``to_disk`` writes the resolved resource files next to the component config, so a saved
    pipeline gives the same results whatever breachnlp version loads it.
    """

    label: ClassVar[str] = ""

    def __init__(self, nlp: Language, name: str, *, resources: str = "default", spans_key: str) -> None:
        if nlp.lang not in LANGS:
            raise LanguageError(f"breachnlp components support languages {LANGS}; this pipeline is {nlp.lang!r}.")
        self.name = name
        self.lang = nlp.lang
        self.resources = str(resources)
        self.spans_key = spans_key

    def char_span(self, doc: Doc, start: int, end: int) -> Span | None:
        """A token-aligned span covering characters ``start:end``, labelled with ``self.label``."""
        return doc.char_span(start, end, label=self.label, alignment_mode="expand")

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    # ----------------------------------------------------------- serialization
    def _config(self) -> dict[str, Any]:
        return {"spans_key": self.spans_key, "lang": self.lang}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._config())
        folder = path / "resources" / self.lang
        folder.mkdir(parents=True, exist_ok=True)
        for name in RESOURCE_KEYS:
            srsly.write_yaml(folder / f"{name}.yml", _thaw(read_resource(self.lang, name, self.resources)))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "BreachComponent":
        path = ensure_path(path)
        cfg = srsly.read_json(path / "cfg.json")
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self.__init__(_Lang(self.lang), self.name, resources=str(path / "resources"),  # type: ignore[misc]
                      spans_key=self.spans_key)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = {"cfg": self._config(),
                "resources": {name: _thaw(read_resource(self.lang, name, self.resources)) for name in RESOURCE_KEYS}}
        return srsly.msgpack_dumps(data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "BreachComponent":
        import tempfile

        content = srsly.msgpack_loads(data)
        folder = Path(tempfile.mkdtemp(prefix="breachnlp-")) / "resources"
        (folder / self.lang).mkdir(parents=True)
        for name, value in content["resources"].items():
            srsly.write_yaml(folder / self.lang / f"{name}.yml", value)
        self.__init__(_Lang(self.lang), self.name, resources=str(folder),  # type: ignore[misc]
                      spans_key=content["cfg"].get("spans_key", self.spans_key))
        return self


class _Lang:
    """The one attribute of ``nlp`` a component reads when it reloads itself."""

    def __init__(self, lang: str) -> None:
        self.lang = lang


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value
