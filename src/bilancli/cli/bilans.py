"""`bilan new`, `list`, `show`, `set`, `consent`: the case record."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import DATE_HELP, ID_HELP, JSON_HELP


def new(
    nom: Annotated[str, typer.Option("--nom", help="Nom du bénéficiaire.")],
    prenom: Annotated[str, typer.Option("--prenom", help="Prénom du bénéficiaire.")],
    email: Annotated[Optional[str], typer.Option("--email", help="Courriel.")] = None,
    telephone: Annotated[Optional[str], typer.Option("--telephone", help="Téléphone.")] = None,
    statut: Annotated[Optional[str], typer.Option("--statut", help="salarie, demandeur-emploi, particulier, independant ou autre.")] = None,
    financement: Annotated[Optional[str], typer.Option("--financement", help="cpf, plan, reclassement, personnel, france-travail ou autre.")] = None,
    format_: Annotated[Optional[str], typer.Option("--format", help="presentiel, distanciel ou mixte.")] = None,
    employeur: Annotated[Optional[str], typer.Option("--employeur", help="Employeur du bénéficiaire.")] = None,
    heures_prevues: Annotated[Optional[str], typer.Option("--heures-prevues", help="Heures prévues (24 au plus, L6313-4 al. 5).")] = None,
    tarif: Annotated[Optional[str], typer.Option("--tarif", help="Tarif en euros HT.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date d'ouverture. " + DATE_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan new` (its help: its line in `cli.toc`)."""
    from bilancli.core.fields import REQUIRED_FIELDS, validate_admin
    from bilancli.store import bilans

    typed = {
        "nom": nom, "prenom": prenom, "email": email, "telephone": telephone,
        "statut": statut, "financement": financement, "format": format_,
        "employeur": employeur, "heures_prevues": heures_prevues, "tarif": tarif,
    }
    admin = {k: validate_admin(k, v) for k, v in typed.items() if v is not None or k in REQUIRED_FIELDS}
    opened_on = base.parse_date_option(date)
    with base.writing() as conn:
        bilan_id = bilans.create(conn, opened_on=opened_on, admin=admin)
    if as_json:
        base.print_json({"id": bilan_id})
    else:
        base.say(msg.NOUVEAU_BILAN.format(id=bilan_id, prenom=admin["prenom"], nom=admin["nom"]))


def list_(
    phase: Annotated[Optional[str], typer.Option("--phase", help="Seulement les bilans de cette phase.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan list` (its help: its line in `cli.toc`)."""
    from bilancli.cli.listview import list_bilans

    list_bilans(phase, as_json)


def show(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan show` (its help: its line in `cli.toc`)."""
    from bilancli.cli.views import show_bilan

    show_bilan(bilan_id, as_json)


def set_(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    champ: Annotated[str, typer.Argument(metavar="CHAMP", help="Champ de contenu ou administratif (ex. demande, projet, tarif).")],
    valeur: Annotated[Optional[str], typer.Argument(metavar="[VALEUR]", help="Valeur ; « - » lit l'entrée standard ; absente, ouvre l'éditeur ($VISUAL ou $EDITOR).", show_default=False)] = None,
) -> None:
    """`bilan set` (its help: its line in `cli.toc`)."""
    from bilancli.cli.editor import edit_text, read_stdin
    from bilancli.core.content import check_editable
    from bilancli.core.fields import FIELD_LABELS, is_content, parse_field_name, validate_admin
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans

    wanted = parse_id(bilan_id)
    field = parse_field_name(champ)
    with base.open_store() as store:
        record = bilans.require(store.conn, wanted)
        check_editable(record, field)
        if valeur == "-":
            valeur = read_stdin()
        elif valeur is None:
            current = bilans.current_value(store.conn, record, field)
            valeur = edit_text(current)
        on = base.today()
        with store.write() as conn:
            # Again inside the transaction: a purge may have run while the editor was open.
            check_editable(bilans.require(conn, wanted), field)
            if is_content(field):
                bilans.set_content(conn, wanted, field, valeur, on)
            else:
                bilans.set_admin(conn, wanted, field, validate_admin(field, valeur))
    template = msg.CHAMP_ENREGISTRE if (valeur or "").strip() else msg.CHAMP_EFFACE
    base.say(template.format(champ=FIELD_LABELS[field], id=wanted))


def consent(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="bilan, conservation, cep ou employeur.")],
    date: Annotated[Optional[str], typer.Option("--date", help=DATE_HELP)] = None,
    retirer: Annotated[bool, typer.Option("--retirer", help="Retire le consentement.")] = False,
) -> None:
    """`bilan consent` (its help: its line in `cli.toc`)."""
    from bilancli.core import consents as rules
    from bilancli.core.fields import CONSENTS, parse_consent_type
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans

    wanted = parse_id(bilan_id)
    kind = parse_consent_type(type_)
    on = base.parse_date_option(date)
    with base.writing() as conn:
        bilan = bilans.load(conn, wanted)
        if retirer:
            rules.check_withdraw(bilan, kind, on, base.today())
            bilans.withdraw_consent(conn, wanted, kind, on)
        else:
            rules.check_record(bilan, kind, on, base.today())
            bilans.record_consent(conn, wanted, kind, on)
    from bilancli.core.dates import format_date

    if retirer:
        base.say(msg.CONSENTEMENT_RETIRE.format(type=kind, date=format_date(on), id=wanted))
    else:
        base.say(msg.CONSENTEMENT_ENREGISTRE.format(
            type=kind, date=format_date(on), id=wanted, source=CONSENTS[kind]))
