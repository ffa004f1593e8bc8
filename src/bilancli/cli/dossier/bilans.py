"""`bilan new`, `list`, `show`, `set`, `consent`: the case record."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.dossier.editor import edit_text, read_stdin
from bilancli.cli.dossier.listview import list_bilans
from bilancli.cli.dossier.views import show_bilan
from bilancli.cli.spec import DATE, ID, JSON, arg, command, flag, opt
from bilancli.core.dates import format_date, iso
from bilancli.core.dossier import consents as rules
from bilancli.core.dossier import deletion
from bilancli.core.dossier.deletion import same_person
from bilancli.core.dossier.edits import current_text, set_field
from bilancli.core.dossier.fields import (
    CONSENTS,
    opening,
    parse_consent_type,
    parse_field_name,
)
from bilancli.core.dossier.guards import check_editable
from bilancli.core.dossier.warnings import cpf_repeat_since, record, second_cpf
from bilancli.core.formats import full_name
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.store.conservation.purge import bilan_keys, finish
from bilancli.store.dossier.bilans import cpf_bilans, open_names
from bilancli.store.semaine.calendar_cache import forget


@command("new", msg.CMD_NEW,
         opt("--nom", help=msg.OPT_NOM, metavar="N", required=True),
         opt("--prenom", help=msg.OPT_PRENOM, metavar="P", required=True),
         opt("--civilite", help=msg.OPT_CIVILITE, metavar="madame|monsieur", complete="civilite"),
         opt("--adresse", help=msg.OPT_ADRESSE_BENEFICIAIRE),
         opt("--email", help=msg.OPT_EMAIL),
         opt("--telephone", help=msg.OPT_TELEPHONE),
         opt("--statut", help=msg.OPT_STATUT, metavar="STATUT", complete="statut"),
         opt("--financement", help=msg.OPT_FINANCEMENT, metavar="FINANCEMENT",
             complete="financement"),
         opt("--format", help=msg.OPT_FORMAT_BILAN, dest="format_", metavar="FORMAT",
             complete="format"),
         opt("--employeur", help=msg.OPT_EMPLOYEUR),
         opt("--heures-prevues", help=msg.OPT_HEURES_PREVUES, metavar="H"),
         opt("--tarif", help=msg.OPT_TARIF, metavar="EUR"),
         opt("--date", help=msg.OPT_DATE_OUVERTURE, metavar="D"),
         JSON)
def new(nom, prenom, civilite, adresse, email, telephone, statut, financement, format_, employeur,
        heures_prevues, tarif, date, as_json) -> None:
    change = opening({
        "civilite": civilite, "nom": nom, "prenom": prenom, "adresse": adresse, "email": email, "telephone": telephone,
        "statut": statut, "financement": financement, "format": format_,
        "employeur": employeur, "heures_prevues": heures_prevues, "tarif": tarif,
    }, base.parse_date_option(date))
    with base.writing() as tx:
        twins = same_person(open_names(tx.conn), change.admin["nom"], change.admin["prenom"])
        bilan_id = tx.apply(change)
        opened = tx.load(bilan_id)
        repeated = second_cpf_warnings(tx.conn, opened)

    for warning in record(opened) + repeated:
        base.warn(warning)
    if twins:
        base.warn(msg.BILAN_EN_DOUBLE.format(ids=", ".join(twins)))
    if as_json:
        base.print_json({"id": bilan_id})
    else:
        base.say(msg.NOUVEAU_BILAN.format(id=bilan_id, prenom=change.admin["prenom"],
                                          nom=change.admin["nom"]))


def second_cpf_warnings(conn, bilan) -> list[str]:
    """Décret n° 2026-127: another CPF bilan of the same person within five years."""

    if bilan.financement != "cpf":
        return []
    return second_cpf(bilan.id, bilan.nom, bilan.prenom, bilan.email, bilan.date_ouverture,
                      cpf_bilans(conn, cpf_repeat_since(bilan.date_ouverture)))


@command("list", msg.CMD_LIST,
         opt("--phase", help=msg.OPT_PHASE_FILTRE, metavar="P", complete="phase"),
         opt("--nom", help=msg.OPT_NOM_FILTRE), flag("--tous", help=msg.OPT_TOUS_BILANS),
         flag("--tout", help=msg.OPT_TOUT), JSON)
def list_(phase, nom, tous, tout, as_json) -> None:
    list_bilans(phase, as_json, nom, every=tous, everything=tout)


@command("show", msg.CMD_SHOW, ID, JSON)
def show(bilan_id, as_json) -> None:
    show_bilan(bilan_id, as_json)


@command("set", msg.CMD_SET, ID,
         arg("champ", "CHAMP", msg.ARG_CHAMP, complete="champ"),
         arg("valeur", "VALEUR", msg.ARG_VALEUR, required=False),
         flag("--effacer", help=msg.OPT_EFFACER),
         dash_values=True,
         details=msg.DET_SET)
def set_(bilan_id, champ, valeur, effacer) -> None:
    wanted = parse_id(bilan_id)
    field = parse_field_name(champ)
    if effacer:
        if valeur is not None:
            raise fail(msg.EFFACER_AVEC_VALEUR, champ=field)
        with base.writing() as tx:
            tx.apply(set_field(tx.load(wanted), field, None, base.today()))
        base.say(msg.CHAMP_EFFACE.format(champ=msg.FIELD_LABELS[field], id=wanted))
        return
    if valeur == "-":
        valeur = read_stdin()
    elif valeur is None:
        bilan = base.read_bilan(wanted)
        check_editable(bilan, field)
        current = current_text(bilan, field)
        valeur = edit_text(base.home(), f"{wanted}-{field}", current)
        if valeur == current.rstrip("\n"):
            base.say(msg.CHAMP_INCHANGE.format(champ=msg.FIELD_LABELS[field], id=wanted))
            return
    on = base.today()
    with base.writing() as tx:
        # Loaded again inside the transaction: a purge may have run while the editor was open.
        before = tx.load(wanted)
        tx.apply(set_field(before, field, valeur, on))
        after = tx.load(wanted)
        repeated = second_cpf_warnings(tx.conn, after) if before.financement != after.financement else []

    for warning in record(after):
        if warning not in record(before):   # said once, when it arises
            base.warn(warning)
    for warning in repeated:
        base.warn(warning)
    base.say(msg.CHAMP_ENREGISTRE.format(champ=msg.FIELD_LABELS[field], id=wanted))


@command("consent", msg.CMD_CONSENT, ID,
         arg("type_", "TYPE", msg.ARG_TYPE_CONSENTEMENT, complete="consentement"),
         DATE, flag("--retirer", help=msg.OPT_RETIRER),
         details=msg.DET_CONSENT)
def consent(bilan_id, type_, date, retirer) -> None:
    wanted = parse_id(bilan_id)
    kind = parse_consent_type(type_)
    on = base.parse_date_option(date)
    decide = rules.withdraw if retirer else rules.give
    with base.writing() as tx:
        tx.apply(decide(tx.load(wanted, content=False), kind, on, base.today()))
    if retirer:
        base.say(msg.CONSENTEMENT_RETIRE.format(type=kind, date=format_date(on), id=wanted))
    else:
        base.say(msg.CONSENTEMENT_ENREGISTRE.format(
            type=kind, date=format_date(on), id=wanted, source=CONSENTS[kind]))


@command("delete", msg.CMD_DELETE, ID, flag("--yes", help=msg.OPT_YES_SUPPRESSION),
         details=msg.DET_DELETE)
def delete(bilan_id, yes) -> None:
    wanted = parse_id(bilan_id)
    with base.existing() as store:
        if not yes:   # asked before the write lock is taken: another terminal may write meanwhile
            bilan = base.read_bilan(wanted, content=False)
            deletion.delete(bilan)
            base.confirm(msg.SUPPRESSION_QUESTION.format(id=wanted, nom=full_name(bilan.prenom, bilan.nom)),
                         msg.SUPPRESSION_SANS_TERMINAL, msg.SUPPRESSION_ABANDONNEE)
        with store.transaction() as tx:
            deleted = deletion.delete(tx.load(wanted, content=False))
            # Its keys first, committed in their own store (SPEC §15): a copy of the data
            # folder taken before holds its content as noise from then on.
            tx.keys.destroy(bilan_keys(wanted), on=iso(base.today()))
            tx.apply(deleted)
        finish(store)   # no trace in the file's free pages, nor in a journal

    forget(base.home())   # nor in the kept calendar
    base.say(msg.BILAN_SUPPRIME.format(id=wanted))
