"""Data safety: audit log and anchor, backups, integrity, rekey, retention, the profile."""
