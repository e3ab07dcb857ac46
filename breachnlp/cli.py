"""Command line: ``breachnlp annotate`` and ``breachnlp evaluate``."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .errors import BreachNLPError
from .taxonomy import LANGS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="breachnlp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    annotate = sub.add_parser("annotate", help="annotate a JSONL file of articles (gold format out)")
    annotate.add_argument("input", help="JSONL (gold format or {id, text, lang?, published?}); .gz ok; - for stdin")
    annotate.add_argument("-o", "--output", required=True, help="output JSONL (- for stdout)")
    annotate.add_argument("--lang", choices=LANGS, help="language of every line without 'lang' (default: detect)")
    annotate.add_argument("--profile", choices=("accurate", "fast"), default="accurate")
    annotate.add_argument("--batch-size", type=int, default=32)
    annotate.add_argument("--n-process", type=int, default=1)
    annotate.add_argument("--quiet", action="store_true", help="no summary on stderr")

    evaluate = sub.add_parser("evaluate", help="score predictions against a gold JSONL file")
    evaluate.add_argument("gold", help="gold JSONL")
    evaluate.add_argument("--pred", help="predictions JSONL (default: annotate the gold texts now)")
    evaluate.add_argument("--json", action="store_true", help="print the spec's JSON keys")
    evaluate.add_argument("--by", choices=("lang",), help="also report per language")
    evaluate.add_argument("--errors", action="store_true", help="list every miss with its evidence sentence")
    evaluate.add_argument("--baseline", action="store_true", help="also score the naive baseline, side by side")
    evaluate.add_argument("--annotated-only", action="store_true",
                          help="score a field only where the gold annotates it (CASIE: null = not annotated)")
    evaluate.add_argument("--profile", choices=("accurate", "fast"), default="accurate")

    args = parser.parse_args(argv)
    try:
        if args.command == "annotate":
            return run_annotate(args)
        return run_evaluate(args)
    except BreachNLPError as e:
        print(f"breachnlp: error: {e}", file=sys.stderr)
        return 2


# ---------------------------------------------------------------- annotate
def run_annotate(args: argparse.Namespace) -> int:
    from .io import AtomicWriter, check_paths, read_input

    check_paths(args.input, args.output)
    started = time.perf_counter()
    stats: dict[str, Any] = {"processed": 0, "errors": 0, "filled": defaultdict(int)}
    if args.output == "-":
        for record in annotate_lines(read_input(args.input), args, stats):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        with AtomicWriter(args.output) as writer:
            for record in annotate_lines(read_input(args.input), args, stats):
                writer.write(record)
    if not args.quiet:
        _print_summary(stats, time.perf_counter() - started)
    return 0


def annotate_lines(lines: Iterable[Any], args: argparse.Namespace, stats: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One output record per input line, in order: annotated, or an error record."""
    from .api import detect_language
    from .io import annotated_record, error_record
    from .pipeline import cached_pipeline
    from .api import make_doc

    pending: list[Any] = []

    def flush() -> Iterator[dict[str, Any]]:
        by_lang: dict[str, list[int]] = defaultdict(list)
        langs = []
        for i, line in enumerate(pending):
            if line.error is None:
                lang = line.record.get("lang") or args.lang or detect_language(line.record["text"])
                langs.append(lang)
                by_lang[lang].append(i)
            else:
                langs.append(None)
        results: dict[int, Any] = {}
        for lang, indexes in by_lang.items():
            nlp = cached_pipeline(lang, None, args.profile)
            docs = (make_doc(nlp, pending[i].record["text"], pending[i].record.get("published")) for i in indexes)
            for i, doc in zip(indexes, nlp.pipe(docs, batch_size=args.batch_size, n_process=args.n_process)):
                results[i] = doc._.breach
        for i, line in enumerate(pending):
            if line.error is not None:
                stats["errors"] += 1
                yield error_record(line)
                continue
            result = results[i]
            stats["processed"] += 1
            _count_fill(stats["filled"], result)
            yield annotated_record(line.record, result, langs[i])
        pending.clear()

    for line in lines:
        pending.append(line)
        if len(pending) >= args.batch_size * max(1, args.n_process) * 4:
            yield from flush()
    yield from flush()


def _count_fill(filled: dict[str, int], result: Any) -> None:
    filled["organization"] += result.organization is not None
    filled["records"] += result.records is not None
    filled["date"] += result.date.primary is not None
    filled["phi"] += bool(result.phi)


def _print_summary(stats: dict[str, Any], seconds: float) -> None:
    done = stats["processed"]
    rate = (done + stats["errors"]) / seconds if seconds else 0.0
    fills = ", ".join(f"{k} {v / done:.0%}" for k, v in stats["filled"].items()) if done else "-"
    print(f"processed {done}, errors {stats['errors']}, fill rate: {fills}; {rate:.1f} docs/s", file=sys.stderr)


# ---------------------------------------------------------------- evaluate
def run_evaluate(args: argparse.Namespace) -> int:
    from .corpus import read_jsonl
    from .evaluate import evaluate, field_errors, annotated_fields, FIELDS

    gold = list(read_jsonl(args.gold))
    if args.pred:
        predictions = {r.get("id"): r for r in read_jsonl(args.pred)}
    else:
        predictions = {r["id"]: r for r in _annotate_gold(gold, args.profile)}
    pairs = [(g, predictions.get(g.get("id"))) for g in gold]
    report = evaluate(pairs, annotated_only=args.annotated_only)
    output: dict[str, Any] = {"breachnlp": report}
    if args.baseline:
        baseline = {r["id"]: r for r in _baseline_gold(gold)}
        output["baseline"] = evaluate([(g, baseline.get(g["id"])) for g in gold], annotated_only=args.annotated_only)
    by_lang: dict[str, Any] = {}
    if args.by == "lang":
        for lang in sorted({g.get("lang") for g in gold}):
            by_lang[lang] = evaluate([p for p in pairs if p[0].get("lang") == lang], annotated_only=args.annotated_only)
    if args.json:
        data: dict[str, Any] = report.to_dict()
        if args.baseline:
            data["baseline"] = output["baseline"].to_dict()
        if by_lang:
            data["by_lang"] = {lang: r.to_dict() for lang, r in by_lang.items()}
        print(json.dumps(data, indent=2))
    else:
        print(_table(output))
        for lang, r in by_lang.items():
            print(f"\n[{lang}]")
            print(_table({"breachnlp": r}))
        if report.spans:
            print("\nspans (exact / overlap F1):")
            for label, modes in sorted(report.spans.items()):
                print(f"  {label:<13} {modes['exact'].f:.3f} / {modes['overlap'].f:.3f}"
                      f"   (gold {modes['exact'].tp + modes['exact'].fn})")
    if args.errors:
        _print_errors(pairs, field_errors, annotated_fields if args.annotated_only else None, FIELDS)
    return 0


def _annotate_gold(gold: list[dict[str, Any]], profile: str) -> Iterator[dict[str, Any]]:
    args = argparse.Namespace(lang=None, profile=profile, batch_size=16, n_process=1)
    from .io import InputLine

    lines = [InputLine(i, {k: g.get(k) for k in ("id", "lang", "published", "title", "text")})
             for i, g in enumerate(gold, start=1)]
    stats: dict[str, Any] = {"processed": 0, "errors": 0, "filled": defaultdict(int)}
    yield from annotate_lines(lines, args, stats)


def _baseline_gold(gold: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    from .api import detect_language
    from .baseline import baseline_record

    for g in gold:
        lang = g.get("lang") or detect_language(g["text"])
        yield {"id": g["id"], "breach": baseline_record(g, lang).to_dict()}


def _table(reports: dict[str, Any]) -> str:
    names = list(reports)
    header = f"{'field':<13}" + "".join(f"{n:>28}" for n in names)
    lines = [header, f"{'':<13}" + "".join(f"{'P':>10}{'R':>9}{'F1':>9}" for _ in names)]
    fields = list(next(iter(reports.values())).fields)
    for field in fields:
        row = f"{field:<13}"
        for name in names:
            c = reports[name].fields[field]
            row += f"{c.p:>10.3f}{c.r:>9.3f}{c.f:>9.3f}"
        lines.append(row)
    lines.append(f"{'macro_f1':<13}" + "".join(f"{reports[n].macro_f1:>28.3f}" for n in names))
    lines.append(f"{'documents':<13}" + "".join(f"{reports[n].documents:>28d}" for n in names))
    return "\n".join(lines)


def _print_errors(pairs: list[Any], field_errors: Any, annotated: Any, all_fields: Any) -> None:
    from .text import split_sentences

    confusions = 0
    print("\nerrors:")
    for gold, pred in pairs:
        fields = annotated(gold) if annotated else all_fields
        for error in field_errors(gold, pred, fields):
            confusion = error.get("confusion")
            confusions += bool(confusion)
            extra = f"  [confused with other organization {confusion!r}]" if confusion else ""
            print(f"- {error['id']} {error['field']}: predicted {json.dumps(error['predicted'], ensure_ascii=False)}"
                  f" | gold {json.dumps(error['gold'], ensure_ascii=False)}{extra}")
            sentence = _evidence_sentence(gold, pred, error["field"], split_sentences)
            if sentence:
                print(f"    evidence: {sentence}")
    print(f"\norganization confusions with other_organizations: {confusions}")


_FIELD_LABEL = {"organization": "BREACH_ORG", "records": "RECORD_COUNT", "date": "BREACH_DATE",
                "date_roles": "BREACH_DATE", "phi_category": "PHI", "phi_status": "PHI"}


def _evidence_sentence(gold: dict[str, Any], pred: dict[str, Any] | None, field: str, splitter: Any) -> str | None:
    text = gold.get("text", "")
    label = _FIELD_LABEL[field]
    spans = [s for s in (pred or {}).get("spans") or [] if s.get("label") == label]
    spans = spans or [s for s in gold.get("spans") or [] if s.get("label") == label]
    if not spans:
        return None
    for segment in splitter(text):
        if segment.start <= spans[0]["start"] < segment.end:
            return text[segment.start:segment.end][:300]
    return None


if __name__ == "__main__":
    sys.exit(main())
