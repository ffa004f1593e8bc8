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
