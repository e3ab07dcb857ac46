"""Throughput of each breachnlp component alone (words/s), on the corpus texts.

    python bench/components.py [--repeat 5]      # writes docs/components-benchmark.md

Each component runs alone after a blank tokenizer (``spacy.blank(lang)`` + that component),
so the figure is the component's own cost; the tokenizer alone is measured too and the
components' figures are also given as a ratio to it. All figures come from one run.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import breachnlp  # noqa: E402,F401  (registers the factories)
from breachnlp.api import make_doc  # noqa: E402

COMPONENTS = ("breach_org", "breach_records", "breach_dates", "breach_phi")


def texts(lang: str) -> list[tuple[str, str | None]]:
    path = ROOT / "corpus" / f"{lang}.jsonl"
    return [(r["text"], r.get("published")) for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def words_per_second(nlp: spacy.Language, items: list[tuple[str, str | None]], repeat: int) -> float:
    docs = [(make_doc(nlp, t, p)) for t, p in items]
    words = sum(len(t.split()) for t, _ in items) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            for _, proc in nlp.pipeline:
                proc(doc)
    return words / (time.perf_counter() - started)


def tokenizer_words_per_second(nlp: spacy.Language, items: list[tuple[str, str | None]], repeat: int) -> float:
    words = sum(len(t.split()) for t, _ in items) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        for text, _ in items:
            nlp.make_doc(text)
    return words / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for lang in ("fr", "en"):
        items = texts(lang)
        blank = spacy.blank(lang)
        base = tokenizer_words_per_second(blank, items, args.repeat)
        rows.append((lang, "tokenizer alone", base, 1.0))
        for name in COMPONENTS:
            nlp = spacy.blank(lang)
            if name == "breach_org":
                nlp.add_pipe(name, config={"use_ner": False})
            else:
                nlp.add_pipe(name)
            wps = words_per_second(nlp, items, args.repeat)
            rows.append((lang, name, wps, wps / base))
        full = spacy.blank(lang)
        for name in ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble"):
            full.add_pipe(name, config={"use_ner": False} if name == "breach_org" else {})
        wps = words_per_second(full, items, args.repeat)
        rows.append((lang, "all five (fast profile)", wps, wps / base))
    lines = [
        "# Component benchmark",
        "",
        f"Each breachnlp component alone, on the {sum(1 for r in rows if r[1] == 'tokenizer alone')} corpus "
        f"languages' texts repeated {args.repeat} times; words are whitespace-separated tokens. Measured in one "
        f"run with `python bench/components.py` on {platform.machine()}, Python {platform.python_version()}. "
        "Absolute figures vary from machine to machine; the ratio column (component speed / tokenizer "
        "speed, i.e. how many times slower than tokenizing) is the stable figure.",
        "",
        "| lang | component | words/s | speed ratio to the tokenizer |",
        "|---|---|---|---|",
    ]
    for lang, name, wps, ratio in rows:
        lines.append(f"| {lang} | {name} | {wps:,.0f} | {ratio:.3f} |")
    lines.append("")
    (ROOT / "docs" / "components-benchmark.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
