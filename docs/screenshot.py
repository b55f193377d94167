"""Regenerate docs/content/report.png: the HTML report of the seed article, one finding selected.

python docs/screenshot.py            (needs Debian's chromium and the test extra's playwright)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as profile:
        report = Path(work) / "report.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mtlint.commands.cli",
                "check",
                "--isolated",
                "--no-cache",
                "--format",
                "html",
                "--output",
                str(report),
                "fixtures/us-pakistan-relations.txt",
            ],
            cwd=ROOT,
            check=False,
        )
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path="/usr/bin/chromium",
                headless=True,
                args=ARGS,
                viewport={"width": 1280, "height": 900},
            )
            page = context.new_page()
            page.goto(report.as_uri())
            page.keyboard.press("j")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(ROOT / "docs" / "content" / "report.png"))
            context.close()


if __name__ == "__main__":
    main()
