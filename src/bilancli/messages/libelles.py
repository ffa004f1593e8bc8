"""Codes in words: the labels shared by the screen and the documents."""

CONVENTION_STATUTS = {
    "non_requise": "non requise pour ce financement (R6313-8)",
    "a_transmettre": "à transmettre au salarié (R6313-8)",
    "en_attente": "transmise le {transmise}, signature attendue au plus tard le {echeance} (R6313-8)",
    "signee": "signée le {signee} (R6313-8)",
    "refusee": "refusée : non signée dans les dix jours suivant le {transmise} (R6313-8)",
}
DOCUMENT_LABELS = {
    "synthese": "Document de synthèse", "convention": "Convention", "emargement": "Feuille d'émargement",
    "certificat": "Certificat de réalisation", "facture": "Facture", "avoir": "Avoir",
    "convocation": "Convocation", "export": "Export des données du bénéficiaire",
    "preuve_convention": "Convention signée",
    "qualiopi": "Dossier Qualiopi",
}
PURGE_NATURES = {
    "champs": "champs de contenu",
    "notes_entretien": "notes d'entretien",
    "notes_suivi": "notes de suivi",
    "commentaires_satisfaction": "avis de satisfaction",
    "motif_abandon": "motif d'abandon",
    "motif_suivi": "motif du suivi non réalisé",
    "fichiers_administratifs": "fichiers administratifs",
    "motifs_rdv": "motifs d'annulation de rendez-vous",
    "motifs_correction": "motifs de correction",
    "documents": "documents conservés",
    "fichiers": "fichiers produits",
    "syntheses": "synthèses conservées",
    "fichiers_synthese": "fichiers de synthèse",
    "identite": "identité",
    "factures": "factures et avoirs",
    "paiements": "paiements",
    "fichiers_factures": "fichiers de factures",
    "textes_reclamation": "textes de réclamation",
}
EDOF_SENS_LABELS = {"entree": "d'entrée", "sortie": "de sortie"}
A_FAIRE_CONVENTION_EXPIREE = (
    "Convention non signée dans les dix jours : refusée ; transmettre un nouveau projet")
A_FAIRE = {
    "convention": "Signature de la convention attendue (sinon refus)",
    "edof_entree": "Déclarer l'entrée sur EDOF",
    "edof_sortie": "Déclarer la sortie sur EDOF",
    "suivi": "Entretien de suivi à six mois",
    "satisfaction_fin": "Questionnaire de satisfaction de fin",
    "satisfaction_suivi": "Questionnaire de satisfaction à six mois",
    "purge": "Détruire les documents (bilan purge)",
    "inactif": "Aucun entretien depuis 30 jours : relancer",
    "paiement": "Paiement attendu : facture {numero}",
    "reclamation": "Répondre à la réclamation {numero}",
    "rdv": "Rendez-vous",
    "cle_secours": "Refaire le fichier de secours des clés (bilan cle secours -o FICHIER) et détruire l'ancien",
}

# What an agenda item is, in a word or two: the agenda's count by kind.
AGENDA_SORTES = {
    "convention": "Convention", "edof_entree": "EDOF entrée", "edof_sortie": "EDOF sortie",
    "suivi": "Suivi à six mois", "satisfaction_fin": "Satisfaction de fin",
    "satisfaction_suivi": "Satisfaction à six mois", "purge": "Purge", "inactif": "Inactif",
    "paiement": "Paiement", "reclamation": "Réclamation", "rdv": "Rendez-vous",
    "cle_secours": "Fichier de secours",
}

PHASE_LABELS = {
    "preliminaire": "préliminaire",
    "investigation": "investigation",
    "conclusion": "conclusion",
    "termine": "terminé",
    "abandonne": "abandonné",
}
MODALITE_LABELS = {"presentiel": "Présentiel", "visio": "Visioconférence", "telephone": "Téléphone"}
FIELD_LABELS = {
    "demande": "Demande", "besoins": "Besoins", "modalites": "Modalités de déroulement",
    "parcours": "Parcours", "competences": "Compétences et aptitudes",
    "motivations": "Motivations", "projet": "Projet professionnel", "plan_b": "Plan B",
    "formation": "Projet de formation", "objectifs": "Objectifs",
    "conditions": "Conditions et moyens de réussite", "etapes": "Étapes clés",
    "plan_action": "Plan d'action",
    "civilite": "Civilité", "adresse": "Adresse postale",
    "nom": "Nom", "prenom": "Prénom", "email": "Courriel", "telephone": "Téléphone",
    "statut": "Statut", "financement": "Financement", "format": "Format",
    "employeur": "Employeur", "heures_prevues": "Heures prévues", "tarif": "Tarif (€ HT)",
}
FINANCEMENT_LABELS = {
    "cpf": "Compte personnel de formation (CPF)",
    "plan": "Plan de développement des compétences de l'employeur",
    "reclassement": "Congé de reclassement",
    "personnel": "Financement personnel",
    "france-travail": "France Travail",
    "autre": "Autre financement",
}
STATUT_LABELS = {
    "salarie": "Salarié(e)", "demandeur-emploi": "Demandeur(se) d'emploi",
    "particulier": "Particulier", "independant": "Indépendant(e)", "autre": "Autre",
}
FORMAT_LABELS = {
    "presentiel": "En présentiel", "distanciel": "À distance (visioconférence)",
    "mixte": "Mixte (présentiel et distance)",
}
RULE_LABELS = {
    "R6313-7": "R6313-7 : fin de l'action",
    "R6313-7 exception A": "R6313-7 exc. A : CEP",
    "R6313-7 exception B": "R6313-7 exc. B : accord écrit",
    "anonymisation": "anonymisation",
    "Code de commerce L123-22": "L123-22 : factures, 10 ans",
    "Qualiopi indicateur 31 : 3 ans": "Qualiopi ind. 31 : 3 ans après clôture",
}

# --- Invoices (SPEC §10) -----------------------------------------------------------------
PAYEUR_LABELS = {
    "beneficiaire": "le bénéficiaire", "employeur": "l'employeur", "opco": "l'OPCO",
    "cdc": "la Caisse des Dépôts (CPF)", "france-travail": "France Travail", "autre": "autre payeur",
}
MODE_LABELS = {"virement": "virement", "cheque": "chèque", "carte": "carte bancaire",
               "especes": "espèces", "cdc": "Caisse des Dépôts (EDOF)"}
FACTURE_STATUTS = {"a_payer": "à payer", "payee": "payée", "en_retard": "en retard",
                   "annulee": "annulée", "emis": "émis"}
FACTURE_PARTIELLE = "Facturation partielle"
FACTURE_SOLDE = "Solde du bilan"
UNITES_HEURE = ("heure", "heures")
DESIGNATION_BILAN = "Bilan de compétences (article L6313-1, 2° du Code du travail)"
CDC_NOM = "Caisse des Dépôts et Consignations"
CDC_ADRESSE = "56 rue de Lille, 75007 Paris"
# Legal mentions, frozen into each invoice at issue (CGI 242 nonies A, Code de commerce L441-10).
MENTION_TVA_EXONEREE = "Exonération de TVA, article 261-4-4° a du CGI"
MENTION_TVA_FRANCHISE = "TVA non applicable, article 293 B du CGI"
MENTION_OPERATION = "Catégorie de l'opération : prestation de services."
MENTION_ESCOMPTE = "Pas d'escompte pour paiement anticipé."
MENTION_PENALITES = (
    "En cas de retard de paiement, des pénalités sont exigibles de plein droit, au taux "
    "d'intérêt appliqué par la Banque centrale européenne à son opération de refinancement la "
    "plus récente majoré de 10 points de pourcentage, ainsi qu'une indemnité forfaitaire pour "
    "frais de recouvrement de 40 € (Code de commerce, articles L441-10 et D441-5)."
)
MENTION_CPF = (
    "Bilan financé par le compte personnel de formation : la Caisse des Dépôts ne reçoit pas "
    "ce document. Le numéro de cette facture est celui à saisir dans EDOF, avec son montant, "
    "lors de la déclaration du service fait."
)

# --- Réclamations (SPEC §11) -------------------------------------------------------------
ORIGINE_LABELS = {"beneficiaire": "bénéficiaire", "employeur": "employeur",
                  "financeur": "financeur", "autre": "autre"}
CANAL_LABELS = {"courriel": "courriel", "courrier": "courrier", "telephone": "téléphone",
                "oral": "oral", "autre": "autre"}
RECLAMATION_STATUTS = {"ouverte": "ouverte", "repondue": "répondue", "close": "close"}

# --- BPF, Cerfa 10443*17 (SPEC §7): the lines a bilan provider fills, as the form words them.
BPF_CADRE_C = {
    "C-1": "Produits provenant des entreprises pour la formation de leurs salariés",
    "C-2e": "Organismes gestionnaires des fonds de la formation : compte personnel de formation",
    "C-2h": "Organismes gestionnaires des fonds de la formation : plan de développement des "
            "compétences ou autres dispositifs",
    "C-7": "Pôle emploi (France Travail)",
    "C-9": "Contrats conclus avec des personnes à titre individuel et à leurs frais",
    "C-11": "Autres produits au titre de la formation professionnelle",
}
BPF_CADRE_F = {
    "F-1a": "Salariés d'employeurs privés hors apprentis",
    "F-1c": "Personnes en recherche d'emploi formées par votre organisme",
    "F-1d": "Particuliers à leurs propres frais formés par votre organisme",
    "F-1e": "Autres stagiaires",
    "F-3e": "Objectif des prestations : bilans de compétences",
}

# The facts of a bilan, as a refusal names them (never by their content).
FAIT_ENTRETIEN = "l'entretien n° {numero}"
FAIT_CONSENTEMENT = "le consentement « {type} »"
FAIT_RETRAIT = "le retrait du consentement « {type} »"
FAIT_CONVENTION_TRANSMISE = "la transmission de la convention"
FAIT_CONVENTION_SIGNEE = "la signature de la convention"
FAIT_RENDU = "le rendu du document « {document} »"
FAIT_DOCUMENT = "le document n° {numero}"
AUCUN = "aucun"
RETIRE = "retiré"
SUIVI_NON_REALISE = "non réalisé (proposé, n'a pas eu lieu)"
RDV_STATUT_LABELS = {"prevu": "prévu", "tenu": "tenu", "annule": "annulé"}
# What a rendez-vous no longer planned can no longer be (RDV_PAS_PREVU).
RDV_ACTIONS = {"move": "déplacé", "cancel": "annulé", "done": "tenu"}
RDV_PAR_LABELS = {"beneficiaire": " par le bénéficiaire", "cabinet": " par le cabinet"}
# What the calendar's events say (SPEC §9): the bilan's id, never a name unless --noms.
CALENDRIER_NOM = "Bilans de compétences — rendez-vous"
CALENDRIER_RDV = "Bilan {id} — rendez-vous n° {numero}"
CALENDRIER_SUIVI = "Bilan {id} — entretien de suivi (rendez-vous n° {numero})"
CALENDRIER_RDV_NOMME = "{nom} — bilan {id}, rendez-vous n° {numero}"
CALENDRIER_SUIVI_NOMME = "{nom} — entretien de suivi (bilan {id}, rendez-vous n° {numero})"
CALENDRIER_ECHEANCE = "Bilan {id} : {quoi}"
CALENDRIER_ECHEANCE_NOMMEE = "{nom} (bilan {id}) : {quoi}"
SUPPRESSION_ENTRETIENS = "{nombre} entretien(s) enregistré(s)"
SUPPRESSION_CONVENTION = "une convention transmise ou signée"
SUPPRESSION_EDOF = "une déclaration EDOF"
SUPPRESSION_SATISFACTION = "un questionnaire de satisfaction"
SUPPRESSION_RENDUS = "{nombre} document(s) produit(s)"
SUPPRESSION_FACTURES = "{nombre} facture(s)"
CHAMP_DETRUIT = "détruit le {date} (R6313-7)"
CONFIG_PAS_UN_FICHIER = "ce n'est pas un fichier ordinaire"
# The note at the top of the beneficiary's export, for the beneficiary.
EXPORT_LISEZMOI = """Vos données — bilan de compétences {id}, copie du {date}

Cette archive est la copie des données que le cabinet détient sur vous pour ce bilan
(RGPD, articles 15 et 20) :

- donnees.json : votre dossier (identité, statut, financement, dates, consentements,
  convention, entretiens et leurs notes, rendez-vous, contenu du bilan, suivi, avis de
  satisfaction), dans un format ouvert que tout logiciel peut lire ;
- documents/ : les documents conservés dans votre dossier (tests, CV, document de
  synthèse…), tels qu'ils ont été remis au cabinet ou produits par lui.

Le cabinet ne garde pas cette copie au-delà des documents du bilan : elle est détruite
avec eux, au terme prévu par l'article R6313-7 du Code du travail.
"""
EXPORT_LISEZMOI_DETRUIT = """
Le contenu du bilan a été détruit le {date} (article R6313-7 du Code du travail) : cette
copie ne contient plus que le dossier administratif que le cabinet garde (identité, dates,
présence aux entretiens, financement).
"""
# Other headers a cabinet's spreadsheet gives a column (beside its name and its label in
# FIELD_LABELS); compared with accents, case, spaces and signs ignored.
IMPORT_EN_TETES = {
    "date d'ouverture": "date_ouverture", "ouverture": "date_ouverture",
    "ouvert le": "date_ouverture", "e-mail": "email", "mail": "email",
    "adresse électronique": "email", "tél": "telephone",
}
# The Factur-X XML of an invoice (render/facturx.py): its wording is frozen with the invoice's
# numbers, so that rendering again gives the same bytes; change it only for new wording.
FACTURX_NDA = "Déclaration d'activité n° {nda} (cet enregistrement ne vaut pas agrément de l'État)"
FACTURX_PRESTATION = (
    "Bénéficiaire : {beneficiaire} ; période de réalisation : du {debut} au {fin} ; "
    "durée d'accompagnement réalisée : {heures}"
)
FACTURX_EMPLOYEUR = " ; employeur : {employeur}"
FACTURX_CONDITIONS = (
    "Paiement à {jours} jours à compter de la date d'émission, en rappelant le numéro de la facture."
)
FACTURX_A_RECEPTION = "Paiement à réception, en rappelant le numéro de la facture."
FACTURX_CONDITIONS_AVOIR = (
    "Avoir sur la facture n° {numero} : les sommes déjà réglées sont remboursées ou imputées "
    "sur une facture ultérieure."
)
FACTURX_MOTIF = "Motif de l'avoir : {motif}"
