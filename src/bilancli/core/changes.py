"""What `core/` decides a command writes: one value per kind of change.

A rule reads the bilan's snapshot and returns one of these (or refuses); `store.writes`
applies it in the command's transaction. No SQL here, no I/O.
"""

from __future__ import annotations

from collections import namedtuple


def _change(name: str, fields: str, defaults=()):
    return namedtuple(name, fields, defaults=defaults)


# A fact added to one table, or values set on its rows, named by the registry of stored facts
# (`core.registry`): a command whose decision is a plain row needs no change kind nor writer of
# its own. `values` and `where` map column names to values (dates are written `AAAA-MM-JJ`).
RowAdded = _change("RowAdded", "table values")
RowsUpdated = _change("RowsUpdated", "table values where")

Opening = _change("Opening", "opened_on admin")
BilanDeleted = _change("BilanDeleted", "bilan_id")
FieldSet = _change("FieldSet", "bilan_id field value on")          # value None clears it
AdminSet = _change("AdminSet", "bilan_id field value")
ConsentWithdrawn = _change("ConsentWithdrawn", "bilan_id kind on")
ConventionSent = _change("ConventionSent", "bilan_id on deadline")
EntretienHeld = _change("EntretienHeld", "bilan_id on minutes modalite phase notes")
EntretienCorrected = _change("EntretienCorrected", "bilan_id numero on minutes modalite phase notes"
                             " corrected_on objet avant apres motif")
EntretienRemoved = _change("EntretienRemoved", "bilan_id numero corrected_on objet avant motif")
# `cancels`: the numbers of the rendez-vous still planned that an abandon cancels.
PhaseEntered = _change("PhaseEntered", "bilan_id phase left on date_fin motif cancels",
                       (None, None, ()))
DocumentStored = _change("DocumentStored", "bilan_id type titre content filename phase on")
SuiviHeld = _change("SuiviHeld", "bilan_id on notes not_held motif", (False, None))
SatisfactionAnswered = _change("SatisfactionAnswered", "bilan_id moment note commentaire on")
# A questionnaire sent (`reminder` False) or reminded (True) on a day.
QuestionnaireSent = _change("QuestionnaireSent", "bilan_id moment on reminder")
# A correction (`corrected_on` set) replaces the day recorded and leaves its trail.
EdofDeclared = _change("EdofDeclared", "bilan_id sens on corrected_on objet avant apres motif",
                       (None, None, None, None, None))
Rendered = _change("Rendered", "bilan_id kind format path sha256 phase on temp retention",
                   (None, "contenu"))
RenderingConfirmed = _change("RenderingConfirmed", "rendering_id")
RenderingAbandoned = _change("RenderingAbandoned", "rendering_id")
SyntheseKept = _change("SyntheseKept", "bilan_id content filename titre phase on")
RdvPlanned = _change("RdvPlanned", "bilan_id debut minutes modalite lieu lien on")
RdvMoved = _change("RdvMoved", "bilan_id numero debut minutes on")
RdvCancelled = _change("RdvCancelled", "bilan_id numero on par motif")
# A rendez-vous held: `held` is what it records, the entretien (EntretienHeld) or, after
# the end of the bilan, the follow-up interview (SuiviHeld).
RdvDone = _change("RdvDone", "bilan_id numero on held")
# Funder paperwork (SPEC §10, §11). An invoice's and a réclamation's number is given by the
# writer, inside the transaction: `document` is the frozen invoice without its number.
InvoiceIssued = _change("InvoiceIssued", "bilan_id type on payeur ht_cents tva_cents ttc_cents "
                        "echeance annule document")
PaymentRecorded = _change("PaymentRecorded", "numero on cents mode")
# Recorded before its file is written, as `Rendered` is (`temp`: the temporary name), then
# confirmed or abandoned.
InvoiceRendered = _change("InvoiceRendered", "numero bilan_id format path sha256 on temp", (None,))
InvoiceRenderingConfirmed = _change("InvoiceRenderingConfirmed", "rendering_id")
InvoiceRenderingAbandoned = _change("InvoiceRenderingAbandoned", "rendering_id")
ComplaintReceived = _change("ComplaintReceived", "bilan_id on origine canal objet echeance")
ComplaintAnswered = _change("ComplaintAnswered", "numero on reponse")
ComplaintClosed = _change("ComplaintClosed", "numero on action")
