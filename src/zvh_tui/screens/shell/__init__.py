"""Screens of the app itself: help (F1) and settings."""
