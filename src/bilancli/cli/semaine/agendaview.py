"""What `bilan agenda` computes and prints (SPEC §6); `bilan calendrier --echeances` reads
the same items."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Line, Table, draw, screenful
from bilancli.core.conservation import retention
from bilancli.core.dates import (
    check_range,
    format_date,
    format_minutes,
    format_time,
    iso,
    parse_date,
)
from bilancli.core.formats import full_name
from bilancli.core.qualite.satisfaction import reminders_from
from bilancli.core.semaine.agenda import agenda, recovery_item, register_items, within
from bilancli.core.workdays import WorkCalendar
from bilancli.store.cles import trousseau
from bilancli.store.facturation import ledger
from bilancli.store.semaine import rdv as rdv_store
from bilancli.store.snapshots import (
    load_retention_facts,
    load_summaries,
    summary_dates,
    working_set,
)


def compute(names: bool):
    """Every item of the agenda as of today, with the summaries (nom and prénom only when
    `names`) and the rendez-vous still planned, by (bilan, numero)."""

    today = base.today()
    # Refused like `purge` and `show`: an agenda silently missing the purges a setting
    # the law forbids would hide, would mislead.
    settings = base.retention_settings()
    reminders = reminders_from(base.config().qualite)
    with base.reading() as store:
        registers = register_items(ledger.unsettled_invoices(store.conn),
                                   ledger.unanswered_complaints(store.conn), today)
        # The bilans that can still owe something, and those the registers name.
        scope = working_set(retention.anonymisation_cutoff(settings, today),
                            {i.bilan for i in registers if i.bilan})
        summaries = load_summaries(store.conn, scope, names=names, money=False)
        facts = load_retention_facts(store.conn, summary_dates(summaries))
        planned = rdv_store.planned_by_bilan(store.conn)
        registers += recovery_item(_stale_recovery(store.conn), today)
    purge_dues = retention.purge_dues(facts, settings, today)
    items = agenda(summaries, today, WorkCalendar(), purge_dues, planned,
                   registers, reminders)
    rdv = {(r.bilan_id, r.numero): r for found in planned.values() for r in found}
    return items, {s.id: s for s in summaries}, rdv


def _stale_recovery(conn):
    """The day the last recovery file went stale (`chiffrement`), read without any key."""
    current = trousseau.state(conn)
    day = current.secours_perime_le if current is not None else None
    return parse_date(day, base.today()) if day else None


HORIZON_DAYS = 30   # a person sees what is overdue and the next month (SPEC §13)


def show_agenda(as_json: bool, du: str | None = None, au: str | None = None,
                everything: bool = False) -> None:
    """`bilan agenda [--du D] [--au D] [--tout]`."""
    from datetime import timedelta


    first = parse_date(du, base.today()) if du is not None else None
    last = parse_date(au, base.today()) if au is not None else None
    check_range(first, last)
    items, by_id, rdv = compute(names=not as_json)
    if as_json:   # everything asked for, horizon or not
        base.print_json([_json(i, iso) for i in within(items, first, last)])
        return
    today = base.today()
    horizon = None
    if last is None:
        horizon = last = max(first or today, today) + timedelta(days=HORIZON_DAYS)
    later = len(within(items, first, None)) if horizon else 0
    items = within(items, first, last)
    _print_agenda(items, by_id, rdv, today, everything, horizon, later and later - len(items))


def _json(item, iso) -> dict:
    view = {"bilan": item.bilan, "date": iso(item.date), "quoi": item.quoi,
            "source": item.source, "en_retard": item.en_retard}
    if item.quoi == "rdv":
        view.update(heure=item.heure, numero=item.numero)
    elif item.numero is not None:   # an invoice's or a réclamation's number
        view["numero"] = item.numero
    if item.etape is not None:
        view["etape"] = item.etape
    return view


def what_to_do(item, rdv) -> str:
    """The agenda's words for an item; a rendez-vous says when, or asks what became of it."""

    if item.quoi == "convention" and item.en_retard:   # silence past the ten days: refused
        return msg.A_FAIRE_CONVENTION_EXPIREE
    if item.etape in ("relance", "cloture"):
        return msg.A_FAIRE_QUESTIONNAIRE[item.etape].format(quoi=msg.A_FAIRE[item.quoi])
    if item.quoi != "rdv":
        return msg.A_FAIRE[item.quoi].format(numero=item.numero)
    r = rdv[item.bilan, item.numero]
    if item.en_retard:
        return msg.RDV_A_CONFIRMER.format(numero=r.numero)
    return msg.RDV_A_VENIR.format(numero=r.numero, heure=format_time(r.debut),
                                  duree=format_minutes(r.minutes),
                                  modalite=msg.MODALITE_LABELS[r.modalite].lower())


def _print_agenda(items, by_id, rdv, today, everything: bool = True, horizon=None,
                  later: int = 0) -> None:
    """One line per obligation, overdue ones in red; a screenful of them unless
    `everything`; how many fall due after the `horizon` the person did not choose."""

    beyond = Line(msg.AGENDA_HORIZON.format(date=format_date(horizon), nombre=later), "dim") \
        if later else None
    if not items:
        base.say(msg.AGENDA_VIDE)
        if beyond:
            draw(beyond)
        return

    def row(item):
        # A réclamation may concern no bilan; an old unpaid invoice, a bilan the agenda no
        # longer reads (its record anonymised): no name to show then.
        s = by_id.get(item.bilan)
        # « ! » beside an overdue day: seen without colour too (NO_COLOR, 80 columns).
        day = f"{format_date(item.date)} !" if item.en_retard else format_date(item.date)
        return (day, item.bilan or "—", full_name(s.prenom, s.nom)[:30] if s else "",
                what_to_do(item, rdv), item.source, msg.EN_RETARD if item.en_retard else "")

    # Made as they are shown: thousands of items, a screenful of lines.
    rows = map(row, items)
    table = Table(msg.AGENDA_TITRE.format(date=format_date(today)),
                  ("Échéance", "Bilan", "Bénéficiaire", "À faire", "Source", ""), rows,
                  styles=["bold red" if item.en_retard else "" for item in items],
                  # In 80 columns, the source and the word: the « ! », the red and the count
                  # above say what is overdue.
                  optional=(4, 5))
    late = sum(1 for item in items if item.en_retard)
    # Sorted by date, the overdue first: the most urgent lead the screenful.
    draw(*screenful(table, [msg.AGENDA_SORTES[item.quoi] for item in items], everything,
                    msg.AGENDA_RESUME.format(nombre=len(items), retard=late), "Sorte"), beyond)
