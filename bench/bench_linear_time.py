"""Time grows linearly with length, on adversarial text and on long documents.

Part 1 times each component alone (``spacy.blank(lang)`` + ``nlp.add_pipe(name)``) and
``extract()`` (fast profile) on adversarial strings of 25, 50, 100 and 200 kB: long runs of
digits and spaces, digit groups, "a", "(", dots, repeated cue words, capitalized words,
month names, hyphenated number words. It prints, for each, the time ratio of each doubling
(linear: about 2; quadratic: about 4) and of 200 kB against 25 kB (linear: about 8).

Part 2 annotates realistic long documents in a fresh process each (``extract``, so chunked
beyond 100 000 characters) and reports time and peak memory of 5 MB against 1 MB (fast
profile) and of 1 MB against 200 kB (full models); with ``--whole`` also the peak memory of
one 1 MB Doc through the full models without chunking.

Every figure is a ratio of two measurements of this one run, on this machine::

    .venv/bin/python bench/bench_linear_time.py [--quick] [--whole] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import spacy

import breachnlp
from breachnlp.api import make_doc

COMPONENTS = ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble")
PATTERNS = {
    "digits between spaces": "1 ",
    "digit and space runs": "0123456789" * 10 + " " * 100,
    "digit groups (nbsp)": "\u00a0234",
    "a": "a",
    "open parentheses": "(",
    "dots": ".",
    "aucun aucun": "aucun ",
    "not not": "not ",
    "Aa Aa": "Aa ",
    "Aa. Aa.": "Aa. ",
    "month names": "janvier February mars April ",
    "month + year": "mai 2024 ",
    "dates among cues": "attaque découverte le 3 mai et annoncée, ",
    "cent-cent-": "cent-",
    "aucun nom": "aucun nom, ",
    "relative clauses with figures": ", qui a 12 000 patients ",
    "capitalized run with acronyms": "Santé NHS Trust ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _time(run: Any, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def part_one(sizes: list[int], repeats: int) -> list[dict[str, Any]]:
    rows = []
    targets: dict[str, Any] = {}
    for name in COMPONENTS:
        nlp = spacy.blank("fr")
        nlp.add_pipe(name)
        targets[name] = nlp
    targets["extract (fast)"] = None
    breachnlp.extract("Acme", lang="fr", profile="fast")  # load before timing
    print(f"{'pattern':<24}{'target':<17}" + "".join(f"{s // 1000:>7}kB" for s in sizes)
          + "".join(f"{'x2':>6}" for _ in sizes[1:]) + f"{'last/first':>12}")
    for pattern, unit in PATTERNS.items():
        for target, nlp in targets.items():
            times = []
            for size in sizes:
                text = _text(unit, size)
                if nlp is None:
                    run = lambda t=text: breachnlp.extract(t, lang="fr", published="2024-05-01", profile="fast")  # noqa: E731
                else:
                    run = lambda t=text, n=nlp: n(make_doc(n, t, "2024-05-01"))._.breach  # noqa: E731
                times.append(_time(run, repeats))
            doublings = [b / a if a > 0 else float("nan") for a, b in zip(times, times[1:])]
            overall = times[-1] / times[0] if times[0] > 0 else float("nan")
            rows.append({"pattern": pattern, "target": target, "seconds": times, "doublings": doublings,
                         "last_over_first": overall})
            print(f"{pattern:<24}{target:<17}" + "".join(f"{t:>9.3f}" for t in times)
                  + "".join(f"{d:>6.1f}" for d in doublings) + f"{overall:>12.1f}", flush=True)
    return rows


LONG = textwrap.dedent("""
    import json, resource, sys, time
    import breachnlp
    size, profile, whole, BENCH = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "whole", sys.argv[4]
    sys.path.insert(0, BENCH)
    from synth import long_text
    text = long_text(size)[:size]
    nlp = breachnlp.load("fr", profile=profile)
    breachnlp.extract("Acme", lang="fr", profile=profile)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if whole:
        from breachnlp.chunking import make_doc
        nlp.max_length = len(text) + 1
        doc = nlp(make_doc(nlp, text))
        doc._.breach
    else:
        breachnlp.extract(text, lang="fr", published="2024-09-02", profile=profile)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "base_mb": base / 1024, "peak_mb": peak / 1024}))
""")


def _long_run(size: int, profile: str, whole: bool = False) -> dict[str, float]:
    run = subprocess.run([sys.executable, "-c", LONG, str(size), profile, "whole" if whole else "chunks",
                          str(Path(__file__).resolve().parent)],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def part_two(quick: bool, whole: bool) -> list[dict[str, Any]]:
    pairs = [("fast", 1_000_000, 5_000_000), ("accurate", 200_000, 1_000_000)]
    if quick:
        pairs = [("fast", 200_000, 1_000_000), ("accurate", 100_000, 400_000)]
    rows = []
    print(f"\n{'profile':<10}{'small':>10}{'large':>10}{'time ratio':>12}{'size ratio':>12}"
          f"{'peak MB small':>15}{'peak MB large':>15}")
    for profile, small, large in pairs:
        a, b = _long_run(small, profile), _long_run(large, profile)
        row = {"profile": profile, "small": small, "large": large, "small_run": a, "large_run": b,
               "time_ratio": b["seconds"] / a["seconds"], "size_ratio": large / small}
        rows.append(row)
        print(f"{profile:<10}{small:>10}{large:>10}{row['time_ratio']:>12.2f}{row['size_ratio']:>12.1f}"
              f"{a['peak_mb'] - a['base_mb']:>15.0f}{b['peak_mb'] - b['base_mb']:>15.0f}", flush=True)
    if whole:
        chunked, one = _long_run(1_000_000, "accurate"), _long_run(1_000_000, "accurate", whole=True)
        rows.append({"profile": "accurate", "size": 1_000_000, "chunked": chunked, "one_doc": one})
        print(f"1 MB through the full models: peak {one['peak_mb'] - one['base_mb']:.0f} MB as one Doc, "
              f"{chunked['peak_mb'] - chunked['base_mb']:.0f} MB in chunks "
              f"(ratio {(one['peak_mb'] - one['base_mb']) / max(1.0, chunked['peak_mb'] - chunked['base_mb']):.1f})")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="12.5 to 100 kB, one repeat, smaller long documents")
    parser.add_argument("--whole", action="store_true", help="also one 1 MB Doc through the full models (~4 GB)")
    parser.add_argument("--json", help="write the measurements to this file")
    args = parser.parse_args()
    sizes = [12_500, 25_000, 50_000, 100_000] if args.quick else [25_000, 50_000, 100_000, 200_000]
    print(f"breachnlp {breachnlp.__version__}, Python {platform.python_version()}, {platform.machine()}\n")
    results = {"adversarial": part_one(sizes, 1 if args.quick else 2), "long_documents": part_two(args.quick, args.whole)}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
