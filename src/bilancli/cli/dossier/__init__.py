"""The case record: opening, the fields, consents, the convention, the phases."""
