"""The Qualiopi file (SPEC §14): what an auditor asks a bilan provider for, indicator by
indicator (Référentiel national qualité, guide de lecture V9), and one line of evidence per
bilan of the year — dates, counts, states and numbers, never a bilan's content.

Pure: the summaries and the year's records are read by `store`, `today` is passed in.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import iso, parse_year
from bilancli.core.facturation import edof
from bilancli.core.qualite import satisfaction
from bilancli.core.qualite.complaints import register_row
from bilancli.core.qualite.stats import results
from bilancli.core.summary import Summary
from bilancli.core.workdays import WorkCalendar
from bilancli.errors import fail

# The years a file can be asked for: the tool did not exist before, and a year to come holds
# nothing yet (the next one is accepted: a file prepared on 31 December).
FIRST_YEAR = 2000

LIBELLES = {
    "2": "Indicateur 2 — résultats obtenus (taux d'achèvement, satisfaction, suivi à six mois)",
    "4": "Indicateur 4 — analyse du besoin du bénéficiaire",
    "11": "Indicateur 11 — évaluation de l'atteinte des objectifs (document de synthèse)",
    "26": "Indicateur 26 — accueil des personnes en situation de handicap (référent)",
    "30": "Indicateur 30 — recueil des appréciations des bénéficiaires",
    "31": "Indicateur 31 — traitement des réclamations",
    "32": "Indicateur 32 — mesures d'amélioration continue",
}
LOW_NOTES = (1, 2)


class BilanFacts(namedtuple("BilanFacts", "modalities emargement certificat invoices proof")):
    """What a bilan's line shows beside its summary: its entretiens' modalities (sorted); the
    day its attendance sheet and its certificat were last rendered (`AAAA-MM-JJ`, as stored);
    its invoice numbers; whether its signed convention is kept. Shared between bilans alike:
    never mutated."""

    __slots__ = ()


NO_FACTS = BilanFacts([], None, None, [], False)


class YearRecords(namedtuple("YearRecords", "facts synthesis_in_conclusion left_preliminary"
                             " analysis complaints actions")):
    """What the file reads beside the summaries: bilan id → its `BilanFacts` (`NO_FACTS`
    when absent); the bilans completed in the year whose synthèse was rendered in conclusion;
    bilan id → the day it left the préliminaire (those of the year); bilan id →
    {demande|besoins: day last changed}; the réclamations received in the year (no texts) and
    how many closed in it carry an action."""

    __slots__ = ()


def check_year(year: int, today: date) -> int:
    """A year from 2000 to next year; anything else is refused."""

    if not FIRST_YEAR <= year <= today.year + 1:
        raise fail(msg.ANNEE_HORS_PLAGE, saisie=year, minimum=FIRST_YEAR, maximum=today.year + 1)
    return year


def publication_year(text: str | None, today: date) -> int:
    """`--annee` of the Qualiopi file and of the figures to publish (default: this year)."""

    return check_year(parse_year(text) if text is not None else today.year, today)


def _in(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def in_the_file(s: Summary, year: int, minutes_held: dict) -> bool:
    """A bilan with an entretien in the year, or that ended or was abandoned in it."""
    return s.id in minutes_held or (_in(s.date_fin, year) and s.phase in ("termine", "abandonne"))


def quality_file(summaries: list[Summary], year: int, today: date, records: YearRecords,
                 minutes_held: dict[str, int], referent: bool,
                 calendar: WorkCalendar | None = None) -> dict:
    """`{annee, indicateurs, bilans}` as SPEC §14 lays it out. `minutes_held`: bilan id →
    minutes of entretiens held in the year; `referent`: `[cabinet] referent_handicap` set."""
    calendar = calendar or WorkCalendar()
    ended = [s for s in summaries if _in(s.date_fin, year) and s.phase in ("termine", "abandonne")]
    done = [s for s in ended if s.phase == "termine"]
    asked_on = {"fin": satisfaction.end_due, "suivi": satisfaction.six_month_dues()}
    figures = results(summaries, ended, year, today, asked_on["suivi"])
    left = [bid for bid in records.left_preliminary]
    indicateurs = {
        "2": {"beneficiaires": sum(1 for minutes in minutes_held.values() if minutes > 0),
              **figures},
        "4": {"bilans": len(left),
              "avec_analyse": sum(1 for bid in left if _analysed(bid, records))},
        "11": {"termines": len(done),
               "avec_synthese": sum(1 for s in done if s.id in records.synthesis_in_conclusion)},
        "26": {"referent": referent},
        "30": {moment: _questionnaires(summaries, moment, asked_on[moment], year, today)
               for moment in satisfaction.MOMENTS},
        "31": _complaints(records.complaints, today),
        "32": {"abandons": len(ended) - len(done),
               "notes_basses": sum(1 for s in summaries for m in satisfaction.MOMENTS
                                   if s.satisfaction.get(m) in LOW_NOTES
                                   and _in(asked_on[m](s), year)),
               "actions": records.actions},
    }
    for key, view in indicateurs.items():
        view["libelle"] = LIBELLES[key]
    in_file = [s for s in summaries if in_the_file(s, year, minutes_held)]
    in_file.sort(key=_by_opening)
    return {"annee": year, "indicateurs": indicateurs,
            "bilans": _lines(in_file, records.facts, calendar, today)}


def _by_opening(s: Summary):
    return s.date_ouverture, s.id


def _analysed(bilan_id: str, records: YearRecords) -> bool:
    """`demande` and `besoins` recorded by the day the bilan left the préliminaire. The phase
    gate (R6313-4 1°) refuses to leave it without them; once the content is destroyed the
    fields are gone, and the file can only say what is still held."""
    fields = records.analysis.get(bilan_id, {})
    left_on = records.left_preliminary[bilan_id]
    return all(f in fields and fields[f] <= left_on for f in ("demande", "besoins"))


def _questionnaires(summaries: list[Summary], moment: str, asked_on, year: int,
                    today: date) -> dict:
    """The questionnaires fallen due in the year (`asked_on`, the moment's due day): sent (an
    answer or a silence recorded means it went out), reminders (each one counts), answered,
    recorded unanswered."""
    due = [s for s in summaries
           if (d := asked_on(s)) is not None and d.year == year and d <= today]
    sent = answered = silent = reminders = 0
    for s in due:
        q = s.questionnaires.get(moment)
        closed = moment in s.satisfaction
        sent += q is not None or closed
        reminders += q.reminders if q is not None else 0
        answered += s.satisfaction.get(moment) is not None
        silent += closed and s.satisfaction[moment] is None
    return {"dus": len(due), "envoyes": sent, "relances": reminders, "reponses": answered,
            "sans_reponse": silent}


def _complaints(complaints, today: date) -> dict:
    return {"recues": len(complaints),
            "repondues_dans_le_delai": sum(1 for c in complaints if c.repondue_le is not None
                                           and c.repondue_le <= c.echeance),
            "closes": sum(1 for c in complaints if c.close_le is not None),
            "registre": [register_row(c) for c in complaints]}


class _Memo(dict):
    """Key → `make(key)`, made once: ten thousand lines share a few hundred days, hours and
    conventions, and a lookup costs less than making the value again. The values are
    shared between lines: never mutated."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


def _convention(key) -> dict:
    sent, signed, proof = key
    return {"transmise": iso(sent), "signee": iso(signed), "preuve": proof}


def _lines(in_file: list[Summary], facts: dict, calendar: WorkCalendar, today: date) -> list:
    """One line per bilan of the file: dates, hours, states and numbers, never content."""
    day = _Memo(iso).__getitem__
    hours = _Memo(lambda minutes: round((minutes or 0) / 60, 2)).__getitem__
    convention = _Memo(_convention).__getitem__
    facts_of = facts.get
    lines = []
    for s in in_file:
        f = facts_of(s.id, NO_FACTS)
        conv = s.convention
        lines.append({
            "id": s.id, "nom": s.nom, "prenom": s.prenom,
            "date_ouverture": day(s.date_ouverture), "date_fin": day(s.date_fin),
            "phase": s.phase,
            "heures": hours(s.minutes_delivered),
            "modalites": f.modalities,
            "convention": convention((conv.sent_on, conv.signed_on, f.proof)),
            "emargement": f.emargement,
            "certificat": f.certificat,
            "edof": None if s.financement != edof.FINANCEMENT else _edof(s, calendar, today, day),
            "factures": f.invoices,
        })
    return lines


# Three working days are never fewer than three calendar days, nor more than these (a weekend
# and a run of public holidays): most declarations are judged without the holiday calendar.
_SURELY_LATE_DAYS = 12


def _declared_in_time(made: date | None, start: date | None, today: date,
                      calendar: WorkCalendar) -> bool | None:
    """Whether a declaration due three working days after `start` was made by then; None
    while it is neither made nor late, or nothing started."""
    if start is None:
        return None
    if made is not None:
        days = (made - start).days
        if days <= edof.WORKING_DAYS:
            return True
        if days > _SURELY_LATE_DAYS:
            return False
    elif (today - start).days > _SURELY_LATE_DAYS:
        return False
    due = calendar.add_working_days(start, edof.WORKING_DAYS)
    if made is None:
        return False if due < today else None
    return made <= due


def _edof(s: Summary, calendar: WorkCalendar, today: date, day=iso) -> dict:
    """The declarations of a CPF bilan and whether each one made or past its deadline was
    made within its three working days (`None` while none is)."""
    entree, sortie = s.edof.get("entree"), s.edof.get("sortie")
    first = _declared_in_time(entree, s.first_entretien, today, calendar)
    last = _declared_in_time(sortie, s.date_fin if s.has_started else None, today, calendar)
    in_time = last if first is None else first if last is None else first and last
    return {"entree": day(entree), "sortie": day(sortie), "dans_les_delais": in_time}
