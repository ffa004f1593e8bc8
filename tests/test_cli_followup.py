"""Agenda, follow-up, satisfaction, EDOF and figures, end to end."""

from datetime import date

import pytest
import storeio as records
from docstore import writing

from bilancli.store.db import Store


def populate(bilan, fn):
    with writing(bilan.home) as conn:
        fn(conn)


def finished_cpf(bilan, fin=date(2026, 4, 30)):
    """A CPF bilan with entretiens from Friday 9 January, ended on `fin`."""
    bid = bilan.new("--financement", "cpf", "--statut", "salarie", "--tarif", "1800",
                    "--date", "2026-01-05")

    def fill(conn):
        records.add_entretien(conn, bid, on=date(2026, 1, 9), minutes=120, modalite="visio",
                              phase="preliminaire")
        records.add_entretien(conn, bid, on=date(2026, 3, 9), minutes=90, modalite="presentiel",
                              phase="conclusion")
        records.enter_phase(conn, bid, "termine", fin, date_fin=fin)

    populate(bilan, fill)
    return bid


def agenda(bilan):
    return {(i["bilan"], i["quoi"]): i for i in bilan.json("agenda")}


def test_agenda_lists_what_a_finished_cpf_bilan_still_owes(bilan):
    bilan.today("2026-06-01")
    bid = finished_cpf(bilan)
    items = bilan.json("agenda")
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    found = {i["quoi"]: i for i in items}
    assert set(found) == {"edof_entree", "edof_sortie", "suivi", "satisfaction_fin",
                          "satisfaction_suivi", "purge"}
    # No consent to keep anything: the content was due for destruction at the end (R6313-7).
    assert found["purge"] == {"bilan": bid, "date": "2026-04-30", "quoi": "purge",
                              "source": "R6313-7", "en_retard": True}
    assert found["edof_entree"] == {"bilan": bid, "date": "2026-01-14", "quoi": "edof_entree",
                                    "source": found["edof_entree"]["source"], "en_retard": True}
    assert found["edof_sortie"]["date"] == "2026-05-06"  # 1 May is not a working day
    assert found["suivi"] == {"bilan": bid, "date": "2026-10-30", "quoi": "suivi",
                              "source": "R6313-4 3° c", "en_retard": False}
    assert "indicateur 30" in found["satisfaction_fin"]["source"]


def test_items_leave_the_agenda_once_recorded(bilan):
    bilan.today("2026-11-02")
    bid = finished_cpf(bilan)
    bilan("edof", bid, "entree", "--date", "2026-01-12")
    bilan("edof", bid, "sortie")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "5", "--commentaire", "Très utile")
    bilan("suivi", bid, "--date", "2 novembre 2026", "--notes", "A trouvé une formation.")
    assert set(agenda(bilan)) == {(bid, "satisfaction_suivi"), (bid, "purge")}
    bilan("purge", "--yes")
    assert set(agenda(bilan)) == {(bid, "satisfaction_suivi")}
    bilan("satisfaction", bid, "--moment", "suivi", "--note", "4")
    assert bilan.json("agenda") == []
    assert "Rien à faire" in bilan("agenda").stdout
    view = bilan.json("show", bid)
    assert view["suivi"]["date_realisee"] == "2026-11-02"
    assert view["edof"] == {"entree": "2026-01-12", "sortie": "2026-11-02"}
    assert view["satisfaction"] == {"fin": {"note": 5, "envoye_le": None, "relances": 0, "sans_reponse": False}, "suivi": {"note": 4, "envoye_le": None, "relances": 0, "sans_reponse": False}}


def test_convention_and_inactivity_on_open_bilans(bilan):
    bilan.today("2026-06-15")
    bid = bilan.new("--financement", "plan", "--date", "2026-05-20")
    populate(bilan, lambda conn: records.convention_sent(conn, bid, date(2026, 5, 25)))
    items = agenda(bilan)
    assert items[(bid, "convention")]["date"] == "2026-06-04"
    assert items[(bid, "convention")]["en_retard"] is True
    assert (bid, "inactif") not in items  # 30 days after opening: 19 June, not yet
    bilan.today("2026-06-20")
    assert agenda(bilan)[(bid, "inactif")]["date"] == "2026-06-19"
    populate(bilan, lambda conn: records.add_entretien(
        conn, bid, on=date(2026, 6, 20), minutes=60, modalite="visio", phase="preliminaire"))
    assert (bid, "inactif") not in agenda(bilan)


def test_agenda_table_shows_overdue_items_and_names_as_plain_text(bilan):
    bilan.today("2026-06-01")
    bid = finished_cpf(bilan)
    bilan("set", bid, "nom", "[bold]Martin")
    out = bilan("agenda", "--au", "2026-12-31").stdout   # the suivi, past the next 30 days
    assert "[bold]Martin" in out
    assert "en retard" in out and "R6313-4 3° c" in out and bid in out


def test_suivi_refused_on_an_open_bilan_or_before_the_end(bilan):
    bilan.today("2026-06-01")
    bid = finished_cpf(bilan)
    opened = bilan.new()
    before = bilan.db_bytes()
    refusal = bilan("suivi", bid, "--date", "2026-04-29", code=1)
    assert refusal.key == "SUIVI_AVANT_FIN", refusal.stderr
    err = refusal.stderr
    assert "29/04/2026" in err and "30/04/2026" in err and "R6313-4" in err
    assert bilan("suivi", opened, "--date", "2026-05-01", code=1).key == "SUIVI_BILAN_OUVERT"
    assert bilan("suivi", bid, "--date", "jadis", code=1).key == "DATE_ILLISIBLE"
    assert bilan.db_bytes() == before


def test_suivi_notes_from_stdin(bilan):
    bilan.today("2026-11-02")
    bid = finished_cpf(bilan)
    bilan("suivi", bid, "--date", "2026-11-02", "--notes", "-", input="En poste depuis octobre.\n")
    assert records.opened(bilan.home, "suivis", "notes", bid) == ["En poste depuis octobre."]


@pytest.mark.parametrize("args, expected, key", [
    (("--moment", "fin", "--note", "6"), "« 6 »", "NOTE_INVALIDE"),
    (("--moment", "fin", "--note", "0"), "« 0 »", "NOTE_INVALIDE"),
    (("--moment", "fin", "--note", "4,5"), "« 4,5 »", "NOTE_INVALIDE"),
    (("--moment", "fin", "--note", "bien"), "« bien »", "NOTE_INVALIDE"),
    (("--moment", "milieu", "--note", "4"), "moment inconnu : « milieu »", "MOMENT_INCONNU"),
])
def test_satisfaction_bad_input_is_refused(bilan, args, expected, key):
    bid = finished_cpf(bilan)
    before = bilan.db_bytes()
    refusal = bilan("satisfaction", bid, *args, code=1)
    assert refusal.key == key and expected in refusal.stderr
    assert bilan.db_bytes() == before


def test_six_month_questionnaire_refused_on_an_open_bilan(bilan):
    bid = bilan.new()
    before = bilan.db_bytes()
    assert bilan("satisfaction", bid, "--moment", "suivi", "--note", "3", code=1).key == "SATISFACTION_SUIVI_OUVERT"
    assert bilan.db_bytes() == before


def test_edof_refused_for_non_cpf_and_unknown_direction(bilan):
    cpf = finished_cpf(bilan)
    plan = bilan.new("--financement", "plan")
    unset = bilan.new()
    before = bilan.db_bytes()
    assert bilan("edof", plan, "entree", code=1).key == "EDOF_NON_CPF"
    refusal = bilan("edof", unset, "entree", code=1)
    assert refusal.key == "EDOF_NON_CPF" and "non renseigné" in refusal.stderr
    refusal = bilan("edof", cpf, "milieu", code=1)
    assert refusal.key == "EDOF_SENS_INCONNU" and "« milieu »" in refusal.stderr
    open_cpf = bilan.new("--financement", "cpf")
    before = bilan.db_bytes()
    assert bilan("edof", open_cpf, "sortie", code=1).key == "EDOF_SORTIE_BILAN_OUVERT"
    assert bilan("edof", "2026-099", "entree", code=1).key == "BILAN_INCONNU"
    assert bilan.db_bytes() == before


def test_stats_of_the_year(bilan):
    bilan.today("2026-12-31")
    done = finished_cpf(bilan)
    dropped = bilan.new("--financement", "personnel", "--date", "2026-02-01")

    def fill(conn):
        records.add_entretien(conn, dropped, on=date(2026, 2, 3), minutes=60, modalite="visio",
                              phase="preliminaire")
        records.enter_phase(conn, dropped, "abandonne", date(2026, 3, 1), date_fin=date(2026, 3, 1))

    populate(bilan, fill)
    bilan.new("--date", "2025-12-15")
    bilan("satisfaction", done, "--moment", "fin", "--note", "4")
    f = bilan.json("stats")
    assert f["annee"] == 2026
    assert (f["ouverts"], f["termines"], f["abandonnes"]) == (2, 1, 1)
    assert f["heures"] == 4.5
    assert f["taux_achevement"] == 0.5
    assert f["satisfaction"]["fin"]["moyenne"] == 4
    assert f["satisfaction"]["fin"]["taux_reponse"] == 0.5
    assert f["par_statut"]["salarie"] == {"beneficiaires": 1, "heures": 3.5}
    assert f["par_statut"]["non_renseigne"] == {"beneficiaires": 1, "heures": 1.0}
    assert f["par_financement"]["cpf"] == {"bilans": 1, "chiffre_affaires": 1800.0}
    assert f["par_financement"]["personnel"]["bilans"] == 1
    assert bilan.json("stats", "--annee", "2025")["ouverts"] == 1
    out = bilan("stats").stdout
    assert "Chiffres de l'année 2026" in out and "50 %" in out and "non renseigné" in out


@pytest.mark.parametrize("year", ["deux-mille", "26", "2026.0", "-2026"])
def test_stats_refuses_a_year_that_is_not_a_number(bilan, year):
    refusal = bilan("stats", "--annee", year, code=1)
    assert refusal.key == "ANNEE_INVALIDE" and f"« {year} »" in refusal.stderr


def test_bulk_snapshots_match_the_full_record(bilan):
    from bilancli.core.summary import Summary
    from bilancli.store.dossier import bilans
    from bilancli.store.snapshots import load_summaries

    bilan.today("2026-11-02")
    bid = finished_cpf(bilan)
    bilan("edof", bid, "entree", "--date", "2026-01-12")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "3")
    bilan("suivi", bid, "--date", "2026-11-02")
    bilan.new("--financement", "plan")
    store = Store(bilan.home)
    try:
        bulk = {s.id: s for s in load_summaries(store.conn)}
        for bilan_id in bulk:
            assert bulk[bilan_id] == Summary.from_bilan(bilans.load(store.conn, bilan_id, store.keys))
    finally:
        store.close()
    assert bulk[bid].minutes_delivered == 210 and bulk[bid].first_entretien == date(2026, 1, 9)


def test_a_comment_is_refused_once_the_content_is_destroyed_but_a_score_alone_is_kept(bilan):
    bid = bilan.new("--financement", "cpf")
    bilan("abandon", bid)
    bilan("purge", "--yes")
    before = bilan.db_bytes()
    refusal = bilan("satisfaction", bid, "--moment", "suivi", "--note", "4",
                    "--commentaire", "SECRETQZX", code=1)
    err = refusal.stderr
    assert refusal.key == "SATISFACTION_COMMENTAIRE_DETRUIT", err
    assert f"bilan {bid}" in err and "02/03/2026" in err and "R6313-7" in err
    assert "commentaire" in err and "SECRETQZX" not in err
    assert bilan.db_bytes() == before

    # The score is administrative: it stays welcome, and nothing is left to destroy.
    bilan("satisfaction", bid, "--moment", "suivi", "--note", "4")
    assert bilan.json("show", bid)["satisfaction"] == {"fin": None, "suivi": {"note": 4, "envoye_le": None, "relances": 0, "sans_reponse": False}}
    assert bilan.json("purge", "--dry-run")["bilans"] == []


def test_a_comment_is_still_taken_while_the_content_is_kept(bilan):
    bid = finished_cpf(bilan)
    bilan.today("2026-05-04")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "5", "--commentaire", "Très utile.")
    (entry,) = bilan.json("purge", "--dry-run")["bilans"]
    assert "commentaires_satisfaction" in {d["nature"] for d in entry["destructions"]}


def test_edof_confirms_the_direction_in_french(bilan):
    bilan.today("2026-11-02")
    bid = finished_cpf(bilan)
    assert "EDOF d'entrée du 12/01/2026" in bilan("edof", bid, "entree", "--date", "2026-01-12").stdout
    assert "EDOF de sortie du 02/11/2026" in bilan("edof", bid, "sortie").stdout
