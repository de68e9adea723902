"""The plan van aanpak: versions, quick entry, undo and its renderings."""
