"""What falls due, computed from the snapshots and today — never stored, so never stale (SPEC §6)."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Mapping
from datetime import date

from bilancli.core.conservation import retention
from bilancli.core.dates import days_later
from bilancli.core.dossier import convention, followup
from bilancli.core.facturation import edof
from bilancli.core.facturation import invoices as bills
from bilancli.core.facturation.billing import PROFESSIONAL_PAYERS
from bilancli.core.qualite import complaints as claims
from bilancli.core.qualite import satisfaction
from bilancli.core.semaine import rdv
from bilancli.core.summary import Summary
from bilancli.core.workdays import WorkCalendar

INACTIVITY_DAYS = 30
# Indicator 12: measures to keep beneficiaries engaged and prevent drop-outs.
INACTIVITY_SOURCE = "Qualiopi indicateur 12"
PURGE_SOURCE = retention.SOURCE
# A private buyer's invoice falls due by its own terms (the delay printed on it).
PAYMENT_TERMS_SOURCE = "conditions de paiement de la facture"

# Display order of items falling on the same day of the same bilan.
KINDS = (
    "convention", "edof_entree", "edof_sortie", "suivi", "satisfaction_fin",
    "satisfaction_suivi", "purge", "inactif", "rdv", "paiement", "reclamation", "cle_secours",
)
_ORDER = {kind: i for i, kind in enumerate(KINDS)}


class Item(namedtuple("Item", "bilan date quoi source en_retard heure numero etape",
                      defaults=(None, None, None))):
    """One line of the agenda: which bilan (None for a réclamation about none), when, what to
    do (`KINDS`), under which rule, and whether it is late; for a rendez-vous, its start
    (`HH:MM`) and number; for an invoice or a réclamation, its `numero` (« F2026-0001 »); for
    a questionnaire, its `etape` (envoi, relance, cloture)."""

    __slots__ = ()


def items_for(s: Summary, today: date, calendar: WorkCalendar,
              purge_due: date | None = None, planned=(),
              reminders: satisfaction.Reminders = satisfaction.DEFAULT_POLICY) -> list[Item]:
    """Every open obligation of one bilan, each gone once what it asks for is recorded;
    `planned`, its rendez-vous still planned, each an item of its day (late once passed
    with neither `rdv done` nor `rdv cancel`).

    Abandoned bilans: the convention no longer matters (the bilan will not run); the EDOF
    entry and exit are still owed for a CPF bilan that had begun (the exit declares the
    completion rate, whatever it is); the end questionnaire is asked if the bilan had begun;
    neither the follow-up interview nor the six-month questionnaire (there are no conclusions
    to follow up, R6313-4 3°). A questionnaire sent moves to its next reminder (`reminders`).
    """
    found: list[tuple[str, date | None, str]] = []
    conv = s.convention
    if (conv.sent_on is not None and conv.signed_on is None and s.is_open
            and convention.is_required(s.financement)):
        found.append(("convention", convention.deadline(conv), convention.SOURCE))
    if "entree" not in s.edof:
        found.append(("edof_entree", edof.entry_due(s, calendar), edof.SOURCE))
    if "sortie" not in s.edof:
        found.append(("edof_sortie", edof.exit_due(s, calendar), edof.SOURCE))
    if s.suivi_on is None:
        found.append(("suivi", followup.due(s.phase, s.date_fin), followup.SOURCE))
    steps = {}
    for moment, first_due in (("fin", satisfaction.end_due), ("suivi", satisfaction.six_month_due)):
        if moment not in s.satisfaction:
            due, steps[moment] = satisfaction.next_step(s.questionnaires.get(moment), first_due(s),
                                                        reminders)
            found.append((f"satisfaction_{moment}", due, satisfaction.SOURCE))
    # Purges and inactivity are not planned work: listed only once they fall due. A bilan
    # with a rendez-vous planned is not inactive: its next entretien is on the way.
    inactive_since = None if planned else inactivity_due(s)
    if inactive_since is not None and inactive_since <= today:
        found.append(("inactif", inactive_since, INACTIVITY_SOURCE))
    # Most bilans of a large store have everything recorded: no list to build for them.
    items = [
        Item(s.id, due, kind, source, due < today,
             etape=steps.get(kind[13:]) if kind.startswith("satisfaction_") else None)
        for kind, due, source in found if due is not None
    ] if found else []
    if purge_due is not None:
        items += _owed_purge(s.id, purge_due, today)
    if planned:
        items += _rendez_vous(s, planned, today)
    return items


def _rendez_vous(s: Summary, planned, today: date) -> list[Item]:
    items = []
    for r in planned:
        day = r.debut.date()
        source = followup.SOURCE if rdv.is_follow_up(s.phase, s.date_fin, r) else rdv.SOURCE
        items.append(Item(s.id, day, "rdv", source, day < today,
                          f"{r.debut.hour:02d}:{r.debut.minute:02d}", r.numero))
    return items


def _owed_purge(bilan_id: str, purge_due: date | None, today: date) -> list[Item]:
    """The purge item, once its day has come. `retention.purge_dues` only gives such days;
    the check keeps a day passed by any other caller from listing a purge ahead of time."""
    if purge_due is None or purge_due > today:
        return []
    return [Item(bilan_id, purge_due, "purge", PURGE_SOURCE, purge_due < today)]


def inactivity_due(s: Summary) -> date | None:
    """An open bilan with no entretien for 30 days, counted from the last one (or the opening)."""
    if not s.is_open:
        return None
    return days_later(s.last_entretien or s.date_ouverture, INACTIVITY_DAYS)


def register_items(invoices: Iterable, complaints: Iterable, today: date) -> list[Item]:
    """The cabinet's registers: each invoice with something still to pay (`paiement`, on its
    due date) and each réclamation still to answer (`reclamation`, on its deadline)."""

    items = []
    for invoice in invoices:
        if invoice.remaining_cents > 0 and invoice.echeance is not None:
            source = (bills.PENALTIES_SOURCE if invoice.payeur in PROFESSIONAL_PAYERS
                      else PAYMENT_TERMS_SOURCE)
            items.append(Item(invoice.bilan_id, invoice.echeance, "paiement", source,
                              invoice.echeance < today, numero=invoice.numero))
    for complaint in complaints:
        if complaint.repondue_le is None:
            items.append(Item(complaint.bilan_id, complaint.echeance, "reclamation", claims.SOURCE,
                              claims.answer_late(complaint, today), numero=complaint.numero))
    return items


def recovery_item(stale_on: date | None, today: date) -> list[Item]:
    """`cle_secours` (SPEC §15): the last recovery file holds a key the purge destroyed since
    (`stale_on`): make it again and destroy the old one, so the destroyed content stays
    unreadable in every copy (R6313-7)."""
    if stale_on is None:
        return []
    return [Item(None, stale_on, "cle_secours", PURGE_SOURCE, stale_on < today)]


def agenda(summaries: Iterable[Summary], today: date, calendar: WorkCalendar,
           purge_dues: Mapping[str, date] | None = None,
           planned: Mapping[str, tuple] | None = None, registers: Iterable[Item] = (),
           reminders: satisfaction.Reminders = satisfaction.DEFAULT_POLICY) -> list[Item]:
    """All bilans' items and the registers' (`register_items`), soonest first (a day's
    deadlines, then its rendez-vous by the hour). `purge_dues`: bilan id → the day its owed
    purge fell due (`retention.purge_dues`); `planned`: bilan id → its rendez-vous still
    planned.

    An anonymised record is closed for good (five years after the end): whatever it still
    lacks can no longer be done, so it leaves the agenda — except a purge still owed, a file
    the last run could not delete.
    """
    purge_dues = purge_dues or {}
    planned = planned or {}
    items = []
    for s in summaries:
        purge_due = purge_dues.get(s.id)
        if s.anonymised_on is None:
            items += items_for(s, today, calendar, purge_due, planned.get(s.id, ()), reminders)
        elif purge_due is not None:
            items += _owed_purge(s.id, purge_due, today)
    items += registers
    items.sort(key=lambda i: (i.date, i.heure or "", i.bilan or "", _ORDER[i.quoi], str(i.numero or "")))
    return items


def within(items: list[Item], first: date | None, last: date | None) -> list[Item]:
    """The items dated from `first` to `last` (`agenda --du --au`); overdue ones always stay."""
    if first is None and last is None:
        return items
    return [i for i in items if i.en_retard or ((first is None or i.date >= first)
                                                  and (last is None or i.date <= last))]
