"""Ketenpartners: the roster, contacts, CSV import/export, who is at the table in a case."""
