"""The beneficiaries' opinion: a questionnaire at the end and at six months (Qualiopi indicator 30)."""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import QuestionnaireSent, SatisfactionAnswered
from bilancli.core.choices import parse_choice
from bilancli.core.dates import days_later, format_date, iso, require_not_future
from bilancli.core.dossier.fields import optional_text
from bilancli.core.dossier.followup import follow_up_due
from bilancli.core.dossier.guards import require_content_kept
from bilancli.core.facturation.billing import parse_days
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


def six_month_dues():
    """`six_month_due` for a year's thousands of bilans, worked out once per day of end (they
    end on a few hundred days)."""
    by_end: dict[date, date | None] = {}

    def due(s: Summary) -> date | None:
        if s.phase != "termine":
            return None
        day = by_end.get(s.date_fin, by_end)
        if day is by_end:
            day = by_end[s.date_fin] = follow_up_due(s.date_fin)
        return day

    return due


# Reminders of a questionnaire sent and not answered (SPEC §6): `[qualite] relance` after the
# sending or the last reminder, at most `[qualite] relances` of them.
DEFAULT_REMINDER_DELAY = "7 jours"
DEFAULT_REMINDERS = 2
MAX_REMINDERS = 10


class Reminders(namedtuple("Reminders", "delay_days most")):
    """How long after a sending the next reminder falls due, and how many at most."""

    __slots__ = ()


def reminders_from(qualite: dict) -> Reminders:
    """`[qualite] relance` (a delay in days, at least one) and `relances` (a whole number from
    0 to 10); anything else is refused naming the key."""

    delay = parse_days(qualite.get("relance", DEFAULT_REMINDER_DELAY), "qualite", "relance",
                       minimum=1, source=SOURCE)
    most = qualite.get("relances", DEFAULT_REMINDERS)
    if isinstance(most, bool) or not isinstance(most, int) or not 0 <= most <= MAX_REMINDERS:
        raise fail(msg.CONFIG_RELANCES, section="qualite", cle="relances", saisie=most,
                   maximum=MAX_REMINDERS)
    return Reminders(delay, most)


DEFAULT_POLICY = Reminders(7, DEFAULT_REMINDERS)


def next_step(questionnaire, first_due: date | None, policy: Reminders):
    """(due day, étape) of a questionnaire not yet answered: `envoi` on `first_due` until it is
    sent; then `relance` a delay after the last sending while reminders remain, and `cloture`
    a delay after the last one (record the answer or the silence)."""
    if questionnaire is None:
        return first_due, "envoi"
    due = days_later(questionnaire.last_sent, policy.delay_days)
    return due, "relance" if questionnaire.reminders < policy.most else "cloture"


def send(bilan, moment: str, on: date, today: date):
    """The day the questionnaire went out: once, never after its answer (or silence)."""

    _check_can_follow(bilan, moment)
    require_not_future(on, today, msg.QUOI_ENVOI_QUESTIONNAIRE)
    sent = bilan.questionnaires.get(moment)
    if sent is not None:
        raise fail(msg.QUESTIONNAIRE_DEJA_ENVOYE, id=bilan.id, moment=MOMENT_LABELS[moment],
                   date=format_date(sent.sent_on))
    return QuestionnaireSent(bilan.id, moment, on, False)


def remind(bilan, moment: str, on: date, today: date):
    """One more reminder: only of a questionnaire sent, not yet answered nor closed silent,
    and not dated before the last sending."""

    sent = bilan.questionnaires.get(moment)
    if sent is None:
        raise fail(msg.RELANCE_AVANT_ENVOI, id=bilan.id, moment=MOMENT_LABELS[moment])
    _check_can_follow(bilan, moment)
    require_not_future(on, today, msg.QUOI_RELANCE_QUESTIONNAIRE)
    if on < sent.last_sent:
        raise fail(msg.RELANCE_AVANT_DERNIER_ENVOI, date=format_date(sent.last_sent))
    return QuestionnaireSent(bilan.id, moment, on, True)


def _check_can_follow(bilan, moment: str) -> None:
    if moment == "suivi" and bilan.is_open:
        raise fail(msg.SATISFACTION_SUIVI_OUVERT, id=bilan.id)
    if moment in bilan.satisfaction:
        note = bilan.satisfaction[moment]
        raise fail(msg.QUESTIONNAIRE_CLOS, id=bilan.id, moment=MOMENT_LABELS[moment],
                   issue=msg.SANS_REPONSE if note is None else f"{note}/5")


def view(bilan_or_summary, moment: str):
    """`{note, envoye_le, relances, sans_reponse}` of one moment, None when nothing is recorded
    (`show --json`, SPEC §4)."""

    answered = moment in bilan_or_summary.satisfaction
    sent = bilan_or_summary.questionnaires.get(moment)
    if not answered and sent is None:
        return None
    note = bilan_or_summary.satisfaction.get(moment)
    return {"note": note, "envoye_le": iso(sent.sent_on) if sent else None,
            "relances": sent.reminders if sent else 0,
            "sans_reponse": answered and note is None}
