"""Score a first-sight batch with the code as it is, before anything is changed for it.

    python tools/score_batch.py BATCH.jsonl --name fs01            # print the scores
    python tools/score_batch.py BATCH.jsonl --name fs01 --record   # and append them to docs/first-sight.json
    python tools/score_batch.py BATCH.jsonl --name fs01 --at a625275 --record   # the code of another commit

A first-sight batch is written by someone who never saw the rules (docs/evaluation.md, "How
we measure"). Its first score is recorded once and never revised: ``--record`` refuses a batch
name and code already in the file, and a working tree with uncommitted changes to the code.
``--at REV`` scores with the code of commit REV (a temporary git worktree), for the figure of
an earlier state of the project on the same batch.
"""
from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "docs" / "first-sight.json"
FIELDS = ("organization", "records", "date", "date_roles", "phi_category", "phi_status")

# Runs inside the code under test (this checkout, or a worktree of another commit): it only
# predicts; the scores are computed here, with this checkout's scorer (the spec's rules).
_PREDICTOR = r'''
import json, sys
import catalogue
# The installed entry points name the modules of the checked-out code; another commit's code
# registers its factories itself when imported, so the entry points are set aside.
for _group in list(catalogue.AVAILABLE_ENTRY_POINTS):
    catalogue.AVAILABLE_ENTRY_POINTS[_group] = [ep for ep in catalogue.AVAILABLE_ENTRY_POINTS[_group]
                                                 if not ep.value.startswith("breachnlp.")]
import breachnlp
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
preds = {}
for g in gold:
    try:
        r = breachnlp.extract(g["text"], lang=g["lang"], published=g.get("published"), title=g.get("title"))
    except TypeError:  # code from before the title was an input
        r = breachnlp.extract(g["text"], lang=g["lang"], published=g.get("published"))
    preds[g["id"]] = {"breach": r.to_dict()}
print(json.dumps(preds))
'''


def scores(batch: Path, preds: dict) -> dict:
    sys.path.insert(0, str(ROOT))
    from breachnlp.evaluate import evaluate

    gold = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for name, subset in (("all", gold), ("fr", [g for g in gold if g["lang"] == "fr"]),
                         ("en", [g for g in gold if g["lang"] == "en"])):
        report = evaluate([(g, preds.get(g["id"])) for g in subset]).to_dict()
        out[name] = {"docs": len(subset), "macro_f1": report["macro_f1"], **{f: report[f]["f"] for f in FIELDS}}
    return out


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def predict(batch: Path, at: str | None) -> dict:
    if at is None:
        return _run(batch, ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git("worktree", "add", "--detach", str(tree), at)
        try:
            return _run(batch, tree)
        finally:
            git("worktree", "remove", "--force", str(tree))


def _run(batch: Path, tree: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", _PREDICTOR, str(batch.resolve())], cwd=tree, env=env,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


TURN_START = "a625275"


def _code_label(at: str | None) -> str:
    """"current" (this checkout), "turn start" (the code before this turn) or "session start" (another
    commit, e.g. the code a session began with)."""
    if not at:
        return "current"
    resolved = subprocess.run(["git", "rev-parse", at], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    turn = subprocess.run(["git", "rev-parse", TURN_START], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return "turn start" if resolved and resolved == turn else "session start"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", type=Path)
    parser.add_argument("--name", required=True, help="the batch's name, e.g. fs01")
    parser.add_argument("--at", help="score the code of this commit instead of the working tree")
    parser.add_argument("--record", action="store_true", help="append the scores to docs/first-sight.json")
    args = parser.parse_args(argv)
    commit = git("rev-parse", "--short", args.at or "HEAD")
    if args.record and args.at is None and git("status", "--porcelain", "--", "breachnlp"):
        print("uncommitted changes under breachnlp/: commit first, so the figure names the code it measured",
              file=sys.stderr)
        return 2
    preds = predict(args.batch, args.at)
    entry = {"batch": args.name, "date": dt.date.today().isoformat(), "commit": commit,
             "code": _code_label(args.at), "scores": scores(args.batch, preds)}
    print(json.dumps(entry, indent=1))
    if not args.record:
        return 0
    with open(RECORD.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # several batches may be scored at once
        entries = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else []
        if any(e["batch"] == args.name and e["commit"] == commit for e in entries):
            print(f"{args.name} at {commit} is recorded already; first-sight figures are never revised",
                  file=sys.stderr)
            return 2
        entries.append(entry)
        RECORD.write_text(json.dumps(entries, indent=1) + "\n", encoding="utf-8")
    path = ROOT / "docs" / "first-sight" / f"{args.name}-{commit}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": k, **v}, ensure_ascii=False) + "\n" for k, v in preds.items()),
                    encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
