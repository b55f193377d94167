"""Corpus inputs: cutting JSONL and Parquet files into chunks, reading their records, writing them back.

A JSONL chunk is a byte range of whole lines, so a worker reads only its own part of the file and
still names each record by its line number; a Parquet chunk is one row group.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

TARGET_CHUNK_BYTES = 4 * 2**20
MIN_CHUNK_BYTES = 64 * 2**10
PARQUET_SUFFIXES = (".parquet", ".pq")


class CorpusError(ValueError):
    """An input that cannot be read at all (missing file, no pyarrow for Parquet)."""


@dataclass(frozen=True)
class Chunk:
    """A slice of one input: bytes [start, end) of a JSONL file, or one Parquet row group."""

    path: str
    kind: str  # "jsonl" | "parquet"
    start: int  # byte offset, or row-group index
    end: int
    first: int  # number of the chunk's first record in its file (line number, or 1-based row)
    size: int  # bytes, for the progress bar


# -- planning -------------------------------------------------------------------------------------
def chunk_target(inputs: Sequence[str], workers: int) -> int:
    """Bytes per chunk: about four chunks per worker for balance, within [64 KiB, 4 MiB]."""
    total = sum(os.path.getsize(p) for p in inputs if os.path.isfile(p))
    return max(MIN_CHUNK_BYTES, min(TARGET_CHUNK_BYTES, total // (max(1, workers) * 4) + 1))


def plan_chunks(inputs: Sequence[str], target: int = TARGET_CHUNK_BYTES) -> list[Chunk]:
    """Cut every input into chunks of about `target` bytes (whole lines) or one row group each."""
    chunks: list[Chunk] = []
    for path in inputs:
        if not os.path.isfile(path):
            raise CorpusError(f"{path}: no such file")
        if path.lower().endswith(PARQUET_SUFFIXES):
            chunks.extend(_plan_parquet(path))
        else:
            chunks.extend(_plan_jsonl(path, target))
    return chunks


def _plan_jsonl(path: str, target: int) -> Iterator[Chunk]:
    size = os.path.getsize(path)
    start, line = 0, 1
    with open(path, "rb") as fh:
        while start < size:
            if start + target >= size:
                end = size
            else:
                fh.seek(start + target)
                fh.readline()  # run on to the end of the line the cut falls in
                end = fh.tell()
            fh.seek(start)
            newlines, left = 0, end - start
            while left > 0:
                block = fh.read(min(left, 2**22))
                newlines += block.count(b"\n")
                left -= len(block)
            yield Chunk(path, "jsonl", start, end, line, end - start)
            line += newlines
            start = end


def _parquet():  # type: ignore[no-untyped-def]
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError("reading Parquet needs pyarrow: pip install pyarrow") from None
    return pq


def _plan_parquet(path: str) -> Iterator[Chunk]:
    meta = _parquet().ParquetFile(path).metadata
    row = 1
    for i in range(meta.num_row_groups):
        group = meta.row_group(i)
        yield Chunk(path, "parquet", i, i + 1, row, group.total_byte_size)
        row += group.num_rows


# -- reading --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Record:
    number: int  # line number (JSONL) or 1-based row (Parquet) in its file
    raw: str | None  # the JSONL line as read (passed through unchanged when the record is bad)
    data: dict[str, Any] | None
    error: str | None = None


def read_chunk(chunk: Chunk) -> Iterator[Record]:
    """The records of a chunk; a line that is not a JSON object becomes a Record with an error."""
    if chunk.kind == "parquet":
        table = _parquet().ParquetFile(chunk.path).read_row_group(chunk.start)
        for i, row in enumerate(table.to_pylist()):
            yield Record(chunk.first + i, None, row)
        return
    with open(chunk.path, "rb") as fh:
        fh.seek(chunk.start)
        data = fh.read(chunk.end - chunk.start)
    for i, raw_line in enumerate(data.split(b"\n")):
        number = chunk.first + i
        if not raw_line.strip():
            continue
        try:
            text = raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Record(number, None, None, f"not UTF-8 (byte 0x{raw_line[exc.start]:02x})")
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Record(number, text, None, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(value, dict):
            yield Record(number, text, None, f"not a JSON object (got {type(value).__name__})")
            continue
        yield Record(number, text, value)


class FixedWriter:
    """Writes fixed records as JSONL, or as Parquet when the name ends in .parquet."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.parquet = path.lower().endswith(PARQUET_SUFFIXES)
        self.rows: list[dict[str, Any]] = []
        self.fh = None if self.parquet else open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()

    def write(self, lines: Sequence[str]) -> None:
        if self.fh is not None:
            for line in lines:
                self.fh.write(line + "\n")
        else:
            self.rows.extend(json.loads(line) for line in lines)

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            return
        import pyarrow as pa

        _parquet().write_table(pa.Table.from_pylist(self.rows), self.path)
