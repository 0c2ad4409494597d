"""Texts and e-mails to callers through GOV.UK Notify: queued by a desk's "details sent"
event, sent only from the hub, their delivery status sent back to the desks."""
