"""Refusals of the cabinet's paperwork: invoices, credit notes, payments, the certificat de
réalisation, the register of réclamations, and the settings they read (`[facturation]`,
`[qualite]`). Apart from `refus` only to keep each module readable; same audience, same rules:
each names what was typed and the rule's source, never the content of a bilan.
"""

# --- Settings ----------------------------------------------------------------------------
DELAI_ILLISIBLE = (
    "config.toml : [{section}] {cle} illisible : « {saisie} ». Exemple : 30 jours."
)
DELAI_TROP_COURT = (
    "config.toml : [{section}] {cle} = « {saisie} » : il faut au moins {minimum} jour(s)."
)
DELAI_TROP_LONG = (
    "config.toml : [{section}] {cle} = « {saisie} » dépasse {maximum} jours à compter de la "
    "date de la facture, le délai de paiement maximal ({source})."
)
TAUX_INVALIDE = (
    "config.toml : [facturation] taux = « {saisie} » n'est pas un taux de TVA : un nombre "
    "strictement positif, 100 au plus, deux décimales au plus (20, 10, 5.5)."
)
TAUX_SANS_TVA = (
    "config.toml : [facturation] taux n'a de sens qu'avec tva = \"assujettie\" (ici "
    "tva = \"{regime}\") : retirez-le, ou déclarez le cabinet assujetti."
)
IBAN_INVALIDE = (
    "config.toml : [facturation] {cle} = « {saisie} » n'est pas un IBAN valide "
    "(sa clé de contrôle, ou sa longueur pour son pays — 27 caractères en France —, ne "
    "correspond pas, ISO 13616) : recopiez-le depuis votre RIB."
)
FACTURE_CABINET_INCOMPLET = (
    "facture refusée : config.toml ne donne pas {cles}. Une facture porte le nom, l'adresse et "
    "le SIRET du vendeur (CGI art. 242 nonies A de l'annexe II) et, pour l'exonération de TVA "
    "des organismes de formation, le numéro de déclaration d'activité ; une facture émise ne "
    "se complète plus."
)
CABINET_TVA_INVALIDE = (
    "config.toml : [cabinet] tva_intracommunautaire = « {saisie} » n'est pas un numéro de TVA "
    "intracommunautaire français valide (FR, une clé de deux caractères, puis le SIREN ; CGI "
    "art. 286 ter) : recopiez-le depuis votre avis de situation ou un acte des impôts, ou "
    "retirez la clé."
)
CABINET_SIRET_INVALIDE = (
    "config.toml : [cabinet] siret = « {saisie} » n'est pas un SIRET valide (14 chiffres, "
    "clé de Luhn du SIREN et du SIRET) : une facture ne peut pas le porter."
)

# --- What is typed -----------------------------------------------------------------------
SIRET_FORME = "SIRET refusé : « {saisie} » ; un SIRET compte 14 chiffres (SIREN puis NIC)."
SIRET_CLE = (
    "SIRET refusé : « {saisie} » ne passe pas la clé de Luhn (du SIREN ou du SIRET entier) : "
    "une erreur de frappe ? Vérifiez-le sur l'avis de situation INSEE ou annuaire-entreprises.data.gouv.fr."
)
PAYEUR_INCONNU = "payeur inconnu : « {saisie} ». Payeurs possibles : {possibles}."
MODE_PAIEMENT_INCONNU = "mode de paiement inconnu : « {saisie} ». Modes possibles : {possibles}."
MONTANT_NON_POSITIF = (
    "montant refusé : « {saisie} » — un montant facturé ou payé est strictement positif "
    "(une facture s'annule par un avoir : « bilan avoir NUMERO »)."
)
FACTURE_NUMERO_MALFORME = (
    "numéro de facture mal formé : « {saisie} ». Forme attendue : FAAAA-NNNN (ex. F2026-0001)."
)
FACTURE_INCONNUE = "aucune facture ni aucun avoir ne porte le numéro {numero} (voir « bilan factures »)."
QUOI_FACTURE = "la facture (sa date est celle de son émission)"
QUOI_PAIEMENT = "le paiement"

# --- Issuing -----------------------------------------------------------------------------
FACTURE_SANS_ENTRETIEN = (
    "facture refusée : aucun entretien n'est enregistré pour le bilan {id} ; on facture une "
    "prestation commencée."
)
FACTURE_AVANT_ENTRETIEN = (
    "facture refusée : le {date} précède le premier entretien du bilan {id} (le {premier})."
)
FACTURE_AVANT_DERNIERE = (
    "date refusée : le {date} précède la dernière facture ou le dernier avoir émis (le {derniere}) ; "
    "la numérotation est chronologique et continue ({source})."
)
FACTURE_SANS_TARIF = (
    "facture refusée : le bilan {id} n'a pas de tarif ; renseignez-le (« bilan set {id} tarif "
    "1800 ») ou précisez --montant."
)
FACTURE_DEJA_FACTUREE = (
    "facture refusée : le bilan {id} est déjà entièrement facturé ({deja} HT sur {du} HT dus). "
    "Pour corriger une facture, annulez-la par un avoir (« bilan avoir NUMERO »)."
)
FACTURE_AU_DELA_DU_TARIF = (
    "facture refusée : {montant} HT porterait les factures du bilan {id} au-delà de son tarif "
    "({tarif} HT, dont {deja} déjà facturés) ; reste à facturer : {reste} HT."
)
FACTURE_ABANDON_SANS_MONTANT = (
    "facture refusée : le bilan {id} est abandonné et ses heures prévues ne sont pas "
    "renseignées, le service fait ne peut être calculé au prorata ; précisez --montant."
)
FACTURE_SANS_DESTINATAIRE = (
    "facture refusée : aucun destinataire connu pour le payeur « {payeur} » du bilan {id} ; "
    "précisez --destinataire (et --adresse)."
)
FACTURE_SANS_ADRESSE = (
    "facture refusée : une facture à un acheteur professionnel ({payeur}) porte son adresse "
    "(CGI art. 242 nonies A de l'annexe II) ; précisez --adresse, ou inscrivez-le une fois pour "
    "toutes : « bilan organisme add NOM --adresse TEXTE »."
)
FACTURE_SANS_ADRESSE_CLIENT = (
    "facture refusée : une facture porte le nom et l'adresse du client, ici {nom} (CGI art. 242 "
    "nonies A de l'annexe II) ; précisez --adresse (pour le bénéficiaire, « bilan set ID adresse "
    "TEXTE » la garde ; pour un organisme, « bilan organisme add »)."
)

# --- Credit notes and payments -----------------------------------------------------------
AVOIR_D_UN_AVOIR = (
    "avoir refusé : {numero} est lui-même un avoir (il annule la facture {facture}) ; "
    "on n'annule pas un avoir."
)
AVOIR_AU_DELA_DE_LA_FACTURE = (
    "avoir refusé : {montant} HT de plus dépasserait la facture {numero} ({ht} HT, dont {deja} "
    "déjà repris par avoir) ; un avoir peut en retirer au plus {reste} HT."
)
FACTURE_DEJA_ANNULEE = "avoir refusé : la facture {numero} est déjà annulée par l'avoir {avoir}."
AVOIR_AVANT_FACTURE = (
    "avoir refusé : le {date} précède la facture {numero} qu'il annule (émise le {facture})."
)
PAIEMENT_D_UN_AVOIR = "paiement refusé : {numero} est un avoir, il n'y a rien à y payer."
PAIEMENT_FACTURE_ANNULEE = (
    "paiement refusé : la facture {numero} est annulée par l'avoir {avoir} ; plus rien n'y est dû."
)
PAIEMENT_AVANT_FACTURE = (
    "paiement refusé : le {date} précède la facture {numero} (émise le {facture})."
)
PAIEMENT_TROP_ELEVE = (
    "paiement refusé : {montant} dépasse ce qui reste dû sur la facture {numero} "
    "({reste} sur {ttc} TTC)."
)

# --- Certificat de réalisation -----------------------------------------------------------
CERTIFICAT_SANS_ENTRETIEN = (
    "certificat refusé : aucun entretien n'est enregistré pour le bilan {id} ; le certificat "
    "atteste des heures réalisées."
)

# --- Réclamations ------------------------------------------------------------------------
ORIGINE_INCONNUE = "origine inconnue : « {saisie} ». Origines possibles : {possibles}."
CANAL_INCONNU = "canal inconnu : « {saisie} ». Canaux possibles : {possibles}."
RECLAMATION_NUMERO_MALFORME = (
    "numéro de réclamation mal formé : « {saisie} ». Forme attendue : RAAAA-NNN (ex. R2026-001)."
)
RECLAMATION_INCONNUE = (
    "aucune réclamation ne porte le numéro {numero} (voir « bilan reclamation list »)."
)
RECLAMATION_TEXTE_VIDE = "{quoi} ne peut pas être vide : le registre garde ce qui a été dit."
RECLAMATION_AVANT_OUVERTURE = (
    "réclamation refusée : le {date} précède l'ouverture du bilan {id} (le {ouverture})."
)
RECLAMATION_DEJA_REPONDUE = (
    "réponse refusée : la réclamation {numero} a déjà reçu sa réponse le {date} ; le registre "
    "ne se réécrit pas (Qualiopi indicateur 31)."
)
RECLAMATION_AVANT_RECEPTION = (
    "date refusée : le {date} précède la réception de la réclamation {numero} (le {recue})."
)
RECLAMATION_SANS_REPONSE = (
    "clôture refusée : la réclamation {numero} n'a pas encore reçu de réponse "
    "(« bilan reclamation answer {numero} … », Qualiopi indicateur 31)."
)
RECLAMATION_DEJA_CLOSE = "la réclamation {numero} est déjà close (le {date})."
RECLAMATION_CLOSE_AVANT_REPONSE = (
    "clôture refusée : le {date} précède la réponse à la réclamation {numero} (le {repondue})."
)
QUOI_RECLAMATION = "la réception de la réclamation"
QUOI_REPONSE_RECLAMATION = "la réponse à la réclamation"
QUOI_CLOTURE_RECLAMATION = "la clôture de la réclamation"

# --- Purge ---------------------------------------------------------------------------------
PURGE_ARCHIVES_DISQUE_PLEIN = (
    "le disque est plein : la purge s'est arrêtée. {faits} bilan(s) ont été entièrement purgés "
    "(R6313-7) et le restent ; des factures échues, {fichiers} fichier(s) ont déjà été détruits "
    "sans que la base ait pu le noter (la prochaine purge le notera), et les factures, paiements "
    "et textes de réclamations échus sont encore là. Libérez de la place, puis relancez "
    "« bilan purge » pour terminer (Code de commerce L123-22)."
)
