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

# --- bilan import --------------------------------------------------------------------------
IMPORT_TROP_GROS = (
    "{fichier} dépasse {max} : c'est bien plus qu'un tableau de bilans à ouvrir. Est-ce le bon "
    "fichier ?"
)
IMPORT_PAS_TEXTE = (
    "{fichier} n'est pas un fichier CSV (du texte) : dans le tableur, « Enregistrer sous » "
    "le format « CSV » (séparateur point-virgule ou virgule, UTF-8 de préférence)."
)
IMPORT_ENCODAGE = (
    "{fichier} n'est ni en UTF-8 ni en Windows-1252 : dans le tableur, enregistrez-le en CSV "
    "avec le jeu de caractères « Unicode (UTF-8) »."
)
IMPORT_ENCODAGES_MELES = (
    "{fichier} mêle deux encodages : la ligne {ligne} n'est pas écrite comme la ligne {premiere} "
    "(UTF-8 et Windows-1252) ; rien n'a été importé, ses accents seraient devenus illisibles. "
    "Enregistrez tout le tableau de nouveau en CSV avec le jeu de caractères « Unicode (UTF-8) »."
)
IMPORT_SANS_EN_TETE = (
    "{fichier} est vide : la première ligne doit nommer les colonnes (au moins nom et prenom)."
)
IMPORT_CSV_ILLISIBLE = (
    "{fichier}, ligne {ligne} : {raison} ; rien n'a été importé. Corrigez cette ligne dans le "
    "tableur, puis enregistrez-le de nouveau en CSV."
)
IMPORT_COLONNE_INCONNUE = (
    "colonne(s) inconnue(s) : {colonnes} ; rien n'a été importé. Colonnes possibles : "
    "{possibles} (accents, majuscules et espaces indifférents)."
)
IMPORT_COLONNE_EN_DOUBLE = (
    "la colonne {colonne} est nommée deux fois dans l'en-tête ({en_tetes}) ; rien n'a été "
    "importé : gardez-en une seule."
)
IMPORT_COLONNE_MANQUANTE = (
    "colonne(s) obligatoire(s) absente(s) de l'en-tête : {colonnes} ; rien n'a été importé."
)
IMPORT_REFUSE = (
    "{fichier} : aucun bilan n'a été ouvert, {nombre} ligne(s) à corriger (l'import est tout "
    "ou rien ; l'en-tête est la ligne 1) :\n{lignes}"
)
# The entries of that list: what may be wrong in a row, one entry per fault.
IMPORT_CELLULE = "ligne {ligne}, colonne « {colonne} » : {raison}"
IMPORT_CELLULES_EN_TROP = (
    "ligne {ligne} : {cellules} cellules pour {colonnes} colonnes dans l'en-tête (un séparateur "
    "dans une valeur, sans guillemets ?)."
)
IMPORT_VALEUR_SANS_EN_TETE = (
    "ligne {ligne} : une valeur en colonne {position}, qui n'a pas de nom dans l'en-tête."
)
# What the `csv` module says (in English) → why, in words.
IMPORT_CSV_RAISONS = {
    "unexpected end of data": "un guillemet ouvert n'est jamais refermé",
    "expected after": "un guillemet au milieu d'une valeur entre guillemets (doublez-le : \"\")",
    "field larger than field limit": "une cellule démesurément longue",
}
IMPORT_CSV_RAISON_AUTRE = "des guillemets mal placés"
