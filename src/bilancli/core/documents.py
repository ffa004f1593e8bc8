"""What a bilan's documents may be: stored files and the documents the cabinet renders (SPEC §4)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.errors import fail

# Files kept in the store as bytes, so the purge of R6313-7 can reach them.
DOCUMENT_TYPES = ("test", "cv", "notes", "autre")
SYNTHESE_TYPE = "synthese"  # the kept copy of the rendered synthèse (L6313-4 al. 3)
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_DOCUMENT_LABEL = "50 Mio"

# Documents the cabinet renders, each with its own templates.
KINDS = ("synthese", "convention", "emargement")
FORMATS = ("md", "html", "pdf")
DEFAULT_FORMAT = "pdf"


def parse_document_type(text: str) -> str:
    value = text.strip().lower()
    if value not in DOCUMENT_TYPES:
        raise fail(msg.DOC_TYPE_INCONNU, saisie=text, possibles=", ".join(DOCUMENT_TYPES))
    return value


def parse_document_id(text: str) -> int:
    value = text.strip()
    if not value.isdigit():
        raise fail(msg.DOC_ID_MALFORME, saisie=text)
    return int(value)


def check_size(size: int, shown_name: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise fail(msg.DOC_TROP_GROS, fichier=shown_name, taille=_mib(size), max=MAX_DOCUMENT_LABEL)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " Mio"


def parse_format(text: str) -> str:
    value = text.strip().lower().lstrip(".")
    if value not in FORMATS:
        raise fail(msg.FORMAT_INCONNU, saisie=text, possibles=", ".join(FORMATS))
    return value


def default_filename(kind: str, bilan_id: str, format_: str) -> str:
    """`synthese-2026-001.pdf`: the file under documents/ID/."""
    return f"{kind}-{bilan_id}.{format_}"


def template_name(kind: str, format_: str) -> str:
    """The packaged (or overriding) template of a document; PDF is printed from the HTML."""
    return f"{kind}.{'md' if format_ == 'md' else 'html'}.j2"
