"""Cases: the aanmelding, phases, closing, the case list, journal, escalation, export."""
