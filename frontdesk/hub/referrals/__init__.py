"""Referrals across agencies: routing each to the organisation that delivers the service,
their status lifecycle, the agency queue API, and Open311 GeoReport v2 over them."""
