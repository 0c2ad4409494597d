"""Finding services from the words callers use: FTS5 index, query parsing, ranking."""
