"""The rich rendering of `bilan stats`: what an auditor and the BPF form ask for."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.core.fields import FINANCEMENT_LABELS, STATUT_LABELS
from bilancli.core.stats import UNSET


def _num(value, digits: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")
    return text.rstrip("0").rstrip(",") if "," in text else text


def _pct(rate) -> str:
    return "—" if rate is None else _num(rate * 100, 1) + " %"


def _label(key: str, labels: dict[str, str]) -> str:
    return msg.NON_RENSEIGNE if key == UNSET else labels.get(key, key)


def print_figures(f: dict) -> None:
    from rich.table import Table

    out = base.console()
    main = Table(show_header=False, box=None, title=msg.STATS_TITRE.format(annee=f["annee"]),
                 title_justify="left")
    main.add_column(style="bold")
    main.add_column(justify="right")
    fin, suivi = f["satisfaction"]["fin"], f["satisfaction"]["suivi"]
    for label, value in (
        ("Bilans ouverts", str(f["ouverts"])),
        ("Bilans terminés", str(f["termines"])),
        ("Bilans abandonnés", str(f["abandonnes"])),
        ("Taux d'achèvement", _pct(f["taux_achevement"])),
        ("Heures réalisées", _num(f["heures"])),
        ("Satisfaction en fin de bilan (sur 5)", _num(fin["moyenne"])),
        ("  taux de réponse", f"{_pct(fin['taux_reponse'])} ({fin['reponses']}/{fin['interroges']})"),
        ("Satisfaction à six mois (sur 5)", _num(suivi["moyenne"])),
        ("  taux de réponse", f"{_pct(suivi['taux_reponse'])} ({suivi['reponses']}/{suivi['interroges']})"),
        ("Chiffre d'affaires (€ HT)", _num(f["chiffre_affaires"])),
    ):
        main.add_row(label, value)
    out.print(main)

    statuts = Table("Statut", "Bénéficiaires", "Heures", box=None,
                    title="BPF — stagiaires et heures par statut", title_justify="left")
    for key, v in f["par_statut"].items():
        statuts.add_row(_label(key, STATUT_LABELS), str(v["beneficiaires"]), _num(v["heures"]))
    out.print(statuts)

    funding = Table("Financement", "Bilans", "Chiffre d'affaires (€ HT)", box=None,
                    title="BPF — bilans (ligne F-3 e) et produits par financement", title_justify="left")
    for key, v in f["par_financement"].items():
        funding.add_row(_label(key, FINANCEMENT_LABELS), str(v["bilans"]), _num(v["chiffre_affaires"]))
    out.print(funding)


def show_stats(annee: str | None, as_json: bool) -> None:
    """`bilan stats`."""
    from bilancli.core.dates import parse_year
    from bilancli.core.stats import year_figures
    from bilancli.store.snapshots import load_summaries, minutes_held_in, year_scope

    today = base.today()
    year = parse_year(annee) if annee is not None else today.year
    with base.open_store(create=False) as store:
        summaries = load_summaries(store.conn, year_scope(year))
        minutes = minutes_held_in(store.conn, year)
    figures = year_figures(summaries, year, minutes, today)
    if as_json:
        base.print_json(figures)
    else:
        print_figures(figures)
