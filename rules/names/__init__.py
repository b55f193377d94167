"""Names: garbled names (MT201), glossary near-misses (MT202), inconsistent spellings (MT203)."""
