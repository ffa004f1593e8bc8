"""The consultant's week: the agenda, rendez-vous, entretiens, the calendar."""
