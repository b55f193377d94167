"""mtlint's built-in rules, one module per rule. Each registers under the `mtlint.rules` entry-point
group in pyproject.toml, exactly like a third-party plug-in."""
