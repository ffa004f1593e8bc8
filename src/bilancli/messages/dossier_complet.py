"""The complete record (issue 21): civilité and postal address, the directory of organismes,
the signed convention kept."""

# Words of the documents: how a letter greets the beneficiary (SPEC §3).
CIVILITE_LABELS = {"madame": "Madame", "monsieur": "Monsieur"}
CIVILITE_INCONNUE = "Madame, Monsieur"

# Help.
OPT_CIVILITE = "Civilité du bénéficiaire (madame, monsieur) : les courriers s'adressent à elle."
OPT_ADRESSE_BENEFICIAIRE = "Adresse postale du bénéficiaire (convocations, factures qu'il règle)."
GROUPE_ORGANISME = (
    "L'annuaire des organismes (employeurs, OPCO, France Travail) : saisis une fois, repris par "
    "les factures et la convention."
)
CMD_ORGANISME_ADD = "Inscrit un organisme dans l'annuaire du cabinet."
CMD_ORGANISME_SET = "Modifie un renseignement d'un organisme de l'annuaire."
CMD_ORGANISME_LIST = "Liste les organismes de l'annuaire."
ARG_NOM_ORGANISME = "Nom de l'organisme (accents et casse ignorés)."
ARG_CHAMP_ORGANISME = "Renseignement : adresse, siret, type, email, telephone."
ARG_VALEUR_ORGANISME = "Nouvelle valeur."
OPT_ADRESSE_ORGANISME = "Adresse postale de l'organisme."
OPT_SIRET_ORGANISME = "SIRET de l'organisme (14 chiffres)."
OPT_TYPE_ORGANISME = "employeur, opco, public ou autre (défaut : autre)."
OPT_EMAIL_ORGANISME = "Courriel de l'organisme."
OPT_TELEPHONE_ORGANISME = "Téléphone de l'organisme."
DET_ORGANISME_ADD = (
    "Jamais deux organismes du même nom, accents et casse ignorés. « bilan facture "
    "--destinataire NOM » reprend son adresse et son SIRET ; la convention aussi, quand "
    "l'employeur du bilan porte ce nom."
)
OPT_PREUVE = "La convention signée à conserver (un scan, le fichier de la plateforme de signature)."
OPT_METHODE = "manuscrite ou electronique (défaut : manuscrite)."
CMD_CONVENTION_PREUVE = "Réécrit la convention signée conservée, octet pour octet."
OPT_SORTIE_PREUVE = "Fichier à écrire ; « - » : la sortie standard."

# What the terminal shows.
ORGANISME_INSCRIT = "Organisme « {nom} » inscrit dans l'annuaire."
ORGANISME_MODIFIE = "Organisme « {nom} » : {champ} modifié."
ORGANISMES_AUCUN = "Aucun organisme dans l'annuaire : « bilan organisme add NOM --adresse TEXTE »."
ORGANISMES_TITRE = "Annuaire des organismes"
ORGANISMES_COLONNES = ("Nom", "Type", "Adresse", "SIRET", "Courriel", "Téléphone")
ORGANISME_TYPE_LABELS = {"employeur": "employeur", "opco": "OPCO", "public": "public",
                         "autre": "autre"}
CONVENTION_PREUVE_GARDEE = (
    "Convention signée conservée ({methode}, {taille} octets, SHA-256 {sha256})."
)
CONVENTION_PREUVE_ECRITE = "Convention signée du bilan {id} écrite dans {fichier}."
METHODE_LABELS = {"manuscrite": "signature manuscrite", "electronique": "signature électronique"}
PREUVE_DETRUITE_LIBELLE = "détruite"

# Refusals.
CIVILITE_REFUSEE = "civilité inconnue : « {saisie} ». Civilités possibles : {possibles}."
ORGANISME_EN_DOUBLE = (
    "l'organisme « {saisie} » est déjà dans l'annuaire sous le nom « {nom} » (accents et casse "
    "ignorés) : « bilan organisme set » le modifie."
)
ORGANISME_INCONNU = (
    "aucun organisme « {saisie} » dans l'annuaire : « bilan organisme list » les montre, "
    "« bilan organisme add » en inscrit un."
)
ORGANISME_NOM_VIDE = "le nom de l'organisme est vide."
ORGANISME_ADRESSE_VIDE = "l'adresse de l'organisme « {nom} » est vide : elle figure sur les factures."
ORGANISME_CHAMP_INCONNU = (
    "renseignement inconnu : « {saisie} ». Renseignements modifiables : {possibles}."
)
ORGANISME_TYPE_INCONNU = "type d'organisme inconnu : « {saisie} ». Types possibles : {possibles}."
METHODE_INCONNUE = (
    "méthode de signature inconnue : « {saisie} ». Méthodes possibles : {possibles}."
)
METHODE_SANS_PREUVE = (
    "« --methode » dit comment la convention jointe avec « --preuve FICHIER » a été signée : "
    "joignez-la."
)
PREUVE_VIDE = "la convention signée « {fichier} » est vide : rien à conserver."
PREUVE_ABSENTE = (
    "aucune convention signée n'est conservée pour le bilan {id} : « bilan convention sign {id} "
    "--preuve FICHIER » la joint."
)
PREUVE_DETRUITE = (
    "la convention signée du bilan {id} a été détruite le {date} avec l'anonymisation du "
    "dossier (R6313-7) : elle ne peut plus être rendue."
)
PREUVE_TERMINAL = (
    "la convention signée du bilan {id} n'est pas affichée dans le terminal : précisez "
    "« -o FICHIER » (ou « -o - » pour la sortie standard)."
)
CONVENTION_SANS_EMPLOYEUR = (
    "la convention du bilan {id} ne peut pas être produite : aucun employeur n'est renseigné, "
    "or elle est conclue entre l'employeur, le salarié et l'organisme ({source}). "
    "« bilan set {id} employeur NOM » le renseigne."
)
EDOF_SORTIE_AVANT_FIN = (
    "sortie EDOF refusée pour le bilan {id} : le {date} précède la fin du bilan ({fin}) ; la "
    "sortie se déclare une fois l'action terminée."
)
