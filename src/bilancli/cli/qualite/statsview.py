"""What `bilan stats` shows a person: what an auditor and the BPF form ask for."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Fields, Line, Table, draw
from bilancli.core.choices import parse_choice
from bilancli.core.dates import parse_year
from bilancli.core.formats import format_decimal as num
from bilancli.core.formats import format_euros
from bilancli.core.formats import format_percent as pct
from bilancli.core.qualite import bpf
from bilancli.core.qualite.qualiopi import publication_year
from bilancli.core.qualite.stats import UNSET, year_figures
from bilancli.render import quality, templates
from bilancli.store import files
from bilancli.store.facturation import ledger
from bilancli.store.snapshots import (
    held_at_a_distance_in,
    load_summaries,
    minutes_held_in,
    year_scope,
)


def _label(key: str, labels: dict[str, str]) -> str:
    return msg.NON_RENSEIGNE if key == UNSET else labels.get(key, key)


def print_figures(f: dict) -> None:
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
        ("Entretiens de suivi à six mois dus", str(f["suivi"]["dus"])),
        ("  réalisés", f"{f['suivi']['realises']} ({pct(f['suivi']['taux_realisation'])}) — Qualiopi indicateur 2"),
        ("  proposés, non réalisés", str(f["suivi"]["non_realises"])),
        # Two money figures, each named by what it counts (SPEC §7).
        (msg.STATS_TARIFS, euros(f["chiffre_affaires"])),
        (msg.STATS_FACTURE, euros(sum(f["bpf"][code] for code in bpf.PRODUCT_LINES))),
    ])
    statuts = Table("Stagiaires et heures par statut", ("Statut", "Bénéficiaires", "Heures"), [
        (_label(key, msg.STATUT_LABELS), str(v["beneficiaires"]), num(v["heures"]))
        for key, v in f["par_statut"].items()], right=(1, 2))
    funding = Table(msg.STATS_PAR_FINANCEMENT, ("Financement", "Bilans", msg.STATS_TARIFS_COLONNE), [
        (_label(key, msg.FINANCEMENT_LABELS), str(v["bilans"]), euros(v["chiffre_affaires"]))
        for key, v in f["par_financement"].items()], right=(1, 2))
    draw(main, *_bpf_blocks(f), statuts, funding, _complaints_block(f["reclamations"]))


def _bpf_blocks(f: dict) -> list:
    """The BPF as the Cerfa lays it out, frame C then frame F, code by code."""

    lines = f["bpf"]
    products = [(code, msg.BPF_CADRE_C[code], format_euros(round(lines[code] * 100)))
                for code in bpf.PRODUCT_LINES]
    total = round(sum(lines[code] for code in bpf.PRODUCT_LINES) * 100)
    products.append(("", msg.BPF_TOTAL_C, format_euros(total)))
    trainees = [(code, msg.BPF_CADRE_F[code], str(lines[code]["stagiaires"]), num(lines[code]["heures"]))
                for code in bpf.TRAINEE_LINES + (bpf.BILANS_LINE,)]
    trainees.append(("", msg.BPF_DISTANCE, str(lines[bpf.DISTANCE_LINE]["stagiaires"]), ""))
    blocks = [Table(msg.BPF_TITRE_C, ("Ligne", "Origine des produits", "Montant HT"), products,
                    right=(2,)),
              Table(msg.BPF_TITRE_F, ("Ligne", "Stagiaires", "Nombre", "Heures"), trainees,
                    right=(2, 3))]
    unset = f["par_statut"].get(UNSET, {}).get("beneficiaires", 0)
    if unset:
        blocks.append(Line(msg.BPF_NON_RENSEIGNE.format(nombre=unset)))
    return blocks


def _complaints_block(counts: dict):
    return Fields(msg.RECLAMATIONS_STATS, [
        ("Reçues", str(counts["recues"])), ("Closes", str(counts["closes"])),
        ("Délai moyen jusqu'à la clôture (jours)", num(counts["delai_moyen_jours"], 1)),
    ])


def show_stats(annee: str | None, as_json: bool) -> None:
    """`bilan stats`."""

    today = base.today()
    figures = _figures(parse_year(annee) if annee is not None else today.year, today)
    if as_json:
        base.print_json(figures)
    else:
        print_figures(figures)


def publish_stats(annee: str | None, format_text: str, output: str | None) -> None:
    """`bilan stats --format md|html [-o FICHIER|-]`: the indicator 2 figures as a page to
    publish (SPEC §7); no name, no content, so nothing for the purge to record."""
    import sys
    from pathlib import Path


    home, today = base.home(), base.today()
    year = publication_year(annee, today)
    fmt = parse_choice(format_text, ("md", "html"), msg.FORMAT_STATS_INCONNU)
    chosen = base.output_option(output)
    target = chosen if isinstance(chosen, Path) else None
    if target is not None:
        files.check_output_path(target, home)
    config = base.config()
    text = templates.render(home, f"chiffres.{fmt}.j2", fmt,
                            quality.figures_view(_figures(year, today), config.cabinet, today))
    data = text.encode("utf-8")
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    files.write(files.prepare(target, data, home), data)
    base.say(msg.STATS_PAGE_ECRITE.format(annee=year, chemin=target))


def _figures(year: int, today) -> dict:
    with base.reading() as store:
        summaries = load_summaries(store.conn, year_scope(year))
        minutes = minutes_held_in(store.conn, year)
        remote = held_at_a_distance_in(store.conn, year)
        invoices = ledger.load_invoices(store.conn, year)
        complaints = ledger.load_complaints(store.conn, year)
    return year_figures(summaries, year, minutes, today, invoices, complaints, remote)
