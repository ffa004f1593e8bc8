"""What `bilan stats` shows a person: what an auditor and the BPF form ask for."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.core.stats import UNSET


def _label(key: str, labels: dict[str, str]) -> str:
    return msg.NON_RENSEIGNE if key == UNSET else labels.get(key, key)


def print_figures(f: dict) -> None:
    from bilancli.cli.display import Fields, Table, draw
    from bilancli.core.formats import format_decimal as num
    from bilancli.core.formats import format_euros
    from bilancli.core.formats import format_percent as pct

    def euros(value: float) -> str:
        return format_euros(round(value * 100))

    fin, suivi = f["satisfaction"]["fin"], f["satisfaction"]["suivi"]
    main = Fields(msg.STATS_TITRE.format(annee=f["annee"]), [
        ("Bilans ouverts", str(f["ouverts"])),
        ("Bilans terminés", str(f["termines"])),
        ("Bilans abandonnés", str(f["abandonnes"])),
        ("Taux d'achèvement", pct(f["taux_achevement"])),
        ("Heures réalisées", num(f["heures"])),
        ("Satisfaction en fin de bilan (sur 5)", num(fin["moyenne"])),
        ("  taux de réponse", f"{pct(fin['taux_reponse'])} ({fin['reponses']}/{fin['interroges']})"),
        ("Satisfaction à six mois (sur 5)", num(suivi["moyenne"])),
        ("  taux de réponse", f"{pct(suivi['taux_reponse'])} ({suivi['reponses']}/{suivi['interroges']})"),
        ("Chiffre d'affaires HT", euros(f["chiffre_affaires"])),
    ])
    statuts = Table("BPF — stagiaires et heures par statut", ("Statut", "Bénéficiaires", "Heures"), [
        (_label(key, msg.STATUT_LABELS), str(v["beneficiaires"]), num(v["heures"]))
        for key, v in f["par_statut"].items()], right=(1, 2))
    funding = Table("BPF — bilans (ligne F-3 e) et produits par financement",
                    ("Financement", "Bilans", "Chiffre d'affaires HT"), [
        (_label(key, msg.FINANCEMENT_LABELS), str(v["bilans"]), euros(v["chiffre_affaires"]))
        for key, v in f["par_financement"].items()], right=(1, 2))
    draw(main, statuts, funding)


def show_stats(annee: str | None, as_json: bool) -> None:
    """`bilan stats`."""
    from bilancli.core.dates import parse_year
    from bilancli.core.stats import year_figures
    from bilancli.store.snapshots import load_summaries, minutes_held_in, year_scope

    today = base.today()
    year = parse_year(annee) if annee is not None else today.year
    with base.reading() as store:
        summaries = load_summaries(store.conn, year_scope(year))
        minutes = minutes_held_in(store.conn, year)
    figures = year_figures(summaries, year, minutes, today)
    if as_json:
        base.print_json(figures)
    else:
        print_figures(figures)
