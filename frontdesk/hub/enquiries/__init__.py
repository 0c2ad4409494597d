"""Enquiries as the hub keeps them after desks push them: caller details for subject
access, retention and erasure, and the supervisor's pages, exports and counts."""
