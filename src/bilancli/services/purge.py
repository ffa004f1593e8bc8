"""`bilan purge` as a use case (SPEC §5): plan what R6313-7 and the accounting and quality
rules make due, execute it in the store, then in every backup (`services.backups`), and say
truly what was done when it stops part-way. The command (`cli.purging`) confirms between
the plan and the execution, and prints."""

from __future__ import annotations

from collections import namedtuple

from bilancli import messages as msg
from bilancli.core.conservation import retention
from bilancli.errors import BilanError, NoRoom, fail
from bilancli.store.conservation import purge as store_purge
from bilancli.store.conservation import purge_archives as store_archives
from bilancli.store.disk import is_full
from bilancli.store.snapshots import ended_dates, load_retention_facts, working_set


class Plan(namedtuple("Plan", "dues planned invoices complaints deadlines")):
    """What is due: each bilan's deadlines (`dues`, id → deadlines), one outcome per bilan
    (`planned`: R6313-7 and its invoices together), the invoices' own outcomes, and the
    réclamations'; `deadlines`: those of every bilan of the working set, something left or
    not (their keys are destroyed if they came back)."""

    __slots__ = ()

    @property
    def empty(self) -> bool:
        return not (self.planned or self.complaints)

    @property
    def count(self) -> int:
        return len(self.planned) + len(self.complaints)


def plan(store, settings, today, check_files: bool) -> Plan:
    """What would go now, touching nothing. The facts of every bilan in a few queries, then
    the inventory of the due ones in a few more: never one full snapshot per ended bilan."""
    dues = {}
    # Only the bilans that can still owe something: ten years of purged ones cost nothing.
    ended = ended_dates(store.conn, scope=working_set(retention.anonymisation_cutoff(settings, today)))
    for bilan_id, facts in load_retention_facts(store.conn, ended).items():
        deadlines = retention.due(facts, settings, today)
        if deadlines:
            dues[bilan_id] = deadlines
    outcomes = [o for o in store_purge.inventory(store.conn, store.home, dues, check_files=check_files)
                if o.touched]
    # The accounting and quality records, under their own rules (core.archives).
    invoices, complaints = store_archives.inventory(store.conn, store.home, today,
                                                    check_files=check_files)
    invoices = [o for o in invoices if o.touched]
    return Plan({o.bilan_id: dues[o.bilan_id] for o in outcomes}, merge(outcomes, invoices),
                invoices, complaints, dues)


def destroy_keys_left(store, planned: Plan, today) -> None:
    """The keys of content already destroyed that came back (a recovery file installed
    since), destroyed: run by every purge that writes, even with nothing else to do."""
    store_purge.destroy_keys_left(store.keys, planned.deadlines, today)


def execute(store, planned: Plan, today, advance=lambda n: None) -> tuple[list, list]:
    """Destroy what is due: (one outcome per bilan, the réclamations'). Stopped part-way, it
    raises `store.purge.PurgeCut` (`explain_cut` says what is true of it)."""
    destroy_keys_left(store, planned, today)
    outcomes = store_purge.purge(store, planned.dues, today, advance, keys=store.keys)
    complaints = planned.complaints
    if planned.invoices or planned.complaints:
        # Then the accounting and quality records, after what R6313-7 took.
        invoices, complaints = store_archives.purge(store, today, done=outcomes)
        outcomes = merge(outcomes, invoices)
    return outcomes, complaints


def rebuild(store, outcomes, complaints) -> None:
    """The store rebuilt (VACUUM) once something went; a full disk refuses it, saying the
    purge itself is done and recorded."""
    if not any(o.items for o in outcomes + list(complaints)):
        return
    try:
        store_purge.finish(store)
    except Exception as exc:
        if not is_full(exc, store.home):
            raise
        raise fail(msg.PURGE_SANS_RECONSTRUCTION, nombre=sum(1 for o in outcomes if has_rows(o))) from None


def merge(outcomes: list, more: list) -> list:
    """One outcome per bilan: what its invoices lost joins what R6313-7 took from it."""
    merged = {o.bilan_id: o for o in outcomes}
    for extra in more:
        known = merged.get(extra.bilan_id)
        merged[extra.bilan_id] = extra if known is None else known.merged(extra)
    return list(merged.values())


def has_rows(outcome) -> bool:
    return bool(outcome.items or outcome.marks)


def explain_cut(cut: store_purge.PurgeCut, home: str | None = None) -> BilanError:
    """What is true of a purge stopped part-way: the batches committed stay purged."""
    done = sum(1 for o in cut.done if has_rows(o))
    if isinstance(cut.cause, KeyboardInterrupt):
        return BilanError(msg.PURGE_INTERROMPUE, getattr(msg.PURGE_INTERROMPUE, "key", None), exit_code=130)
    if isinstance(cut.cause, BilanError) and not isinstance(cut.cause, NoRoom):
        return cut.cause
    if is_full(cut.cause, home):   # a quota or a file-size limit (NoRoom) too: said truly
        # Cut in the accounting records: every bilan's R6313-7 purge was already committed.
        template = (msg.PURGE_ARCHIVES_DISQUE_PLEIN if isinstance(cut, store_archives.ArchivesCut)
                    else msg.PURGE_DISQUE_PLEIN)
        return fail(template, faits=done, fichiers=cut.files)
    raise cut.cause
