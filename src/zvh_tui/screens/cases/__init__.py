"""Case screens: the case list, the dossier, the new aanmelding."""
