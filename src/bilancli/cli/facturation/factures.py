"""`bilan facture`, `facture render`, `avoir`, `paiement`, `factures`: the invoices (SPEC §10).

`facture` is both a command (`bilan facture ID …` issues one) and a group (`bilan facture
render NUMERO`): the parser tries the sub-command first.
"""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.facturation.facturesview import (
    render_invoice,
    say_issued,
    show_register,
)
from bilancli.cli.spec import ID, JSON, arg, command, flag, group, opt
from bilancli.core.dates import format_date, iso, parse_date
from bilancli.core.facturation import invoices as rules
from bilancli.core.facturation.billing import (
    E_INVOICING_SOURCE,
    billing_from_config,
    through_platform,
)
from bilancli.core.formats import format_euros
from bilancli.core.ids import parse_id
from bilancli.store.facturation.organismes import directory

group("facture", msg.GROUPE_FACTURE)

NUMERO = arg("numero", "NUMERO", msg.ARG_NUMERO_FACTURE, complete="factures")


def _billing():
    config = base.config()
    return config.cabinet, billing_from_config(config.facturation)


def _amounts_json(numero: str, change) -> dict:
    return {"numero": numero, "montant_ht": change.ht_cents / 100, "tva": change.tva_cents / 100,
            "montant_ttc": change.ttc_cents / 100, "echeance": iso(change.echeance)}


@command("facture", msg.CMD_FACTURE, ID,
         opt("--date", help=msg.OPT_DATE_FACTURE, metavar="D"),
         opt("--payeur", help=msg.OPT_PAYEUR, metavar="PAYEUR", complete="payeur"),
         opt("--montant", help=msg.OPT_MONTANT_FACTURE, metavar="EUR"),
         opt("--destinataire", help=msg.OPT_DESTINATAIRE),
         opt("--adresse", help=msg.OPT_ADRESSE),
         opt("--siret", help=msg.OPT_SIRET, metavar="S"),
         opt("--reference", help=msg.OPT_REFERENCE_FACTURE),
         JSON, details=msg.DET_FACTURE)
def issue(bilan_id, date, payeur, montant, destinataire, adresse, siret, reference, as_json) -> None:
    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    payer = rules.parse_payer(payeur) if payeur is not None else None
    cents = rules.parse_positive_amount(montant) if montant is not None else None
    cabinet, billing = _billing()
    buyer = {"nom": destinataire, "adresse": adresse, "siret": siret, "reference": reference}

    with base.writing() as tx:
        change = rules.issue(tx.load(wanted, content=False), tx.sequence(), on, base.today(), payer, cents, buyer,
                             cabinet, billing, directory(tx.conn))
        numero = tx.apply(change)
    if as_json:
        base.print_json(_amounts_json(numero, change))
    else:
        say_issued(numero, wanted, change)

    if through_platform(billing.regime, change.payeur):
        base.warn(msg.FACTURE_PLATEFORME_2027.format(numero=numero, source=E_INVOICING_SOURCE))


@command("facture render", msg.CMD_FACTURE_RENDER, NUMERO,
         opt("--format", help=msg.OPT_FORMAT_FACTURE, dest="format_", metavar="md|html|pdf|facturx",
             default="pdf", complete="format_facture"),
         opt("-o", "--output", help=msg.OPT_SORTIE_FACTURE, metavar="FICHIER|-"),
         details=msg.DET_FACTURE_RENDER)
def render(numero, format_, output) -> None:
    render_invoice(numero, format_, output)


@command("avoir", msg.CMD_AVOIR, arg("numero", "NUMERO", msg.ARG_NUMERO_FACTURE_A_ANNULER,
                                     complete="factures"),
         opt("--date", help=msg.OPT_DATE_AVOIR, metavar="D"),
         opt("--montant", help=msg.OPT_MONTANT_AVOIR, metavar="EUR"),
         opt("--motif", help=msg.OPT_MOTIF_AVOIR),
         JSON)
def credit_note(numero, date, montant, motif, as_json) -> None:
    wanted = rules.parse_number(numero)
    on = base.parse_date_option(date)
    typed = rules.parse_positive_amount(montant) if montant is not None else None
    cabinet, billing = _billing()
    with base.writing() as tx:
        cancelled = tx.invoice(wanted)
        change = rules.cancel(cancelled, tx.sequence(), on, base.today(), motif, cabinet, billing,
                              typed)
        avoir = tx.apply(change)
    refund = rules.refund_due_cents(cancelled, -change.ttc_cents)
    if as_json:
        base.print_json(dict(_amounts_json(avoir, change), annule=wanted))
    else:
        whole = -change.ht_cents >= cancelled.creditable_ht_cents
        template = msg.AVOIR_EMIS if whole else msg.AVOIR_PARTIEL_EMIS
        base.say(template.format(avoir=avoir, numero=wanted, date=format_date(on),
                                 ttc=format_euros(-change.ttc_cents),
                                 reste=format_euros(cancelled.creditable_ht_cents + change.ht_cents)))
    if refund:
        base.warn(msg.AVOIR_A_REMBOURSER.format(numero=wanted, montant=format_euros(refund)))


@command("paiement", msg.CMD_PAIEMENT, NUMERO,
         opt("--date", help=msg.OPT_DATE_PAIEMENT, metavar="D", required=True),
         opt("--montant", help=msg.OPT_MONTANT_PAIEMENT, metavar="EUR", required=True),
         opt("--mode", help=msg.OPT_MODE_PAIEMENT, metavar="virement|cheque|carte|especes|cdc",
             complete="mode_paiement"),
         details=msg.DET_PAIEMENT)
def payment(numero, date, montant, mode) -> None:
    wanted = rules.parse_number(numero)
    on = parse_date(date, base.today())
    cents = rules.parse_positive_amount(montant)
    kind = rules.parse_mode(mode) if mode is not None else None
    with base.writing() as tx:
        invoice = tx.invoice(wanted)
        change = rules.pay(invoice, on, base.today(), cents, kind)
        tx.apply(change)

    left = invoice.remaining_cents - cents
    template = msg.PAIEMENT_SOLDE if left == 0 else msg.PAIEMENT_ENREGISTRE
    base.say(template.format(montant=format_euros(cents), date=format_date(on), numero=wanted,
                             mode=msg.MODE_LABELS[change.mode], reste=format_euros(left)))


@command("factures", msg.CMD_FACTURES,
         opt("--annee", help=msg.OPT_ANNEE_FACTURES, metavar="A"), flag("--tout", help=msg.OPT_TOUT),
         JSON, details=msg.DET_FACTURES)
def register(annee, tout, as_json) -> None:
    show_register(annee, as_json, everything=tout)
