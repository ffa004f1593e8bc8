"""`bilan convention send|sign|render`: the tripartite convention of R6313-8."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.documents.rendering import RENDER_OPTIONS, give_back, render_document
from bilancli.cli.donnees.intake import read_regular_file
from bilancli.cli.spec import ID, command, group, opt
from bilancli.core.dates import format_date
from bilancli.core.documents import catalogue as limits
from bilancli.core.documents.catalogue import PROOF_KIND
from bilancli.core.dossier import convention as rules
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.store.dossier.bilans import proof_content

group("convention", msg.GROUPE_CONVENTION)


@command("convention send", msg.CMD_CONVENTION_SEND, ID,
         opt("--date", help=msg.OPT_DATE_TRANSMISSION, metavar="D"),
         details=msg.DET_CONVENTION_SEND)
def send(bilan_id, date) -> None:
    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        change = rules.send(tx.load(wanted, content=False), on, base.today())
        tx.apply(change)
    base.say(msg.CONVENTION_TRANSMISE.format(id=wanted, date=format_date(on),
                                             echeance=format_date(change.deadline)))


@command("convention sign", msg.CMD_CONVENTION_SIGN, ID,
         opt("--date", help=msg.OPT_DATE_SIGNATURE, metavar="D"),
         opt("--preuve", help=msg.OPT_PREUVE, metavar="FICHIER", complete="fichier"),
         opt("--methode", help=msg.OPT_METHODE, metavar="manuscrite|electronique",
             complete="methode"),
         details=msg.DET_CONVENTION_SIGN)
def sign(bilan_id, date, preuve, methode) -> None:
    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date) if date is not None else None
    kept = None
    if preuve is not None:
        kept = rules.proof(_read_proof(preuve), methode, preuve)
    elif methode is not None:
        raise fail(msg.METHODE_SANS_PREUVE)
    with base.writing() as tx:
        bilan = tx.load(wanted)
        tx.apply(rules.sign(bilan, on, base.today(), kept))
        signed_on = tx.load(wanted).convention.signed_on
    if not rules.attaches_proof(bilan, on, kept):
        base.say(msg.CONVENTION_SIGNEE.format(id=wanted, date=format_date(signed_on)))
    if kept is not None:
        base.say(msg.CONVENTION_PREUVE_GARDEE.format(
            methode=msg.METHODE_LABELS[kept.method], taille=len(kept.content), sha256=kept.sha256))


def _read_proof(path: str) -> bytes:
    """The signed convention's bytes: a regular file, within the size of a stored document."""

    return read_regular_file(path, limits.check_size, limits.read_limit(), limits.check_read_size)


@command("convention preuve", msg.CMD_CONVENTION_PREUVE, ID,
         opt("-o", "--output", help=msg.OPT_SORTIE_PREUVE, metavar="FICHIER|-"))
def proof(bilan_id, output) -> None:
    """The signed convention written back byte for byte: to stdout (never a terminal) or to
    a file recorded as administrative evidence, destroyed with the record's anonymisation."""
    wanted = parse_id(bilan_id)
    target = base.bytes_output(output, fail(msg.PREUVE_TERMINAL, id=wanted))
    bilan = base.read_bilan(wanted)
    rules.check_proof_readable(bilan)
    with base.reading() as store:
        content = proof_content(store.conn, wanted)
    if content is None:   # destroyed between the two reads (a purge)
        raise fail(msg.PREUVE_ABSENTE, id=wanted)
    give_back(PROOF_KIND, wanted, content, target)
    if target is not None:
        base.say(msg.CONVENTION_PREUVE_ECRITE.format(id=wanted, fichier=target))


@command("convention render", msg.CMD_CONVENTION_RENDER, ID, *RENDER_OPTIONS)
def render(bilan_id, format_, output, template) -> None:
    render_document("convention", bilan_id, format_, output, template)
