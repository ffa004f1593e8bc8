"""Refusals of the retention and its purge, deletions and backups (SPEC §5, §12)."""

PURGE_INTERROMPUE = (
    "purge interrompue : ce qui a déjà été détruit l'est définitivement, le reste attend. "
    "Relancez « bilan purge » pour terminer (R6313-7)."
)
PERIODE_ILLISIBLE = (
    "config.toml : [conservation] {cle} illisible : « {saisie} ». "
    "Exemples : 1 an, 2 ans, 18 mois."
)
PERIODE_TROP_LONGUE = (
    "config.toml : [conservation] duree = « {saisie} » dépasse la durée maximale "
    "de conservation, {maximum} ({source})."
)
ADMINISTRATIF_TROP_COURT = (
    "config.toml : [conservation] administratif = « {saisie} » est plus court que "
    "[conservation] duree = « {duree} » : le dossier serait anonymisé avant la "
    "destruction des documents (R6313-7)."
)
PURGE_SANS_TERMINAL = (
    "la purge détruit définitivement des données : confirmez avec --yes "
    "(indispensable sans terminal, par exemple dans une tâche cron)."
)
PURGE_ABANDONNEE = "Purge abandonnée : rien n'a été modifié."
PURGE_INCOMPLETE = "{nombre} fichier(s) n'ont pas pu être détruits : relancez bilan purge après correction."
ADMINISTRATIF_TROP_LONG = (
    "config.toml : [conservation] administratif = « {saisie} » dépasse 20 ans, le délai au-delà "
    "duquel aucune action ne peut plus être engagée ({source}) : garder le dossier plus longtemps "
    "ne protégerait rien."
)
PURGE_DISQUE_PLEIN = (
    "le disque est plein : la purge s'est arrêtée. {faits} bilan(s) ont été entièrement purgés "
    "et le restent ; pour le bilan suivant, {fichiers} fichier(s) ont déjà été détruits sans que "
    "la base ait pu le noter (la prochaine purge le notera). Rien d'autre n'a changé. Libérez de "
    "la place, puis relancez « bilan purge » pour terminer (R6313-7)."
)
PURGE_SANS_RECONSTRUCTION = (
    "la purge de {nombre} bilan(s) est faite et enregistrée, mais le disque est plein : la base "
    "n'a pas pu être reconstruite (VACUUM). Les pages libérées ont déjà été mises à zéro ; "
    "libérez de la place puis relancez « bilan purge » pour la reconstruire."
)
PERIODE_INVERSEE = "période refusée : le {au} (--au) précède le {du} (--du)."
SUPPRESSION_REFUSEE_CLOS = (
    "le bilan {id} ne peut pas être supprimé : {faits}. Il est {phase} : son dossier reste, "
    "et « bilan purge » en détruira le contenu puis l'anonymisera à leurs échéances (R6313-7)."
)
SUPPRESSION_REFUSEE = (
    "le bilan {id} ne peut pas être supprimé : {faits}. Ce qu'un financeur peut demander reste au "
    "dossier : clôturez-le avec « bilan abandon {id} »."
)
SUPPRESSION_SANS_TERMINAL = (
    "la suppression efface définitivement le bilan : confirmez avec --yes (indispensable sans "
    "terminal)."
)
SUPPRESSION_ABANDONNEE = "Suppression abandonnée : rien n'a été modifié."
PURGE_SAUVEGARDE_ECHEC = (
    "la sauvegarde {sauvegarde} n'a pas pu être purgée ({raison}) ; la base et les autres "
    "sauvegardes l'ont été. Elle peut garder ce que R6313-7 veut détruit : prenez une nouvelle "
    "sauvegarde (« bilan sauvegarde »), puis détruisez celle-ci."
)
SAUVEGARDE_ENDOMMAGEE = "base endommagée"
PURGE_SAUVEGARDE_INJOIGNABLE = (
    "le dossier des sauvegardes {dossier} ([sauvegarde] dossier) est injoignable (disque "
    "débranché ?) : la base a été purgée, ses sauvegardes le seront à la prochaine purge qui "
    "l'atteindra (R6313-7)."
)
SAUVEGARDE_SANS_DOSSIER = (
    "où écrire la sauvegarde ? Donnez -o DOSSIER, ou [sauvegarde] dossier dans config.toml "
    "(c'est là que « bilan purge » purgera aussi les sauvegardes)."
)
SAUVEGARDE_DOSSIER_ABSENT = "le dossier {dossier} n'existe pas (disque débranché ?) : créez-le ou choisissez-en un autre."
SAUVEGARDE_IMPOSSIBLE = "impossible d'écrire la sauvegarde dans {dossier} ({raison})."
SAUVEGARDE_PAS_UNE = "{dossier} n'est pas une sauvegarde de bilan (il y manque bilans.db)."
RESTAURE_SANS_TERMINAL = (
    "la restauration remplace la base : confirmez avec --yes (indispensable sans terminal)."
)
RESTAURE_ABANDONNEE = "Restauration abandonnée : rien n'a été modifié."
RESTAURE_FACTURES_PERDUES = (
    "restauration refusée : la base actuelle tient {nombre} facture(s) ou avoir(s) émis depuis la "
    "sauvegarde ({numeros}) ; restaurée, elle les perdrait et redonnerait leurs numéros à d'autres "
    "factures, alors que la numérotation doit rester continue, sans trou ni doublon (CGI art. 242 "
    "nonies A). Restaurez une sauvegarde plus récente ; rien n'a été modifié.")
STORE_REMPLACEE = (
    "la base a été remplacée par une restauration pendant que cette commande attendait son tour : "
    "rien n'a été écrit. Relancez la commande : elle s'appliquera à la base restaurée."
)
SAUVEGARDE_INCOMPLETE = (
    "{dossier} n'est pas une sauvegarde complète (elle ne porte pas la marque de fin : "
    "interrompue, ou d'avant cette version) : restauration refusée, rien n'a été modifié."
)
SAUVEGARDE_VIDE = (
    "{dossier} ne contient pas de base de bilans (bilans.db est vide) : restauration refusée, "
    "rien n'a été modifié."
)
SAUVEGARDE_TABLE_MANQUANTE = (
    "la base de la sauvegarde {dossier} est incomplète (il y manque : {tables}) : restauration "
    "refusée, rien n'a été modifié."
)
SAUVEGARDE_DOCUMENTS_PAS_DOSSIER = (
    "dans la sauvegarde {dossier}, documents n'est pas un dossier (un fichier ou un lien) : "
    "bilan ne lit pas à travers un lien. Restauration refusée, rien n'a été modifié."
)
SAUVEGARDE_DANS_LE_DOSSIER = (
    "la sauvegarde ne peut pas être écrite dans {dossier} : c'est le dossier des données ou "
    "l'un de ses sous-dossiers ({home}). Choisissez un dossier hors de lui (un disque externe)."
)
SAUVEGARDE_DISQUE_PLEIN = (
    "le disque de {dossier} est plein ({raison}) : la sauvegarde n'a pas pu être écrite ; ce "
    "qu'elle avait commencé d'écrire a été détruit. La base n'a pas changé. Libérez de la "
    "place, puis relancez « bilan sauvegarde »."
)
SAUVEGARDE_PARTIELLE_RESTEE = (
    "la sauvegarde n'a pas pu être écrite dans {dossier} ({raison}) et ce qu'elle avait "
    "commencé d'écrire n'a pas pu être détruit : supprimez vous-même {partielle}. La base n'a "
    "pas changé."
)
SAUVEGARDE_PLEINE = "plus de place : disque plein, quota atteint ou taille de fichier limitée"
SAUVEGARDE_LIEN = "{chemin} est un lien : bilan ne lit ni ne détruit à travers un lien ; supprimez-le"
PURGE_SAUVEGARDE_DISQUE_PLEIN = (
    "le disque de la sauvegarde {sauvegarde} est plein ({raison}) : la base a été purgée, cette "
    "sauvegarde pas encore. Elle peut garder ce que R6313-7 veut détruit : libérez de la place "
    "sur ce disque, puis relancez « bilan purge »."
)
PURGE_SAUVEGARDE_PARTIELLE = (
    "{sauvegarde} : une sauvegarde interrompue (jamais terminée) y restait ; elle a été détruite."
)
PURGE_SAUVEGARDE_PARTIELLE_PREVUE = (
    "{sauvegarde} : une sauvegarde interrompue (jamais terminée) y reste ; « bilan purge » la "
    "détruira."
)
RESTAURE_DISQUE_PLEIN = (
    "plus de place dans {dossier} (disque plein, quota atteint ou taille de fichier limitée) : la "
    "sauvegarde n'a pas pu y être préparée. Restauration abandonnée, rien n'a été modifié ; "
    "libérez de la place, puis relancez « bilan restaure »."
)
PURGE_SAUVEGARDE_AUTRE_DOSSIER = (
    "la sauvegarde {sauvegarde} est celle d'un autre dossier de données : laissée intacte. "
    "C'est la purge de ce dossier-là qui la purgera."
)
