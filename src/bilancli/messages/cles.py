"""What the consultant reads about the encryption of the store and its keys (SPEC §15)."""

CLE_SOURCES = {"BILAN_CLE": "BILAN_CLE", "config": "[chiffrement] cle", "fichier": "fichier de clé"}
CLE_OU_TROUSSEAU_SYSTEME = "le trousseau du système (keyring)"
CLE_OU_FICHIER = "{source} : {chemin}"
CLE_OU_AUCUNE = "aucune clé n'a encore été créée pour ce dossier"

# Refusals.
CLE_ABSENTE = (
    "la clé de chiffrement de ce dossier est introuvable ({ou}) ; sans elle, le contenu des "
    "bilans ne peut être lu ni écrit. Rebranchez ou déverrouillez l'endroit où elle est, ou "
    "installez votre fichier de secours : bilan cle restaure FICHIER."
)
CLE_INCORRECTE = (
    "la clé de chiffrement trouvée ({ou}) n'est pas celle de ce dossier ; rien n'a été lu ni "
    "écrit. Indiquez la bonne clé, ou installez votre fichier de secours : bilan cle restaure FICHIER."
)
CLE_ILLISIBLE = "le fichier de clé {chemin} est illisible ({raison})."
CLE_PAS_UN_FICHIER = "ce n'est pas un fichier ordinaire"
CLE_FORMAT = "il doit contenir une clé de 32 octets en base64"
CLE_TROP_OUVERTE = (
    "le fichier de clé {chemin} est lisible par d'autres que vous (mode {mode}) : "
    "faites « chmod 600 {chemin} » puis recommencez."
)
CLE_DANS_DONNEES = (
    "la clé {chemin} est dans le dossier de données {dossier} (SPEC §15) : une copie du dossier "
    "emporterait la clé avec le contenu. Choisissez un fichier en dehors de ce dossier."
)
CLE_EXISTE_DEJA = "un fichier existe déjà à {chemin} : il n'est pas remplacé."
CLE_ECRITURE = "impossible d'écrire la clé dans {chemin} ({raison})."
CLE_BILAN_ABSENTE = (
    "la clé du bilan {id} n'est pas dans le trousseau {chemin} ; son contenu ne peut être lu. "
    "Installez votre fichier de secours : bilan cle restaure FICHIER."
)
CLE_BILAN_DETRUITE = (
    "la clé du bilan {id} a été détruite le {le} (purge R6313-7) : son contenu est illisible "
    "partout, y compris dans les copies et les sauvegardes."
)
CONTENU_ENDOMMAGE = (
    "le contenu chiffré du bilan {id} ({champ}) ne s'ouvre pas avec sa clé : il est endommagé "
    "ou a été déplacé. Rien n'a été écrit."
)
TROUSSEAU_ABSENT = (
    "le trousseau des clés de ce dossier est introuvable ({chemin}) ; sans lui, le contenu des "
    "bilans ne peut être lu ni écrit. Installez votre fichier de secours : bilan cle restaure FICHIER."
)
TROUSSEAU_ILLISIBLE = "le trousseau des clés {chemin} est illisible ({raison})."
TROUSSEAU_PAS_UNE_BASE = "ce n'est pas un trousseau bilancli"
TROUSSEAU_ECRITURE = "impossible d'écrire dans le trousseau des clés {chemin} ; rien n'a été enregistré."
