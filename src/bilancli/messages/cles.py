"""What the consultant reads about the encryption of the store and its keys (SPEC §15)."""

CLE_SOURCES = {"BILAN_CLE": "BILAN_CLE", "config": "[chiffrement] cle", "fichier": "fichier de clé"}
CLE_OU_TROUSSEAU_SYSTEME = "le trousseau du système (keyring)"
CLE_OU_FICHIER = "{source} : {chemin}"
CLE_OU_NOMMEE_ABSENTE = (
    "la clé a été créée dans le fichier nommé par {source}, qui n'est pas défini maintenant : "
    "définissez-le de nouveau"
)
CLE_OU_AUCUNE = "aucune clé n'a encore été créée pour ce dossier"

# Refusals.
CONFIG_CHEMIN_FICHIER = (
    "config.toml : la clé [{section}] {cle} doit être le chemin complet d'un fichier, entre "
    "guillemets (par exemple \"/media/cle/bilan.cle\" ou \"~/cles/bilan.cle\")."
)
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
    "la clé {chemin} est dans le dossier de données {dossier} : une copie du dossier "
    "emporterait la clé avec le contenu. Choisissez un fichier en dehors de ce dossier."
)
CLE_DOSSIER_ABSENT = (
    "le dossier de la clé {chemin} n'existe pas ({dossier}) : la clé USB est-elle branchée ? "
    "Rien n'a été écrit ; branchez-la ou créez ce dossier, puis recommencez."
)
CLE_MAGASIN_INVALIDE = (
    "la base de ce dossier ne donne pas un identifiant de clés valide (table chiffrement "
    "altérée ?) : aucune clé n'a été lue ni écrite."
)
CLE_EXISTE_DEJA = "un fichier existe déjà à {chemin} : il n'est pas remplacé."
CLE_ECRITURE = "impossible d'écrire la clé dans {chemin} ({raison})."
CLE_BILAN_ABSENTE = (
    "la clé du bilan {id} n'est pas dans le trousseau {chemin} ; son contenu ne peut être lu. "
    "Installez votre fichier de secours : bilan cle restaure FICHIER."
)
CLE_BILAN_DETRUITE = (
    "la clé du bilan {id} a été détruite le {le} (par la purge ou la suppression du bilan) : "
    "son contenu est illisible partout, y compris dans les copies et les sauvegardes."
)
CONTENU_ENDOMMAGE = (
    "le contenu chiffré du bilan {id} ({champ}) ne s'ouvre pas avec sa clé : il est endommagé "
    "ou a été déplacé. Rien n'a été écrit."
)
TROUSSEAU_ABSENT = (
    "le trousseau des clés de ce dossier est introuvable ({chemin}) ; sans lui, le contenu des "
    "bilans ne peut être lu ni écrit. Installez votre fichier de secours : bilan cle restaure FICHIER."
)
TROUSSEAU_ABSENT_DESTRUCTION = (
    "le trousseau des clés de ce dossier est introuvable à l'endroit attendu ({chemin}) : les "
    "clés doivent être détruites avant le contenu, et elles ne le peuvent pas sans lui. Rien "
    "n'a été détruit. Lancez la commande sous votre compte, avec la configuration où se trouve "
    "le trousseau (XDG_CONFIG_HOME, HOME : pas depuis cron ou sudo sous un autre environnement), "
    "ou installez votre fichier de secours : bilan cle restaure FICHIER."
)
CLE_DOSSIER_COPIE = (
    "ce dossier ({dossier}) est une copie du dossier de données {origine}, qui existe toujours "
    "et partage ses clés : détruire des clés ici les détruirait aussi pour lui. Rien n'a été "
    "détruit. La purge et la suppression se font dans {origine} ; une copie ne sert qu'à lire "
    "ou à essayer."
)
TROUSSEAU_ILLISIBLE = "le trousseau des clés {chemin} est illisible ({raison})."
TROUSSEAU_PAS_UNE_BASE = "ce n'est pas un trousseau bilancli"
TROUSSEAU_INCOMPLET = (
    "il est vide ou n'a pas les tables d'un trousseau bilancli ; s'il a été vidé, installez "
    "votre fichier de secours : bilan cle restaure FICHIER"
)
TROUSSEAU_DISQUE_PLEIN = (
    "le disque de la configuration est plein : le trousseau des clés {chemin} n'a pas pu être "
    "écrit, et rien n'a été enregistré. Libérez de la place, puis relancez la commande."
)
TROUSSEAU_ECRITURE = "impossible d'écrire dans le trousseau des clés {chemin} ; rien n'a été enregistré."

# The master key's sources refused or out of reach (`store.cles.maitre`).
CLE_TROUSSEAU_SYSTEME_REFUSE = (
    "le trousseau du système (keyring) n'a pas rendu la clé de chiffrement de ce dossier "
    "({raison}) ; sans elle, le contenu des bilans ne peut être lu ni écrit. Déverrouillez "
    "votre session ou votre trousseau, puis recommencez ; ou installez votre fichier de "
    "secours : bilan cle restaure FICHIER."
)
CLE_TROUSSEAU_SYSTEME_VERROUILLE = "il est verrouillé ou a refusé la demande"
CLE_TROUSSEAU_SYSTEME_INDISPONIBLE = "aucun trousseau du système ne fonctionne sur cette machine"
CLE_TROUSSEAU_SYSTEME_OUBLI = "il ne garde rien de ce qu'on lui confie"
CLE_TROUSSEAU_SYSTEME_ILLISIBLE = "ce qu'il a rendu n'est pas une clé"
CLE_PAS_UN_FICHIER_DOSSIER = "c'est un dossier"
CLE_PAS_UN_FICHIER_FIFO = "c'est un tube nommé (FIFO)"
CLE_PAS_UN_FICHIER_PERIPHERIQUE = "c'est un périphérique"
CLE_PLUSIEURS_NOMS = (
    "il a plusieurs noms (liens physiques), dont un peut être dans le dossier de données ; "
    "gardez-en un seul"
)
CLE_TROP_GRANDE = "il est bien plus grand qu'une clé"

# `bilan cle etat`.
CLE_ETAT_TITRE = "Chiffrement du dossier {dossier}"
CLE_ETAT_EMPLACEMENT = "Clé maîtresse : {ou}"
CLE_ETAT_INTROUVABLE = "{ou} (introuvable)"
CLE_ETAT_PAS_ENCORE = (
    "Aucune clé n'a encore été créée : la première commande qui écrit dans ce dossier la créera."
)
CLE_ETAT_CLES = "Clés de données gardées : {nombre}"
CLE_ETAT_CLES_INCONNUES = "Clés de données gardées : inconnu (le trousseau ne se lit pas, voir ci-dessous)"
CLE_ETAT_SECOURS = "Dernier fichier de secours : fait le {date}"
CLE_ETAT_SECOURS_JAMAIS = (
    "Dernier fichier de secours : aucun. Faites-en un et gardez-le hors ligne : "
    "bilan cle secours -o FICHIER."
)
CLE_ETAT_SECOURS_PERIME = (
    "Ce fichier de secours est périmé depuis le {date} : il garde la clé d'un bilan détruit "
    "depuis. Faites-en un nouveau (bilan cle secours -o FICHIER) et détruisez l'ancien."
)
CLE_ETAT_MANQUE = "ce qui manque : {quoi}"

# `bilan cle secours`.
SECOURS_SANS_TERMINAL = (
    "la phrase de passe d'un fichier de secours se tape deux fois sur un terminal, jamais en "
    "option ni par l'entrée standard : lancez « bilan cle secours » dans un terminal."
)
SECOURS_RESTAURE_SANS_TERMINAL = (
    "la phrase de passe d'un fichier de secours se tape sur un terminal, jamais en option ni "
    "par l'entrée standard : lancez « bilan cle restaure » dans un terminal."
)
SECOURS_PAS_SORTIE_STANDARD = (
    "un fichier de secours s'écrit dans un fichier (-o FICHIER), jamais sur la sortie standard."
)
SECOURS_PHRASE = "Phrase de passe du fichier de secours : "
SECOURS_PHRASE_ENCORE = "La même phrase de passe, encore une fois : "
SECOURS_PHRASES_DIFFERENTES = "les deux phrases de passe diffèrent : aucun fichier de secours n'a été écrit."
SECOURS_PHRASE_COURTE = (
    "une phrase de passe de {minimum} caractères au moins protège ce fichier (elle en a "
    "{longueur}) : il garde les clés de tous les bilans. Aucun fichier n'a été écrit."
)
SECOURS_PHRASE_CONSIGNE = (
    "Choisissez une phrase de passe de {minimum} caractères au moins : elle protège les clés "
    "de tous les bilans."
)
SECOURS_FICHIER_EXISTE = (
    "{fichier} existe déjà et n'est pas un fichier de secours de ce dossier : il n'est pas "
    "remplacé, rien n'a été écrit. Choisissez un autre nom."
)
SECOURS_FICHIER_REMPLACE = "Ancien fichier de secours de ce dossier remplacé : {fichier}."
SECOURS_PERIME_DES_SA_CREATION = (
    "une purge a détruit une clé de ce fichier pendant son écriture : il est déjà périmé. "
    "Refaites-le (bilan cle secours -o FICHIER)."
)
SECOURS_SANS_CHIFFREMENT = (
    "ce dossier n'a encore aucune clé de chiffrement (aucune commande n'y a écrit) : il n'y a "
    "rien à mettre dans un fichier de secours."
)
SECOURS_DANS_DONNEES = (
    "{fichier} est dans le dossier de données {dossier} : un fichier de secours y serait copié "
    "avec les données qu'il protège. Écrivez-le ailleurs (une clé USB gardée hors ligne)."
)
SECOURS_FAIT = (
    "Fichier de secours écrit : {fichier} ({nombre} clé(s) de données). Gardez-le hors ligne "
    "(une clé USB rangée, pas un dossier synchronisé) et n'oubliez pas sa phrase de passe : "
    "sans elle, il ne sert à rien."
)
SECOURS_REMPLACE = (
    "Détruisez les fichiers de secours plus anciens : ils gardent des clés que la purge a pu "
    "détruire depuis."
)

# `bilan cle restaure`.
SECOURS_ILLISIBLE = "le fichier de secours {fichier} est illisible ({raison}) ; rien n'a été installé."
SECOURS_PAS_UN_FICHIER = "ce n'est pas un fichier ordinaire"
SECOURS_PAS_BILANCLI = "ce n'est pas un fichier de secours de bilancli"
SECOURS_VERSION = "il a été écrit par une version plus récente de bilancli (format {version})"
SECOURS_ENTETE = "son en-tête est endommagé"
SECOURS_TROP_GRAND = "il est bien trop grand pour un fichier de secours"
SECOURS_PHRASE_INCORRECTE = (
    "cette phrase de passe n'ouvre pas le fichier de secours {fichier} (ou il est endommagé) : "
    "rien n'a été installé."
)
SECOURS_AUTRE_DOSSIER = (
    "le fichier de secours {fichier} est celui d'un autre dossier de données (magasin {autre}, "
    "celui-ci est {magasin}) : rien n'a été installé."
)
SECOURS_DOSSIER_REMPLACE = (
    "la base du dossier de données a été remplacée pendant la commande (une restauration ?) : "
    "rien n'a été installé. Recommencez."
)
SECOURS_TROUSSEAU_SANS_CLE = (
    "le trousseau des clés de ce dossier existe ({chemin}) mais sa clé maîtresse manque "
    "({ou}) : rebranchez ou déverrouillez la clé maîtresse, puis recommencez. Rien n'a été installé."
)
SECOURS_INSTALLE = "Fichier de secours installé : {installees} clé(s) de données installée(s), {gardees} déjà présente(s)."
SECOURS_REFUSEES = (
    "{nombre} clé(s) de ce fichier ne sont pas revenues : la purge les a détruites "
    "(R6313-7), et elles le restent."
)
SECOURS_INCONNUES = (
    "{nombre} clé(s) de ce fichier sont celles de bilans que ce dossier ne contient pas "
    "(supprimés, ou ouverts après la sauvegarde restaurée) : elles n'ont pas été installées."
)
SECOURS_CLES_PERDUES = (
    "{nombre} clé(s) de données créée(s) après ce fichier de secours n'étaient que dans "
    "l'ancien trousseau, sous la clé maîtresse perdue : le contenu qu'elles protégeaient est "
    "illisible. Faites un nouveau fichier de secours : bilan cle secours -o FICHIER."
)
SECOURS_CLE_CREEE = "Nouvelle clé maîtresse de ce dossier : {ou}."

# The purge and the recovery files of `[sauvegarde] dossier`.
PURGE_SECOURS_DETRUIT = (
    "Fichier de secours périmé détruit : {fichier} (il gardait la clé d'un bilan purgé) ; "
    "faites-en un nouveau : bilan cle secours -o FICHIER."
)
PURGE_SECOURS_PREVU = "Fichier de secours périmé à détruire : {fichier} (il garde la clé d'un bilan purgé)."
PURGE_SECOURS_ECHEC = "le fichier de secours périmé {fichier} n'a pu être détruit ({raison})."

# Help (`bilan cle …`).
GROUPE_CLE = (
    "Les clés du chiffrement : où elles sont, le fichier de secours à faire et à réinstaller."
)
CMD_CLE_ETAT = "Dit où est la clé maîtresse, combien de clés de données sont gardées, et l'état du fichier de secours."
CMD_CLE_SECOURS = "Écrit un fichier de secours des clés, chiffré sous une phrase de passe, à garder hors ligne."
DET_CLE_SECOURS = (
    "La phrase de passe se tape deux fois sur un terminal (jamais en option) ; refusé sans "
    "terminal et dans le dossier de données. À refaire après une purge (l'agenda le dit)."
)
CMD_CLE_RESTAURE = "Installe un fichier de secours : les clés de ce dossier, sur une nouvelle machine ou celle-ci."
DET_CLE_RESTAURE = (
    "Phrase de passe sur un terminal ; une phrase fausse n'installe rien. Une clé détruite par "
    "la purge ne revient jamais ; une clé gardée n'est jamais remplacée."
)
OPT_SORTIE_SECOURS = "Fichier de secours à écrire, hors du dossier de données (une clé USB)."
ARG_SECOURS = "Le fichier de secours à installer."
SECOURS_ABANDONNE = "phrase de passe non saisie : rien n'a été écrit ni installé."
