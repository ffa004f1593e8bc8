"""The follow-up, questionnaires, réclamations, the figures, the Qualiopi file."""
