"""`mtlint corpus`: JSONL records in, findings (JSONL) out, fixed records, bad records, and a Dask run
that gives exactly the findings of the local run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, mtlint
from tests.scale_helpers import SCALE_ENV, make_project


def _corpus(root: Path, copies: int = 40) -> Path:
    """Records built from the fixture documents, with varied names and a shared footer line."""
    docs = sorted(p for p in FIXTURES.glob("*.txt") if p.is_file()) + sorted(FIXTURES.glob("*.md"))
    assert docs, "the seed article is missing from fixtures/"
    texts = [p.read_text(encoding="utf-8") for p in docs]
    path = root / "records.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            text = texts[i % len(texts)].replace("Pakistan", f"Country{i % 5}")
            text += f"\nAll this was in the wind, says marker {i}.\nFollow us for more news.\n"
            fh.write(json.dumps({"doc": f"d{i:03d}", "body": text, "lang": "en"}, ensure_ascii=False) + "\n")
    return path


def _run(root: Path, *args: str) -> tuple[int, list[dict], str]:
    res = mtlint("corpus", "-q", *args, cwd=root, env=SCALE_ENV)
    assert "Traceback" not in res.err, res.err
    return res.code, [json.loads(line) for line in res.out.splitlines()], res.err


def test_records_in_findings_out(tmp_path: Path) -> None:
    make_project(tmp_path, files=0)
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": 7, "text": "Hopes were in the wind.\nA marker."})
        + "\n"
        + json.dumps({"text": "Clean text.", "id": None})
        + "\n"
        + json.dumps({"id": "b", "text": "Follow us.\nvery very well"})
        + "\n",
        encoding="utf-8",
    )
    code, found, _ = _run(tmp_path, "in.jsonl")
    assert code == 1
    assert [(f["id"], f["path"], f["code"], f["line"], f["column"]) for f in found] == [
        ("7", "in.jsonl", "HS001", 1, 12),
        ("7", "in.jsonl", "SCL002", 2, 3),
        ("b", "in.jsonl", "HS001", 2, 1),
    ]
    assert found[0]["fix"]["edits"][0]["replacement"] == "in vain"


def test_write_fixed_keeps_every_record_and_field(tmp_path: Path) -> None:
    make_project(tmp_path, files=0)
    rows = [{"id": "a", "body": "It was all in the wind.", "n": 1}, {"id": "b", "body": "Fine.", "n": [2]}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, _, _ = _run(tmp_path, "--text-field", "body", "--write-fixed", "out.jsonl", "in.jsonl")
    assert code == 1
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out == [{"id": "a", "body": "It was all in vain.", "n": 1}, rows[1]]


def test_bad_records_are_named_on_one_line_each(tmp_path: Path) -> None:
    make_project(tmp_path, files=0)
    (tmp_path / "in.jsonl").write_text(
        '{"id": "ok", "text": "in the wind"}\n{"id": "x", "text": \n\n[1, 2]\n{"id": "y"}\n{"text": 3}\n',
        encoding="utf-8",
    )
    res = mtlint("corpus", "-q", "--write-fixed", "out.jsonl", "in.jsonl", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 2
    assert res.err.splitlines() == [
        "mtlint: error: in.jsonl:2: not valid JSON (Expecting value at column 21)",
        "mtlint: error: in.jsonl:4: not a JSON object (got list)",
        "mtlint: error: in.jsonl:5: record has no 'text' field",
        "mtlint: error: in.jsonl:6: field 'text' is not a string (got int)",
    ]
    assert [json.loads(line)["id"] for line in res.out.splitlines()] == ["ok"]
    # Bad records pass through to the fixed output unchanged, so no record is lost.
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines() == [
        '{"id": "ok", "text": "in vain"}',
        '{"id": "x", "text": ',
        "[1, 2]",
        '{"id": "y"}',
        '{"text": 3}',
    ]
    missing = mtlint("corpus", "nowhere.jsonl", cwd=tmp_path, env=SCALE_ENV)
    assert missing.code == 2 and missing.err.strip() == "mtlint: error: nowhere.jsonl: no such file"


def test_local_jobs_give_the_same_findings(tmp_path: Path) -> None:
    make_project(tmp_path, files=0)
    data = _corpus(tmp_path)
    assert data.stat().st_size > 2 * 64 * 1024  # several chunks, so the pool really runs
    _, one, _ = _run(tmp_path, "--text-field", "body", "--id-field", "doc", "-j", "1", str(data))
    _, two, _ = _run(tmp_path, "--text-field", "body", "--id-field", "doc", "-j", "2", str(data))
    assert one == two
    codes = {f["code"] for f in one}
    assert codes == {"HS001", "SCL001", "SCL002"}
    assert {f["id"] for f in one if f["code"] == "SCL001"} == {f"d{i:03d}" for i in range(40)}
    assert [f["id"] for f in one] == sorted(f["id"] for f in one)  # record order


def test_dask_cluster_gives_the_local_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    make_project(tmp_path, files=0)
    data = _corpus(tmp_path)
    # Workers start as new processes: give them the test rules' plug-in path.
    monkeypatch.setenv("PYTHONPATH", SCALE_ENV["PYTHONPATH"])
    monkeypatch.syspath_prepend(SCALE_ENV["PYTHONPATH"].split(os.pathsep)[0])
    args = ("--text-field", "body", "--id-field", "doc", "--write-fixed")
    _, local, _ = _run(tmp_path, *args, "local.jsonl", str(data))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, remote, err = _run(
            tmp_path, *args, "remote.jsonl", "--engine", "dask", "--scheduler", cluster.scheduler_address, str(data)
        )
    assert code == 1, err
    assert remote == local
    assert len(local) > 100
    assert (tmp_path / "remote.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    # The cross-document evidence reached the workers: the footer is in all 40 records.
    assert sum(f["code"] == "SCL001" and "in 40 of 40" in f["message"] for f in remote) == 40


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    make_project(tmp_path, files=0)
    pq.write_table(
        pa.Table.from_pylist([{"id": "p1", "text": "All in the wind."}, {"id": "p2", "text": "Ok."}]),
        tmp_path / "in.parquet",
    )
    code, found, _ = _run(tmp_path, "--write-fixed", "out.parquet", "in.parquet")
    assert code == 1 and [(f["id"], f["code"]) for f in found] == [("p1", "HS001")]
    assert pq.read_table(tmp_path / "out.parquet").to_pylist() == [
        {"id": "p1", "text": "All in vain."},
        {"id": "p2", "text": "Ok."},
    ]


def test_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    make_project(tmp_path, files=0)
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    res = mtlint(
        "corpus",
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
        "in.jsonl",
        cwd=tmp_path,
        env={**SCALE_ENV, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )
    assert res.code == 2
    assert res.err.splitlines() == [
        "mtlint: error: cannot reach the Dask scheduler tcp://127.0.0.1:9: "
        "Timed out trying to connect to tcp://127.0.0.1:9 after 2 s"
    ]
