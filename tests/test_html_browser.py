"""End to end: the HTML report of the seed article, opened in a real headless Chromium.

Uses Debian's `chromium` (never a browser download) driven by Playwright. The expected numbers come from
the JSON output of the same run, so the test holds whatever the built-in rules find.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "us-pakistan-relations.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# A user pack next to the built-in rules, so that crossing and nested highlights are always exercised.
EXTRA_PACK = """\
code = "XT001"
name = "browser-test-phrase"
category = "literal-idiom"
severity = "info"
fix = "unsafe"

[[entry]]
phrase = "Pakistani assistance in"
replacement = "Pakistani help in"

[[entry]]
phrase = "assistance in the wind"
"""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
from playwright import sync_api  # noqa: E402 - in the test extra; only the browser may be missing


def mtlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.run(
        [sys.executable, "-m", "mtlint.commands.cli", "check", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": "1"},
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("seed")
    shutil.copyfile(SEED, work / SEED.name)
    (work / "extra.toml").write_text(EXTRA_PACK, encoding="utf-8")
    (work / ".mtlint.toml").write_text('packs = ["extra.toml"]\n', encoding="utf-8")
    findings = json.loads(mtlint(work, "--format", "json", SEED.name).stdout)
    mtlint(work, "--format", "html", "--output", "report.html", SEED.name)
    return work / "report.html", findings


@pytest.fixture(scope="module")
def page(report):
    path, _ = report
    errors: list[str] = []
    with sync_api.sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            pg = context.new_page()
            pg.set_default_timeout(20_000)
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(path.as_uri())
            pg.wait_for_function("document.getElementById('count') !== null")
            pg.errors = errors  # type: ignore[attr-defined]
            yield pg
        finally:
            context.close()


def heads_by(page, attr: str, visible_only: bool = False) -> Counter:
    values = page.evaluate(
        """([attr, visibleOnly]) => Array.from(document.querySelectorAll('.hl.head'))
             .filter(h => !visibleOnly || !h.classList.contains('off'))
             .map(h => h.dataset[attr])""",
        [attr, visible_only],
    )
    return Counter(values)


def test_no_console_errors_and_counts_match_json(page, report) -> None:
    _, findings = report
    assert page.errors == []
    assert heads_by(page, "category") == Counter(f["category"] for f in findings)
    assert heads_by(page, "code") == Counter(f["code"] for f in findings)
    assert page.inner_text("#count") == f"Showing {len(findings)} of {len(findings)} findings"
    assert page.inner_text("#total-findings") == str(len(findings))


def test_clicking_a_finding_shows_its_explanation(page, report) -> None:
    from mtlint.engine.registry import discover
    from mtlint.formatters.rulemeta import from_class, from_finding

    _, findings = report
    installed = discover().by_code()
    # A highlight with nothing nested inside, so that the click lands on it; a built-in rule's if any.
    candidates = page.evaluate(
        "Array.from(document.querySelectorAll('.hl.head:not(.pt)')).filter(h => !h.querySelector('.hl'))"
        ".map(h => Number(h.dataset.f))"
    )
    assert candidates
    index = next((i for i in candidates if findings[i]["code"] in installed), candidates[0])
    f = findings[index]
    page.click(f"#f{index}")
    assert page.inner_text("#detail .d-code") == f["code"]
    assert page.inner_text("#detail .d-rule") == f["rule"]
    assert page.inner_text("#detail .d-msg") == f["message"]
    cls = installed.get(f["code"])
    if cls is not None:
        expected = from_class(cls).explanation(header=False)
    else:
        from mtlint.model import Finding, Severity

        expected = from_finding(
            Finding(f["code"], f["rule"], f["category"], Severity(f["severity"]), "", 0, 0)
        ).explanation(header=False)
    shown = page.evaluate("Array.from(document.querySelectorAll('#detail .doc-text > *')).map(e => e.textContent)")
    assert " ".join(" ".join(shown).split()) == " ".join(expected.split())  # reflowed, every word kept
    assert page.evaluate(f"document.getElementById('f{index}').classList.contains('current')")
    if f["fix"]:
        assert f["fix"]["applicability"] in page.inner_text("#detail .d-fix .tag")
    assert page.errors == []


def test_category_filter_hides_and_shows_the_right_highlights(page, report) -> None:
    _, findings = report
    by_category = Counter(f["category"] for f in findings)
    category, n = by_category.most_common(1)[0]
    box = page.locator(f"input.f-cat[value='{category}']")
    box.uncheck()
    visible = heads_by(page, "category", visible_only=True)
    assert visible[category] == 0
    assert visible == Counter({c: k for c, k in by_category.items() if c != category})
    assert page.inner_text("#count") == f"Showing {len(findings) - n} of {len(findings)} findings"
    hidden_bg = page.evaluate(
        f"getComputedStyle(document.querySelector(\".hl.head[data-category='{category}']\")).backgroundColor"
    )
    assert hidden_bg in ("rgba(0, 0, 0, 0)", "transparent")
    box.check()
    assert heads_by(page, "category", visible_only=True) == by_category
    assert page.inner_text("#count") == f"Showing {len(findings)} of {len(findings)} findings"


def test_keyboard_navigation_moves_focus_and_saves_a_screenshot(page, report) -> None:
    _, findings = report
    assert len(findings) >= 2
    page.click("h1")  # nothing selected
    page.keyboard.press("Escape")
    focused = lambda: page.evaluate("document.activeElement && document.activeElement.id")  # noqa: E731
    page.keyboard.press("j")
    assert focused() == "f0"
    page.keyboard.press("j")
    assert focused() == "f1"
    page.keyboard.press("k")
    assert focused() == "f0"
    page.keyboard.press("ArrowDown")
    assert focused() == "f1"
    assert page.get_attribute("#detail", "data-f") == "1"
    assert page.inner_text("#detail .d-msg") == findings[1]["message"]
    assert page.errors == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "html-report-seed.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
