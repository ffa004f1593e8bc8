"""The rules of the consultant's week over snapshots, without a database (SPEC §9)."""

from datetime import date, datetime, time

import pytest

from bilancli.core.changes import EntretienHeld, SuiviHeld
from bilancli.core.dates import parse_time
from bilancli.core.dossier.phases import abandon
from bilancli.core.model import (
    Bilan,
    Consent,
    Convention,
    Entretien,
    PhaseStep,
    RendezVous,
)
from bilancli.core.semaine import rdv as rules
from bilancli.core.semaine.agenda import agenda, items_for, within
from bilancli.core.summary import Summary
from bilancli.core.workdays import WorkCalendar
from bilancli.errors import BilanError

TODAY = date(2026, 3, 2)


def key_of(call):
    with pytest.raises(BilanError) as refused:
        call()
    return refused.value.key


def at(day: str, hour: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), parse_time(hour))


def planned(bilan_id="2026-001", numero=1, start="2026-03-10 14h30", minutes=90, **extra):
    day, hour = start.split()
    return RendezVous(bilan_id, numero, at(day, hour), minutes, "presentiel", **extra)


def open_bilan(**extra):
    values = dict(id="2026-001", nom="Martin", prenom="Claire", phase="preliminaire",
                  date_ouverture=date(2026, 2, 2), format="mixte", financement="cpf",
                  consent_history=(Consent("bilan", date(2026, 2, 2)),),
                  history=(PhaseStep("preliminaire", date(2026, 2, 2)),))
    values.update(extra)
    return Bilan(**values)


@pytest.mark.parametrize("typed, expected", [
    ("14:30", time(14, 30)), ("14h30", time(14, 30)), ("14h", time(14)), ("9h", time(9)),
    ("09h05", time(9, 5)), (" 8 h 15 ", time(8, 15)), ("0h", time(0)), ("23:59", time(23, 59)),
])
def test_hours_are_read_as_a_consultant_types_them(typed, expected):
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed, key", [
    ("25:00", "HEURE_IMPOSSIBLE"), ("14h75", "HEURE_IMPOSSIBLE"), ("24h", "HEURE_IMPOSSIBLE"),
    ("14", "HEURE_ILLISIBLE"), ("14:3", "HEURE_ILLISIBLE"), ("midi", "HEURE_ILLISIBLE"),
    ("-1h", "HEURE_ILLISIBLE"), ("١٤h", "HEURE_ILLISIBLE"),
])
def test_hours_that_do_not_exist_are_refused(typed, key):
    assert key_of(lambda: parse_time(typed)) == key


@pytest.mark.parametrize("link", ["https://visio.example.fr/salle-42", "http://meet.example/abc?x=1"])
def test_http_links_are_accepted(link):
    assert rules.parse_lien(link) == link


@pytest.mark.parametrize("link", ["ftp://example.fr/x", "javascript:alert(1)", "visio.example.fr",
                                  "https://", "https://exa mple.fr", "https://example.fr/\x1b[31m"])
def test_a_link_that_is_not_http_is_refused(link):
    assert key_of(lambda: rules.parse_lien(link)) == "RDV_LIEN_INVALIDE"


def test_a_rendez_vous_may_start_when_another_ends_but_never_overlap():
    other = planned("2026-007", 2, "2026-03-10 14h30", 90)           # 14h30–16h00
    rules.check_free(at("2026-03-10", "16h"), 60, [other], "2026-001")
    rules.check_free(at("2026-03-10", "13h30"), 60, [other], "2026-001")
    with pytest.raises(BilanError) as refused:
        rules.check_free(at("2026-03-10", "15h45"), 60, [other], "2026-001")
    assert refused.value.key == "RDV_CHEVAUCHEMENT"
    assert "n° 2 du bilan 2026-007" in refused.value.message
    assert "14h30 à 16h00" in refused.value.message
    # A long one around the other, and one starting the same minute, overlap as well.
    for start, minutes in (("14h", 180), ("14h30", 30)):
        assert key_of(lambda: rules.check_free(at("2026-03-10", start), minutes, [other],
                                               "2026-001")) == "RDV_CHEVAUCHEMENT"


def test_a_cancelled_or_held_one_leaves_the_hour_free_and_a_move_does_not_block_itself():
    same = at("2026-03-10", "14h30")
    rules.check_free(same, 90, [planned(statut="annule"), planned(numero=2, statut="tenu")],
                     "2026-009")
    rules.check_free(same, 120, [planned()], "2026-001", moved=1)


def test_planning_defaults_to_the_modality_of_the_bilan_s_format():
    start = at("2026-03-10", "10h")
    assert rules.plan(open_bilan(), start, 60, None, None, None, [], TODAY).modalite == "presentiel"
    remote = open_bilan(format="distanciel")
    assert rules.plan(remote, start, 60, None, None, None, [], TODAY).modalite == "visio"
    link = "https://visio.example.fr/a"
    assert rules.plan(open_bilan(), start, 60, None, None, link, [], TODAY).modalite == "visio"


def test_a_place_goes_with_presentiel_and_a_link_with_visio():
    start = at("2026-03-10", "10h")
    assert key_of(lambda: rules.plan(open_bilan(), start, 60, "telephone", None,
                                     "https://v.example/a", [], TODAY)) == "RDV_LIEN_SANS_VISIO"
    assert key_of(lambda: rules.plan(open_bilan(), start, 60, "visio", "Salle 2", None, [],
                                     TODAY)) == "RDV_LIEU_SANS_PRESENTIEL"
    change = rules.plan(open_bilan(), start, 60, None, "  Salle 2, 1er étage ", None, [], TODAY)
    assert change.lieu == "Salle 2, 1er étage"


def test_planned_and_held_hours_stay_within_24():
    held = tuple(Entretien(i, date(2026, 2, 10 + i), 180, "visio", "preliminaire") for i in range(6))
    bilan = open_bilan(entretiens=held, rdv=(planned(minutes=240),))     # 18 h held + 4 h planned
    start = at("2026-03-12", "10h")
    assert rules.plan(bilan, start, 120, None, None, None, [], TODAY).minutes == 120
    with pytest.raises(BilanError) as refused:
        rules.plan(bilan, start, 121, None, None, None, [], TODAY)
    assert refused.value.key == "RDV_HEURES_MAX" and "L6313-4 al. 5" in refused.value.message
    assert "il en reste 2h" in refused.value.message
    # Moving the planned one to a longer slot counts it once.
    assert rules.move(bilan, 1, date(2026, 3, 11), None, 360, [], TODAY).minutes == 360
    assert key_of(lambda: rules.move(bilan, 1, date(2026, 3, 11), None, 361, [],
                                     TODAY)) == "RDV_HEURES_MAX"


def test_what_cannot_be_planned():
    start = at("2026-03-10", "10h")
    past = at("2026-03-01", "10h")
    assert key_of(lambda: rules.plan(open_bilan(), past, 60, None, None, None, [], TODAY)) == \
        "RDV_DATE_PASSEE"
    rules.plan(open_bilan(), at("2026-03-02", "8h"), 60, None, None, None, [], TODAY)  # today
    gone = open_bilan(phase="abandonne", date_fin=date(2026, 2, 20))
    assert key_of(lambda: rules.plan(gone, start, 60, None, None, None, [], TODAY)) == \
        "RDV_BILAN_ABANDONNE"
    followed = open_bilan(phase="termine", date_fin=date(2026, 2, 20), suivi_on=date(2026, 3, 1))
    assert key_of(lambda: rules.plan(followed, start, 60, None, None, None, [], TODAY)) == \
        "RDV_SUIVI_DEJA"


def test_an_ended_bilan_plans_its_follow_up_outside_the_24_hours():
    held = tuple(Entretien(i, date(2026, 1, 10 + i), 240, "visio", "conclusion") for i in range(6))
    ended = open_bilan(phase="termine", date_fin=date(2026, 2, 20), entretiens=held)
    change = rules.plan(ended, at("2026-08-20", "10h"), 60, None, None, None, [], TODAY)
    assert change.minutes == 60
    assert rules.is_follow_up("termine", date(2026, 2, 20), planned(start="2026-08-20 10h"))
    assert not rules.is_follow_up("conclusion", None, planned(start="2026-08-20 10h"))


def test_move_keeps_the_number_and_refuses_what_changes_nothing():
    bilan = open_bilan(rdv=(planned(),))
    change = rules.move(bilan, 1, date(2026, 3, 11), None, None, [], TODAY)
    assert (change.numero, change.debut, change.minutes) == (1, at("2026-03-11", "14h30"), 90)
    assert key_of(lambda: rules.move(bilan, 1, date(2026, 3, 10), None, None, [], TODAY)) == \
        "RDV_DEJA_A_CET_HORAIRE"
    assert key_of(lambda: rules.move(bilan, 2, date(2026, 3, 11), None, None, [], TODAY)) == \
        "RDV_INCONNU"
    assert key_of(lambda: rules.move(bilan, 1, date(2026, 3, 1), None, None, [], TODAY)) == \
        "RDV_DATE_PASSEE"
    cancelled = open_bilan(rdv=(planned(statut="annule"),))
    assert key_of(lambda: rules.move(cancelled, 1, date(2026, 3, 11), None, None, [], TODAY)) == \
        "RDV_PAS_PREVU"


def test_a_cancellation_motive_is_content_and_goes_only_while_the_content_is_kept():
    bilan = open_bilan(rdv=(planned(),))
    change = rules.cancel(bilan, 1, "beneficiaire", "  Malade ", TODAY)
    assert (change.par, change.motif, change.on) == ("beneficiaire", "Malade", TODAY)
    assert rules.cancel(bilan, 1, None, "   ", TODAY).motif is None
    purged = bilan._replace(phase="termine", date_fin=date(2026, 1, 2),
                            content_destroyed_on=date(2026, 1, 2))
    assert key_of(lambda: rules.cancel(purged, 1, None, "Malade", TODAY)) == \
        "RDV_MOTIF_CONTENU_DETRUIT"
    assert rules.cancel(purged, 1, None, None, TODAY).motif is None


def test_done_is_an_entretien_under_every_rule_of_entretien_add():
    bilan = open_bilan(rdv=(planned(start="2026-03-02 9h", minutes=90),
                            planned(numero=2, start="2026-03-09 9h")))
    change = rules.done(bilan, 1, None, "notes", TODAY)
    assert isinstance(change.held, EntretienHeld)
    assert (change.held.on, change.held.minutes, change.held.modalite, change.held.phase) == \
        (date(2026, 3, 2), 90, "presentiel", "preliminaire")
    assert rules.done(bilan, 1, 60, None, TODAY).held.minutes == 60
    assert key_of(lambda: rules.done(bilan, 2, None, None, TODAY)) == "DATE_FUTURE"
    # The rules of `entretien add`: a convention signed first (R6313-8)…
    employer = bilan._replace(financement="plan", convention=Convention())
    assert key_of(lambda: rules.done(employer, 1, None, None, TODAY)) == "ENTRETIEN_SANS_CONVENTION"
    # … no entretien after the consent was withdrawn (L6313-4 al. 2), 24 hours at most.
    withdrawn = bilan._replace(consent_history=(Consent("bilan", date(2026, 2, 2),
                                                                date(2026, 2, 28)),))
    assert key_of(lambda: rules.done(withdrawn, 1, None, None, TODAY)) == \
        "ENTRETIEN_SANS_CONSENTEMENT"
    full = bilan._replace(entretiens=tuple(
        Entretien(i, date(2026, 2, 3 + i), 240, "visio", "preliminaire") for i in range(6)))
    assert key_of(lambda: rules.done(full, 1, None, None, TODAY)) == "ENTRETIEN_HEURES_MAX"


def test_done_on_an_ended_bilan_is_its_follow_up_interview():
    ended = open_bilan(phase="termine", date_fin=date(2026, 1, 30),
                       rdv=(planned(start="2026-03-02 9h"),))
    change = rules.done(ended, 1, None, "suivi", TODAY)
    assert isinstance(change.held, SuiviHeld) and change.held.on == date(2026, 3, 2)
    assert key_of(lambda: rules.done(ended._replace(suivi_on=date(2026, 3, 1)), 1, None, None,
                                     TODAY)) == "RDV_SUIVI_DEJA"


def test_an_abandon_cancels_what_was_planned_and_only_that():
    bilan = open_bilan(rdv=(planned(), planned(numero=2, statut="tenu"),
                            planned(numero=3, start="2026-03-20 9h")))
    assert abandon(bilan, TODAY, None, TODAY).cancels == (1, 3)
    assert abandon(open_bilan(), TODAY, None, TODAY).cancels == ()


# --- The agenda ------------------------------------------------------------------------


def summary(**extra):
    values = dict(id="2026-001", phase="preliminaire", date_ouverture=date(2026, 1, 5),
                  first_entretien=date(2026, 1, 9), last_entretien=date(2026, 1, 9))
    values.update(extra)
    return Summary(**values)


def test_each_planned_rendez_vous_is_an_item_of_its_day_late_once_passed():
    cal = WorkCalendar()
    items = [i for i in items_for(summary(), TODAY, cal, None,
                                  (planned(start="2026-02-27 9h"), planned(numero=2)))
             if i.quoi == "rdv"]
    assert [(i.date, i.heure, i.numero, i.en_retard, i.source) for i in items] == [
        (date(2026, 2, 27), "09:00", 1, True, "R6313-4"),
        (date(2026, 3, 10), "14:30", 2, False, "R6313-4")]


def test_a_bilan_with_a_rendez_vous_planned_is_not_inactive():
    cal = WorkCalendar()
    idle = summary()   # no entretien since 9 January
    assert "inactif" in {i.quoi for i in items_for(idle, TODAY, cal)}
    assert "inactif" not in {i.quoi for i in items_for(idle, TODAY, cal, None, (planned(),))}


def test_a_day_s_deadlines_come_first_then_its_rendez_vous_by_the_hour():
    cal = WorkCalendar()
    items = agenda([summary(id="2026-002"), summary(id="2026-001")], TODAY, cal, planned={
        "2026-002": (planned("2026-002", 1, "2026-03-10 9h"),),
        "2026-001": (planned("2026-001", 1, "2026-03-10 8h"),
                     planned("2026-001", 2, "2026-03-10 11h")),
    })
    day = [(i.bilan, i.numero) for i in items if i.date == date(2026, 3, 10)]
    assert day == [("2026-001", 1), ("2026-002", 1), ("2026-001", 2)]


def test_a_window_keeps_its_days_and_every_late_item():
    cal = WorkCalendar()
    items = agenda([summary()], TODAY, cal, planned={"2026-001": (
        planned(start="2026-02-27 9h"), planned(numero=2, start="2026-03-10 9h"),
        planned(numero=3, start="2026-04-10 9h"))})
    kept = within(items, date(2026, 3, 9), date(2026, 3, 15))
    assert [(i.quoi, i.numero) for i in kept if i.quoi == "rdv"] == [("rdv", 1), ("rdv", 2)]
    assert all(i.en_retard or date(2026, 3, 9) <= i.date <= date(2026, 3, 15) for i in kept)
    assert within(items, None, None) == items

