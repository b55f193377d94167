"""A plug-in that reuses the code of another rule."""
from mtlint_demo_plugin import LoremIpsum


class Clash(LoremIpsum):
    """Same code as lorem-ipsum."""

    name = "clashing-rule"
