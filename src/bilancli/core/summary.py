"""A light snapshot of a bilan for the agenda and the figures, loaded in bulk.

The full `Bilan` holds every entretien and document; deadlines and yearly
figures only need dates, a few administrative values and what was recorded
after the end. `Summary.from_bilan` keeps the two in step.
"""

from __future__ import annotations

from collections import namedtuple

from bilancli.core.model import OPEN_PHASES, Bilan, Convention

_NO_CONVENTION = Convention()


_SUMMARY_FIELDS = (
    "id phase date_ouverture nom prenom statut financement tarif_cents heures_prevues_minutes"
    " date_fin content_destroyed_on anonymised_on convention first_entretien last_entretien"
    " minutes_delivered suivi_on satisfaction edof suivi_not_held questionnaires"
)


class Summary(namedtuple("Summary", _SUMMARY_FIELDS,
                         defaults=(None,) * 9 + (_NO_CONVENTION, None, None, 0, None, {}, {}, False, {}))):
    """Immutable like `Bilan`, whose fields of the same name it copies; a named tuple because
    10,000 of them are built per agenda. `first_entretien`, `last_entretien` and
    `minutes_delivered` sum up the entretiens; the shared empty `satisfaction` and `edof`
    defaults are never mutated."""

    __slots__ = ()

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
            suivi_not_held=bilan.suivi_not_held, questionnaires=dict(bilan.questionnaires),
        )
