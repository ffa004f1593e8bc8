"""Help pages and usage errors: the words of `bilan --help` and of a mistyped command line."""

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
VERSION = "bilan {version}"

# --- The root page -------------------------------------------------------------------
AIDE_RACINE = (
    "bilan : les bilans de compétences d'un cabinet, du consentement à la destruction "
    "des documents (Code du travail L6313-4, R6313-4 à R6313-8)."
)
AIDE_HOME_METAVAR = "DOSSIER"
AIDE_HOME = "Dossier des données (défaut : BILAN_HOME, sinon le dossier de l'utilisateur)."
AIDE_VERSION = "Affiche la version et quitte."
AIDE_INSTALLER_COMPLETION = "Installe la complétion des commandes pour votre shell (bash, zsh, fish)."
AIDE_MONTRER_COMPLETION = "Affiche le script de complétion pour votre shell, à installer vous-même."

# --- Each command's line of help, in the order of a bilan's life ------------------------
CMD_NEW = "Ouvre un bilan en phase préliminaire et affiche son identifiant."
CMD_LIST = "Liste les bilans, du plus récent au plus ancien."
CMD_SHOW = "Affiche tout le dossier d'un bilan."
CMD_SET = "Renseigne un champ de contenu ou administratif."
CMD_CONSENT = "Enregistre (ou retire) un consentement du bénéficiaire."
CMD_DELETE = "Supprime un bilan ouvert par erreur, sans laisser de trace."
DET_DELETE = (
    "Seulement tant qu'aucun entretien, convention, déclaration EDOF, questionnaire, document "
    "produit ni facture n'existe ; sinon, « bilan abandon ». Son identifiant n'est jamais redonné."
)
OPT_YES_SUPPRESSION = "Supprime sans demander de confirmation (obligatoire sans terminal)."
GROUPE_CONVENTION = (
    "La convention tripartite (R6313-8) : transmission, signature dans les dix jours, rendu."
)
CMD_CONVENTION_SEND = "Enregistre la transmission du projet de convention au salarié (R6313-8)."
CMD_CONVENTION_SIGN = (
    "Enregistre la signature de la convention par le salarié, dans les dix jours (R6313-8)."
)
CMD_CONVENTION_RENDER = "Produit la convention tripartite avec les mentions de R6313-8."
GROUPE_ENTRETIEN = (
    "Les entretiens d'un bilan : date, durée, modalité, dans la limite de 24 heures (L6313-4)."
)
CMD_ENTRETIEN_ADD = "Consigne un entretien dans la phase en cours du bilan."
CMD_ENTRETIEN_LIST = (
    "Liste les entretiens d'un bilan avec leur numéro, leur phase et le total des heures."
)
CMD_ENTRETIEN_EDIT = "Corrige un entretien (n° de « bilan entretien list ») ; la correction est notée au dossier."
CMD_ENTRETIEN_REMOVE = "Retire un entretien enregistré par erreur ; le retrait est noté au dossier."
GROUPE_PHASE = (
    "Les trois phases du bilan (R6313-4) et les conditions pour passer de l'une à l'autre."
)
CMD_PHASE_SHOW = (
    "Affiche la phase en cours et chaque condition pour passer à la suivante, avec sa source."
)
GROUPE_RDV = (
    "Les rendez-vous de la semaine : planifiés (jour, heure, durée, lieu ou lien), déplacés, "
    "annulés ; tenus, ils deviennent des entretiens."
)
CMD_RDV_ADD = "Planifie un rendez-vous et affiche son numéro."
CMD_RDV_LIST = (
    "Liste les rendez-vous : ceux de tous les bilans à partir d'aujourd'hui, ou tous ceux "
    "d'un bilan."
)
CMD_RDV_MOVE = "Déplace un rendez-vous prévu ; il garde son numéro."
CMD_RDV_CANCEL = "Annule un rendez-vous prévu."
CMD_RDV_DONE = (
    "Enregistre qu'un rendez-vous a eu lieu : l'entretien, ou après la fin du bilan "
    "l'entretien de suivi."
)
GROUPE_CONVOCATION = "La convocation du bénéficiaire à un rendez-vous, à lui envoyer."
CMD_CONVOCATION_RENDER = (
    "Produit la convocation à un rendez-vous : le jour, l'heure, la durée, le lieu ou le lien."
)
CMD_PHASE_ADVANCE = "Passe à la phase suivante si toutes les conditions sont remplies ; sinon les liste."
CMD_ABANDON = "Clôt un bilan en cours comme abandonné ; sa date de fin est enregistrée."
GROUPE_DOC = (
    "Les documents du bilan (tests, CV, notes) conservés dans le dossier, détruits avec lui "
    "(R6313-7)."
)
CMD_DOC_ADD = "Conserve un fichier dans le dossier du bilan (son contenu, pas son chemin)."
CMD_DOC_LIST = "Liste les documents conservés pour un bilan."
CMD_DOC_GET = "Réécrit un document conservé, octet pour octet."
GROUPE_SYNTHESE = (
    "Le document de synthèse remis au bénéficiaire, qui lui appartient (L6313-4 al. 3)."
)
CMD_SYNTHESE_RENDER = "Produit le document de synthèse (défaut : PDF dans documents/ID/)."
GROUPE_EMARGEMENT = (
    "La feuille d'émargement des entretiens, preuve de réalisation demandée par les financeurs."
)
CMD_EMARGEMENT_RENDER = "Produit la feuille d'émargement des entretiens."
CMD_SUIVI = (
    "Enregistre l'entretien de suivi, après la fin du bilan, ou qu'il n'a pas eu lieu "
    "(R6313-4 3° c)."
)
CMD_SATISFACTION = (
    "Enregistre un questionnaire de satisfaction, ou qu'il est resté sans réponse (Qualiopi "
    "indicateur 30)."
)
CMD_EDOF = (
    "Enregistre la déclaration d'entrée ou de sortie sur EDOF (bilans financés par le CPF)."
)
CMD_AGENDA = (
    "Ce qui arrive à échéance ou est en retard : rendez-vous, conventions, EDOF, suivis, "
    "questionnaires, purges."
)
CMD_STATS = (
    "Les chiffres de l'année : Qualiopi (indicateur 2) et bilan pédagogique et financier."
)
CMD_CALENDRIER = (
    "Écrit le calendrier iCalendar des rendez-vous, à importer ou à suivre sur un téléphone "
    "ou dans Outlook."
)
CMD_EXPORT = (
    "Écrit la copie de ses données pour le bénéficiaire (RGPD art. 15 et 20) : un zip avec "
    "donnees.json et les documents conservés."
)
CMD_IMPORT = "Ouvre des bilans depuis un tableau (CSV), tout ou rien, et affiche leurs identifiants."
CMD_PURGE = (
    "Détruit ce que l'article R6313-7 impose de détruire et anonymise les dossiers échus."
)

# --- Arguments and options ---------------------------------------------------------------
ARG_ID = "Identifiant du bilan (AAAA-NNN)."
OPT_JSON = "Sortie JSON (un seul document sur la sortie standard)."
OPT_DATE = "Date : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres (défaut : aujourd'hui)."
OPT_DATE_REQUISE = "Date : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres."
OPT_NOM = "Nom du bénéficiaire."
OPT_PRENOM = "Prénom du bénéficiaire."
OPT_EMAIL = "Courriel."
OPT_TELEPHONE = "Téléphone."
OPT_STATUT = "salarie, demandeur-emploi, particulier, independant ou autre."
OPT_FINANCEMENT = "cpf, plan, reclassement, personnel, france-travail ou autre."
OPT_FORMAT_BILAN = "presentiel, distanciel ou mixte."
OPT_EMPLOYEUR = "Employeur du bénéficiaire."
OPT_HEURES_PREVUES = "Heures prévues (24 au plus, L6313-4 al. 5)."
OPT_TARIF = "Tarif en euros HT."
OPT_DATE_OUVERTURE = "Date d'ouverture (défaut : aujourd'hui)."
OPT_PHASE_FILTRE = "Seulement les bilans de cette phase."
OPT_NOM_FILTRE = "Seulement ceux dont le nom ou le prénom contient ce texte (accents et majuscules ignorés)."
ARG_CHAMP = "Champ de contenu ou administratif (ex. demande, projet, tarif)."
ARG_VALEUR = (
    "Valeur ; « - » lit l'entrée standard ; absente, ouvre l'éditeur ($VISUAL ou $EDITOR)."
)
OPT_EFFACER = "Efface le champ (une valeur vide est refusée, pour ne jamais effacer par erreur)."
ARG_TYPE_CONSENTEMENT = "bilan, conservation, cep ou employeur."
OPT_RETIRER = "Retire le consentement."
OPT_DATE_TRANSMISSION = "Jour où l'employeur a transmis le projet au salarié (défaut : aujourd'hui)."
OPT_DATE_SIGNATURE = "Jour où le salarié a signé (défaut : aujourd'hui)."
OPT_DATE_ENTRETIEN = "Date de l'entretien : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres."
OPT_DUREE = "Durée : 2h, 1h30, 90min, 1,5…"
OPT_MODALITE = "presentiel, visio ou telephone."
OPT_NOTES = "Notes ; « - » les lit sur l'entrée standard."
OPT_PHASE_OUBLIE = (
    "Phase déjà quittée où enregistrer un entretien oublié (sa date doit tomber dans cette phase)."
)
ARG_NUMERO_ENTRETIEN = "Numéro de l'entretien (voir « bilan entretien list »)."
OPT_DATE_CORRIGEE = "Date corrigée : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres."
OPT_PHASE_CORRIGEE = "Phase où l'entretien a eu lieu."
OPT_MOTIF_CORRECTION = "Pourquoi cette correction (sans notes d'entretien)."
OPT_DATE_PASSAGE = "Date du passage (fin du bilan s'il se termine ; défaut : aujourd'hui)."
OPT_DATE_ABANDON = "Date de l'abandon, fin de l'action (défaut : aujourd'hui)."
OPT_MOTIF_ABANDON = "Motif de l'abandon."
ARG_RDV = "Numéro du rendez-vous (voir « bilan rdv list ID »)."
OPT_DATE_RDV = "Jour du rendez-vous : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres."
OPT_HEURE = "Heure de début, à l'heure de Paris : 14:30, 14h30, 14h ou 9h."
OPT_MODALITE_RDV = "presentiel, visio ou telephone (défaut : selon le format du bilan)."
OPT_LIEU = "Lieu d'un rendez-vous en présentiel (défaut : l'adresse du cabinet)."
OPT_LIEN = "Lien de la visioconférence (une adresse http ou https)."
OPT_DU = "Premier jour de la période (défaut : aujourd'hui)."
OPT_AU = "Dernier jour de la période."
OPT_DATE_DEPLACEMENT = "Nouveau jour du rendez-vous."
OPT_HEURE_DEPLACEMENT = "Nouvelle heure de début (défaut : la même)."
OPT_DUREE_DEPLACEMENT = "Nouvelle durée (défaut : la même)."
OPT_PAR = "Qui annule : beneficiaire ou cabinet."
OPT_MOTIF_ANNULATION = "Motif de l'annulation ; du contenu du bilan, détruit selon R6313-7."
OPT_DUREE_TENUE = "Durée réelle de l'entretien (défaut : celle du rendez-vous)."
OPT_SORTIE_CALENDRIER = "Fichier à écrire ; « - » ou absent : la sortie standard."
OPT_NOMS = (
    "Met le nom du bénéficiaire, et le lieu ou le lien saisis, dans chaque rendez-vous "
    "(seulement pour un calendrier qui reste sur vos appareils)."
)
OPT_ECHEANCES = "Ajoute chaque échéance de l'agenda comme un événement d'une journée."
OPT_DU_AGENDA = "Seulement les échéances à partir de ce jour (les retards restent)."
OPT_AU_AGENDA = "Seulement les échéances jusqu'à ce jour (les retards restent)."
ARG_FICHIER_DOC = "Le fichier à conserver (50 Mio au plus)."
OPT_TYPE_DOC = "test, cv, notes ou autre."
OPT_TITRE = "Titre affiché (défaut : le nom du fichier)."
ARG_DOC = "Numéro du document (voir « bilan doc list »)."
OPT_SORTIE_DOC = "Fichier à écrire ; « - » ou absent : la sortie standard."
OPT_FORMAT_DOCUMENT = "md, html ou pdf (le PDF demande l'extra « pdf »)."
OPT_SORTIE = (
    "Fichier à écrire (défaut : documents/ID/ dans le dossier des données) ; « - » : la "
    "sortie standard."
)
OPT_MODELE = "Un modèle Jinja à utiliser à la place du modèle fourni."
OPT_DATE_SUIVI = "Date de l'entretien de suivi : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres."
OPT_NOTES_SUIVI = (
    "Notes de l'entretien ; « - » les lit sur l'entrée standard. Elles sont du contenu du "
    "bilan, détruit selon R6313-7."
)
OPT_MOMENT = "fin (à la fin du bilan) ou suivi (à six mois)."
OPT_SANS_REPONSE = "Le questionnaire a été envoyé et n'a pas eu de réponse."
OPT_NON_REALISE = "L'entretien a été proposé et n'a pas eu lieu (refusé, injoignable)."
OPT_MOTIF_SUIVI = "Pourquoi il n'a pas eu lieu."
OPT_NOTE = "Note de satisfaction, de 1 à 5."
OPT_COMMENTAIRE = "Commentaire du bénéficiaire."
OPT_DATE_REPONSE = "Date de la réponse (défaut : aujourd'hui)."
ARG_SENS = "entree ou sortie."
OPT_DATE_DECLARATION = "Date de la déclaration (défaut : aujourd'hui)."
OPT_ANNEE = "Année (défaut : l'année en cours)."
OPT_SORTIE_EXPORT = "Fichier zip à écrire (défaut : documents/ID/export-ID.zip)."
ARG_FICHIER_CSV = "Le tableau à importer, enregistré en CSV par le tableur."
OPT_DRY_RUN_IMPORT = "Vérifie tout le fichier et affiche les identifiants qui seraient donnés, sans rien ouvrir."
OPT_DRY_RUN = "Montre ce qui serait détruit, quand et pourquoi, sans rien changer."
OPT_YES = (
    "Détruit sans demander de confirmation (obligatoire sans terminal, par exemple en cron)."
)

# --- What a command's help page and the README add to its line ---------------------------
DET_SET = (
    "« - » lit l'entrée standard ; sans valeur, ouvre $VISUAL ou $EDITOR sur un brouillon "
    "privé, détruit ensuite (refermé sans changement : rien n'est écrit). Une valeur vide est "
    "refusée ; --effacer efface le champ."
)
DET_CONSENT = (
    "Types : bilan (L6313-4 al. 2), conservation (R6313-7, exception B), cep (L6313-4 al. 3, "
    "R6313-7 exception A), employeur (L6313-4 al. 3)."
)
DET_CONVENTION_SEND = "Un nouveau projet peut être transmis tant qu'aucun n'est signé."
DET_CONVENTION_SIGN = (
    "Refusé avant toute transmission ou plus de dix jours après (le silence vaut refus) ; "
    "seulement pour un financement plan ou reclassement."
)
DET_ENTRETIEN_ADD = (
    "Refusé au-delà de 24 heures (L6313-4 al. 5) et, quand une convention est requise, avant "
    "sa signature (R6313-8)."
)
DET_ENTRETIEN_EDIT = (
    "Toutes les règles de « entretien add » s'appliquent aux valeurs corrigées ; la correction "
    "(avant, après, date, motif) reste au dossier administratif, jamais les notes."
)
DET_ENTRETIEN_REMOVE = (
    "Refusé pour le seul entretien d'une phase déjà quittée (R6313-4) ; le numéro n'est jamais "
    "redonné."
)
DET_PHASE_SHOW = "Avec les avertissements du cabinet (plan B, questionnaire de fin)."
DET_PHASE_ADVANCE = (
    "Sinon rien ne change. En termine, fixe la date de fin et l'entretien de suivi six mois "
    "plus tard."
)
DET_RDV_ADD = (
    "Refusé : un jour passé, un bilan abandonné, un horaire qui en chevauche un autre (de "
    "n'importe quel bilan), plus de 24 heures réalisées et planifiées (L6313-4 al. 5), un lien "
    "qui n'est pas http(s). Sur un bilan terminé, planifie l'entretien de suivi."
)
DET_RDV_LIST = "--du et --au choisissent une période : cette semaine, le mois prochain."
DET_RDV_MOVE = "Avec les vérifications de « rdv add »."
DET_RDV_CANCEL = "Le motif est du contenu du bilan, détruit selon R6313-7."
DET_RDV_DONE = (
    "Sous toutes les règles de « entretien add » : convention signée, consentement, 24 heures. "
    "Refusé pour un jour à venir."
)
DET_CONVOCATION_RENDER = (
    "Avec comment le déplacer ou l'annuler ([cabinet] telephone et email de config.toml) et "
    "le référent handicap (Qualiopi indicateur 26) ; aucun contenu du bilan."
)
DET_CALENDRIER = (
    "Sur la sortie standard par défaut. Sans --noms, un rendez-vous ne porte que "
    "l'identifiant du bilan, jamais un nom ni un contenu (L6313-4 al. 4)."
)
DET_DOC_ADD = "Le contenu (50 Mio au plus) est gardé dans la base, pas son chemin : la purge l'atteint."
DET_DOC_GET = "Sur la sortie standard par défaut."
DET_SYNTHESE_RENDER = (
    "PDF par défaut, dans documents/ID/synthese-ID.pdf ; une copie est gardée dans la base "
    "(type synthese)."
)
DET_SUIVI = "Ses notes sont du contenu du bilan, détruit selon R6313-7."
DET_SATISFACTION = (
    "La note reste dans le dossier administratif ; le commentaire est du contenu du bilan, "
    "refusé une fois ce contenu détruit (R6313-7)."
)
DET_AGENDA = "La plus proche d'abord, les retards en évidence (voir « L'agenda »)."
DET_STATS = "Voir « Chiffres de l'année »."
DET_EXPORT = (
    "Défaut : documents/ID/export-ID.zip, en 0600 ; enregistré, il est détruit par la purge avec "
    "le contenu du bilan. Après la purge, il donne le dossier administratif ; refusé une fois le "
    "dossier anonymisé."
)
DET_IMPORT = (
    "Colonnes : nom, prenom, email, telephone, statut, financement, format, employeur, "
    "heures_prevues, tarif, date_ouverture (accents, majuscules et espaces indifférents) ; "
    "séparateur virgule ou point-virgule ; UTF-8 ou Windows-1252. Une seule ligne fautive et "
    "rien n'est ouvert : chaque ligne fautive est citée avec son numéro (l'en-tête est la ligne 1)."
)
DET_PURGE = "--dry-run montre quoi, quand et pourquoi sans rien changer."
