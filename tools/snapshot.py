"""Refactoring guard: annotate the corpus, the seeds and the probes, and compare with a saved run.

    python tools/snapshot.py write SNAPSHOT.jsonl   # before a refactoring
    python tools/snapshot.py check SNAPSHOT.jsonl   # after each move: lists every article whose output changed

A move that is meant to change no output must leave ``check`` silent. The seeds and the probes
are read from ../shared when it is there (they are not part of the repository).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _inputs() -> Iterator[dict[str, Any]]:
    files = [ROOT / "corpus" / "fr.jsonl", ROOT / "corpus" / "en.jsonl",
             SHARED / "seeds" / "gold.jsonl", SHARED / "generalization" / "probes.jsonl"]
    for file in files:
        if not file.is_file():
            continue
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                yield {key: item.get(key) for key in ("id", "lang", "published", "title", "text")}


def annotate() -> dict[str, str]:
    import breachnlp

    outputs = {}
    for result in breachnlp.pipe(_inputs()):
        record = result.to_record()
        record["decision"] = {field: dict(values) for field, values in result.decision.items()}
        outputs[str(result.id)] = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
    return outputs


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"write", "check"}:
        print(__doc__, file=sys.stderr)
        return 2
    mode, path = argv[0], Path(argv[1])
    outputs = annotate()
    if mode == "write":
        path.write_text("".join(f"{line}\n" for line in outputs.values()), encoding="utf-8")
        print(f"{len(outputs)} outputs written to {path}")
        return 0
    saved = {json.loads(line)["id"]: line for line in path.read_text(encoding="utf-8").splitlines()}
    changed = sorted(key for key in saved if saved[key] != outputs.get(key))
    new = len(outputs.keys() - saved.keys())  # articles added to the corpus since the snapshot
    for key in changed:
        old = json.loads(saved[key]) if key in saved else {}
        new = json.loads(outputs[key]) if key in outputs else {}
        fields = [k for k in old.keys() | new.keys() if old.get(k) != new.get(k)]
        print(f"{key}: {', '.join(sorted(fields))}")
    print(f"{len(changed)} of {len(saved)} outputs changed" + (f" ({new} new articles not compared)" if new else ""))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
