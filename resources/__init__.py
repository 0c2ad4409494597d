"""Data files shipped with frontdesk: translations, search vocabulary, the demo catalogue."""
