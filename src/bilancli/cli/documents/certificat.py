"""`bilan certificat render`: the certificat de réalisation funders pay on (SPEC §10)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli.documents.rendering import RENDER_OPTIONS, render_document
from bilancli.cli.spec import ID, command, group

group("certificat", msg.GROUPE_CERTIFICAT)


@command("certificat render", msg.CMD_CERTIFICAT_RENDER, ID, *RENDER_OPTIONS,
         details=msg.DET_CERTIFICAT_RENDER)
def certificat_render(bilan_id, format_, output, template) -> None:
    render_document("certificat", bilan_id, format_, output, template)
