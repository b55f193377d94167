"""MT501 with the LanguageTool backend, against a stand-in server on 127.0.0.1 and the real client.

The stand-in implements LanguageTool's documented HTTP API (`GET /v2/languages`, `POST /v2/check`
with a form body, JSON answers with UTF-16 offsets) with a few fixed "rules", and records every
request, so the tests see what mtlint sends and what a user sees: exact positions, fixes, exit
codes and one-line errors.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import regex

from tests.helpers import Result
from tests.helpers import mtlint as mtlint_process

pytest.importorskip("language_tool_python")


def mtlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run the command line in this process (as a user would, minus interpreter start-up: these tests
    make dozens of runs); a few tests below use a real process."""
    from click.testing import CliRunner

    from mtlint.commands.cli import main

    here = os.getcwd()
    os.chdir(cwd)
    try:
        res = CliRunner().invoke(main, list(args), env=env)
    finally:
        os.chdir(here)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return Result(res.exit_code, res.stdout, res.stderr)


# (pattern, rule id, category, message, replacements): what the stand-in server "finds".
RULES = (
    (r"\bhave(?= signed)", "HAVE_HAS_AGREEMENT", "GRAMMAR", "Possible agreement error.", ["has"]),
    (r"\bevery days\b", "EVERY_NNS", "GRAMMAR", "Use the singular after 'every'.", ["every day"]),
    (r"\bTheir(?= going)", "THEIR_IS", "CONFUSED_WORDS", "Did you mean 'They're'?", ["They're"]),
    (r"\bwith with\b", "ENGLISH_WORD_REPEAT_RULE", "MISC", "Possible typo: you repeated a word.", ["with"]),
    (r"\bNawaz\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["Nawab"]),
    (r"\bthe and\b", "THE_CC", "GRAMMAR", "Article before a conjunction.", ["the"]),
)
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "Arabic", "code": "ar", "longCode": "ar"},
]


def utf16(text: str, index: int) -> int:
    """LanguageTool (Java) counts UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


def lt_matches(text: str, disabled_categories: set[str]) -> list[dict]:
    out = []
    for pattern, rule_id, category, message, replacements in RULES:
        if category in disabled_categories:
            continue
        for m in regex.finditer(pattern, text):
            off, length = utf16(text, m.start()), utf16(text, m.end()) - utf16(text, m.start())
            out.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "offset": off,
                    "length": length,
                    "replacements": [{"value": r} for r in replacements],
                    "context": {
                        "text": text[max(0, m.start() - 20) : m.end() + 20],
                        "offset": min(20, m.start()),
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": message,
                        "issueType": "grammar",
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
    return sorted(out, key=lambda m: m["offset"])


class FakeLanguageTool:
    """A LanguageTool stand-in; `mode` picks how /v2/check (or /v2/languages) misbehaves."""

    def __init__(self, mode: str = "ok", delay: float = 0.0) -> None:
        self.mode = mode
        self.delay = delay
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path, params)
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                fake.answer(self, "GET", url.path, dict(urllib.parse.parse_qsl(url.query)))

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                fake.answer(
                    self,
                    "POST",
                    urllib.parse.urlsplit(self.path).path,
                    dict(urllib.parse.parse_qsl(body, keep_blank_values=True)),
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def checks(self) -> list[dict[str, str]]:
        return [p for m, path, p in self.requests if path == "/v2/check"]

    def answer(self, h: BaseHTTPRequestHandler, method: str, path: str, params: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((method, path, params))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self._answer(h, path, params)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, h: BaseHTTPRequestHandler, path: str, params: dict[str, str]) -> None:
        if path == "/v2/languages":
            if self.mode == "languages-garbage":
                return self.send(h, 200, "text/html", "<html><body>Welcome to nginx!</body></html>")
            if self.mode == "languages-slow":
                time.sleep(self.delay)
            return self.send(h, 200, "application/json", json.dumps(LANGUAGES))
        if path != "/v2/check":
            return self.send(h, 404, "text/plain", "Not found")
        if self.delay:
            time.sleep(self.delay)
        if self.mode == "500":
            return self.send(h, 500, "text/html", "<html>\n<h1>Internal Server Error</h1>\n</html>")
        if self.mode == "garbage":
            return self.send(h, 200, "application/json", json.dumps({"unexpected": True}))
        disabled = set(filter(None, params.get("disabledCategories", "").split(",")))
        body = {
            "software": {"name": "LanguageTool", "version": "6.8"},
            "language": {"name": "English (US)", "code": params.get("language", "")},
            "matches": lt_matches(params["text"], disabled),
        }
        return self.send(h, 200, "application/json", json.dumps(body))

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, ctype: str, body: str) -> None:
        data = body.encode("utf-8")
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype + "; charset=utf-8")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
        except OSError:  # the client gave up (time-out tests)
            pass

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def server() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture(autouse=True)
def no_ambient_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own LanguageTool settings must not leak into these tests."""
    for var in ("MTLINT_LANGUAGETOOL_URL", "LTP_PATH", "LTP_JAR_DIR_PATH"):
        monkeypatch.delenv(var, raising=False)
    for var in ("NO_PROXY", "no_proxy"):  # the stand-in is local: never through a proxy
        monkeypatch.setenv(var, "127.0.0.1,localhost")


def dead_url() -> str:
    """An address on this machine where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def check(root: Path, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return mtlint("check", "--select", "grammar", "--no-cache", "--format", "json", *args, cwd=root, env=env)


def found(res) -> list[tuple]:  # type: ignore[no-untyped-def]
    assert res.err == "", res.err
    out = []
    for f in json.loads(res.out):
        assert (f["code"], f["rule"], f["category"]) == ("MT501", "grammar", "grammar")
        fix = f["fix"]["edits"][0]["replacement"] if f["fix"] else None
        out.append((f["line"], f["column"], f["message"], fix))
    return out


MARKDOWN = """\
# Talks in Islamabad

The minister have signed the accord, `have signed` in code is ignored,
and [the envoy](https://example.org/have-signed) visits every days.

- Their going to meet again, said a spokesman with with a smile.
  Run the `mtlint check` and wait.
  Officials say the talks
  continue every days.

```
The minister have signed inside a code block.
```
"""


def test_positions_in_multiline_markdown_land_on_the_right_line_and_column(tmp_path: Path, server) -> None:
    (tmp_path / "a.md").write_text(MARKDOWN, encoding="utf-8")
    res = check(tmp_path, "--languagetool-url", server.url, "a.md")
    assert res.code == 1
    assert found(res) == [
        (3, 14, "Possible agreement error. (HAVE_HAS_AGREEMENT)", "has"),
        (4, 57, "Use the singular after 'every'. (EVERY_NNS)", "every day"),
        (6, 3, "Did you mean 'They're'? (THEIR_IS)", None),  # a capitalised token: no fix
        (6, 47, "Possible typo: you repeated a word. (ENGLISH_WORD_REPEAT_RULE)", "with"),
        (9, 12, "Use the singular after 'every'. (EVERY_NNS)", "every day"),
    ]
    assert any("Run the and wait." in p["text"] for p in server.checks)  # flagged, but next to left-out code
    sent = "\n".join(p["text"] for p in server.checks)
    assert "`" not in sent and "https" not in sent and "inside a code block" not in sent
    assert "Talks in Islamabad" not in sent  # headings are titles, not sentences


def test_unsafe_fix_skips_capitalised_tokens_and_needs_unsafe_fixes(tmp_path: Path, server) -> None:
    text = "Their going home, said the minister with with a smile.\n\nThe minister have signed it.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = mtlint(
        "check", "--select", "grammar", "--no-cache", "--languagetool-url", server.url, "--fix", "a.txt", cwd=tmp_path
    )
    assert res.code == 1 and path.read_text(encoding="utf-8") == text  # unsafe fixes only on request
    res = mtlint(
        "check",
        "--select",
        "grammar",
        "--no-cache",
        "--languagetool-url",
        server.url,
        "--fix",
        "--unsafe-fixes",
        "a.txt",
        cwd=tmp_path,
    )
    assert path.read_text(encoding="utf-8") == (
        "Their going home, said the minister with a smile.\n\nThe minister has signed it.\n"
    )
    assert res.code == 1  # "Their" stays flagged: a capitalised token is never rewritten


def test_offsets_count_astral_characters_once(tmp_path: Path, server) -> None:
    (tmp_path / "a.txt").write_text("Fans 🎉🎉 cheered as the minister have signed the deal.\n", encoding="utf-8")
    res = check(tmp_path, "--languagetool-url", server.url, "a.txt")
    assert found(res) == [(1, 33, "Possible agreement error. (HAVE_HAS_AGREEMENT)", "has")]


def test_paragraphs_are_batched_under_the_size_limit(tmp_path: Path, server) -> None:
    para = "The minister have signed the accord after long talks in the capital on Monday."  # 78 chars
    text = "\n\n".join([para] * 6) + "\n\n" + " ".join([para] * 4) + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "g.toml").write_text("[grammar]\nbatch-size = 200\n", encoding="utf-8")
    res = check(tmp_path, "--config", "g.toml", "--languagetool-url", server.url, "a.txt")
    lines = [(line, col) for line, col, _, _ in found(res)]
    assert lines == [(1, 14), (3, 14), (5, 14), (7, 14), (9, 14), (11, 14), (13, 14), (13, 93), (13, 172), (13, 251)]
    sizes = [len(p["text"]) for p in server.checks]
    assert all(s <= 200 for s in sizes), sizes
    # 6 short paragraphs, two per request; the long one (315 chars) cut after its sentences. Requests run
    # concurrently, so they may reach the server in any order.
    assert sorted(sizes) == [157, 158, 158, 158, 158]


def test_requests_in_flight_are_bounded(tmp_path: Path) -> None:
    para = "The minister have signed the accord after long talks in the capital on Monday."
    (tmp_path / "a.txt").write_text("\n\n".join([para] * 8) + "\n", encoding="utf-8")
    (tmp_path / "g.toml").write_text("[grammar]\nbatch-size = 200\nmax-requests = 3\n", encoding="utf-8")
    with FakeLanguageTool(delay=0.2) as slow:
        res = check(tmp_path, "--config", "g.toml", "--languagetool-url", slow.url, "a.txt")
    assert len(found(res)) == 8 and len(slow.checks) == 4  # two paragraphs a request
    assert 1 <= slow.max_in_flight <= 3


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/"])
def test_url_forms_reach_v2_once(tmp_path: Path, server, suffix: str) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    res = check(tmp_path, "--languagetool-url", server.url + suffix, "a.txt")
    assert found(res) == [(1, 14, "Possible agreement error. (HAVE_HAS_AGREEMENT)", "has")]
    assert {path for _, path, _ in server.requests} == {"/v2/languages", "/v2/check"}


def test_url_without_scheme_and_from_env_and_config(tmp_path: Path, server) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    bare = server.url.removeprefix("http://")
    assert check(tmp_path, "--languagetool-url", bare, "a.txt").code == 1
    assert check(tmp_path, "a.txt", env={"MTLINT_LANGUAGETOOL_URL": server.url}).code == 1
    (tmp_path / "g.toml").write_text(f'[grammar]\nurl = "{server.url}/v2/"\n', encoding="utf-8")
    assert check(tmp_path, "--config", "g.toml", "a.txt").code == 1
    # The command line beats the environment, which beats the config file.
    dead = dead_url()
    res = check(
        tmp_path, "--config", "g.toml", "--languagetool-url", server.url, "a.txt", env={"MTLINT_LANGUAGETOOL_URL": dead}
    )
    assert res.code == 1 and res.err == ""
    res = check(tmp_path, "--config", "g.toml", "a.txt", env={"MTLINT_LANGUAGETOOL_URL": dead})
    assert res.code == 2 and f"{dead}/v2/ (from MTLINT_LANGUAGETOOL_URL)" in res.err


def test_connection_refused_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    url = dead_url()
    res = mtlint_process("check", "--select", "grammar", "--languagetool-url", url, "a.txt", cwd=tmp_path)
    assert res.code == 2
    assert res.out == ""
    assert res.err == (
        f"mtlint: error: grammar: cannot use LanguageTool at {url}/v2/ (from --languagetool-url): connection refused\n"
    )


def test_slow_server_times_out_and_is_not_asked_again(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("The minister have signed it.\n", encoding="utf-8")
    (tmp_path / "g.toml").write_text("[grammar]\ntimeout = 0.3\n", encoding="utf-8")
    with FakeLanguageTool(delay=1.5) as slow:
        res = check(tmp_path, "--config", "g.toml", "--languagetool-url", slow.url, "a.txt", "b.txt", "c.txt")
        asked = len(slow.checks)
    where = f"LanguageTool at {slow.url}/v2/ (from --languagetool-url)"
    assert res.code == 2
    assert res.err == (
        f"mtlint: error: a.txt: rule grammar (MT501) failed: GrammarError: {where}: no answer within 0.3 s\n"
        f"mtlint: error: b.txt: rule grammar (MT501) failed: GrammarError: skipped: {where}: no answer within 0.3 s\n"
        f"mtlint: error: c.txt: rule grammar (MT501) failed: GrammarError: skipped: {where}: no answer within 0.3 s\n"
    )
    assert asked == 2  # the client's one retry for the first file; none for the others


def test_slow_languages_endpoint_fails_at_start(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "g.toml").write_text("[grammar]\ntimeout = 0.3\n", encoding="utf-8")
    with FakeLanguageTool(mode="languages-slow", delay=1.5) as slow:
        res = check(tmp_path, "--config", "g.toml", "--languagetool-url", slow.url, "a.txt")
    assert (res.code, res.err) == (
        2,
        f"mtlint: error: grammar: cannot use LanguageTool at {slow.url}/v2/ "
        "(from --languagetool-url): no answer within 0.3 s\n",
    )


@pytest.mark.parametrize(
    "mode,why",
    [
        ("500", "the answer is not LanguageTool JSON: <html>"),
        ("garbage", "the answer is not what LanguageTool sends (KeyError: 'matches')"),
    ],
)
def test_server_error_or_garbage_is_one_line_per_file(tmp_path: Path, mode: str, why: str) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    with FakeLanguageTool(mode=mode) as bad:
        res = check(tmp_path, "--languagetool-url", bad.url, "a.txt")
    assert res.code == 2
    assert res.err == (
        f"mtlint: error: a.txt: rule grammar (MT501) failed: GrammarError: "
        f"LanguageTool at {bad.url}/v2/ (from --languagetool-url): {why}\n"
    )
    assert json.loads(res.out) == []


def test_something_else_on_the_port_fails_at_start(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    with FakeLanguageTool(mode="languages-garbage") as web:
        res = check(tmp_path, "--languagetool-url", web.url, "a.txt")
    assert (res.code, res.err) == (
        2,
        f"mtlint: error: grammar: cannot use LanguageTool at {web.url}/v2/ "
        "(from --languagetool-url): the answer is not LanguageTool JSON: "
        "<html><body>Welcome to nginx!</body></html>\n",
    )


def test_unsupported_language_is_named(tmp_path: Path, server) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "g.toml").write_text('[grammar]\nlanguage = "xx-YY"\n', encoding="utf-8")
    res = check(tmp_path, "--config", "g.toml", "--languagetool-url", server.url, "a.txt")
    assert (res.code, res.err) == (
        2,
        f"mtlint: error: grammar: LanguageTool at {server.url}/v2/ "
        "(from --languagetool-url) does not support language 'xx-YY'\n",
    )


def test_options_reach_the_server_and_spelling_is_off_by_default(tmp_path: Path, server) -> None:
    (tmp_path / "a.txt").write_text("Nawaz said the minister have signed it.\n", encoding="utf-8")
    res = check(tmp_path, "--languagetool-url", server.url, "a.txt")
    assert [m for _, _, m, _ in found(res)] == ["Possible agreement error. (HAVE_HAS_AGREEMENT)"]
    assert server.checks[-1]["disabledCategories"] == "TYPOS"
    assert server.checks[-1]["language"] == "en-US"
    (tmp_path / "g.toml").write_text(
        '[grammar]\nspelling = true\nlanguage = "en-GB"\nmother-tongue = "ar"\npicky = true\n'
        'disabled-rules = ["EN_QUOTES"]\nenabled-rules = ["PASSIVE_VOICE"]\n'
        'disabled-categories = ["STYLE"]\n',
        encoding="utf-8",
    )
    res = check(tmp_path, "--config", "g.toml", "--languagetool-url", server.url, "a.txt")
    assert [(c, m) for _, c, m, _ in found(res)] == [
        (1, "Possible spelling mistake found. (MORFOLOGIK_RULE_EN_US)"),
        (25, "Possible agreement error. (HAVE_HAS_AGREEMENT)"),
    ]
    sent = server.checks[-1]
    assert (sent["language"], sent["motherTongue"], sent["level"]) == ("en-GB", "ar", "picky")
    assert (sent["disabledRules"], sent["enabledRules"], sent["disabledCategories"]) == (
        "EN_QUOTES",
        "PASSIVE_VOICE",
        "STYLE",
    )


def test_not_selected_means_silent_even_without_a_server(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    res = mtlint("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    assert res.err == "" and all(f["code"] != "MT501" for f in json.loads(res.out))
    assert "off unless selected" in next(
        line for line in mtlint("rules", cwd=tmp_path).out.splitlines() if "MT501" in line
    )


def test_selected_without_any_server_says_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    res = check(tmp_path, "a.txt")
    assert (res.code, res.out) == (2, "")
    assert res.err == (
        "mtlint: error: grammar: no LanguageTool server: pass --languagetool-url URL, set "
        "MTLINT_LANGUAGETOOL_URL or [tool.mtlint.grammar] url, point LTP_PATH at an unpacked LanguageTool, "
        'or set [tool.mtlint.grammar] backend = "harper"\n'
    )


def test_ltp_path_without_languagetool_never_downloads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    empty = tmp_path / "lt"
    empty.mkdir()
    res = check(tmp_path, "a.txt", env={"LTP_PATH": str(empty)})
    assert res.code == 2
    assert res.err == (
        f"mtlint: error: grammar: no unpacked LanguageTool-<version> folder under "
        f"LTP_PATH={empty} (mtlint never downloads it)\n"
    )
    assert list(empty.iterdir()) == []
    res = check(tmp_path, "a.txt", env={"LTP_PATH": str(tmp_path / "missing")})
    assert res.err == (
        f"mtlint: error: grammar: LTP_PATH={tmp_path / 'missing'} is not a folder "
        "(it should hold an unpacked LanguageTool-<version>)\n"
    )


@pytest.mark.skipif(shutil.which("java") is None, reason="needs Java to try starting the broken copy")
def test_broken_copy_under_ltp_path_fails_fast_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    copy = tmp_path / "lt" / "LanguageTool-6.6"
    copy.mkdir(parents=True)
    (copy / "languagetool-server.jar").write_bytes(b"not a jar")
    res = check(tmp_path, "a.txt", env={"LTP_PATH": str(tmp_path / "lt")})
    assert (res.code, res.err) == (
        2,
        f"mtlint: error: grammar: cannot use LanguageTool 6.6 under "
        f"LTP_PATH={tmp_path / 'lt'}: LanguageTool server exited early with code 1\n",
    )
    assert sorted(p.name for p in (tmp_path / "lt").iterdir()) == ["LanguageTool-6.6"]  # nothing downloaded


def test_grammar_table_keys_are_validated(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('[grammar]\nserver = "http://localhost:8081"\n', encoding="utf-8")
    res = mtlint("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert res.code == 2
    assert res.err.startswith(f"mtlint: error: {tmp_path / '.mtlint.toml'}: [grammar]: unknown option 'server'")
    (tmp_path / ".mtlint.toml").write_text('[grammar]\ntimeout = "soon"\n', encoding="utf-8")
    res = mtlint("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert res.code == 2 and "'timeout' of rule grammar must be float" in res.err


def test_cached_findings_follow_the_server(tmp_path: Path, server) -> None:
    (tmp_path / "a.txt").write_text("The minister have signed it.\n", encoding="utf-8")
    args = ("check", "--select", "grammar", "--quiet", "a.txt")
    mtlint = mtlint_process  # the cache is meant to work across runs
    first = mtlint(*args, cwd=tmp_path, env={"MTLINT_LANGUAGETOOL_URL": server.url})
    assert first.code == 1 and len(server.checks) == 1
    again = mtlint(*args, cwd=tmp_path, env={"MTLINT_LANGUAGETOOL_URL": server.url})
    assert (again.code, again.out) == (1, first.out) and len(server.checks) == 1  # from the cache
    with FakeLanguageTool(mode="garbage") as other:  # another server (from the environment): asked anew
        res = mtlint(*args, cwd=tmp_path, env={"MTLINT_LANGUAGETOOL_URL": other.url})
        assert res.code == 2 and len(other.checks) == 1
