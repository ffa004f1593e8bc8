"""Refusals of the consultant's week: rendez-vous, convocations, the calendar (SPEC §9)."""

# --- Rendez-vous, convocations, calendar (SPEC §9) ---------------------------------------
HEURE_ILLISIBLE = "heure illisible : « {saisie} ». Formats acceptés : 14:30, 14h30, 14h ou 9h."
HEURE_IMPOSSIBLE = (
    "heure impossible : « {saisie} » (les heures vont de 0 à 23, les minutes de 0 à 59)."
)
RDV_NUMERO_MALFORME = (
    "numéro de rendez-vous mal formé : « {saisie} » ; un nombre entier positif est attendu "
    "(voir « bilan rdv list »)."
)
RDV_INCONNU = "le bilan {id} n'a pas de rendez-vous n° {numero} (voir « bilan rdv list {id} »)."
RDV_DATE_PASSEE = (
    "rendez-vous refusé : le {date} est passé (nous sommes le {aujourdhui}). Un entretien déjà "
    "tenu s'enregistre avec « bilan entretien add {id} --date … --duree … »."
)
RDV_BILAN_ABANDONNE = (
    "le bilan {id} est abandonné : aucun rendez-vous ne peut plus y être planifié ni déplacé."
)
RDV_CHEVAUCHEMENT = (
    "rendez-vous refusé : le {jour} de {debut} à {fin}, il chevauche le rendez-vous n° {numero} "
    "du bilan {autre} ({autre_jour} de {autre_debut} à {autre_fin}). Un consultant ne tient "
    "qu'un rendez-vous à la fois : choisissez un autre horaire (l'un peut commencer quand "
    "l'autre finit)."
)
RDV_HEURES_MAX = (
    "rendez-vous refusé : {duree} de plus porteraient le bilan {id} à {total} h ({realisees} h "
    "réalisées et {prevues} h déjà planifiées), au-delà de la durée maximale de 24 heures "
    "(L6313-4 al. 5) ; il en reste {reste} à planifier."
)
RDV_DUREE_MAX = (
    "durée refusée : {duree} pour un seul rendez-vous, au-delà des 24 heures d'un bilan entier "
    "(L6313-4 al. 5)."
)
RDV_LIEN_INVALIDE = (
    "lien refusé : « {saisie} » n'est pas une adresse http ou https "
    "(exemple : https://visio.exemple.fr/salle-42)."
)
RDV_LIEN_SANS_VISIO = (
    "un lien (--lien) ne va qu'avec un rendez-vous en visioconférence (--modalite visio) ; "
    "celui-ci est prévu en {modalite}."
)
RDV_LIEU_SANS_PRESENTIEL = (
    "un lieu (--lieu) ne va qu'avec un rendez-vous en présentiel (--modalite presentiel) ; "
    "celui-ci est prévu en {modalite}."
)
RDV_PAS_PREVU = (
    "le rendez-vous n° {numero} du bilan {id} est déjà {statut} : il ne peut plus être {action}."
)
RDV_DEJA_A_CET_HORAIRE = (
    "le rendez-vous n° {numero} du bilan {id} est déjà le {jour} à {heure} pour {duree} : "
    "rien à déplacer."
)
RDV_SUIVI_DEJA = (
    "l'entretien de suivi du bilan {id} est déjà enregistré (le {date}, R6313-4 3° c) : "
    "il n'y a plus de rendez-vous à planifier ni à tenir."
)
RDV_MOTIF_CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : le motif ne peut plus être "
    "enregistré ; l'annulation seule reste possible (sans --motif)."
)
RDV_PAR_INCONNU = "valeur inconnue pour --par : « {saisie} ». Valeurs possibles : {possibles}."
CONVOCATION_RDV_PAS_PREVU = (
    "pas de convocation pour le rendez-vous n° {numero} du bilan {id} : il est {statut}."
)
RDV_APRES_MINUIT = (
    "rendez-vous refusé : commencé le {jour} à {heure}, il finirait à {fin}, après minuit ; "
    "un rendez-vous tient dans sa journée (avancez-le ou raccourcissez-le)."
)
RDV_HEURE_INEXISTANTE = (
    "rendez-vous refusé : {heure} n'existe pas le {jour}, les horloges passant de 2 h à 3 h "
    "(heure d'été) ; choisissez une autre heure."
)
