"""Qualiopi and the BPF: opinions, réclamations, the year's figures."""
