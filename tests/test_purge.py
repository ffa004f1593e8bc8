"""`bilan purge` end to end: what goes, when, under which rule, and what stays."""

from datetime import date

import pytest
from docstore import writing
from purge_helpers import PURGED, UNTOUCHED, make_ended_bilan, marker, matches, state


def config(bilan, text: str) -> None:
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(text, encoding="utf-8")


def files(bilan, bid):
    """The bilan's files of content left under documents/ID/; its administrative file (the
    convention of make_ended_bilan) stays until the anonymisation, checked apart."""
    folder = bilan.home / "documents" / bid
    return sorted(p.name for p in folder.iterdir()
                  if not p.name.startswith("convention-")) if folder.exists() else []


def test_content_goes_on_the_day_the_action_ends_and_the_record_stays(bilan):
    bid = make_ended_bilan(bilan.home, "A", end=date(2026, 3, 2))
    bilan.today("2026-03-01")
    assert bilan.json("purge", "--yes")["bilans"] == []
    assert matches(state(bilan.home, bid), UNTOUCHED)
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == "2026-03-02"

    bilan.today("2026-03-02")
    report = bilan.json("purge", "--yes")
    (entry,) = report["bilans"]
    assert entry["id"] == bid and report["simulation"] is False
    went = {d["nature"]: d for d in entry["destructions"]}
    assert set(went) == {"champs", "notes_entretien", "notes_suivi", "documents", "syntheses",
                         "fichiers", "fichiers_synthese", "motifs_rdv", "motifs_correction",
                         "commentaires_satisfaction"}
    assert went["motifs_rdv"]["nombre"] == 1
    assert went["champs"]["nombre"] == 2
    assert went["documents"]["octets"] == len(marker("A", "DOC")) * 50
    assert {d["regle"] for d in entry["destructions"]} == {"R6313-7"}
    assert {d["echeance"] for d in entry["destructions"]} == {"2026-03-02"}
    assert matches(state(bilan.home, bid), PURGED)
    assert files(bilan, bid) == []

    view = bilan.json("show", bid)
    assert all(v is None for v in view["champs"].values())
    assert view["documents"] == []
    assert len(view["entretiens"]) == 1 and view["entretiens"][0]["duree_minutes"] == 90
    assert (view["nom"], view["tarif"], view["financement"]) == ("Martin", 1800, "cpf")
    assert view["purge"] == {"contenu_detruit_le": "2026-03-02", "prochaine_echeance": "2031-03-02",
                             "regle": "anonymisation"}
    assert "Contenu détruit le" in bilan("show", bid).stdout

    # Idempotent: a second run finds nothing, and changes nothing.
    before = bilan.db_bytes()
    assert bilan.json("purge", "--yes")["bilans"] == []
    assert "Rien à détruire" in bilan("purge", "--yes").stdout
    assert bilan.db_bytes() == before


def test_the_purge_log_says_what_went_never_the_content(bilan):
    import sqlite3

    bid = make_ended_bilan(bilan.home, "LOG", end=date(2026, 1, 10))
    bilan("purge", "--yes")
    rows = sqlite3.connect(bilan.home / "bilans.db").execute(
        "SELECT date, nature, nombre, octets, regle FROM purges WHERE bilan_id = ?", (bid,)).fetchall()
    assert ("2026-03-02", "champs", 2, len(marker("LOG", "CHAMP")) * 2 + len("projet "), "R6313-7") in rows
    assert all("QZX" not in str(value) for row in rows for value in row)


def test_a_running_bilan_is_never_purged(bilan):
    bid = bilan.new("--date", "2020-01-06")
    bilan("set", bid, "demande", "Reconversion")
    assert bilan.json("purge", "--yes")["bilans"] == []
    assert bilan.json("show", bid)["champs"]["demande"] == "Reconversion"
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] is None


def test_exception_a_keeps_the_synthesis_for_the_period_only(bilan):
    bid = make_ended_bilan(bilan.home, "CEP", end=date(2025, 3, 1), consents=("cep",))
    bilan.today("2026-02-28")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert not {"syntheses", "fichiers_synthese"} & {d["nature"] for d in entry["destructions"]}
    left = state(bilan.home, bid)
    assert (left["champs"], left["documents"], left["syntheses"], left["rendus_restants"]) == (0, 0, 1, 1)
    assert files(bilan, bid) == [f"synthese-{bid}.md"]
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == "2026-03-01"

    bilan.today("2026-03-01")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert {(d["nature"], d["regle"]) for d in entry["destructions"]} == {
        ("syntheses", "R6313-7 exception A"), ("fichiers_synthese", "R6313-7 exception A")}
    assert matches(state(bilan.home, bid), PURGED)
    assert files(bilan, bid) == []


@pytest.mark.parametrize("consents", [("conservation",), ("conservation", "cep")])
def test_exception_b_keeps_everything_until_the_same_day(bilan, consents):
    bid = make_ended_bilan(bilan.home, "B", end=date(2025, 3, 2), consents=consents)
    bilan.today("2026-03-01")
    assert bilan.json("purge", "--yes")["bilans"] == []
    assert matches(state(bilan.home, bid), UNTOUCHED)
    bilan.today("2026-03-02")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert {d["regle"] for d in entry["destructions"]} == {"R6313-7 exception B"}
    assert matches(state(bilan.home, bid), PURGED)


@pytest.mark.parametrize("kind", ["conservation", "cep"])
def test_withdrawing_a_consent_ends_its_exception_at_once(bilan, kind):
    bid = make_ended_bilan(bilan.home, "W", end=date(2026, 1, 15), consents=(kind,))
    bilan("consent", bid, kind, "--retirer")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert {d["regle"] for d in entry["destructions"]} == {"R6313-7"}
    assert matches(state(bilan.home, bid), PURGED)


def test_suivi_notes_written_after_destruction_go_at_the_next_purge(bilan):
    import storeio as records

    bid = make_ended_bilan(bilan.home, "S", end=date(2025, 9, 1), suivi_notes=False)
    bilan("purge", "--yes")
    with writing(bilan.home) as conn:
        records.record_suivi(conn, bid, date(2026, 3, 2), "Nouveau poste trouvé")
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == "2025-09-01"  # overdue
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert [(d["nature"], d["regle"]) for d in entry["destructions"]] == [("notes_suivi", "R6313-7")]
    assert state(bilan.home, bid)["notes_suivi"] == 0
    assert bilan.json("show", bid)["purge"]["contenu_detruit_le"] == "2026-03-02"


def test_the_administrative_record_is_anonymised_after_its_period(bilan):
    bid = make_ended_bilan(bilan.home, "ANO", end=date(2021, 3, 2), nom="Zebulonesque")
    bilan.today("2026-03-01")
    bilan("purge", "--yes")
    assert bilan.json("show", bid)["nom"] == "Zebulonesque"
    convention = bilan.home / "documents" / bid / f"convention-{bid}.md"
    assert convention.exists(), "administrative evidence stays until the anonymisation"
    bilan.today("2026-03-02")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert [(d["nature"], d["nombre"], d["regle"]) for d in entry["destructions"]] == [
        ("identite", 5, "anonymisation"), ("fichiers_administratifs", 1, "anonymisation")]
    assert not convention.exists()
    view = bilan.json("show", bid)
    for key in ("nom", "prenom", "email", "telephone", "employeur"):
        assert view[key] is None
    assert (view["tarif"], view["statut"], view["financement"]) == (1800, "salarie", "cpf")
    assert view["date_fin"] == "2021-03-02" and len(view["entretiens"]) == 1
    assert state(bilan.home, bid)["anonymise_le"] == "2026-03-02"
    assert view["purge"]["prochaine_echeance"] is None
    assert b"Zebulonesque" not in bilan.db_bytes()


def test_administrative_period_comes_from_the_config(bilan):
    config(bilan, '[conservation]\nadministratif = "2 ans"\n')
    bid = make_ended_bilan(bilan.home, "ADM", end=date(2024, 3, 2))
    bilan("purge", "--yes")
    assert bilan.json("show", bid)["nom"] is None


@pytest.mark.parametrize("duree", ["4 ans", "37 mois"])
def test_a_period_above_the_legal_maximum_is_refused_even_when_nothing_is_due(bilan, duree):
    bilan.new()
    config(bilan, f'[conservation]\nduree = "{duree}"\n')
    before = bilan.db_bytes()
    for args in (("purge", "--yes"), ("purge", "--dry-run"), ("purge", "--json")):
        refusal = bilan(*args, code=1)
        assert refusal.key == "PERIODE_TROP_LONGUE", refusal.stderr
        err = refusal.stderr
        assert "R6313-7" in err and duree in err and "3 ans" in err
    assert bilan.db_bytes() == before


def test_an_unreadable_period_is_refused(bilan):
    config(bilan, '[conservation]\nduree = "toujours"\n')
    refusal = bilan("purge", "--dry-run", code=1)
    assert refusal.key == "PERIODE_ILLISIBLE" and "« toujours »" in refusal.stderr


@pytest.mark.parametrize("duree, ended_on, kept_until", [
    ("3 ans", date(2023, 12, 30), "2024-12-30"),   # ended before the decree: one year at most
    ("3 ans", date(2023, 12, 31), "2026-12-31"),   # the decree's first day: three years
    ("18 mois", date(2023, 6, 30), "2024-06-30"),
    ("18 mois", date(2024, 6, 30), "2025-12-30"),
    ("6 mois", date(2023, 6, 30), "2023-12-30"),
    ("6 mois", date(2024, 6, 30), "2024-12-30"),
])
def test_the_period_setting_before_and_after_the_decree(bilan, duree, ended_on, kept_until):
    config(bilan, f'[conservation]\nduree = "{duree}"\nadministratif = "10 ans"\n')
    bid = make_ended_bilan(bilan.home, "P", end=ended_on, consents=("conservation",))
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == kept_until
    day_before = date.fromisoformat(kept_until).toordinal() - 1
    bilan.today(date.fromordinal(day_before).isoformat())
    assert bilan.json("purge", "--yes")["bilans"] == []
    bilan.today(kept_until)
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert {d["regle"] for d in entry["destructions"]} == {"R6313-7 exception B"}
    assert matches(state(bilan.home, bid), PURGED)


def test_dry_run_says_what_when_and_why_and_changes_nothing(bilan):
    bid = make_ended_bilan(bilan.home, "DRY", end=date(2026, 2, 1), consents=("cep",))
    before = bilan.db_bytes()
    report = bilan.json("purge", "--dry-run")
    assert report["simulation"] is True
    (entry,) = report["bilans"]
    assert {d["nature"] for d in entry["destructions"]} == {
        "champs", "notes_entretien", "notes_suivi", "documents", "fichiers", "motifs_rdv", "motifs_correction",
        "commentaires_satisfaction"}
    assert "QZX" not in str(report)
    out = bilan("purge", "--dry-run").stdout
    assert bid in out and "01/02/2026" in out and "R6313-7 : fin de l'action" in out
    assert "Simulation" in out and "QZX" not in out
    assert bilan.db_bytes() == before
    assert files(bilan, bid) == [f"emargement-{bid}.md", f"synthese-{bid}.md"]


def test_without_yes_and_without_a_terminal_purge_refuses(bilan):
    bid = make_ended_bilan(bilan.home, "TTY", end=date(2026, 2, 1))
    before = bilan.db_bytes()
    refusal = bilan("purge", code=1)
    assert refusal.key == "PURGE_SANS_TERMINAL", refusal.stderr
    err = refusal.stderr
    assert "--yes" in err
    assert bilan.db_bytes() == before and matches(state(bilan.home, bid), UNTOUCHED)


def test_on_a_terminal_purge_asks_in_french(bilan, monkeypatch):
    from bilancli.cli.donnees import purging

    monkeypatch.setattr(purging, "_is_terminal", lambda: True)
    bid = make_ended_bilan(bilan.home, "ASK", end=date(2026, 2, 1))
    before = bilan.db_bytes()
    result = bilan("purge", input="n\n", code=1)
    assert "Détruire définitivement" in result.stderr and "[o/N]" in result.stderr
    assert result.key == "PURGE_ABANDONNEE"
    assert bilan.db_bytes() == before
    result = bilan("purge", input="o\n")
    assert matches(state(bilan.home, bid), PURGED)
    assert "Par règle" in result.stdout and "R6313-7 : fin de l'action" in result.stdout


def test_a_file_that_cannot_be_deleted_is_reported_and_retried(bilan):
    bid = make_ended_bilan(bilan.home, "RET", end=date(2026, 2, 1))
    stuck = bilan.home / "documents" / bid / f"emargement-{bid}.md"
    stuck.unlink()
    stuck.mkdir()                      # a folder in its place cannot be unlinked as a file
    (stuck / "autre").write_text("x")
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_INCOMPLETE", result.stderr
    assert f"emargement-{bid}.md" in result.stderr and "prochaine purge" in result.stderr
    left = state(bilan.home, bid)
    assert (left["champs"], left["documents"], left["rendus_restants"]) == (0, 0, 1)
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == "2026-02-01"
    (stuck / "autre").unlink()
    stuck.rmdir()
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert [(d["nature"], d["nombre"]) for d in entry["destructions"]] == [("fichiers", 1)]
    assert state(bilan.home, bid)["rendus_restants"] == 0
    assert bilan.json("purge", "--yes")["bilans"] == []


def test_json_output_is_one_document_even_for_many_bilans(bilan):
    import json

    ids = [make_ended_bilan(bilan.home, f"M{i}", end=date(2026, 1, 1 + i)) for i in range(6)]
    result = bilan("purge", "--yes", "--json")
    report = json.loads(result.stdout)
    assert [b["id"] for b in report["bilans"]] == ids
    assert all(matches(state(bilan.home, bid), PURGED) for bid in ids)


def test_free_text_of_the_record_goes_too_but_the_scores_stay(bilan):
    import sqlite3

    import storeio as records

    bid = make_ended_bilan(bilan.home, "TXT", end=date(2026, 2, 1))
    with writing(bilan.home) as conn:
        records.enter_phase(conn, bid, "abandonne", date(2026, 2, 1), motif="Raisons de santé")
        records.record_satisfaction(conn, bid, moment="fin", note=4, commentaire="Très utile",
                                    on=date(2026, 2, 1))
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    natures = {d["nature"] for d in entry["destructions"]}
    assert {"motif_abandon", "commentaires_satisfaction"} <= natures
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT note, commentaire FROM satisfactions").fetchall() == [(4, None)]
    assert bilan.json("show", bid)["motif_abandon"] is None
    assert b"Raisons de sant" not in bilan.db_bytes() and b"utile" not in bilan.db_bytes()


def test_a_purge_of_many_bilans_ends_with_the_short_table_by_rule(bilan, monkeypatch):
    from bilancli.cli.donnees import purging

    monkeypatch.setattr(purging, "DETAILED_REPORT", 2)
    ids = [make_ended_bilan(bilan.home, f"N{i}", end=date(2026, 1, 1 + i)) for i in range(3)]
    out = bilan("purge", "--yes").stdout
    assert "Par règle" in out and "bilan show" in out and "3 bilan(s)" in out
    assert not any(bid in out for bid in ids)
    assert all(matches(state(bilan.home, bid), PURGED) for bid in ids)


def test_files_destroyed_by_a_run_cut_short_before_its_commit_are_recorded_by_the_next(bilan, monkeypatch):
    """What the README promises about a `kill -9`: the record is all or nothing per batch,
    the files may already be gone, and the next run notes them as destroyed."""
    from contextlib import contextmanager

    from bilancli.store.db import Store

    from sealing import seal_store

    bid = make_ended_bilan(bilan.home, "CUT", end=date(2026, 2, 1))
    seal_store(bilan.home)   # set up already: the purge's own writes are the ones cut
    real_write = Store.write

    @contextmanager
    def cut_short(self):
        raise KeyboardInterrupt   # the batch's files are gone; its transaction never begins

    with monkeypatch.context() as patch:
        patch.setattr(Store, "write", cut_short)
        assert bilan("purge", "--yes", code=None).exit_code != 0
    assert Store.write is real_write
    assert files(bilan, bid) == []
    assert matches(state(bilan.home, bid), UNTOUCHED)   # the record of the batch is whole

    (entry,) = bilan.json("purge", "--yes")["bilans"]
    went = {d["nature"]: (d["nombre"], d["octets"]) for d in entry["destructions"]}
    assert went["fichiers"] == (1, 0) and went["fichiers_synthese"] == (1, 0)
    assert entry["fichiers_non_detruits"] == []
    assert matches(state(bilan.home, bid), PURGED)


def test_an_interrupted_purge_does_not_claim_that_nothing_changed(bilan, monkeypatch):
    from bilancli.store.conservation import purge as store_purge

    make_ended_bilan(bilan.home, "STOP", end=date(2026, 2, 1))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_purge, "purge", interrupted)
    err = bilan("purge", "--yes", code=130).stderr
    assert "purge interrompue" in err and "Relancez « bilan purge »" in err
    assert "rien n'a été modifié" not in err
