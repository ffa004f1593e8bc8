"""What the invoice commands print and write: the confirmation of an issue, the register of
invoices, and the rendered document of one invoice (from its frozen snapshot only)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base, display
from bilancli.cli.display import Line, Table, draw, screenful
from bilancli.core.changes import (
    InvoiceRendered,
    InvoiceRenderingAbandoned,
    InvoiceRenderingConfirmed,
)
from bilancli.core.dates import format_date, format_iso, parse_year
from bilancli.core.documents.catalogue import (
    FACTURX,
    parse_invoice_format,
    template_name,
)
from bilancli.core.facturation import invoices as rules
from bilancli.core.facturation.invoices import register_row
from bilancli.core.formats import format_euros
from bilancli.errors import fail
from bilancli.render import facturx, invoice, templates
from bilancli.render import output as out
from bilancli.services.rendering import abandon_on_failure
from bilancli.store import files
from bilancli.store.facturation import ledger

INVOICE_FOLDER = "factures"   # under documents/, beside the bilans' AAAA-NNN folders


def say_issued(numero: str, bilan_id: str, change) -> None:
    base.say(msg.FACTURE_EMISE.format(
        numero=numero, id=bilan_id, date=format_date(change.on), ht=format_euros(change.ht_cents),
        ttc=format_euros(change.ttc_cents), echeance=format_date(change.echeance),
        payeur=msg.PAYEUR_LABELS[change.payeur]))
    if change.payeur == "cdc":
        base.say(msg.FACTURE_EDOF.format(numero=numero, ttc=format_euros(change.ttc_cents)))


def render_invoice(numero: str, format_text: str, output: str | None) -> None:
    """`bilan facture render`: checked and rendered before anything is written; then the file
    is recorded (with its temporary name, for the purge ten years on), written, and confirmed,
    as every rendered file is (`services.rendering.write_recorded`)."""
    import sys
    from pathlib import Path


    wanted = rules.parse_number(numero)
    fmt = parse_invoice_format(format_text)
    target = None if output == "-" else (Path(output) if output else None)
    home = base.home()
    if target is not None:
        files.check_output_path(target, home)
    with base.reading() as store:
        issued = ledger.load_invoice(store.conn, wanted)
        if fmt == FACTURX:
            _check_credited_invoice(store.conn, issued.document)
    document = issued.document
    printed = "html" if fmt == FACTURX else fmt   # Factur-X is printed from the HTML too
    text = templates.render(home, template_name("facture", printed), printed,
                            invoice.view(document))
    base_url = Path(home) / "templates"
    if fmt == FACTURX:
        data = facturx.pdf(document, text, base_url)
    else:
        data = out.encode(text, fmt, base_url=base_url, epoch=invoice.epoch(document))
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if target is None:   # documents/factures/: the accountant's folder, apart from the bilans'
        name = f"{document['type']}-{wanted}" + ("-facturx.pdf" if fmt == FACTURX else f".{fmt}")
        target = files.document_folder(home, INVOICE_FOLDER) / name
    pending = files.prepare(target, data, home)
    with base.writing() as tx:
        tx.invoice(wanted)   # still there: a purge may have run meanwhile
        row = tx.apply(InvoiceRendered(wanted, issued.bilan_id, fmt, pending.path, pending.sha256,
                                       base.today(), pending.temp_path))
    abandon_on_failure(home, pending, data, lambda tx: tx.apply(InvoiceRenderingAbandoned(row)))
    with base.writing() as tx:
        kept = tx.apply(InvoiceRenderingConfirmed(row))
    if not kept:
        files.discard(pending)
        raise fail(msg.PURGE_PENDANT_ECRITURE_FACTURE, numero=wanted, fichier=pending.target)
    base.say(msg.DOCUMENT_PRODUIT_FACTURE.format(document=msg.DOCUMENT_LABELS[document["type"]],
                                                 numero=wanted, fichier=pending.target))


def _check_credited_invoice(conn, document: dict) -> None:
    """A Factur-X credit note names the invoice it corrects (BG-3): refused once that invoice
    has left the register (destroyed ten years on)."""

    cancelled = document.get("facture_annulee")
    if cancelled and not ledger.invoice_exists(conn, cancelled["numero"]):
        raise fail(msg.FACTURX_AVOIR_SANS_FACTURE, numero=document["numero"],
                   facture=cancelled["numero"])


def show_register(annee: str | None, as_json: bool, everything: bool = False) -> None:
    """`bilan factures`."""

    year = parse_year(annee) if annee is not None else None
    today = base.today()
    with base.reading() as store:
        rows = [register_row(i, today) for i in ledger.load_invoices(store.conn, year)]
    if as_json:
        base.print_json(rows)
        return
    _print_register(rows, year, everything)


# Beyond a screenful, what calls for the consultant first: overdue, then awaited payments.
URGENCY = {"en_retard": 0, "a_payer": 1}


def _print_register(rows: list[dict], year: int | None, everything: bool = True) -> None:
    if not rows:
        base.say(msg.AUCUNE_FACTURE)
        return

    def euros(value) -> str:
        return format_euros(round(value * 100))

    due = round(sum(r["reste"] for r in rows) * 100)
    if not everything and len(rows) > display.SCREENFUL:
        rows = sorted(rows, key=lambda r: URGENCY.get(r["statut"], 2))   # stable: register order
    table = Table(msg.FACTURES_TITRE if year is None else msg.FACTURES_TITRE_ANNEE.format(annee=year),
                  ("Numéro", "Date", "Bilan", "Payeur", "HT", "TTC", "Payé", "Reste", "Échéance",
                   "Statut"),
                  [(r["numero"], format_iso(r["date"]), r["bilan"], msg.PAYEUR_LABELS[r["payeur"]],
                    euros(r["montant_ht"]), euros(r["montant_ttc"]), euros(r["paye"]),
                    euros(r["reste"]), format_iso(r["echeance"]), msg.FACTURE_STATUTS[r["statut"]])
                   for r in rows],
                  right=(4, 5, 6, 7), styles=["bold red" if r["statut"] == "en_retard" else ""
                                              for r in rows],
                  optional=(1, 3, 4, 6))   # in 80 columns: the date, payer, HT, paid
    statuts = [msg.FACTURE_STATUTS[r["statut"]] for r in rows]
    draw(*screenful(table, statuts, everything, msg.FACTURES_RESUME.format(nombre=len(rows)), "Statut"),
         Line(msg.FACTURES_RESTE_DU.format(total=format_euros(due))))
