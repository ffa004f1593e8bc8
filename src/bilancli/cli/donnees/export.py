"""`bilan export`: the beneficiary's copy of their data (RGPD art. 15 and 20, SPEC §12) — a
zip holding `donnees.json` and the stored documents, recorded for the purge before it is
written, like every file that holds content (it goes with the content, R6313-7)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.dossier.views import show_json
from bilancli.cli.spec import ID, command, opt
from bilancli.core.dates import format_date, iso
from bilancli.core.echanges import export as rules
from bilancli.core.echanges.export import proof_name
from bilancli.services import export as service


@command("export", msg.CMD_EXPORT, ID,
         opt("-o", "--output", help=msg.OPT_SORTIE_EXPORT, metavar="FICHIER"),
         details=msg.DET_EXPORT)
def export(bilan_id, output) -> None:
    home, today = base.home(), base.today()
    wanted, written, count = service.export(home, today, bilan_id, base.output_option(output),
                                            lambda record: entries(record, today, home))
    base.say(msg.EXPORT_ECRIT.format(id=wanted, fichier=written, documents=count))


def entries(record, today, home) -> list[tuple[str, bytes]]:
    """The archive's files: a note for the beneficiary, the data, each stored document."""
    import json


    names = {f.id: rules.document_name(f.id, f.filename, f.type) for f in record.files}
    data = export_json(record, names, today, home)
    destroyed = record.bilan.content_destroyed_on
    readme = msg.EXPORT_LISEZMOI.format(id=record.bilan.id, date=format_date(today))
    if destroyed:
        readme += msg.EXPORT_LISEZMOI_DETRUIT.format(date=format_date(destroyed))
    proof = [(rules.proof_name(record.proof), record.proof)] if record.proof else []
    return [(rules.README_NAME, readme.encode("utf-8")),
            (rules.DATA_NAME, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")),
            *((names[f.id], f.content) for f in record.files), *proof]


def export_json(record, names: dict[int, str], today, home) -> dict:
    """Everything `show --json` holds, each of its entries completed with the texts the
    snapshot never holds: an entretien's notes, the suivi's notes and motive, a cancelled
    rendez-vous's motive, where each stored document is in the archive; and the satisfaction
    comments beside the notes."""

    view = show_json(record.bilan, today, home)
    view["entretiens"] = [{**e, "notes": record.entretien_notes.get(e["numero"])}
                          for e in view["entretiens"]]
    view["suivi"] = {**view["suivi"], "notes": record.suivi_notes, "motif": record.suivi_motif}
    view["rdv"] = [{**r, "motif": record.rdv_motives.get(r["numero"])} for r in view["rdv"]]
    view["documents"] = [{**d, "fichier": names.get(d["id"])} for d in view["documents"]]
    view["commentaires_satisfaction"] = dict(record.comments)
    if view["convention"]["preuve"] and record.proof:
        view["convention"]["preuve"] = {**view["convention"]["preuve"],
                                        "fichier": proof_name(record.proof)}
    return {"exporte_le": iso(today), **view}
