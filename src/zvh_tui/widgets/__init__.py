"""Reusable Textual widgets (header, date input, owner picker, …); each carries its DEFAULT_CSS."""
