"""Command line: ``breachnlp annotate`` and ``breachnlp evaluate``."""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .errors import BreachNLPError
from .taxonomy import LANGS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="breachnlp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    annotate = sub.add_parser(
        "annotate", help="annotate articles (JSONL, CSV/TSV, a directory of .txt/.html) into gold-format records",
        description="One output record per input record, in input order: the record in gold format, or "
                    "{id, line, error} for a record that cannot be read. See docs/batch.md.")
    annotate.add_argument("input", help="JSONL (gold format or {id, text, lang?, published?, title?}), CSV/TSV, "
                                        "a directory of .txt/.html files, or - for stdin; gzip is read transparently")
    annotate.add_argument("-o", "--output", required=True,
                          help="output: .jsonl (default), .csv, .tsv, .parquet, .spacy; .gz to compress; - for stdout")
    annotate.add_argument("--input-format", choices=("jsonl", "csv", "tsv", "dir"), help="default: from the name")
    annotate.add_argument("--output-format", choices=("jsonl", "csv", "tsv", "parquet", "spacy"),
                          help="default: from the suffix of --output")
    annotate.add_argument("--text-col", default="text", help="CSV/TSV column holding the text (default: text)")
    annotate.add_argument("--id-col", help="CSV/TSV id column (default: 'id' when present)")
    annotate.add_argument("--lang-col", help="CSV/TSV language column (default: 'lang' when present)")
    annotate.add_argument("--published-col", help="CSV/TSV publication date column (default: 'published' when present)")
    annotate.add_argument("--title-col", help="CSV/TSV title column (default: 'title' when present)")
    annotate.add_argument("--lang", choices=LANGS, help="language of every record without one (default: detect)")
    annotate.add_argument("--profile", choices=("accurate", "fast"), default="accurate",
                          help="accurate: full base model; fast: tokenizer + our rules")
    annotate.add_argument("--batch-size", type=int, default=32, help="records per chunk and per nlp.pipe batch")
    annotate.add_argument("--n-process", type=int, default=1,
                          help="worker processes (each loads the model once); local dask workers with --engine dask")
    annotate.add_argument("--resume", action="store_true",
                          help="continue an interrupted run of the same command (no record lost or repeated)")
    annotate.add_argument("--engine", choices=("local", "dask"), default="local")
    annotate.add_argument("--scheduler", help="dask scheduler address, e.g. tcp://10.0.0.5:8786 "
                                              "(default with --engine dask: a local cluster)")
    annotate.add_argument("--quiet", action="store_true", help="no progress bar and no summary on stderr")

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

    render = sub.add_parser("render", help="write an HTML page highlighting the evidence of every article")
    render.add_argument("input", help="JSONL of articles (as for annotate); annotated lines with --annotated")
    render.add_argument("-o", "--output", required=True, help="output HTML file (- for stdout)")
    render.add_argument("--annotated", action="store_true", help="render each line's own breach and spans")
    render.add_argument("--id", action="append", dest="ids", metavar="ID",
                        help="render only the line with this id (repeat for several)")
    render.add_argument("--lang", choices=LANGS, help="language of every line without 'lang' (default: detect)")
    render.add_argument("--profile", choices=("accurate", "fast"), default="accurate")

    args = parser.parse_args(argv)
    try:
        if args.command == "annotate":
            return run_annotate(args)
        if args.command == "render":
            return run_render(args)
        return run_evaluate(args)
    except BreachNLPError as e:
        print(f"breachnlp: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a file that cannot be read or written: say which, not a traceback
        print(f"breachnlp: error: {e.strerror or e}: {e.filename}" if e.filename else f"breachnlp: error: {e}",
              file=sys.stderr)
        return 2


# ---------------------------------------------------------------- annotate
def run_annotate(args: argparse.Namespace) -> int:
    from .batch import annotate_file
    from .io import Columns

    if args.scheduler and args.engine != "dask":
        raise BreachNLPError("--scheduler needs --engine dask.")
    columns = Columns(text=args.text_col, id=args.id_col, lang=args.lang_col, published=args.published_col,
                      title=args.title_col)
    try:
        summary = annotate_file(args.input, args.output, input_format=args.input_format,
                                output_format=args.output_format, columns=columns, lang=args.lang,
                                profile=args.profile, batch_size=args.batch_size, n_process=args.n_process,
                                resume=args.resume, progress=False if args.quiet else None, engine=args.engine,
                                scheduler=args.scheduler)
    except KeyboardInterrupt:
        hint = " add --resume to continue where it stopped." if not args.resume else " run it again to continue."
        print(f"breachnlp: interrupted; what was written is kept in {args.output}.part;{hint}", file=sys.stderr)
        return 130
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    return 0


def annotate_lines(lines: Iterable[Any], args: argparse.Namespace, stats: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One output record per input line, in order: annotated, or an error record (in this process)."""
    from .batch import BatchOptions, BatchSummary
    from .batch import annotate_lines as batch_lines

    options = BatchOptions(lang=args.lang, profile=args.profile, batch_size=args.batch_size)
    summary = BatchSummary()
    for record in batch_lines(lines, options, summary):
        yield record
        stats["processed"], stats["errors"] = summary.processed, summary.errors
        for name, count in summary.filled.items():
            stats["filled"][name] += count
        summary.filled.clear()


def run_render(args: argparse.Namespace) -> int:
    from .display import render_file

    done, errors = render_file(args.input, args.output, annotated=args.annotated, lang=args.lang, profile=args.profile,
                               ids=args.ids)
    print(f"rendered {done}, errors {errors} -> {args.output}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- evaluate
def run_evaluate(args: argparse.Namespace) -> int:
    from .corpus import read_jsonl
    from .evaluate import evaluate, field_errors, annotated_fields, FIELDS

    gold = list(read_jsonl(args.gold))
    if args.pred:
        predictions = {r.get("id"): r for r in read_jsonl(args.pred)}
    else:
        predictions = {r["id"]: r for r in _annotate_gold(gold, args.profile)}
    failed = [r for r in predictions.values() if "error" in r and "breach" not in r]
    if failed:
        print(f"breachnlp: warning: {len(failed)} of {len(gold)} documents could not be annotated and count as "
              f"all-null predictions (first error: {failed[0].get('error')})", file=sys.stderr)
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
            if c.tp + c.fp + c.fn == 0:
                row += f"{'n/a':>10}{'n/a':>9}{'n/a':>9}"  # nothing to score (e.g. not annotated)
            else:
                row += f"{c.p:>10.3f}{c.r:>9.3f}{c.f:>9.3f}"
        lines.append(row)
        if field == "date_roles":
            for role in next(iter(reports.values())).date_by_role:
                row = f"{'  ' + role:<13}"
                for name in names:
                    c = reports[name].date_by_role[role]
                    row += f"{'n/a':>10}{'n/a':>9}{'n/a':>9}" if c.tp + c.fp + c.fn == 0 else f"{c.p:>10.3f}{c.r:>9.3f}{c.f:>9.3f}"
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
    from .chunking import sentence_abbreviations

    for segment in splitter(text, sentence_abbreviations(gold.get("lang"))):
        if segment.start <= spans[0]["start"] < segment.end:
            return text[segment.start:segment.end][:300]
    return None


if __name__ == "__main__":
    sys.exit(main())
