"""Refusals of the exchanges with the outside: the beneficiary's export, the import of a
spreadsheet. Each names what was typed or which line of the file, never a bilan's content."""

EXPORT_ANONYMISE = (
    "le dossier du bilan {id} a été anonymisé le {date} : il ne désigne plus personne, il n'y a "
    "plus de données personnelles à remettre (RGPD art. 15)."
)
EXPORT_SORTIE_STANDARD = (
    "l'export s'écrit dans un fichier (-o FICHIER), jamais sur la sortie standard : la purge "
    "doit pouvoir le détruire avec le contenu du bilan (R6313-7)."
)
