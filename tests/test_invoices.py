"""`bilan facture|avoir|paiement|factures`: invoices numbered without a gap, to the right
buyer, for the right amount, and refused in French when they cannot be issued."""

import pytest
from paperwork import BUYER_SIRET, configure, eur, held, refused


@pytest.fixture
def cpf(bilan):
    configure(bilan)
    return held(bilan)


def test_a_cpf_bilan_is_invoiced_to_the_caisse_des_depots_for_its_tarif(bilan, cpf):
    issued = bilan.json("facture", cpf)
    assert issued == {"numero": "F2026-0001", "montant_ht": 1800.0, "tva": 0.0,
                      "montant_ttc": 1800.0, "echeance": "2026-04-01"}
    (row,) = bilan.json("factures")
    assert row == {"numero": "F2026-0001", "type": "facture", "date": "2026-03-02", "bilan": cpf,
                   "payeur": "cdc", "montant_ht": 1800.0, "montant_ttc": 1800.0, "paye": 0.0,
                   "reste": 1800.0, "echeance": "2026-04-01", "statut": "a_payer"}
    assert bilan.json("show", cpf)["factures"] == ["F2026-0001"]


def test_the_human_confirmation_tells_the_number_to_enter_in_edof(bilan, cpf):
    out = bilan("facture", cpf).stdout
    assert "Facture F2026-0001" in out and eur("1 800,00") in out and "EDOF" in out


@pytest.mark.parametrize(("financement", "payer"), [
    ("cpf", "cdc"), ("plan", "employeur"), ("reclassement", "employeur"),
    ("personnel", "beneficiaire"), ("france-travail", "france-travail"), ("autre", "autre"),
])
def test_the_payer_follows_the_financement(bilan, financement, payer):
    configure(bilan)
    bid = held(bilan, "--financement", financement, "--employeur", "Transports Durand")
    bilan("facture", bid, "--destinataire", "Payeur", "--adresse", "1 rue de la Paix, 75002 Paris")
    assert bilan.json("factures")[0]["payeur"] == payer


def test_installments_share_the_one_sequence_and_stop_at_the_tarif(bilan, cpf):
    first = bilan.json("facture", cpf, "--montant", "1 600")
    second = bilan.json("facture", cpf, "--adresse", "2 rue Vernet, 84000 Avignon", "--payeur", "beneficiaire")      # what is left: 200 €
    assert (first["numero"], second["numero"]) == ("F2026-0001", "F2026-0002")
    assert second["montant_ht"] == 200.0
    err = refused(bilan, "facture", cpf, "--payeur", "beneficiaire", "--adresse", "2 rue Vernet",
                  key="FACTURE_DEJA_FACTUREE")
    assert eur("1 800,00") in err and "avoir" in err
    err = refused(bilan, "facture", cpf, "--montant", "1", key="FACTURE_AU_DELA_DU_TARIF")
    assert "reste à facturer : 0,00 €" in err


def test_an_invoice_to_a_person_gives_the_address_the_law_asks_for(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "personnel")
    err = refused(bilan, "facture", bid, key="FACTURE_SANS_ADRESSE_CLIENT")
    assert "Claire Martin" in err and "242 nonies A" in err
    bilan("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon")
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "2 rue Vernet, 84000 Avignon" in text


def test_a_cancelled_invoice_no_longer_counts_against_the_tarif(bilan, cpf):
    bilan("facture", cpf)
    credit = bilan.json("avoir", "F2026-0001", "--motif", "Erreur de destinataire")
    assert credit == {"numero": "F2026-0002", "annule": "F2026-0001", "montant_ht": -1800.0,
                      "tva": 0.0, "montant_ttc": -1800.0, "echeance": None}
    assert bilan.json("facture", cpf)["numero"] == "F2026-0003"
    rows = {r["numero"]: r for r in bilan.json("factures")}
    assert rows["F2026-0001"]["statut"] == "annulee" and rows["F2026-0001"]["reste"] == 0
    assert rows["F2026-0002"] == {
        "numero": "F2026-0002", "type": "avoir", "date": "2026-03-02", "bilan": cpf,
        "payeur": "cdc", "montant_ht": -1800.0, "montant_ttc": -1800.0, "paye": 0, "reste": 0,
        "echeance": None, "statut": "emis"}
    assert bilan.json("show", cpf)["factures"] == ["F2026-0001", "F2026-0002", "F2026-0003"]


def test_payments_settle_the_invoice_and_late_ones_show(bilan, cpf):
    bilan("facture", cpf)
    out = bilan("paiement", "F2026-0001", "--date", "2026-03-02", "--montant", "1000").stdout
    assert "reste dû 800,00 €" in out and "Caisse des Dépôts" in out   # cdc: paid through EDOF
    bilan.today("2026-04-02")
    assert bilan.json("factures")[0]["statut"] == "en_retard"
    assert bilan.json("factures")[0]["reste"] == 800.0
    err = refused(bilan, "paiement", "F2026-0001", "--date", "2026-04-02", "--montant", "800,01",
                  key="PAIEMENT_TROP_ELEVE")
    assert "800,00 €" in err
    bilan("paiement", "F2026-0001", "--date", "2026-04-02", "--montant", "800", "--mode", "virement")
    assert bilan.json("factures")[0]["statut"] == "payee"


def test_a_professional_buyer_needs_its_address_and_gets_the_late_payment_mentions(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand")
    err = refused(bilan, "facture", bid, key="FACTURE_SANS_ADRESSE")
    assert "--adresse" in err
    bilan("facture", bid, "--adresse", "3 avenue de Lyon, 84000 Avignon", "--siret", BUYER_SIRET)
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "Transports Durand" in text and "3 avenue de Lyon, 84000 Avignon" in text
    assert "SIRET 901 234 567 00013" in text
    assert "indemnité forfaitaire pour frais de recouvrement de 40 €" in text and "L441-10" in text
    assert "EDOF" not in text


def test_a_private_buyer_gets_no_late_payment_mentions(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "personnel")
    bilan("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon")
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "Facturé à | **Claire Martin**" in text
    assert "40 €" not in text and "L441-10" not in text and "EDOF" not in text


@pytest.mark.parametrize("payer", ["opco", "france-travail", "autre"])
def test_a_payer_with_no_name_of_its_own_needs_a_destinataire(bilan, cpf, payer):
    err = refused(bilan, "facture", cpf, "--payeur", payer, "--adresse", "x",
                  key="FACTURE_SANS_DESTINATAIRE")
    assert "--destinataire" in err


def test_an_employer_invoice_without_an_employer_recorded_is_refused(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "plan")
    refused(bilan, "facture", bid, "--adresse", "x", key="FACTURE_SANS_DESTINATAIRE")


@pytest.mark.parametrize(("args", "key"), [
    (("--siret", "9012345670001"), "SIRET_FORME"),
    (("--siret", "90123456700014"), "SIRET_CLE"),
    (("--montant", "0"), "MONTANT_NON_POSITIF"),
    (("--montant", "-100"), "MONTANT_NON_POSITIF"),
    (("--montant", "0,00"), "MONTANT_NON_POSITIF"),
    (("--montant", "douze"), "MONTANT_ILLISIBLE"),
    (("--payeur", "banque"), "PAYEUR_INCONNU"),
    (("--date", "2026-03-03"), "DATE_FUTURE"),
])
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, cpf, args, key):
    bilan("facture", cpf, "--montant", "100")      # the store holds an invoice already
    refused(bilan, "facture", cpf, *args, key=key)
    assert [r["numero"] for r in bilan.json("factures")] == ["F2026-0001"]


def test_no_invoice_before_any_entretien_nor_dated_before_the_last_one_issued(bilan, cpf):
    configure(bilan)
    fresh = bilan.new("--tarif", "1800", "--financement", "cpf")
    refused(bilan, "facture", fresh, key="FACTURE_SANS_ENTRETIEN")
    err = refused(bilan, "facture", cpf, "--date", "2026-02-01", key="FACTURE_AVANT_ENTRETIEN")
    assert "02/02/2026" in err
    bilan("facture", cpf, "--montant", "100", "--date", "2026-02-20")
    err = refused(bilan, "facture", cpf, "--montant", "100", "--date", "2026-02-10",
                  key="FACTURE_AVANT_DERNIERE")
    assert "20/02/2026" in err and "chronologique" in err


def test_credit_notes_and_payments_refuse_what_cannot_be(bilan, cpf):
    bilan("facture", cpf, "--montant", "900")
    bilan("avoir", "F2026-0001")
    refused(bilan, "avoir", "F2026-0002", key="AVOIR_D_UN_AVOIR")
    refused(bilan, "avoir", "F2026-0001", key="FACTURE_DEJA_ANNULEE")
    refused(bilan, "avoir", "F2026-0009", key="FACTURE_INCONNUE")
    refused(bilan, "avoir", "2026-0001", key="FACTURE_NUMERO_MALFORME")
    refused(bilan, "paiement", "F2026-0001", "--date", "2026-03-02", "--montant", "10",
            key="PAIEMENT_FACTURE_ANNULEE")
    refused(bilan, "paiement", "F2026-0002", "--date", "2026-03-02", "--montant", "10",
            key="PAIEMENT_D_UN_AVOIR")
    refused(bilan, "paiement", "F2026-0042", "--date", "2026-03-02", "--montant", "10",
            key="FACTURE_INCONNUE")
    bilan("facture", cpf, "--montant", "900")
    refused(bilan, "paiement", "F2026-0003", "--date", "2026-03-02", "--montant", "0",
            key="MONTANT_NON_POSITIF")
    refused(bilan, "paiement", "F2026-0003", "--date", "2026-03-02", "--montant", "-5",
            key="MONTANT_NON_POSITIF")
    refused(bilan, "paiement", "F2026-0003", "--date", "2026-03-01", "--montant", "5",
            key="PAIEMENT_AVANT_FACTURE")
    refused(bilan, "paiement", "F2026-0003", "--date", "2026-03-02", "--montant", "5",
            "--mode", "bitcoin", key="MODE_PAIEMENT_INCONNU")


def test_a_credit_note_of_a_paid_invoice_warns_of_the_refund(bilan, cpf):
    bilan("facture", cpf)
    bilan("paiement", "F2026-0001", "--date", "2026-03-02", "--montant", "300")
    result = bilan("avoir", "F2026-0001")
    assert "F2026-0002" in result.stdout and "300,00 €" in result.stderr and "rembourser" in result.stderr


def test_an_invoice_needs_the_seller_s_mentions_in_config_toml(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text('[cabinet]\nnom = "MY CAMPUS"\n', encoding="utf-8")
    bid = held(bilan)
    err = refused(bilan, "facture", bid, key="FACTURE_CABINET_INCOMPLET")
    assert "[cabinet] adresse" in err and "[cabinet] siret" in err and "[cabinet] nda" in err
    configure(bilan)
    text = (bilan.home / "config.toml").read_text().replace("84012345900017", "84012345900018")
    (bilan.home / "config.toml").write_text(text)
    err = refused(bilan, "facture", bid, key="CABINET_SIRET_INVALIDE")
    assert "[cabinet] siret" in err


def test_a_bilan_without_tarif_needs_a_montant_and_an_abandoned_one_is_invoiced_pro_rata(bilan):
    configure(bilan)
    free = held(bilan, "--tarif", "")
    refused(bilan, "facture", free, key="FACTURE_SANS_TARIF")
    assert bilan.json("facture", free, "--montant", "750")["montant_ht"] == 750.0
    dropped = held(bilan, "--heures-prevues", "24", entretiens=(("2026-02-02", 360),), nom="Durand")
    bilan("abandon", dropped, "--date", "2026-02-20")
    assert bilan.json("facture", dropped)["montant_ht"] == 450.0      # 6 h of 24: a quarter
    unknown = held(bilan, entretiens=(("2026-02-02", 360),), nom="Petit")
    bilan("abandon", unknown, "--date", "2026-02-20")
    refused(bilan, "facture", unknown, key="FACTURE_ABANDON_SANS_MONTANT")


def test_vat_at_a_rate_is_charged_and_printed(bilan):
    configure(bilan, facturation='[facturation]\ntva = "assujettie"\ntaux = 20\n')
    bid = held(bilan, "--financement", "personnel", "--tarif", "1 333,33")
    assert bilan.json("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon") == {"numero": "F2026-0001", "montant_ht": 1333.33,
                                          "tva": 266.67, "montant_ttc": 1600.0,
                                          "echeance": "2026-04-01"}
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "TVA au taux de 20 % | 266,67 €" in text and eur("1 600,00") in text
    assert "261-4-4°" not in text


def test_franchise_prints_its_article(bilan):
    configure(bilan, facturation='[facturation]\ntva = "franchise"\ndelai_paiement = "15 jours"\n')
    bid = held(bilan, "--financement", "personnel")
    assert bilan.json("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon")["echeance"] == "2026-03-17"
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "TVA non applicable, article 293 B du CGI" in text and "15 jours" in text


def test_the_register_reads_by_year_and_sums_what_is_due(bilan, cpf):
    bilan("facture", cpf, "--montant", "100", "--date", "2026-02-02")
    assert bilan.json("factures", "--annee", "2025") == []
    assert len(bilan.json("factures", "--annee", "2026")) == 1
    out = bilan("factures").stdout
    assert "F2026-0001" in out and "Reste dû : 100,00 € TTC" in out
    assert "Aucune facture" in bilan("factures", "--annee", "2025").stdout


@pytest.mark.parametrize(("facturation", "named", "key"), [
    ('[facturation]\ntaux = 20\n', "[facturation] taux", "TAUX_SANS_TVA"),
    ('[facturation]\ntva = "assujettie"\ntaux = 150\n', "[facturation] taux", "TAUX_INVALIDE"),
    ('[facturation]\ndelai_paiement = "un mois"\n', "[facturation] delai_paiement", "DELAI_ILLISIBLE"),
    ('[facturation]\niban = "FR76 0000"\n', "[facturation] iban", "IBAN_INVALIDE"),
    ('[facturation]\ntva = "exoneree"\ntaux = "vingt"\n', "[facturation] taux", "CONFIG_NOMBRE"),
])
def test_a_wrong_invoicing_setting_is_refused_naming_its_key(bilan, facturation, named, key):
    configure(bilan)
    bid = held(bilan)
    configure(bilan, facturation=facturation)
    err = refused(bilan, "facture", bid, key=key)
    assert named in err and "config.toml" in err


def test_an_opco_invoice_names_the_employer_and_the_funder_s_reference(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Rhône")
    bilan("facture", bid, "--payeur", "opco", "--destinataire", "OPCO Mobilités",
          "--adresse", "1 rue X, 75001 Paris", "--reference", "APC-2026-0042")
    for fmt in ("md", "html"):
        text = bilan("facture", "render", "F2026-0001", "--format", fmt, "-o", "-").stdout
        assert "employeur : Transports Rhône" in text and "APC-2026-0042" in text, fmt
