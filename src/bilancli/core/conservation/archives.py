"""When the accounting and quality records go — rules of their own, apart from R6313-7.

- Invoices, credit notes, their payments and rendered files are accounting records (Code de
  commerce L123-22): neither the purge of a bilan's content nor the anonymisation of its
  record touches them; they are kept until 31 December of the tenth year after the year of
  issue and destroyed from the 1 January that follows.
- A réclamation's texts (objet, réponse, action) are a quality record, kept three years after
  its closing — the certification cycle a Qualiopi audit looks back on — then destroyed; the
  register's dates, origin and channel stay.

Pure: `today` is passed in; `store.purge_archives` finds the rows and files.
"""

from __future__ import annotations

from datetime import date

from bilancli.core.conservation.retention import Deadline
from bilancli.core.dates import months_later

RULE_ACCOUNTS = "Code de commerce L123-22"
RULE_COMPLAINTS = "Qualiopi indicateur 31 : 3 ans"
ACCOUNTS_YEARS = 10
COMPLAINT_TEXT_MONTHS = 36
ACCOUNT_KINDS = ("factures", "paiements", "fichiers_factures")
COMPLAINT_KINDS = ("textes_reclamation",)


def accounts_destroyed_from(issued_on: date) -> date:
    """2026-03-02 → 2037-01-01: the day after 31 December of the tenth year after issue."""
    return date(issued_on.year + ACCOUNTS_YEARS + 1, 1, 1)


def accounts_cutoff(today: date) -> date:
    """Invoices issued before this day are due for destruction today (the store's query)."""
    return date(today.year - ACCOUNTS_YEARS, 1, 1)


def accounts_deadline(issued_on: date, today: date) -> Deadline | None:
    """The deadline of an invoice once it has come, else None."""
    due = accounts_destroyed_from(issued_on)
    return Deadline("comptable", ACCOUNT_KINDS, due, RULE_ACCOUNTS) if due <= today else None


def complaint_texts_destroyed_from(closed_on: date) -> date:
    return months_later(closed_on, COMPLAINT_TEXT_MONTHS)


def complaint_deadline(closed_on: date | None, today: date) -> Deadline | None:
    """A réclamation still open keeps its texts: the deadline runs from its closing."""
    if closed_on is None:
        return None
    due = complaint_texts_destroyed_from(closed_on)
    return Deadline("qualite", COMPLAINT_KINDS, due, RULE_COMPLAINTS) if due <= today else None
