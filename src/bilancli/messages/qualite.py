"""The quality room (Qualiopi): questionnaires followed up, the Qualiopi file, the figures to
publish — refusals, what the terminal says, and help lines."""

# Refusals.
QUESTIONNAIRE_DEJA_ENVOYE = (
    "le questionnaire {moment} du bilan {id} est déjà noté envoyé le {date} : un rappel "
    "s'enregistre avec --relance."
)
RELANCE_AVANT_ENVOI = (
    "relance refusée : le questionnaire {moment} du bilan {id} n'est pas noté envoyé ; "
    "enregistrez d'abord son envoi (--envoye), Qualiopi indicateur 30."
)
QUESTIONNAIRE_CLOS = (
    "le questionnaire {moment} du bilan {id} est déjà clos ({issue}) : il n'y a plus rien à "
    "envoyer ni à relancer."
)
RELANCE_AVANT_DERNIER_ENVOI = "relance refusée : elle ne peut précéder le dernier envoi, le {date}."
QUOI_ENVOI_QUESTIONNAIRE = "l'envoi du questionnaire"
QUOI_RELANCE_QUESTIONNAIRE = "la relance du questionnaire"
SATISFACTION_UNE_ACTION = (
    "une seule action à la fois : --note, --sans-reponse, --envoye ou --relance "
    "(Qualiopi indicateur 30)."
)
CONFIG_RELANCES = (
    "config.toml : la clé [{section}] {cle} doit être un nombre entier de relances, de 0 à "
    "{maximum} (lu : « {saisie} »)."
)
ANNEE_HORS_PLAGE = "année refusée : « {saisie} ». Donnez une année de {minimum} à {maximum}."
NOMS_DANS_BILAN_HOME = (
    "fichier refusé : « {chemin} » est dans le dossier des données (BILAN_HOME). Un dossier "
    "Qualiopi avec --noms va à l'auditeur : écrivez-le ailleurs (-o) ou sans --noms."
)
FORMAT_STATS_INCONNU = "format refusé : « {saisie} ». Formats possibles : {possibles}."

# What the terminal says.
QUESTIONNAIRE_ENVOYE = (
    "Questionnaire de satisfaction {moment} du bilan {id} noté envoyé le {date} ; "
    "relance prévue le {relance} si pas de réponse."
)
QUESTIONNAIRE_RELANCE = (
    "Relance n° {rang} du questionnaire {moment} du bilan {id} notée le {date}."
)
QUESTIONNAIRE_RELANCE_AU_DELA = (
    "relance n° {rang}, au-delà des {prevues} prévues ([qualite] relances) : notez la réponse "
    "ou le silence (bilan satisfaction {id} --moment {moment} --sans-reponse)."
)
QUALIOPI_ECRIT = "Dossier Qualiopi {annee} écrit : {chemin}"
STATS_PAGE_ECRITE = "Chiffres {annee} à publier écrits : {chemin}"

# Help.
OPT_ENVOYE = "Le questionnaire a été envoyé ce jour-là (--date)."
OPT_RELANCE = "Une relance du questionnaire envoyé, ce jour-là (--date)."
CMD_QUALIOPI = (
    "Le dossier de preuves Qualiopi de l'année (indicateurs 2, 4, 11, 26, 30, 31, 32) : "
    "dates, nombres, états ; jamais le contenu d'un bilan."
)
DET_QUALIOPI = (
    "Les bénéficiaires y figurent par le numéro de leur bilan ; leurs noms seulement avec "
    "--noms, dans un fichier hors du dossier des données, détruit par la purge avec le "
    "premier bilan qu'il nomme. md et html vont sur la sortie standard par défaut."
)
OPT_ANNEE_QUALIOPI = "Année du dossier (défaut : l'année en cours)."
OPT_NOMS_QUALIOPI = "Nommer les bénéficiaires (fichier -o hors du dossier des données)."
OPT_FORMAT_QUALIOPI = "md, html ou pdf (le PDF : dans documents/ sans -o)."
OPT_SORTIE_QUALIOPI = "Fichier à écrire (- : la sortie standard)."
OPT_FORMAT_STATS = "md ou html : la page des chiffres à publier (Qualiopi indicateur 2)."
OPT_SORTIE_STATS = "Fichier de la page (- ou rien : la sortie standard)."
EN_ATTENTE_REPONSE = "en attente de réponse"
ENVOYE_RELANCES = " (envoyé le {date}, relances : {relances})"
A_FAIRE_QUESTIONNAIRE = {
    "relance": "{quoi} : relancer (--relance) ou noter la réponse",
    "cloture": "{quoi} : relances faites, noter la réponse ou --sans-reponse",
}

# In the documents.
OUI = "oui"
NON = "non"
AUCUNE_DONNEE = "—, aucun cas dans l'année"
PERIODE_ANNEE = "du {debut} au {fin}"
SATISFACTION_AUCUN_DU = "aucun questionnaire dû dans l'année"
SATISFACTION_SANS_REPONSES = "aucune réponse ({interroges} bénéficiaires interrogés)"
SATISFACTION_MOYENNE = (
    "{moyenne}/5 — {reponses} réponses sur {interroges} bénéficiaires interrogés "
    "(taux de réponse {taux})"
)
MODALITES_COURTES = {"presentiel": "présentiel", "visio": "visio", "telephone": "téléphone"}
