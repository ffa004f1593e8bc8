"""Mistakes corrected with a trail: entretiens edited and removed by their number, a
forgotten one recorded in its phase, the consent history kept whole, and dates that cannot
contradict the record."""

import storeio
from walks import ready_to_leave_investigation, ready_to_leave_preliminaire


def refused(bilan, *args, key=None, input=None):
    before = bilan.db_bytes()
    result = bilan(*args, code=1, input=input)
    assert bilan.db_bytes() == before, "a refusal changes nothing"
    if key:
        assert result.key == key, (result.key, result.stderr)
    return result


def test_an_entretien_typed_twice_too_long_is_corrected_with_a_trail(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h", "--notes", "NOTES-SECRETES")
    out = bilan("entretien", "edit", bid, "1", "--duree", "1h30", "--modalite", "visio",
                "--motif", "durée tapée deux fois").stdout
    assert "Entretien n° 1" in out and "corrigé" in out
    view = bilan.json("show", bid)
    assert view["heures_realisees"] == 1.5 and view["entretiens"][0]["modalite"] == "visio"
    (correction,) = view["corrections"]
    assert correction == {
        "date": "2026-03-02", "objet": "entretien 1",
        "avant": {"date": "2026-03-02", "duree_minutes": 120, "modalite": "presentiel", "phase": "preliminaire"},
        "apres": {"date": "2026-03-02", "duree_minutes": 90, "modalite": "visio", "phase": "preliminaire"},
        "motif": "durée tapée deux fois",
    }
    assert "NOTES-SECRETES" not in str(view["corrections"])
    shown = bilan("show", bid).stdout
    assert "Corrections" in shown and "durée tapée deux fois" in shown
    sheet = bilan("emargement", "render", bid, "--format", "md", "-o", "-").stdout
    assert "Entretien n° 1 corrigé le 2 mars 2026" in sheet


def test_notes_changed_alone_are_said_replaced_never_said_traced(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h", "--notes", "avant")
    out = bilan("entretien", "edit", bid, "1", "--notes", "après").stdout
    assert "remplacées" in out and "notée au dossier" not in out
    assert bilan.json("show", bid)["corrections"] == []


def test_every_rule_of_add_applies_to_the_corrected_values(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "20h")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "3h")
    refused(bilan, "entretien", "edit", bid, "2", "--duree", "5h", key="ENTRETIEN_HEURES_MAX")
    refused(bilan, "entretien", "edit", bid, "2", "--date", "2026-03-03", key="DATE_FUTURE")
    refused(bilan, "entretien", "edit", bid, "2", "--date", "2026-02-28", key="DATE_AVANT_PHASE")
    refused(bilan, "entretien", "edit", bid, "2", "--phase", "conclusion", key="PHASE_JAMAIS_OUVERTE")
    refused(bilan, "entretien", "edit", bid, "9", "--duree", "1h", key="ENTRETIEN_INCONNU")
    assert "n° 9" in refused(bilan, "entretien", "edit", bid, "9", "--duree", "1h").stderr
    refused(bilan, "entretien", "edit", bid, "2", key="CORRECTION_SANS_VALEUR")
    assert "inchangé" in bilan("entretien", "edit", bid, "2", "--duree", "3h").stdout
    assert bilan.json("show", bid)["corrections"] == []


def test_a_removed_entretien_leaves_a_trail_and_its_number_is_never_given_again(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    for hours in ("1h", "2h", "3h"):
        bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", hours)
    bilan("entretien", "remove", bid, "3", "--motif", "saisi sur le mauvais bilan")
    out = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "30min").stdout
    assert "Entretien n° 4" in out
    view = bilan.json("show", bid)
    assert [e["numero"] for e in view["entretiens"]] == [1, 2, 4]
    assert view["corrections"][0]["apres"] is None and view["corrections"][0]["objet"] == "entretien 3"
    sheet = bilan("emargement", "render", bid, "--format", "md", "-o", "-").stdout
    assert "Entretien n° 3 retiré le 2 mars 2026" in sheet
    assert [e["numero"] for e in bilan.json("entretien", "list", bid)["entretiens"]] == [1, 2, 4]


def test_the_only_entretien_of_a_phase_already_left_cannot_go(bilan):
    bid = ready_to_leave_investigation(bilan)   # one entretien in each phase
    result = refused(bilan, "entretien", "remove", bid, "1", key="ENTRETIEN_SEUL_DE_SA_PHASE")
    assert "R6313-4" in result.stderr and "préliminaire" in result.stderr
    refused(bilan, "entretien", "edit", bid, "1", "--phase", "investigation",
            key="ENTRETIEN_SEUL_DE_SA_PHASE")
    bilan("entretien", "remove", bid, "2")   # the current phase's: its gate is not passed yet
    refusal = bilan("phase", "advance", bid, code=1)
    assert refusal.key == "PASSAGE_REFUSE" and "au moins un entretien" in refusal.stderr


def test_a_forgotten_entretien_is_recorded_in_the_phase_it_belongs_to(bilan):
    bilan.today("2026-03-10")
    bid = ready_to_leave_preliminaire(bilan)          # opened on 1 March
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    bilan("phase", "advance", bid, "--date", "2026-03-05")
    bilan("entretien", "add", bid, "--date", "2026-03-04", "--duree", "1h", "--phase", "preliminaire")
    view = bilan.json("show", bid)
    assert [(e["date"], e["phase"]) for e in view["entretiens"]] == [
        ("2026-03-02", "preliminaire"), ("2026-03-04", "preliminaire")]
    result = refused(bilan, "entretien", "add", bid, "--date", "2026-03-06", "--duree", "1h",
                     "--phase", "preliminaire", key="DATE_HORS_PHASE")
    assert "01/03/2026" in result.stderr and "05/03/2026" in result.stderr
    refused(bilan, "entretien", "add", bid, "--date", "2026-03-06", "--duree", "1h",
            "--phase", "conclusion", key="PHASE_JAMAIS_OUVERTE")


def test_consents_given_withdrawn_and_given_again_are_three_facts(bilan):
    bilan.today("2026-03-20")
    bid = bilan.new("--date", "2026-03-01")
    bilan("consent", bid, "bilan", "--date", "2026-03-01")
    refused(bilan, "consent", bid, "bilan", "--date", "2026-03-02", key="CONSENTEMENT_DEJA_DONNE")
    bilan("consent", bid, "bilan", "--retirer", "--date", "2026-03-05")
    refused(bilan, "consent", bid, "bilan", "--date", "2026-03-04", key="CONSENTEMENT_AVANT_RETRAIT")
    bilan("consent", bid, "bilan", "--date", "2026-03-10")
    view = bilan.json("show", bid)
    assert view["historique_consentements"] == [
        {"type": "bilan", "donne_le": "2026-03-01", "retire_le": "2026-03-05"},
        {"type": "bilan", "donne_le": "2026-03-10", "retire_le": None},
    ]
    assert view["consentements"]["bilan"] == "2026-03-10"
    # The gates read the consent in force: none between the withdrawal and the new consent.
    refused(bilan, "entretien", "add", bid, "--date", "2026-03-07", "--duree", "1h",
            key="ENTRETIEN_SANS_CONSENTEMENT")
    bilan("entretien", "add", bid, "--date", "2026-03-05", "--duree", "1h")   # the day it was said
    bilan("entretien", "add", bid, "--date", "2026-03-12", "--duree", "1h")
    assert "Historique des consentements" in bilan("show", bid).stdout


def test_a_phase_is_left_after_every_fact_recorded_for_it(bilan, tmp_path):
    bilan.today("2026-03-20")
    bid = ready_to_leave_preliminaire(bilan)          # opened and consented on 1 March
    bilan("entretien", "add", bid, "--date", "2026-03-05", "--duree", "2h")
    bilan("consent", bid, "conservation", "--date", "2026-03-10")
    result = refused(bilan, "phase", "advance", bid, "--date", "2026-03-08", key="DATE_AVANT_FAIT")
    assert "consentement « conservation »" in result.stderr and "10/03/2026" in result.stderr
    # A late consent cannot keep documents by an abandon dated before it (R6313-7).
    result = refused(bilan, "abandon", bid, "--date", "2026-03-09", key="DATE_AVANT_FAIT")
    assert "10/03/2026" in result.stderr
    refused(bilan, "abandon", bid, "--date", "2026-03-04", key="DATE_FIN_AVANT_ENTRETIEN")
    (tmp_path / "cv.txt").write_text("cv")
    bilan("doc", "add", bid, tmp_path / "cv.txt")     # stored on 20 March
    result = refused(bilan, "phase", "advance", bid, "--date", "2026-03-15", key="DATE_AVANT_FAIT")
    assert "document n° 1" in result.stderr and "20/03/2026" in result.stderr
    bilan("phase", "advance", bid, "--date", "2026-03-20")


def test_administrative_documents_stay_as_evidence_until_the_anonymisation(bilan, tmp_path):
    bilan.today("2026-03-02")
    bid = ready_to_leave_preliminaire(bilan, financement="plan")
    bilan("set", bid, "employeur", "Atelier Rivière")
    bilan("convention", "send", bid, "--date", "2026-03-01")
    bilan("convention", "sign", bid, "--date", "2026-03-02")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    bilan("emargement", "render", bid, "--format", "md")
    bilan("convention", "render", bid, "--format", "md")
    own = tmp_path / "feuille.md.j2"
    own.write_text("Feuille de {{ beneficiaire.nom_complet }}")
    bilan("emargement", "render", bid, "--format", "md", "--template", own, "-o", tmp_path / "perso.md")
    bilan("abandon", bid)
    bilan("purge", "--yes")
    folder = bilan.home / "documents" / bid
    assert sorted(p.name for p in folder.iterdir()) == [f"convention-{bid}.md", f"emargement-{bid}.md"]
    assert not (tmp_path / "perso.md").exists()   # a consultant's template may hold content
    bilan.today("2031-03-03")                      # five years on: the record is anonymised
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert ("fichiers_administratifs", 2) in [(d["nature"], d["nombre"]) for d in entry["destructions"]]
    assert not folder.exists()


def _ended(bilan, end="2026-03-02"):
    bid = bilan.new("--statut", "salarie", "--financement", "cpf")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    with __import__("docstore").writing(bilan.home) as conn:
        from datetime import date

        import storeio
        storeio.enter_phase(conn, bid, "termine", date.fromisoformat(end), date_fin=date.fromisoformat(end))
    return bid


def test_silence_is_recorded_and_closes_its_agenda_item(bilan):
    answered, silent = _ended(bilan), _ended(bilan)
    bilan("satisfaction", answered, "--moment", "fin", "--note", "4")
    out = bilan("satisfaction", silent, "--moment", "fin", "--sans-reponse").stdout
    assert "sans réponse" in out
    assert not [i for i in bilan.json("agenda") if i["quoi"] == "satisfaction_fin"]
    figures = bilan.json("stats", "--annee", "2026")["satisfaction"]["fin"]
    assert (figures["reponses"], figures["interroges"], figures["taux_reponse"]) == (1, 2, 0.5)
    refused(bilan, "satisfaction", silent, "--moment", "fin", key="SATISFACTION_NOTE_OU_SILENCE")
    refused(bilan, "satisfaction", silent, "--moment", "fin", "--note", "3", "--sans-reponse",
            key="SATISFACTION_NOTE_OU_SILENCE")
    refused(bilan, "satisfaction", answered, "--moment", "fin", "--sans-reponse",
            key="SATISFACTION_DEJA_REPONDUE")
    bilan("satisfaction", silent, "--moment", "fin", "--note", "5")   # a late answer replaces it
    figures = bilan.json("stats", "--annee", "2026")["satisfaction"]["fin"]
    assert (figures["reponses"], figures["interroges"]) == (2, 2)


def test_a_follow_up_that_did_not_take_place_closes_its_item_and_counts(bilan):
    held, declined, waiting = (_ended(bilan, "2026-01-05"), _ended(bilan, "2026-01-05"),
                               _ended(bilan, "2026-01-05"))
    bilan.today("2026-07-10")
    bilan("suivi", held, "--date", "2026-07-06", "--notes", "Tout va bien")
    out = bilan("suivi", declined, "--non-realise", "--motif", "injoignable").stdout
    assert "non réalisé" in out and "10/07/2026" in out
    items = [(i["bilan"], i["quoi"]) for i in bilan.json("agenda") if i["quoi"] == "suivi"]
    assert items == [(waiting, "suivi")]
    view = bilan.json("show", declined)["suivi"]
    assert view == {"date_prevue": "2026-07-05", "date_realisee": None, "non_realise": True}
    assert bilan.json("stats", "--annee", "2026")["suivi"] == {
        "dus": 3, "realises": 1, "non_realises": 1, "taux_realisation": 0.3333}
    shown = bilan("stats", "--annee", "2026").stdout
    assert "Entretiens de suivi à six mois dus" in shown and "1 (33,3 %)" in shown
    refused(bilan, "suivi", waiting, key="SUIVI_DATE_MANQUANTE")
    refused(bilan, "suivi", waiting, "--non-realise", "--notes", "x", key="SUIVI_NON_REALISE_NOTES")


def test_financing_is_settled_once_the_bilan_has_begun(bilan):
    bid = bilan.new("--financement", "cpf")
    bilan("set", bid, "financement", "plan")        # before any entretien: free
    bilan("set", bid, "financement", "personnel")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    result = refused(bilan, "set", bid, "financement", "plan", key="FINANCEMENT_FIGE")
    assert "R6313-8" in result.stderr and "Financement personnel" in result.stderr
    bilan("set", bid, "financement", "cpf")          # no convention either way: allowed
    unset = bilan.new()
    bilan("entretien", "add", unset, "--date", "2026-03-02", "--duree", "1h")
    refused(bilan, "set", unset, "financement", "reclassement", key="FINANCEMENT_FIGE")
    bilan("set", unset, "financement", "personnel")


def test_the_convention_shown_always_matches_the_financing(bilan):
    bid = bilan.new("--financement", "plan")
    bilan("convention", "send", bid)
    bilan("convention", "sign", bid)
    bilan("set", bid, "financement", "cpf")
    assert bilan.json("show", bid)["convention"]["statut"] == "non_requise"


def test_nothing_is_erased_silently(bilan, monkeypatch, tmp_path):
    bid = bilan.new("--tarif", "1800")
    bilan("set", bid, "demande", "Une demande")
    for args, stdin in ((("demande", ""), None), (("demande", "   "), None), (("demande", "-"), ""),
                        (("tarif", ""), None), (("tarif", "-"), "\n")):
        refused(bilan, "set", bid, *args, input=stdin, key="VALEUR_VIDE")
    refused(bilan, "set", bid, "nom", "--effacer", key="NOM_VIDE")
    refused(bilan, "set", bid, "demande", "autre", "--effacer", key="EFFACER_AVEC_VALEUR")
    editor = tmp_path / "vide.sh"
    editor.write_text('#!/bin/sh\n: > "$1"\n')
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    refused(bilan, "set", bid, "demande", key="VALEUR_VIDE")   # an editor that empties the draft
    bilan("set", bid, "tarif", "--effacer")
    view = bilan.json("show", bid)
    assert view["tarif"] is None and view["champs"]["demande"] == "Une demande"


def test_a_bilan_opened_by_mistake_is_deleted_without_a_trace_and_its_id_never_comes_back(bilan, tmp_path):
    from test_purge_traces import traces

    first = bilan.new(nom="Martin")
    typo = bilan.new(nom="Martn-ZQXDEL1", prenom="Claire-ZQXDEL2")
    bilan("set", typo, "demande", "DEMANDE-ZQXDEL3")
    (tmp_path / "cv.txt").write_text("CV-ZQXDEL4")
    bilan("doc", "add", typo, tmp_path / "cv.txt")
    refused(bilan, "delete", typo, key="SUPPRESSION_SANS_TERMINAL")   # no terminal, no --yes
    assert "supprimé" in bilan("delete", typo, "--yes").stdout
    assert traces(bilan.home, [f"ZQXDEL{n}" for n in range(1, 5)]) == {}
    assert bilan("show", typo, code=1).key == "BILAN_INCONNU"
    assert bilan.new(nom="Durand") == "2026-003"      # 2026-002 is never given again
    assert [b["id"] for b in bilan.json("list")] == ["2026-003", first]


def test_a_bilan_a_funder_may_ask_about_is_never_deleted(bilan):
    bid = bilan.new()
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    result = refused(bilan, "delete", bid, "--yes", key="SUPPRESSION_REFUSEE")
    assert "1 entretien(s)" in result.stderr and f"bilan abandon {bid}" in result.stderr
    plan = bilan.new("--financement", "plan", nom="Durand")
    bilan("convention", "send", plan)
    assert "convention" in refused(bilan, "delete", plan, "--yes").stderr
    shown = bilan.new(nom="Martin")   # a synthèse written to the screen is kept all the same
    bilan("synthese", "render", shown, "--format", "md", "-o", "-")
    assert "1 document(s) produit(s)" in refused(bilan, "delete", shown, "--yes").stderr


def test_on_a_terminal_delete_asks_in_french(bilan):
    bid = bilan.new()
    before = bilan.db_bytes()
    result = bilan("delete", bid, input="n\n", terminal=True, code=1)
    assert "[o/N]" in result.stderr and result.key == "SUPPRESSION_ABANDONNEE"
    assert bilan.db_bytes() == before
    bilan("delete", bid, input="oui\n", terminal=True)
    assert bilan.json("list") == []


def test_a_new_bilan_for_someone_already_open_is_flagged(bilan):
    first = bilan.new(nom="Élodie Martin", prenom="Anne")
    result = bilan("new", "--nom", "elodie martin", "--prenom", "ANNE")
    assert "déjà ouvert" in result.stderr and first in result.stderr
    assert len(bilan.json("list")) == 2
    assert "déjà ouvert" not in bilan("new", "--nom", "Martin", "--prenom", "Anne").stderr


def test_warnings_keep_a_bilan_out_of_trouble(bilan):
    bid = bilan.new("--financement", "cpf", "--heures-prevues", "12", "--tarif", "1 800")
    result = bilan("show", bid)                       # a read command says nothing
    opened = bilan("new", "--nom", "Autre", "--prenom", "A", "--financement", "cpf",
                   "--heures-prevues", "10", "--tarif", "2000")
    assert "13 heures" in opened.stderr and "1\u202f600,00 €" in opened.stderr and "D6323-1 A" in opened.stderr
    warnings = bilan.json("phase", "show", bid)["avertissements"]
    assert any("13 heures" in w for w in warnings) and any("D6323-1 A" in w for w in warnings)
    assert "D6323-1 A" in bilan("set", bid, "tarif", "1700").stderr
    assert bilan("set", bid, "tarif", "1500").stderr == ""
    bilan("set", bid, "heures_prevues", "20")
    assert bilan.json("phase", "show", bid)["avertissements"] == []
    # 23 h spent in préliminaire: two phases to come with one hour left.
    out = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "23h")
    assert "il ne reste que 1 h" in out.stderr and "2 phase(s)" in out.stderr
    assert result.stderr == ""


def test_fewer_than_13_hours_at_the_end_is_said(bilan):
    bid = ready_to_leave_investigation(bilan)
    bilan("phase", "advance", bid)
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, "texte")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    assert any("6 h d'entretiens réalisées" in w for w in bilan.json("phase", "show", bid)["avertissements"])
    bilan("synthese", "render", bid, "--format", "md")
    result = bilan("phase", "advance", bid)
    assert "moins des 13 heures" in result.stderr and "terminé" in result.stdout


def test_list_finds_a_person_accents_and_case_ignored(bilan):
    first = bilan.new(nom="Lefèvre", prenom="Hélène")
    bilan.new(nom="Martin", prenom="Claire")
    assert [b["id"] for b in bilan.json("list", "--nom", "lefevre")] == [first]
    assert [b["id"] for b in bilan.json("list", "--nom", "HELE")] == [first]
    assert "Lefèvre" in bilan("list", "--nom", "fèv").stdout
    assert bilan.json("list", "--nom", "durand") == []
    assert bilan.json("list", "--nom", "e", "--phase", "termine") == []


def test_a_bilan_with_an_invoice_is_never_deleted(bilan):
    from paperwork import configure

    configure(bilan)
    bid = bilan.new("--financement", "cpf", "--tarif", "1800", "--date", "2026-03-01")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    bilan("facture", bid)
    bilan("entretien", "remove", bid, "1", "--motif", "saisi sur le mauvais bilan")
    result = refused(bilan, "delete", bid, "--yes", key="SUPPRESSION_REFUSEE")
    assert "1 facture(s)" in result.stderr


def test_a_rendez_vous_s_place_and_link_go_with_the_identity(bilan):
    import sqlite3

    bilan.today("2026-03-01")
    bid = bilan.new("--format", "mixte", nom="Zorglub")
    bilan("rdv", "add", bid, "--date", "2026-03-02", "--heure", "9h", "--duree", "1h",
          "--lieu", "chez Mme Zorglub, 3 rue des Lilas")
    bilan("rdv", "add", bid, "--date", "2026-03-03", "--heure", "9h", "--duree", "1h",
          "--modalite", "visio", "--lien", "https://visio.example/zorglub")
    bilan.today("2026-03-04")
    bilan("rdv", "done", bid, "1")
    bilan("rdv", "cancel", bid, "2")
    bilan("abandon", bid)
    bilan("purge", "--yes")
    assert b"Lilas" in bilan.db_bytes()            # administrative until the anonymisation
    bilan.today("2031-03-05")
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    identity = [d for d in entry["destructions"] if d["nature"] == "identite"]
    assert identity and identity[0]["nombre"] == 4   # nom, prénom, the place, the link
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT lieu, lien FROM rdv").fetchall() == [(None, None), (None, None)]
    assert b"Lilas" not in bilan.db_bytes() and b"zorglub" not in bilan.db_bytes().lower()


def test_a_correction_s_motive_is_content_and_goes_with_it(bilan):
    """SPEC §8: free text typed to explain a correction is bilan content (R6313-7)."""
    from test_purge_traces import traces

    bid = ready_to_leave_preliminaire(bilan)
    for hours in ("1h", "2h", "3h"):
        bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", hours)
    motives = ["Mme ZQXMOT1 hospitalisée", "ZQXMOT2 en arrêt"]
    bilan("entretien", "edit", bid, "1", "--duree", "1h30", "--motif", motives[0])
    bilan("entretien", "remove", bid, "2", "--motif", motives[1])
    bilan("abandon", bid)
    trail = bilan.json("show", bid)["corrections"]
    assert sorted(c["motif"] for c in trail) == sorted(motives)   # kept, and read back
    assert traces(bilan.home, motives) == {}   # sealed in the store (SPEC §15)
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert ("motifs_correction", 2) in [(d["nature"], d["nombre"]) for d in entry["destructions"]]
    assert traces(bilan.home, motives) == {}
    # The trail of what changed is administrative and stays; its motives went.
    trail = bilan.json("show", bid)["corrections"]
    assert [(c["objet"], c["motif"]) for c in trail] == [("entretien 1", None), ("entretien 2", None)]
    result = refused(bilan, "entretien", "edit", bid, "1", "--duree", "1h", "--motif", "ZQXMOT3",
                     key="MOTIF_CORRECTION_CONTENU_DETRUIT")
    assert "R6313-7" in result.stderr and "ZQXMOT3" not in result.stderr
    refused(bilan, "entretien", "remove", bid, "3", "--motif", "ZQXMOT3",
            key="MOTIF_CORRECTION_CONTENU_DETRUIT")
    bilan("entretien", "edit", bid, "1", "--duree", "1h")   # the correction alone still can be made


def test_a_held_follow_up_is_never_replaced_silently(bilan):
    """SPEC §8: `suivi --non-realise` after a held follow-up is refused, naming it."""
    bid, declined = _ended(bilan, "2026-01-05"), _ended(bilan, "2026-01-05")
    bilan.today("2026-07-10")
    bilan("suivi", bid, "--date", "2026-07-06", "--notes", "Tout va bien")
    result = refused(bilan, "suivi", bid, "--non-realise", "--motif", "injoignable",
                     key="SUIVI_DEJA_TENU")
    assert "06/07/2026" in result.stderr and "avec ses notes" in result.stderr
    assert "R6313-4" in result.stderr and "Tout va bien" not in result.stderr
    view = bilan.json("show", bid)["suivi"]
    assert (view["date_realisee"], view["non_realise"]) == ("2026-07-06", False)
    bilan("suivi", bid, "--date", "2026-07-07")          # its day corrected: its notes stay
    assert bilan.json("show", bid)["suivi"]["date_realisee"] == "2026-07-07"
    assert storeio.opened(bilan.home, "suivis", "notes", bid) == ["Tout va bien"]
    bilan("suivi", declined, "--non-realise", "--motif", "injoignable")
    bilan("suivi", declined, "--non-realise")             # not held, said again: nothing is lost
    bilan("suivi", declined, "--date", "2026-07-08", "--notes", "Finalement joint")   # then held
    assert bilan.json("show", declined)["suivi"]["non_realise"] is False
