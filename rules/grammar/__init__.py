"""Grammar (MT501): LanguageTool (a server) or Harper (offline) behind one backend protocol."""
