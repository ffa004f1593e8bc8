"""What `bilan purge` does and prints (SPEC §5): destroys what R6313-7 says must go and
anonymises old records; `cli.purge` declares the command around `run_purge`."""

from __future__ import annotations

import sys

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.console import console
from bilancli.cli.display import Table, draw, screenful
from bilancli.core.dates import format_date, iso
from bilancli.core.formats import format_size
from bilancli.errors import BilanError, fail
from bilancli.services import purge as service
from bilancli.services import session
from bilancli.services.backups import purge_backups
from bilancli.services.cles import purge_recoveries
from bilancli.services.purge import has_rows
from bilancli.store.conservation.purge import PurgeCut

MANY_BILANS = 5   # from this many, a terminal shows a progress bar
# Beyond this many bilans a real purge ends with the short table by rule only: a thousand
# rows scroll past unread (`--dry-run` lists them all beforehand, `show` tells each one).
DETAILED_REPORT = 30


def run_purge(dry_run: bool, yes: bool, as_json: bool, everything: bool = False) -> None:
    """`bilan purge`: plan, confirm, execute, report (`services.purge`); `everything`: the
    plan's every line, even beyond a screenful."""

    today = base.today()
    # Checked first: a setting the law forbids is refused even when nothing is due.
    settings = base.retention_settings()
    configured = base.config().sauvegarde.get("dossier")
    with (base.reading() if dry_run else base.existing()) as store:
        # A run with --yes checks each file as it destroys it: no need to read it twice.
        planned = service.plan(store, settings, today, check_files=dry_run or not yes)
        if dry_run or planned.empty:
            if not dry_run:
                session.set_up(store)   # what it keeps, kept sealed (SPEC §15)
                service.destroy_keys_left(store, planned, today)
            saved = _backups(store, configured, settings, today, simulated=dry_run)
            stale = purge_recoveries(store, configured, simulated=dry_run)
            _report(planned.planned, today, as_json, simulated=dry_run, complaints=planned.complaints,
                    backups=saved.done, everything=everything, recoveries=stale)
            _warn_files(planned.planned, simulated=dry_run)
            _backup_problems(saved, simulated=dry_run)
            if stale.failed:   # retried at the next purge, as a recorded file is
                raise fail(msg.PURGE_INCOMPLETE, nombre=len(stale.failed))
            return
        if not yes:
            if not as_json:
                _print_plan(planned.planned + planned.complaints, everything)
            _confirm(planned.count)
        # Once it will write: a refused purge writes nothing. Sealing keeps every row, its
        # bilan and the consultant's bytes (`written_size`): the plan holds as it is.
        session.set_up(store)
        try:
            outcomes, complaints = _execute(store, planned, today)
        except PurgeCut as cut:
            # Not "nothing was changed": the batches already committed stay purged.
            raise service.explain_cut(cut, store.home) from None
        except KeyboardInterrupt:
            raise BilanError(msg.PURGE_INTERROMPUE, exit_code=130) from None
        try:
            service.rebuild(store, outcomes, complaints)
        except BilanError:
            _report(outcomes, today, as_json, simulated=False, complaints=complaints)
            raise
        saved = _backups(store, configured, settings, today, simulated=False)
        stale = purge_recoveries(store, configured, simulated=False)
    _report(outcomes, today, as_json, simulated=False, complaints=complaints, backups=saved.done,
            recoveries=stale)
    failures = _warn_files(outcomes, simulated=False) + len(stale.failed)
    _backup_problems(saved, simulated=False)
    if failures:
        raise fail(msg.PURGE_INCOMPLETE, nombre=failures)


def _backups(store, configured, settings, today, simulated: bool):
    """The backups of `[sauvegarde] dossier`, purged as the store was (SPEC §5)."""

    try:
        return purge_backups(store, configured, settings, today, simulated)
    except KeyboardInterrupt:
        raise BilanError(msg.PURGE_INTERROMPUE, exit_code=130) from None


def _backup_problems(saved, simulated: bool) -> None:
    """A backup folder out of reach (a disk not plugged in): the store is purged all the
    same, the backups at the next run that reaches them. A backup that could not be purged
    (damaged, its disk full) is named, after the others were purged; either way the command
    fails. What a killed `sauvegarde` left is said destroyed."""
    partial = msg.PURGE_SAUVEGARDE_PARTIELLE_PREVUE if simulated else msg.PURGE_SAUVEGARDE_PARTIELLE
    for path in saved.partial:
        base.warn(partial.format(sauvegarde=path))
    for path in saved.foreign:
        base.warn(msg.PURGE_SAUVEGARDE_AUTRE_DOSSIER.format(sauvegarde=path))
    failed = saved.failed
    for failure in failed[:-1] if saved.unreachable is None else failed:
        base.warn(_failure_message(failure))
    if saved.unreachable is not None:
        raise fail(msg.PURGE_SAUVEGARDE_INJOIGNABLE, dossier=saved.unreachable)
    if failed:
        last = failed[-1]
        template = msg.PURGE_SAUVEGARDE_DISQUE_PLEIN if last.full else msg.PURGE_SAUVEGARDE_ECHEC
        raise fail(template, sauvegarde=last.path, raison=last.reason)


def _failure_message(failure) -> str:
    template = msg.PURGE_SAUVEGARDE_DISQUE_PLEIN if failure.full else msg.PURGE_SAUVEGARDE_ECHEC
    return template.format(sauvegarde=failure.path, raison=failure.reason)


def _warn_files(outcomes, simulated: bool) -> int:
    """Name on stderr each file that stays (or would stay), and why; returns how many."""
    if simulated:
        modified, blocked = msg.PURGE_PREVU_MODIFIE, msg.PURGE_PREVU_RESTANT
    else:
        modified, blocked = msg.PURGE_FICHIER_MODIFIE, msg.PURGE_FICHIER_RESTANT
    failures = [(o.bilan_id, f) for o in outcomes for f in o.failures]
    for bilan_id, failure in failures:
        template = modified if failure.modified else blocked
        base.warn(template.format(chemin=failure.path, id=bilan_id, raison=failure.reason))
    if not simulated:
        for outcome in outcomes:
            for path in outcome.linked:
                base.warn(msg.PURGE_FICHIER_AUTRE_LIEN.format(chemin=path, id=outcome.bilan_id))
    return len(failures)


def _confirm(count: int) -> None:
    base.confirm(msg.PURGE_QUESTION.format(nombre=count), msg.PURGE_SANS_TERMINAL,
                 msg.PURGE_ABANDONNEE, is_terminal=_is_terminal)


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _execute(store, planned, today):
    err = _stderr_console()
    if len(planned.dues) < MANY_BILANS or not err.is_terminal:
        return service.execute(store, planned, today)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(msg.PURGE_PROGRESSION, total=len(planned.dues))
        return service.execute(store, planned, today, lambda n: progress.advance(task, n))


def _stderr_console():
    return console(stderr=True)


def _report(outcomes, today, as_json: bool, simulated: bool, complaints=(), backups=(),
            everything: bool = True, recoveries=None) -> None:
    for path, reason in recoveries.failed if recoveries else ():
        base.warn(msg.PURGE_SECOURS_ECHEC.format(fichier=path, raison=reason))
    if as_json:
        report = {"date": iso(today), "simulation": simulated,
                  "bilans": [outcome_json(o) for o in outcomes],
                  "reclamations": [complaint_json(o) for o in complaints],
                  "sauvegardes": [{"dossier": b.name, "bilans": b.purged, "supprimes": b.deleted}
                                  for b in backups]}
        if recoveries and recoveries.destroyed:   # SPEC §15: the stale recovery files
            report["fichiers_secours"] = recoveries.destroyed
        base.print_json(report)
        return
    _report_store(outcomes, today, simulated, complaints, everything)
    for b in backups:
        template = msg.PURGE_SAUVEGARDE_PREVUE if simulated else msg.PURGE_SAUVEGARDE_FAITE
        base.say(template.format(dossier=b.name, bilans=len(b.purged), supprimes=len(b.deleted)))
    for path in recoveries.destroyed if recoveries else ():
        base.say((msg.PURGE_SECOURS_PREVU if simulated else msg.PURGE_SECOURS_DETRUIT).format(fichier=path))


def _report_store(outcomes, today, simulated: bool, complaints, everything: bool = True) -> None:

    # A bilan left with only a file it cannot destroy gets no row: the warnings name it.
    shown = [o for o in outcomes if _has_rows(o)] + list(complaints)
    if not shown:
        empty = msg.PURGE_RIEN if simulated or not outcomes else msg.PURGE_RIEN_DETRUIT
        base.say(empty.format(date=format_date(today)))
        return
    if simulated:
        _print_plan(shown, everything)
        # Files written with -o outside the data folder: the consultant sees which ones go.
        outside = sorted({p for o in shown for p in getattr(o, "paths", ()) if p.startswith("/")})
        if outside:
            base.say(msg.PURGE_FICHIERS_HORS_DOSSIER)
            for path in outside:
                base.say(f"  {path}")
        base.say(msg.PURGE_SIMULATION)
        return
    if len(shown) <= DETAILED_REPORT:
        _print_table(shown, msg.PURGE_TITRE_FAIT)
    _print_by_rule(shown)
    if len(shown) > DETAILED_REPORT:
        base.say(msg.PURGE_DETAIL_PAR_BILAN)
    base.say(msg.PURGE_FAITE.format(date=format_date(today), nombre=len(shown) - len(complaints)))
    if complaints:
        base.say(msg.PURGE_RECLAMATIONS_FAITE.format(nombre=len(complaints)))


def _has_rows(outcome) -> bool:
    return has_rows(outcome)


def outcome_json(outcome) -> dict:
    """What went for one bilan: kinds, counts, sizes and rules, never the content."""

    return {
        "id": outcome.bilan_id,
        "destructions": [
            {"nature": i.kind, "nombre": i.count, "octets": i.size, "regle": i.deadline.rule,
             "echeance": iso(i.deadline.due_on)}
            for i in outcome.items
        ],
        "fichiers_non_detruits": [{"chemin": f.path, "raison": f.reason} for f in outcome.failures],
    }


def complaint_json(outcome) -> dict:
    """What went of one réclamation: kinds, counts, sizes and rule, never the text."""
    view = outcome_json(outcome)
    del view["fichiers_non_detruits"]
    return {"numero": view.pop("id"), **view}


def _print_plan(outcomes, everything: bool) -> None:
    """What a purge would destroy: the summary by rule, then a line per bilan (a
    screenful of them, the longest overdue first, unless `everything`)."""

    table = _table(sorted(outcomes, key=_first_due), msg.PURGE_TITRE_PLAN)
    # The summary by rule is the count by kind.
    draw(_by_rule(outcomes), *screenful(table, None, everything))


def _first_due(outcome):
    from datetime import date

    return min((i.deadline.due_on for i in outcome.items), default=date.max), outcome.bilan_id


def _print_table(outcomes, title: str) -> None:
    draw(_table(outcomes, title))


def _table(outcomes, title: str):
    """One row per bilan, naming it: when its first rule fell due, its rules, and what goes
    under them."""

    rows = []
    for outcome in outcomes:
        if not outcome.items:
            if outcome.marks:
                rows.append((outcome.bilan_id, "", "", msg.PURGE_RIEN_A_DETRUIRE, ""))
            continue
        rules = dict.fromkeys(msg.RULE_LABELS[i.deadline.rule]
                              for i in sorted(outcome.items, key=lambda i: i.deadline.due_on))
        what = ", ".join(f"{msg.PURGE_NATURES[i.kind]} ({i.count})" for i in outcome.items)
        rows.append((outcome.bilan_id, format_date(_first_due(outcome)[0]), " ; ".join(rules), what,
                     format_size(sum(i.size for i in outcome.items))))
    # In 80 columns, the rule: the summary by rule names them.
    return Table(title, ("Bilan", "Échéance", "Règle", "Contenu", "Taille"), rows, right=(4,),
                 optional=(2,))


def _print_by_rule(outcomes) -> None:
    draw(_by_rule(outcomes))


def _by_rule(outcomes):
    """How many bilans, items and bytes each rule takes (None: nothing to destroy)."""

    totals: dict[str, list] = {}
    for outcome in outcomes:
        for item in outcome.items:
            entry = totals.setdefault(item.deadline.rule, [set(), 0, 0])
            entry[0].add(outcome.bilan_id)
            entry[1] += item.count
            entry[2] += item.size
    if not totals:
        return None
    return Table(msg.PURGE_TITRE_REGLES, ("Règle", "Bilans", "Éléments", "Taille"), [
        (msg.RULE_LABELS[rule], str(len(ids)), str(count), format_size(size))
        for rule, (ids, count, size) in totals.items()], right=(1, 2, 3))
