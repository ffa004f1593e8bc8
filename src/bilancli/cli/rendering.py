"""What the documents share: their options, and rendering one — checked and rendered before
anything is written, then written privately under documents/ID/ and recorded for the purge."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import opt

# PDF unless asked otherwise: what a beneficiary, an OPCO or an auditor is sent. Declared here,
# not in `core.documents`: every command's declaration is read at start-up, and that module
# (with `re`) is wanted only by the commands that render.
DEFAULT_FORMAT = "pdf"

RENDER_OPTIONS = (
    opt("--format", help=msg.OPT_FORMAT_DOCUMENT, dest="format_", metavar="md|html|pdf",
        default=DEFAULT_FORMAT, complete="format_document"),
    opt("-o", "--output", help=msg.OPT_SORTIE, metavar="FICHIER|-"),
    opt("--template", help=msg.OPT_MODELE, metavar="FICHIER"),
)


def _context(kind: str, bilan, config, today, subject: dict) -> dict:
    from bilancli.render import context

    if kind == "convention":
        return context.convention(bilan, config, today, employer=_registered_employer(bilan))
    return context.BUILDERS[kind](bilan, config, today, **subject)


def _registered_employer(bilan):
    """The organisme of the cabinet's directory the bilan's `employeur` names, if any."""
    from bilancli.core.organismes import find
    from bilancli.store.organismes import directory

    with base.reading() as store:
        return find(directory(store.conn), bilan.employeur)


def render_document(kind: str, bilan_id: str, format_text: str, output: str | None,
                    template: str | None, **subject) -> None:
    """Everything that can be refused is checked and rendered before anything is written;
    then the file is recorded, written, and confirmed (`store.files`). `subject` names what
    within the bilan the document is about (a convocation's rendez-vous `numero`), handed to
    the check, the template's view and the default file name."""
    import sys
    from pathlib import Path

    from bilancli.core import documents as rules
    from bilancli.core.ids import parse_id
    from bilancli.render import output as out
    from bilancli.render import templates
    from bilancli.store import files

    wanted = parse_id(bilan_id)
    fmt = rules.parse_format(format_text)
    chosen = base.output_option(output)
    target = chosen if isinstance(chosen, Path) else None
    home, today = base.home(), base.today()
    if target is not None:
        files.check_output_path(target, home)
    config = base.config()
    bilan = base.read_bilan(wanted)
    rules.check_renderable(kind, bilan, **subject)
    text = templates.render(home, rules.template_name(kind, fmt), fmt,
                            _context(kind, bilan, config, today, subject),
                            Path(template) if template else None)
    data = out.encode(text, fmt, base_url=Path(home) / "templates")
    label = msg.DOCUMENT_LABELS[kind]
    name = target.name if target is not None else rules.default_filename(kind, wanted, fmt, **subject)
    if output == "-":
        with base.writing() as tx:
            copy = rules.kept_copy(_checked(tx, kind, wanted, subject), kind, fmt, data, name, label,
                                   today)
            if copy:
                tx.apply(copy)
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if target is None:
        target = files.document_folder(home, wanted) / name
    written = write_recorded(kind, wanted, fmt, data, target, today,
                             lambda tx, b: rules.kept_copy(b, kind, fmt, data, name, label, today),
                             own_template=template is not None, subject=subject)
    base.say(msg.DOCUMENT_PRODUIT.format(document=label, id=wanted, fichier=written))


def _checked(tx, kind: str, bilan_id: str, subject: dict):
    """The bilan again inside the transaction that records: a purge may have run meanwhile."""
    from bilancli.core.documents import check_renderable

    bilan = tx.load(bilan_id)
    check_renderable(kind, bilan, **subject)
    return bilan


def write_recorded(kind: str, bilan_id: str, fmt: str, data: bytes, target, today, then=None,
                   own_template: bool = False, subject: dict | None = None, read_from=None):
    """Record the file (and its temporary name) for the purge, write it, confirm it; `then`
    gives a change to apply with the confirmation (the kept copy of the synthèse).
    `read_from`: the snapshot `data` was made from, when it was read in an earlier
    transaction (the export): a record changed since (a purge) refuses the file."""
    from bilancli.core import changes as ch
    from bilancli.core.documents import rendered
    from bilancli.errors import fail
    from bilancli.store import files

    home = base.home()
    output = files.prepare(target, data, home)
    with base.writing() as tx:
        bilan = _checked(tx, kind, bilan_id, subject or {}) if kind != "copie" else tx.load(bilan_id)
        if read_from is not None and bilan != read_from:
            raise fail(msg.DOSSIER_CHANGE_PENDANT, id=bilan_id)
        row = tx.apply(rendered(bilan, kind, fmt, output.path, output.sha256, today,
                                output.temp_path, own_template))
    abandon_on_failure(output, data, lambda tx: tx.apply(ch.RenderingAbandoned(row)))
    with base.writing() as tx:
        kept = tx.apply(ch.RenderingConfirmed(row))
        extra = then(tx, tx.load(bilan_id)) if then and kept else None
        if extra is not None:
            tx.apply(extra)
    if not kept:
        files.discard(output)
        raise fail(msg.PURGE_PENDANT_ECRITURE, id=bilan_id, fichier=output.target)
    return output.target


def abandon_on_failure(output, data: bytes, abandon) -> None:
    """Write the recorded file; when that fails or is interrupted, whatever it left goes
    first, its record (`abandon`, given a transaction) only then: until the bytes are gone,
    the purge knows where they are."""
    from bilancli.store import files

    try:
        files.write(output, data)
    except BaseException:
        files.discard(output)
        with base.writing() as tx:
            abandon(tx)
        raise
