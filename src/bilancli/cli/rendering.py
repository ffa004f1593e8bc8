"""What the documents share: their options, and rendering one — checked and rendered before
anything is written, then written privately under documents/ID/ and recorded for the purge."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import opt
from bilancli.core.documents import DEFAULT_FORMAT

RENDER_OPTIONS = (
    opt("--format", help=msg.OPT_FORMAT_DOCUMENT, dest="format_", metavar="md|html|pdf",
        default=DEFAULT_FORMAT, complete="format_document"),
    opt("-o", "--output", help=msg.OPT_SORTIE, metavar="FICHIER|-"),
    opt("--template", help=msg.OPT_MODELE, metavar="FICHIER"),
)


def _context(kind: str, bilan, config, today, subject: dict) -> dict:
    from bilancli.render import context

    return context.BUILDERS[kind](bilan, config, today, **subject)


def render_document(kind: str, bilan_id: str, format_text: str, output: str | None,
                    template: str | None, **subject) -> None:
    """Everything that can be refused is checked and rendered before anything is written.
    `subject` names what within the bilan the document is about (a convocation's rendez-vous
    `numero`), handed to the check, the template's view and the default file name."""
    import sys
    from pathlib import Path

    from bilancli.core import documents as rules
    from bilancli.core.ids import parse_id
    from bilancli.render import output as out
    from bilancli.render import templates
    from bilancli.store import files

    wanted = parse_id(bilan_id)
    fmt = rules.parse_format(format_text)
    target = None if output == "-" else (Path(output) if output else None)
    home, today = base.home(), base.today()
    if target is not None:
        files.check_output_path(target, home)
    config = base.config()
    with base.writing() as tx:
        bilan = tx.load(wanted)
        rules.check_renderable(kind, bilan, **subject)
        text = templates.render(
            home, rules.template_name(kind, fmt), fmt,
            _context(kind, bilan, config, today, subject), Path(template) if template else None,
        )
        data = out.encode(text, fmt, base_url=Path(home) / "templates")
        filename = rules.default_filename(kind, wanted, fmt, **subject)
        label = msg.DOCUMENT_LABELS[kind]
        copy = rules.kept_copy(bilan, kind, fmt, data, filename if target is None else target.name,
                               label, today)
        if output == "-":
            if copy:
                tx.apply(copy)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        if target is None:
            target = files.document_folder(home, wanted) / filename
        pending = files.stage(target, data, home)
        try:
            tx.apply(rules.rendered(bilan, kind, fmt, files.recorded_path(home, target),
                                    pending.sha256, today))
            if copy:
                tx.apply(copy)
            pending.commit()
        finally:
            pending.discard()
    base.say(msg.DOCUMENT_PRODUIT.format(document=label, id=wanted, fichier=target))
