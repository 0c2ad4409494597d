"""The hub: the back-office server desks sync with.

It owns the shared catalogue (imported or harvested from agency feeds), the accounts and
tokens desks sign in with, the change feed desks pull, and the enquiries desks push. It
runs on PostgreSQL in production and on SQLite for the embedded demo, and imports only
`frontdesk.core` and `frontdesk.formats` from the rest of frontdesk.
"""
