"""frontdesk: one screen for council contact-centre advisers to find a service across every
agency and log the enquiry, working on through network outages."""

__version__ = "0.1.0"
