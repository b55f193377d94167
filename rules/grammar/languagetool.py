"""LanguageTool backend: a server the user runs, or one unpacked under LTP_PATH, via language-tool-python.

mtlint never lets language-tool-python download LanguageTool (about 250 MB): without a URL it only
starts a copy that is already unpacked on disk.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from mtlint.rules.grammar.chunks import Chunk
from mtlint.rules.grammar.issues import GrammarError, Issue
from mtlint.rules.grammar.settings import URL_ENV, GrammarSettings
from mtlint.text.regexes import compiled

NO_SERVER = (
    "no LanguageTool server: pass --languagetool-url URL, set " + URL_ENV + " or [tool.mtlint.grammar] url, "
    'point LTP_PATH at an unpacked LanguageTool, or set [tool.mtlint.grammar] backend = "harper"'
)
MISSING = "the languagetool backend needs language-tool-python (a dependency of mtlint): pip install mtlint"
# Spelling is off unless asked for: translated names would drown the output.
SPELLING_CATEGORIES = ("TYPOS",)
SEPARATOR = "\n\n"  # LanguageTool treats a blank line as a paragraph break
# LanguageTool counts UTF-16 units, and language-tool-python corrects offsets through class-level state
# shared by all threads; text without astral characters needs no correction, so none is sent.
_ASTRAL = compiled(r"[^\x00-\uffff]")
_SENTENCE_END = compiled(r"[.!?…][\"'”’)\]]*\s")


@dataclass(frozen=True)
class _Piece:
    chunk: int  # index of the chunk it comes from
    start: int  # offset of the piece in the chunk's text
    text: str


class LanguageToolBackend:
    """Send prose in batches under the server's size limit, a few requests at a time."""

    name = "languagetool"

    def __init__(self, tool: Any, where: str, settings: GrammarSettings) -> None:
        self.tool = tool
        self.where = where
        self.batch_size = settings.options.batch_size
        self.max_requests = settings.options.max_requests
        self.timeout = settings.options.timeout
        from importlib.metadata import version

        self.identity = f"language-tool-python {version('language-tool-python')}: {where}"
        self._failed: str | None = None
        self._lock = threading.Lock()

    @classmethod
    def open(cls, settings: GrammarSettings) -> LanguageToolBackend:
        """Connect (or start the copy under LTP_PATH) and check the language; ValueError if that fails."""
        try:
            import language_tool_python  # noqa: F401
        except ImportError:
            raise ValueError(MISSING) from None
        opts = settings.options
        if settings.url:
            where = f"LanguageTool at {settings.url}v2/ (from {settings.url_source})"
            kwargs: dict[str, object] = {"remote_server": settings.url}
        else:
            version, root = _unpacked_version()
            where = f"LanguageTool {version} under LTP_PATH={root}"
            kwargs = {"language_tool_download_version": version}
        try:
            # "auto" is always known, so a failure here is about reaching the server, not the language.
            tool = _client(opts.timeout, language="auto", **kwargs)
        except Exception as exc:
            raise ValueError(f"cannot use {where}: {reason(exc, opts.timeout)}") from None
        for attr, value, what in (
            ("language", opts.language, "language"),
            ("mother_tongue", opts.mother_tongue, "mother tongue"),
        ):
            if not value:
                continue
            try:
                setattr(tool, attr, value)
                if attr == "mother_tongue":
                    _ = tool.mother_tongue  # the client checks it lazily, on every request
            except (ValueError, AttributeError):
                raise ValueError(f"{where} does not support {what} {value!r}") from None
            except Exception as exc:
                raise ValueError(f"cannot use {where}: {reason(exc, opts.timeout)}") from None
        tool.enabled_rules = set(opts.enabled_rules)
        tool.disabled_rules = set(opts.disabled_rules)
        tool.disabled_categories = set(opts.disabled_categories) | (
            set() if opts.spelling else set(SPELLING_CATEGORIES)
        )
        tool.picky = opts.picky
        return cls(tool, where, settings)

    # -- checking ---------------------------------------------------------------------------------
    def check(self, chunks: Sequence[Chunk]) -> list[list[Issue]]:
        if self._failed:
            raise GrammarError(f"skipped: {self._failed}")
        out: list[list[Issue]] = [[] for _ in chunks]
        batches = batch(split_pieces(chunks, self.batch_size), self.batch_size)
        if not batches:
            return out
        pool = ThreadPoolExecutor(max_workers=min(self.max_requests, len(batches)))
        try:
            for pieces, matches in zip(batches, pool.map(self._send, [_text(b) for b in batches])):
                for piece, issue in _locate(pieces, matches):
                    out[piece.chunk].append(issue)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return out

    def _send(self, text: str) -> list[Any]:
        if self._failed:
            raise GrammarError(f"skipped: {self._failed}")
        try:
            return list(self.tool.check(text))
        except Exception as exc:
            message = f"{self.where}: {reason(exc, self.timeout)}"
            with self._lock:
                self._failed = self._failed or message
            raise GrammarError(message) from None


def _client(timeout: float, **kwargs: Any) -> Any:
    """language-tool-python's client with our time-out (the library's is a fixed 300 s class attribute)."""
    from language_tool_python import LanguageTool

    class _Client(LanguageTool):
        def __init__(self, **kw: Any) -> None:
            self._TIMEOUT = timeout  # type: ignore[assignment]  # the library types it as the literal 300
            super().__init__(**kw)

        def _start_server_on_free_port(self) -> None:
            # When a local server fails to start, the library tries again on each of ~900 ports; a broken
            # copy fails the same way on every one (minutes of JVM starts), so try three.
            self._available_ports = self._available_ports[:2]
            try:
                super()._start_server_on_free_port()
            finally:
                _close_exited_servers()

    return _Client(**kwargs)


def _close_exited_servers() -> None:
    """Close the input pipe of every local server the library started that has exited (a failed start):
    the library keeps them in a list to kill at exit, with their pipes open."""
    from language_tool_python import server

    for proc in list(server.RUNNING_SERVER_PROCESSES):
        if proc.poll() is not None:
            if proc.stdin is not None:
                proc.stdin.close()
            server.RUNNING_SERVER_PROCESSES.remove(proc)


def _unpacked_version() -> tuple[str, str]:
    """The newest LanguageTool unpacked under LTP_PATH, or ValueError; never a download."""
    root = os.environ.get("LTP_PATH", "")
    if not root:
        raise ValueError(NO_SERVER)
    if not os.path.isdir(root):
        raise ValueError(f"LTP_PATH={root} is not a folder (it should hold an unpacked LanguageTool-<version>)")
    from language_tool_python.download_lt import LocalLanguageTool

    latest = LocalLanguageTool.get_latest_installed_version()
    if latest is None:
        raise ValueError(f"no unpacked LanguageTool-<version> folder under LTP_PATH={root} (mtlint never downloads it)")
    try:
        latest.get_jar_path()
    except FileNotFoundError:
        raise ValueError(
            f"no languagetool-server.jar in LanguageTool-{latest.version_name} under LTP_PATH={root}"
        ) from None
    if shutil.which("java") is None:
        raise ValueError(f"LanguageTool under LTP_PATH={root} needs Java, and no `java` is on PATH")
    return latest.version_name, root


def reason(exc: BaseException, timeout: float) -> str:
    """One line saying why a request failed, from the exception chain."""
    import requests

    chain = []
    e: BaseException | None = exc
    while e is not None and e not in chain:
        chain.append(e)
        e = e.__cause__ or e.__context__
    if any(isinstance(x, (requests.Timeout, TimeoutError)) for x in chain):
        return f"no answer within {timeout:g} s"
    if any(isinstance(x, ConnectionRefusedError) or "refused" in str(x).lower() for x in chain):
        return "connection refused"
    if any(isinstance(x, requests.ConnectionError) for x in chain):
        return "cannot connect (" + _first_line(str(chain[-1])) + ")"
    from language_tool_python.exceptions import LanguageToolError

    if isinstance(exc, LanguageToolError) and len(chain) > 1:
        return "the answer is not LanguageTool JSON: " + (_first_line(str(exc)) or "empty")
    if isinstance(exc, LanguageToolError):
        return _first_line(str(exc)) or type(exc).__name__
    return f"the answer is not what LanguageTool sends ({type(exc).__name__}: {_first_line(str(exc))})"


def _first_line(text: str, limit: int = 80) -> str:
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


# -- batching ---------------------------------------------------------------------------------------
def split_pieces(chunks: Sequence[Chunk], size: int) -> list[_Piece]:
    """Chunks as pieces no longer than `size`, cut after a sentence (or a space) when too long."""
    pieces = []
    for i, chunk in enumerate(chunks):
        text = _ASTRAL.sub("\u25a1", chunk.text)
        start = 0
        while len(text) - start > size:
            cut = _cut(text, start, start + size)
            pieces.append(_Piece(i, start, text[start:cut]))
            start = cut
        pieces.append(_Piece(i, start, text[start:]))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, limit)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", start + 1, limit)
    return space + 1 if space > start else limit


def batch(pieces: Sequence[_Piece], size: int) -> list[list[_Piece]]:
    """Group pieces into requests of at most `size` characters (separators included)."""
    batches: list[list[_Piece]] = []
    length = 0
    for piece in pieces:
        extra = len(piece.text) + (len(SEPARATOR) if batches and batches[-1] else 0)
        if batches and length + extra <= size:
            batches[-1].append(piece)
            length += extra
        else:
            batches.append([piece])
            length = len(piece.text)
    return batches


def _text(pieces: list[_Piece]) -> str:
    return SEPARATOR.join(p.text for p in pieces)


def _locate(pieces: list[_Piece], matches: list[Any]) -> list[tuple[_Piece, Issue]]:
    """Map each match of a batch back to its piece; matches across a separator are dropped."""
    found = []
    bounds = []
    pos = 0
    for p in pieces:
        bounds.append((pos, pos + len(p.text), p))
        pos += len(p.text) + len(SEPARATOR)
    for m in matches:
        start, end = int(m.offset), int(m.offset) + int(m.error_length)
        for lo, hi, piece in bounds:
            if lo <= start and end <= hi:
                s, e = piece.start + start - lo, piece.start + end - lo
                reps = list(m.replacements or [])
                edit = (s, e, str(reps[0])) if reps else None
                found.append((piece, Issue(s, e, str(m.rule_id), str(m.message), edit)))
                break
    return found
