"""Partner screens: roster, detail, forms, CSV import, participants of a case."""
