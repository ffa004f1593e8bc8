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
COMMANDE_MANQUANTE = "commande manquante."
VALEUR_INVALIDE = "valeur invalide pour {nom} : {valeur}."
UTILISATION_INCORRECTE = "utilisation incorrecte de la commande ({detail})."
INTERROMPU = "Interrompu : rien n'a été modifié."
PURGE_INTERROMPUE = (
    "purge interrompue : ce qui a déjà été détruit l'est définitivement, le reste attend. "
    "Relancez « bilan purge » pour terminer (R6313-7)."
)
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
MONTANT_TROP_ELEVE = (
    "montant refusé : « {saisie} » dépasse {plafond} € HT, bien au-delà du prix d'un bilan "
    "de compétences (faute de frappe ?)."
)
DATE_FUTURE = (
    "date refusée pour {quoi} : le {date} est postérieur à aujourd'hui ({aujourdhui}) ; "
    "on n'enregistre que ce qui a déjà eu lieu."
)
# What a date records, named in DATE_FUTURE.
QUOI_PASSAGE = "le passage de phase"
QUOI_FIN = "la fin du bilan (elle fait courir le délai de destruction, R6313-7)"
QUOI_ABANDON = "l'abandon"
QUOI_ENTRETIEN = "l'entretien"
QUOI_CONSENTEMENT = "le consentement"
QUOI_RETRAIT = "le retrait du consentement"
QUOI_TRANSMISSION = "la transmission de la convention"
QUOI_SIGNATURE = "la signature de la convention"
QUOI_SUIVI = "l'entretien de suivi"
QUOI_EDOF = "la déclaration EDOF"
QUOI_SATISFACTION = "la réponse au questionnaire de satisfaction"
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
CONSENTEMENT_AVANT_OUVERTURE = (
    "consentement refusé : le {date} précède l'ouverture du bilan {id} (le {ouverture})."
)
CONSENTEMENT_APRES_FIN = (
    "consentement « {type} » refusé : le {date} est postérieur à la fin du bilan {id} (le {fin}). "
    "Les documents sont détruits dès le terme de l'action ; l'accord qui les fait conserver "
    "doit être donné avant ce terme ({source})."
)
RETRAIT_AVANT_CONSENTEMENT = (
    "retrait refusé : le {date} précède le consentement « {type} » qu'il retire (donné le {donne})."
)
BILAN_CLOS = "le bilan {id} est clos ({phase}) : il ne peut plus être modifié ainsi."
EDITEUR_ABSENT = (
    "aucun éditeur configuré : définissez VISUAL ou EDITOR, ou donnez la valeur "
    "en argument (ou « - » pour la lire sur l'entrée standard)."
)
EDITEUR_ECHEC = "l'éditeur « {editeur} » s'est terminé en erreur : champ inchangé."
EDITEUR_INTROUVABLE = "éditeur introuvable : « {editeur} »."
ENTREE_ILLISIBLE = "l'entrée standard n'est pas du texte UTF-8 lisible."

NOUVEAU_BILAN = "Bilan {id} ouvert pour {prenom} {nom} (phase préliminaire)."
CHAMP_ENREGISTRE = "Champ « {champ} » enregistré pour le bilan {id}."
CHAMP_EFFACE = "Champ « {champ} » effacé pour le bilan {id}."
CONSENTEMENT_ENREGISTRE = "Consentement « {type} » enregistré le {date} pour le bilan {id} ({source})."
CONSENTEMENT_RETIRE = "Consentement « {type} » retiré le {date} pour le bilan {id}."
AUCUN_BILAN = "Aucun bilan."
NON_RENSEIGNE = "non renseigné"
CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : il ne peut plus être complété."
)
BILAN_ANONYMISE = "le dossier administratif du bilan {id} a été anonymisé : il ne peut plus être modifié."
CONVENTION_STATUTS = {
    "non_requise": "non requise pour ce financement (R6313-8)",
    "a_transmettre": "à transmettre au salarié (R6313-8)",
    "en_attente": "transmise le {transmise}, signature attendue au plus tard le {echeance} (R6313-8)",
    "signee": "signée le {signee} (R6313-8)",
    "refusee": "refusée : non signée dans les dix jours suivant le {transmise} (R6313-8)",
}
PHASE_INCONNUE = "phase inconnue : « {saisie} ». Phases possibles : {possibles}."

# --- Store and configuration ---------------------------------------------------

STORE_ILLISIBLE = "la base {chemin} est illisible ou n'est pas une base bilancli."
STORE_INACCESSIBLE = "impossible de créer ou d'ouvrir le dossier de données {chemin} ({raison})."
STORE_OCCUPE = "le dossier est occupé par une autre commande depuis trop longtemps ; réessayez."
CONFIG_ILLISIBLE = "config.toml illisible ({detail})."
CONFIG_SYNTAXE = "erreur de syntaxe TOML ligne {ligne}, colonne {colonne}"
CONFIG_SYNTAXE_SANS_LIEU = "erreur de syntaxe TOML"
CONFIG_PAS_UTF8 = "le fichier n'est pas en UTF-8"
# Why the system refused a file operation, by errno name.
RAISONS_SYSTEME = {
    "ENOENT": "fichier ou dossier introuvable",
    "EEXIST": "un fichier porte déjà ce nom",
    "EACCES": "permission refusée",
    "EPERM": "opération non permise",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EISDIR": "c'est un dossier",
    "ENOSPC": "plus de place sur le disque",
    "EROFS": "système de fichiers en lecture seule",
    "ENAMETOOLONG": "nom trop long",
    "ELOOP": "trop de liens symboliques",
    "EBUSY": "fichier occupé",
    "EIO": "erreur d'entrée-sortie",
}
RAISON_SYSTEME_AUTRE = "erreur système {code}"
CONFIG_VALEUR = "config.toml : la clé [{section}] {cle} doit être du texte."

# --- Phases, entretiens, convention, abandon (SPEC §3) -------------------------

# Gates to leave a phase: the checklist the consultant reads (core/phases.py gives the sources).
GATE_CONSENTEMENT = "consentement « bilan » du bénéficiaire enregistré et non retiré"
GATE_CADRAGE = "demande, besoins et modalités de déroulement renseignés ; format choisi"
GATE_FINANCEMENT = "financement renseigné (il décide si une convention est nécessaire)"
GATE_CONVENTION = "convention signée par le salarié dans les dix jours de sa transmission"
GATE_ENTRETIEN = "au moins un entretien tenu dans cette phase"
GATE_COMPETENCES = "compétences et aptitudes renseignées"
GATE_PROJET = "projet professionnel ou plan B renseigné"
GATE_CONCLUSIONS = "objectifs, conditions et moyens, étapes clés et plan d'action renseignés"
GATE_SYNTHESE = "document de synthèse produit au moins une fois dans cette phase"
GATE_HEURES = "heures d'entretien dans la limite de 24 heures"

# Cabinet practice beyond the law: warnings, never refusals.
AVERT_PLAN_B_SEUL = (
    "le cabinet demande un projet principal et un plan B : seul « {present} » est renseigné "
    "(la loi accepte l'un ou l'autre, R6313-4 2°)."
)
AVERT_HEURES_PREVUES = "heures réalisées ({realisees} h) au-delà des heures prévues ({prevues} h)."
AVERT_SATISFACTION_FIN = (
    "questionnaire de satisfaction de fin de bilan non enregistré : « bilan satisfaction {id} "
    "--moment fin --note N » (pratique du cabinet, Qualiopi indicateur 30)."
)

PHASE_FINALE = "le bilan {id} est {phase} : il n'a pas de phase suivante."
PASSAGE_REFUSE = (
    "passage du bilan {id} de la phase {phase} à la phase {suivante} refusé, "
    "conditions non remplies :\n{conditions}"
)
CONDITION_NON_REMPLIE = "  - {condition} ({source}){detail}"
CONDITION_MANQUE = " — manque : {champs}"
DATE_AVANT_PHASE = (
    "date refusée : le {date} précède l'entrée du bilan {id} en phase {phase} (le {entree})."
)
DATE_FIN_AVANT_ENTRETIEN = (
    "date de fin refusée : le {date} précède le dernier entretien du bilan {id} (le {dernier})."
)
PASSAGE_FAIT = "Bilan {id} : phase {ancienne} → phase {nouvelle} le {date}."
BILAN_TERMINE = (
    "Bilan {id} terminé le {date}. Entretien de suivi à prévoir le {suivi} ({source})."
)
BILAN_ABANDONNE = "Bilan {id} abandonné le {date} (phase {phase})."
PHASE_ACTUELLE = "Bilan {id} — phase {phase}"
PHASE_VERS = " → {suivante}"
PHASE_CLOSE_RIEN = "Le bilan est clos : plus aucune condition à remplir."
CONDITIONS_TOUTES = "Toutes les conditions sont remplies : « bilan phase advance {id} » est possible."
CONDITIONS_MANQUANTES = "{nombre} condition(s) à remplir avant de passer en phase {suivante}."
AVERTISSEMENTS = "Avertissements"
HISTORIQUE = "Historique des phases"
MOTIF_ABANDON = "Motif de l'abandon"

MODALITE_INCONNUE = "modalité inconnue : « {saisie} ». Modalités possibles : {possibles}."
ENTRETIEN_HEURES_MAX = (
    "entretien refusé : {duree} de plus porterait le bilan {id} à {total} h, au-delà de la "
    "durée maximale de 24 heures (L6313-4 al. 5) ; {reste} restent disponibles."
)
ENTRETIEN_SANS_CONVENTION = (
    "entretien refusé : le bilan {id} (financement {financement}) ne peut commencer qu'une fois "
    "la convention signée (R6313-8) ; convention : {statut}."
)
ENTRETIEN_AVANT_SIGNATURE = (
    "entretien refusé : le {date} précède la signature de la convention du bilan {id} "
    "(le {signee}, R6313-8)."
)
ENTRETIEN_SANS_CONSENTEMENT = (
    "entretien refusé : le {date} suit le retrait du consentement « bilan » (le {retire}) ; "
    "le bilan {id} ne peut être réalisé qu'avec le consentement du bénéficiaire (L6313-4 al. 2). "
    "S'il consent de nouveau : « bilan consent {id} bilan »."
)
ENTRETIEN_ENREGISTRE = (
    "Entretien du {date} ({duree}, {modalite}) enregistré en phase {phase} pour le bilan {id} : "
    "{total} h réalisées sur 24 h au plus."
)
AUCUN_ENTRETIEN = "Aucun entretien enregistré pour le bilan {id}."
TOTAL_HEURES = "Total : {total} h réalisées (24 h au plus, L6313-4 al. 5)."

CONVENTION_NON_REQUISE = (
    "pas de convention pour le bilan {id} : le financement « {financement} » n'en demande pas "
    "(R6313-8 : seulement plan de développement des compétences ou congé de reclassement)."
)
CONVENTION_FINANCEMENT_ABSENT = (
    "pas de convention pour le bilan {id} : son financement n'est pas renseigné ({source} : "
    "une convention n'est due que pour le plan de développement des compétences ou le congé de "
    "reclassement). Renseignez-le avec « bilan set {id} financement … »."
)
CONVENTION_DEJA_SIGNEE = "la convention du bilan {id} est déjà signée (le {signee}) : rien à transmettre ni à signer."
CONVENTION_NON_TRANSMISE = (
    "signature refusée : aucun projet de convention n'a été transmis pour le bilan {id} "
    "(R6313-8) ; enregistrez d'abord « bilan convention send »."
)
CONVENTION_SIGNEE_AVANT = (
    "signature refusée : le {date} précède la transmission du projet de convention (le {transmise})."
)
CONVENTION_HORS_DELAI = (
    "signature refusée : le {date} est après le délai de dix jours (transmise le {transmise}, "
    "échéance le {echeance}) ; le silence du salarié vaut refus (R6313-8). Transmettez un "
    "nouveau projet avec « bilan convention send »."
)
CONVENTION_TRANSMISE = (
    "Projet de convention du bilan {id} transmis le {date} : signature attendue au plus tard "
    "le {echeance} (R6313-8)."
)
CONVENTION_SIGNEE = "Convention du bilan {id} signée le {date} (R6313-8) : le bilan peut commencer."

# --- Documents and rendering (SPEC §4) ------------------------------------------

DOC_TYPE_INCONNU = "type de document inconnu : « {saisie} ». Types possibles : {possibles}."
DOC_ID_MALFORME = (
    "numéro de document mal formé : « {saisie} » ; un nombre entier positif est attendu. "
    "Exemple : 3 (voir « bilan doc list »)."
)
DOC_INCONNU = "le bilan {id} n'a pas de document n° {doc} (voir « bilan doc list {id} »)."
DOC_TROP_GROS = (
    "fichier refusé : {fichier} pèse {taille}, au-delà de la limite de {max} par document. "
    "Réduisez-le (PDF compressé, images allégées) avant de l'ajouter."
)
DOC_TROP_GROS_LU = (
    "fichier refusé : {fichier} contient plus de {max}, la limite par document. "
    "Réduisez-le (PDF compressé, images allégées) avant de l'ajouter."
)
FICHIER_PAS_ORDINAIRE = (
    "{fichier} n'est pas un fichier ordinaire (périphérique, tube ou socket) : "
    "seul un fichier enregistré sur le disque peut être conservé."
)
FICHIER_INTROUVABLE = "fichier introuvable : {fichier}."
FICHIER_ILLISIBLE = "fichier illisible : {fichier} ({raison})."
FICHIER_EST_DOSSIER = "{fichier} est un dossier, pas un fichier."
SORTIE_DANS_LES_DONNEES = (
    "{fichier} est dans le dossier des données ({dossier}) : seul son sous-dossier documents/ "
    "peut recevoir un fichier, pour ne jamais écraser la base, config.toml ou les modèles. "
    "Choisissez un autre chemin."
)
DOSSIER_SORTIE_ABSENT = "le dossier de {fichier} n'existe pas : créez-le ou choisissez un autre chemin."
ECRITURE_IMPOSSIBLE = "impossible d'écrire {fichier} ({raison}) : rien n'a été écrit."
SORTIE_TERMINAL = (
    "le document n° {doc} n'est pas affiché dans le terminal : précisez « -o FICHIER » "
    "(ou « -o - » pour la sortie standard)."
)
DOC_AJOUTE = "Document n° {doc} ({type}, {taille} octets) ajouté au bilan {id}."
DOC_ECRIT = "Document n° {doc} écrit dans {fichier}."
AUCUN_DOCUMENT = "Aucun document pour le bilan {id}."
FORMAT_INCONNU = "format inconnu : « {saisie} ». Formats possibles : {possibles}."
MODELE_INTROUVABLE = "modèle introuvable : {fichier}."
MODELE_ILLISIBLE = "modèle illisible : {fichier} ({raison})."
# {lieu}: where in which template, see MODELE_LIEU.
MODELE_LIEU = "modèle {fichier}, ligne {ligne}"
MODELE_LIEU_SANS_LIGNE = "modèle {fichier}"
MODELE_SYNTAXE = (
    "{lieu} : erreur de syntaxe, cette ligne n'est pas du Jinja valide (balise {{% … %}} "
    "incomplète ou mal fermée, expression {{{{ … }}}} inachevée, bloc sans sa fin…) "
    "(détail Jinja : {detail})."
)
MODELE_VARIABLE = (
    "{lieu} : variable inconnue, « {variable} » n'existe pas dans ce document. "
    "Voir templates/README.md pour les variables disponibles."
)
MODELE_VARIABLE_SANS_NOM = (
    "{lieu} : variable inconnue, le modèle utilise une valeur absente de ce document "
    "(détail Jinja : {detail}). Voir templates/README.md pour les variables disponibles."
)
MODELE_ECHEC = (
    "{lieu} : le rendu a échoué, une opération du modèle ne s'applique pas à la valeur "
    "reçue (détail : {detail})."
)
PDF_INDISPONIBLE = (
    "le format PDF demande WeasyPrint, qui n'est pas installé. Installez-le avec "
    "« pip install 'bilancli[pdf]' » (ou « pipx inject bilancli weasyprint »), "
    "ou produisez une page imprimable avec « --format html »."
)
PDF_ECHEC = "la conversion en PDF a échoué ({detail}) ; « --format html » reste possible."
SYNTHESE_CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : la synthèse ne peut plus être produite."
)
DOCUMENT_PRODUIT = "Fichier écrit : {fichier} ({document}, bilan {id})."
DOCUMENT_LABELS = {
    "synthese": "Document de synthèse", "convention": "Convention", "emargement": "Feuille d'émargement",
}

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
PURGE_RIEN_DETRUIT = "Purge du {date} : rien n'a été détruit."
PURGE_PROGRESSION = "Purge"
PURGE_FICHIER_RESTANT = (
    "le fichier {chemin} du bilan {id} n'a pas pu être détruit ({raison}) : "
    "il reste à détruire et le sera à la prochaine purge."
)
PURGE_FICHIER_MODIFIE = (
    "le fichier {chemin} du bilan {id} n'a pas été détruit ({raison}) ; "
    "il restera signalé à chaque purge tant qu'il existe."
)
# The dry run's warnings: the same files and reasons, before the fact.
PURGE_PREVU_RESTANT = (
    "le fichier {chemin} du bilan {id} ne pourra pas être détruit ({raison}) : "
    "il restera à détruire jusqu'à la purge qui y parviendra."
)
PURGE_PREVU_MODIFIE = (
    "le fichier {chemin} du bilan {id} ne sera pas détruit ({raison}) ; "
    "il restera signalé à chaque purge tant qu'il existe."
)
PURGE_RAISON_MODIFIE = "modifié depuis le rendu : vérifiez et supprimez-le vous-même"
PURGE_RAISON_PAS_UN_FICHIER = "ce n'est plus un fichier ordinaire"
PURGE_DETAIL_PAR_BILAN = "Le détail par bilan reste consultable avec bilan show ID."
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
SATISFACTION_COMMENTAIRE_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : le commentaire ne peut "
    "plus être enregistré ; la note seule reste possible (sans --commentaire)."
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
EDOF_ENREGISTREE = "Déclaration EDOF {sens} du {date} enregistrée pour le bilan {id}."
EDOF_SENS_LABELS = {"entree": "d'entrée", "sortie": "de sortie"}
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
