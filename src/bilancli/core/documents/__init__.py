"""What a bilan's documents may be."""
