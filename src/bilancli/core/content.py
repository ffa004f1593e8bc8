"""R6313-7: once a bilan's content has been destroyed, nothing may be added to it again."""

from __future__ import annotations

from collections.abc import Mapping

from bilancli import messages as msg
from bilancli.core.dates import format_date, from_iso
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
