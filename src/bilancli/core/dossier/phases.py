"""The three legal phases of R6313-4 and the gates to leave each one (SPEC §3).

Each gate is data: what must hold, its legal source, and the French wording the
consultant reads. The tables below follow the SPEC §3 table line by line.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import PhaseEntered
from bilancli.core.choices import parse_choice
from bilancli.core.dates import format_date, format_hours, require_not_future
from bilancli.core.dossier import convention as conv
from bilancli.core.dossier.fields import MAX_MINUTES, optional_text
from bilancli.core.dossier.guards import require_open
from bilancli.core.dossier.timeline import (  # noqa: F401 (phase_entered_on: part of this module's vocabulary)
    check_after_every_fact,
    check_within_phase,
    phase_entered_on,
)
from bilancli.core.dossier.warnings import standing
from bilancli.core.model import PHASES, Bilan
from bilancli.errors import fail
from bilancli.messages import PHASE_LABELS

PRELIMINAIRE, INVESTIGATION, CONCLUSION, TERMINE, ABANDONNE = PHASES
NEXT_PHASE = {PRELIMINAIRE: INVESTIGATION, INVESTIGATION: CONCLUSION, CONCLUSION: TERMINE}


def parse_phase(text: str) -> str:
    return parse_choice(text, PHASES, msg.PHASE_INCONNUE)


# --- Predicates over the snapshot ------------------------------------------------

_ADMIN_ATTRIBUTES = ("format", "financement")


def field_filled(bilan: Bilan, name: str) -> bool:
    if name in _ADMIN_ATTRIBUTES:
        return bool(getattr(bilan, name))
    return bool((bilan.champs.get(name) or "").strip())


def _all_filled(*names: str) -> Callable[[Bilan], bool]:
    return lambda bilan: all(field_filled(bilan, n) for n in names)


def _consent_active(bilan: Bilan) -> bool:
    # Recorded and not withdrawn: without it the bilan cannot go on, in any phase.
    return bilan.active_consent("bilan") is not None


def _convention_signed_in_time(bilan: Bilan) -> bool:
    signed, limit = bilan.convention.signed_on, conv.deadline(bilan.convention)
    return signed is not None and limit is not None and signed <= limit


def _entretien_in_phase(bilan: Bilan) -> bool:
    return bool(bilan.entretiens_in(bilan.phase))


def _projet_or_plan_b(bilan: Bilan) -> bool:
    return field_filled(bilan, "projet") or field_filled(bilan, "plan_b")


def _synthese_rendered_in_phase(bilan: Bilan) -> bool:
    # `synthese render` records both a rendering and a kept copy; either one proves it (a
    # rendering whose writing was never confirmed proves nothing).
    rendered = any(r.kind == "synthese" and r.phase == bilan.phase and r.confirmed
                   for r in bilan.renderings)
    kept = any(d.type == "synthese" and d.phase == bilan.phase for d in bilan.documents)
    return rendered or kept


def _within_24_hours(bilan: Bilan) -> bool:
    return bilan.minutes_delivered <= MAX_MINUTES


def _needs_convention(bilan: Bilan) -> bool:
    return conv.is_required(bilan.financement)


def _always(bilan: Bilan) -> bool:
    return True


# --- The gates ---------------------------------------------------------------------


class Gate(namedtuple("Gate", "key wording source holds applies fields", defaults=(_always, ()))):
    """A condition to leave a phase, with its source: `holds(bilan)` says whether it is met,
    `applies(bilan)` whether it concerns this bilan at all; the `fields` are named when
    missing, so the consultant knows what to fill."""

    __slots__ = ()


def _fields_gate(key: str, wording: str, source: str, *names: str) -> Gate:
    return Gate(key, wording, source, _all_filled(*names), fields=names)


# L6313-4 al. 2: the bilan is carried out only with the worker's consent, so a withdrawal
# stops it wherever it stands.
_CONSENT_GATE = Gate("consentement", msg.GATE_CONSENTEMENT, "L6313-4 al. 2", _consent_active)

GATES_TO_LEAVE: dict[str, tuple[Gate, ...]] = {
    PRELIMINAIRE: (
        _CONSENT_GATE,
        _fields_gate("cadrage", msg.GATE_CADRAGE, "R6313-4 1° a–c",
                     "demande", "besoins", "modalites", "format"),
        _fields_gate("financement", msg.GATE_FINANCEMENT, "R6313-8", "financement"),
        Gate("convention", msg.GATE_CONVENTION, "R6313-8", _convention_signed_in_time,
             applies=_needs_convention),
        Gate("entretien", msg.GATE_ENTRETIEN, "R6313-4", _entretien_in_phase),
    ),
    INVESTIGATION: (
        _CONSENT_GATE,
        _fields_gate("competences", msg.GATE_COMPETENCES, "L6313-4 al. 1", "competences"),
        Gate("projet", msg.GATE_PROJET, "R6313-4 2°", _projet_or_plan_b),
        Gate("entretien", msg.GATE_ENTRETIEN, "R6313-4", _entretien_in_phase),
    ),
    CONCLUSION: (
        _CONSENT_GATE,
        _fields_gate("conclusions", msg.GATE_CONCLUSIONS, "R6313-4 3° b–c",
                     "objectifs", "conditions", "etapes", "plan_action"),
        Gate("entretien", msg.GATE_ENTRETIEN, "R6313-4 3°", _entretien_in_phase),
        Gate("synthese", msg.GATE_SYNTHESE, "L6313-4 al. 3", _synthese_rendered_in_phase),
    ),
}
# Whatever the phase.
GATES_ALWAYS: tuple[Gate, ...] = (
    Gate("heures", msg.GATE_HEURES, "L6313-4 al. 5", _within_24_hours),
)


def gates_to_leave(bilan: Bilan) -> tuple[Gate, ...]:
    """The gates that apply to this bilan in its current phase (none once closed)."""
    if bilan.phase not in GATES_TO_LEAVE:
        return ()
    return tuple(g for g in GATES_TO_LEAVE[bilan.phase] + GATES_ALWAYS if g.applies(bilan))


class Check(namedtuple("Check", "gate held missing", defaults=((),))):
    """A gate checked on a bilan, and the fields it still misses."""

    __slots__ = ()


def check_gates(bilan: Bilan) -> tuple[Check, ...]:
    return tuple(
        Check(g, g.holds(bilan), tuple(f for f in g.fields if not field_filled(bilan, f)))
        for g in gates_to_leave(bilan)
    )


# --- Cabinet practice: warnings only ---------------------------------------------------


def warnings(bilan: Bilan) -> list[str]:
    """What the cabinet asks beyond the law; shown, never blocking."""
    found: list[str] = []
    if bilan.phase == INVESTIGATION:
        present = [n for n in ("projet", "plan_b") if field_filled(bilan, n)]
        if len(present) == 1:
            found.append(msg.AVERT_PLAN_B_SEUL.format(present=msg.FIELD_LABELS[present[0]]))
    if bilan.phase == CONCLUSION and "fin" not in bilan.satisfaction:
        found.append(msg.AVERT_SATISFACTION_FIN.format(id=bilan.id))
    planned = bilan.heures_prevues_minutes
    if bilan.is_open and planned and bilan.minutes_delivered > planned:
        found.append(msg.AVERT_HEURES_PREVUES.format(
            realisees=format_hours(bilan.minutes_delivered), prevues=format_hours(planned)))

    return found + standing(bilan)


# --- Moving on -----------------------------------------------------------------------


def next_phase(bilan: Bilan) -> str:
    if bilan.phase in (TERMINE, ABANDONNE):
        raise fail(msg.PHASE_FINALE, id=bilan.id, phase=PHASE_LABELS[bilan.phase])
    return NEXT_PHASE[bilan.phase]


def advance(bilan: Bilan, on: date, today: date) -> PhaseEntered:
    """The move to the next phase on `on` (`date_fin` set when it ends the bilan, which
    starts the R6313-7 clock), or a refusal listing every unmet gate."""
    target = next_phase(bilan)
    require_not_future(on, today, msg.QUOI_FIN if target == TERMINE else msg.QUOI_PASSAGE)
    unmet = [c for c in check_gates(bilan) if not c.held]
    if unmet:
        raise fail(
            msg.PASSAGE_REFUSE, id=bilan.id, phase=PHASE_LABELS[bilan.phase],
            suivante=PHASE_LABELS[target], conditions="\n".join(_describe(c) for c in unmet),
        )
    check_within_phase(bilan, bilan.phase, on)
    _check_end_after_entretiens(bilan, on, target == TERMINE)
    check_after_every_fact(bilan, on)
    return PhaseEntered(bilan.id, target, bilan.phase, on, on if target == TERMINE else None)


def _describe(check: Check) -> str:
    detail = msg.CONDITION_MANQUE.format(champs=", ".join(check.missing)) if check.missing else ""
    return msg.CONDITION_NON_REMPLIE.format(
        condition=check.gate.wording, source=check.gate.source, detail=detail)


def abandon(bilan: Bilan, on: date, motif: str | None, today: date) -> PhaseEntered:
    """An open bilan may be abandoned from any phase, not before its current phase began,
    not later than today (its date is `date_fin`, which starts the R6313-7 clock). The
    motive is the bilan's content (R6313-7); blank means none. The rendez-vous still
    planned are cancelled with it."""

    require_open(bilan)
    require_not_future(on, today, msg.QUOI_ABANDON)
    check_within_phase(bilan, bilan.phase, on)
    _check_end_after_entretiens(bilan, on)
    check_after_every_fact(bilan, on)
    motive = optional_text(motif)
    return PhaseEntered(bilan.id, ABANDONNE, bilan.phase, on, on,
                        motive.strip() if motive else None,
                        tuple(r.numero for r in bilan.planned_rdv))


def _check_end_after_entretiens(bilan: Bilan, on: date, ends: bool = True) -> None:
    """A phase is not left, the action does not end (`ends`), before an entretien it holds
    (date_fin starts the R6313-7 clock)."""
    last = max((e.date for e in bilan.entretiens), default=None)
    if last and on < last:
        raise fail(msg.DATE_FIN_AVANT_ENTRETIEN if ends else msg.DATE_PASSAGE_AVANT_ENTRETIEN,
                   date=format_date(on), id=bilan.id, dernier=format_date(last))
