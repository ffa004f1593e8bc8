"""Issue 21 point 1: the beneficiary addressed properly — civilité and postal address as
administrative fields of class identity (SPEC §3), on the convocation and on the invoice the
beneficiary pays. Today is Monday 2 March 2026."""

from datetime import date

from docstore import writing
from paperwork import configure, held, refused
from purge_helpers import make_ended_bilan

ADRESSE = "12 rue des Lilas, 69003 Lyon"


def test_new_set_and_show_hold_the_civilite_and_the_address(bilan):
    bid = bilan.new("--civilite", "Mme", "--adresse", ADRESSE)
    view = bilan.json("show", bid)
    assert (view["civilite"], view["adresse"]) == ("madame", ADRESSE)
    human = bilan("show", bid).stdout
    assert "Madame" in human and ADRESSE in human
    bilan("set", bid, "civilite", "monsieur")
    bilan("set", bid, "adresse", "3 place Bellecour, 69002 Lyon")
    view = bilan.json("show", bid)
    assert (view["civilite"], view["adresse"]) == ("monsieur", "3 place Bellecour, 69002 Lyon")
    bilan("set", bid, "civilite", "--effacer")
    assert bilan.json("show", bid)["civilite"] is None


def test_a_civilite_outside_its_list_is_refused_naming_it(bilan):
    bid = bilan.new()
    assert "docteur" in refused(bilan, "new", "--nom", "A", "--prenom", "B", "--civilite", "docteur",
                                key="CIVILITE_REFUSEE")
    err = refused(bilan, "set", bid, "civilite", "Mlle", key="CIVILITE_REFUSEE")
    assert "Mlle" in err and "madame, monsieur" in err


def test_import_reads_the_civilite_and_address_columns(bilan, tmp_path):
    sheet = tmp_path / "inscrits.csv"
    sheet.write_text(f'nom;prenom;civilite;adresse\nMartin;Claire;madame;"{ADRESSE}"\n'
                     "Durand;Paul;Monsieur;\n", encoding="utf-8")
    ids = bilan.json("import", sheet)["ids"]
    views = [bilan.json("show", bid) for bid in ids]
    assert [(v["civilite"], v["adresse"]) for v in views] == [("madame", ADRESSE), ("monsieur", None)]
    bad = tmp_path / "mauvais.csv"
    bad.write_text("nom;prenom;civilite\nMartin;Claire;madame\nDurand;Paul;Dr\n", encoding="utf-8")
    err = refused(bilan, "import", bad, key="IMPORT_REFUSE")
    assert "ligne 3" in err and "« Dr »" in err


def test_the_convocation_greets_by_civilite_and_shows_the_address(bilan):
    bid = bilan.new("--civilite", "madame", "--adresse", ADRESSE, nom="Martin", prenom="Élodie")
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "14h30", "--duree", "1h30")
    letter = bilan("convocation", "render", bid, "1", "--format", "md", "-o", "-").stdout
    assert "Madame Élodie Martin" in letter and ADRESSE in letter
    assert "\nMadame,\n" in letter and "agréer, Madame, l'expression" in letter
    assert "Madame, Monsieur" not in letter
    assert "être présente," in letter
    html = bilan("convocation", "render", bid, "1", "--format", "html", "-o", "-").stdout
    assert "<p>Madame,</p>" in html and ADRESSE in html and "être présente," in html
    other = bilan.new(nom="Durand", prenom="Paul")
    bilan("rdv", "add", other, "--date", "2026-03-10", "--heure", "9h", "--duree", "1h")
    letter = bilan("convocation", "render", other, "1", "--format", "md", "-o", "-").stdout
    assert "\nMadame, Monsieur,\n" in letter and "être présent(e)," in letter


def test_an_invoice_the_beneficiary_pays_takes_the_stored_address(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "personnel")
    assert refused(bilan, "facture", bid, key="FACTURE_SANS_ADRESSE_CLIENT")
    bilan("set", bid, "adresse", ADRESSE)
    numero = bilan.json("facture", bid)["numero"]
    document = bilan("facture", "render", numero, "--format", "md", "-o", "-").stdout
    assert "Claire Martin" in document and ADRESSE in document
    # Typed on the command line, another address wins.
    other = held(bilan, "--financement", "personnel", "--adresse", ADRESSE, nom="Durand")
    numero = bilan.json("facture", other, "--adresse", "1 rue Neuve, 13001 Marseille")["numero"]
    document = bilan("facture", "render", numero, "--format", "md", "-o", "-").stdout
    assert "1 rue Neuve" in document and ADRESSE not in document


def test_the_anonymisation_erases_the_civilite_and_the_address(bilan):
    bid = make_ended_bilan(bilan.home, "CIV", end=date(2020, 6, 1))
    with writing(bilan.home) as conn:
        conn.execute("UPDATE bilans SET civilite = 'madame', adresse = ? WHERE id = ?",
                     ("QZXRUEDESLILASXZQ", bid))
    assert b"QZXRUEDESLILASXZQ" in bilan.db_bytes()
    bilan("purge", "--yes")
    view = bilan.json("show", bid)
    assert (view["civilite"], view["adresse"]) == (None, None)
    assert b"QZXRUEDESLILASXZQ" not in bilan.db_bytes()
