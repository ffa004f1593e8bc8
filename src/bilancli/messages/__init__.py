"""Every sentence the consultant reads, in one catalogue split by audience: refusals
(`refus`, and by room `refus_documents`, `refus_semaine`, `refus_gestion`, `refus_purge`),
what the terminal shows (`ecran`), help pages and usage errors (`aide`, each command's own
lines in `aide_commandes`), and codes in words shared with the documents (`libelles`).

The refusals of the exchanges (`export`, `import`) stand apart in `refus_echanges`.

Templates use `str.format` fields; they quote what the user typed, never the content of a
bilan (confidential, L6313-4 al. 4). Each template is a `Message`: a `str` that knows its
key, so that a refusal carries which message it is (`BilanError.key`) and tests can ask
for it instead of matching French words.
"""

from bilancli.messages.aide import *  # noqa: F401,F403
from bilancli.messages.aide_commandes import *  # noqa: F401,F403
from bilancli.messages.cles import *  # noqa: F401,F403
from bilancli.messages.dossier_complet import *  # noqa: F401,F403
from bilancli.messages.ecran import *  # noqa: F401,F403
from bilancli.messages.libelles import *  # noqa: F401,F403
from bilancli.messages.qualite import *  # noqa: F401,F403
from bilancli.messages.refus import *  # noqa: F401,F403
from bilancli.messages.refus_documents import *  # noqa: F401,F403
from bilancli.messages.refus_echanges import *  # noqa: F401,F403
from bilancli.messages.refus_gestion import *  # noqa: F401,F403
from bilancli.messages.refus_purge import *  # noqa: F401,F403
from bilancli.messages.refus_semaine import *  # noqa: F401,F403


class Message(str):
    """A message template that knows its key in the catalogue."""

    key: str

    def __new__(cls, text: str, key: str) -> "Message":
        message = super().__new__(cls, text)
        message.key = key
        return message


def _keyed() -> None:
    namespace = globals()
    for name, value in list(namespace.items()):
        if name.isupper() and type(value) is str:
            namespace[name] = Message(value, name)


_keyed()
