"""The guards every step of a bilan's life shares: a bilan ended takes no more steps, and
once its content has been destroyed (R6313-7) nothing may be added to it again."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.dates import format_date
from bilancli.core.dossier.fields import is_content
from bilancli.core.model import Bilan
from bilancli.errors import fail
from bilancli.messages import PHASE_LABELS

SOURCE = "R6313-7"


def require_open(bilan: Bilan) -> None:
    """A bilan ended (terminé or abandonné) takes no more steps."""
    if not bilan.is_open:
        raise fail(msg.BILAN_CLOS, id=bilan.id, phase=PHASE_LABELS.get(bilan.phase, bilan.phase))


def require_content_kept(bilan: Bilan, template: str = msg.CONTENU_DETRUIT) -> None:
    """Refuse when the content is gone; `template` says what can no longer be done."""
    if bilan.content_destroyed_on is not None:
        raise fail(template, id=bilan.id, date=format_date(bilan.content_destroyed_on), source=SOURCE)


def check_editable(bilan: Bilan, field: str) -> None:
    """`bilan set`: a content field needs the content still kept (R6313-7); an administrative
    one, a record not yet anonymised."""
    if is_content(field):
        require_content_kept(bilan)
    elif bilan.anonymised_on:
        raise fail(msg.BILAN_ANONYMISE, id=bilan.id)
