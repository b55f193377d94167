"""Casing: stray capitals (MT301), lower-case sentence starts (MT302) and headings (MT303)."""
