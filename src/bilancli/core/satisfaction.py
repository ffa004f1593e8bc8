"""The beneficiaries' opinion: a questionnaire at the end and at six months (Qualiopi indicator 30)."""

from __future__ import annotations

import re
from datetime import date

from bilancli import messages as msg
from bilancli.core.choices import parse_choice
from bilancli.core.dates import require_not_future
from bilancli.core.followup import follow_up_due
from bilancli.core.summary import Summary
from bilancli.errors import fail

SOURCE = "Qualiopi indicateur 30"
MOMENTS = ("fin", "suivi")
MOMENT_LABELS = {"fin": "de fin de bilan", "suivi": "à six mois"}
NOTE_MIN, NOTE_MAX = 1, 5


def parse_moment(text: str) -> str:
    return parse_choice(text, MOMENTS, msg.MOMENT_INCONNU)


def parse_note(text: str) -> int:
    raw = text.strip()
    if not re.fullmatch(r"\d+", raw) or not NOTE_MIN <= int(raw) <= NOTE_MAX:
        raise fail(msg.NOTE_INVALIDE, saisie=text)
    return int(raw)


def answer(bilan, moment: str, note: int | None, commentaire: str | None, on: date, today: date):
    """The six-month questionnaire follows an ended bilan; the end one may be handed out at the
    last entretien, before the phase is closed. Either is recorded once answered — or, with
    no `note`, as sent and not answered (Qualiopi counts the silence too); a later answer
    replaces the silence, never the other way round. A comment is the bilan's content
    (R6313-7): refused once it is destroyed; the score alone is administrative."""
    from bilancli.core.changes import SatisfactionAnswered
    from bilancli.core.guards import require_content_kept
    from bilancli.core.fields import optional_text

    if moment == "suivi" and bilan.is_open:
        raise fail(msg.SATISFACTION_SUIVI_OUVERT, id=bilan.id)
    require_not_future(on, today, msg.QUOI_SATISFACTION)
    comment = optional_text(commentaire)
    if note is None:
        if comment is not None:
            raise fail(msg.SATISFACTION_SILENCE_COMMENTAIRE)
        if bilan.satisfaction.get(moment) is not None:
            raise fail(msg.SATISFACTION_DEJA_REPONDUE, id=bilan.id, moment=MOMENT_LABELS[moment],
                       note=bilan.satisfaction[moment])
    if comment is not None:
        require_content_kept(bilan, msg.SATISFACTION_COMMENTAIRE_DETRUIT)
    return SatisfactionAnswered(bilan.id, moment, note, comment, on)


def parse_answer(note: str | None, no_answer: bool) -> int | None:
    """`--note N` or `--sans-reponse`, one of the two."""
    if (note is None) == (not no_answer):
        raise fail(msg.SATISFACTION_NOTE_OU_SILENCE)
    return None if no_answer else parse_note(note)


def end_due(s: Summary) -> date | None:
    """Asked at `date_fin` of a completed bilan, and of an abandoned one that had begun: the
    opinion of those who stopped is what indicator 30 most needs. Not asked of a bilan that
    never had an entretien: there is nothing to assess."""
    if s.date_fin is None:
        return None
    if s.phase == "termine" or (s.phase == "abandonne" and s.has_started):
        return s.date_fin
    return None


def six_month_due(s: Summary) -> date | None:
    """With the follow-up interview, six months after a completed bilan only."""
    return follow_up_due(s.date_fin) if s.phase == "termine" else None
