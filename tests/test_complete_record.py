"""Issue 21: the complete record — EDOF evidence, the warnings a consultant needs, partial
credit notes, figures that say what they count, clean documents, messages that do not
mislead. Each test goes through the real entry point and reads message keys."""

import sqlite3

from walks import ready_to_leave_preliminaire


def refused(bilan, *args, key, input=None):
    before = bilan.db_bytes()
    result = bilan(*args, code=1, input=input)
    assert bilan.db_bytes() == before, "a refusal changes nothing"
    assert result.key == key, (result.key, result.stderr)
    return result


# --- 3. EDOF declarations are evidence -------------------------------------------------

def test_a_second_edof_declaration_is_refused_and_a_correction_leaves_a_trail(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    refused(bilan, "edof", bid, "entree", "--corriger", "--motif", "x",
            key="EDOF_CORRECTION_SANS_DECLARATION")
    bilan("edof", bid, "entree", "--date", "2026-03-01")
    again = refused(bilan, "edof", bid, "entree", "--date", "2026-03-02", key="EDOF_DEJA_DECLAREE")
    assert "01/03/2026" in again.stderr
    refused(bilan, "edof", bid, "entree", "--motif", "x", key="EDOF_MOTIF_SANS_CORRECTION")
    assert bilan.json("show", bid)["edof"]["entree"] == "2026-03-01"

    bilan("edof", bid, "entree", "--date", "2026-03-02", "--corriger", "--motif", "SAISIE-FAUSSE")
    view = bilan.json("show", bid)
    assert view["edof"]["entree"] == "2026-03-02"
    assert view["corrections"] == [{"date": "2026-03-02", "objet": "edof entree",
                                    "avant": "2026-03-01", "apres": "2026-03-02",
                                    "motif": "SAISIE-FAUSSE"}]
    shown = bilan("show", bid).stdout
    assert "Déclarations EDOF" in shown and "02/03/2026" in shown and "SAISIE-FAUSSE" in shown


def test_the_motive_of_an_edof_correction_is_content_the_purge_destroys(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    bilan("edof", bid, "entree", "--date", "2026-03-01")
    bilan("edof", bid, "entree", "--date", "2026-03-02", "--corriger", "--motif", "QZXMOTIFXZQ")
    bilan("abandon", bid, "--date", "2026-03-02")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "4")
    shown = bilan("show", bid).stdout
    assert "Questionnaires de satisfaction" in shown and "4/5" in shown
    bilan.today("2026-03-03")
    bilan("purge", "--yes")
    (correction,) = bilan.json("show", bid)["corrections"]
    assert correction["motif"] is None and correction["avant"] == "2026-03-01"
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT COUNT(*) FROM corrections WHERE motif IS NOT NULL").fetchone() == (0,)
    conn.close()
    assert b"QZXMOTIFXZQ" not in bilan.db_bytes()
    refused(bilan, "edof", bid, "entree", "--date", "2026-03-01", "--corriger", "--motif", "x",
            key="EDOF_MOTIF_CONTENU_DETRUIT")
    bilan("edof", bid, "entree", "--date", "2026-03-01", "--corriger")
    assert bilan.json("show", bid)["corrections"][-1]["motif"] is None


def test_show_tells_edof_and_questionnaires_and_counts_the_empty_fields(bilan):
    bid = bilan.new("--financement", "cpf")
    bilan("set", bid, "demande", "DEMANDE-ECRITE")
    shown = bilan("show", bid).stdout
    assert "DEMANDE-ECRITE" in shown
    assert "12 champs sur 13 non renseignés" in shown
    assert "Compétences" not in shown and "Plan d'action" not in shown
    assert "Questionnaires" not in shown and "Déclarations EDOF" not in shown
    bilan("edof", bid, "entree", "--date", "2026-03-02")
    shown = bilan("show", bid).stdout
    assert "Entrée déclarée le" in shown and "02/03/2026" in shown


# --- 10. Messages that mislead, fixed --------------------------------------------------

def test_leaving_a_phase_too_early_does_not_speak_of_the_end(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    result = refused(bilan, "phase", "advance", bid, "--date", "2026-03-01",
                     key="DATE_PASSAGE_AVANT_ENTRETIEN")
    assert "date de fin" not in result.stderr


def test_a_longer_entretien_says_how_much_more_it_adds(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "15h")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h30")
    err = refused(bilan, "entretien", "edit", bid, "2", "--duree", "10h",
                  key="ENTRETIEN_HEURES_MAX").stderr
    assert "8h30 de plus" in err and "10h de plus" not in err
    assert "il en reste 7h30" in err


def test_one_hour_left_is_said_in_the_singular(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "23h")
    err = refused(bilan, "entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h",
                  key="ENTRETIEN_HEURES_MAX").stderr
    assert "restent" not in err and "il en reste 1h" in err
    err = refused(bilan, "rdv", "add", bid, "--date", "2026-03-03", "--heure", "10h",
                  "--duree", "2h", key="RDV_HEURES_MAX").stderr
    assert "restent" not in err and "il en reste 1h" in err


def test_a_longer_rendez_vous_moved_says_how_much_more_it_adds(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "20h")
    bilan("rdv", "add", bid, "--date", "2026-03-03", "--heure", "10h", "--duree", "1h")
    err = refused(bilan, "rdv", "move", bid, "1", "--date", "2026-03-03", "--duree", "6h",
                  key="RDV_HEURES_MAX").stderr
    assert "5h de plus" in err and "il en reste 3h" in err


def test_deleting_an_ended_bilan_does_not_advise_abandon(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    bilan("abandon", bid)
    err = refused(bilan, "delete", bid, "--yes", key="SUPPRESSION_REFUSEE_CLOS").stderr
    assert "bilan abandon" not in err
    bilan("abandon", bid, code=1)


def test_the_pdf_extra_is_named_as_a_clone_installs_it_and_the_demo_installs_it():
    from pathlib import Path

    from bilancli import messages as msg

    root = Path(__file__).resolve().parents[1]
    assert "pip install '.[pdf]'" in msg.PDF_INDISPONIBLE
    readme = (root / "README.md").read_text(encoding="utf-8")
    first = readme.split("<!-- demo-command -->")[1].split("<!-- /demo-command -->")[0]
    assert "pip install -q '.[pdf]'" in first and "examples/demo.sh" in first
    assert "bilancli[pdf]" not in readme
    demo = (root / "examples" / "demo.sh").read_text(encoding="utf-8")
    assert any(line.startswith("bilan synthese render") and "--format" not in line
               for line in demo.splitlines()), "the demo renders a PDF, the default format"


# --- 6. Warnings, never refusals ---------------------------------------------------------

def _template_start(template) -> str:
    """The fixed words a catalogue template opens with: its mark in stderr."""
    return str(template).split("{")[0]


def test_a_second_cpf_bilan_within_five_years_is_warned_of_and_opened(bilan, tmp_path):
    from bilancli import messages as msg

    mark = _template_start(msg.AVERT_SECOND_CPF)
    first = bilan.new("--financement", "cpf", "--date", "2022-01-10", "--email", "c.m@example.fr")
    bilan("abandon", first, "--date", "2022-02-01")
    # accents and case ignored; named, and still opened
    second = bilan("new", "--nom", "MARTÎN", "--prenom", "claire", "--financement", "cpf")
    assert mark in second.stderr and first in second.stderr
    other = bilan("new", "--nom", "Durand", "--prenom", "Zoé", "--email", "C.M@example.fr",
                  "--financement", "plan")
    assert mark not in other.stderr
    other_id = bilan.json("list", "--nom", "Durand")[0]["id"]
    moved = bilan("set", other_id, "financement", "cpf")
    assert mark in moved.stderr and first in moved.stderr   # the same email
    assert any(first in w for w in bilan.json("phase", "show", other_id)["avertissements"])
    # not another person, not past five years
    assert mark not in bilan("new", "--nom", "Martin", "--prenom", "Paul", "--financement", "cpf").stderr
    old = bilan.new("--nom", "Petit", "--prenom", "Léa", "--financement", "cpf", "--date", "2020-01-02")
    bilan("abandon", old, "--date", "2021-03-01")
    assert mark not in bilan("new", "--nom", "Petit", "--prenom", "Lea", "--financement", "cpf").stderr
    sheet = tmp_path / "entrees.csv"
    sheet.write_text("Nom;Prénom;Financement\nmartin;Claire;cpf\nRoux;Anne;plan\n", encoding="utf-8")
    latest = bilan.json("list", "--nom", "claire", "--tous")[0]["id"]   # MARTÎN claire, 2026
    imported = bilan("import", sheet)
    # One warning, naming the latest CPF bilan and how many more: never one line each.
    assert imported.stderr.count(mark) == 1 and "ligne 2" in imported.stderr
    assert f"le bilan {latest} " in imported.stderr and "et 1 autre(s) bilan(s) CPF" in imported.stderr
    assert "Roux" not in imported.stderr


def test_a_rendez_vous_on_a_sunday_a_holiday_or_at_night_is_warned_of_past_midnight_refused(bilan):
    from bilancli import messages as msg

    bid = ready_to_leave_preliminaire(bilan, financement="personnel")
    sunday = bilan("rdv", "add", bid, "--date", "2026-03-08", "--heure", "10h", "--duree", "1h")
    assert _template_start(msg.AVERT_RDV_DIMANCHE) in sunday.stderr
    holiday = bilan("rdv", "add", bid, "--date", "2026-05-14", "--heure", "10h", "--duree", "1h")
    assert _template_start(msg.AVERT_RDV_FERIE) in holiday.stderr and "Ascension" in holiday.stderr
    early = bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "6h30", "--duree", "1h")
    assert _template_start(msg.AVERT_RDV_TOT) in early.stderr
    late = bilan("rdv", "add", bid, "--date", "2026-03-11", "--heure", "20h", "--duree", "1h30")
    assert _template_start(msg.AVERT_RDV_TARD) in late.stderr
    plain = bilan("rdv", "add", bid, "--date", "2026-03-12", "--heure", "14h", "--duree", "2h")
    assert plain.stderr == ""
    refused(bilan, "rdv", "add", bid, "--date", "2026-03-13", "--heure", "23h", "--duree", "1h30",
            key="RDV_APRES_MINUIT")
    moved = bilan("rdv", "move", bid, "5", "--date", "2026-11-11")
    assert "Armistice" in moved.stderr
    refused(bilan, "rdv", "move", bid, "5", "--date", "2026-03-13", "--heure", "23h30",
            key="RDV_APRES_MINUIT")
    assert len(bilan.json("rdv", "list", bid)) == 5


def test_ending_on_another_day_than_the_synthese_says_is_warned_of(bilan):
    from walks import ready_to_leave_investigation

    from bilancli import messages as msg

    mark = _template_start(msg.AVERT_SYNTHESE_AUTRE_FIN)
    bid = ready_to_leave_investigation(bilan)
    bilan("phase", "advance", bid)
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, f"texte {field}")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    bilan("synthese", "render", bid, "--format", "md", "-o", "-")
    bilan.today("2026-03-04")
    ended = bilan("phase", "advance", bid)
    assert mark in ended.stderr and "02/03/2026" in ended.stderr and "04/03/2026" in ended.stderr
    assert bilan.json("show", bid)["date_fin"] == "2026-03-04"


def test_ending_on_the_day_the_synthese_is_handed_over_is_not_warned_of(bilan):
    from walks import ready_to_leave_investigation

    from bilancli import messages as msg

    bid = ready_to_leave_investigation(bilan)
    bilan("phase", "advance", bid)
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, f"texte {field}")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    bilan("synthese", "render", bid, "--format", "md", "-o", "-")
    bilan.today("2026-03-04")
    ended = bilan("phase", "advance", bid, "--date", "2026-03-02")
    assert _template_start(msg.AVERT_SYNTHESE_AUTRE_FIN) not in ended.stderr


# --- 7. Partial credit notes -------------------------------------------------------------

def _invoiced_bilan(bilan):
    from paperwork import configure

    configure(bilan)
    bid = ready_to_leave_preliminaire(bilan, "--tarif", "1500", financement="personnel")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    numero = bilan.json("facture", bid, "--payeur", "beneficiaire",
                        "--adresse", "5 rue des Lices, 84000 Avignon")["numero"]
    return bid, numero


def _line(bilan, numero):
    return next(r for r in bilan.json("factures") if r["numero"] == numero)


def test_partial_credit_notes_never_credit_more_than_the_invoice(bilan):
    bid, numero = _invoiced_bilan(bilan)
    first = bilan.json("avoir", numero, "--montant", "200", "--motif", "geste commercial")
    assert first["montant_ht"] == -200 and first["montant_ttc"] == -200
    assert _line(bilan, numero)["reste"] == 1300 and _line(bilan, numero)["statut"] == "a_payer"
    bilan("avoir", numero, "--montant", "300")
    assert _line(bilan, numero)["reste"] == 1000
    err = refused(bilan, "avoir", numero, "--montant", "1000,01",
                  key="AVOIR_AU_DELA_DE_LA_FACTURE").stderr
    assert "1\u202f000,00" in err
    bilan("paiement", numero, "--date", "2026-03-02", "--montant", "400")
    assert _line(bilan, numero)["reste"] == 600
    last = bilan.json("avoir", numero)            # what remains: 1 000 € HT
    assert last["montant_ht"] == -1000
    row = _line(bilan, numero)
    # SPEC §10: always the total less payments and credit notes — the 400 € paid are owed back.
    assert row["statut"] == "annulee" and row["reste"] == -400
    refused(bilan, "avoir", numero, "--montant", "1", key="FACTURE_DEJA_ANNULEE")
    refused(bilan, "paiement", numero, "--date", "2026-03-02", "--montant", "1",
            key="PAIEMENT_FACTURE_ANNULEE")
    assert len(bilan.json("show", bid)["factures"]) == 4
    stats = bilan.json("stats", "--annee", "2026")
    assert stats["bpf"]["C-9"] == 0


def test_a_partial_credit_note_says_so_on_its_document_and_in_the_bpf(bilan):
    _, numero = _invoiced_bilan(bilan)
    avoir = bilan.json("avoir", numero, "--montant", "250")["numero"]
    page = bilan("facture", "render", avoir, "--format", "md", "-o", "-").stdout
    assert "Avoir partiel sur la facture" in page and "annule en totalité" not in page
    assert "250,00" in page
    assert bilan.json("stats", "--annee", "2026")["bpf"]["C-9"] == 1250
    whole = bilan("facture", "render", bilan.json("avoir", numero)["numero"], "--format", "md",
                  "-o", "-").stdout
    assert "1\u202f250,00" in whole and "Avoir partiel" in whole


# --- 8. The figures say what they count ---------------------------------------------------

def test_the_bpf_is_the_17_form_and_counts_the_trainees_at_a_distance(bilan):
    from bilancli import messages as msg

    near = ready_to_leave_preliminaire(bilan, "--statut", "salarie")
    bilan("entretien", "add", near, "--date", "2026-03-02", "--duree", "2h", "--modalite", "presentiel")
    far = ready_to_leave_preliminaire(bilan, "--statut", "salarie", "--nom", "Roux")
    bilan("entretien", "add", far, "--date", "2026-03-02", "--duree", "2h", "--modalite", "telephone")
    bpf = bilan.json("stats", "--annee", "2026")["bpf"]
    assert bpf["F-1a"]["stagiaires"] == 2 and bpf["distance"] == {"stagiaires": 1}
    assert bilan.json("stats", "--annee", "2025")["bpf"]["distance"] == {"stagiaires": 0}
    out = bilan("stats", "--annee", "2026").stdout
    assert "10443*17" in out and msg.BPF_DISTANCE in out


def test_the_human_stats_never_puts_two_money_figures_under_one_label(bilan):
    from bilancli import messages as msg

    _, numero = _invoiced_bilan(bilan)        # 1 500 € tarif, invoiced
    bilan("avoir", numero, "--montant", "100")
    out = bilan("stats", "--annee", "2026").stdout
    assert "Chiffre d'affaires" not in out
    assert msg.STATS_TARIFS in out and msg.STATS_FACTURE in out
    facture_line = next(line for line in out.splitlines() if msg.STATS_FACTURE in line)
    assert "1\u202f400,00" in facture_line


# --- 9. Documents carry no control characters; a missing home is said -----------------------

def test_documents_carry_no_control_characters_from_stored_text(bilan, tmp_path):
    from walks import ready_to_leave_investigation

    bid = ready_to_leave_investigation(bilan)
    bilan("set", bid, "projet", "Projet\x1b[31m rouge\u202eenvers\x07\n\tsuite\r\nfin")
    for fmt in ("md", "html"):
        page = bilan("synthese", "render", bid, "--format", fmt, "-o", "-").stdout
        assert "\x1b" not in page and "\u202e" not in page and "\x07" not in page, fmt
        assert "␛" in page and "rouge" in page
        assert "\tsuite" in page and "\r" not in page, fmt
    bilan("synthese", "render", bid, "--format", "html", "-o", tmp_path / "s.html")
    saved = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "\x1b" not in saved and "\u202e" not in saved
    bilan("set", bid, "nom", "Mar\x1btin\u202e", code=None)
    bilan("rdv", "add", bid, "--date", "2026-03-03", "--heure", "10h", "--duree", "1h",
          "--lieu", "Salle\x1b[2J B")
    convocation = bilan("convocation", "render", bid, "1", "--format", "md", "-o", "-").stdout
    assert "\x1b" not in convocation and "Salle" in convocation
    bilan("rdv", "add", bid, "--date", "2026-03-04", "--heure", "10h", "--duree", "1h",
          "--lieu", "Salle C\n2e étage\x1b")
    ics = bilan("calendrier", "--noms", "-o", "-").stdout
    assert "\x1b" not in ics and "\u202e" not in ics
    assert "Salle C\\n2e étage␛" in ics.replace("\r\n ", "")   # the line break kept, escaped


def test_the_pdf_takes_no_control_character_either(bilan):
    from bilancli.render.templates import neutralised

    assert neutralised({"a": ["x\x1by\u202ez\tw\nv"]}) == {"a": ["x␛y<U+202E>z\tw\nv"]}
    assert neutralised(("a\x00", 3)) == ("a␀", 3)


def test_a_read_command_on_a_home_that_does_not_exist_says_so(bilan, tmp_path):
    missing = tmp_path / "ailleurs"
    for args in (("list",), ("agenda",), ("stats",), ("factures",), ("rdv", "list")):
        result = bilan("--home", missing, *args)
        assert str(missing) in result.stderr and "n'existe pas" in result.stderr, args
    assert bilan("--home", missing, "list", "--json").stdout.strip() == "[]"
    assert not missing.exists()
    bilan.new()
    assert bilan("list").stderr == ""


def test_the_edof_exit_is_never_dated_before_the_end_of_the_bilan(bilan):
    """The exit follows the end of the action (found by an adversarial probe)."""
    from datetime import date

    import storeio
    from docstore import writing

    bid = bilan.new("--financement", "cpf", "--date", "2026-01-05")
    with writing(bilan.home) as conn:
        storeio.enter_phase(conn, bid, "termine", date(2026, 3, 1), date_fin=date(2026, 3, 1))
    bilan.today("2026-03-10")
    refused(bilan, "edof", bid, "sortie", "--date", "2026-02-27", key="EDOF_SORTIE_AVANT_FIN")
    bilan("edof", bid, "sortie", "--date", "2026-03-01")
    assert bilan.json("show", bid)["edof"]["sortie"] == "2026-03-01"
