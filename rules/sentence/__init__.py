"""Broken sentences: repeated words (MT404), unbalanced delimiters (MT405), spacing (MT406), stray
punctuation (MT407)."""
