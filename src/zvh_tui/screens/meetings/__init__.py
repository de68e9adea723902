"""Meeting screens (casusoverleg): room for the meeting mode."""
