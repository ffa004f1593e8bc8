"""What `bilan rdv list` returns (its JSON, SPEC §9) and how it is drawn for a person; the
same JSON is the `rdv` key of `bilan show --json`."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Table, draw, screenful
from bilancli.core.dates import (
    check_range,
    format_date,
    format_day_long,
    format_minutes,
    format_time,
    parse_date,
)
from bilancli.core.formats import full_name
from bilancli.store.semaine import rdv as rdv_store


def rdv_json(rdv) -> dict:
    """One rendez-vous: start and end in local wall time `AAAA-MM-JJTHH:MM`."""
    return {"bilan": rdv.bilan_id, "numero": rdv.numero,
            "debut": rdv.debut.isoformat(timespec="minutes"),
            "fin": rdv.fin.isoformat(timespec="minutes"), "duree_minutes": rdv.minutes,
            "modalite": rdv.modalite, "lieu": rdv.lieu, "lien": rdv.lien, "statut": rdv.statut}


def list_rdv(bilan_id: str | None, du: str | None, au: str | None, as_json: bool,
             everything: bool = False) -> None:
    """Without a bilan, every bilan's from today on (or in the range); with one, all of it."""

    first = parse_date(du, base.today()) if du is not None else None
    last = parse_date(au, base.today()) if au is not None else None
    check_range(first, last)
    if bilan_id is not None:
        bilan = base.read_bilan(bilan_id)
        rows = [r for r in bilan.rdv if _within(r.debut.date(), first, last)]
        names = None
    else:
        if first is None:
            first = base.today()
        with base.reading() as store:
            bookings = rdv_store.bookings(store.conn, first, last)
        rows = [b.rdv for b in bookings]
        names = {b.rdv.bilan_id: (b.prenom, b.nom) for b in bookings}
    if as_json:
        base.print_json([rdv_json(r) for r in rows])
        return
    _print(rows, names, bilan_id, first, last, everything)


def _within(day, first, last) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _print(rows, names, bilan_id, first, last, everything: bool = True) -> None:
    """One line per rendez-vous, the soonest first; for the week of every bilan, whom it is
    with; a screenful of them unless `everything`."""

    if not rows:
        base.say(msg.AUCUN_RDV_BILAN.format(id=bilan_id) if bilan_id else msg.AUCUN_RDV)
        return
    if bilan_id:
        title = msg.RDV_TITRE_BILAN.format(id=bilan_id)
    elif last is not None:
        title = msg.RDV_TITRE_PERIODE.format(du=format_date(first), au=format_date(last))
    else:
        title = msg.RDV_TITRE_DEPUIS.format(du=format_date(first))
    headers = ["N°", "Jour", "Heure", "Durée", "Modalité", "Lieu ou lien", "Statut"]
    if names is not None:
        headers[1:1] = ["Bilan", "Bénéficiaire"]
    table_rows = []
    for r in rows:
        cells = [str(r.numero), format_day_long(r.debut.date()),
                 f"{format_time(r.debut)}–{format_time(r.fin)}", format_minutes(r.minutes),
                 msg.MODALITE_LABELS.get(r.modalite, r.modalite), r.lien or r.lieu or "",
                 msg.RDV_STATUT_LABELS.get(r.statut, r.statut)]
        if names is not None:
            cells[1:1] = [r.bilan_id, full_name(*names[r.bilan_id])[:30]]
        table_rows.append(cells)
    # In 80 columns: the duration (the hours say it), the modality, the place.
    optional = (3, 4, 5) if names is None else (5, 6, 7)
    table = Table(title, tuple(headers), table_rows, right=(0,),
                  styles=["dim" if r.statut == "annule" else "" for r in rows], optional=optional)
    statuts = [msg.RDV_STATUT_LABELS.get(r.statut, r.statut) for r in rows]
    draw(*screenful(table, statuts, everything, msg.RDV_RESUME.format(nombre=len(rows)), "Statut"))
