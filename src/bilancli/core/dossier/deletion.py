"""Deleting a bilan opened by mistake (SPEC §4 `delete`): only while nothing a funder may
ask about has happened; otherwise it is abandoned, and its record stays."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.changes import BilanDeleted
from bilancli.core.documents.catalogue import SYNTHESE_TYPE
from bilancli.core.formats import person_key
from bilancli.core.model import Bilan
from bilancli.errors import fail


def _facts_a_funder_may_ask_about(bilan: Bilan) -> list[str]:
    found = []
    if bilan.entretiens:
        found.append(msg.SUPPRESSION_ENTRETIENS.format(nombre=len(bilan.entretiens)))
    if bilan.convention.sent_on or bilan.convention.signed_on:
        found.append(msg.SUPPRESSION_CONVENTION)
    if bilan.edof:
        found.append(msg.SUPPRESSION_EDOF)
    if bilan.satisfaction or bilan.questionnaires:
        found.append(msg.SUPPRESSION_SATISFACTION)
    # A synthèse written to stdout leaves no file, but its kept copy says it was produced.
    produced = len(bilan.renderings) or sum(1 for d in bilan.documents if d.type == SYNTHESE_TYPE)
    if produced:
        found.append(msg.SUPPRESSION_RENDUS.format(nombre=produced))
    if bilan.invoices:
        found.append(msg.SUPPRESSION_FACTURES.format(nombre=len(bilan.invoices)))
    return found


def delete(bilan: Bilan) -> BilanDeleted:
    """The bilan erased, its id kept (never given again), or a refusal naming what happened."""
    happened = _facts_a_funder_may_ask_about(bilan)
    if happened and not bilan.is_open:   # ended: `abandon` would be refused too
        raise fail(msg.SUPPRESSION_REFUSEE_CLOS, id=bilan.id, faits=", ".join(happened),
                   phase=msg.PHASE_LABELS[bilan.phase])
    if happened:
        raise fail(msg.SUPPRESSION_REFUSEE, id=bilan.id, faits=", ".join(happened))
    return BilanDeleted(bilan.id)


def same_person(open_bilans, nom: str, prenom: str) -> list[str]:
    """The ids of the open bilans (id, nom, prénom) that look like the same person."""
    wanted = person_key(nom, prenom)
    return [bid for bid, n, p in open_bilans if person_key(n, p) == wanted]
