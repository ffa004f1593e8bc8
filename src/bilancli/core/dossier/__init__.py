"""The case record and its way through the three phases (R6313-4, L6313-4)."""
