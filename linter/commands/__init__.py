"""The command line: `mtlint check`, `corpus`, `rules`, `explain`; console messages and exit codes."""
