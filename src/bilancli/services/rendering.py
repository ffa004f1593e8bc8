"""Rendering a document (SPEC §4, §8): everything that can be refused is checked and
rendered before anything is written; then the file is recorded for the purge, written
privately (under documents/ID/ or at `-o`), and confirmed — so that a file holding content
is known to the purge even if the command is killed at any instant."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from bilancli import messages as msg
from bilancli.core import changes as ch
from bilancli.core.documents import catalogue as rules
from bilancli.core.facturation.organismes import find
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.render import context, templates
from bilancli.render import output as out
from bilancli.services import session
from bilancli.store import files
from bilancli.store.dossier import bilans
from bilancli.store.facturation.organismes import directory


class Rendered(namedtuple("Rendered", "label bilan_id written data")):
    """A document rendered: its label, its bilan, where it was written (None when it went to
    the standard output, `data` then holding its bytes)."""

    __slots__ = ()


def render(home: str, today, config, kind: str, bilan_id: str, format_text: str,
           output: str | Path | None, template: str | None, **subject) -> Rendered:
    """`output`: None (documents/ID/), "-" (the standard output: the caller writes `data`,
    the kept copy is recorded here) or a path. `subject` names what within the bilan the
    document is about (a convocation's rendez-vous `numero`), handed to the check, the
    template's view and the default file name."""
    wanted = parse_id(bilan_id)
    fmt = rules.parse_format(format_text)
    target = output if isinstance(output, Path) else None
    if target is not None:
        files.check_output_path(target, home)
    with session.reading(home) as store:
        bilan = bilans.load(store.conn, wanted, store.keys)
        employer = find(directory(store.conn), bilan.employeur) if kind == "convention" else None
    rules.check_renderable(kind, bilan, **subject)
    if kind == "convention":   # the employer as the cabinet's directory knows it, if it does
        view = context.convention(bilan, config, today, employer=employer)
    else:
        view = context.BUILDERS[kind](bilan, config, today, **subject)
    text = templates.render(home, rules.template_name(kind, fmt), fmt, view,
                            Path(template) if template else None)
    data = out.encode(text, fmt, base_url=Path(home) / "templates")
    label = msg.DOCUMENT_LABELS[kind]
    name = target.name if target is not None else rules.default_filename(kind, wanted, fmt, **subject)
    if output == "-":
        with session.writing(home) as tx:
            copy = rules.kept_copy(checked(tx, kind, wanted, subject), kind, fmt, data, name, label,
                                   today)
            if copy:
                tx.apply(copy)
        return Rendered(label, wanted, None, data)
    if target is None:
        target = files.document_folder(home, wanted) / name
    written = write_recorded(home, kind, wanted, fmt, data, target, today,
                             lambda tx, b: rules.kept_copy(b, kind, fmt, data, name, label, today),
                             own_template=template is not None, subject=subject)
    return Rendered(label, wanted, written, data)


def checked(tx, kind: str, bilan_id: str, subject: dict):
    """The bilan again inside the transaction that records: a purge may have run meanwhile."""
    bilan = tx.load(bilan_id)
    rules.check_renderable(kind, bilan, **subject)
    return bilan


def write_recorded(home: str, kind: str, bilan_id: str, fmt: str, data: bytes, target, today,
                   then=None, own_template: bool = False, subject: dict | None = None,
                   read_from=None):
    """Record the file (and its temporary name) for the purge, write it, confirm it; `then`
    gives a change to apply with the confirmation (the kept copy of the synthèse).
    `read_from`: the snapshot `data` was made from, when it was read in an earlier
    transaction (the export): a record changed since (a purge) refuses the file."""
    output = files.prepare(target, data, home)
    with session.writing(home) as tx:
        bilan = checked(tx, kind, bilan_id, subject or {}) if kind != "copie" else tx.load(bilan_id)
        if read_from is not None and bilan != read_from:
            raise fail(msg.DOSSIER_CHANGE_PENDANT, id=bilan_id)
        row = tx.apply(rules.rendered(bilan, kind, fmt, output.path, output.sha256, today,
                                      output.temp_path, own_template))
    abandon_on_failure(home, output, data, lambda tx: tx.apply(ch.RenderingAbandoned(row)))
    with session.writing(home) as tx:
        kept = tx.apply(ch.RenderingConfirmed(row))
        extra = then(tx, tx.load(bilan_id)) if then and kept else None
        if extra is not None:
            tx.apply(extra)
    if not kept:
        files.discard(output)
        raise fail(msg.PURGE_PENDANT_ECRITURE, id=bilan_id, fichier=output.target)
    return output.target


def abandon_on_failure(home: str, output, data: bytes, abandon) -> None:
    """Write the recorded file; when that fails or is interrupted, whatever it left goes
    first, its record (`abandon`, given a transaction) only then: until the bytes are gone,
    the purge knows where they are."""
    try:
        files.write(output, data)
    except BaseException:
        files.discard(output)
        with session.writing(home) as tx:
            abandon(tx)
        raise
