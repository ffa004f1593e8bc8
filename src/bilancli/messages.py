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

PERIODE_ILLISIBLE = (
    "config.toml : [conservation] {cle} illisible : « {saisie} ». "
    "Exemples : 1 an, 2 ans, 18 mois."
)
PERIODE_TROP_LONGUE = (
    "config.toml : [conservation] duree = « {saisie} » dépasse la durée maximale "
    "de conservation, {maximum} ({source})."
)
ADMINISTRATIF_TROP_COURT = (
    "config.toml : [conservation] administratif = « {saisie} » est plus court que "
    "[conservation] duree = « {duree} » : le dossier serait anonymisé avant la "
    "destruction des documents (R6313-7)."
)
PURGE_RIEN = "Rien à détruire au {date} (R6313-7)."
PURGE_SIMULATION = "Simulation : rien n'a été modifié."
PURGE_SANS_TERMINAL = (
    "la purge détruit définitivement des données : confirmez avec --yes "
    "(indispensable sans terminal, par exemple dans une tâche cron)."
)
PURGE_QUESTION = "Détruire définitivement ce contenu de {nombre} bilan(s) ? [o/N] "
PURGE_ABANDONNEE = "Purge abandonnée : rien n'a été modifié."
PURGE_FAITE = "Purge du {date} : {nombre} bilan(s) traité(s)."
PURGE_PROGRESSION = "Purge"
PURGE_FICHIER_RESTANT = (
    "le fichier {chemin} du bilan {id} n'a pas pu être détruit ({raison}) : "
    "il reste à détruire et le sera à la prochaine purge."
)
PURGE_INCOMPLETE = "{nombre} fichier(s) n'ont pas pu être détruits : relancez bilan purge après correction."
PURGE_TITRE_PLAN = "À détruire"
PURGE_RIEN_A_DETRUIRE = "aucun contenu restant (date de destruction notée)"
PURGE_TITRE_FAIT = "Détruit"
PURGE_TITRE_REGLES = "Par règle"
PURGE_NATURES = {
    "champs": "champs de contenu",
    "notes_entretien": "notes d'entretien",
    "notes_suivi": "notes de suivi",
    "commentaires_satisfaction": "avis de satisfaction",
    "motif_abandon": "motif d'abandon",
    "documents": "documents conservés",
    "fichiers": "fichiers produits",
    "syntheses": "synthèses conservées",
    "fichiers_synthese": "fichiers de synthèse",
    "identite": "identité",
}

# --- Agenda, follow-up, figures (SPEC §6, §7) -------------------------------------
