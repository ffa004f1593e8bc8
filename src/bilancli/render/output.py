"""From rendered HTML to the PDF the beneficiary receives (WeasyPrint, the optional `pdf` extra)."""

from __future__ import annotations

import logging
from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import fail


def html_to_pdf(html: str, base_url: Path) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError):
        # OSError: the package is there but its system libraries (Pango) are not.
        raise fail(msg.PDF_INDISPONIBLE) from None
    # WeasyPrint reports CSS it skips as warnings; the consultant cannot act on them.
    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        return weasyprint.HTML(string=html, base_url=str(base_url)).write_pdf()
    except Exception as exc:  # a broken custom template may produce HTML WeasyPrint rejects
        raise fail(msg.PDF_ECHEC, detail=type(exc).__name__) from None


def encode(text: str, format_: str, base_url: Path) -> bytes:
    """The bytes of the document in its output format."""
    if format_ == "pdf":
        return html_to_pdf(text, base_url)
    return text.encode("utf-8")
