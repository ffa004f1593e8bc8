"""The case record as stored: bilans, stored documents, editor drafts."""
