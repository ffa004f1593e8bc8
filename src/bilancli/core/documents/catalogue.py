"""What a bilan's documents may be: stored files and the documents the cabinet renders (SPEC §4)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.changes import DocumentStored, Rendered, SyntheseKept
from bilancli.core.choices import parse_choice, parse_count
from bilancli.core.dossier import convention
from bilancli.core.dossier.convention import check_proof_readable
from bilancli.core.dossier.guards import require_content_kept
from bilancli.core.echanges.export import check_exportable
from bilancli.core.model import Bilan
from bilancli.core.semaine.rdv import check_convocation
from bilancli.errors import fail

# Files kept in the store as bytes, so the purge of R6313-7 can reach them.
DOCUMENT_TYPES = ("test", "cv", "notes", "autre")
SYNTHESE_TYPE = "synthese"  # the kept copy of the rendered synthèse (L6313-4 al. 3)
COPY_KIND = "copie"         # a stored document written back to disk (`doc get -o`)
PROOF_KIND = "preuve_convention"   # the signed convention written back (`convention preuve -o`)
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_DOCUMENT_LABEL = "50 Mio"

# The formats of the documents the cabinet renders (synthèse, convention, émargement).
FORMATS = ("md", "html", "pdf")
# An invoice has one more: its PDF as Factur-X (PDF/A-3 with its CII XML, SPEC §10).
FACTURX = "facturx"
INVOICE_FORMATS = FORMATS + (FACTURX,)


def parse_document_type(text: str) -> str:
    return parse_choice(text, DOCUMENT_TYPES, msg.DOC_TYPE_INCONNU)


def parse_document_id(text: str) -> int:
    return parse_count(text, 12, msg.DOC_ID_MALFORME)


def check_size(size: int, shown_name: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise fail(msg.DOC_TROP_GROS, fichier=shown_name, taille=_mib(size), max=MAX_DOCUMENT_LABEL)


def read_limit() -> int:
    """How many bytes to read from a file: one more than allowed tells a file over the limit,
    whatever size the system announced (0 for /proc files, anything for a growing file)."""
    return MAX_DOCUMENT_BYTES + 1


def check_read_size(size: int, shown_name: str) -> None:
    """After a read bounded by `read_limit()`: the true size is unknown, only that it is too much."""
    if size > MAX_DOCUMENT_BYTES:
        raise fail(msg.DOC_TROP_GROS_LU, fichier=shown_name, max=MAX_DOCUMENT_LABEL)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " Mio"


def parse_format(text: str) -> str:
    return parse_choice(text, FORMATS, msg.FORMAT_INCONNU, strip=".")


def parse_invoice_format(text: str) -> str:
    return parse_choice(text, INVOICE_FORMATS, msg.FORMAT_INCONNU, strip=".")


def check_renderable(kind: str, bilan: Bilan, numero: int | None = None) -> None:
    """The synthèse is the bilan's content (gone once destroyed, R6313-7); the convention
    carries the mentions of R6313-8 and refuses what it cannot state; a convocation is for
    a rendez-vous still planned; an export, for a record that still names someone."""
    if kind == "convocation":
        check_convocation(bilan, numero)
    elif kind == "synthese":
        require_content_kept(bilan, msg.SYNTHESE_CONTENU_DETRUIT)
    elif kind == "convention":
        convention.check_render(bilan)
    elif kind == "certificat":
        check_certificat(bilan)
    elif kind == PROOF_KIND:
        check_proof_readable(bilan)
    elif kind == "export":
        check_exportable(bilan)


def check_certificat(bilan: Bilan) -> None:
    """The certificat de réalisation attests hours delivered, in the beneficiary's name."""
    if bilan.anonymised_on:
        raise fail(msg.BILAN_ANONYMISE, id=bilan.id)
    if not bilan.entretiens:
        raise fail(msg.CERTIFICAT_SANS_ENTRETIEN, id=bilan.id)


def keeps_copy(kind: str) -> bool:
    """Only the synthèse is also kept in the store: the purge and the conclusion gate count on it."""
    return kind == SYNTHESE_TYPE


def default_filename(kind: str, bilan_id: str, format_: str, numero: int | None = None) -> str:
    """`synthese-2026-001.pdf`, `convocation-2026-001-3.pdf`: the file under documents/ID/."""
    suffix = f"-{numero}" if numero is not None else ""
    return f"{kind}-{bilan_id}{suffix}.{format_}"


def template_name(kind: str, format_: str) -> str:
    """The packaged (or overriding) template of a document; PDF is printed from the HTML."""
    return f"{kind}.{'md' if format_ == 'md' else 'html'}.j2"


def store(bilan: Bilan, type_: str, titre: str | None, content: bytes, filename: str,
          today) -> "DocumentStored":
    """A file kept in the record as bytes: part of the bilan's content (R6313-7), so only
    while that content is kept; its title defaults to the file's name."""

    require_content_kept(bilan)
    check_read_size(len(content), filename)
    shown = (titre or "").strip() or filename
    return DocumentStored(bilan.id, type_, shown, content, filename, bilan.phase, today)


# The retention class of each document's file (SPEC §5): the synthèse and copies of stored
# documents are the bilan's content; the convention, the attendance sheet, the convocation
# and the certificat de réalisation are administrative evidence, kept until the record is
# anonymised — unless rendered with a consultant's own template, which may hold anything.
# The beneficiary's export holds the content (notes, documents): it goes with it (SPEC §5).
DOCUMENT_CLASSES = {"synthese": "contenu", "copie": "contenu", "convention": "administratif",
                    "emargement": "administratif", "convocation": "administratif",
                    "certificat": "administratif", "export": "contenu",
                    PROOF_KIND: "administratif",
                    "qualiopi": "administratif"}


def retention_of(kind: str, own_template: bool) -> str:
    return "contenu" if own_template else DOCUMENT_CLASSES.get(kind, "contenu")


def rendered(bilan: Bilan, kind: str, format_: str, path: str, sha256: str, today,
             temp: str | None = None, own_template: bool = False):
    """What a rendering records before its file exists: the file (path, hash, the temporary
    name it is written under, its retention class) the purge must be able to destroy, and
    the phase it was produced in (the conclusion gate reads it)."""

    return Rendered(bilan.id, kind, format_, path, sha256, bilan.phase, today, temp,
                    retention_of(kind, own_template))


def kept_copy(bilan: Bilan, kind: str, format_: str, data: bytes, filename: str, title: str, today):
    """The copy of the synthèse the store keeps (the conclusion gate and the purge count on
    it), None for the other documents."""

    if not keeps_copy(kind):
        return None
    return SyntheseKept(bilan.id, data, filename, f"{title} ({format_.upper()})", bilan.phase, today)
