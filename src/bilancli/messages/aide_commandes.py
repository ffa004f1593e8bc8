"""Each command's line of help (CMD_, GROUPE_) and what its page and the README add to it (DET_)."""

# --- Each command's line of help, in the order of a bilan's life ------------------------
CMD_NEW = "Ouvre un bilan en phase préliminaire et affiche son identifiant."
CMD_LIST = "Liste les bilans en cours (--tous : tous), du plus récent au plus ancien."
CMD_SHOW = "Affiche tout le dossier d'un bilan."
CMD_SET = "Renseigne un champ de contenu ou administratif."
CMD_CONSENT = "Enregistre (ou retire) un consentement du bénéficiaire."
CMD_DELETE = "Supprime un bilan ouvert par erreur, sans laisser de trace."
DET_DELETE = (
    "Seulement tant qu'aucun entretien, convention, déclaration EDOF, questionnaire, document "
    "produit ni facture n'existe ; sinon, « bilan abandon ». Son identifiant n'est jamais redonné."
)
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
GROUPE_CERTIFICAT = (
    "Le certificat de réalisation (modèle du ministère exigé par les OPCO) : nature de "
    "l'action, période et heures réalisées."
)
CMD_CERTIFICAT_RENDER = "Produit le certificat de réalisation du bilan, signé par le représentant du cabinet."
GROUPE_FACTURE = (
    "Les factures : « bilan facture ID » en émet une, « bilan facture render NUMERO » en "
    "produit le document."
)
CMD_FACTURE = "Émet une facture pour un bilan, numérotée dans la suite chronologique et continue."
CMD_FACTURE_RENDER = "Produit une facture ou un avoir émis, à l'identique à chaque fois."
CMD_AVOIR = (
    "Émet un avoir sur une facture (même numérotation) : toute la facture, ou avec --montant "
    "une part (jamais plus en tout que la facture)."
)
CMD_PAIEMENT = "Enregistre un paiement reçu sur une facture."
CMD_FACTURES = "Liste les factures et avoirs, avec ce qui reste dû."
CMD_SUIVI = (
    "Enregistre l'entretien de suivi, après la fin du bilan, ou qu'il n'a pas eu lieu "
    "(R6313-4 3° c)."
)
CMD_SATISFACTION = (
    "Enregistre un questionnaire de satisfaction, ou qu'il est resté sans réponse (Qualiopi "
    "indicateur 30)."
)
CMD_EDOF = (
    "Enregistre la déclaration d'entrée ou de sortie sur EDOF (bilans financés par le CPF). "
    "Une date enregistrée n'est jamais remplacée : --corriger --motif la corrige, avec une trace."
)
CMD_AGENDA = (
    "Ce qui arrive à échéance ou est en retard : rendez-vous, conventions, EDOF, suivis, "
    "questionnaires, paiements, réclamations, purges."
)
CMD_STATS = (
    "Les chiffres de l'année : Qualiopi (indicateur 2) et bilan pédagogique et financier."
)
GROUPE_RECLAMATION = (
    "Le registre des réclamations (Qualiopi indicateurs 31 et 32) : réception, réponse dans "
    "le délai, clôture avec l'action corrective."
)
CMD_RECLAMATION_ADD = "Enregistre une réclamation reçue et affiche son numéro."
CMD_RECLAMATION_ANSWER = "Enregistre la réponse donnée à une réclamation."
CMD_RECLAMATION_CLOSE = "Clôt une réclamation répondue, avec l'action corrective menée."
CMD_RECLAMATION_SHOW = "Affiche une réclamation et ses textes."
CMD_RECLAMATION_LIST = "Le registre des réclamations, sans leurs textes."
CMD_CALENDRIER = (
    "Écrit le calendrier iCalendar des rendez-vous, à importer ou à suivre sur un téléphone "
    "ou dans Outlook."
)
CMD_PURGE = (
    "Détruit ce que l'article R6313-7 impose de détruire et anonymise les dossiers échus."
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
    "seulement pour un financement plan ou reclassement. --preuve conserve la convention "
    "signée avec son empreinte SHA-256, jusqu'à l'anonymisation du dossier (R6313-7) ; "
    "« bilan convention preuve » la réécrit."
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
DET_RDV_LIST = "--du et --au bornent la période, comme toute date (--du aujourd'hui --au 31/03)."
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
    "refusé une fois ce contenu détruit (R6313-7). --envoye note l'envoi, --relance chaque "
    "rappel ([qualite] relance, défaut 7 jours ; relances, défaut 2) : l'agenda les suit."
)
DET_AGENDA = "La plus proche d'abord, les retards en évidence (voir « L'agenda »)."
DET_STATS = (
    "Voir « Chiffres de l'année ». --format md|html écrit la page des chiffres à publier "
    "(Qualiopi indicateur 2), sans nom ni contenu, sur la sortie standard ou dans -o FICHIER."
)
DET_PURGE = "--dry-run montre quoi, quand et pourquoi sans rien changer."
DET_CERTIFICAT_RENDER = (
    "Refusé avant tout entretien. Période : du premier au dernier entretien ; aucun contenu du "
    "bilan."
)
DET_FACTURE = (
    "Numéro FAAAA-NNNN sans trou ; TVA selon [facturation] (exonération 261-4-4° a du CGI par "
    "défaut). Une facture émise ne change plus : une erreur s'annule par un avoir."
)
DET_FACTURE_RENDER = "PDF par défaut, dans documents/factures/ ; rendu depuis la facture figée à son émission."
DET_PAIEMENT = "Refusé au-delà de ce qui reste dû."
DET_FACTURES = "Statuts : à payer, payée, en retard, annulée, émis (un avoir)."
DET_RECLAMATION_ADD = "Réponse attendue dans [qualite] delai_reponse (défaut : 30 jours), visible dans l'agenda."
DET_RECLAMATION_LIST = "Les textes sont gardés trois ans après la clôture, puis détruits par la purge."
# --- Backups (SPEC §12) -------------------------------------------------------------------
CMD_SAUVEGARDE = "Écrit une sauvegarde de la base et de documents/, que « bilan purge » purgera aussi."
DET_SAUVEGARDE = (
    "Dans un nouveau dossier sauvegarde-AAAA-MM-JJTHHMMSS de -o DOSSIER ou de [sauvegarde] "
    "dossier (config.toml). Seules les sauvegardes de [sauvegarde] dossier sont purgées avec la base."
)
CMD_RESTAURE = "Remplace la base et documents/ par une sauvegarde, puis purge aussitôt."
DET_RESTAURE = (
    "Ce que la base remplacée avait détruit ou supprimé l'est aussi dans la sauvegarde restaurée : "
    "rien de ce que la loi voulait détruit ne revient."
)

# --- Exchange with the beneficiary and the spreadsheet (SPEC §12) -----------------------
CMD_EXPORT = (
    "Écrit la copie de ses données pour le bénéficiaire (RGPD art. 15 et 20) : un zip avec "
    "donnees.json et les documents conservés."
)
CMD_IMPORT = "Ouvre des bilans depuis un tableau (CSV), tout ou rien, et affiche leurs identifiants."
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
