"""`bilan doc add|list|get`: files kept inside the store as bytes, so the purge can reach them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import ID_HELP, JSON_HELP

app = base.make_app()


def _read(path: Path) -> bytes:
    """The bytes of a regular file, refusing what is missing, not a file, or over the size limit."""
    import os
    import stat

    from bilancli.core import documents as rules
    from bilancli.errors import fail, os_reason

    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise fail(msg.FICHIER_INTROUVABLE, fichier=path) from None
    except OSError as exc:
        raise fail(msg.FICHIER_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fail(msg.FICHIER_EST_DOSSIER, fichier=path)
        if not stat.S_ISREG(info.st_mode):
            raise fail(msg.FICHIER_PAS_ORDINAIRE, fichier=path)
        # Announced size first: a huge file is refused before it is read at all.
        rules.check_size(info.st_size, str(path))
        content = _read_at_most(fd, rules.read_limit())
    except OSError as exc:
        raise fail(msg.FICHIER_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    finally:
        os.close(fd)
    rules.check_read_size(len(content), str(path))
    return content


def _read_at_most(fd: int, limit: int) -> bytes:
    import os

    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@base.command(app, "add")
def add(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    fichier: Annotated[str, typer.Argument(metavar="FICHIER", help="Le fichier à conserver (50 Mio au plus).")],
    type_: Annotated[str, typer.Option("--type", help="test, cv, notes ou autre.")] = "autre",
    titre: Annotated[Optional[str], typer.Option("--titre", help="Titre affiché (défaut : le nom du fichier).")] = None,
) -> None:
    """Conserve un fichier dans le dossier du bilan (son contenu, pas son chemin)."""
    from bilancli.core.content import require_content_kept
    from bilancli.core.documents import parse_document_type
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    kind = parse_document_type(type_)
    path = Path(fichier)
    content = _read(path)
    with base.writing() as conn:
        record = bilans.require(conn, wanted)
        require_content_kept(record)
        doc_id = records.add_document(
            conn, wanted, type_=kind, titre=(titre or "").strip() or path.name, content=content,
            filename=path.name, phase=record["phase"], on=base.today(),
        )
    base.say(msg.DOC_AJOUTE.format(doc=doc_id, type=kind, taille=len(content), id=wanted))


@base.command(app, "list")
def list_(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Liste les documents conservés pour un bilan."""
    from bilancli.core.dates import format_date
    from bilancli.core.model import PHASE_LABELS

    bilan = base.read_bilan(bilan_id)
    documents = bilan.documents
    if as_json:
        from bilancli.cli.views import documents_json

        base.print_json(documents_json(documents))
        return
    if not documents:
        base.say(msg.AUCUN_DOCUMENT.format(id=bilan.id))
        return
    from rich.table import Table

    table = Table("N°", "Type", "Titre", "Taille (octets)", "Phase", "Ajouté le", box=None)
    for d in documents:
        table.add_row(
            str(d.id), d.type, base.text(d.titre), f"{d.size:,}".replace(",", " "),
            PHASE_LABELS.get(d.phase or "", d.phase or ""), format_date(d.created_on),
        )
    base.console().print(table)


@base.command(app, "get")
def get(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    doc: Annotated[str, typer.Argument(metavar="DOC", help="Numéro du document (voir « bilan doc list »).")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", metavar="FICHIER", help="Fichier à écrire ; « - » ou absent : la sortie standard.")] = None,
) -> None:
    """Réécrit un document conservé, octet pour octet."""
    from bilancli.core.documents import parse_document_id
    from bilancli.core.ids import parse_id
    from bilancli.errors import fail
    from bilancli.store import bilans, files, records

    wanted = parse_id(bilan_id)
    doc_id = parse_document_id(doc)
    to_stdout = output in (None, "-")
    if output is None and sys.stdout.isatty():
        raise fail(msg.SORTIE_TERMINAL, doc=doc_id)
    target = None if to_stdout else Path(output)
    if target is not None:
        files.check_output_path(target, base.home())
    with base.open_store(create=False) as store:
        bilans.require(store.conn, wanted)
        row = records.document_content(store.conn, wanted, doc_id)
    if row is None:
        raise fail(msg.DOC_INCONNU, id=wanted, doc=doc_id)
    content = bytes(row["contenu"])
    if target is None:
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    pending = files.stage(target, content, base.home())
    try:
        pending.commit()
    finally:
        pending.discard()
    base.say(msg.DOC_ECRIT.format(doc=doc_id, fichier=target))
