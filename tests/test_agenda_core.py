"""The agenda's rules over snapshots, without a database."""

from datetime import date

import pytest

from bilancli.core.model import Convention
from bilancli.core.semaine.agenda import agenda, items_for
from bilancli.core.summary import Summary
from bilancli.core.workdays import WorkCalendar

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def cal():
    return WorkCalendar()


def kinds(items):
    return {(i.quoi, i.date) for i in items}


def ended(phase="termine", **extra):
    values = dict(id="2026-001", phase=phase, date_ouverture=date(2026, 1, 5),
                  first_entretien=date(2026, 1, 9), last_entretien=date(2026, 4, 20),
                  date_fin=date(2026, 4, 30))
    values.update(extra)
    return Summary(**values)


def test_a_completed_cpf_bilan_owes_edof_follow_up_and_questionnaires(cal):
    items = items_for(ended(financement="cpf"), TODAY, cal)
    assert kinds(items) == {
        ("edof_entree", date(2026, 1, 14)), ("edof_sortie", date(2026, 5, 6)),
        ("satisfaction_fin", date(2026, 4, 30)), ("suivi", date(2026, 10, 30)),
        ("satisfaction_suivi", date(2026, 10, 30)),
    }
    late = {i.quoi for i in items if i.en_retard}
    assert late == {"edof_entree", "edof_sortie", "satisfaction_fin"}


def test_items_leave_once_recorded(cal):
    s = ended(financement="cpf", edof={"entree": date(2026, 1, 12), "sortie": date(2026, 5, 4)},
              suivi_on=date(2026, 10, 29), satisfaction={"fin": 5, "suivi": 4})
    assert items_for(s, TODAY, cal) == []


def test_non_cpf_bilans_have_no_edof_items(cal):
    assert not {i.quoi for i in items_for(ended(financement="personnel"), TODAY, cal)} & {
        "edof_entree", "edof_sortie"}


def test_follow_up_six_calendar_months_later_clamped_to_month_end(cal):
    s = ended(date_fin=date(2026, 8, 31))
    assert ("suivi", date(2027, 2, 28)) in kinds(items_for(s, TODAY, cal))


def test_an_abandoned_cpf_bilan_still_owes_its_edof_exit_but_no_follow_up(cal):
    s = ended(phase="abandonne", financement="cpf")
    assert {i.quoi for i in items_for(s, TODAY, cal)} == {
        "edof_entree", "edof_sortie", "satisfaction_fin"}


def test_an_abandoned_bilan_that_never_started_owes_nothing(cal):
    s = ended(phase="abandonne", financement="cpf", first_entretien=None, last_entretien=None)
    assert items_for(s, TODAY, cal) == []


def test_convention_awaiting_signature_falls_due_ten_days_after_transmission(cal):
    s = Summary(id="2026-002", phase="preliminaire", date_ouverture=date(2026, 5, 20),
                financement="plan", convention=Convention(sent_on=date(2026, 5, 25)))
    assert kinds(items_for(s, TODAY, cal)) == {("convention", date(2026, 6, 4))}
    signed = Summary(id="2026-002", phase="preliminaire", date_ouverture=date(2026, 5, 20),
                     financement="plan", convention=Convention(date(2026, 5, 25), date(2026, 5, 28)))
    assert items_for(signed, TODAY, cal) == []
    late = items_for(s, date(2026, 6, 5), cal)
    assert [i.en_retard for i in late if i.quoi == "convention"] == [True]


def test_inactivity_shows_only_once_thirty_days_have_passed(cal):
    s = Summary(id="2026-003", phase="investigation", date_ouverture=date(2026, 3, 1),
                first_entretien=date(2026, 3, 5), last_entretien=date(2026, 5, 3))
    assert items_for(s, TODAY, cal) == []
    item, = items_for(s, date(2026, 6, 2), cal)
    assert (item.quoi, item.date, item.en_retard) == ("inactif", date(2026, 6, 2), False)
    item, = items_for(s, date(2026, 6, 3), cal)
    assert item.en_retard
    never = Summary(id="2026-004", phase="preliminaire", date_ouverture=date(2026, 4, 1))
    assert kinds(items_for(never, TODAY, cal)) == {("inactif", date(2026, 5, 1))}


def test_purge_appears_only_once_due(cal):
    s = ended(satisfaction={"fin": 4, "suivi": 4}, suivi_on=date(2026, 11, 2))
    assert items_for(s, TODAY, cal, purge_due=date(2026, 6, 2)) == []
    item, = items_for(s, TODAY, cal, purge_due=date(2026, 4, 30))
    assert (item.quoi, item.source, item.en_retard) == ("purge", "R6313-7", True)


def test_agenda_is_soonest_first_and_skips_anonymised_records(cal):
    a = ended(id="2026-001")
    b = ended(id="2026-002", date_fin=date(2026, 3, 2))
    gone = ended(id="2020-001", anonymised_on=date(2026, 1, 1))
    dates = [i.date for i in agenda([a, b, gone], TODAY, cal)]
    assert dates == sorted(dates)
    assert {i.bilan for i in agenda([a, b, gone], TODAY, cal)} == {"2026-001", "2026-002"}


def test_an_owed_purge_is_listed_at_its_due_date_never_before(cal):
    s = ended()
    assert ("purge", date(2026, 4, 30)) in kinds(agenda([s], TODAY, cal, {s.id: date(2026, 4, 30)}))
    (purge,) = [i for i in agenda([s], TODAY, cal, {s.id: date(2026, 4, 30)}) if i.quoi == "purge"]
    assert purge.source == "R6313-7" and purge.en_retard
    on_the_day = [i for i in agenda([s], TODAY, cal, {s.id: TODAY}) if i.quoi == "purge"]
    assert [(i.date, i.en_retard) for i in on_the_day] == [(TODAY, False)]
    assert "purge" not in {i.quoi for i in agenda([s], TODAY, cal, {s.id: date(2026, 6, 2)})}
    assert "purge" not in {i.quoi for i in agenda([s], TODAY, cal, {})}


def test_an_anonymised_record_keeps_only_an_owed_purge(cal):
    s = ended(financement="cpf", anonymised_on=date(2026, 5, 1))
    assert agenda([s], TODAY, cal) == []
    items = agenda([s], TODAY, cal, {s.id: date(2026, 4, 30)})
    assert [(i.quoi, i.date) for i in items] == [("purge", date(2026, 4, 30))]
