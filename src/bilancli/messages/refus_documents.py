"""Refusals about files and documents: stored files, renderings and their templates, -o."""

CONVENTION_NON_REQUISE = (
    "pas de convention pour le bilan {id} : le financement « {financement} » n'en demande pas "
    "(R6313-8 : seulement plan de développement des compétences ou congé de reclassement)."
)
CONVENTION_FINANCEMENT_ABSENT = (
    "pas de convention pour le bilan {id} : son financement n'est pas renseigné ({source} : "
    "une convention n'est due que pour le plan de développement des compétences ou le congé de "
    "reclassement). Renseignez-le avec « bilan set {id} financement … »."
)
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
SORTIE_PAS_UN_FICHIER = (
    "{fichier} n'est pas un fichier ordinaire (périphérique, tube, socket ou fichier du "
    "système comme /proc) : bilan n'écrit que dans un fichier ordinaire et l'a laissé tel "
    "quel. Donnez le nom d'un fichier, ou « -o - » pour la sortie standard."
)
SORTIE_DANS_LES_DONNEES = (
    "{fichier} est dans le dossier des données ({dossier}) : seul son sous-dossier documents/ "
    "peut recevoir un fichier, pour ne jamais écraser la base, config.toml ou les modèles. "
    "Choisissez un autre chemin."
)
DOSSIER_SORTIE_ABSENT = "le dossier de {fichier} n'existe pas : créez-le ou choisissez un autre chemin."
ECRITURE_IMPOSSIBLE = "impossible d'écrire {fichier} ({raison}) : rien n'a été écrit."
PURGE_PENDANT_ECRITURE = (
    "une purge est passée sur le bilan {id} pendant l'écriture de {fichier} : le fichier a été "
    "détruit aussitôt écrit, comme la purge le voulait (R6313-7).")
PURGE_PENDANT_ECRITURE_FACTURE = (
    "une purge est passée sur la facture {numero} pendant l'écriture de {fichier} : le fichier a "
    "été détruit aussitôt écrit.")
DOSSIER_CHANGE_PENDANT = (
    "le dossier du bilan {id} a changé pendant la préparation du fichier (une purge, peut-être) : "
    "rien n'a été écrit ; relancez la commande.")
SORTIE_TERMINAL = (
    "le document n° {doc} n'est pas affiché dans le terminal : précisez « -o FICHIER » "
    "(ou « -o - » pour la sortie standard)."
)
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
    "« pip install '.[pdf]' » depuis le dossier du projet (ou « pipx inject bilancli "
    "weasyprint »), "
    "ou produisez une page imprimable avec « --format html »."
)
PDF_ECHEC = "la conversion en PDF a échoué ({detail}) ; « --format html » reste possible."
SYNTHESE_CONTENU_DETRUIT = (
    "le contenu du bilan {id} a été détruit le {date} ({source}) : la synthèse ne peut plus être produite."
)
DISQUE_PLEIN_FICHIER = (
    "le disque est plein : {fichier} n'a pas pu être écrit, et rien n'en reste sur le disque. "
    "Libérez de la place, puis relancez la commande."
)
FICHIER_SANS_PLACE = (
    "{fichier} n'a pas pu être écrit : {cause}. Rien n'en reste sur le disque. Libérez de la "
    "place ou relevez la limite, puis relancez la commande."
)
MODELE_RECURSIF = (
    "modèle {fichier} : il s'inclut lui-même (directement ou par un autre modèle), sans fin : "
    "vérifiez ses {{% include %}} et {{% extends %}}."
)
SORTIE_VIDE = "-o attend un nom de fichier (ou « - » pour la sortie standard) : il est vide."
FACTURX_INDISPONIBLE = (
    "le format Factur-X demande la bibliothèque factur-x, qui n'est pas installée. Installez-la "
    "avec « pip install 'bilancli[pdf]' » (ou « pipx inject bilancli factur-x »), ou produisez "
    "le PDF seul avec « --format pdf »."
)
FACTURX_AVOIR_SANS_FACTURE = (
    "l'avoir {numero} annule la facture {facture}, qui n'est plus dans le registre (détruite "
    "au terme de sa conservation, Code de commerce L123-22) : un avoir Factur-X doit renvoyer "
    "à la facture qu'il corrige (EN 16931, BG-3). « --format pdf » reste possible."
)
