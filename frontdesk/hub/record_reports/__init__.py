"""Record reports on the hub: advisers' reports that a catalogue record is wrong, grouped
per part of a service, routed to the agency that owns the record, closed by that agency or
by a newer import that changes the part."""
