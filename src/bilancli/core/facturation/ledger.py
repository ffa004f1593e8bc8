"""Snapshots of the cabinet's registers, beside the bilans: invoices and réclamations.

Immutable named tuples, like `core.model`; `store.ledger` reads them, `core.invoices` and
`core.complaints` decide over them.
"""

from __future__ import annotations

from collections import namedtuple

INVOICE, CREDIT_NOTE = "facture", "avoir"


class RegisterNumber(namedtuple("RegisterNumber", "prefix width")):
    """How a register numbers its entries: a letter, the year, the rank in the year on at
    least `width` digits (`F2026-0001`, `R2026-001`)."""

    __slots__ = ()

    def format(self, year: int, rank: int) -> str:
        return f"{self.prefix}{year:04d}-{rank:0{self.width}d}"

    def parse(self, text: str) -> tuple[int, int] | None:
        """(year, rank) of a number as typed, lower case accepted; None when malformed."""
        import re

        match = re.fullmatch(rf"{self.prefix}(\d{{4}})-(\d{{{self.width},}})", text.strip().upper())
        if not match or int(match.group(2)) == 0:
            return None
        return int(match.group(1)), int(match.group(2))


class Invoice(namedtuple("Invoice", "numero type date bilan_id payeur ht_cents tva_cents ttc_cents "
                                    "echeance annule document paid_cents cancelled_by "
                                    "credited_ht_cents credited_tva_cents",
                         defaults=(None, 0, None, 0, 0))):
    """An invoice or credit note: amounts in cents (negative for a credit note); `annule`,
    for a credit note, the invoice it credits; `document`, the frozen document (a dict) it
    is rendered from; `paid_cents`, the payments recorded; `cancelled_by`, the last credit
    note on it; `credited_ht_cents` and `credited_tva_cents`, what its credit notes (whole
    or partial) take off, positive."""

    __slots__ = ()

    @property
    def is_credit_note(self) -> bool:
        return self.type == CREDIT_NOTE

    @property
    def credited_ttc_cents(self) -> int:
        return self.credited_ht_cents + self.credited_tva_cents

    @property
    def wholly_credited(self) -> bool:
        """Cancelled: its credit notes take off all of it (`annulee`)."""
        return (not self.is_credit_note and self.cancelled_by is not None
                and self.credited_ht_cents >= self.ht_cents)

    @property
    def creditable_ht_cents(self) -> int:
        """What a further credit note may still take off, HT."""
        return max(self.ht_cents - self.credited_ht_cents, 0)

    @property
    def remaining_cents(self) -> int:
        """What is still due on the total with VAT, less payments and credit notes: nothing
        on a credit note or a cancelled invoice."""
        if self.is_credit_note or self.wholly_credited:
            return 0
        return max(self.balance_cents, 0)

    @property
    def balance_cents(self) -> int:
        """The total with VAT less payments and credit notes, as the register shows it
        (SPEC §10 `reste`): below zero, what the cabinet owes back (paid, then credited)."""
        if self.is_credit_note:
            return 0
        return self.ttc_cents - self.paid_cents - self.credited_ttc_cents


class Sequence(namedtuple("Sequence", "last_issued_on")):
    """The invoices' one sequence: the day of the last number given (None before the first)."""

    __slots__ = ()


class Complaint(namedtuple("Complaint", "numero date bilan_id origine canal objet echeance "
                                        "repondue_le reponse close_le action textes_detruits_le",
                           defaults=(None,) * 6)):
    """A réclamation of the register (Qualiopi indicator 31): received `date`, its answer due
    on `echeance`; its texts (`objet`, `reponse`, `action`) are None once destroyed."""

    __slots__ = ()
