"""Command line: ``breachnlp annotate``, ``breachnlp evaluate`` and ``breachnlp render``."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .errors import BreachNLPError
from .taxonomy import LANGS

DESCRIPTION = ("Extract data-breach facts from French and English news: the breached organization, "
               "the number of records, the dates by role and the exposed data, each with its evidence.")
EXIT_STATUS = """exit status:
  0    success
  1    the run finished but gave nothing usable: annotate: every record failed (with --strict: any
       record failed); evaluate: no prediction matches a gold id, or no gold line has a `breach`
  2    a bad option or argument, an input that cannot be read, an output that cannot be written
  130  interrupted (annotate keeps what it wrote: add --resume to continue)"""
EPILOG = (EXIT_STATUS + "\n\nRun `breachnlp COMMAND --help` for the options of a command. "
          "Documentation: docs/getting-started.md.")
EXIT_OK, EXIT_UNUSABLE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
PROFILE_HELP = "accurate: the base spaCy model's NER and our rules; fast: a tokenizer and our rules (default: %(default)s)"
BY_FIELDS = ("lang", "genre")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs keep their line breaks (descriptions are wrapped by :func:`_para`)."""


def _para(text: str) -> str:
    return textwrap.fill(text, width=88)


class _VersionAction(argparse.Action):
    """``--version``: computed only when asked (it reads the models' metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: Any = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        print(version_text())
        parser.exit()


def version_text() -> str:
    """breachnlp's version, spaCy's, and the base model ``load(lang)`` uses for each language."""
    import spacy

    from . import __version__
    from .pipeline import base_model_info

    lines = [f"breachnlp {__version__}", f"spaCy {spacy.__version__}"]
    for lang in LANGS:
        info = base_model_info(lang)
        if not info["installed"]:
            lines.append(f"{lang}: no model installed" + (f" ({info['name']} not found)" if info["name"] else ""))
            continue
        line = f"{lang}: {info['name']} {info['version']} (licence {info['license']})"
        if info["provenance"]:
            line += f", {info['provenance']}"
        lines.append(line)
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The ``breachnlp`` argument parser, every command and option with its help."""
    parser = argparse.ArgumentParser(prog="breachnlp", description=_para(DESCRIPTION), epilog=EPILOG,
                                     formatter_class=_Formatter)
    parser.add_argument("--version", action=_VersionAction,
                        help="print the versions of breachnlp and spaCy and the model used for each language, and exit")
    sub = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")

    annotate = sub.add_parser(
        "annotate", formatter_class=_Formatter, epilog=EXIT_STATUS,
        help="annotate articles (JSONL, CSV/TSV, a folder of .txt/.html) into gold-format records",
        description=_para("Annotate every article of INPUT. One output record per input record, in input order: the "
                    "article in gold format (breach and spans filled), or {id, line, error} for a record that "
                    "cannot be annotated. See docs/batch.md."))
    annotate.add_argument("input", help="JSONL (gold format or {id, text, lang?, published?, title?} per line), "
                                        "CSV/TSV, a folder of .txt/.html files, or - for stdin; gzip is read "
                                        "whatever the name")
    annotate.add_argument("-o", "--output", default="-",
                          help="output file: .jsonl, .csv, .tsv, .parquet or .spacy, + .gz to compress JSONL, "
                               "CSV or TSV; - for stdout (default: %(default)s)")
    annotate.add_argument("--input-format", choices=("jsonl", "csv", "tsv", "dir"),
                          help="format of INPUT (default: from its name: a folder is dir, .csv, .tsv, else jsonl)")
    annotate.add_argument("--output-format", choices=("jsonl", "csv", "tsv", "parquet", "spacy"),
                          help="format of the output (default: from the suffix of --output; jsonl for stdout)")
    annotate.add_argument("--encoding", default="utf-8",
                          help="encoding of the JSONL, CSV/TSV and .txt input, e.g. utf-8-sig, cp1252, latin-1, "
                               "utf-16 (.html pages declare their own); the output is always UTF-8 "
                               "(default: %(default)s)")
    annotate.add_argument("--text-col", default="text", help="CSV/TSV column holding the text (default: %(default)s)")
    annotate.add_argument("--id-col", help="CSV/TSV id column (default: the column 'id', when there is one)")
    annotate.add_argument("--lang-col", help="CSV/TSV language column (default: the column 'lang', when there is one)")
    annotate.add_argument("--published-col",
                          help="CSV/TSV publication date column (default: the column 'published', when there is one)")
    annotate.add_argument("--title-col", help="CSV/TSV title column (default: the column 'title', when there is one)")
    annotate.add_argument("--lang", choices=LANGS,
                          help="language of every record that has none (default: detected per record)")
    annotate.add_argument("--profile", choices=("accurate", "fast"), default="accurate", help=PROFILE_HELP)
    annotate.add_argument("--batch-size", type=int, default=32,
                          help="records per chunk and per nlp.pipe batch (default: %(default)s)")
    annotate.add_argument("--n-process", type=int, default=1,
                          help="worker processes, each loading the model once; with --engine dask, local "
                               "dask workers (default: %(default)s)")
    annotate.add_argument("--resume", action="store_true",
                          help="continue an interrupted run of the same command: no record lost or repeated; "
                               "refused if the input or an option changed")
    annotate.add_argument("--strict", action="store_true",
                          help="exit with status 1 when any record failed (default: only when every record failed)")
    annotate.add_argument("--engine", choices=("local", "dask"), default="local",
                          help="local: this machine's processes; dask: the workers of a Dask cluster "
                               "(default: %(default)s)")
    annotate.add_argument("--scheduler", help="address of the dask scheduler, e.g. tcp://10.0.0.5:8786 "
                                              "(default with --engine dask: a new local cluster)")
    annotate.add_argument("--quiet", action="store_true", help="no progress bar and no summary on stderr")
    annotate.add_argument("--review-below", type=float, metavar="P",
                          help="also write to OUTPUT.review.txt the ids of documents with a confidence below P for "
                               "the organization, the count or the date (JSONL output only), for a human to check "
                               "(default: off)")

    evaluate = sub.add_parser(
        "evaluate", formatter_class=_Formatter, epilog=EXIT_STATUS,
        help="score breachnlp, or a file of predictions, against a gold JSONL file",
        description=_para("Score predictions against GOLD, as `## Scoring` of the gold format says: per field P/R/F1 "
                    "(organization, records, date, date roles, data categories and statuses), the macro F1 and, "
                    "where the gold has spans, span scores. Without --pred, the gold texts are annotated now. "
                    "Predictions are matched to gold lines by id."))
    evaluate.add_argument("gold", help="gold JSONL file (gold format: id, text, breach, ...)")
    evaluate.add_argument("--pred", help="predictions JSONL, e.g. `breachnlp annotate` output "
                                         "(default: annotate the gold texts now)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON, with the spec's keys")
    evaluate.add_argument("--by", choices=BY_FIELDS,
                          help="also score each group of gold lines with the same lang or genre (default: the whole file only)")
    evaluate.add_argument("--errors", action="store_true",
                          help="list every difference, one line each (field: gold → predicted), with the "
                               "sentence that produced it")
    evaluate.add_argument("--baseline", action="store_true",
                          help="also score the naive NER-plus-keywords baseline, side by side")
    evaluate.add_argument("--annotated-only", action="store_true",
                          help="score a field only where the gold annotates it (CASIE: null means not annotated)")
    evaluate.add_argument("--profile", choices=("accurate", "fast"), default="accurate",
                          help=PROFILE_HELP + "; without --pred only")

    render = sub.add_parser(
        "render", formatter_class=_Formatter, epilog=EXIT_STATUS,
        help="write an HTML page highlighting the evidence of every article",
        description=_para("Write one standalone HTML page: for each line of INPUT, a table of the fields and the text "
                    "with its evidence highlighted (displaCy). Lines that cannot be read become error blocks."))
    render.add_argument("input", help="JSONL of articles (as for annotate), or annotated lines with --annotated; "
                                      "- for stdin")
    render.add_argument("-o", "--output", default="-", help="the HTML file; - for stdout (default: %(default)s)")
    render.add_argument("--annotated", action="store_true",
                        help="render each line's own breach and spans (annotate output, gold with spans) "
                             "instead of running the pipeline")
    render.add_argument("--id", action="append", dest="ids", metavar="ID",
                        help="render only the line with this id; repeat for several (default: every line)")
    render.add_argument("--lang", choices=LANGS,
                        help="language of every line that has none (default: detected per line)")
    render.add_argument("--profile", choices=("accurate", "fast"), default="accurate", help=PROFILE_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "annotate":
            return run_annotate(args)
        if args.command == "render":
            return run_render(args)
        return run_evaluate(args)
    except BreachNLPError as e:
        print(f"breachnlp: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as e:  # a file that cannot be read or written: say which, not a traceback
        print(f"breachnlp: error: {e.strerror or e}: {e.filename}" if e.filename else f"breachnlp: error: {e}",
              file=sys.stderr)
        return EXIT_ERROR


# ---------------------------------------------------------------- annotate
def run_annotate(args: argparse.Namespace) -> int:
    from .batch import annotate_file
    from .io import Columns

    if args.scheduler and args.engine != "dask":
        raise BreachNLPError("--scheduler needs --engine dask.")
    if args.review_below is not None:
        if not 0.0 <= args.review_below <= 1.0:
            raise BreachNLPError(f"--review-below takes a probability from 0 to 1, not {args.review_below}.")
        if args.output == "-" or not (args.output_format == "jsonl" or
                                      (args.output_format is None and args.output.endswith(".jsonl"))):
            raise BreachNLPError("--review-below reads the annotated records back: give a JSONL output file "
                                 "(-o out.jsonl).")
    columns = Columns(text=args.text_col, id=args.id_col, lang=args.lang_col, published=args.published_col,
                      title=args.title_col)
    try:
        summary = annotate_file(args.input, args.output, input_format=args.input_format,
                                output_format=args.output_format, columns=columns, lang=args.lang,
                                profile=args.profile, batch_size=args.batch_size, n_process=args.n_process,
                                resume=args.resume, progress=False if args.quiet else None, engine=args.engine,
                                scheduler=args.scheduler, encoding=args.encoding)
    except KeyboardInterrupt:
        hint = " add --resume to continue where it stopped." if not args.resume else " run it again to continue."
        print(f"breachnlp: interrupted; what was written is kept in {args.output}.part;{hint}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    if args.review_below is not None:
        flagged, path = write_review_list(args.output, args.review_below)
        if not args.quiet:
            print(f"{flagged} documents to review (confidence below {args.review_below}) -> {path}", file=sys.stderr)
    if summary.errors and (args.strict or not summary.processed):
        total = summary.processed + summary.errors
        which = "every record" if not summary.processed else f"{summary.errors} of {total} records"
        print(f"breachnlp: error: {which} failed (first: {summary.first_error}); the output holds an error record "
              f"for each.", file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_OK


def write_review_list(output: str, below: float) -> tuple[int, str]:
    """Write the ids of the annotated documents whose organization, count or date confidence is
    below ``below`` (or that failed) to ``<output>.review.txt``, one a line; return (count, path)."""
    from .corpus import read_jsonl

    path = f"{output}.review.txt"
    flagged = []
    for record in read_jsonl(output):
        confidence = record.get("confidence") or {}
        if "error" in record or any(v is not None and v < below for v in confidence.values()):
            flagged.append(str(record.get("id") if record.get("id") is not None else f"line {record.get('line')}"))
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(f"{i}\n" for i in flagged)
    return len(flagged), path


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
    from .evaluate import evaluate, reliability

    gold = list(read_jsonl(args.gold))
    with_breach = sum(1 for g in gold if isinstance(g.get("breach"), dict))
    if not with_breach:
        print(f"breachnlp: error: no line of {args.gold} has a `breach` object ({_lines(len(gold))}): it holds no gold "
              "to score against. Give a gold file (spec/gold-format.md) first, predictions with --pred.",
              file=sys.stderr)
        return EXIT_UNUSABLE
    if args.pred:
        predictions = {r.get("id"): r for r in read_jsonl(args.pred)}
        matched = sum(1 for g in gold if g.get("id") in predictions)
        if not matched:
            print(f"breachnlp: error: no prediction of {args.pred} matches a gold id of {args.gold}: nothing to "
                  f"score (gold ids: {_examples(g.get('id') for g in gold)}; prediction ids: "
                  f"{_examples(predictions)}).", file=sys.stderr)
            return EXIT_UNUSABLE
        missing = [g.get("id") for g in gold if g.get("id") not in predictions]
        if missing:
            print(f"breachnlp: warning: {len(missing)} of {len(gold)} gold lines have no prediction in {args.pred} "
                  f"and count as all-null predictions ({_examples(missing)}).", file=sys.stderr)
        gold_ids = {g.get("id") for g in gold}
        extra = [i for i in predictions if i not in gold_ids]
        if extra:
            print(f"breachnlp: warning: {len(extra)} predictions match no gold id and are not scored "
                  f"({_examples(extra)}).", file=sys.stderr)
    else:
        predictions = {r["id"]: r for r in _annotate_gold(gold, args.profile)}
    if with_breach < len(gold):
        print(f"breachnlp: warning: {len(gold) - with_breach} of {len(gold)} gold lines have no `breach`; every value "
              f"predicted for them counts as a false positive "
              f"({_examples(g.get('id') for g in gold if not isinstance(g.get('breach'), dict))}).", file=sys.stderr)
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
    by_group: dict[str, Any] = {}
    if args.by:
        for group in sorted({str(g.get(args.by)) for g in gold}):
            by_group[group] = evaluate([p for p in pairs if str(p[0].get(args.by)) == group],
                                       annotated_only=args.annotated_only)
    calibration = reliability(pairs)
    if args.json:
        data: dict[str, Any] = report.to_dict()
        if calibration:
            data["reliability"] = calibration
        if args.baseline:
            data["baseline"] = output["baseline"].to_dict()
        if by_group:
            data[f"by_{args.by}"] = {group: r.to_dict() for group, r in by_group.items()}
        print(json.dumps(data, indent=2))
    else:
        print(_table(output))
        for group, r in by_group.items():
            print(f"\n[{args.by} = {group}]")
            print(_table({"breachnlp": r}))
        if calibration:
            print("\nconfidence against gold (share right per confidence bin; at or above 0.8):")
            for name, rel in calibration.items():
                cells = "  ".join(f"[{b['from']:.1f}-{b['to']:.1f}) {b['right']:.2f} (n={b['n']})" for b in rel["bins"])
                above = "n/a" if rel["right_above"] is None else f"{rel['right_above']:.0%}"
                print(f"  {name:<13} {cells}")
                print(f"  {'':<13} confidence >= {rel['threshold']} on {rel['coverage']:.0%} of documents, right {above} "
                      f"of the time (all: {rel['right']:.0%})")
        if report.spans:
            print("\nspans (exact / overlap F1):")
            for label, modes in sorted(report.spans.items()):
                print(f"  {label:<13} {modes['exact'].f:.3f} / {modes['overlap'].f:.3f}"
                      f"   (gold {modes['exact'].tp + modes['exact'].fn})")
    if args.errors:
        print_differences(pairs, annotated_only=args.annotated_only)
    return EXIT_OK


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"


def _examples(ids: Iterable[Any], limit: int = 3) -> str:
    """The first few of ``ids``, quoted, for a message."""
    items = list(ids)
    shown = ", ".join(json.dumps(i, ensure_ascii=False) for i in items[:limit])
    return shown + (f" … ({len(items)} in all)" if len(items) > limit else "")


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


def print_differences(pairs: list[tuple[dict[str, Any], dict[str, Any] | None]], *, annotated_only: bool = False,
                      file: Any = None) -> None:
    """``evaluate --errors``: one line per value that differs (``id field: gold → predicted``), then
    the sentence that produced the prediction (or, for a value not predicted, the gold's sentence)."""
    from .evaluate import FIELDS, annotated_fields, differences

    file = file or sys.stdout
    confusions = 0
    print("\nerrors (field: gold → predicted):", file=file)
    for gold, pred in pairs:
        fields = annotated_fields(gold) if annotated_only else FIELDS
        for item in differences(gold, pred, fields):
            confusion = item.get("confusion")
            confusions += bool(confusion)
            extra = f"  [confused with other organization {confusion!r}]" if confusion else ""
            print(f"- {item['id']} {item['field']}: {_shown(item['gold'])} → {_shown(item['predicted'])}{extra}",
                  file=file)
            where = _evidence(gold, pred, item)
            if where:
                print(f"    {where[0]}: {where[1]}", file=file)
    print(f"\norganization confusions with other_organizations: {confusions}", file=file)


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, dict) and "value" in value:
        return f"{value['value']} {value.get('unit')} ({value.get('qualifier')})"
    if isinstance(value, str) and " " in value:
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _span_filter(field: str, value: Any) -> tuple[str, dict[str, Any]]:
    """The span label, and attributes, of the evidence of ``value`` for ``field``."""
    kind, _, key = field.partition(".")
    if kind == "organization":
        return "BREACH_ORG", {}
    if kind == "records":
        return "RECORD_COUNT", {}
    if kind == "date":
        return "BREACH_DATE", {"role": key}
    return "PHI", {"category": key, "status": value}


def _evidence(gold: dict[str, Any], pred: dict[str, Any] | None,
              item: dict[str, Any]) -> tuple[str, str] | None:
    """``("predicted from", sentence)`` for a predicted value, ``("gold at", sentence)`` for a
    value only the gold has, from the spans of each side; ``None`` without such a span."""
    from .chunking import sentence_abbreviations
    from .text import split_sentences

    text = gold.get("text") or ""
    for side, record, value in (("predicted from", pred, item["predicted"]), ("gold at", gold, item["gold"])):
        if value is None or record is None:
            continue
        label, attrs = _span_filter(item["field"], value)
        spans = [s for s in record.get("spans") or [] if s.get("label") == label
                 and all(s.get(k) == v for k, v in attrs.items())
                 and (label != "BREACH_ORG" or s.get("role") in (None, "victim"))]
        if not spans:
            continue
        start = spans[0].get("start", 0)
        for segment in split_sentences(text, sentence_abbreviations(gold.get("lang"))):
            if segment.start <= start < segment.end:
                return side, " ".join(text[segment.start:segment.end].split())[:300]
    return None


if __name__ == "__main__":
    sys.exit(main())
