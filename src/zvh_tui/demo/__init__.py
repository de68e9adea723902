"""Demo data: the hand-made fictional profile (builder.py, `zvh demo`), the scale generator
(scale.py, `zvh demo --scale N`), what they share (common.py) and their texts (texts.py)."""
