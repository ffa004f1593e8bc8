"""What the documents share: their options, and rendering one (`services.rendering`: checked
and rendered before anything is written, then recorded for the purge and written)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import opt
from bilancli.services import rendering

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


def render_document(kind: str, bilan_id: str, format_text: str, output: str | None,
                    template: str | None, **subject) -> None:
    """Render and write a document (`services.rendering`), then say where, or hand its bytes
    to the standard output (`-o -`)."""
    import sys


    done = rendering.render(base.home(), base.today(), base.config(), kind, bilan_id, format_text,
                            base.output_option(output), template, **subject)
    if done.written is None:
        sys.stdout.buffer.write(done.data)
        sys.stdout.buffer.flush()
        return
    base.say(msg.DOCUMENT_PRODUIT.format(document=done.label, id=done.bilan_id, fichier=done.written))


def give_back(kind: str, bilan_id: str, content: bytes, target) -> None:
    """Stored bytes handed back byte for byte: to the standard output (`target` None), or
    to a file recorded for the purge as `kind` (`doc get -o`, `convention preuve -o`)."""
    import sys

    if target is None:
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    rendering.write_recorded(base.home(), kind, bilan_id, target.suffix.lstrip(".") or "bin",
                             content, target, base.today())
