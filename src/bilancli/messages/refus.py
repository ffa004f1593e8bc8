"""Refusals: what the consultant reads on stderr when a command will not do what was asked.

Each names what was typed, never the content of a bilan (L6313-4 al. 4), and the rule's source.
"""

INTERROMPU = "Interrompu : rien n'a été modifié."
ERREUR_INATTENDUE = (
    "Erreur inattendue ({type}). Rien n'a été modifié dans le dossier. "
    "Relancez avec BILAN_DEBUG=1 pour le détail technique."
)
DATE_ILLISIBLE = (
    "date illisible : « {saisie} ». Formats acceptés : AAAA-MM-JJ, JJ/MM/AAAA, JJ/MM/AA, "
    "JJ/MM (cette année), JJ.MM.AAAA, en toutes lettres (3 mars 2026, 1er avril, 22 janvier) "
    "ou aujourd'hui, hier, demain."
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
HEURES_ILLISIBLES = "nombre d'heures illisible : « {saisie} ». Exemple : 24, 20,5 ou 18h30."
HEURES_NEGATIVES = "nombre d'heures refusé : « {saisie} » — il ne peut pas être négatif."
HEURES_MAX = (
    "heures prévues refusées : {heures} h dépasse la durée maximale d'un bilan "
    "de compétences, 24 heures (L6313-4 al. 5)."
)
ID_MALFORME = "identifiant de bilan mal formé : « {saisie} ». Forme attendue : AAAA-NNN (ex. 2026-001)."
BILAN_INCONNU = "aucun bilan ne porte l'identifiant {id}."
TODAY_ILLISIBLE = "BILAN_TODAY illisible : « {saisie} ». Forme attendue : AAAA-MM-JJ, entre 1970 et 2099."
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
CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : il ne peut plus être complété."
)
BILAN_ANONYMISE = "le dossier administratif du bilan {id} a été anonymisé : il ne peut plus être modifié."
PHASE_INCONNUE = "phase inconnue : « {saisie} ». Phases possibles : {possibles}."
STORE_ILLISIBLE = "la base {chemin} est illisible ou n'est pas une base bilancli."
STORE_INACCESSIBLE = "impossible de créer ou d'ouvrir le dossier de données {chemin} ({raison})."
STORE_OCCUPE = "le dossier est occupé par une autre commande depuis trop longtemps ; réessayez."
CONFIG_ILLISIBLE = "config.toml illisible ({detail})."
CONFIG_SYNTAXE = "erreur de syntaxe TOML ligne {ligne}, colonne {colonne}"
CONFIG_SYNTAXE_SANS_LIEU = "erreur de syntaxe TOML"
CONFIG_PAS_UTF8 = "le fichier n'est pas en UTF-8"
CONFIG_TROP_IMBRIQUE = "des valeurs y sont imbriquées trop profondément pour être lues"
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
    "EFBIG": "la limite de taille des fichiers est atteinte (ulimit -f)",
    "EDQUOT": "le quota de disque est atteint",
}
CAUSE_ECRITURE_BASE = (
    "le système refuse d'écrire : disque plein, quota atteint, limite de taille des "
    "fichiers (ulimit -f) ou disque défaillant"
)
RAISON_SYSTEME_AUTRE = "erreur système {code}"
CONFIG_VALEUR = "config.toml : la clé [{section}] {cle} doit être du texte."
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
DATE_PASSAGE_AVANT_ENTRETIEN = (
    "date de passage refusée : le {date} précède le dernier entretien du bilan {id} (le {dernier}) ; "
    "une phase se quitte après ce qui s'y est passé."
)
DATE_FIN_AVANT_ENTRETIEN = (
    "date de fin refusée : le {date} précède le dernier entretien du bilan {id} (le {dernier})."
)
MODALITE_INCONNUE = "modalité inconnue : « {saisie} ». Modalités possibles : {possibles}."
ENTRETIEN_HEURES_MAX = (
    "entretien refusé : {duree} de plus porterait le bilan {id} à {total} h, au-delà de la "
    "durée maximale de 24 heures (L6313-4 al. 5) ; il en reste {reste}."
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
SUIVI_BILAN_OUVERT = (
    "le bilan {id} n'est pas terminé : l'entretien de suivi vient après la fin de l'action ({source})."
)
SUIVI_AVANT_FIN = (
    "entretien de suivi refusé : le {date} précède la fin du bilan {id} ({fin}) ; "
    "le suivi a lieu après la fin de l'action (R6313-4 3° c)."
)
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
EDOF_SENS_INCONNU = "déclaration EDOF inconnue : « {saisie} ». Valeurs possibles : {possibles}."
EDOF_NON_CPF = (
    "le bilan {id} n'est pas financé par le CPF (financement : {financement}) : "
    "pas de déclaration EDOF."
)
EDOF_SORTIE_BILAN_OUVERT = (
    "le bilan {id} est en cours : la sortie ne se déclare sur EDOF qu'après la fin de l'action."
)
EDOF_DEJA_DECLAREE = (
    "la déclaration EDOF {sens} du bilan {id} est déjà enregistrée au {date} : ce jour prouve "
    "le délai de 3 jours ouvrés et n'est pas remplacé. Une erreur de saisie se corrige avec "
    "--corriger --motif TEXTE."
)
EDOF_CORRECTION_SANS_DECLARATION = (
    "aucune déclaration EDOF {sens} n'est enregistrée pour le bilan {id} : rien à corriger "
    "(enregistrez-la sans --corriger)."
)
EDOF_MOTIF_CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} (R6313-7) : un motif, texte libre, ne peut "
    "plus être enregistré ; corrigez la date sans --motif."
)
EDOF_MOTIF_SANS_CORRECTION = "--motif explique une correction : il ne s'emploie qu'avec --corriger."
ANNEE_INVALIDE = "année illisible : « {saisie} ». Exemple : 2026."
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
ARGUMENT_PAS_UTF8 = (
    "l'argument n° {position} n'est pas du texte UTF-8 lisible : « {saisie} » "
    "(vérifiez l'encodage de votre terminal)."
)
DISQUE_PLEIN = (
    "le disque est plein : l'opération n'a pas pu être enregistrée et la base est restée "
    "dans son état d'avant. Libérez de la place, puis relancez la commande."
)
BASE_SANS_PLACE = (
    "la base n'a pas pu être écrite : {cause}. L'opération n'a pas été enregistrée et la base "
    "est restée dans son état d'avant. Libérez de la place ou relevez la limite, puis "
    "relancez la commande."
)
CHEMIN_LIEN = (
    "{chemin} est un lien symbolique : bilan n'écrit pas à travers un lien, pour ne jamais "
    "toucher un fichier hors du dossier des données. Remplacez-le par un vrai dossier ou fichier."
)
CHEMIN_PAS_DOSSIER = "{chemin} devrait être un dossier."
STORE_ETRANGER = (
    "{chemin} n'est pas une base bilancli (c'est le fichier d'un autre programme) : "
    "il n'a pas été modifié. Choisissez un autre dossier de données avec --home ou BILAN_HOME."
)
STORE_TROP_RECENT = (
    "la base {chemin} a été créée par une version plus récente de bilan : installez cette "
    "version pour l'ouvrir."
)
EDITEUR_ILLISIBLE = (
    "la variable VISUAL ou EDITOR est mal formée : « {editeur} » (guillemet non fermé ?)."
)
EDITEUR_NON_EXECUTABLE = "l'éditeur « {editeur} » ne peut pas être lancé (un dossier, un fichier qui n'est pas un programme ?)."
EDITEUR_BROUILLON_PERDU = "le brouillon de l'éditeur a disparu : champ inchangé."
CONFIG_SECTION_INCONNUE = "config.toml : section inconnue [{section}]. Sections possibles : {possibles}."
CONFIG_CLE_INCONNUE = "config.toml : clé inconnue [{section}] {cle}. Clés possibles : {possibles}."
CONFIG_NOMBRE = "config.toml : la clé [{section}] {cle} doit être un nombre."
CONFIG_CHEMIN = (
    "config.toml : la clé [{section}] {cle} doit être le chemin complet d'un dossier, entre "
    "guillemets (par exemple \"/media/cle/bilans\" ou \"~/Sauvegardes/bilans\").")
CONFIG_MOT_INCONNU = (
    "config.toml : [{section}] {cle} = « {saisie} » n'est pas une valeur possible ({possibles})."
)
DATE_HORS_LIMITES = (
    "date refusée : « {saisie} » est hors des dates qu'un bilan peut porter (du {premier} "
    "au {dernier}) ; faute de frappe dans l'année ?"
)
CONSENTEMENT_DEJA_DONNE = (
    "le consentement « {type} » du bilan {id} est déjà en vigueur (donné le {donne}) : rien à "
    "enregistrer. Pour le corriger, retirez-le (« --retirer ») puis donnez-le de nouveau."
)
CONSENTEMENT_AVANT_RETRAIT = (
    "consentement « {type} » refusé : le {date} précède son dernier retrait (le {retire}) ; "
    "un consentement redonné vient après le retrait."
)
PHASE_JAMAIS_OUVERTE = "le bilan {id} n'a jamais été en phase {phase} : rien ne peut y être enregistré."
DATE_HORS_PHASE = (
    "date refusée : le {date} est hors de la phase {phase} du bilan {id}, qui a duré du {debut} "
    "au {fin}."
)
DATE_AVANT_FAIT = (
    "date refusée : le {date} précède {fait} du {jour} au dossier du bilan {id} ; une "
    "phase se quitte après ce qui s'y est passé."
)
ENTRETIEN_NUMERO_MALFORME = "numéro d'entretien mal formé : « {saisie} » ; un nombre entier positif est attendu (voir « bilan entretien list »)."
ENTRETIEN_INCONNU = (
    "le bilan {id} n'a pas d'entretien n° {numero} (entretiens enregistrés : {connus} ; voir "
    "« bilan entretien list {id} »)."
)
ENTRETIEN_SEUL_DE_SA_PHASE = (
    "l'entretien n° {numero} est le seul de la phase {phase}, déjà quittée par le bilan {id} : "
    "sans lui, cette phase n'aurait pas eu d'entretien (R6313-4)."
)
NOTES_VIDES = "notes vides refusées : donnez un texte (les notes ne s'effacent pas par une correction)."
CORRECTION_SANS_VALEUR = (
    "rien à corriger : donnez au moins une nouvelle valeur à l'entretien n° {numero} "
    "(--date, --duree, --modalite, --phase ou --notes)."
)
MOTIF_CORRECTION_CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : un motif de correction est "
    "du contenu et ne peut plus être enregistré ; la correction seule reste possible (sans --motif)."
)
SATISFACTION_NOTE_OU_SILENCE = (
    "donnez soit la note (--note 1 à 5), soit --sans-reponse si le questionnaire envoyé est "
    "resté sans réponse (Qualiopi indicateur 30)."
)
SATISFACTION_SILENCE_COMMENTAIRE = "un questionnaire sans réponse n'a pas de commentaire : retirez --commentaire."
SATISFACTION_DEJA_REPONDUE = (
    "le questionnaire {moment} du bilan {id} a déjà une réponse ({note}/5) : elle ne devient pas "
    "un silence."
)
SUIVI_DATE_MANQUANTE = (
    "la date de l'entretien de suivi manque : --date D (ou --non-realise s'il n'a pas eu lieu)."
)
SUIVI_NON_REALISE_NOTES = (
    "un entretien de suivi qui n'a pas eu lieu n'a pas de notes : retirez --notes (le motif va "
    "dans --motif)."
)
SUIVI_DEJA_TENU = (
    "l'entretien de suivi du bilan {id} est enregistré comme tenu le {date}{notes} : il ne "
    "devient pas « non réalisé » ({source})."
)
SUIVI_AVEC_NOTES = ", avec ses notes"
QUOI_RDV = "le rendez-vous tenu"
FINANCEMENT_FIGE = (
    "financement refusé pour le bilan {id} : il a commencé (un entretien est enregistré) et passer "
    "de « {avant} » à « {apres} » changerait la nécessité d'une convention, qui précède le bilan "
    "({source})."
)
VALEUR_VIDE = (
    "valeur vide refusée pour {champ} (bilan {id}) : rien n'a été changé. Pour effacer le champ "
    "volontairement : « bilan set {id} {champ} --effacer »."
)
EFFACER_AVEC_VALEUR = "--effacer efface {champ} : ne donnez pas de valeur en même temps."
