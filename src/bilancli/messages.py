"""Every sentence the consultant reads, in one place.

Templates use `str.format` fields; they quote what the user typed, never the
content of a bilan (confidential, L6313-4 al. 4).
"""

# --- Boundary: usage errors and help (click's English reworded) -------------

PREFIX_ERREUR = "Erreur : "
USAGE = "Utilisation : "
SECTION_ARGUMENTS = "Arguments"
SECTION_OPTIONS = "Options"
SECTION_COMMANDES = "Commandes"
AIDE_OPTION_HELP = "Affiche cette aide et quitte."
AIDE_DEFAUT = "défaut : {valeur}"
AIDE_OBLIGATOIRE = "obligatoire"
ESSAYEZ_AIDE = "Essayez « {commande} --help » pour l'aide."
OPTION_INCONNUE = "option inconnue : {option}."
OPTION_PROCHE = " Vouliez-vous dire {suggestions} ?"
COMMANDE_INCONNUE = "commande inconnue : {commande}."
ARGUMENT_MANQUANT = "argument manquant : {nom}."
OPTION_MANQUANTE = "option obligatoire manquante : {nom}."
OPTION_SANS_VALEUR = "l'option {option} attend une valeur."
OPTION_VALEUR_EN_TROP = "l'option {option} ne prend pas de valeur."
ARGUMENT_EN_TROP = "argument en trop : {valeur}."
VALEUR_INVALIDE = "valeur invalide pour {nom} : {valeur}."
UTILISATION_INCORRECTE = "utilisation incorrecte de la commande ({detail})."
INTERROMPU = "Interrompu : rien n'a été modifié."
ERREUR_INATTENDUE = (
    "Erreur inattendue ({type}). Rien n'a été modifié dans le dossier. "
    "Relancez avec BILAN_DEBUG=1 pour le détail technique."
)

# --- Dates, durations, amounts, identifiers ----------------------------------

DATE_ILLISIBLE = (
    "date illisible : « {saisie} ». Formats acceptés : AAAA-MM-JJ, JJ/MM/AAAA, "
    "JJ.MM.AAAA ou en toutes lettres (3 mars 2026, 1er avril 2026)."
)
DATE_IMPOSSIBLE = "date impossible : « {saisie} » (ce jour n'existe pas dans le calendrier)."
DATE_JOUR_SEMAINE = "date incohérente : « {saisie} » — le {date} est un {jour}."
DUREE_ILLISIBLE = (
    "durée illisible : « {saisie} ». Formats acceptés : 2h, 1h30, 90min, 45 min, 1.5 ou 1,5 (heures)."
)
DUREE_NON_POSITIVE = "durée refusée : « {saisie} » — une durée doit être strictement positive."
MONTANT_ILLISIBLE = "montant illisible : « {saisie} ». Exemple : 1500 ou 1 500,50 (euros HT)."
MONTANT_NEGATIF = "montant refusé : « {saisie} » — un tarif ne peut pas être négatif."
HEURES_ILLISIBLES = "nombre d'heures illisible : « {saisie} ». Exemple : 24, 20,5 ou 18h30."
HEURES_NEGATIVES = "nombre d'heures refusé : « {saisie} » — il ne peut pas être négatif."
HEURES_MAX = (
    "heures prévues refusées : {heures} h dépasse la durée maximale d'un bilan "
    "de compétences, 24 heures (L6313-4 al. 5)."
)
ID_MALFORME = "identifiant de bilan mal formé : « {saisie} ». Forme attendue : AAAA-NNN (ex. 2026-001)."
BILAN_INCONNU = "aucun bilan ne porte l'identifiant {id}."
TODAY_ILLISIBLE = "BILAN_TODAY illisible : « {saisie} ». Forme attendue : AAAA-MM-JJ."

# --- The case record ---------------------------------------------------------

NOM_VIDE = "le champ {champ} ne peut pas être vide."
CHAMP_INCONNU = "champ inconnu : « {saisie} ». Champs possibles : {possibles}."
VALEUR_ENUM_INCONNUE = "valeur inconnue pour {champ} : « {saisie} ». Valeurs possibles : {possibles}."
EMAIL_INVALIDE = "adresse électronique invalide : « {saisie} »."
CONSENTEMENT_INCONNU = (
    "type de consentement inconnu : « {saisie} ». Types possibles : {possibles}."
)
CONSENTEMENT_ABSENT = "aucun consentement « {type} » n'est enregistré pour le bilan {id} : rien à retirer."
BILAN_CLOS = "le bilan {id} est clos ({phase}) : il ne peut plus être modifié ainsi."
EDITEUR_ABSENT = (
    "aucun éditeur configuré : définissez VISUAL ou EDITOR, ou donnez la valeur "
    "en argument (ou « - » pour la lire sur l'entrée standard)."
)
EDITEUR_ECHEC = "l'éditeur « {editeur} » s'est terminé en erreur : champ inchangé."
EDITEUR_INTROUVABLE = "éditeur introuvable : « {editeur} »."
ENTREE_ILLISIBLE = "l'entrée standard n'est pas du texte UTF-8 lisible."

NOUVEAU_BILAN = "Bilan {id} ouvert pour {prenom} {nom} (phase préliminaire)."
CHAMP_ENREGISTRE = "{champ} enregistré pour le bilan {id}."
CHAMP_EFFACE = "{champ} effacé pour le bilan {id}."
CONSENTEMENT_ENREGISTRE = "Consentement « {type} » enregistré le {date} pour le bilan {id} ({source})."
CONSENTEMENT_RETIRE = "Consentement « {type} » retiré le {date} pour le bilan {id}."
AUCUN_BILAN = "Aucun bilan."
NON_RENSEIGNE = "non renseigné"
CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} (R6313-7) : il ne peut plus être complété."
)
BILAN_ANONYMISE = "le dossier administratif du bilan {id} a été anonymisé : il ne peut plus être modifié."
PHASE_INCONNUE = "phase inconnue : « {saisie} ». Phases possibles : {possibles}."

# --- Store and configuration ---------------------------------------------------

STORE_ILLISIBLE = "le dossier de données {chemin} est illisible ou n'est pas une base bilancli."
STORE_INACCESSIBLE = "impossible de créer ou d'ouvrir le dossier de données {chemin} ({raison})."
STORE_OCCUPE = "le dossier est occupé par une autre commande depuis trop longtemps ; réessayez."
CONFIG_ILLISIBLE = "config.toml illisible ({detail})."
CONFIG_VALEUR = "config.toml : la clé [{section}] {cle} doit être du texte."

# --- Phases, entretiens, convention, abandon (SPEC §3) -------------------------

# --- Documents and rendering (SPEC §4) ------------------------------------------

# --- Retention and purge (SPEC §5) -----------------------------------------------

# --- Agenda, follow-up, figures (SPEC §6, §7) -------------------------------------

SUIVI_BILAN_OUVERT = (
    "le bilan {id} n'est pas terminé : l'entretien de suivi vient après la fin de l'action ({source})."
)
SUIVI_AVANT_FIN = (
    "entretien de suivi refusé : le {date} précède la fin du bilan {id} ({fin}) ; "
    "le suivi a lieu après la fin de l'action (R6313-4 3° c)."
)
SUIVI_ENREGISTRE = "Entretien de suivi du {date} enregistré pour le bilan {id} (R6313-4 3° c)."
MOMENT_INCONNU = "moment inconnu : « {saisie} ». Moments possibles : {possibles}."
NOTE_INVALIDE = "note refusée : « {saisie} ». La note est un nombre entier de 1 à 5."
SATISFACTION_SUIVI_OUVERT = (
    "le bilan {id} n'est pas terminé : le questionnaire à six mois suit la fin de l'action "
    "(Qualiopi indicateur 30)."
)
SATISFACTION_ENREGISTREE = (
    "Questionnaire de satisfaction ({moment}) enregistré pour le bilan {id} : {note}/5 "
    "(Qualiopi indicateur 30)."
)
EDOF_SENS_INCONNU = "déclaration EDOF inconnue : « {saisie} ». Valeurs possibles : {possibles}."
EDOF_NON_CPF = (
    "le bilan {id} n'est pas financé par le CPF (financement : {financement}) : "
    "pas de déclaration EDOF."
)
EDOF_SORTIE_BILAN_OUVERT = (
    "le bilan {id} est en cours : la sortie ne se déclare sur EDOF qu'après la fin de l'action."
)
EDOF_ENREGISTREE = "Déclaration EDOF de {sens} du {date} enregistrée pour le bilan {id}."
ANNEE_INVALIDE = "année illisible : « {saisie} ». Exemple : 2026."
AGENDA_VIDE = "Rien à faire : aucune échéance ouverte."
AGENDA_TITRE = "Agenda au {date}"
EN_RETARD = "en retard"
A_FAIRE = {
    "convention": "Signature de la convention attendue (sinon refus)",
    "edof_entree": "Déclarer l'entrée sur EDOF",
    "edof_sortie": "Déclarer la sortie sur EDOF",
    "suivi": "Entretien de suivi à six mois",
    "satisfaction_fin": "Questionnaire de satisfaction de fin",
    "satisfaction_suivi": "Questionnaire de satisfaction à six mois",
    "purge": "Détruire les documents (bilan purge)",
    "inactif": "Aucun entretien depuis 30 jours : relancer",
}
STATS_TITRE = "Chiffres de l'année {annee}"
