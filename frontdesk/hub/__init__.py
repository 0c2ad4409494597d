"""The back-office hub: the central catalogue, the sync API for desks and referral routing."""
