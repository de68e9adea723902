"""Demo data: the hand-made fictional profile and the scale generator, with their texts."""
