#!/usr/bin/env python3
"""Build a measurement corpus of human-written plain text: `python bench/plain_corpus.py OUT_DIR`.

mtlint must stay silent on ordinary English of every genre, and plain text reaches it in two shapes:
typed text wrapped by hand (licences, e-mails, READMEs) and web pages saved one paragraph per line (the
shape of the machine-translated pages it is for). This script builds both from Debian packages, so the
measurement is reproducible on any Debian machine and nothing is downloaded by hand:

- ``licences/``: the licence texts of ``/usr/share/common-licenses`` (package base-files), as they are;
- ``python-docs/``: the tutorial, HOWTOs, FAQs, "What's new" and "Using Python" pages of the Python
  documentation (package python3-doc: ``apt-get install python3-doc``), each HTML page saved as a page
  extractor would: one paragraph, list item, heading or table cell per line, code blocks and the
  navigation left out.

The output is third-party text, under its own licences: it is used only to measure and is never
committed (only this script is). Word counts are whitespace-separated tokens, written to README.txt.
"""

from __future__ import annotations

import argparse
import html.parser
import re
import shutil
from pathlib import Path

LICENCES = Path("/usr/share/common-licenses")
PYTHON_DOCS = sorted(Path("/usr/share/doc").glob("python3.*/html"))
SECTIONS = ("tutorial", "howto", "faq", "whatsnew", "using")
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "td", "th", "blockquote", "figcaption", "caption", "title"}
SKIPPED = {"pre", "script", "style", "nav", "footer", "header"}
SKIPPED_DIV_CLASSES = ("sphinxsidebar", "related", "highlight", "footer")
MIN_WORDS = 300  # shorter pages are indexes and stubs


class _Extractor(html.parser.HTMLParser):
    """Block-level text of a page, one block per line, without code, sidebars and navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip = 0
        self._divs: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            cls = dict(attrs).get("class") or ""
            skipped = any(c in cls for c in SKIPPED_DIV_CLASSES)
            self._divs.append(skipped)
            self._skip += skipped
        elif tag in SKIPPED:
            self._skip += 1
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._divs:
            self._skip -= self._divs.pop()
        elif tag in SKIPPED:
            self._skip = max(0, self._skip - 1)
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).replace("¶", "").strip()
        self._buffer = []
        if text:
            self.lines.append(text)


def page_text(path: Path) -> str:
    parser = _Extractor()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser._flush()
    return "\n".join(parser.lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    counts: dict[str, tuple[int, int]] = {}
    licences = args.out / "licences"
    licences.mkdir(parents=True, exist_ok=True)
    for f in sorted(LICENCES.iterdir()) if LICENCES.is_dir() else []:
        if f.is_file():
            shutil.copyfile(f, licences / f"{f.name}.txt")
    docs = args.out / "python-docs"
    docs.mkdir(parents=True, exist_ok=True)
    if PYTHON_DOCS:
        root = PYTHON_DOCS[-1].resolve()
        for page in sorted(root.rglob("*.html")):
            rel = page.relative_to(root)
            if rel.parts[0] not in SECTIONS:
                continue
            text = page_text(page)
            if len(text.split()) >= MIN_WORDS:
                (docs / ("__".join(rel.parts)[: -len(".html")] + ".txt")).write_text(text, encoding="utf-8")
    else:
        print("python3-doc is not installed (apt-get install python3-doc): python-docs/ stays empty")
    for sub in (licences, docs):
        files = sorted(sub.glob("*.txt"))
        words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
        counts[sub.name] = (len(files), words)
    summary = "\n".join(f"{name}: {n} files, {words:,} words" for name, (n, words) in counts.items())
    (args.out / "README.txt").write_text(summary + "\n", encoding="utf-8")
    print(summary)


if __name__ == "__main__":
    main()
