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
        ("new", "dossier.bilans"), ("list", "dossier.bilans"), ("show", "dossier.bilans"), ("set", "dossier.bilans"),
        ("consent", "dossier.bilans"), ("convention", "dossier.convention"), ("phase", "dossier.phases"),
        ("abandon", "dossier.phases"), ("delete", "dossier.bilans"),
    )),
    (msg.SECTION_SEMAINE, (
        ("agenda", "semaine.agenda"), ("rdv", "semaine.rdv"), ("convocation", "semaine.rdv"), ("entretien", "semaine.entretiens"),
        ("calendrier", "semaine.calendrier"),
    )),
    (msg.SECTION_DOCUMENTS, (
        ("doc", "documents.documents"), ("synthese", "documents.render"), ("emargement", "documents.render"),
        ("certificat", "documents.certificat"),
    )),
    (msg.SECTION_FACTURATION, (
        ("facture", "facturation.factures"), ("avoir", "facturation.factures"), ("paiement", "facturation.factures"),
        ("factures", "facturation.factures"), ("organisme", "facturation.organismes"),
    )),
    (msg.SECTION_QUALITE, (
        ("suivi", "qualite.followup"), ("satisfaction", "qualite.followup"), ("edof", "qualite.followup"),
        ("reclamation", "qualite.reclamations"), ("stats", "semaine.agenda"), ("qualiopi", "qualite.qualiopi"),
    )),
    (msg.SECTION_DONNEES, (
        ("export", "donnees.export"), ("import", "donnees.spreadsheet"), ("sauvegarde", "donnees.sauvegardes"),
        ("restaure", "donnees.sauvegardes"), ("purge", "donnees.purge"),
        ("cle", "donnees.cles"),
    )),
)

MODULE = {noun: module for _, nouns in SECTIONS for noun, module in nouns}


def help_line(noun: str) -> str:
    """The noun's line of help, read from the catalogue alone."""
    word = noun.upper()
    return getattr(msg, f"GROUPE_{word}", None) or getattr(msg, f"CMD_{word}")
