"""A run: one session (configuration and rule set) over many documents, its executors and its cache."""
