"""Throughput of the encoding, untranslated-text and calque rules (MT401-MT403, MT601), alone and together.

    python bench/encoding.py [--mb 2] [--repeat 3]

Uses the documents of bench/rules_throughput.py (fixture articles and case-file texts, deterministic).
Language identification of MT403 runs only if the optional `lang` extra (lingua) is installed; its
one-off model load shows in the warm-up column. Not part of the test suite (timings vary by machine).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules_throughput import report

RULES = ("MT401", "MT402", "MT403", "MT601")


def main() -> None:
    scenarios = [(code, (code,)) for code in RULES] + [("MT401-MT403 + MT601 together", RULES)]
    report(scenarios, 2.0, __doc__ or "")


if __name__ == "__main__":
    main()
