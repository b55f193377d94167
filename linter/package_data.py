"""Data files shipped inside mtlint's packages (tables, packs, the role model), read from the installed files.

`importlib.resources` gives the same bytes, but importing it (with `zipfile` and `tempfile` behind it)
and building its readers cost a one-file run about 5 ms. An installed package has its data files beside its
modules, so they are opened directly; a package imported from a zip archive has none on disk, and is read
through `importlib.resources`, imported only then.
"""

from __future__ import annotations

import importlib
import os
import sys


def _path(package: str, resource: str) -> str | None:
    """Where `resource` (a '/'-separated path inside `package`, a dotted name) lies on disk, if anywhere."""
    module = sys.modules.get(package) or importlib.import_module(package)
    base = getattr(module, "__file__", None)
    return None if base is None else os.path.join(os.path.dirname(base), *resource.split("/"))


def read_bytes(package: str, resource: str) -> bytes:
    """The bytes of `resource` inside `package`."""
    path = _path(package, resource)
    if path is not None:
        try:
            with open(path, "rb") as f:
                return f.read()
        except (FileNotFoundError, NotADirectoryError):
            pass  # a zip archive's member: below
    from importlib import resources

    return resources.files(package).joinpath(resource).read_bytes()


def read_text(package: str, resource: str) -> str:
    """The text of `resource` inside `package`, decoded from UTF-8 with universal newlines (as
    `importlib.resources` reads it)."""
    return read_bytes(package, resource).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
