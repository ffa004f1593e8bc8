"""The words `bilan` takes first, by section of `bilan --help`, each with the module that
declares it: the root group imports a noun's module only when that noun is typed.

Each noun's line of help is in the catalogue (`GROUPE_…` for a noun with sub-commands,
otherwise `CMD_…`), where its module's declaration reads it too: the root page is drawn
without importing any command module.
"""

from __future__ import annotations

from bilancli import messages as msg

# In the order of a bilan's life: (section title, ((noun, module), …)).
SECTIONS = (
    (msg.SECTION_DOSSIER, (
        ("new", "bilans"), ("list", "bilans"), ("show", "bilans"), ("set", "bilans"),
        ("consent", "bilans"), ("convention", "convention"), ("phase", "phases"),
        ("abandon", "phases"), ("delete", "bilans"),
    )),
    (msg.SECTION_SEMAINE, (
        ("agenda", "agenda"), ("rdv", "rdv"), ("convocation", "rdv"), ("entretien", "entretiens"),
        ("calendrier", "calendrier"),
    )),
    (msg.SECTION_DOCUMENTS, (
        ("doc", "documents"), ("synthese", "render"), ("emargement", "render"),
        ("certificat", "certificat"),
    )),
    (msg.SECTION_FACTURATION, (
        ("facture", "factures"), ("avoir", "factures"), ("paiement", "factures"),
        ("factures", "factures"), ("organisme", "organismes"),
    )),
    (msg.SECTION_QUALITE, (
        ("suivi", "followup"), ("satisfaction", "followup"), ("edof", "followup"),
        ("reclamation", "reclamations"), ("stats", "agenda"), ("qualiopi", "qualiopi"),
    )),
    (msg.SECTION_DONNEES, (
        ("export", "export"), ("import", "spreadsheet"), ("sauvegarde", "sauvegardes"),
        ("restaure", "sauvegardes"), ("purge", "purge"),
    )),
)

MODULE = {noun: module for _, nouns in SECTIONS for noun, module in nouns}


def help_line(noun: str) -> str:
    """The noun's line of help, read from the catalogue alone."""
    word = noun.upper()
    return getattr(msg, f"GROUPE_{word}", None) or getattr(msg, f"CMD_{word}")
