"""The Dask engine on a LocalCluster: same records as the local engine, one pipeline per worker.

Skipped when the ``dask`` extra (dask, distributed) is not installed; ``make test`` installs it.
"""
from __future__ import annotations

import json

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from breachnlp.batch import annotate_bag, annotate_dataframe, annotate_file  # noqa: E402
from breachnlp.cli import main  # noqa: E402
from breachnlp.io import FLAT_COLUMNS, Columns, flat_record  # noqa: E402

SENTENCES = [
    "Brightwater Dental said on Tuesday that an attacker accessed its scheduling server in January.",
    "The names and dates of birth of about {n} patients may have been viewed.",
    "No payment card numbers were stored on the affected system, the company said.",
    "Hollis County Hospital discovered the intrusion on February {d} and notified regulators.",
]


def article(i: int) -> dict:
    text = " ".join(SENTENCES[(i + k) % len(SENTENCES)].format(n=f"{2000 + 41 * i:,}", d=1 + i % 27)
                    for k in range(3))
    return {"id": f"en-{i}", "lang": "en", "published": "2024-02-2" + str(i % 9), "text": text}


LINES = [json.dumps(article(i)) for i in range(12)]
LINES[4] = '{"id": "cut", "text": "no end'
LINES[9] = json.dumps({"id": "number", "text": 3})


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        yield cluster, client


@pytest.fixture(scope="module")
def local_records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    source = folder / "in.jsonl"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    annotate_file(source, folder / "local.jsonl", profile="fast", batch_size=3)
    return source, [json.loads(x) for x in (folder / "local.jsonl").read_text(encoding="utf-8").splitlines()]


def test_batch_dask_bag_gives_the_local_records_with_one_pipeline_per_worker(cluster, local_records):
    import dask.bag as db

    _, client = cluster
    _, expected = local_records
    bag = db.from_sequence(LINES, npartitions=6)
    records = annotate_bag(bag, profile="fast", batch_size=3).compute()
    assert [r.get("id") for r in records] == [r.get("id") for r in expected]
    assert [r for r in records if "error" not in r] == [r for r in expected if "error" not in r]
    assert records[4]["error"].startswith("invalid JSON") and records[9]["error"].startswith("'text' must be")

    def pipelines_loaded():
        from breachnlp.pipeline import cached_pipeline
        return cached_pipeline.cache_info()._asdict()

    infos = client.run(pipelines_loaded)
    assert len(infos) == 2
    assert all(info["misses"] <= 1 for info in infos.values())  # at most one load per worker process
    assert sum(info["hits"] + info["misses"] for info in infos.values()) >= 6  # every partition asked for it


def test_batch_dask_bag_accepts_mappings(cluster, local_records):
    import dask.bag as db

    _, expected = local_records
    records = annotate_bag(db.from_sequence([article(0), article(1)], npartitions=2), profile="fast").compute()
    assert records == expected[:2]


def test_batch_dask_dataframe_gives_flat_rows(cluster, local_records):
    import dask.dataframe as dd
    import pandas as pd

    _, expected = local_records
    good = [article(i) for i in range(12) if i not in (4, 9)]
    frame = pd.DataFrame([{"key": a["id"], "body": a["text"], "day": a["published"], "lang": a["lang"]}
                          for a in good])
    ddf = dd.from_pandas(frame, npartitions=3)
    result = annotate_dataframe(ddf, columns=Columns(text="body", id="key", published="day"),
                                profile="fast").compute()
    assert list(result.columns) == list(FLAT_COLUMNS)
    rows = [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in result.to_dict("records")]
    assert rows == [flat_record(r) for r in expected if "error" not in r]


def test_batch_dask_engine_from_the_command_line(cluster, local_records, tmp_path):
    dask_cluster, _ = cluster
    source, expected = local_records
    target = tmp_path / "dask.jsonl"
    assert main(["annotate", str(source), "-o", str(target), "--profile", "fast", "--batch-size", "3",
                 "--engine", "dask", "--scheduler", dask_cluster.scheduler_address, "--quiet"]) == 0
    assert [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()] == expected
