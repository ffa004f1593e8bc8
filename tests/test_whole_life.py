"""A whole bilan through the commands a consultant types, from opening to the purge, and
then not one byte of its content left under BILAN_HOME nor where `-o` wrote."""

from test_purge_traces import traces


def test_a_bilan_s_whole_life_then_nothing_of_it_survives(bilan, tmp_path):
    # Each step typed on its own day: a phase is left after what was recorded in it.
    bilan.today("2026-01-12")
    bid = bilan.new("--financement", "plan", "--format", "mixte", "--date", "2026-01-05",
                    nom="Nom-ZQXJ1", prenom="Prenom-ZQXJ2")
    bilan("convention", "send", bid, "--date", "2026-01-05")
    bilan("convention", "sign", bid, "--date", "2026-01-09")
    bilan("consent", bid, "bilan", "--date", "2026-01-09")
    for field, text in (("demande", "DEMANDE-ZQXJ3"), ("besoins", "BESOINS-ZQXJ4"),
                        ("modalites", "MODALITES-ZQXJ5")):
        bilan("set", bid, field, text)
    bilan("entretien", "add", bid, "--date", "2026-01-12", "--duree", "2h", "--notes", "-",
          input="NOTES-ENTRETIEN-ZQXJ6")
    cv = tmp_path / "cv.txt"
    cv.write_text("CV-ZQXJ7")
    bilan("doc", "add", bid, str(cv), "--type", "cv")
    bilan.today("2026-01-26")
    bilan("phase", "advance", bid, "--date", "2026-01-19")
    bilan("set", bid, "competences", "COMPETENCES-ZQXJ8")
    bilan("set", bid, "projet", "PROJET-ZQXJ9")
    bilan("entretien", "add", bid, "--date", "2026-01-26", "--duree", "3h")
    bilan.today("2026-02-02")
    bilan("phase", "advance", bid, "--date", "2026-02-02")
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, f"{field.upper()}-ZQXJ10")
    bilan.today("2026-02-16")
    bilan("entretien", "add", bid, "--date", "2026-02-09", "--duree", "2h")
    bilan("synthese", "render", bid, "--format", "html")
    outside = tmp_path / "remis" / "synthese-beneficiaire.md"
    outside.parent.mkdir()
    bilan("synthese", "render", bid, "--format", "md", "-o", str(outside))
    bilan("emargement", "render", bid, "--format", "md")
    bilan("phase", "advance", bid, "--date", "2026-02-16")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "5", "--commentaire",
          "COMMENTAIRE-ZQXJ11", "--date", "2026-02-16")
    needles = [f"ZQXJ{n}" for n in range(3, 12)]
    assert traces(bilan.home, needles), "the markers must be there before the purge"
    assert outside.exists()

    bilan.today("2026-03-02")
    purged = bilan("purge", "--yes", "--json")
    assert not any(n in purged.stdout for n in needles)
    assert traces(bilan.home, needles) == {}
    assert not outside.exists()
    view = bilan.json("show", bid)
    assert view["purge"]["contenu_detruit_le"] == "2026-03-02"
    assert all(v is None for v in view["champs"].values())
    assert len(view["entretiens"]) == 3 and view["heures_realisees"] == 7   # attendance stays
    assert view["satisfaction"]["fin"]["note"] == 5                         # the score stays

    assert traces(bilan.home, ["Nom-ZQXJ1"]), "the record keeps the name for five years"
    bilan.today("2031-02-17")   # five years after the end: the record itself is anonymised
    bilan("purge", "--yes")
    assert traces(bilan.home, ["Nom-ZQXJ1", "Prenom-ZQXJ2"]) == {}
    assert bilan.json("show", bid)["nom"] is None
