"""Domain services: every operation and rule of the trade. No Textual imports here."""
