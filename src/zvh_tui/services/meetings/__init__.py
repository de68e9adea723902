"""Meetings (casusoverleg, MDO): agenda, attendance, notes."""
