"""`bilan synthese render`, `bilan convention render`, `bilan emargement render`: the documents
the cabinet hands out, written privately under documents/ID/ and recorded for the purge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import ID_HELP
from bilancli.core.documents import (
    DEFAULT_FORMAT, check_renderable, default_filename, keeps_copy, parse_format, template_name,
)

synthese_app = base.make_app()
emargement_app = base.make_app()

IdArg = Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)]
FormatOpt = Annotated[str, typer.Option("--format", help="md, html ou pdf (le PDF demande l'extra « pdf »).")]
OutputOpt = Annotated[Optional[str], typer.Option(
    "-o", "--output", metavar="FICHIER",
    help="Fichier à écrire (défaut : documents/ID/ dans le dossier des données) ; « - » : la sortie standard.",
)]
TemplateOpt = Annotated[Optional[str], typer.Option(
    "--template", metavar="FICHIER", help="Un modèle Jinja à utiliser à la place du modèle fourni.",
)]


@base.command(synthese_app, "render")
def synthese_render(bilan_id: IdArg, format_: FormatOpt = DEFAULT_FORMAT, output: OutputOpt = None,
                    template: TemplateOpt = None) -> None:
    """Produit le document de synthèse (défaut : PDF dans documents/ID/)."""
    render_document("synthese", bilan_id, format_, output, template)


def convention_render(bilan_id: IdArg, format_: FormatOpt = DEFAULT_FORMAT, output: OutputOpt = None,
                      template: TemplateOpt = None) -> None:
    """Produit la convention tripartite avec les mentions de R6313-8."""
    render_document("convention", bilan_id, format_, output, template)


@base.command(emargement_app, "render")
def emargement_render(bilan_id: IdArg, format_: FormatOpt = DEFAULT_FORMAT, output: OutputOpt = None,
                      template: TemplateOpt = None) -> None:
    """Produit la feuille d'émargement des entretiens."""
    render_document("emargement", bilan_id, format_, output, template)


def _context(kind: str, bilan, config, today) -> dict:
    from bilancli.render import context

    if kind == "synthese":
        return context.synthese(bilan, config.cabinet, config.conservation, today)
    if kind == "convention":
        return context.convention(bilan, config.cabinet, today)
    return context.emargement(bilan, config.cabinet, today)


def render_document(kind: str, bilan_id: str, format_text: str, output: str | None,
                    template: str | None) -> None:
    """Everything that can be refused is checked and rendered before anything is written."""
    from bilancli.core.ids import parse_id
    from bilancli.render import output as out
    from bilancli.render import templates
    from bilancli.settings import load_config
    from bilancli.store import bilans, files

    wanted = parse_id(bilan_id)
    fmt = parse_format(format_text)
    target = None if output == "-" else (Path(output) if output else None)
    home, today = base.home(), base.today()
    if target is not None:
        files.check_output_path(target, home)
    with base.open_store() as store:
        bilan = bilans.load(store.conn, wanted)
        check_renderable(kind, bilan)
        config = load_config(home)
        text = templates.render(
            home, template_name(kind, fmt), fmt, _context(kind, bilan, config, today),
            Path(template) if template else None,
        )
        data = out.encode(text, fmt, base_url=Path(home) / "templates")
        filename = default_filename(kind, wanted, fmt)
        if output == "-":
            _keep_copy(store, kind, bilan, data, filename, fmt, today)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        if target is None:
            target = files.document_folder(home, wanted) / filename
        _write_and_record(store, kind, bilan, data, target, fmt, today)
    base.say(msg.DOCUMENT_PRODUIT.format(document=msg.DOCUMENT_LABELS[kind], id=wanted, fichier=target))


def _keep_copy(store, kind, bilan, data, filename, fmt, today) -> None:
    """The copy `keeps_copy` asks for, in the store."""
    if not keeps_copy(kind):
        return
    from bilancli.store.documents import keep_synthese_copy

    with store.write() as conn:
        keep_synthese_copy(
            conn, bilan.id, content=data, filename=filename,
            titre=f"{msg.DOCUMENT_LABELS[kind]} ({fmt.upper()})", phase=bilan.phase, on=today,
        )


def _write_and_record(store, kind, bilan, data, target, fmt, today) -> None:
    """Rows and file together: the rename happens inside the transaction, the temp file never stays."""
    from bilancli.store import files, records

    pending = files.stage(target, data, store.home)
    try:
        with store.write() as conn:
            records.add_rendering(
                conn, bilan.id, kind=kind, format_=fmt, path=files.recorded_path(store.home, target),
                sha256=pending.sha256, phase=bilan.phase, on=today,
            )
            _keep_copy(store, kind, bilan, data, target.name, fmt, today)
            pending.commit()
    finally:
        pending.discard()
