"""Screens of the app itself: unlock, help (F1) and settings."""
