"""Invoices, credit notes, payments and the funders' platforms."""
