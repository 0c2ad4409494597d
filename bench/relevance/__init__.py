"""Search relevance bench: a judged query set and an evaluator (see README.md)."""
