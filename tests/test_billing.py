"""`[facturation]` read where it is used: VAT regime and rate, payment delay; VAT in cents."""

from datetime import date

import pytest

from bilancli.core.facturation import billing as bill
from bilancli.errors import BilanError


def test_the_default_is_the_exemption_of_organismes_de_formation_at_thirty_days():
    b = bill.billing_from_config({})
    assert (b.regime, b.rate_bp, b.delay_days, b.iban) == ("exoneree", None, 30, None)
    assert bill.vat_mention(b) == "Exonération de TVA, article 261-4-4° a du CGI"
    assert bill.due_date(date(2026, 12, 15), b) == date(2027, 1, 14)


def test_franchise_quotes_293_b_and_liable_charges_the_rate():
    assert bill.vat_mention(bill.billing_from_config({"tva": "franchise"})) == (
        "TVA non applicable, article 293 B du CGI")
    liable = bill.billing_from_config({"tva": "assujettie"})
    assert liable.rate_bp == 2000 and bill.vat_mention(liable) is None
    assert bill.billing_from_config({"tva": "assujettie", "taux": 5.5}).rate_bp == 550
    assert bill.format_rate(550) == "5,5 %" and bill.format_rate(2000) == "20 %"


@pytest.mark.parametrize(("ht", "rate", "vat"), [
    (180000, 2000, 36000),
    (33333, 2000, 6667),     # 6 666,6 cents: half up
    (10, 550, 1),            # 0,55 cent → 1 cent
    (9, 550, 0),             # 0,495 cent → 0
    (12345, 1000, 1235),     # 1 234,5 cents → 1 235: half up, not to even
    (100, None, 0),
])
def test_vat_is_computed_once_per_invoice_and_rounded_half_up_to_the_cent(ht, rate, vat):
    assert bill.vat_cents(ht, rate) == vat


@pytest.mark.parametrize(("facturation", "key", "named"), [
    ({"taux": 20}, "TAUX_SANS_TVA", "[facturation] taux"),
    ({"tva": "franchise", "taux": 20}, "TAUX_SANS_TVA", "[facturation] taux"),
    ({"tva": "assujettie", "taux": 0}, "TAUX_INVALIDE", "[facturation] taux"),
    ({"tva": "assujettie", "taux": -5}, "TAUX_INVALIDE", "[facturation] taux"),
    ({"tva": "assujettie", "taux": 120}, "TAUX_INVALIDE", "[facturation] taux"),
    ({"tva": "assujettie", "taux": 5.555}, "TAUX_INVALIDE", "[facturation] taux"),
    ({"tva": "assujettie", "taux": float("nan")}, "TAUX_INVALIDE", "[facturation] taux"),
    ({"delai_paiement": "trente jours"}, "DELAI_ILLISIBLE", "[facturation] delai_paiement"),
    ({"delai_paiement": "30"}, "DELAI_ILLISIBLE", "[facturation] delai_paiement"),
    ({"delai_paiement": "90 jours"}, "DELAI_TROP_LONG", "L441-10"),
    ({"iban": "FR76 1234"}, "IBAN_INVALIDE", "[facturation] iban"),
])
def test_a_wrong_setting_is_refused_naming_its_key(facturation, key, named):
    with pytest.raises(BilanError) as refused:
        bill.billing_from_config(facturation)
    assert refused.value.key == key and named in refused.value.message


def test_payment_delays_read_as_days():
    assert bill.billing_from_config({"delai_paiement": "45 jours"}).delay_days == 45
    assert bill.billing_from_config({"delai_paiement": "0 jour"}).delay_days == 0   # à réception
    assert bill.billing_from_config({"delai_paiement": "60 jours"}).delay_days == 60
