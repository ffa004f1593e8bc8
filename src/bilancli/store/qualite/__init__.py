"""What the Qualiopi file reads of a year, never a bilan's content."""
