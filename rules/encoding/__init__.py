"""Encoding and script: mojibake (MT401), invisible characters (MT402), untranslated text (MT403)."""
