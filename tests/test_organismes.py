"""Issue 21 point 2: the cabinet's directory of organismes (SPEC §10) — typed once, never two
alike (accents and case ignored), used by the invoice (address, SIRET, SIREN) and by the
convention; not personal data, untouched by the purge."""

from datetime import date

from paperwork import BUYER_SIRET, configure, held, refused
from purge_helpers import make_ended_bilan

ADRESSE = "3 quai Perrache, 69002 Lyon"


def add(bilan, nom="Société Générale de Chaudronnerie", *extra):
    return bilan("organisme", "add", nom, "--adresse", ADRESSE, *extra)


def test_an_organisme_is_typed_once_and_listed(bilan):
    add(bilan, "Société Générale de Chaudronnerie", "--siret", "901 234 567 00013",
        "--type", "employeur", "--email", "compta@sgc.fr", "--telephone", "04 72 00 00 00")
    bilan("organisme", "add", "OPCO Atlas", "--adresse", "25 quai Panhard, 75013 Paris",
          "--type", "opco")
    assert bilan.json("organisme", "list") == [
        {"nom": "OPCO Atlas", "adresse": "25 quai Panhard, 75013 Paris", "siret": None,
         "type": "opco", "email": None, "telephone": None},
        {"nom": "Société Générale de Chaudronnerie", "adresse": ADRESSE, "siret": BUYER_SIRET,
         "type": "employeur", "email": "compta@sgc.fr", "telephone": "04 72 00 00 00"},
    ]
    human = bilan("organisme", "list").stdout
    assert "OPCO Atlas" in human and "901 234 567 00013" in human


def test_never_two_alike_and_every_lookup_ignores_accents_and_case(bilan):
    add(bilan)
    err = refused(bilan, "organisme", "add", "SOCIETE GENERALE  DE CHAUDRONNERIE", "--adresse", "x",
                  key="ORGANISME_EN_DOUBLE")
    assert "Société Générale de Chaudronnerie" in err
    bilan("organisme", "set", "societe generale de chaudronnerie", "telephone", "04 72 11 11 11")
    bilan("organisme", "set", "SOCIÉTÉ générale de chaudronnerie", "type", "employeur")
    (found,) = bilan.json("organisme", "list")
    assert (found["telephone"], found["type"]) == ("04 72 11 11 11", "employeur")
    assert refused(bilan, "organisme", "set", "Inconnue SA", "telephone", "1", key="ORGANISME_INCONNU")


def test_bad_input_is_refused_naming_it_the_directory_unchanged(bilan):
    add(bilan)
    err = refused(bilan, "organisme", "add", "Atlas", "--adresse", "x", "--siret", "12345678900012",
                  key="SIRET_CLE")
    assert "12345678900012" in err
    refused(bilan, "organisme", "add", "Atlas", "--adresse", "x", "--siret", "1234",
            key="SIRET_FORME")
    refused(bilan, "organisme", "add", "Atlas", "--adresse", "x", "--type", "banque",
            key="ORGANISME_TYPE_INCONNU")
    refused(bilan, "organisme", "add", "Atlas", "--adresse", "  ", key="ORGANISME_ADRESSE_VIDE")
    refused(bilan, "organisme", "add", "  ", "--adresse", "x", key="ORGANISME_NOM_VIDE")
    refused(bilan, "organisme", "add", "Atlas", "--adresse", "x", "--email", "pas-un-courriel",
            key="EMAIL_INVALIDE")
    refused(bilan, "organisme", "set", "société générale de chaudronnerie", "siret", "12345678900012",
            key="SIRET_CLE")
    refused(bilan, "organisme", "set", "société générale de chaudronnerie", "nom", "Autre",
            key="ORGANISME_CHAMP_INCONNU")
    refused(bilan, "organisme", "set", "société générale de chaudronnerie", "adresse", " ",
            key="ORGANISME_ADRESSE_VIDE")
    assert [o["nom"] for o in bilan.json("organisme", "list")] == ["Société Générale de Chaudronnerie"]


def test_the_invoice_takes_the_address_and_siret_of_the_named_organisme(bilan):
    configure(bilan)
    add(bilan, "OPCO Atlas", "--siret", BUYER_SIRET, "--type", "opco")
    bid = held(bilan, "--financement", "plan", "--employeur", "Chaudronnerie Rivière")
    numero = bilan.json("facture", bid, "--payeur", "opco", "--destinataire", "opco atlas")["numero"]
    document = bilan("facture", "render", numero, "--format", "md", "-o", "-").stdout
    assert "OPCO Atlas" in document and ADRESSE in document
    assert "SIREN 901 234 567" in document and "901 234 567 00013" in document


def test_the_employer_named_by_the_bilan_is_found_in_the_directory(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "plan", "--employeur", "Chaudronnerie Riviere")
    err = refused(bilan, "facture", bid, key="FACTURE_SANS_ADRESSE")
    assert "organisme add" in err
    add(bilan, "Chaudronnerie Rivière", "--siret", BUYER_SIRET)
    numero = bilan.json("facture", bid)["numero"]
    html = bilan("facture", "render", numero, "--format", "html", "-o", "-").stdout
    assert "Chaudronnerie Rivière" in html and ADRESSE in html and "SIREN 901 234 567" in html
    # The invoice is frozen: the directory changed afterwards, it renders the same.
    bilan("organisme", "set", "chaudronnerie riviere", "adresse", "1 rue Neuve, 13001 Marseille")
    assert bilan("facture", "render", numero, "--format", "html", "-o", "-").stdout == html


def test_the_convention_states_the_registered_employer(bilan):
    add(bilan, "Chaudronnerie Rivière", "--siret", BUYER_SIRET)
    bid = bilan.new("--financement", "plan", "--employeur", "CHAUDRONNERIE RIVIERE")
    document = bilan("convention", "render", bid, "--format", "md", "-o", "-").stdout
    assert ADRESSE in document and "901 234 567 00013" in document
    assert "| L'employeur | Chaudronnerie Rivière |" in document   # as the directory spells it
    other = bilan.new("--financement", "plan", "--employeur", "Inconnue SA", nom="Durand")
    document = bilan("convention", "render", other, "--format", "md", "-o", "-").stdout
    assert "Inconnue SA" in document and ADRESSE not in document


def test_the_purge_never_touches_the_directory(bilan):
    add(bilan, "Logistique SA", "--siret", BUYER_SIRET, "--type", "employeur")
    make_ended_bilan(bilan.home, "ORG", end=date(2020, 6, 1))   # its employer: Logistique SA
    before = bilan.json("organisme", "list")
    report = bilan.json("purge", "--yes")
    assert report["bilans"], "the record was anonymised"
    assert bilan.json("organisme", "list") == before
