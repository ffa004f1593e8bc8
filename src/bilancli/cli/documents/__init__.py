"""The documents of a bilan: stored files and those the cabinet renders."""
