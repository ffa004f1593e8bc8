"""CPF bilans: the entry and exit declared on EDOF within three working days."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import EdofDeclared
from bilancli.core.choices import parse_choice
from bilancli.core.dates import format_date, iso, require_not_future
from bilancli.core.dossier.fields import optional_text
from bilancli.core.summary import Summary
from bilancli.core.workdays import WorkCalendar
from bilancli.errors import fail

SOURCE = "CGU EDOF (CPF) : 3 jours ouvrés"
WORKING_DAYS = 3
SENS = ("entree", "sortie")
FINANCEMENT = "cpf"


def parse_sens(text: str) -> str:
    return parse_choice(text, SENS, msg.EDOF_SENS_INCONNU)


def declare(bilan, sens: str, on: date, today: date, correct: bool = False,
            motif: str | None = None):
    """Only CPF bilans go through EDOF; the exit can only follow the end of the action. The
    day recorded is evidence (it proves the three working days were kept): never replaced
    silently, only corrected (`correct`) with a trail. None: the correction changes nothing."""

    if bilan.financement != FINANCEMENT:
        raise fail(msg.EDOF_NON_CPF, id=bilan.id, financement=bilan.financement or msg.NON_RENSEIGNE)
    if sens == "sortie" and bilan.is_open:
        raise fail(msg.EDOF_SORTIE_BILAN_OUVERT, id=bilan.id)
    require_not_future(on, today, msg.QUOI_EDOF)
    if sens == "sortie" and bilan.date_fin is not None and on < bilan.date_fin:
        # The exit is declared once the action has ended, never before its last day.
        raise fail(msg.EDOF_SORTIE_AVANT_FIN, id=bilan.id, date=format_date(on),
                   fin=format_date(bilan.date_fin))
    recorded = bilan.edof.get(sens)
    label = msg.EDOF_SENS_LABELS[sens]
    if not correct:
        if motif is not None:
            raise fail(msg.EDOF_MOTIF_SANS_CORRECTION)
        if recorded is not None:
            raise fail(msg.EDOF_DEJA_DECLAREE, sens=label, id=bilan.id, date=format_date(recorded))
        return EdofDeclared(bilan.id, sens, on)
    if recorded is None:
        raise fail(msg.EDOF_CORRECTION_SANS_DECLARATION, sens=label, id=bilan.id)
    if recorded == on:
        return None
    motive = optional_text(motif)
    # The motive is free text, the bilan's content (R6313-7): typed only while it is kept.
    if motive is not None and bilan.content_destroyed_on is not None:
        raise fail(msg.EDOF_MOTIF_CONTENU_DETRUIT, id=bilan.id,
                   date=format_date(bilan.content_destroyed_on))
    return EdofDeclared(bilan.id, sens, on, today, f"edof {sens}", iso(recorded), iso(on),
                        motive.strip() if motive else None)


def entry_due(s: Summary, calendar: WorkCalendar) -> date | None:
    """Three working days after the first entretien, the actual start of the action."""
    if s.financement != FINANCEMENT or s.first_entretien is None:
        return None
    return calendar.add_working_days(s.first_entretien, WORKING_DAYS)


def exit_due(s: Summary, calendar: WorkCalendar) -> date | None:
    """Three working days after `date_fin`, completed or abandoned alike: the exit is the
    "service fait" and carries the completion rate. A bilan that never started has no entry,
    so nothing to exit from.
    """
    if s.financement != FINANCEMENT or s.date_fin is None or not s.has_started:
        return None
    return calendar.add_working_days(s.date_fin, WORKING_DAYS)
