"""Safety screens: audit log (logboek), vernietigingsvoorstel."""
