"""What completes a parameter's value in the shell: bilan ids and register numbers read
from the store (never written), the closed lists of values, and paths by the shell itself."""

from __future__ import annotations

from bilancli.cli import base
from bilancli.core.documents import catalogue as documents
from bilancli.core.dossier import convention, fields
from bilancli.core.facturation import edof, invoices, organismes
from bilancli.core.model import MODALITES, PHASES
from bilancli.core.qualite import complaints, satisfaction
from bilancli.core.semaine import rdv
from bilancli.store.dossier import bilans
from bilancli.store.facturation import ledger


def _closed_lists() -> dict[str, tuple[str, ...]]:
    return {
        "statut": fields.STATUTS, "financement": fields.FINANCEMENTS, "format": fields.FORMATS,
        "phase": PHASES, "champ": fields.ALL_FIELDS, "consentement": tuple(fields.CONSENTS),
        "modalite": MODALITES, "moment": satisfaction.MOMENTS, "sens": edof.SENS,
        "type_doc": documents.DOCUMENT_TYPES, "format_document": documents.FORMATS,
        "format_facture": documents.INVOICE_FORMATS,
        "par_rdv": rdv.PAR,
        "payeur": invoices.PAYERS, "mode_paiement": invoices.MODES,
        "origine": complaints.ORIGINS, "canal": complaints.CHANNELS,
        "civilite": fields.CIVILITES, "type_organisme": organismes.TYPES,
        "champ_organisme": organismes.SETTABLE, "methode": convention.PROOF_METHODS,
    }


def _bilan_ids() -> list[str]:
    """The ids of the store, newest first."""

    try:
        with base.reading() as store:
            return [row[0] for row in bilans.list_rows(store.conn)]
    except Exception:   # completion must never break the shell
        return []


def _register_numbers(kind: str) -> list[str]:
    """The numbers of the invoices or of the réclamations, newest first."""

    try:
        with base.reading() as store:
            found = (ledger.load_invoices(store.conn) if kind == "factures"
                     else ledger.load_complaints(store.conn))
    except Exception:   # completion must never break the shell
        return []
    return [item.numero for item in reversed(found)]


def words(source: str) -> list[str]:
    """Every word `source` offers (a declaration's `complete`)."""
    if source == "bilans":
        return _bilan_ids()
    if source in ("factures", "reclamations"):
        return _register_numbers(source)
    return list(_closed_lists()[source])


def completer(source):
    """The Click `shell_complete` function of a parameter, or None."""
    if source is None:
        return None
    if source == "fichier":   # the shell's own completion of paths
        def paths(ctx, param, incomplete: str):
            from click.shell_completion import CompletionItem

            return [CompletionItem(incomplete, type="file")]

        return paths

    def complete(ctx, param, incomplete: str) -> list[str]:
        return [w for w in words(source) if w.startswith(incomplete)]

    return complete
