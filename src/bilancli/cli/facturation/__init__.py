"""Invoices, credit notes, payments and the directory of organismes."""
