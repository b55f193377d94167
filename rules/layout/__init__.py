"""Layout debris: stray captions and credits (MT101), site furniture (MT102), duplicated paragraphs (MT103)."""
