"""`bilan doc add|list|get`: files kept inside the store as bytes, so the purge can reach them."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.documents.rendering import give_back
from bilancli.cli.donnees.intake import read_regular_file
from bilancli.cli.dossier import views
from bilancli.cli.spec import ID, JSON, arg, command, group, opt
from bilancli.core.documents import catalogue as rules
from bilancli.core.documents.catalogue import COPY_KIND, parse_document_id
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.store.dossier.bilans import exists
from bilancli.store.dossier.documents import document_content

group("doc", msg.GROUPE_DOC)


def _read(path) -> bytes:
    """The bytes of a file to store, refusing what is missing, not a file, or over the size limit."""

    return read_regular_file(path, rules.check_size, rules.read_limit(), rules.check_read_size)


@command("doc add", msg.CMD_DOC_ADD, ID,
         arg("fichier", "FICHIER", msg.ARG_FICHIER_DOC, complete="fichier"),
         opt("--type", help=msg.OPT_TYPE_DOC, dest="type_", metavar="test|cv|notes|autre",
             default="autre", complete="type_doc"),
         opt("--titre", help=msg.OPT_TITRE, metavar="T"),
         details=msg.DET_DOC_ADD)
def add(bilan_id, fichier, type_, titre) -> None:
    from pathlib import Path

    wanted = parse_id(bilan_id)
    kind = rules.parse_document_type(type_)
    path = Path(fichier)
    content = _read(path)
    with base.writing() as tx:
        doc_id = tx.apply(rules.store(tx.load(wanted), kind, titre, content, path.name, base.today()))
    base.say(msg.DOC_AJOUTE.format(doc=doc_id, type=kind, taille=len(content), id=wanted))


@command("doc list", msg.CMD_DOC_LIST, ID, JSON)
def list_(bilan_id, as_json) -> None:
    bilan = base.read_bilan(bilan_id)
    if as_json:
        base.print_json(views.documents_json(bilan.documents))
    else:
        views.print_documents(bilan)


@command("doc get", msg.CMD_DOC_GET, ID, arg("doc", "DOC", msg.ARG_DOC),
         opt("-o", "--output", help=msg.OPT_SORTIE_DOC, metavar="FICHIER"),
         details=msg.DET_DOC_GET)
def get(bilan_id, doc, output) -> None:
    wanted = parse_id(bilan_id)
    doc_id = parse_document_id(doc)
    target = base.bytes_output(output, fail(msg.SORTIE_TERMINAL, doc=doc_id))
    with base.reading() as store:
        if not exists(store.conn, wanted):
            raise fail(msg.BILAN_INCONNU, id=wanted)
        content = document_content(store.conn, store.keys, wanted, doc_id)
    if content is None:
        raise fail(msg.DOC_INCONNU, id=wanted, doc=doc_id)
    # A copy on disk is the bilan's content as much as the stored one: recorded for the purge.
    give_back(COPY_KIND, wanted, content, target)
    if target is not None:
        base.say(msg.DOC_ECRIT.format(doc=doc_id, fichier=target))
