"""`bilan synthese render`, `bilan emargement render`: the documents of the bilan itself."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli.documents.rendering import RENDER_OPTIONS, render_document
from bilancli.cli.spec import ID, command, group

group("synthese", msg.GROUPE_SYNTHESE)
group("emargement", msg.GROUPE_EMARGEMENT)


@command("synthese render", msg.CMD_SYNTHESE_RENDER, ID, *RENDER_OPTIONS,
         details=msg.DET_SYNTHESE_RENDER)
def synthese_render(bilan_id, format_, output, template) -> None:
    render_document("synthese", bilan_id, format_, output, template)


@command("emargement render", msg.CMD_EMARGEMENT_RENDER, ID, *RENDER_OPTIONS)
def emargement_render(bilan_id, format_, output, template) -> None:
    render_document("emargement", bilan_id, format_, output, template)
