"""`bilan import`: bilans opened from a spreadsheet saved in CSV, all or nothing."""

import json
import os

import pytest

from bilancli.core.echanges import csvtable


def write(tmp_path, text: str, name: str = "bilans.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_a_french_spreadsheet_saved_by_excel_opens_its_bilans(bilan, tmp_path):
    # Windows-1252, semicolons, the labels `bilan show` gives, accents and case as typed,
    # amounts with a space or a no-break space, dates day first.
    path = write(tmp_path, (
        "Nom;PRÉNOM;Courriel;Téléphone;Statut;Financement;Format;Employeur;Heures prévues;"
        "Tarif (€ HT);Date d'ouverture\r\n"
        "Martin;Élodie;elodie@example.fr;06 01 02 03 04;Salarié;plan;présentiel;Transports Durand;"
        "20;1\u00a0800,50 €;03/02/2026\r\n"
        "Durand;Luc;;;demandeur-emploi;cpf;;;18h30;1 200;\r\n"), encoding="cp1252")
    result = bilan("import", path)
    assert "2026-001" in result.stdout and "2026-002" in result.stdout
    assert "2 bilan(s) ouvert(s)" in result.stdout
    first = bilan.json("show", "2026-001")
    assert (first["nom"], first["prenom"], first["email"], first["telephone"]) == (
        "Martin", "Élodie", "elodie@example.fr", "06 01 02 03 04")
    assert (first["statut"], first["financement"], first["format"], first["employeur"]) == (
        "salarie", "plan", "presentiel", "Transports Durand")
    assert (first["heures_prevues"], first["tarif"], first["date_ouverture"]) == (20, 1800.5, "2026-02-03")
    assert first["phase"] == "preliminaire"
    second = bilan.json("show", "2026-002")
    assert (second["heures_prevues"], second["tarif"], second["date_ouverture"]) == (18.5, 1200, "2026-03-02")
    assert second["email"] is None and second["format"] is None


def test_commas_utf8_with_its_bom_and_quoted_amounts(bilan, tmp_path):
    # LibreOffice writes a narrow no-break space between thousands in French.
    path = write(tmp_path, '\ufeffnom,prenom,tarif,date_ouverture\n'
                           'Martin,Claire,"1\u202f800,50 €",2026-01-15\n'
                           '"Durand, dit ""Lulu""",Luc,1800.50,15.01.2026\n'
                           'Roux,Anne,"1 800",1er février 2026\n')
    assert bilan.json("import", path) == {"ids": ["2026-001", "2026-002", "2026-003"]}
    assert bilan.json("show", "2026-002")["nom"] == 'Durand, dit "Lulu"'
    assert [bilan.json("show", i)["tarif"] for i in ("2026-001", "2026-002", "2026-003")] == [
        1800.5, 1800.5, 1800]
    assert bilan.json("show", "2026-003")["date_ouverture"] == "2026-02-01"


def test_the_dry_run_gives_the_ids_the_real_run_gives_and_changes_nothing(bilan, tmp_path):
    bilan.new("--date", "2025-06-01", nom="Ancien")          # 2025-001
    gone = bilan.new(nom="Erreur")                           # 2026-001, deleted: never given again
    bilan("delete", gone, "--yes")
    path = write(tmp_path, "nom;prenom;date_ouverture\nA;a;02/03/2026\nB;b;15/12/2025\nC;c;\n")
    before = bilan.db_bytes()
    planned = bilan.json("import", path, "--dry-run")
    assert planned == {"ids": ["2026-002", "2025-002", "2026-003"]}
    human = bilan("import", path, "--dry-run").stdout
    assert "Simulation" in human and "2025-002" in human
    assert bilan.db_bytes() == before
    assert bilan.json("import", path) == planned
    assert [b["id"] for b in bilan.json("list")] == ["2026-003", "2026-002", "2025-002", "2025-001"]


def test_a_dry_run_creates_no_store(bilan, tmp_path):
    path = write(tmp_path, "nom;prenom\nMartin;Claire\n")
    assert bilan.json("import", path, "--dry-run") == {"ids": ["2026-001"]}
    assert not (bilan.home / "bilans.db").exists()


def test_blank_rows_are_skipped_and_rows_are_numbered_as_the_spreadsheet_shows_them(bilan, tmp_path):
    path = write(tmp_path, 'nom;prenom;employeur;;\n\n;;;;\nMartin;Claire;"Logistique\nSud";;\n'
                           'Durand;Luc;;;;\n\nX;Y;Z;oups\n')
    result = bilan("import", path, code=1)
    assert result.key == "IMPORT_REFUSE"
    assert "ligne 7 : une valeur en colonne 4" in result.stderr
    assert "ligne 4" not in result.stderr and "ligne 5" not in result.stderr
    path = write(tmp_path, 'nom;prenom;employeur;;\n\n;;;;\nMartin;Claire;"Logistique\nSud";;\n'
                           'Durand;Luc;;;;\n')
    result = bilan("import", path)
    assert "    4  2026-001" in result.stdout and "    5  2026-002" in result.stdout
    assert bilan.json("show", "2026-001")["employeur"] == "Logistique\nSud"


def test_a_header_alone_opens_nothing_and_says_so(bilan, tmp_path):
    path = write(tmp_path, "nom;prenom\n\n")
    assert "ne contient que sa ligne d'en-tête" in bilan("import", path).stdout
    assert bilan.json("import", path) == {"ids": []}


def test_every_bad_row_is_listed_with_its_number_and_nothing_is_opened(bilan, tmp_path):
    bilan.new()
    path = write(tmp_path, "nom;prenom;tarif;statut;date_ouverture;email\n"
                           "Bon;Un;1500;;;\n"
                           ";Sans nom;;;;\n"
                           "Bon;Deux;;;;\n"
                           "Faux;Tout;12 euros et demi;chomeur;31/02/2026;pas-une-adresse\n"
                           "Trop;De;;;;;cellule\n")
    before = bilan.db_bytes()
    result = bilan("import", path, code=1)
    err = result.stderr
    assert result.key == "IMPORT_REFUSE" and "3 ligne(s) à corriger" in err
    assert "ligne 3, colonne « nom » : le champ nom ne peut pas être vide" in err
    assert "ligne 5, colonne « tarif » : montant illisible : « 12 euros et demi »" in err
    assert "ligne 5, colonne « statut » : valeur inconnue pour statut : « chomeur »" in err
    assert "ligne 5, colonne « date_ouverture » : date impossible : « 31/02/2026 »" in err
    assert "ligne 5, colonne « email » : adresse électronique invalide" in err
    assert "ligne 6 : 7 cellules pour 6 colonnes" in err
    assert "ligne 2" not in err and "ligne 4" not in err
    assert bilan.db_bytes() == before
    assert len(bilan.json("list")) == 1


def test_the_duplicate_person_warning_of_new_applies_and_the_bilans_still_open(bilan, tmp_path):
    existing = bilan.new(nom="Martin", prenom="Élodie")
    path = write(tmp_path, "nom;prenom;heures_prevues\nMARTIN;elodie;\nDurand;Luc;10\ndurand;LUC;\n")
    result = bilan("import", path)
    assert result.stderr.count("Avertissement") == 3
    assert f"ligne 2 (2026-002) : un bilan est déjà ouvert pour cette personne ({existing})" in result.stderr
    assert "ligne 3 (2026-003) : 10 h prévues" in result.stderr
    assert "ligne 4 (2026-004) : un bilan est déjà ouvert pour cette personne (2026-003)" in result.stderr
    assert len(bilan.json("list")) == 4


def test_one_transaction_for_the_whole_file(bilan, tmp_path, monkeypatch):
    from bilancli.core import changes as ch
    from bilancli.store import writes

    bilan.new()
    path = write(tmp_path, "nom;prenom\nA;a\nB;b\nC;c\n")
    real, calls = writes.WRITERS[ch.Opening], []

    def full_on_the_third(conn, change):
        calls.append(change)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(conn, change)

    monkeypatch.setitem(writes.WRITERS, ch.Opening, full_on_the_third)
    before = bilan.db_bytes()
    assert bilan("import", path, code=1).key == "DISQUE_PLEIN"
    assert len(calls) == 3
    assert bilan.db_bytes() == before


BAD_FILES = {
    "unknown column": ("nom;prenom;age\nMartin;Claire;40\n", "IMPORT_COLONNE_INCONNUE", "« age »"),
    "missing nom": ("nom;prenom\n;Claire\n", "IMPORT_REFUSE", "ligne 2, colonne « nom »"),
    "no nom column": ("prenom;email\nClaire;c@example.fr\n", "IMPORT_COLONNE_MANQUANTE", "nom"),
    "bad date": ("nom;prenom;date_ouverture\nMartin;Claire;mars 2026\n", "IMPORT_REFUSE",
                 "date illisible : « mars 2026 »"),
    "date out of range": ("nom;prenom;date_ouverture\nMartin;Claire;03/02/1926\n", "IMPORT_REFUSE",
                          "hors des dates"),
    "bad amount": ("nom;prenom;tarif\nMartin;Claire;mille\n", "IMPORT_REFUSE", "montant illisible"),
    "negative amount": ("nom;prenom;tarif\nMartin;Claire;-1800\n", "IMPORT_REFUSE", "négatif"),
    "bad enum": ("nom;prenom;financement\nMartin;Claire;opco\n", "IMPORT_REFUSE",
                 "valeur inconnue pour financement : « opco »"),
    "too many hours": ("nom;prenom;heures_prevues\nMartin;Claire;30\n", "IMPORT_REFUSE", "24 heures"),
    "duplicate columns": ("Nom;Prénom;prenom\nMartin;Claire;Claire\n", "IMPORT_COLONNE_EN_DOUBLE",
                          "« Prénom », « prenom »"),
    "more cells than headers": ("nom;prenom\nMartin;Claire;en trop\n", "IMPORT_REFUSE",
                                "ligne 2 : 3 cellules pour 2 colonnes"),
    "quote left open": ('nom;prenom\n"Martin;Claire\nDurand;Luc\n', "IMPORT_CSV_ILLISIBLE",
                        "ligne 2 : un guillemet ouvert n'est jamais refermé"),
    "empty file": ("", "IMPORT_SANS_EN_TETE", "vide"),
    "blank lines only": ("\n\n;;\n", "IMPORT_SANS_EN_TETE", "vide"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, tmp_path, case):
    text, key, said = BAD_FILES[case]
    bilan.new()
    before = bilan.db_bytes()
    result = bilan("import", write(tmp_path, text), code=1)
    assert result.key == key, result.stderr
    assert said in result.stderr and result.stderr.startswith("Erreur : ")
    assert result.stdout == ""
    assert bilan.db_bytes() == before


@pytest.mark.parametrize("kind", ["missing", "folder", "binary", "utf-16", "fifo", "too big"])
def test_what_is_not_a_csv_file_is_refused_and_changes_nothing(bilan, tmp_path, kind):
    bilan.new()
    path = tmp_path / "x.csv"
    if kind == "folder":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    elif kind == "utf-16":
        path.write_bytes("nom;prenom\nMartin;Claire\n".encode("utf-16"))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "too big":
        with open(path, "wb") as f:
            f.truncate(csvtable.MAX_BYTES + 1)   # 64 MiB: 100,000 full lines fit below
    keys = {"missing": "FICHIER_INTROUVABLE", "folder": "FICHIER_EST_DOSSIER", "binary": "IMPORT_PAS_TEXTE",
            "utf-16": "IMPORT_PAS_TEXTE", "fifo": "FICHIER_PAS_ORDINAIRE", "too big": "IMPORT_TROP_GROS"}
    before = bilan.db_bytes()
    result = bilan("import", path, code=1)
    assert result.key == keys[kind]
    assert bilan.db_bytes() == before


def test_undecodable_bytes_for_both_encodings_are_refused(bilan, tmp_path):
    bilan.new()
    before = bilan.db_bytes()
    # 0x81 is undefined in Windows-1252 and, alone, invalid UTF-8.
    (tmp_path / "bad.csv").write_bytes(b"nom;prenom\nMartin;Cl\x81aire\n")
    assert bilan("import", tmp_path / "bad.csv", code=1).key == "IMPORT_ENCODAGE"
    assert bilan.db_bytes() == before


def test_header_spellings_a_consultant_types():
    from bilancli.core.echanges.spreadsheet import columns

    assert columns([" Nom ", "PRÉNOM", "e-mail", "Tél", "Heures prévues", "TARIF (€ HT)",
                    "Date d'ouverture", ""]) == [
        "nom", "prenom", "email", "telephone", "heures_prevues", "tarif", "date_ouverture", None]
    assert columns(["nom", "prenom", "Date_Ouverture"]) == ["nom", "prenom", "date_ouverture"]
    assert columns(["Nom", "Prénom", "Courriel", "Téléphone", "heures-prevues"]) == [
        "nom", "prenom", "email", "telephone", "heures_prevues"]


def test_text_of_the_file_is_shown_neutralised(bilan, tmp_path):
    refusal = bilan("import", write(tmp_path, "nom;prenom;a\u202eb\n"), code=1)
    assert refusal.key == "IMPORT_COLONNE_INCONNUE", refusal.stderr
    err = refusal.stderr
    assert "\u202e" not in err and "<U+202E>" in err
    out = bilan("import", write(tmp_path, "nom;prenom\nMartin\u202e;Claire\n")).stdout
    assert "\u202e" not in out and "<U+202E>" in out
    assert json.loads(bilan("show", "2026-001", "--json").stdout)["nom"] == "Martin\u202e"
    assert bilan("import", write(tmp_path, "nom;prenom\nMartin\x1b[31m;Claire\n"),
                 code=1).key == "IMPORT_PAS_TEXTE"


def test_a_person_on_many_rows_is_warned_once_in_one_line(bilan, tmp_path):
    """SPEC §12: one warning line per person met again, whatever the number of their rows."""
    existing = bilan.new(nom="Martin", prenom="Zoé")
    rows = "martin;ZOÉ;cpf;1800\n" * 2000 + "Durand;Luc;;\nRoux;Anne;;\ndurand;luc;;\n"
    result = bilan("import", write(tmp_path, "nom;prenom;financement;tarif\n" + rows), "--json")
    assert len(result.stdout and json.loads(result.stdout)["ids"]) == 2003
    assert result.stderr.count("Avertissement") == 4 and len(result.stderr) < 1600, result.stderr
    second_cpf = [line for line in result.stderr.splitlines() if "2026-127" in line]
    assert len(second_cpf) == 1 and second_cpf[0].startswith(
        "Avertissement : lignes 3, 4, 5, …, 2001 (1999 lignes, bilans "), second_cpf
    assert "le bilan 2026-002 (ouvert le 02/03/2026)" in second_cpf[0]
    tarif = [line for line in result.stderr.splitlines() if "D6323-1 A" in line]
    assert len(tarif) == 1 and tarif[0].startswith(
        "Avertissement : lignes 2, 3, 4, …, 2001 (2000 lignes, bilans ")
    said = [line for line in result.stderr.splitlines() if "déjà ouvert" in line]
    assert len(said) == 2, said
    assert said[0].startswith("Avertissement : lignes 2, 3, 4, …, 2001 (2000 lignes, bilans "
                              "2026-002, 2026-003, 2026-004, …, 2026-2001) : ")
    assert f"déjà ouvert pour cette personne ({existing})" in said[0]
    assert "ligne 2004 (2026-2004) : un bilan est déjà ouvert pour cette personne (2026-2002)" in said[1]


@pytest.mark.parametrize("first", ["utf-8", "cp1252"])
def test_a_file_mixing_utf8_and_windows_1252_is_refused_naming_the_line(bilan, tmp_path, first):
    """SPEC §12: read as one encoding, the other's lines would be stored as « ZoÃ© »."""
    other = "cp1252" if first == "utf-8" else "utf-8"
    bilan.new()
    before = bilan.db_bytes()
    path = tmp_path / "melange.csv"
    path.write_bytes("nom;prenom;employeur\nDurand;Luc;\nMartin;Zoé;\n".encode(first)
                     + "Roux;Hélène;\n".encode(other))
    result = bilan("import", path, code=1)
    assert result.key == "IMPORT_ENCODAGES_MELES"
    assert "la ligne 4 n'est pas écrite comme la ligne 3" in result.stderr
    assert bilan.db_bytes() == before
    # Rows are numbered as the spreadsheet shows them: a cell holding a line break is one row.
    path.write_bytes('nom;prenom;employeur\nMartin;Zoé;"Transports\nDurand"\n'.encode(first)
                     + "Roux;Hélène;\n".encode(other))
    result = bilan("import", path, code=1)
    assert result.key == "IMPORT_ENCODAGES_MELES"
    assert "la ligne 3 n'est pas écrite comme la ligne 2" in result.stderr
    assert bilan.db_bytes() == before
    path.write_bytes("nom;prenom\nMartin;Zoé\n".encode(first) + b"Durand;Luc\n")   # ASCII is both
    assert bilan.json("import", path) == {"ids": ["2026-002", "2026-003"]}
    assert bilan.json("show", "2026-002")["prenom"] == "Zoé"
