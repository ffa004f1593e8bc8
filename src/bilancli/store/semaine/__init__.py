"""The rendez-vous of every bilan at once."""
