"""The app's screens, one file each, named after what they show (see screens.md)."""
