"""Questionnaires followed up (Qualiopi indicator 30, SPEC §4, §6): sent, reminded, then closed."""

from test_cli_followup import agenda, finished_cpf


def test_the_agenda_follows_the_sending_then_each_reminder_then_asks_to_close(bilan):
    bilan.today("2026-05-04")
    bid = finished_cpf(bilan)                      # ended on 30 April 2026
    item = agenda(bilan)[bid, "satisfaction_fin"]
    assert (item["date"], item["etape"]) == ("2026-04-30", "envoi")

    bilan("satisfaction", bid, "--moment", "fin", "--envoye", "--date", "2026-05-02")
    item = agenda(bilan)[bid, "satisfaction_fin"]
    assert (item["date"], item["etape"], item["en_retard"]) == ("2026-05-09", "relance", False)

    bilan.today("2026-05-11")
    bilan("satisfaction", bid, "--moment", "fin", "--relance")
    item = agenda(bilan)[bid, "satisfaction_fin"]
    assert (item["date"], item["etape"]) == ("2026-05-18", "relance")
    second = bilan("satisfaction", bid, "--moment", "fin", "--relance", "--date", "2026-05-11")
    assert second.stderr == ""
    item = agenda(bilan)[bid, "satisfaction_fin"]
    assert (item["date"], item["etape"]) == ("2026-05-18", "cloture")
    # One more than `relances`: recorded (it was sent), and the consultant told to close it.
    third = bilan("satisfaction", bid, "--moment", "fin", "--relance", "--date", "2026-05-11")
    assert "au-delà des 2 prévues" in third.stderr and "--sans-reponse" in third.stderr
    assert "relances faites" in bilan("agenda").stdout

    view = bilan.json("show", bid)["satisfaction"]
    assert view == {"fin": {"note": None, "envoye_le": "2026-05-02", "relances": 3,
                            "sans_reponse": False}, "suivi": None}
    bilan("satisfaction", bid, "--moment", "fin", "--sans-reponse")
    assert (bid, "satisfaction_fin") not in agenda(bilan)
    assert bilan.json("show", bid)["satisfaction"]["fin"] == {
        "note": None, "envoye_le": "2026-05-02", "relances": 3, "sans_reponse": True}
    # A late answer still replaces the silence, and the sending stays on record.
    bilan("satisfaction", bid, "--moment", "fin", "--note", "4")
    assert bilan.json("show", bid)["satisfaction"]["fin"]["note"] == 4


def test_reminders_follow_the_settings(bilan):
    bilan.today("2026-05-04")
    bid = finished_cpf(bilan)
    (bilan.home / "config.toml").write_text('[qualite]\nrelance = "3 jours"\nrelances = 0\n')
    bilan("satisfaction", bid, "--moment", "fin", "--envoye", "--date", "2026-05-02")
    item = agenda(bilan)[bid, "satisfaction_fin"]
    assert (item["date"], item["etape"]) == ("2026-05-05", "cloture")


def test_a_bad_reminder_setting_is_refused_naming_the_key(bilan):
    bid = finished_cpf(bilan)
    for text, key in (('relances = 2.5', "CONFIG_RELANCES"), ('relances = -1', "CONFIG_RELANCES"),
                      ('relance = "bientôt"', "DELAI_ILLISIBLE")):
        (bilan.home / "config.toml").write_text(f"[qualite]\n{text}\n")
        result = bilan("agenda", code=1)
        assert result.key == key and ("relance" in result.stderr)


def test_a_reminder_before_the_sending_or_after_the_answer_is_refused(bilan):
    bilan.today("2026-05-04")
    bid = finished_cpf(bilan)
    before = bilan.db_bytes()
    assert bilan("satisfaction", bid, "--moment", "fin", "--relance", code=1).key == "RELANCE_AVANT_ENVOI"
    assert bilan.db_bytes() == before
    bilan("satisfaction", bid, "--moment", "fin", "--envoye", "--date", "2026-05-02")
    before = bilan.db_bytes()
    assert bilan("satisfaction", bid, "--moment", "fin", "--envoye", code=1).key == "QUESTIONNAIRE_DEJA_ENVOYE"
    assert bilan("satisfaction", bid, "--moment", "fin", "--relance", "--date", "2026-05-01",
                 code=1).key == "RELANCE_AVANT_DERNIER_ENVOI"
    assert bilan("satisfaction", bid, "--moment", "fin", "--relance", "--note", "3",
                 code=1).key == "SATISFACTION_UNE_ACTION"
    assert bilan.db_bytes() == before
    bilan("satisfaction", bid, "--moment", "fin", "--note", "5")
    before = bilan.db_bytes()
    assert bilan("satisfaction", bid, "--moment", "fin", "--relance", code=1).key == "QUESTIONNAIRE_CLOS"
    assert bilan.db_bytes() == before
    # The six-month questionnaire of a bilan still open: not before the end.
    other = bilan.new(nom="Durand", prenom="Paul")
    assert bilan("satisfaction", other, "--moment", "suivi", "--envoye",
                 code=1).key == "SATISFACTION_SUIVI_OUVERT"


def test_bulk_snapshots_read_the_questionnaires_as_the_full_record_does(bilan):
    from bilancli.core.summary import Summary
    from bilancli.store.db import Store
    from bilancli.store.dossier import bilans
    from bilancli.store.snapshots import load_summaries

    bilan.today("2026-11-02")
    bid = finished_cpf(bilan)
    bilan("satisfaction", bid, "--moment", "fin", "--envoye", "--date", "2026-05-02")
    bilan("satisfaction", bid, "--moment", "fin", "--relance", "--date", "2026-05-12")
    bilan("satisfaction", bid, "--moment", "suivi", "--envoye", "--date", "2026-10-31")
    store = Store(bilan.home)
    try:
        bulk = {s.id: s for s in load_summaries(store.conn)}
        assert bulk[bid].questionnaires["fin"].reminders == 1
        assert bulk[bid] == Summary.from_bilan(bilans.load(store.conn, bid, store.keys))
    finally:
        store.close()


def test_a_bilan_whose_questionnaire_went_out_is_not_deleted(bilan):
    bid = bilan.new()
    bilan("satisfaction", bid, "--moment", "fin", "--envoye")
    before = bilan.db_bytes()
    refusal = bilan("delete", bid, "--yes", code=1)
    assert "questionnaire" in refusal.stderr and bilan.db_bytes() == before
