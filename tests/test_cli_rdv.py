"""`bilan rdv …` end to end: the consultant's week (SPEC §9). BILAN_TODAY is Monday 2 March 2026."""

from datetime import date

import pytest
import storeio as records
from docstore import writing
from test_cli_guards import refused
from walks import ready_to_leave_preliminaire


def opened(bilan, *extra, nom="Martin", prenom="Claire"):
    bid = bilan.new("--financement", "cpf", "--format", "mixte", "--date", "2026-02-23", *extra,
                    nom=nom, prenom=prenom)
    bilan("consent", bid, "bilan", "--date", "2026-02-23")
    return bid


def plan(bilan, bid, day, hour, duree="1h30", *extra) -> int:
    return bilan.json("rdv", "add", bid, "--date", day, "--heure", hour, "--duree", duree,
                      *extra)["numero"]


def ended(bilan, fin=date(2026, 2, 27)):
    bid = opened(bilan)
    with writing(bilan.home) as conn:
        records.add_entretien(conn, bid, on=date(2026, 2, 24), minutes=120, modalite="visio",
                              phase="preliminaire")
        records.enter_phase(conn, bid, "termine", fin, date_fin=fin)
    return bid


def test_a_rendez_vous_is_planned_numbered_and_listed_with_its_times(bilan):
    bid = opened(bilan)
    out = bilan("rdv", "add", bid, "--date", "lundi 9 mars 2026", "--heure", "14h30",
                "--duree", "1h30").stdout
    assert "n° 1" in out and "lundi 9 mars 2026 à 14h30" in out and "présentiel" in out
    assert plan(bilan, bid, "16/03/2026", "9h", "2h", "--modalite", "visio",
                "--lien", "https://visio.example.fr/salle-42") == 2
    assert bilan.json("rdv", "list", bid) == [
        {"bilan": bid, "numero": 1, "debut": "2026-03-09T14:30", "fin": "2026-03-09T16:00",
         "duree_minutes": 90, "modalite": "presentiel", "lieu": None, "lien": None,
         "statut": "prevu"},
        {"bilan": bid, "numero": 2, "debut": "2026-03-16T09:00", "fin": "2026-03-16T11:00",
         "duree_minutes": 120, "modalite": "visio", "lieu": None,
         "lien": "https://visio.example.fr/salle-42", "statut": "prevu"}]
    assert bilan.json("show", bid)["rdv"] == bilan.json("rdv", "list", bid)
    shown = bilan("show", bid).stdout
    assert "Rendez-vous" in shown and "14h30" in shown


def test_the_week_of_every_bilan_from_today_by_start_with_whom(bilan):
    first = opened(bilan)
    second = opened(bilan, nom="Durand", prenom="Hugo")
    plan(bilan, first, "2026-03-10", "14h")
    plan(bilan, second, "2026-03-10", "9h")
    plan(bilan, second, "2026-04-20", "9h")
    week = bilan.json("rdv", "list")
    assert [(r["bilan"], r["debut"]) for r in week] == [
        (second, "2026-03-10T09:00"), (first, "2026-03-10T14:00"), (second, "2026-04-20T09:00")]
    assert [r["debut"] for r in bilan.json("rdv", "list", "--du", "2026-03-09", "--au",
                                           "2026-03-15")] == ["2026-03-10T09:00", "2026-03-10T14:00"]
    bilan.today("2026-03-11")
    assert [r["debut"] for r in bilan.json("rdv", "list")] == ["2026-04-20T09:00"]
    out = bilan("rdv", "list", "--du", "2026-03-01", "--au", "2026-03-31").stdout
    assert "Hugo Durand" in out and "Claire Martin" in out and "9h00–10h30" in out
    assert "Rendez-vous du 01/03/2026 au 31/03/2026" in out
    assert refused(bilan, "rdv", "list", "--du", "2026-03-31", "--au", "2026-03-01", key="PERIODE_INVERSEE")


def test_an_empty_week_says_so(bilan):
    assert "Aucun rendez-vous" in bilan("rdv", "list").stdout
    assert bilan.json("rdv", "list") == []


def test_two_rendez_vous_at_once_are_refused_whatever_the_bilan_naming_the_other(bilan):
    first = opened(bilan)
    second = opened(bilan, nom="Durand", prenom="Hugo")
    plan(bilan, first, "2026-03-10", "14h", "2h")
    err = refused(bilan, "rdv", "add", second, "--date", "2026-03-10", "--heure", "15h",
                  "--duree", "1h", key="RDV_CHEVAUCHEMENT")
    assert f"rendez-vous n° 1 du bilan {first}" in err and "14h00 à 16h00" in err
    assert bilan("rdv", "add", second, "--date", "2026-03-10", "--heure", "16h",
                 "--duree", "1h").key is None   # one starts when the other ends


def test_planned_plus_held_hours_over_24_are_refused(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "18h")
    plan(bilan, bid, "2026-03-09", "9h", "4h")
    err = refused(bilan, "rdv", "add", bid, "--date", "2026-03-16", "--heure", "9h",
                  "--duree", "2h30", key="RDV_HEURES_MAX")
    assert "L6313-4 al. 5" in err and "18 h réalisées" in err and "4 h déjà planifiées" in err
    plan(bilan, bid, "2026-03-16", "9h", "2h")


@pytest.mark.parametrize("args, key", [
    (["--date", "2026-03-01", "--heure", "9h", "--duree", "1h"], "RDV_DATE_PASSEE"),
    (["--date", "2026-03-09", "--heure", "25:00", "--duree", "1h"], "HEURE_IMPOSSIBLE"),
    (["--date", "2026-03-09", "--heure", "14h75", "--duree", "1h"], "HEURE_IMPOSSIBLE"),
    (["--date", "2026-03-09", "--heure", "quatorze", "--duree", "1h"], "HEURE_ILLISIBLE"),
    (["--date", "2026-03-09", "--heure", "9h", "--duree", "0"], "DUREE_NON_POSITIVE"),
    (["--date", "2026-03-09", "--heure", "9h", "--duree", "0min"], "DUREE_NON_POSITIVE"),
    (["--date", "2026-03-09", "--heure", "9h", "--duree", "1h", "--lien", "ftp://x.fr/a"],
     "RDV_LIEN_INVALIDE"),
    (["--date", "2026-03-09", "--heure", "9h", "--duree", "1h", "--lien", "www.visio.fr"],
     "RDV_LIEN_INVALIDE"),
    (["--date", "2026-03-09", "--heure", "9h", "--duree", "1h", "--modalite", "zoom"],
     "MODALITE_INCONNUE"),
    (["--date", "31/02/2026", "--heure", "9h", "--duree", "1h"], "DATE_IMPOSSIBLE"),
])
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, args, key):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-20", "9h")
    before = bilan.db_bytes()
    result = bilan("rdv", "add", bid, *args, code=1)
    assert result.key == key and result.stderr.startswith("Erreur : ")
    assert bilan.db_bytes() == before


def test_a_day_already_past_points_to_entretien_add(bilan):
    bid = opened(bilan)
    err = refused(bilan, "rdv", "add", bid, "--date", "2026-02-27", "--heure", "9h", "--duree", "1h", key="RDV_DATE_PASSEE")
    assert "entretien add" in err and "27/02/2026" in err


def test_an_abandoned_bilan_plans_nothing_and_its_abandon_cancelled_what_was_planned(bilan):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-09", "9h")
    plan(bilan, bid, "2026-03-16", "9h")
    bilan("rdv", "cancel", bid, "2", "--par", "cabinet")
    assert "1 rendez-vous prévu(s)" in bilan("abandon", bid).stdout
    assert [r["statut"] for r in bilan.json("rdv", "list", bid)] == ["annule", "annule"]
    assert bilan.json("rdv", "list") == [r for r in bilan.json("rdv", "list", bid)]
    assert "rdv" not in {i["quoi"] for i in bilan.json("agenda")}
    assert "abandonné" in refused(bilan, "rdv", "add", bid, "--date", "2026-03-23",
                                  "--heure", "9h", "--duree", "1h", key="RDV_BILAN_ABANDONNE")


def test_move_keeps_the_number_and_refuses_another_rendez_vous_or_an_unknown_number(bilan):
    bid = opened(bilan)
    other = opened(bilan, nom="Durand", prenom="Hugo")
    plan(bilan, bid, "2026-03-09", "9h")
    plan(bilan, other, "2026-03-10", "14h", "2h")
    out = bilan("rdv", "move", bid, "1", "--date", "2026-03-10", "--heure", "10h").stdout
    assert "n° 1" in out and "mardi 10 mars 2026 à 10h00" in out
    assert bilan.json("rdv", "list", bid)[0]["debut"] == "2026-03-10T10:00"
    assert "n° 1 du bilan " + other in refused(bilan, "rdv", "move", bid, "1", "--date",
                                               "2026-03-10", "--heure", "15h",
                                               key="RDV_CHEVAUCHEMENT")
    for number, key in (("7", "RDV_INCONNU"), ("zéro", "RDV_NUMERO_MALFORME"),
                        ("0", "RDV_NUMERO_MALFORME")):
        before = bilan.db_bytes()
        assert bilan("rdv", "move", bid, number, "--date", "2026-03-11", code=1).key == key
        assert bilan.db_bytes() == before
    assert bilan("rdv", "move", bid, "1", "--date", "2026-03-10", "--duree", "1h30",
                 "--heure", "10h", code=1).key == "RDV_DEJA_A_CET_HORAIRE"
    bilan("rdv", "move", bid, "1", "--date", "2026-03-12", "--duree", "2h")
    assert bilan.json("rdv", "list", bid)[0]["fin"] == "2026-03-12T12:00"


def test_cancel_says_by_whom_and_frees_the_hour(bilan):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-09", "9h")
    out = bilan("rdv", "cancel", bid, "1", "--par", "bénéficiaire", "--motif", "Enfant malade").stdout
    assert "annulé par le bénéficiaire" in out and "Enfant malade" not in out
    assert bilan.json("rdv", "list", bid)[0]["statut"] == "annule"
    assert refused(bilan, "rdv", "cancel", bid, "1", key="RDV_PAS_PREVU")          # already cancelled
    assert bilan("rdv", "cancel", bid, "1", "--par", "personne", code=1).key == "RDV_PAR_INCONNU"
    plan(bilan, opened(bilan, nom="Durand"), "2026-03-09", "9h")   # the hour is free again


def test_done_records_the_entretien_on_its_day_with_its_duration_and_modality(bilan):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-02", "9h", "1h30", "--modalite", "visio")
    out = bilan("rdv", "done", bid, "1", "--notes", "Premier entretien").stdout
    assert "tenu" in out and "Entretien n° 1 du 02/03/2026 (1h30, visioconférence)" in out
    view = bilan.json("show", bid)
    assert view["entretiens"] == [{"numero": 1, "date": "2026-03-02", "duree_minutes": 90, "modalite": "visio",
                                   "phase": "preliminaire"}]
    assert view["rdv"][0]["statut"] == "tenu"
    assert refused(bilan, "rdv", "done", bid, "1", key="RDV_PAS_PREVU")    # once only


def test_done_takes_the_real_duration_and_refuses_a_day_still_to_come(bilan):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-02", "9h", "2h")
    plan(bilan, bid, "2026-03-09", "9h", "2h")
    assert "09/03/2026" in refused(bilan, "rdv", "done", bid, "2", key="DATE_FUTURE")
    assert bilan("rdv", "done", bid, "2", code=1).key == "DATE_FUTURE"
    bilan("rdv", "done", bid, "1", "--duree", "1h45")
    assert bilan.json("entretien", "list", bid)["entretiens"][0]["duree_minutes"] == 105


def test_done_follows_the_rules_of_entretien_add_convention_first(bilan):
    bid = bilan.new("--financement", "plan", "--employeur", "Transports Durand",
                    "--date", "2026-02-23")
    plan(bilan, bid, "2026-03-02", "9h")
    err = refused(bilan, "rdv", "done", bid, "1", key="ENTRETIEN_SANS_CONVENTION")
    assert "R6313-8" in err and "convention" in err
    assert bilan.json("rdv", "list", bid)[0]["statut"] == "prevu"


def test_on_an_ended_bilan_a_rendez_vous_is_the_follow_up_and_done_records_it(bilan):
    bid = ended(bilan)
    out = bilan("rdv", "add", bid, "--date", "2026-03-02", "--heure", "11h", "--duree", "1h").stdout
    assert "Entretien de suivi" in out and "R6313-4 3° c" in out
    assert {i["source"] for i in bilan.json("agenda") if i["quoi"] == "rdv"} == {"R6313-4 3° c"}
    out = bilan("rdv", "done", bid, "1", "--notes", "Projet en cours").stdout
    assert "Entretien de suivi du 02/03/2026" in out
    assert bilan.json("show", bid)["suivi"]["date_realisee"] == "2026-03-02"
    assert bilan.json("show", bid)["heures_realisees"] == 2
    assert refused(bilan, "rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h",
                   "--duree", "1h", key="RDV_SUIVI_DEJA")   # the follow-up is done


def test_the_agenda_lists_each_rendez_vous_with_its_time_and_asks_about_past_ones(bilan):
    bid = opened(bilan)
    plan(bilan, bid, "2026-03-02", "9h")
    plan(bilan, bid, "2026-03-05", "14h30")
    bilan.today("2026-03-04")
    rdv = [i for i in bilan.json("agenda") if i["quoi"] == "rdv"]
    assert rdv == [
        {"bilan": bid, "date": "2026-03-02", "quoi": "rdv", "source": "R6313-4",
         "en_retard": True, "heure": "09:00", "numero": 1},
        {"bilan": bid, "date": "2026-03-05", "quoi": "rdv", "source": "R6313-4",
         "en_retard": False, "heure": "14:30", "numero": 2}]
    out = bilan("agenda").stdout
    assert "Rendez-vous n° 1 passé" in out and "rdv done" in out
    assert "Rendez-vous n° 2 à 14h30 (1h30, présentiel)" in out
    bilan("rdv", "done", bid, "1")
    assert [i["numero"] for i in bilan.json("agenda") if i["quoi"] == "rdv"] == [2]


def test_a_bilan_with_a_rendez_vous_planned_is_not_called_inactive(bilan):
    bid = opened(bilan)
    bilan.today("2026-04-10")     # no entretien since the opening, 23 February
    assert "inactif" in {i["quoi"] for i in bilan.json("agenda")}
    plan(bilan, bid, "2026-04-14", "9h")
    assert "inactif" not in {i["quoi"] for i in bilan.json("agenda")}


def test_agenda_du_au_shows_a_window_and_keeps_what_is_late(bilan):
    bid = opened(bilan)
    for day in ("2026-03-02", "2026-03-10", "2026-04-14"):
        plan(bilan, bid, day, "9h")
    bilan.today("2026-03-03")
    shown = {(i["quoi"], i["date"]) for i in bilan.json("agenda", "--du", "2026-03-09",
                                                         "--au", "2026-03-15")}
    assert ("rdv", "2026-03-02") in shown and ("rdv", "2026-03-10") in shown
    assert ("rdv", "2026-04-14") not in shown
    assert all(i["en_retard"] or "2026-03-09" <= i["date"] <= "2026-03-15"
               for i in bilan.json("agenda", "--du", "2026-03-09", "--au", "2026-03-15"))
    assert ("rdv", "2026-04-14") in {(i["quoi"], i["date"]) for i in
                                     bilan.json("agenda", "--du", "1er avril 2026")}
    assert bilan("agenda", "--du", "2026-04-01", "--au", "2026-03-01", code=1).key == \
        "PERIODE_INVERSEE"


def test_the_help_of_the_week(bilan):
    out = bilan("rdv", "add", "--help").stdout
    assert "--heure H" in out and "L6313-4 al. 5" in out
    assert "rdv" in bilan("--help").stdout and "calendrier" in bilan("--help").stdout
