"""Entretiens, convention, phases and abandon, end to end."""

import pytest
from walks import ready_to_leave_investigation, ready_to_leave_preliminaire


def test_a_cpf_bilan_walks_to_conclusion_and_stops_at_the_synthese(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    refused = bilan("phase", "advance", bid, code=1)
    assert refused.key == "PASSAGE_REFUSE", refused.stderr
    assert "au moins un entretien" in refused.stderr and "R6313-4" in refused.stderr
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    out = bilan("phase", "advance", bid).stdout
    assert "préliminaire → phase investigation" in out
    bilan("set", bid, "competences", "Organisation, gestion d'équipe")
    bilan("set", bid, "projet", "Formatrice logistique")
    bilan.today("2026-03-20")
    bilan("entretien", "add", bid, "--date", "2026-03-16", "--duree", "1h30", "--modalite", "visio")
    bilan("phase", "advance", bid)
    view = bilan.json("phase", "show", bid)
    assert view["phase"] == "conclusion" and view["suivante"] == "termine"
    unmet = {c["source"] for c in view["conditions"] if not c["remplie"]}
    assert unmet == {"R6313-4 3° b–c", "R6313-4 3°", "L6313-4 al. 3"}
    shown = bilan.json("show", bid)
    assert [h["phase"] for h in shown["historique"]] == ["preliminaire", "investigation", "conclusion"]
    assert shown["historique"][-1]["date"] == "2026-03-20"
    assert [e["phase"] for e in shown["entretiens"]] == ["preliminaire", "investigation"]


def conclusion_ready(bilan):
    """A bilan in conclusion whose only missing gate is the synthèse."""
    bid = ready_to_leave_investigation(bilan, "plan_b")
    bilan("phase", "advance", bid)
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, "x")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    return bid


def record_synthese(bilan, bid, phase="conclusion"):
    """What another engineer's `synthese render` records (a row in `rendus`)."""
    from datetime import date

    import storeio as records
    from docstore import writing

    with writing(bilan.home) as conn:
        records.add_rendering(conn, bid, kind="synthese", format_="html", path="documents/x.html",
                              sha256="0", phase=phase, on=date(2026, 3, 2))


def test_reaching_termine_sets_the_end_and_the_follow_up_six_months_later(bilan):
    bid = conclusion_ready(bilan)
    refusal = bilan("phase", "advance", bid, code=1)
    assert refusal.key == "PASSAGE_REFUSE" and "L6313-4 al. 3" in refusal.stderr
    record_synthese(bilan, bid)
    bilan.today("2026-09-30")
    out = bilan("phase", "advance", bid, "--date", "31 août 2026").stdout
    assert "terminé le 31/08/2026" in out and "28/02/2027" in out
    view = bilan.json("show", bid)
    assert view["phase"] == "termine" and view["date_fin"] == "2026-08-31"
    assert view["suivi"]["date_prevue"] == "2027-02-28"
    before = bilan.db_bytes()
    assert bilan("phase", "advance", bid, code=1).key == "PHASE_FINALE"
    assert bilan("abandon", bid, code=1).key == "BILAN_CLOS"
    assert bilan("entretien", "add", bid, "--date", "2026-09-01", "--duree", "1h", code=1).key == "BILAN_CLOS"
    assert bilan.db_bytes() == before
    assert bilan.json("phase", "show", bid) == {
        "phase": "termine", "suivante": None, "conditions": [], "avertissements": []}


def test_a_synthese_rendered_in_an_earlier_phase_does_not_count(bilan):
    bid = conclusion_ready(bilan)
    record_synthese(bilan, bid, phase="investigation")
    refusal = bilan("phase", "advance", bid, code=1)
    assert refusal.key == "PASSAGE_REFUSE" and "L6313-4 al. 3" in refusal.stderr


def test_a_refused_advance_lists_every_unmet_gate_and_changes_nothing(bilan):
    bid = bilan.new("--financement", "plan")
    before = bilan.db_bytes()
    refusal = bilan("phase", "advance", bid, code=1)
    assert refusal.key == "PASSAGE_REFUSE", refusal.stderr
    err = refusal.stderr
    assert err.startswith("Erreur : ")
    for wording, source in [
        ("consentement « bilan »", "L6313-4 al. 2"), ("format choisi", "R6313-4 1° a–c"),
        ("convention signée", "R6313-8"), ("au moins un entretien", "R6313-4"),
    ]:
        assert f"{source})" in err and wording in err
    assert "manque : demande, besoins, modalites, format" in err
    assert bilan.db_bytes() == before


def test_phase_show_is_a_checklist_with_sources(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    view = bilan.json("phase", "show", bid)
    assert set(view) == {"phase", "suivante", "conditions", "avertissements"}
    assert view["phase"] == "preliminaire" and view["suivante"] == "investigation"
    held = {c["source"]: c["remplie"] for c in view["conditions"]}
    assert held == {"L6313-4 al. 2": True, "R6313-4 1° a–c": True, "R6313-8": True,
                    "R6313-4": False, "L6313-4 al. 5": True}
    out = bilan("phase", "show", bid).stdout
    assert "[x]" in out and "[ ]" in out and "L6313-4 al. 2" in out
    assert "1 condition(s) à remplir" in out


def test_the_cabinet_wants_a_plan_b_too_but_the_law_does_not(bilan):
    bid = ready_to_leave_investigation(bilan)
    view = bilan.json("phase", "show", bid)
    assert all(c["remplie"] for c in view["conditions"])
    assert any("plan B" in w for w in view["avertissements"])
    assert "Avertissements" in bilan("phase", "show", bid).stdout
    bilan("phase", "advance", bid)


def test_a_plan_bilan_cannot_start_before_the_convention_is_signed(bilan):
    bid = ready_to_leave_preliminaire(bilan, financement="plan")
    assert bilan.json("show", bid)["convention"]["statut"] == "a_transmettre"
    refusal = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h", code=1)
    assert refusal.key == "ENTRETIEN_SANS_CONVENTION", refusal.stderr
    err = refusal.stderr
    assert "R6313-8" in err
    refusal = bilan("convention", "sign", bid, code=1)
    assert refusal.key == "CONVENTION_NON_TRANSMISE", refusal.stderr
    err = refusal.stderr
    assert "aucun projet" in err
    bilan("convention", "send", bid, "--date", "2026-02-10")
    assert bilan.json("show", bid)["convention"] == {
        "transmise": "2026-02-10", "signee": None, "echeance": "2026-02-20", "statut": "refusee",
        "preuve": None}
    assert bilan("convention", "sign", bid, code=1).key == "CONVENTION_HORS_DELAI"
    out = bilan("convention", "send", bid, "--date", "2026-02-25").stdout
    assert "07/03/2026" in out
    assert bilan.json("show", bid)["convention"]["statut"] == "en_attente"
    bilan("convention", "sign", bid, "--date", "2026-03-01")
    assert bilan.json("show", bid)["convention"]["statut"] == "signee"
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    bilan("phase", "advance", bid)
    assert bilan("convention", "send", bid, code=1).key == "CONVENTION_DEJA_SIGNEE"


def test_entretiens_are_listed_with_their_phase_and_total(bilan):
    bid = bilan.new()
    bilan("entretien", "add", bid, "--date", "02/03/2026", "--duree", "1h30", "--modalite", "telephone")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "45 min", "--notes", "-",
          input="Notes confidentielles\n")
    listed = bilan.json("entretien", "list", bid)
    assert listed == {"entretiens": [
        {"numero": 1, "date": "2026-03-02", "duree_minutes": 90, "modalite": "telephone",
         "phase": "preliminaire"},
        {"numero": 2, "date": "2026-03-02", "duree_minutes": 45, "modalite": "presentiel",
         "phase": "preliminaire"},
    ], "heures_realisees": 2.25}
    out = bilan("entretien", "list", bid).stdout
    assert "1h30" in out and "2,25 h" in out
    assert "Notes confidentielles" not in out
    assert "Aucun entretien" in bilan("entretien", "list", bilan.new()).stdout


def test_24_hours_at_most(bilan):
    bid = bilan.new()
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "22h")
    before = bilan.db_bytes()
    refusal = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h30", code=1)
    assert refusal.key == "ENTRETIEN_HEURES_MAX", refusal.stderr
    err = refusal.stderr
    assert "L6313-4 al. 5" in err and "24,5 h" in err
    assert bilan.db_bytes() == before
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    assert bilan.json("entretien", "list", bid)["heures_realisees"] == 24


def test_abandon_ends_an_open_bilan(bilan):
    bid = bilan.new()
    bilan.today("2026-03-09")
    out = bilan("abandon", bid, "--date", "5 mars 2026", "--motif", "Reprise d'emploi [b]").stdout
    assert "abandonné le 05/03/2026" in out
    view = bilan.json("show", bid)
    assert view["phase"] == "abandonne" and view["date_fin"] == "2026-03-05"
    assert view["motif_abandon"] == "Reprise d'emploi [b]"
    # No conclusions to follow up after an abandon (R6313-4 3° c): no follow-up date.
    assert view["suivi"] == {"date_prevue": None, "date_realisee": None, "non_realise": False}
    assert "Reprise d'emploi [b]" in bilan("show", bid).stdout
    assert [r["id"] for r in bilan.json("list", "--phase", "abandonne")] == [bid]


@pytest.mark.parametrize(("args", "words", "key"), [
    (["entretien", "add", "{id}", "--date", "2026-03-02", "--duree", "0"], "« 0 »", "DUREE_NON_POSITIVE"),
    (["entretien", "add", "{id}", "--date", "2026-03-02", "--duree", "-1h"], "-1h", "DUREE_NON_POSITIVE"),
    (["entretien", "add", "{id}", "--date", "2026-03-02", "--duree", "longtemps"], "longtemps", "DUREE_ILLISIBLE"),
    (["entretien", "add", "{id}", "--date", "2026-03-02", "--duree", "1h", "--modalite", "zoom"], "zoom", "MODALITE_INCONNUE"),
    (["entretien", "add", "{id}", "--date", "31/02/2026", "--duree", "1h"], "31/02/2026", "DATE_IMPOSSIBLE"),
    (["entretien", "add", "{id}", "--date", "jadis", "--duree", "1h"], "jadis", "DATE_ILLISIBLE"),
    (["entretien", "add", "{id}", "--date", "2026-02-01", "--duree", "1h"], "précède", "DATE_AVANT_PHASE"),
    (["entretien", "add", "2026-099", "--date", "2026-03-02", "--duree", "1h"], "2026-099", "BILAN_INCONNU"),
    (["convention", "send", "{id}"], "R6313-8", "CONVENTION_NON_REQUISE"),
    (["convention", "sign", "{id}"], "R6313-8", "CONVENTION_NON_REQUISE"),
    (["convention", "send", "{id}", "--date", "naguère"], "naguère", "DATE_ILLISIBLE"),
    (["phase", "advance", "{id}"], "R6313-4 1° a–c", "PASSAGE_REFUSE"),
    (["phase", "advance", "{id}", "--date", "40/40/2026"], "40/40/2026", "DATE_IMPOSSIBLE"),
    (["phase", "show", "2026-099"], "2026-099", "BILAN_INCONNU"),
    (["abandon", "{id}", "--date", "2026-02-01"], "précède", "DATE_AVANT_PHASE"),
    (["abandon", "{id}", "--date", "1er févr"], "1er févr", "DATE_ILLISIBLE"),
])
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, args, words, key):
    bid = bilan.new("--financement", "cpf", "--date", "2026-02-15")
    before = bilan.db_bytes()
    result = bilan(*[a.format(id=bid) for a in args], code=1)
    assert result.stderr.startswith("Erreur : ")
    assert result.key == key and words in result.stderr
    assert result.stdout == ""
    assert bilan.db_bytes() == before


def test_a_closed_bilan_refuses_every_change_of_this_area(bilan):
    bid = bilan.new("--financement", "plan")
    bilan("abandon", bid)
    before = bilan.db_bytes()
    for args in (["phase", "advance", bid], ["abandon", bid], ["convention", "send", bid],
                 ["entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h"]):
        refusal = bilan(*args, code=1)
        assert refusal.key == ("PHASE_FINALE" if args[0] == "phase" else "BILAN_CLOS")
        assert "abandonné" in refusal.stderr
    assert bilan.db_bytes() == before


def test_dates_are_typed_as_a_consultant_says_them(bilan, tmp_path):
    """SPEC §2: aujourd'hui, hier, demain, a short year, a day without its year, from BILAN_TODAY."""
    bid = bilan.new("--financement", "cpf", "--date", "15/02")
    assert bilan.json("show", bid)["date_ouverture"] == "2026-02-15"
    bilan("entretien", "add", bid, "--date", "hier", "--duree", "1h")
    bilan("entretien", "add", bid, "--date", "lundi 2 mars", "--duree", "1h")
    assert [e["date"] for e in bilan.json("show", bid)["entretiens"]] == ["2026-03-01", "2026-03-02"]
    refusal = bilan("entretien", "add", bid, "--date", "dimanche 2 mars", "--duree", "1h", code=1)
    assert refusal.key == "DATE_JOUR_SEMAINE" and "lundi" in refusal.stderr
    assert bilan("entretien", "add", bid, "--date", "demain", "--duree", "1h", code=1).key == "DATE_FUTURE"
    bilan("rdv", "add", bid, "--date", "demain", "--heure", "10h", "--duree", "1h")
    assert bilan.json("rdv", "list", bid)[0]["debut"] == "2026-03-03T10:00"
    path = tmp_path / "bilans.csv"
    path.write_text("nom;prenom;date_ouverture\nDurand;Luc;22/01/26\nRoux;Anne;hier\n", encoding="utf-8")
    assert bilan.json("import", path) == {"ids": ["2026-002", "2026-003"]}
    assert [bilan.json("show", i)["date_ouverture"] for i in ("2026-002", "2026-003")] == [
        "2026-01-22", "2026-03-01"]


def test_ending_a_bilan_with_rendez_vous_still_planned_says_what_they_would_become(bilan):
    """Held after the end, a planned rendez-vous records the follow-up interview: warned."""
    bid = conclusion_ready(bilan)
    record_synthese(bilan, bid)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "10h", "--duree", "1h")
    done = bilan("phase", "advance", bid)
    assert "rendez-vous encore prévus pour le bilan" in done.stderr and "n° 1" in done.stderr
    assert bilan.json("show", bid)["phase"] == "termine"
