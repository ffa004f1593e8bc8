"""`bilan export` as a use case: the beneficiary's copy of their data (RGPD art. 15 and 20,
SPEC §12), a zip recorded for the purge before it is written, like every file that holds
content (it goes with the content, R6313-7)."""

from __future__ import annotations

from pathlib import Path

from bilancli import messages as msg
from bilancli.core.echanges import export as rules
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.render import archive
from bilancli.services import session
from bilancli.services.rendering import write_recorded
from bilancli.store import files
from bilancli.store.echanges.export import held


def export(home: str, today, bilan_id: str, chosen, entries) -> tuple[str, Path, int]:
    """(the bilan's id, where the zip was written, how many stored documents it holds).
    `chosen`: None (documents/ID/) or a path; `entries(record)` gives the archive's files."""
    wanted = parse_id(bilan_id)
    if chosen == "-":   # a copy on a pipe would escape the purge
        raise fail(msg.EXPORT_SORTIE_STANDARD)
    if isinstance(chosen, Path):
        files.check_output_path(chosen, home)
    with session.reading(home) as store:
        record = held(store.conn, store.keys, wanted)
    rules.check_exportable(record.bilan)
    data = archive.build_zip(entries(record), today)
    target = chosen if isinstance(chosen, Path) else (
        files.document_folder(home, wanted) / rules.default_filename(wanted))
    written = write_recorded(home, rules.KIND, wanted, rules.FORMAT, data, target, today,
                             read_from=record.bilan)
    return wanted, written, len(record.files)
