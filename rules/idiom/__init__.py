"""Literal idioms (MT601): source-language idioms rendered word for word."""
