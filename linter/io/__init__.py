"""Reading files and records, writing results atomically."""
