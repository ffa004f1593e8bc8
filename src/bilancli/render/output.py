"""From rendered HTML to the PDF the beneficiary receives (WeasyPrint, the optional `pdf` extra)."""

from __future__ import annotations

from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import fail


def html_to_pdf(html: str, base_url: Path, epoch: int | None = None,
                variant: str | None = None) -> bytes:
    """The PDF of `html`. With `epoch` (seconds), byte for byte the same at every run: the
    only clock a PDF of WeasyPrint holds is the `modified` date fontTools writes into each
    embedded font subset, and fontTools reads it from SOURCE_DATE_EPOCH when set.
    `variant`: WeasyPrint's `pdf_variant` (`pdf/a-3b` for Factur-X)."""
    if epoch is None:
        return _html_to_pdf(html, base_url, variant)
    import os

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        return _html_to_pdf(html, base_url, variant)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _html_to_pdf(html: str, base_url: Path, variant: str | None = None) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError):
        # OSError: the package is there but its system libraries (Pango) are not.
        raise fail(msg.PDF_INDISPONIBLE) from None
    # WeasyPrint reports CSS it skips as warnings; the consultant cannot act on them (logging
    # here: WeasyPrint loads it anyway, the commands that write no PDF do not need it).
    import logging

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        return weasyprint.HTML(string=html, base_url=str(base_url)).write_pdf(pdf_variant=variant)
    except Exception as exc:  # a broken custom template may produce HTML WeasyPrint rejects
        raise fail(msg.PDF_ECHEC, detail=type(exc).__name__) from None


def encode(text: str, format_: str, base_url: Path, epoch: int | None = None) -> bytes:
    """The bytes of the document in its output format (`epoch`: see `html_to_pdf`)."""
    if format_ == "pdf":
        return html_to_pdf(text, base_url, epoch)
    return text.encode("utf-8")
