"""Reading files into Documents and writing fixed text back byte-for-byte faithfully."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from mtlint.text.document import Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be linted; the message is one line naming the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class BinaryFile(InputError):
    """A file that looks binary; it is skipped with a warning."""


def format_for(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "\n"


def decode(data: bytes, path: str, encoding: str | None = None, fmt: str | None = None) -> Document:
    """Decode bytes into a Document, remembering BOM, encoding and newline style."""
    bom = False
    enc = encoding
    body = data
    if enc is None:
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, enc, body = True, name, data[len(mark) :]
                break
        else:
            if b"\x00" in data[:8192]:
                raise BinaryFile(path, "binary file (contains NUL bytes), skipped")
            enc = "utf-8"
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"cannot decode as {enc} (byte 0x{body[exc.start]:02x} at offset {exc.start + (len(data) - len(body))}); "
            "pass --encoding to read it",
        ) from None
    except LookupError:
        raise InputError(path, f"unknown encoding {enc!r}") from None
    if encoding is not None and text.startswith("\ufeff"):
        text, bom = text[1:], True
    return Document(
        text=text, path=path, format=fmt or format_for(path), newline=dominant_newline(text), bom=bom, encoding=enc
    )


def read_document(path: str, encoding: str | None = None, fmt: str | None = None) -> Document:
    """Read and decode a file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, path, encoding, fmt)


def encode(doc: Document, text: str) -> bytes:
    """Encode `text` the way `doc` was stored (same encoding and BOM)."""
    data = text.encode(doc.encoding)
    if doc.bom:
        mark = "\ufeff".encode(doc.encoding)
        data = mark + data
    return data


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` atomically (temp file in the same folder), keeping its mode."""
    target = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    import tempfile  # lazy: only --fix writes (and tempfile costs a run that writes nothing 1.5 ms)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".mtlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
