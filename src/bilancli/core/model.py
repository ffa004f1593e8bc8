"""Snapshots of a bilan as the domain sees it: immutable named tuples, no I/O.

Named tuples rather than dataclasses: `dataclasses` (and the `inspect` it imports)
would cost a third of the start-up of `bilan show --json` (see README, Performance).
The dict fields' shared empty defaults are never mutated: snapshots are read-only.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

PHASES = ("preliminaire", "investigation", "conclusion", "termine", "abandonne")
OPEN_PHASES = ("preliminaire", "investigation", "conclusion")
PHASE_LABELS = {
    "preliminaire": "préliminaire",
    "investigation": "investigation",
    "conclusion": "conclusion",
    "termine": "terminé",
    "abandonne": "abandonné",
}
MODALITES = ("presentiel", "visio", "telephone")
MODALITE_LABELS = {"presentiel": "Présentiel", "visio": "Visioconférence", "telephone": "Téléphone"}


class Consent(NamedTuple):
    type: str
    date: date
    withdrawn_on: date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


class Convention(NamedTuple):
    sent_on: date | None = None       # transmise: the employer sent the draft
    signed_on: date | None = None     # signee: the employee signed it


class Entretien(NamedTuple):
    id: int
    date: date
    minutes: int
    modalite: str
    phase: str


class Document(NamedTuple):
    id: int
    type: str
    titre: str
    size: int
    phase: str | None = None
    created_on: date | None = None


class Rendering(NamedTuple):
    """A file the tool wrote under documents/ and must be able to destroy (R6313-7)."""

    id: int
    kind: str            # synthese, convention, emargement
    format: str
    path: str
    sha256: str
    phase: str | None
    created_on: date
    destroyed_on: date | None = None


class PhaseStep(NamedTuple):
    phase: str
    entered_on: date


class Bilan(NamedTuple):
    id: str
    nom: str | None
    prenom: str | None
    phase: str
    date_ouverture: date
    email: str | None = None
    telephone: str | None = None
    statut: str | None = None
    financement: str | None = None
    format: str | None = None
    employeur: str | None = None
    heures_prevues_minutes: int | None = None
    tarif_cents: int | None = None
    date_fin: date | None = None
    motif_abandon: str | None = None
    content_destroyed_on: date | None = None
    anonymised_on: date | None = None
    champs: dict[str, str] = {}
    consents: dict[str, Consent] = {}
    convention: Convention = Convention()
    entretiens: tuple[Entretien, ...] = ()
    documents: tuple[Document, ...] = ()
    renderings: tuple[Rendering, ...] = ()
    history: tuple[PhaseStep, ...] = ()
    suivi_on: date | None = None
    suivi_has_notes: bool = False                                # notes still to destroy (R6313-7)
    satisfaction: dict[str, int] = {}   # moment → note
    edof: dict[str, date] = {}          # entree/sortie → date

    @property
    def is_open(self) -> bool:
        return self.phase in OPEN_PHASES

    @property
    def minutes_delivered(self) -> int:
        return sum(e.minutes for e in self.entretiens)

    def active_consent(self, kind: str) -> Consent | None:
        consent = self.consents.get(kind)
        return consent if consent and consent.active else None

    def entretiens_in(self, phase: str) -> tuple[Entretien, ...]:
        return tuple(e for e in self.entretiens if e.phase == phase)
