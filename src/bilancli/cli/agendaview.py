"""What `bilan agenda` computes and prints; free of Typer, so the fast path can run it."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base


def show_agenda(as_json: bool) -> None:
    """`bilan agenda`."""
    from bilancli.core import retention
    from bilancli.core.agenda import agenda as compute
    from bilancli.core.agenda import register_items
    from bilancli.store import ledger
    from bilancli.core.dates import iso
    from bilancli.core.workdays import WorkCalendar
    from bilancli.settings import load_config
    from bilancli.store.feries import cached_source
    from bilancli.store.snapshots import (
        MAY_STILL_OWE, load_retention_facts, load_summaries, summary_dates,
    )

    today = base.today()
    home = base.home()
    # Refused like `purge` and `show`: an agenda silently missing the purges a setting
    # the law forbids would hide, would mislead.
    settings = retention.settings_from_config(load_config(home).conservation, today)
    with base.reading() as store:
        summaries = load_summaries(store.conn, MAY_STILL_OWE, names=not as_json, money=False)
        facts = load_retention_facts(store.conn, summary_dates(summaries))
        registers = register_items(ledger.unsettled_invoices(store.conn),
                                   ledger.unanswered_complaints(store.conn), today)
    purge_dues = retention.purge_dues(facts, settings, today)
    items = compute(summaries, today, WorkCalendar(cached_source(home)), purge_dues, registers)
    if as_json:
        base.print_json([_item_json(i, iso) for i in items])
        return
    _print_agenda(items, {s.id: s for s in summaries}, today)


def _item_json(item, iso) -> dict:
    view = {"bilan": item.bilan, "date": iso(item.date), "quoi": item.quoi, "source": item.source,
            "en_retard": item.en_retard}
    if item.numero is not None:
        view["numero"] = item.numero
    return view


def _print_agenda(items, by_id, today) -> None:
    """One line per obligation, overdue ones in red."""
    from bilancli.cli.display import Table, draw
    from bilancli.core.dates import format_date
    from bilancli.core.formats import full_name

    if not items:
        base.say(msg.AGENDA_VIDE)
        return
    rows = []
    for item in items:
        # A réclamation may concern no bilan; an old unpaid invoice, a bilan the agenda no
        # longer reads (its record anonymised): no name to show then.
        s = by_id.get(item.bilan)
        rows.append((format_date(item.date), item.bilan or "—",
                     full_name(s.prenom, s.nom)[:30] if s else "",
                     msg.A_FAIRE[item.quoi].format(numero=item.numero), item.source,
                     msg.EN_RETARD if item.en_retard else ""))
    draw(Table(msg.AGENDA_TITRE.format(date=format_date(today)),
               ("Échéance", "Bilan", "Bénéficiaire", "À faire", "Source", ""), rows,
               styles=["bold red" if item.en_retard else "" for item in items]))
