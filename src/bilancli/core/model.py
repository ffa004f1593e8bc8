"""Snapshots of a bilan as the domain sees it: immutable named tuples, no I/O.

Named tuples from `collections` rather than dataclasses or `typing.NamedTuple`:
`dataclasses` (and the `inspect` it imports) would cost a third of the start-up of
`bilan show --json`, and `typing` (with the checks it runs on every annotated field) a
fifth of what remained (see README, Performance). Fields are described in docstrings.
The dict fields' shared empty defaults are never mutated: snapshots are read-only.
"""

from __future__ import annotations

from collections import namedtuple

PHASES = ("preliminaire", "investigation", "conclusion", "termine", "abandonne")
OPEN_PHASES = ("preliminaire", "investigation", "conclusion")
MODALITES = ("presentiel", "visio", "telephone")


class Consent(namedtuple("Consent", "type date withdrawn_on", defaults=(None,))):
    """A consent: its type, the day it was given, the day it was withdrawn (None: it holds)."""

    __slots__ = ()

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


class Convention(namedtuple("Convention", "sent_on signed_on", defaults=(None, None))):
    """The tripartite convention's two days (R6313-8): `sent_on`, when the employer sent the
    draft (transmise); `signed_on`, when the employee signed it (signee)."""

    __slots__ = ()


class Entretien(namedtuple("Entretien", "id date minutes modalite phase")):
    __slots__ = ()


class Document(namedtuple("Document", "id type titre size phase created_on",
                          defaults=(None, None))):
    """A document stored in the bilan's record (bytes in the store; `size` in bytes)."""

    __slots__ = ()


class Rendering(namedtuple("Rendering", "id kind format path sha256 phase created_on destroyed_on",
                           defaults=(None,))):
    """A file the tool wrote under documents/ and must be able to destroy (R6313-7): `kind`
    is synthese, convention or emargement; `sha256` proves it is still the file written."""

    __slots__ = ()


class PhaseStep(namedtuple("PhaseStep", "phase entered_on")):
    __slots__ = ()


class InvoiceLine(namedtuple("InvoiceLine",
                             "numero type date payeur ht_cents tva_cents ttc_cents echeance annule")):
    """An invoice or credit note issued for the bilan (`type` facture or avoir), amounts in
    cents; `annule`, for a credit note, the number of the invoice it cancels."""

    __slots__ = ()


_BILAN_FIELDS = (
    "id nom prenom phase date_ouverture"
    " email telephone statut financement format employeur heures_prevues_minutes tarif_cents"
    " date_fin motif_abandon content_destroyed_on anonymised_on"
    " champs consents convention entretiens documents renderings history"
    " suivi_on suivi_has_notes satisfaction edof invoices"
)
_BILAN_DEFAULTS = (
    None, None, None, None, None, None, None, None,      # email … tarif_cents
    None, None, None, None,                              # date_fin … anonymised_on
    {}, {}, Convention(), (), (), (), (),                # champs … history
    None, False, {}, {},                                 # suivi_on … edof
    (),                                                  # invoices
)


class Bilan(namedtuple("Bilan", _BILAN_FIELDS, defaults=_BILAN_DEFAULTS)):
    """Everything recorded of one bilan. Beside the record's columns: `champs` (field →
    text), `consents` (type → Consent), `convention`, the `entretiens`, stored `documents`,
    rendered files (`renderings`) and phase `history`, in order; `suivi_on` and
    `suivi_has_notes` (notes still to destroy, R6313-7); `satisfaction` (moment → note)
    and `edof` (entree/sortie → day declared); `invoices`, its invoices and credit notes
    in the order of their numbers."""

    __slots__ = ()

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
