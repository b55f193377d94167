"""The document model: decoded text, prose mask, blocks, sentences and the evidence derived from them.

Nothing here knows about any artifact; every rule reads the same structure.
"""
