"""Benchmark mtlint against its peers: `python bench/run.py [--runs N] [--no-peers] [--only 1,2] [--corpus DIR]`.

Builds its corpora from fixtures/ (see bench/corpus.py) into bench/out/, installs the peers there
(proselint into its own venv; textlint with write-good and alex via npm when node is available), runs
every scenario several times as whole processes and prints a Markdown table of medians with min/max,
throughput, CPU seconds, peak RSS and the ratio to the peers measured in the same run, then the
project's performance goals (issue #15) checked against those numbers. `--corpus DIR` measures the
many-file scenarios on the .txt/.md files of DIR instead (third-party text stays where it is: nothing
is copied into the repository). Results also go to bench/out/results.md and results.json. Nothing here
is run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

OUT = HERE / "out"
BUDGET = [180.0]  # seconds one row may take in all; slow commands run fewer times (at least once)
TIMEOUT = 1800.0


@dataclass
class Row:
    scenario: str
    tool: str
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the whole process tree
    mbytes: float = 0.0
    rss_mb: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def rate(self) -> float:
        return self.mbytes / self.median if self.times and self.median > 0 else float("nan")


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run a whole process; return (wall seconds, peak RSS of its largest process in MB, CPU seconds)."""
    with tempfile.TemporaryFile() as errfile:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=errfile
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # rusage of this process tree, unlike Popen.wait
        finally:
            proc.returncode = 0
        elapsed = time.perf_counter() - start
        errfile.seek(0)
        err = errfile.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])}... exited {code}: {err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure(row: Row, cmd: list[str], runs: int, setup=None, **kw) -> Row:  # type: ignore[no-untyped-def]
    """Time `cmd` `runs` times, or fewer if that would go over the row budget (at least once)."""
    for i in range(runs):
        if setup:
            setup()
        try:
            elapsed, rss, cpu = run(cmd, **kw)
        except (RuntimeError, OSError) as exc:
            row.note = f"failed: {exc}"[:300]
            break
        row.times.append(elapsed)
        row.cpu.append(cpu)
        row.rss_mb = max(row.rss_mb or 0.0, rss)
        if i + 1 < runs and sum(row.times) + statistics.median(row.times) > BUDGET[0]:
            row.note = (row.note + f" {len(row.times)} run(s): over the time budget").strip()
            break
    print(f"  {row.scenario:34} {row.tool:28} median {row.median:8.3f}s  {row.note}", file=sys.stderr, flush=True)
    return row


# -- peers ----------------------------------------------------------------------------------------
def proselint() -> list[str] | None:
    venv = OUT / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        res = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint>=0.14"], capture_output=True)
        if res.returncode != 0 or not exe.exists():
            print("bench: could not install proselint; skipping it", file=sys.stderr)
            return None
    # proselint 0.16 lints with `proselint check FILES`; older releases take the files directly.
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    return [str(exe), "check"] if "check" in help_text else [str(exe)]


def textlint() -> list[str] | None:
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    prefix = OUT / "textlint"
    exe = prefix / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        res = subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                "--silent",
                "textlint@^14",
                "textlint-rule-write-good",
                "textlint-rule-alex",
            ],
            capture_output=True,
        )
        if res.returncode != 0 or not exe.exists():
            print("bench: could not install textlint; skipping it", file=sys.stderr)
            return None
    return [str(exe), "--rule", "write-good", "--rule", "alex"]


def version(cmd: list[str]) -> str:
    python = Path(cmd[0]).parent / "python"
    if python.exists():  # proselint has no --version; ask its venv
        res = subprocess.run(
            [str(python), "-c", "import importlib.metadata as m; print(m.version('proselint'))"],
            capture_output=True,
            text=True,
        )
        return f"proselint {res.stdout.strip()}"
    try:
        out = subprocess.run([cmd[0], "--version"], capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


# -- scenarios ------------------------------------------------------------------------------------
def mtlint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "mtlint.commands.cli", "check", "--isolated", "--exit-zero", "-q", *args]


def rule_names() -> set[str]:
    res = subprocess.run(
        [sys.executable, "-m", "mtlint.commands.cli", "rules", "--format", "json"], capture_output=True, text=True
    )
    return {r["name"] for r in json.loads(res.stdout)} if res.returncode == 0 else set()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-runs", type=int, default=3)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--only", default="1,2,3,4,5", help="scenarios to run (peak RSS comes with 2)")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--budget", type=float, default=BUDGET[0], help="seconds per row before fewer runs")
    ap.add_argument("--corpus", type=Path, help="measure scenarios 2 and 3 on this folder's .txt/.md files")
    ap.add_argument("--textlint", action="store_true", help="also measure textlint (slow: minutes per row)")
    args = ap.parse_args()
    BUDGET[0] = args.budget
    only = {s.strip() for s in args.only.split(",")}
    OUT.mkdir(exist_ok=True)
    os.chdir(OUT)  # no config file of the repository applies; --isolated makes sure

    files = OUT / f"corpus-{args.articles}"
    total = corpus.build_files(files, args.articles)
    small = files / "article-0001.txt"
    long_doc = OUT / "long-20000.txt"
    long_bytes = corpus.build_long(long_doc)
    file_list = sorted(str(p) for p in files.glob("*.txt"))
    label = f"{args.articles} articles"
    if args.corpus:
        files = args.corpus.resolve()
        file_list = sorted(str(p) for p in files.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
        total = sum(Path(p).stat().st_size for p in file_list)
        label = f"{len(file_list)} files of {files.name}"
    mb, small_mb = total / 1e6, small.stat().st_size / 1e6
    peers: dict[str, list[str]] = {}
    if not args.no_peers:
        makers = [("proselint", proselint)] + ([("textlint (write-good, alex)", textlint)] if args.textlint else [])
        for name, make in makers:
            cmd = make()
            if cmd:
                peers[name] = cmd
    cache = OUT / "cache"
    rows: list[Row] = []

    if "1" in only:
        s = "1. one small file, whole process"
        rows.append(measure(Row(s, "mtlint", mbytes=small_mb), mtlint_cmd("--no-cache", str(small)), args.runs))
        for name, cmd in peers.items():
            rows.append(measure(Row(s, name, mbytes=small_mb), cmd + [str(small)], args.runs))
    if "2" in only:
        s = f"2. {label} ({mb:.1f} MB)"
        for jobs in ("1", "2"):
            rows.append(
                measure(
                    Row(s, f"mtlint --jobs {jobs}", mbytes=mb),
                    mtlint_cmd("--no-cache", "--jobs", jobs, str(files)),
                    args.runs,
                )
            )
        # The engine's own cost (reading, structure, one cheap rule, output): the floor under the rules.
        rows.append(
            measure(
                Row(s, "mtlint --jobs 1, one cheap rule", mbytes=mb),
                mtlint_cmd("--no-cache", "--select", "repeated-word", str(files)),
                args.runs,
            )
        )
        for name, cmd in peers.items():
            rows.append(measure(Row(s, name, mbytes=mb), cmd + file_list, args.peer_runs))
    if "3" in only:
        s = f"3. {label}, warm cache"
        shutil.rmtree(cache, ignore_errors=True)
        run(mtlint_cmd("--cache-dir", str(cache), str(files)))  # fill the cache
        for jobs in ("1", "2"):
            rows.append(
                measure(
                    Row(s, f"mtlint --jobs {jobs}", mbytes=mb),
                    mtlint_cmd("--cache-dir", str(cache), "--jobs", jobs, str(files)),
                    args.runs,
                )
            )
    if "4" in only:
        s = "4. one document of 20,000 paragraphs"
        rows.append(
            measure(Row(s, "mtlint", mbytes=long_bytes / 1e6), mtlint_cmd("--no-cache", str(long_doc)), args.runs)
        )
    if "5" in only:
        s = "5. name-glossary, 100,000 names"
        if "name-glossary" not in rule_names():
            rows.append(Row(s, "mtlint", note="skipped: no name-glossary rule in this build"))
        else:
            gloss = OUT / "glossary-100000.txt"
            corpus.build_glossary(gloss)
            rows.append(
                measure(
                    Row(s, "mtlint (one file)", mbytes=small_mb),
                    mtlint_cmd("--no-cache", "--select", "name-glossary", "--glossary", str(gloss), str(small)),
                    args.runs,
                )
            )
            rows.append(
                measure(
                    Row(s, "mtlint --jobs 2 (articles)", mbytes=mb),
                    mtlint_cmd(
                        "--no-cache", "--jobs", "2", "--select", "name-glossary", "--glossary", str(gloss), str(files)
                    ),
                    args.runs,
                )
            )
    report(rows, peers, mb)


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {cores} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
        f"load average at the end {load}"
    )


def report(rows: list[Row], peers: dict[str, list[str]], mb: float) -> None:
    lines = [
        "| scenario | tool | median s | min-max s | MB/s | vs proselint | CPU s | peak RSS MB | note |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        base = next((p for p in rows if p.scenario == r.scenario and p.tool == "proselint" and p.times), None)
        ratio = f"{r.rate / base.rate:.1f}x" if base and r.times and base is not r else ""
        span = f"{min(r.times):.3f}-{max(r.times):.3f}" if r.times else ""
        cpu = f"{statistics.median(r.cpu):.2f}" if r.cpu else ""
        lines.append(
            f"| {r.scenario} | {r.tool} | {r.median:.3f} | {span} | {r.rate:.3f} | {ratio} | {cpu} | "
            f"{'' if r.rss_mb is None else f'{r.rss_mb:.0f}'} | {r.note} |"
        )
    head = [
        f"Machine: {machine()}.",
        "Peers: " + (", ".join(f"{n} ({version(c)})" for n, c in peers.items()) or "none"),
        "",
    ]
    ratios = []
    by = {(r.scenario, r.tool): r for r in rows}
    for (s, t), r in by.items():
        if t == "mtlint --jobs 2" and (s, "mtlint --jobs 1") in by and r.times:
            one = by[(s, "mtlint --jobs 1")]
            ratios.append(f"- {s}: --jobs 2 is {one.median / r.median:.2f}x --jobs 1")
    cold = by.get((next((s for s, _ in by if s.startswith("2.")), ""), "mtlint --jobs 1"))
    warm = by.get((next((s for s, _ in by if s.startswith("3.")), ""), "mtlint --jobs 1"))
    if cold and warm and cold.times and warm.times:
        ratios.append(f"- warm cache is {cold.median / warm.median:.1f}x faster than cold (--jobs 1)")
    text = "\n".join(head + lines + [""] + ratios + [""] + goals(rows)) + "\n"
    print(text)
    (OUT / "results.md").write_text(text, encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")


def goals(rows: list[Row]) -> list[str]:
    """The goals of issue #15, each checked against this run's medians."""

    def row(prefix: str, tool: str) -> Row | None:
        return next((r for r in rows if r.scenario.startswith(prefix) and r.tool == tool and r.times), None)

    def line(name: str, ok: bool | None, detail: str) -> str:
        mark = "n/a" if ok is None else ("met" if ok else "NOT met")
        return f"| {name} | {mark} | {detail} |"

    out = ["| goal | status | measured |", "|---|---|---|"]
    one, peer = row("1.", "mtlint"), row("1.", "proselint")
    if one and peer:
        out.append(
            line("one file, whole process <= proselint", one.median <= peer.median,
                 f"{one.median:.3f} s vs {peer.median:.3f} s (CPU {statistics.median(one.cpu):.2f} vs "
                 f"{statistics.median(peer.cpu):.2f} s)")
        )  # fmt: skip
    if one and one.rss_mb is not None:
        out.append(line("peak RSS, one file <= 80 MB", one.rss_mb <= 80, f"{one.rss_mb:.0f} MB"))
    best = max(
        (r for r in (row("2.", "mtlint --jobs 1"), row("2.", "mtlint --jobs 2")) if r),
        key=lambda r: r.rate,
        default=None,
    )
    peer2 = row("2.", "proselint")
    if best and peer2:
        ratio = best.rate / peer2.rate
        out.append(
            line(
                "throughput >= 5x proselint",
                ratio >= 5,
                f"{ratio:.1f}x ({best.tool}: {best.rate:.2f} MB/s vs {peer2.rate:.2f} MB/s)",
            )
        )
    cold, warm = row("2.", "mtlint --jobs 1"), row("3.", "mtlint --jobs 1")
    if cold and warm:
        ratio = cold.median / warm.median
        out.append(
            line(
                "warm cache >= 20x faster than cold",
                ratio >= 20,
                f"{ratio:.1f}x ({cold.median:.2f} s vs {warm.median:.3f} s)",
            )
        )
    long = row("4.", "mtlint")
    if long:
        out.append(
            line(
                "20,000-paragraph document < 5 s",
                long.median < 5,
                f"{long.median:.2f} s (CPU {statistics.median(long.cpu):.2f} s)",
            )
        )
    return out


if __name__ == "__main__":
    main()
