"""Purges in `bilan agenda` (SPEC §6): listed once due, gone once done, by the same rule as `purge`."""

from datetime import date

import pytest
import storeio as records
from docstore import writing
from purge_helpers import make_ended_bilan

from bilancli.core.documents.catalogue import retention_of
from bilancli.store.db import Store


def purge_items(bilan) -> dict[str, dict]:
    return {i["bilan"]: i for i in bilan.json("agenda") if i["quoi"] == "purge"}


def config(bilan, text: str) -> None:
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(text, encoding="utf-8")


def test_without_exception_the_purge_is_listed_from_the_end_until_done(bilan):
    bid = make_ended_bilan(bilan.home, "A", end=date(2026, 3, 2))
    bilan.today("2026-03-01")
    assert purge_items(bilan) == {}
    bilan.today("2026-03-02")
    assert purge_items(bilan)[bid] == {"bilan": bid, "date": "2026-03-02", "quoi": "purge",
                                       "source": "R6313-7", "en_retard": False}
    bilan.today("2026-03-20")
    assert purge_items(bilan)[bid]["en_retard"] is True
    table = bilan("agenda").stdout
    assert "R6313-7" in table and "02/03/2026" in table

    bilan("purge", "--yes")
    assert purge_items(bilan) == {}
    # Next due: the anonymisation five years on, not listed before its day.
    assert bilan.json("show", bid)["purge"]["prochaine_echeance"] == "2031-03-02"


def test_with_the_conservation_agreement_only_from_one_year_after_the_end(bilan):
    bid = make_ended_bilan(bilan.home, "B", end=date(2025, 3, 10), consents=("conservation",))
    bilan.today("2026-03-09")
    assert purge_items(bilan) == {}
    bilan.today("2026-03-10")
    assert purge_items(bilan)[bid]["date"] == "2026-03-10"
    bilan("purge", "--yes")
    assert purge_items(bilan) == {}


def test_with_the_cep_consent_the_synthesis_comes_back_when_its_period_ends(bilan):
    bid = make_ended_bilan(bilan.home, "C", end=date(2025, 3, 10), consents=("cep",))
    bilan.today("2025-04-01")
    assert purge_items(bilan)[bid]["date"] == "2025-03-10"
    bilan("purge", "--yes")          # content goes, the synthèse stays for the CEP operator
    assert purge_items(bilan) == {}
    bilan.today("2026-03-10")
    assert purge_items(bilan)[bid]["date"] == "2026-03-10"
    bilan("purge", "--yes")
    assert purge_items(bilan) == {}


def test_a_withdrawn_agreement_brings_the_purge_back_at_once(bilan):
    bid = make_ended_bilan(bilan.home, "W", end=date(2026, 1, 15), consents=("conservation",))
    assert purge_items(bilan) == {}
    bilan("consent", bid, "conservation", "--retirer")
    assert purge_items(bilan)[bid] == {"bilan": bid, "date": "2026-01-15", "quoi": "purge",
                                       "source": "R6313-7", "en_retard": True}


def test_suivi_notes_written_after_the_purge_bring_it_back(bilan):
    bid = make_ended_bilan(bilan.home, "S", end=date(2025, 9, 1), suivi_notes=False)
    bilan("purge", "--yes")
    assert purge_items(bilan) == {}
    with writing(bilan.home) as conn:
        records.record_suivi(conn, bid, date(2026, 3, 2), "Nouveau poste trouvé")
    assert purge_items(bilan)[bid]["date"] == "2025-09-01"
    bilan("purge", "--yes")
    assert purge_items(bilan) == {}


def test_anonymisation_after_five_years_is_listed_then_goes_after_purge(bilan):
    bid = make_ended_bilan(bilan.home, "ANO", end=date(2021, 3, 2))
    bilan.today("2021-03-03")
    bilan("purge", "--yes")
    bilan.today("2026-03-01")
    assert purge_items(bilan) == {}
    bilan.today("2026-03-02")
    assert purge_items(bilan)[bid] == {"bilan": bid, "date": "2026-03-02", "quoi": "purge",
                                       "source": "R6313-7", "en_retard": False}
    bilan("purge", "--yes")
    assert bilan.json("show", bid)["nom"] is None
    assert purge_items(bilan) == {}
    assert bid not in {i["bilan"] for i in bilan.json("agenda")}


def test_a_file_left_after_anonymisation_keeps_the_purge_listed(bilan):
    bid = make_ended_bilan(bilan.home, "RET", end=date(2020, 2, 3))
    stuck = bilan.home / "documents" / bid / f"emargement-{bid}.md"
    stuck.unlink()
    stuck.mkdir()                      # cannot be unlinked as a file: the purge reports it
    (stuck / "autre").write_text("x")
    bilan("purge", "--yes", code=1)
    assert bilan.json("show", bid)["nom"] is None
    assert purge_items(bilan)[bid]["date"] == "2020-02-03"
    (stuck / "autre").unlink()
    stuck.rmdir()
    bilan("purge", "--yes")
    assert purge_items(bilan) == {}


def test_a_running_bilan_owes_no_purge(bilan):
    bilan.new()
    assert purge_items(bilan) == {}


@pytest.mark.parametrize("duree", ["4 ans", "37 mois"])
def test_a_period_above_the_legal_maximum_is_refused_by_the_agenda_too(bilan, duree):
    make_ended_bilan(bilan.home, "X", end=date(2026, 1, 15))
    config(bilan, f'[conservation]\nduree = "{duree}"\n')
    before = bilan.db_bytes()
    for args in (("agenda",), ("agenda", "--json")):
        refusal = bilan(*args, code=1)
        assert refusal.key == "PERIODE_TROP_LONGUE", refusal.stderr
        err = refusal.stderr
        assert "R6313-7" in err and duree in err and "3 ans" in err
    assert bilan.db_bytes() == before


def test_the_configured_period_moves_the_agenda_as_it_moves_the_purge(bilan):
    config(bilan, '[conservation]\nduree = "2 ans"\n')
    bid = make_ended_bilan(bilan.home, "P", end=date(2024, 3, 1), consents=("conservation",))
    bilan.today("2026-02-28")
    assert purge_items(bilan) == {}
    assert bilan.json("purge", "--dry-run")["bilans"] == []
    bilan.today("2026-03-01")
    assert purge_items(bilan)[bid]["date"] == "2026-03-01"
    assert [b["id"] for b in bilan.json("purge", "--dry-run")["bilans"]] == [bid]


def test_bulk_retention_facts_match_the_full_record(bilan):
    from bilancli.core.conservation.retention import Facts
    from bilancli.store.dossier import bilans
    from bilancli.store.snapshots import (
        ended_dates,
        load_retention_facts,
        load_summaries,
        summary_dates,
    )

    plain = make_ended_bilan(bilan.home, "F1", end=date(2026, 2, 1))
    agreement = make_ended_bilan(bilan.home, "F2", end=date(2026, 2, 1), consents=("conservation",))
    both = make_ended_bilan(bilan.home, "F3", end=date(2025, 2, 1), consents=("cep", "conservation"))
    cep = make_ended_bilan(bilan.home, "F4", end=date(2025, 6, 1), consents=("cep",))
    withdrawn = make_ended_bilan(bilan.home, "F5", end=date(2026, 1, 5), consents=("cep",),
                                 suivi_notes=False)
    old = make_ended_bilan(bilan.home, "F6", end=date(2020, 1, 6))
    stuck = make_ended_bilan(bilan.home, "F7", end=date(2025, 1, 6))
    running = bilan.new()
    bilan("consent", withdrawn, "cep", "--retirer")
    bilan("consent", running, "conservation")
    path = bilan.home / "documents" / stuck / f"emargement-{stuck}.md"
    path.unlink()
    path.mkdir()                       # cannot be deleted as a file: stays recorded
    (path / "autre").write_text("x")
    bilan.today("2025-07-01")
    bilan("purge", "--yes", code=1)    # cep: content gone, synthèse kept; stuck: one file left
    bilan.today("2026-03-02")
    bilan("purge", "--yes", code=1)    # old: anonymised
    store = Store(bilan.home)
    try:
        with store.write() as conn:
            records.record_suivi(conn, cep, date(2026, 1, 2), "Notes après la purge")
            # A certificat de réalisation waits for the anonymisation, not the end.
            records.add_rendering(conn, plain, kind="certificat", format_="pdf",
                                  path=f"documents/{plain}/certificat-{plain}.pdf", sha256="0" * 64,
                                  phase="termine", on=date(2026, 2, 2),
                                  retention=retention_of("certificat", own_template=False))
        bulk = load_retention_facts(store.conn, summary_dates(load_summaries(store.conn)))
        ended = load_retention_facts(store.conn, ended_dates(store.conn))   # the purge's way
        full = {bid: Facts.from_bilan(bilans.load(store.conn, bid, store.keys)) for bid in bulk}
    finally:
        store.close()
    assert bulk == full
    assert ended == {bid: f for bid, f in full.items() if bid != running}
    assert set(bulk) == {plain, agreement, both, cep, withdrawn, old, stuck, running}
    # The store really is varied: every fact holds for some bilan and fails for another.
    for name in Facts._fields:
        assert len({bool(getattr(f, name)) for f in bulk.values()}) == 2, name
