"""Synthetic articles for the benchmarks, made from our own corpus (corpus/fr.jsonl, corpus/en.jsonl).

Each article is a handful of sentences drawn at random from the corpus texts of one language,
with some digits changed so that numbers (and so vocabulary strings) keep being new, as in a
real crawl. Deterministic for a given seed.

    python bench/synth.py 50000 -o /tmp/synth.jsonl [--lang fr] [--seed 8]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-ÖØ-Þ«\"'])")
_DIGIT = re.compile(r"\d")


def sentences(lang: str) -> list[str]:
    """Every sentence of the corpus texts of ``lang``, paragraphs split on blank lines."""
    out: list[str] = []
    with open(CORPUS / f"{lang}.jsonl", encoding="utf-8") as f:
        for line in f:
            for paragraph in json.loads(line)["text"].split("\n"):
                out += [s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.strip()) > 20]
    return out


def articles(n: int, *, langs: tuple[str, ...] = ("fr", "en"), seed: int = 8,
             sentences_per_article: tuple[int, int] = (4, 9)) -> Iterator[dict[str, object]]:
    """``n`` synthetic input records ``{id, lang, published, title, text}``."""
    rng = random.Random(seed)
    pools = {lang: sentences(lang) for lang in langs}
    start = date(2020, 1, 1)
    for i in range(n):
        lang = langs[i % len(langs)]
        picked = rng.sample(pools[lang], rng.randint(*sentences_per_article))
        picked = [_DIGIT.sub(lambda m: str(rng.randint(0, 9)), s) if rng.random() < 0.3 else s for s in picked]
        yield {"id": f"synth-{lang}-{i:07d}", "lang": lang,
               "published": (start + timedelta(days=rng.randint(0, 1800))).isoformat(),
               "title": picked[0][:120], "text": "\n\n".join(picked)}


# One long French text of our own for the long-document checks (tests/test_long_documents.py
# and bench/bench_linear_time.py): one breach story repeated among unrelated local news.
LONG_SENTENCES = (
    "La clinique des Lilas a été victime d'une cyberattaque en mai dernier.",
    "Le conseil municipal a voté le budget des écoles après un long débat sur les cantines.",
    "Les habitants du quartier attendent toujours la rénovation de la piscine, prévue en 2026.",
    "Selon la direction, les noms et les adresses de 12 400 patients ont été consultés.",
    "Aucune donnée bancaire n'a été dérobée, a précisé l'établissement dans un communiqué.",
    "Le marché couvert ouvrira ses portes le samedi matin, de 8 heures à 13 heures.",
    "La préfecture rappelle que la circulation sera interdite sur le pont pendant les travaux.",
)


def long_text(size: int) -> str:
    """At least ``size`` characters of those sentences, a paragraph break every third one."""
    parts, total = [], 0
    while total < size:
        parts.append(LONG_SENTENCES[len(parts) % len(LONG_SENTENCES)] + (" " if len(parts) % 3 else "\n\n"))
        total += len(parts[-1])
    return "".join(parts)


def write(path: str | Path, n: int, **kwargs: object) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for record in articles(n, **kwargs):  # type: ignore[arg-type]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return Path(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--lang", choices=("fr", "en"), help="one language only (default: both, alternating)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    langs = (args.lang,) if args.lang else ("fr", "en")
    if args.output == "-":
        for record in articles(args.n, langs=langs, seed=args.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        write(args.output, args.n, langs=langs, seed=args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
