"""The cabinet's registers: invoices, credit notes, payments, réclamations."""
