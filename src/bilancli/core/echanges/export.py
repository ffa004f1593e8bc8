"""The beneficiary's copy of their data (RGPD art. 15 and 20, SPEC §12 `export`): who may
have one, and the names its files take inside the archive.

After the purge of R6313-7 the copy still gives what is held — the administrative record;
once that record is anonymised it names no one, and there is nobody to hand a copy to.
"""

from __future__ import annotations

import re
import unicodedata

from bilancli import messages as msg
from bilancli.core.dates import format_date
from bilancli.core.model import Bilan
from bilancli.errors import fail

KIND = "export"            # the genre of its recorded file: content, destroyed by the purge
FORMAT = "zip"
DATA_NAME = "donnees.json"
README_NAME = "LISEZMOI.txt"
DOCUMENTS_FOLDER = "documents/"
MAX_NAME = 100             # characters of a stored file's name kept in the archive


def check_exportable(bilan: Bilan) -> None:
    """An anonymised record is no one's personal data any more: nothing to export."""
    if bilan.anonymised_on is not None:
        raise fail(msg.EXPORT_ANONYMISE, id=bilan.id, date=format_date(bilan.anonymised_on))


def default_filename(bilan_id: str) -> str:
    return f"{KIND}-{bilan_id}.{FORMAT}"


# Characters no common file system takes in a name, and controls (a name is user text).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')


# The signed convention's bytes say what they are; its name in the archive follows them.
_PROOF_SUFFIXES = ((b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpg"))


def proof_name(content: bytes) -> str:
    """`convention-signee.pdf`: the signed convention kept, in the archive."""
    suffix = next((s for magic, s in _PROOF_SUFFIXES if content.startswith(magic)), "bin")
    return f"convention-signee.{suffix}"


def document_name(doc_id: int, filename: str | None, type_: str) -> str:
    """`documents/3-cv.pdf`: a stored document's place in the archive. Only the last part of
    the name it was added under, with nothing a file system would read as a folder, a drive
    or a control; prefixed with its number, so that no two documents share a name."""
    base = re.split(r"[/\\]", filename or "")[-1]
    base = _UNSAFE.sub("_", unicodedata.normalize("NFC", base)).strip(" .")
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        keep = suffix if dot and len(suffix) <= 10 else ""
        base = base[:MAX_NAME - len(keep) - 1].rstrip(" .") + ("." + keep if keep else "")
    return f"{DOCUMENTS_FOLDER}{doc_id}-{base or type_}"
