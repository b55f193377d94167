"""The engine: rule discovery and selection, packs, running rules on one document, fixing, suppression."""
