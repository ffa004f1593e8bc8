"""R6313-7: once a bilan's content has been destroyed, nothing may be added to it again."""

from __future__ import annotations

from collections.abc import Mapping

from bilancli import messages as msg
from bilancli.core.dates import format_date, from_iso
from bilancli.core.fields import is_content
from bilancli.core.model import Bilan
from bilancli.errors import fail

SOURCE = "R6313-7"


def require_content_kept(bilan_or_record: Bilan | Mapping, template: str = msg.CONTENU_DETRUIT) -> None:
    """Refuse when the content is gone; `template` says what can no longer be done.

    Takes the snapshot, or the bilan's row (`id`, `contenu_detruit_le` as ISO text) where a
    command does not need the whole snapshot.
    """
    if isinstance(bilan_or_record, Bilan):
        bilan_id, destroyed_on = bilan_or_record.id, bilan_or_record.content_destroyed_on
    else:
        bilan_id, destroyed_on = bilan_or_record["id"], from_iso(bilan_or_record["contenu_detruit_le"])
    if destroyed_on is not None:
        raise fail(template, id=bilan_id, date=format_date(destroyed_on), source=SOURCE)


def check_editable(bilan_or_record: Bilan | Mapping, field: str) -> None:
    """`bilan set`: a content field needs the content still kept (R6313-7); an administrative
    one, a record not yet anonymised. Takes the snapshot or the bilan's row, like
    `require_content_kept`."""
    if is_content(field):
        require_content_kept(bilan_or_record)
        return
    if isinstance(bilan_or_record, Bilan):
        bilan_id, anonymised = bilan_or_record.id, bilan_or_record.anonymised_on
    else:
        bilan_id, anonymised = bilan_or_record["id"], bilan_or_record["anonymise_le"]
    if anonymised:
        raise fail(msg.BILAN_ANONYMISE, id=bilan_id)
