"""The printed hand-out: one page with a service's details for the caller to take away."""
