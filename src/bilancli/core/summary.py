"""A light snapshot of a bilan for the agenda and the figures, loaded in bulk.

The full `Bilan` holds every entretien and document; deadlines and yearly
figures only need dates, a few administrative values and what was recorded
after the end. `Summary.from_bilan` keeps the two in step.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from bilancli.core.model import OPEN_PHASES, Bilan, Convention

_NO_CONVENTION = Convention()


class Summary(NamedTuple):
    """Immutable like `Bilan`; a named tuple because 10,000 of them are built per agenda."""

    id: str
    phase: str
    date_ouverture: date
    nom: str | None = None
    prenom: str | None = None
    statut: str | None = None
    financement: str | None = None
    tarif_cents: int | None = None
    heures_prevues_minutes: int | None = None
    date_fin: date | None = None
    content_destroyed_on: date | None = None
    anonymised_on: date | None = None
    convention: Convention = _NO_CONVENTION
    first_entretien: date | None = None
    last_entretien: date | None = None
    minutes_delivered: int = 0
    suivi_on: date | None = None
    satisfaction: dict[str, int] = {}   # moment → note (shared default: never mutated)
    edof: dict[str, date] = {}          # entree/sortie → date

    @property
    def is_open(self) -> bool:
        return self.phase in OPEN_PHASES

    @property
    def has_started(self) -> bool:
        """At least one entretien held: the action really began."""
        return self.first_entretien is not None

    @classmethod
    def from_bilan(cls, bilan: Bilan) -> "Summary":
        dates = [e.date for e in bilan.entretiens]
        return cls(
            id=bilan.id, phase=bilan.phase, date_ouverture=bilan.date_ouverture,
            nom=bilan.nom, prenom=bilan.prenom, statut=bilan.statut,
            financement=bilan.financement, tarif_cents=bilan.tarif_cents,
            heures_prevues_minutes=bilan.heures_prevues_minutes, date_fin=bilan.date_fin,
            content_destroyed_on=bilan.content_destroyed_on, anonymised_on=bilan.anonymised_on,
            convention=bilan.convention,
            first_entretien=min(dates) if dates else None,
            last_entretien=max(dates) if dates else None,
            minutes_delivered=bilan.minutes_delivered, suivi_on=bilan.suivi_on,
            satisfaction=dict(bilan.satisfaction), edof=dict(bilan.edof),
        )
