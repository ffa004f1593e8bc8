"""The consultant's week: rendez-vous, the agenda, the calendar."""
