"""`bilan reclamation`: the register a Qualiopi auditor asks for (indicators 31 and 32)."""

import pytest
from paperwork import refused


@pytest.fixture
def received(bilan):
    bid = bilan.new("--date", "2026-01-05")
    numero = bilan.json("reclamation", "add", "--bilan", bid, "--date", "2026-02-10", "--origine",
                        "beneficiaire", "--canal", "courriel", "--objet", "Rendez-vous déplacé")
    return bid, numero


def test_a_complaint_is_numbered_by_year_and_due_in_thirty_days(bilan, received):
    _, created = received
    assert created == {"numero": "R2026-001", "echeance": "2026-03-12"}
    other = bilan.json("reclamation", "add", "--date", "2025-12-30", "--origine", "financeur",
                       "--canal", "courrier", "--objet", "Attestation manquante")
    assert other["numero"] == "R2025-001"


def test_the_answer_deadline_follows_the_setting(bilan):
    bilan.home.mkdir(parents=True)
    (bilan.home / "config.toml").write_text('[qualite]\ndelai_reponse = "15 jours"\n')
    assert bilan.json("reclamation", "add", "--date", "2026-02-10", "--origine", "autre", "--canal",
                      "oral", "--objet", "x")["echeance"] == "2026-02-25"
    (bilan.home / "config.toml").write_text('[qualite]\ndelai_reponse = "quinze"\n')
    err = refused(bilan, "reclamation", "add", "--date", "2026-02-10", "--origine", "autre",
                  "--canal", "oral", "--objet", "x", key="DELAI_ILLISIBLE")
    assert "[qualite] delai_reponse" in err


def test_answered_then_closed_with_the_corrective_action(bilan, received):
    bid, _ = received
    bilan("reclamation", "answer", "R2026-001", "--date", "2026-02-12", "--reponse", "Excuses, nouvelle date")
    assert bilan.json("reclamation", "list")[0]["statut"] == "repondue"
    bilan("reclamation", "close", "R2026-001", "--date", "2026-02-20", "--action", "Rappel 48 h avant")
    assert bilan.json("reclamation", "list") == [{
        "numero": "R2026-001", "date": "2026-02-10", "bilan": bid, "origine": "beneficiaire",
        "canal": "courriel", "statut": "close", "repondue_le": "2026-02-12", "close_le": "2026-02-20"}]
    shown = bilan.json("reclamation", "show", "R2026-001")
    assert (shown["objet"], shown["reponse"], shown["action"]) == (
        "Rendez-vous déplacé", "Excuses, nouvelle date", "Rappel 48 h avant")
    out = bilan("reclamation", "show", "R2026-001").stdout
    assert "Rendez-vous déplacé" in out and "Rappel 48 h avant" in out


def test_the_register_never_prints_the_texts(bilan, received):
    out = bilan("reclamation", "list").stdout + bilan("reclamation", "list", "--json").stdout
    assert "R2026-001" in out and "Rendez-vous déplacé" not in out


@pytest.mark.parametrize(("args", "key"), [
    (("reclamation", "add", "--date", "2026-02-10", "--origine", "client", "--canal", "oral",
      "--objet", "x"), "ORIGINE_INCONNUE"),
    (("reclamation", "add", "--date", "2026-02-10", "--origine", "autre", "--canal", "fax",
      "--objet", "x"), "CANAL_INCONNU"),
    (("reclamation", "add", "--date", "2026-02-10", "--origine", "autre", "--canal", "oral",
      "--objet", "  "), "RECLAMATION_TEXTE_VIDE"),
    (("reclamation", "add", "--date", "2026-03-10", "--origine", "autre", "--canal", "oral",
      "--objet", "x"), "DATE_FUTURE"),
    (("reclamation", "add", "--bilan", "2026-009", "--date", "2026-02-10", "--origine", "autre",
      "--canal", "oral", "--objet", "x"), "BILAN_INCONNU"),
    (("reclamation", "answer", "R2026-001", "--date", "2026-02-09", "--reponse", "x"),
     "RECLAMATION_AVANT_RECEPTION"),
    (("reclamation", "answer", "R2026-001", "--date", "2026-02-12", "--reponse", ""),
     "RECLAMATION_TEXTE_VIDE"),
    (("reclamation", "close", "R2026-001", "--date", "2026-02-12"), "RECLAMATION_SANS_REPONSE"),
    (("reclamation", "show", "R2026-002"), "RECLAMATION_INCONNUE"),
    (("reclamation", "answer", "2026-001", "--date", "2026-02-12", "--reponse", "x"),
     "RECLAMATION_NUMERO_MALFORME"),
])
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, received, args, key):
    refused(bilan, *args, key=key)


def test_the_register_is_not_rewritten(bilan, received):
    bilan("reclamation", "answer", "R2026-001", "--date", "2026-02-12", "--reponse", "Réponse")
    refused(bilan, "reclamation", "answer", "R2026-001", "--date", "2026-02-13", "--reponse", "Autre",
            key="RECLAMATION_DEJA_REPONDUE")
    refused(bilan, "reclamation", "close", "R2026-001", "--date", "2026-02-11",
            key="RECLAMATION_CLOSE_AVANT_REPONSE")
    bilan("reclamation", "close", "R2026-001", "--date", "2026-02-13")
    refused(bilan, "reclamation", "close", "R2026-001", "--date", "2026-02-14",
            key="RECLAMATION_DEJA_CLOSE")
