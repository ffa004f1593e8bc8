"""`bilan purge`: destroy what R6313-7 says must go, and anonymise old records (SPEC §5)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import JSON_HELP

MANY_BILANS = 5   # from this many, a terminal shows a progress bar




def purge(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Montre ce qui serait détruit, quand et pourquoi, sans rien changer.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Détruit sans demander de confirmation (obligatoire sans terminal, par exemple en cron).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Détruit ce que l'article R6313-7 impose de détruire et anonymise les dossiers échus."""
    from bilancli.core import retention
    from bilancli.settings import load_config
    from bilancli.store import purge as store_purge

    today = base.today()
    home = base.home()
    # Checked first: a setting the law forbids is refused even when nothing is due.
    settings = retention.settings_from_config(load_config(home).conservation, today)
    with base.open_store() as store:
        plans = _plan(store, settings, today)
        if dry_run or not plans:
            _report([p[1] for p in plans], today, as_json, simulated=True)
            return
        if not as_json:
            _print_table([p[1] for p in plans], msg.PURGE_TITRE_PLAN)
        if not yes:
            _confirm(len(plans))
        outcomes = _execute(store, plans, today)
        if any(o.items for o in outcomes):
            store_purge.finish(store)
    _report(outcomes, today, as_json, simulated=False)
    failures = [(o.bilan_id, f) for o in outcomes for f in o.failures]
    for bilan_id, failure in failures:
        sys.stderr.write(msg.PURGE_FICHIER_RESTANT.format(
            chemin=failure.path, id=bilan_id, raison=failure.reason) + "\n")
    if failures:
        from bilancli.errors import fail

        raise fail(msg.PURGE_INCOMPLETE, nombre=len(failures))


def _plan(store, settings, today) -> list:
    """(bilan id, what would go now, deadlines) for every bilan with something due."""
    from bilancli.core import retention
    from bilancli.store import bilans
    from bilancli.store import purge as store_purge

    plans = []
    for bilan_id in store_purge.ended_bilan_ids(store.conn):
        facts = retention.Facts.from_bilan(bilans.load(store.conn, bilan_id))
        deadlines = retention.due(facts, settings, today)
        if deadlines:
            outcome = store_purge.inventory(store.conn, store.home, bilan_id, deadlines)
            if outcome.touched:
                plans.append((bilan_id, outcome, deadlines))
    return plans


def _confirm(count: int) -> None:
    from bilancli.errors import fail

    if not _is_terminal():
        raise fail(msg.PURGE_SANS_TERMINAL)
    sys.stderr.write(msg.PURGE_QUESTION.format(nombre=count))
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("o", "oui", "y", "yes"):
        raise fail(msg.PURGE_ABANDONNEE)


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _execute(store, plans, today) -> list:
    from bilancli.store import purge as store_purge

    err = _stderr_console()
    if len(plans) < MANY_BILANS or not err.is_terminal:
        return [store_purge.purge_bilan(store, bid, deadlines, today) for bid, _, deadlines in plans]
    from rich.progress import Progress

    outcomes = []
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(msg.PURGE_PROGRESSION, total=len(plans))
        for bilan_id, _, deadlines in plans:
            outcomes.append(store_purge.purge_bilan(store, bilan_id, deadlines, today))
            progress.advance(task)
    return outcomes


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _report(outcomes, today, as_json: bool, simulated: bool) -> None:
    from bilancli.core.dates import format_date, iso

    if as_json:
        base.print_json({"date": iso(today), "simulation": simulated,
                         "bilans": [outcome_json(o) for o in outcomes]})
        return
    if not outcomes:
        base.say(msg.PURGE_RIEN.format(date=format_date(today)))
        return
    if simulated:
        _print_table(outcomes, msg.PURGE_TITRE_PLAN)
        base.say(msg.PURGE_SIMULATION)
        return
    _print_table(outcomes, msg.PURGE_TITRE_FAIT)
    _print_by_rule(outcomes)
    base.say(msg.PURGE_FAITE.format(date=format_date(today), nombre=len(outcomes)))


def outcome_json(outcome) -> dict:
    """What went for one bilan: kinds, counts, sizes and rules, never the content."""
    from bilancli.core.dates import iso

    return {
        "id": outcome.bilan_id,
        "destructions": [
            {"nature": i.kind, "nombre": i.count, "octets": i.size, "regle": i.deadline.rule,
             "echeance": iso(i.deadline.due_on)}
            for i in outcome.items
        ],
        "fichiers_non_detruits": [{"chemin": f.path, "raison": f.reason} for f in outcome.failures],
    }


def _size(octets: int) -> str:
    if octets < 1024:
        return f"{octets} o"
    return f"{octets / 1024:.1f} ko".replace(".", ",")


def _print_table(outcomes, title: str) -> None:
    """One row per bilan and rule: when it fell due, and what goes under it."""
    from rich.table import Table

    from bilancli.core.dates import format_date
    from bilancli.core.retention import RULE_LABELS

    table = Table(box=None, title=title, title_justify="left")
    for header in ("Bilan", "Échéance", "Règle"):
        table.add_column(header, no_wrap=True)
    table.add_column("Contenu")
    table.add_column("Taille", no_wrap=True)
    for outcome in outcomes:
        groups: dict = {}
        for item in outcome.items:
            groups.setdefault(item.deadline, []).append(item)
        for deadline, items in sorted(groups.items(), key=lambda g: g[0].due_on):
            what = ", ".join(f"{msg.PURGE_NATURES[i.kind]} ({i.count})" for i in items)
            table.add_row(outcome.bilan_id, format_date(deadline.due_on), RULE_LABELS[deadline.rule],
                          what, _size(sum(i.size for i in items)))
        if not outcome.items and outcome.marks:
            table.add_row(outcome.bilan_id, "", "", msg.PURGE_RIEN_A_DETRUIRE, "")
    base.console().print(table)


def _print_by_rule(outcomes) -> None:
    from rich.table import Table

    from bilancli.core.retention import RULE_LABELS

    totals: dict[str, list] = {}
    for outcome in outcomes:
        for item in outcome.items:
            entry = totals.setdefault(item.deadline.rule, [set(), 0, 0])
            entry[0].add(outcome.bilan_id)
            entry[1] += item.count
            entry[2] += item.size
    if not totals:
        return
    table = Table("Règle", "Bilans", "Éléments", "Taille", box=None,
                  title=msg.PURGE_TITRE_REGLES, title_justify="left")
    for rule, (ids, count, size) in totals.items():
        table.add_row(RULE_LABELS[rule], str(len(ids)), str(count), _size(size))
    base.console().print(table)
