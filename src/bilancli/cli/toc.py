"""The table of contents of `bilan`: each command, where it lives, and its line of help.

Free of Typer: `bilan --help` is written from this table alone, by `root_help`, for the
fast path and for Typer alike (importing Typer to list commands cost as much as the
help itself; see README, Performance). Each line is also the command's own help.
"""

from __future__ import annotations

ROOT_HELP = (
    "bilan : les bilans de compétences d'un cabinet, du consentement à la destruction "
    "des documents (Code du travail L6313-4, R6313-4 à R6313-8)."
)
HOME_METAVAR = "DOSSIER"
HOME_HELP = "Dossier des données (défaut : BILAN_HOME, sinon le dossier de l'utilisateur)."

# name → (module, attribute: a Typer group or a command function, its line of help), in the
# order of a bilan's life, which is the order of `bilan --help`.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "new": ("bilancli.cli.bilans", "new",
            "Ouvre un bilan en phase préliminaire et affiche son identifiant."),
    "list": ("bilancli.cli.bilans", "list_", "Liste les bilans, du plus récent au plus ancien."),
    "show": ("bilancli.cli.bilans", "show", "Affiche tout le dossier d'un bilan."),
    "set": ("bilancli.cli.bilans", "set_", "Renseigne un champ de contenu ou administratif."),
    "consent": ("bilancli.cli.bilans", "consent",
                "Enregistre (ou retire) un consentement du bénéficiaire."),
    "convention": ("bilancli.cli.convention", "app",
                   "La convention tripartite (R6313-8) : transmission, signature dans les dix "
                   "jours, rendu."),
    "entretien": ("bilancli.cli.entretiens", "app",
                  "Les entretiens d'un bilan : date, durée, modalité, dans la limite de 24 heures "
                  "(L6313-4)."),
    "phase": ("bilancli.cli.phases", "app",
              "Les trois phases du bilan (R6313-4) et les conditions pour passer de l'une à "
              "l'autre."),
    "abandon": ("bilancli.cli.phases", "abandon",
                "Clôt un bilan en cours comme abandonné ; sa date de fin est enregistrée."),
    "doc": ("bilancli.cli.documents", "app",
            "Les documents du bilan (tests, CV, notes) conservés dans le dossier, détruits avec "
            "lui (R6313-7)."),
    "synthese": ("bilancli.cli.render", "synthese_app",
                 "Le document de synthèse remis au bénéficiaire, qui lui appartient "
                 "(L6313-4 al. 3)."),
    "emargement": ("bilancli.cli.render", "emargement_app",
                   "La feuille d'émargement des entretiens, preuve de réalisation demandée par "
                   "les financeurs."),
    "suivi": ("bilancli.cli.followup", "suivi",
              "Enregistre l'entretien de suivi, après la fin du bilan (R6313-4 3° c)."),
    "satisfaction": ("bilancli.cli.followup", "satisfaction",
                     "Enregistre un questionnaire de satisfaction (Qualiopi indicateur 30)."),
    "edof": ("bilancli.cli.followup", "edof",
             "Enregistre la déclaration d'entrée ou de sortie sur EDOF (bilans financés par le "
             "CPF)."),
    "agenda": ("bilancli.cli.agenda", "agenda",
               "Ce qui arrive à échéance ou est en retard : conventions, EDOF, suivis, "
               "questionnaires, purges."),
    "stats": ("bilancli.cli.agenda", "stats",
              "Les chiffres de l'année : Qualiopi (indicateur 2) et bilan pédagogique et "
              "financier."),
    "purge": ("bilancli.cli.purge", "purge",
              "Détruit ce que l'article R6313-7 impose de détruire et anonymise les dossiers "
              "échus."),
}

# Command settings, by name. A value may start with a dash ("- premier point", "-2"): for
# `set` it is a value, not an option.
SETTINGS = {"set": {"context_settings": {"ignore_unknown_options": True}}}


def help_width() -> int:
    """The width of a help page, as Click computes it: the terminal's, at most 78, at least 50."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def root_help(width: int) -> str:
    """The page of `bilan --help`, laid out as Click lays out every other help page: a usage
    line, the description indented by two, then two-column sections whose first column is at
    most 30 wide (a longer name puts its text on the next line)."""
    from textwrap import fill

    from bilancli import messages as msg

    prefix = f"{msg.USAGE}bilan "
    parts = [fill("[OPTIONS] COMMANDE [ARGS]...", width, initial_indent=prefix,
                  subsequent_indent=" " * len(prefix)), ""]
    parts.append(fill(ROOT_HELP, width, initial_indent="  ", subsequent_indent="  "))
    for title, rows in (
        (msg.SECTION_OPTIONS, [(f"--home {HOME_METAVAR}", HOME_HELP), ("--help", msg.AIDE_OPTION_HELP)]),
        (msg.SECTION_COMMANDES, [(name, line) for name, (_, _, line) in COMMANDS.items()]),
    ):
        parts += ["", f"{title} :"]
        first = min(max(len(name) for name, _ in rows), 30) + 2
        for name, text in rows:
            lines = fill(text, max(width - first - 2, 10)).splitlines()
            if len(name) <= first - 2:
                parts.append(f"  {name.ljust(first)}{lines[0]}")
            else:
                parts += [f"  {name}", " " * (first + 2) + lines[0]]
            parts += [" " * (first + 2) + line for line in lines[1:]]
    return "\n".join(parts)
