"""The plan editor and its parts (outline, rows, line editor, dialogs), and plan diff."""
