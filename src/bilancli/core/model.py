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
    """A consent: its type, the day it was given, the day it was withdrawn (None: it holds).
    Given again after a withdrawal, it is a new one: the history keeps both."""

    __slots__ = ()

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


class Convention(namedtuple("Convention", "sent_on signed_on proof_method proof_sha256 proof_size",
                            defaults=(None, None, None, None, None))):
    """The tripartite convention's two days (R6313-8): `sent_on`, when the employer sent the
    draft (transmise); `signed_on`, when the employee signed it (signee); the signed copy
    kept in the store, if any: how it was signed, its SHA-256 and size (None once destroyed)."""

    __slots__ = ()

    @property
    def has_proof(self) -> bool:
        return self.proof_sha256 is not None


class Organisme(namedtuple("Organisme", "nom adresse siret type email telephone",
                          defaults=(None, "autre", None, None))):
    """An organisme of the cabinet's directory (an employer, an OPCO, France Travail): a legal
    person it bills or signs with, as typed once (`siret`: its 14 digits)."""

    __slots__ = ()


class Entretien(namedtuple("Entretien", "id date minutes modalite phase numero", defaults=(None,))):
    """An entretien held: `numero` is its number within the bilan, given when it is recorded
    and never reused (a correction names it)."""

    __slots__ = ()


class Correction(namedtuple("Correction", "date objet avant apres motif")):
    """A correction of the record: what (`objet`, "entretien 3"), what it was and what it
    became (JSON of administrative values; `apres` None for a removal), when, why."""

    __slots__ = ()


class Document(namedtuple("Document", "id type titre size phase created_on",
                          defaults=(None, None))):
    """A document stored in the bilan's record (bytes in the store; `size` in bytes)."""

    __slots__ = ()


class Rendering(namedtuple("Rendering",
                           "id kind format path sha256 phase created_on destroyed_on temp retention",
                           defaults=(None, None, "contenu"))):
    """A file the tool wrote (under documents/, or elsewhere with -o) and must be able to
    destroy (R6313-7): `kind` is the document (synthese, convention, emargement, copie…);
    `sha256` proves it is still the file written; `temp`, the temporary name it was written
    under while its writing is not confirmed."""

    __slots__ = ()

    @property
    def confirmed(self) -> bool:
        return self.temp is None


class Questionnaire(namedtuple("Questionnaire", "moment sent_on reminders reminded_on",
                               defaults=(0, None))):
    """A satisfaction questionnaire sent (`sent_on`), reminded `reminders` times, the last on
    `reminded_on` (Qualiopi indicator 30); its answer is in `Bilan.satisfaction`."""

    __slots__ = ()

    @property
    def last_sent(self):
        return self.reminded_on or self.sent_on


class PhaseStep(namedtuple("PhaseStep", "phase entered_on")):
    __slots__ = ()


class InvoiceLine(namedtuple("InvoiceLine",
                             "numero type date payeur ht_cents tva_cents ttc_cents echeance annule")):
    """An invoice or credit note issued for the bilan (`type` facture or avoir), amounts in
    cents; `annule`, for a credit note, the number of the invoice it cancels."""

    __slots__ = ()


RDV_STATUTS = ("prevu", "tenu", "annule")


class RendezVous(namedtuple("RendezVous", "bilan_id numero debut minutes modalite lieu lien statut"
                            " moves cancelled_on cancelled_by modified_on",
                            defaults=(None, None, "prevu", 0, None, None, None))):
    """A rendez-vous (SPEC §9): its number within the bilan (never reused), its start in
    local wall time (Europe/Paris, a naive `datetime`), its length in minutes, its modality,
    the place or visio link typed for the convocation, `statut` prevu, tenu or annule, how
    many times it was moved (the calendar's SEQUENCE) and the day of its last change. The
    motive of a cancellation is content (R6313-7): no snapshot reads it."""

    __slots__ = ()

    @property
    def fin(self):
        from datetime import timedelta

        return self.debut + timedelta(minutes=self.minutes)

    @property
    def planned(self) -> bool:
        return self.statut == "prevu"


_BILAN_FIELDS = (
    "id nom prenom phase date_ouverture"
    " email telephone statut financement format employeur heures_prevues_minutes tarif_cents"
    " date_fin motif_abandon content_destroyed_on anonymised_on"
    " champs consent_history convention entretiens documents renderings history"
    " suivi_on suivi_has_notes satisfaction edof corrections suivi_not_held rdv invoices"
    " civilite adresse questionnaires"
)
_BILAN_DEFAULTS = (
    None, None, None, None, None, None, None, None,      # email … tarif_cents
    None, None, None, None,                              # date_fin … anonymised_on
    {}, (), Convention(), (), (), (), (),                # champs … history
    None, False, {}, {}, (), False, (),                  # suivi_on … rdv
    (), None, None, {},                                  # invoices, civilite, adresse, questionnaires
)


class Bilan(namedtuple("Bilan", _BILAN_FIELDS, defaults=_BILAN_DEFAULTS)):
    """Everything recorded of one bilan. Beside the record's columns: `champs` (field →
    text), `consent_history` (every consent given, in order), `convention`, the
    `entretiens`, stored `documents`, rendered files (`renderings`) and phase `history`, in
    order; `suivi_on`, `suivi_has_notes` (notes still to destroy, R6313-7) and
    `suivi_not_held` (proposed, did not take place); `satisfaction` (moment → note, None
    when sent and not answered); `edof` (entree/sortie → day declared); `corrections`; the
    `rdv`, by start; `invoices`, its invoices and credit notes in the order of their
    numbers; `questionnaires`, moment → `Questionnaire` sent."""

    __slots__ = ()

    @property
    def consents(self) -> dict[str, Consent]:
        """Type → the latest consent of that type (in force unless withdrawn)."""
        return {c.type: c for c in self.consent_history}

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

    @property
    def planned_rdv(self) -> tuple[RendezVous, ...]:
        return tuple(r for r in self.rdv if r.planned)


class Booking(namedtuple("Booking", "rdv nom prenom phase date_fin")):
    """A rendez-vous of any bilan, with whom it is for and where that bilan stands: what the
    week's list and the calendar read of every bilan at once."""

    __slots__ = ()
