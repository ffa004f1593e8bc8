"""Reviewer's findings, end to end: future dates, a withdrawn consent, late consents, tarifs."""

from datetime import date

import pytest
import storeio as records
from docstore import writing
from walks import ready_to_leave_investigation, ready_to_leave_preliminaire


def refused(bilan, *args, key=None):
    """Runs a command that must be refused (by message `key` when given) and leave the store
    as it was."""
    before = bilan.db_bytes()
    result = bilan(*args, code=1)
    assert bilan.db_bytes() == before
    assert key is None or result.key == key, (result.key, result.stderr)
    err = result.stderr
    assert "Erreur inattendue" not in err
    return err


def close(bilan, bid, fin):
    with writing(bilan.home) as conn:
        records.add_entretien(conn, bid, on=date(2026, 3, 2), minutes=60, modalite="visio",
                              phase="preliminaire")
        records.enter_phase(conn, bid, "termine", fin, date_fin=fin)


# --- 1. Nothing that has happened is dated in the future ------------------------------


def test_abandon_in_the_future_is_refused(bilan):
    bilan.today("2026-03-01")
    bid = bilan.new("--date", "2026-03-01")
    err = refused(bilan, "abandon", bid, "--date", "2099-01-01", key="DATE_FUTURE")
    assert "01/01/2099" in err and "01/03/2026" in err
    bilan("abandon", bid, "--date", "2026-03-01")


def test_a_future_entretien_is_refused_and_cannot_open_a_gate(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    err = refused(bilan, "entretien", "add", bid, "--date", "2026-03-03", "--duree", "2h", key="DATE_FUTURE")
    assert "03/03/2026" in err and "02/03/2026" in err
    refusal = bilan("phase", "advance", bid, code=1)
    assert refusal.key == "PASSAGE_REFUSE" and "au moins un entretien" in refusal.stderr


def test_phase_advance_and_the_end_date_cannot_be_in_the_future(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    err = refused(bilan, "phase", "advance", bid, "--date", "2026-03-10", key="DATE_FUTURE")
    assert "10/03/2026" in err
    bilan("phase", "advance", bid, "--date", "2026-03-02")


def test_the_end_of_the_bilan_cannot_be_postponed(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    with writing(bilan.home) as conn:
        records.enter_phase(conn, bid, "conclusion", date(2026, 3, 2))
    err = refused(bilan, "phase", "advance", bid, "--date", "2099-01-01", key="DATE_FUTURE")
    assert "01/01/2099" in err and "fin du bilan" in err


@pytest.mark.parametrize("args", [
    ["consent", "{id}", "bilan", "--date", "2026-03-03"],
    ["consent", "{id}", "cep", "--date", "3 mars 2026"],
])
def test_a_future_consent_is_refused(bilan, args):
    bid = bilan.new("--date", "2026-03-01")
    err = refused(bilan, *[a.format(id=bid) for a in args], key="DATE_FUTURE")
    assert "03/03/2026" in err


def test_a_consent_before_the_opening_is_refused(bilan):
    bid = bilan.new("--date", "2026-03-01")
    err = refused(bilan, "consent", bid, "bilan", "--date", "2026-02-28", key="CONSENTEMENT_AVANT_OUVERTURE")
    assert "28/02/2026" in err and "01/03/2026" in err
    bilan("consent", bid, "bilan", "--date", "2026-03-01")


def test_a_withdrawal_is_neither_future_nor_before_the_consent(bilan):
    bid = bilan.new("--date", "2026-03-01")
    bilan("consent", bid, "cep", "--date", "2026-03-02")
    assert "03/03/2026" in refused(bilan, "consent", bid, "cep", "--retirer", "--date", "2026-03-03", key="DATE_FUTURE")
    assert "01/03/2026" in refused(bilan, "consent", bid, "cep", "--retirer", "--date", "2026-03-01", key="RETRAIT_AVANT_CONSENTEMENT")
    bilan("consent", bid, "cep", "--retirer", "--date", "2026-03-02")


def test_convention_dates_cannot_be_in_the_future(bilan):
    bid = bilan.new("--financement", "plan", "--date", "2026-03-01")
    assert "05/03/2026" in refused(bilan, "convention", "send", bid, "--date", "2026-03-05", key="DATE_FUTURE")
    bilan("convention", "send", bid, "--date", "2026-03-01")
    assert "05/03/2026" in refused(bilan, "convention", "sign", bid, "--date", "2026-03-05", key="DATE_FUTURE")
    bilan("convention", "sign", bid, "--date", "2026-03-02")


def test_follow_up_records_cannot_be_in_the_future(bilan):
    bid = bilan.new("--financement", "cpf", "--date", "2026-03-01")
    close(bilan, bid, date(2026, 3, 2))
    assert "2099" in refused(bilan, "suivi", bid, "--date", "2099-09-02", key="DATE_FUTURE")
    assert "2099" in refused(bilan, "edof", bid, "sortie", "--date", "2099-09-02", key="DATE_FUTURE")
    assert "2099" in refused(bilan, "satisfaction", bid, "--moment", "fin", "--note", "4",
                             "--date", "2099-09-02", key="DATE_FUTURE")


# --- 2. Without the worker's consent the bilan stops (L6313-4 al. 2) ---------------------


def test_a_withdrawn_bilan_consent_stops_entretiens_and_phases(bilan):
    bid = ready_to_leave_investigation(bilan)
    assert all(c["remplie"] for c in bilan.json("phase", "show", bid)["conditions"])
    bilan("consent", bid, "bilan", "--retirer")
    bilan.today("2026-03-03")
    err = refused(bilan, "entretien", "add", bid, "--date", "2026-03-03", "--duree", "1h", key="ENTRETIEN_SANS_CONSENTEMENT")
    assert "L6313-4 al. 2" in err and "02/03/2026" in err
    err = refused(bilan, "phase", "advance", bid, key="PASSAGE_REFUSE")
    assert "consentement « bilan »" in err and "L6313-4 al. 2" in err
    view = bilan.json("phase", "show", bid)
    (gate,) = [c for c in view["conditions"] if c["source"] == "L6313-4 al. 2"]
    assert gate["remplie"] is False
    assert "[ ]" in bilan("phase", "show", bid).stdout
    # The beneficiary may consent again; the bilan then resumes.
    bilan("consent", bid, "bilan")
    bilan("phase", "advance", bid)


def test_an_entretien_held_before_the_withdrawal_can_still_be_logged(bilan):
    bilan.today("2026-03-10")
    bid = ready_to_leave_preliminaire(bilan)
    bilan("consent", bid, "bilan", "--retirer", "--date", "2026-03-05")
    bilan("entretien", "add", bid, "--date", "2026-03-05", "--duree", "1h")
    assert "06/03/2026" in refused(bilan, "entretien", "add", bid, "--date", "2026-03-06",
                                   "--duree", "1h", key="ENTRETIEN_SANS_CONSENTEMENT")


# --- 3. No exception to R6313-7 agreed after the end of the action -----------------------


@pytest.mark.parametrize("kind", ["conservation", "cep"])
def test_a_keeping_consent_after_the_end_is_refused(bilan, kind):
    bid = bilan.new("--date", "2026-03-01")
    close(bilan, bid, date(2026, 3, 2))
    bilan.today("2026-04-01")
    err = refused(bilan, "consent", bid, kind, "--date", "2026-03-03", key="CONSENTEMENT_APRES_FIN")
    assert "R6313-7" in err and "03/03/2026" in err and "02/03/2026" in err
    bilan("consent", bid, kind, "--date", "2026-03-02")
    bilan("consent", bid, kind, "--retirer")


def test_other_consents_after_the_end_stay_possible(bilan):
    bid = bilan.new("--date", "2026-03-01")
    close(bilan, bid, date(2026, 3, 2))
    bilan.today("2026-04-01")
    bilan("consent", bid, "employeur", "--date", "2026-03-20")


# --- 4. Tarifs ----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1e30", "1e999", "1E5", "NaN", "inf", "100000,01", "2000000"])
def test_absurd_tarifs_are_refused_in_french(bilan, typed):
    bid = bilan.new("--tarif", "1500")
    key = "MONTANT_TROP_ELEVE" if typed in ("100000,01", "2000000") else "MONTANT_ILLISIBLE"
    err = refused(bilan, "set", bid, "tarif", typed, key=key)
    assert f"« {typed} »" in err
    assert bilan("new", "--nom", "A", "--prenom", "B", "--tarif", typed, code=1).key == key


def test_the_highest_tarif_is_accepted(bilan):
    bid = bilan.new("--tarif", "100 000")
    assert bilan.json("show", bid)["tarif"] == 100000


# --- 5. The satisfaction warning names its command ----------------------------------------


def test_the_conclusion_warning_names_the_satisfaction_command(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    with writing(bilan.home) as conn:
        records.enter_phase(conn, bid, "conclusion", date(2026, 3, 2))
    (warning,) = [w for w in bilan.json("phase", "show", bid)["avertissements"] if "Qualiopi" in w]
    assert f"bilan satisfaction {bid} --moment fin --note" in warning
