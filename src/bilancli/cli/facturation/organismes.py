"""`bilan organisme add|set|list`: the cabinet's directory of organismes (SPEC §10)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Table, draw
from bilancli.cli.spec import JSON, arg, command, group, opt
from bilancli.core.facturation import organismes as rules
from bilancli.core.facturation.checkdigits import format_siret
from bilancli.store.facturation.organismes import directory

group("organisme", msg.GROUPE_ORGANISME)

NOM = arg("nom", "NOM", msg.ARG_NOM_ORGANISME)


@command("organisme add", msg.CMD_ORGANISME_ADD, NOM,
         opt("--adresse", help=msg.OPT_ADRESSE_ORGANISME, required=True),
         opt("--siret", help=msg.OPT_SIRET_ORGANISME, metavar="S"),
         opt("--type", help=msg.OPT_TYPE_ORGANISME, dest="type_",
             metavar="employeur|opco|public|autre", complete="type_organisme"),
         opt("--email", help=msg.OPT_EMAIL_ORGANISME),
         opt("--telephone", help=msg.OPT_TELEPHONE_ORGANISME),
         details=msg.DET_ORGANISME_ADD)
def add(nom, adresse, siret, type_, email, telephone) -> None:
    typed = {"adresse": adresse, "siret": siret, "type": type_, "email": email,
             "telephone": telephone}
    with base.writing() as tx:
        change = rules.add(directory(tx.conn), nom, typed)
        tx.apply(change)
    base.say(msg.ORGANISME_INSCRIT.format(nom=change.values["nom"]))


@command("organisme set", msg.CMD_ORGANISME_SET, NOM,
         arg("champ", "CHAMP", msg.ARG_CHAMP_ORGANISME, complete="champ_organisme"),
         arg("valeur", "VALEUR", msg.ARG_VALEUR_ORGANISME))
def set_(nom, champ, valeur) -> None:
    with base.writing() as tx:
        found, field, change = rules.set_value(directory(tx.conn), nom, champ, valeur)
        tx.apply(change)
    base.say(msg.ORGANISME_MODIFIE.format(nom=found.nom, champ=field))


@command("organisme list", msg.CMD_ORGANISME_LIST, JSON)
def list_(as_json) -> None:
    with base.reading() as store:
        found = directory(store.conn)
    if as_json:
        base.print_json([rules.as_json(o) for o in found])
        return
    if not found:
        base.say(msg.ORGANISMES_AUCUN)
        return

    draw(Table(msg.ORGANISMES_TITRE, msg.ORGANISMES_COLONNES, [
        (o.nom, msg.ORGANISME_TYPE_LABELS.get(o.type, o.type), o.adresse,
         format_siret(o.siret) if o.siret else "—", o.email or "—", o.telephone or "—")
        for o in found], optional=(4, 5)))
