"""Safety screens: unlock, audit log (logboek), vernietigingsvoorstel."""
