"""Build corpus/fr.jsonl and corpus/en.jsonl from the YAML sources in corpus/src/.

    python corpus/build.py            # validate and write
    python corpus/build.py --check    # validate only; list every problem, write nothing
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from breachnlp.corpus import build_corpus  # noqa: E402
from breachnlp.errors import GoldFormatError  # noqa: E402


def main(argv: list[str]) -> int:
    out_dir = Path(tempfile.mkdtemp()) if "--check" in argv else HERE
    try:
        counts = build_corpus(HERE / "src", out_dir)
    except GoldFormatError as e:
        print(f"invalid: {e}", file=sys.stderr)
        return 1
    print(", ".join(f"{lang}: {n} articles" for lang, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
