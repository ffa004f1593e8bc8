"""What the terminal shows when a command succeeds: confirmations, titles, warnings."""

NOUVEAU_BILAN = "Bilan {id} ouvert pour {prenom} {nom} (phase préliminaire)."
CHAMP_ENREGISTRE = "Champ « {champ} » enregistré pour le bilan {id}."
CHAMP_EFFACE = "Champ « {champ} » effacé pour le bilan {id}."
CONSENTEMENT_ENREGISTRE = "Consentement « {type} » enregistré le {date} pour le bilan {id} ({source})."
CONSENTEMENT_RETIRE = "Consentement « {type} » retiré le {date} pour le bilan {id}."
AUCUN_BILAN = "Aucun bilan."
AUCUN_BILAN_OUVERT = "Aucun bilan en cours ({nombre} terminé(s) ou abandonné(s) : --tous pour les voir)."
LISTE_TERMINES_CACHES = "{nombre} bilan(s) terminé(s) ou abandonné(s) non affiché(s) : --tous pour les voir."
NON_RENSEIGNE = "non renseigné"
# Gates to leave a phase: the checklist the consultant reads (core/dossier/phases.py gives the sources).
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
AVERT_MEME_JOUR = (
    "un entretien est déjà enregistré le {date} ({numeros}) : si c'est le même, retirez celui-ci "
    "par « bilan entretien remove {id} {numero} » (les heures compteraient deux fois)."
)
AVERT_RDV_APRES_FIN = (
    "rendez-vous encore prévus pour le bilan {id} (n° {numeros}) : le bilan est terminé, ils "
    "deviendraient l'entretien de suivi (R6313-4 3° c) ; annulez ceux qui n'ont plus lieu d'être "
    "(« bilan rdv cancel {id} N »)."
)
AVERT_PLAN_B_SEUL = (
    "le cabinet demande un projet principal et un plan B : seul « {present} » est renseigné "
    "(la loi accepte l'un ou l'autre, R6313-4 2°)."
)
AVERT_HEURES_PREVUES = "heures réalisées ({realisees} h) au-delà des heures prévues ({prevues} h)."
AVERT_SATISFACTION_FIN = (
    "questionnaire de satisfaction de fin de bilan non enregistré : « bilan satisfaction {id} "
    "--moment fin --note N » (pratique du cabinet, Qualiopi indicateur 30)."
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
ENTRETIEN_ENREGISTRE = (
    "Entretien n° {numero} du {date} ({duree}, {modalite}) enregistré en phase {phase} pour le bilan {id} : "
    "{total} h réalisées sur 24 h au plus."
)
AUCUN_ENTRETIEN = "Aucun entretien enregistré pour le bilan {id}."
TOTAL_HEURES = "Total : {total} h réalisées (24 h au plus, L6313-4 al. 5)."
CONVENTION_TRANSMISE = (
    "Projet de convention du bilan {id} transmis le {date} : signature attendue au plus tard "
    "le {echeance} (R6313-8)."
)
CONVENTION_SIGNEE = "Convention du bilan {id} signée le {date} (R6313-8) : le bilan peut commencer."
DOC_AJOUTE = "Document n° {doc} ({type}, {taille} octets) ajouté au bilan {id}."
DOC_ECRIT = "Document n° {doc} écrit dans {fichier}."
AUCUN_DOCUMENT = "Aucun document pour le bilan {id}."
DOCUMENT_PRODUIT = "Fichier écrit : {fichier} ({document}, bilan {id})."
PURGE_RIEN = "Rien à détruire au {date} (R6313-7)."
PURGE_SIMULATION = "Simulation : rien n'a été modifié."
PURGE_QUESTION = "Détruire définitivement ce contenu de {nombre} bilan(s) ? [o/N] "
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
PURGE_RAISON_LIEN = "le chemin passe par {chemin}, un lien symbolique : bilan ne le suit pas"
PURGE_DETAIL_PAR_BILAN = "Le détail par bilan reste consultable avec bilan show ID."
PURGE_TITRE_PLAN = "À détruire"
PURGE_RIEN_A_DETRUIRE = "aucun contenu restant (date de destruction notée)"
PURGE_TITRE_FAIT = "Détruit"
PURGE_TITRE_REGLES = "Par règle"
SUIVI_ENREGISTRE = "Entretien de suivi du {date} enregistré pour le bilan {id} (R6313-4 3° c)."
SATISFACTION_ENREGISTREE = (
    "Questionnaire de satisfaction {moment} enregistré pour le bilan {id} : {note}/5 "
    "(Qualiopi indicateur 30)."
)
EDOF_ENREGISTREE = "Déclaration EDOF {sens} du {date} enregistrée pour le bilan {id}."
EDOF_CORRIGEE = "Déclaration EDOF {sens} du bilan {id} corrigée : {avant} → {date} (trace dans les corrections)."
EDOF_INCHANGEE = "Déclaration EDOF {sens} du bilan {id} inchangée : elle est déjà au {date}."
AGENDA_VIDE = "Rien à faire : aucune échéance ouverte."
AGENDA_TITRE = "Agenda au {date}"
EN_RETARD = "en retard"
STATS_TITRE = "Chiffres de l'année {annee}"
CHAMP_INCHANGE = "Champ « {champ} » inchangé pour le bilan {id} : rien n'a été enregistré."
PREFIX_AVERTISSEMENT = "Avertissement : "
PURGE_FICHIER_AUTRE_LIEN = (
    "le fichier {chemin} du bilan {id} avait un autre nom (un lien physique, fait hors de "
    "bilan) : son nom a été supprimé, mais ses octets restent accessibles par l'autre nom, "
    "que bilan n'écrase jamais. Supprimez vous-même cet autre nom."
)
HISTORIQUE_CONSENTEMENTS = "Historique des consentements"
ENTRETIEN_CORRIGE = "Entretien n° {numero} du bilan {id} corrigé ; la correction est notée au dossier."
ENTRETIEN_NOTES_REMPLACEES = (
    "Notes de l'entretien n° {numero} du bilan {id} remplacées. Les notes sont du contenu : "
    "leur changement n'est pas noté dans les corrections, qui ne gardent que les dates, "
    "durées, modalités et phases."
)
ENTRETIEN_INCHANGE = "Entretien n° {numero} du bilan {id} inchangé : les valeurs données sont déjà les siennes."
ENTRETIEN_RETIRE = "Entretien n° {numero} du bilan {id} retiré ; le retrait est noté au dossier (son numéro ne sera pas redonné)."
CORRECTIONS = "Corrections"
DECLARATIONS_EDOF = "Déclarations EDOF"
EDOF_SENS_TITRES = {"entree": "Entrée déclarée le", "sortie": "Sortie déclarée le"}
QUESTIONNAIRES = "Questionnaires de satisfaction"
MOMENT_TITRES = {"fin": "Fin de bilan", "suivi": "À six mois"}
SANS_REPONSE = "sans réponse"
CHAMPS_VIDES = "{nombre} champ{s} sur {total} non renseigné{s}."
AUCUN_CHAMP = "Aucun des {total} champs n'est encore renseigné."
SATISFACTION_SANS_REPONSE = (
    "Questionnaire de satisfaction {moment} du bilan {id} noté sans réponse : il compte parmi "
    "les bénéficiaires interrogés (Qualiopi indicateur 30)."
)
SUIVI_NON_REALISE_ENREGISTRE = (
    "Entretien de suivi du bilan {id} noté comme non réalisé le {date} (R6313-4 3° c)."
)
# --- Rendez-vous, convocations, calendar (SPEC §9) ---------------------------------------
RDV_PLANIFIE = (
    "Rendez-vous n° {numero} du bilan {id} planifié le {jour} à {heure} ({duree}, {modalite})."
)
RDV_SUIVI_PLANIFIE = (
    "Entretien de suivi du bilan {id} planifié le {jour} à {heure} ({duree}, {modalite}) : "
    "rendez-vous n° {numero} (R6313-4 3° c)."
)
RDV_DEPLACE = "Rendez-vous n° {numero} du bilan {id} déplacé au {jour} à {heure} ({duree})."
RDV_ANNULE = "Rendez-vous n° {numero} du bilan {id} du {jour} à {heure} annulé{par}."
RDV_TENU = "Rendez-vous n° {numero} du bilan {id} du {jour} tenu."
RDV_ANNULES_ABANDON = "{nombre} rendez-vous prévu(s) du bilan {id} annulé(s) avec l'abandon."
AUCUN_RDV = "Aucun rendez-vous."
AUCUN_RDV_BILAN = "Aucun rendez-vous pour le bilan {id}."
RDV_TITRE_BILAN = "Rendez-vous du bilan {id}"
RDV_TITRE_PERIODE = "Rendez-vous du {du} au {au}"
RDV_TITRE_DEPUIS = "Rendez-vous à partir du {du}"
RDV_A_VENIR = "Rendez-vous n° {numero} à {heure} ({duree}, {modalite})"
RDV_A_CONFIRMER = (
    "Rendez-vous n° {numero} passé : « bilan rdv done » ou « bilan rdv cancel »"
)
CALENDRIER_ECRIT = "Calendrier écrit : {fichier} ({nombre} rendez-vous{echeances})."
CALENDRIER_ECHEANCES = ", {nombre} échéance(s)"
CALENDRIER_NOMS = (
    "ce calendrier porte les noms des bénéficiaires, et les lieux et liens saisis : synchronisé "
    "avec un service en ligne, il les lui confie (secret professionnel, L6313-4 al. 4)."
)
SUPPRESSION_QUESTION = "Supprimer définitivement le bilan {id} ({nom}) ? Il n'en restera que l'identifiant. [o/N] "
BILAN_SUPPRIME = "Bilan {id} supprimé : il n'en reste rien, pas même dans les pages libres de la base ; son identifiant ne sera pas redonné."
BILAN_EN_DOUBLE = (
    "un bilan est déjà ouvert pour cette personne ({ids}) : vérifiez qu'il ne s'agit pas d'un "
    "doublon (« bilan delete ID » supprime un bilan ouvert par erreur)."
)
AVERT_HEURES_RESTANTES = (
    "il ne reste que {reste} h sur les 24 heures du bilan pour {phases} phase(s) à venir, qui "
    "demandent chacune un entretien (L6313-4 al. 5) : gardez au moins une heure par phase."
)
AVERT_13_HEURES_REALISEES = (
    "{realisees} h d'entretiens réalisées : moins des 13 heures d'accompagnement effectif que "
    "demande {source}."
)
AVERT_13_HEURES_PREVUES = (
    "{prevues} h prévues : moins des 13 heures d'accompagnement effectif que demande {source}."
)
AVERT_PLAFOND_CPF = (
    "tarif de {tarif} au-delà de {plafond}, le plus que les droits CPF paient pour un bilan "
    "({source}) : le reste est à la charge du bénéficiaire ou d'un abondement."
)
DOSSIER_DONNEES_ABSENT = (
    "le dossier des données {dossier} n'existe pas : rien n'y est enregistré (vérifiez --home "
    "ou BILAN_HOME)."
)
AVERT_RDV_DIMANCHE = "rendez-vous un dimanche (le {jour}) : vérifiez la date."
AVERT_RDV_FERIE = "rendez-vous un jour férié, {ferie} (le {jour}) : vérifiez la date."
AVERT_RDV_TOT = "rendez-vous à {heure}, avant {limite} : vérifiez l'heure."
AVERT_RDV_TARD = "rendez-vous finissant à {fin}, après {limite} : vérifiez l'heure et la durée."
AVERT_SYNTHESE_AUTRE_FIN = (
    "la synthèse remise au bénéficiaire indique le {remise} comme fin du bilan, qui est "
    "enregistrée au {fin} : pour les accorder, produisez-la de nouveau et remettez-la "
    "(« bilan synthese render {id} », elle indiquera le {fin}) ; un bilan se termine le jour "
    "de la remise de sa synthèse (« bilan phase advance ID --date {remise} »)."
)
AVERT_SECOND_CPF = (
    "la même personne a déjà un bilan financé par le CPF, le bilan {autre} (ouvert le "
    "{ouverture}{fin}) : les droits CPF ne financent pas un second bilan de compétences dans "
    "les {annees} ans ({source}). Le bilan est enregistré ; vérifiez le financement."
)
AVERT_SECOND_CPF_FIN = ", terminé le {date}"
AVERT_SECOND_CPF_AUTRES = " ; et {nombre} autre(s) bilan(s) CPF de cette personne dans ces années"
PURGE_FICHIERS_HORS_DOSSIER = "Fichiers écrits hors du dossier des données (-o) qui seront détruits :"
# --- Invoices, the certificat, réclamations (SPEC §10, §11) ------------------------------
FACTURE_EMISE = (
    "Facture {numero} émise le {date} pour le bilan {id} (payeur : {payeur}) : {ht} HT, {ttc} TTC, "
    "à payer au plus tard le {echeance}. Son document : « bilan facture render {numero} »."
)
FACTURE_EDOF = (
    "CPF : saisissez dans EDOF, lors de la déclaration du service fait, le numéro {numero} "
    "et le montant {ttc} (la Caisse des Dépôts ne reçoit pas le document)."
)
AVOIR_EMIS = "Avoir {avoir} émis le {date} : il annule la facture {numero} ({ttc} TTC)."
AVOIR_PARTIEL_EMIS = (
    "Avoir {avoir} émis le {date} sur la facture {numero} : {ttc} TTC en moins ; un avoir peut "
    "encore en retirer {reste} HT."
)
AVOIR_A_REMBOURSER = "{montant} ont déjà été payés sur la facture {numero} : ils sont à rembourser."
PAIEMENT_ENREGISTRE = (
    "Paiement de {montant} ({mode}) reçu le {date} sur la facture {numero} : reste dû {reste}."
)
PAIEMENT_SOLDE = "Paiement de {montant} ({mode}) reçu le {date} : la facture {numero} est payée."
DOCUMENT_PRODUIT_FACTURE = "Fichier écrit : {fichier} ({document} {numero})."
AUCUNE_FACTURE = "Aucune facture."
FACTURES_TITRE = "Factures et avoirs"
FACTURES_TITRE_ANNEE = "Factures et avoirs de {annee}"
FACTURES_RESTE_DU = "Reste dû : {total} TTC."
RECLAMATION_ENREGISTREE = (
    "Réclamation {numero} enregistrée (reçue le {date}) : réponse attendue au plus tard le "
    "{echeance} (Qualiopi indicateur 31)."
)
RECLAMATION_REPONDUE = "Réponse du {date} enregistrée pour la réclamation {numero}."
RECLAMATION_CLOSE = "Réclamation {numero} close le {date}."
AUCUNE_RECLAMATION = "Aucune réclamation enregistrée."
RECLAMATIONS_TITRE = "Registre des réclamations (Qualiopi indicateur 31)"
RECLAMATIONS_TITRE_ANNEE = "Registre des réclamations reçues en {annee} (Qualiopi indicateur 31)"
TEXTE_DETRUIT = "détruit le {date} (Qualiopi indicateur 31 : 3 ans après la clôture)"
BPF_TITRE_C = "BPF (Cerfa 10443*17) — cadre C : origine des produits, HT, factures de l'année"
BPF_TITRE_F = "BPF (Cerfa 10443*17) — cadre F : stagiaires et heures-stagiaires"
BPF_DISTANCE = "dont stagiaires ayant suivi le bilan en tout ou partie à distance"
# The two money figures of `stats`, each named by what it counts.
STATS_TARIFS = "Tarifs des bilans finis dans l'année (HT)"
STATS_FACTURE = "Facturé dans l'année, moins les avoirs (HT, BPF cadre C)"
STATS_PAR_FINANCEMENT = "Bilans finis dans l'année et leurs tarifs, par financement"
STATS_TARIFS_COLONNE = "Tarifs HT"
BPF_TOTAL_C = "Total des produits (factures moins avoirs de l'année)"
BPF_NON_RENSEIGNE = (
    "{nombre} bénéficiaire(s) sans statut renseigné, comptés en F-1 e : complétez les dossiers "
    "avant de remplir le BPF."
)
RECLAMATIONS_STATS = "Réclamations (Qualiopi indicateur 31)"
PURGE_RECLAMATIONS_FAITE = (
    "Réclamations : les textes de {nombre} réclamation(s) close(s) depuis trois ans sont détruits ; "
    "le registre garde leurs dates (Qualiopi indicateur 31)."
)
PURGE_SAUVEGARDE_FAITE = "Sauvegarde {dossier} purgée elle aussi : {bilans} bilan(s) purgé(s), {supprimes} bilan(s) supprimé(s)."
PURGE_SAUVEGARDE_PREVUE = "Sauvegarde {dossier} : {bilans} bilan(s) à purger, {supprimes} bilan(s) à supprimer."
SAUVEGARDE_FAITE = "Sauvegarde écrite : {dossier} (la base et documents/, en 0700/0600)."
SAUVEGARDE_HORS_PURGE = (
    "la sauvegarde {dossier} est hors de [sauvegarde] dossier : « bilan purge » ne l'atteindra pas. "
    "Ce qu'elle contient devra être détruit par vous selon R6313-7."
)
RESTAURE_QUESTION = (
    "Remplacer la base et documents/ par la sauvegarde {dossier} (qui s'arrête au {date}) ? "
    "Ce qui a été enregistré depuis sera perdu. [o/N] "
)
RESTAURE_FAITE = (
    "Sauvegarde {dossier} restaurée : elle s'arrête au {date} ; ce qui a été enregistré depuis "
    "est perdu. Ce que la base remplacée avait détruit ou supprimé l'est aussi dans la sauvegarde."
)
RESTAURE_PURGEE = (
    "Avant d'être mise en place, la copie de la sauvegarde a été purgée de {nombre} bilan(s), "
    "comme la base l'avait été (R6313-7). Ce qui suit est la purge de la base restaurée :"
)
RESTAURE_CLES_NON_DETRUITES = (
    "la sauvegarde est restaurée, mais les clés de ce qu'elle a perdu n'ont pas été détruites "
    "({raison}) : la purge du dossier d'origine les détruira."
)
RESTAURE_BASE_ILLISIBLE = (
    "la base remplacée était illisible : elle est détruite, et seules les dates que la sauvegarde "
    "connaît ont servi à la purger. Les bilans supprimés ou purgés après la sauvegarde ne sont "
    "connus que si une purge a déjà atteint cette sauvegarde."
)
RESTAURE_FICHIERS_SUIVIS = (
    "{nombre} fichier(s) écrit(s) hors du dossier de données depuis la sauvegarde reste(nt) "
    "connu(s) de la purge."
)
RESTAURE_FICHIERS_DETRUITS = (
    "{nombre} fichier(s) écrit(s) hors du dossier de données pour des bilans absents de la "
    "sauvegarde ont été détruits (R6313-7) : la base restaurée ne les connaît pas."
)
# --- Exchanges: the beneficiary's export, the import of a spreadsheet (SPEC §12) ------------
EXPORT_ECRIT = (
    "Export du bilan {id} écrit : {fichier} (données et {documents} document(s) conservé(s)), à "
    "remettre au bénéficiaire. Il est enregistré : la purge le détruira avec le contenu du "
    "bilan (R6313-7)."
)
IMPORT_FAIT = "{nombre} bilan(s) ouvert(s) depuis {fichier}, en phase préliminaire."
IMPORT_SIMULATION = (
    "Simulation : {nombre} bilan(s) seraient ouverts depuis {fichier}, avec ces identifiants ; "
    "rien n'a été modifié."
)
IMPORT_RIEN = "Aucun bilan à ouvrir : {fichier} ne contient que sa ligne d'en-tête."
IMPORT_AVERTISSEMENT = "ligne {ligne} ({id}) : {avertissement}"
IMPORT_AVERTISSEMENT_LIGNES = "lignes {lignes} ({nombre} lignes, bilans {ids}) : {avertissement}"
FACTURE_PLATEFORME_2027 = (
    "à partir du 1er septembre 2027, une facture adressée à une entreprise passe par "
    "une plateforme agréée (facturation électronique, {source}) : "
    "« bilan facture render {numero} --format facturx » en donne la forme Factur-X."
)

# A view longer than a screenful (SPEC §13).
VUE_NOMBRE = "Nombre"
VUE_SUITE = "… et {nombre} ligne(s) de plus : --tout pour tout voir."
LISTE_RESUME = "{nombre} bilans, par phase"
RDV_RESUME = "{nombre} rendez-vous, par statut"
FACTURES_RESUME = "{nombre} factures et avoirs, par statut"
RECLAMATIONS_RESUME = "{nombre} réclamations, par statut"
AGENDA_RESUME = "{nombre} échéances, dont {retard} en retard"
AGENDA_HORIZON = "Jusqu'au {date} : --au D pour voir plus loin ({nombre} échéance(s) plus tard)."
