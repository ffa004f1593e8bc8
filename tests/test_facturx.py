"""`bilan facture render NUMERO --format facturx`: the invoice as a Factur-X PDF (PDF/A-3b, its
CII XML embedded, profile EN 16931), its XML checked by the `factur-x` library against the
Factur-X XSD it ships, and the same XML whatever day it is rendered again (SPEC §10)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from paperwork import BUYER_SIRET, CABINET, IBAN, configure, held, refused

facturx = pytest.importorskip("facturx")

NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
      "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}
BUYER_ADDRESS = "3 avenue de Lyon, 84000 Avignon"


def _issue(bilan, facturation: str = f'[facturation]\niban = "{IBAN}"\n', *extra) -> str:
    configure(bilan, facturation)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand",
               entretiens=(("2026-02-02", 120), ("2026-02-16", 90)))
    return bilan.json("facture", bid, "--adresse", BUYER_ADDRESS, "--siret", BUYER_SIRET,
                      "--date", "2026-02-20", *extra)["numero"]


def _render(bilan, numero: str, target) -> bytes:
    bilan("facture", "render", numero, "--format", "facturx", "-o", str(target))
    return target.read_bytes()


def _embedded(pdf: bytes) -> bytes:
    """The XML read back from the PDF by the library, which checks it against the XSD."""
    name, data = facturx.get_facturx_xml_from_pdf(pdf, check_xsd=True)
    assert name == "factur-x.xml", "no Factur-X XML valid against the XSD in the PDF"
    return data


def _checked(data: bytes) -> ET.Element:
    assert facturx.xml_check_xsd(data, flavor="factur-x", level="en16931") is True
    assert facturx.get_level(__import__("lxml.etree").etree.fromstring(data)) == "en16931"
    return ET.fromstring(data)


def _text(root, path: str) -> str:
    found = root.find(path, NS)
    assert found is not None, path
    return found.text


def test_an_exempt_invoice_is_category_e_with_its_article(bilan, tmp_path):
    numero = _issue(bilan)
    pdf = _render(bilan, numero, tmp_path / "f.pdf")
    assert pdf.startswith(b"%PDF") and b"pdfaid:part>3<" not in pdf   # the XMP is compressed
    root = _checked(_embedded(pdf))
    assert _text(root, "rsm:ExchangedDocument/ram:ID") == numero
    assert _text(root, "rsm:ExchangedDocument/ram:TypeCode") == "380"
    assert _text(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString") == "20260220"
    trade = "rsm:SupplyChainTradeTransaction/"
    seller = trade + "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/"
    buyer = trade + "ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/"
    assert _text(root, seller + "ram:SpecifiedLegalOrganization/ram:ID") == "840123459"
    assert _text(root, seller + "ram:Name") == "MY CAMPUS"
    # No VAT number given, none made up for an exempt seller.
    assert root.find(seller + "ram:SpecifiedTaxRegistration", NS) is None
    assert _text(root, buyer + "ram:Name") == "Transports Durand"
    assert _text(root, buyer + "ram:SpecifiedLegalOrganization/ram:ID") == BUYER_SIRET[:9]
    assert _text(root, buyer + "ram:PostalTradeAddress/ram:PostcodeCode") == "84000"
    assert _text(root, buyer + "ram:PostalTradeAddress/ram:CityName") == "Avignon"
    tax = trade + "ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/"
    assert _text(root, tax + "ram:CategoryCode") == "E"
    assert _text(root, tax + "ram:ExemptionReasonCode") == "VATEX-FR-CGI261-4"
    assert _text(root, tax + "ram:ExemptionReason") == "Exonération de TVA, article 261-4-4° a du CGI"
    totals = trade + ("ram:ApplicableHeaderTradeSettlement/"
                      "ram:SpecifiedTradeSettlementHeaderMonetarySummation/")
    assert _text(root, totals + "ram:TaxTotalAmount") == "0.00"
    assert _text(root, totals + "ram:GrandTotalAmount") == "1800.00"
    terms = trade + "ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradePaymentTerms/"
    assert _text(root, terms + "ram:DueDateDateTime/udt:DateTimeString") == "20260322"
    assert "30 jours" in _text(root, terms + "ram:Description")
    line = trade + "ram:IncludedSupplyChainTradeLineItem/"
    assert "Claire Martin" in _text(root, line + "ram:SpecifiedTradeProduct/ram:Description")


def test_a_franchise_invoice_is_category_e_under_293_b(bilan, tmp_path):
    numero = _issue(bilan, '[facturation]\ntva = "franchise"\n')
    root = _checked(_embedded(_render(bilan, numero, tmp_path / "f.pdf")))
    tax = ("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
           "ram:ApplicableTradeTax/")
    assert _text(root, tax + "ram:CategoryCode") == "E"
    assert _text(root, tax + "ram:ExemptionReasonCode") == "VATEX-FR-FRANCHISE"
    assert _text(root, tax + "ram:ExemptionReason") == "TVA non applicable, article 293 B du CGI"


def test_an_invoice_with_vat_is_category_s_with_its_rate(bilan, tmp_path):
    numero = _issue(bilan, f'[facturation]\ntva = "assujettie"\ntaux = 5.5\niban = "{IBAN}"\n')
    root = _checked(_embedded(_render(bilan, numero, tmp_path / "f.pdf")))
    settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
    assert _text(root, settlement + "ram:ApplicableTradeTax/ram:CategoryCode") == "S"
    assert _text(root, settlement + "ram:ApplicableTradeTax/ram:RateApplicablePercent") == "5.50"
    assert root.find(settlement + "ram:ApplicableTradeTax/ram:ExemptionReasonCode", NS) is None
    totals = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
    assert _text(root, totals + "ram:TaxTotalAmount") == "99.00"
    assert _text(root, totals + "ram:GrandTotalAmount") == "1899.00"
    assert _text(root, settlement + "ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode") == "58"


SELLER = ("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
          "ram:SellerTradeParty/")


@pytest.mark.parametrize("regime", ["exoneree", "franchise"])
def test_an_exempt_seller_s_vat_number_given_is_its_vat_identifier(bilan, tmp_path, regime):
    """BR-E-02: an invoice of category E carries the seller's VAT identifier (BT-31), the one
    `[cabinet] tva_intracommunautaire` gives, as typed with its spaces."""
    numero = _issue(bilan, f'tva_intracommunautaire = "fr 86 840 123 459"\n'
                           f'[facturation]\ntva = "{regime}"\niban = "{IBAN}"\n')
    data = _embedded(_render(bilan, numero, tmp_path / "f.pdf"))
    root = _checked(data)
    found = root.find(SELLER + "ram:SpecifiedTaxRegistration/ram:ID", NS)
    assert found is not None and found.text == "FR86840123459" and found.get("schemeID") == "VA"
    assert _text(root, "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
                       "ram:ApplicableTradeTax/ram:CategoryCode") == "E"
    # Another day, the same XML.
    bilan.today("2026-09-01")
    assert _embedded(_render(bilan, numero, tmp_path / "g.pdf")) == data


@pytest.mark.parametrize("typed", ["FR00840123459", "FR 86 840 123 45", "840123459", "DE123456789"])
def test_a_wrong_vat_number_is_refused_naming_the_key(bilan, typed):
    configure(bilan, f'tva_intracommunautaire = "{typed}"\n[facturation]\niban = "{IBAN}"\n')
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand")
    err = refused(bilan, "facture", bid, "--adresse", BUYER_ADDRESS, "--date", "2026-02-20",
                  key="CABINET_TVA_INVALIDE")
    assert "[cabinet] tva_intracommunautaire" in err and typed in err


def test_a_credit_note_is_381_and_names_the_invoice_it_credits(bilan, tmp_path):
    numero = _issue(bilan)
    bilan("avoir", numero, "--motif", "Adresse erronée", "--date", "2026-02-25")
    root = _checked(_embedded(_render(bilan, "F2026-0002", tmp_path / "a.pdf")))
    assert _text(root, "rsm:ExchangedDocument/ram:TypeCode") == "381"
    settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
    assert _text(root, settlement + "ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == numero
    totals = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
    assert _text(root, totals + "ram:GrandTotalAmount") == "1800.00"   # positive: 381 credits
    notes = [n.text for n in root.iterfind("rsm:ExchangedDocument/ram:IncludedNote/ram:Content", NS)]
    assert "Motif de l'avoir : Adresse erronée" in notes


def test_rendering_again_another_day_gives_the_same_xml(bilan, tmp_path):
    numero = _issue(bilan)
    before = _embedded(_render(bilan, numero, tmp_path / "avant.pdf"))
    bid = "2026-001"
    bilan("set", bid, "nom", "Dupont")
    bilan("set", bid, "employeur", "Autre Employeur SA")
    (bilan.home / "config.toml").write_text(
        CABINET.replace("MY CAMPUS", "NOUVEAU NOM")
        + '[facturation]\ntva = "assujettie"\ntaux = 10\ndelai_paiement = "45 jours"\n',
        encoding="utf-8")
    bilan.today("2031-07-14")
    after = _embedded(_render(bilan, numero, tmp_path / "apres.pdf"))
    assert before == after
    assert b"MY CAMPUS" in after and b"Claire Martin" in after and b"Dupont" not in after


def test_the_default_file_sits_beside_the_plain_pdf_and_is_recorded(bilan):
    numero = _issue(bilan)
    bilan("facture", "render", numero)
    bilan("facture", "render", numero, "--format", "facturx")
    folder = bilan.home / "documents" / "factures"
    assert sorted(p.name for p in folder.iterdir()) == [f"facture-{numero}-facturx.pdf",
                                                         f"facture-{numero}.pdf"]
    _embedded((folder / f"facture-{numero}-facturx.pdf").read_bytes())


def test_a_credit_note_whose_invoice_is_gone_is_refused(bilan):
    """The invoice of 2015 is destroyed on 1 January 2026 (ten years, L123-22); its credit
    note of 2016 stays, but can no more name it in a Factur-X (BG-3)."""
    configure(bilan)
    bilan.today("2015-12-01")
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand",
               entretiens=(("2015-11-02", 120),))
    numero = bilan.json("facture", bid, "--adresse", BUYER_ADDRESS, "--date", "2015-12-01")["numero"]
    bilan.today("2016-01-15")
    avoir = bilan.json("avoir", numero, "--date", "2016-01-15")["numero"]
    bilan.today("2026-01-01")
    bilan("purge", "--yes")
    assert [r["numero"] for r in bilan.json("factures")] == [avoir]
    result = refused(bilan, "facture", "render", avoir, "--format", "facturx",
                     key="FACTURX_AVOIR_SANS_FACTURE")
    assert numero in result
    refused(bilan, "facture", "render", avoir, "--format", "facturx", "-o", "-",
            key="FACTURX_AVOIR_SANS_FACTURE")
    bilan("facture", "render", avoir, "--format", "md", "-o", "-")   # the other formats still


def test_without_the_library_the_message_says_how_to_install_it(bilan, tmp_path, monkeypatch):
    import sys

    numero = _issue(bilan)
    monkeypatch.setitem(sys.modules, "facturx", None)   # `import facturx` raises ImportError
    result = refused(bilan, "facture", "render", numero, "--format", "facturx",
                     key="FACTURX_INDISPONIBLE")
    assert "pip install 'bilancli[pdf]'" in result
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("facturation, payer, warned", [
    ('[facturation]\ntva = "assujettie"\n', "employeur", True),
    ('[facturation]\ntva = "franchise"\n', "employeur", True),
    ('[facturation]\ntva = "exoneree"\n', "employeur", False),
    ('[facturation]\ntva = "assujettie"\n', "beneficiaire", False),
    ('[facturation]\ntva = "assujettie"\n', "france-travail", False),   # Chorus Pro already
])
def test_issuing_says_when_the_invoice_goes_through_a_plateforme_agreee(bilan, facturation, payer,
                                                                         warned):
    configure(bilan, facturation)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand")
    extra = ("--destinataire", "France Travail") if payer == "france-travail" else ()
    result = bilan("facture", bid, "--payeur", payer, "--adresse", BUYER_ADDRESS, *extra)
    assert ("1er septembre 2027" in result.stderr and "289 bis" in result.stderr) is warned
    assert ("plateforme agréée" in result.stdout) is False


def test_the_pdf_is_one_pdf_a_3b_with_no_stale_copy_of_the_first(bilan, tmp_path):
    """The library rewrites the PDF it is handed where its reading stopped (its issue 24):
    the file holds one header, one end, and says it is PDF/A-3 B with a Factur-X XML."""
    import re
    import zlib

    pdf = _render(bilan, _issue(bilan), tmp_path / "f.pdf")
    assert len(re.findall(rb"%PDF-", pdf)) == 1 and pdf.count(b"%%EOF") == 1
    streams = [zlib.decompress(m) for m in re.findall(
        rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S) if m[:1] == b"x"]
    xmp = next(s for s in streams if b"pdfaid" in s)
    assert b"<pdfaid:part>3</pdfaid:part>" in xmp and b"<pdfaid:conformance>B<" in xmp
    assert b"<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>" in xmp
    assert b"/OutputIntents" in pdf or any(b"/OutputIntents" in s for s in streams)


def test_who_goes_through_a_plateforme_agreee_is_decided_in_core():
    from bilancli.core.facturation.billing import through_platform

    assert through_platform("assujettie", "employeur") and through_platform("franchise", "opco")
    assert not through_platform("exoneree", "employeur")          # 261-4-4° a: outside
    assert not through_platform("assujettie", "beneficiaire")     # a person, not a business
    assert not through_platform("assujettie", "cdc")              # the CPF: EDOF
    assert not through_platform("assujettie", "france-travail")   # public: Chorus Pro


def test_the_seller_s_vat_number_is_france_s_from_its_siren():
    tva = pytest.importorskip("stdnum.fr.tva")   # python-stdnum, the oracle

    from bilancli.render.facturx import french_vat_number

    for siren in ("840123459", "901234567", "356000000", "000000018"):
        number = french_vat_number(siren)
        assert tva.is_valid(number) and number.endswith(siren), number


def test_an_address_without_a_postcode_stays_one_line():
    from bilancli.render.facturx import _address

    holder = ET.Element("x")
    _address(holder, "Lieu-dit Les Granges")
    assert [(e.tag.split("}")[1], e.text) for e in holder[0]] == [
        ("LineOne", "Lieu-dit Les Granges"), ("CountryID", "FR")]
    holder = ET.Element("x")
    _address(holder, "2 rue Vernet, Bât. B, 84000 Avignon")
    assert [(e.tag.split("}")[1], e.text) for e in holder[0]] == [
        ("PostcodeCode", "84000"), ("LineOne", "2 rue Vernet, Bât. B"), ("CityName", "Avignon"),
        ("CountryID", "FR")]


def test_control_characters_typed_on_the_invoice_do_not_break_its_xml(bilan, tmp_path):
    configure(bilan)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand")
    numero = bilan.json("facture", bid, "--destinataire", "Durand\x01\u202eSA", "--adresse",
                        BUYER_ADDRESS, "--reference", "BC\x1b[31m-17")["numero"]
    root = _checked(_embedded(_render(bilan, numero, tmp_path / "f.pdf")))
    buyer = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
    assert _text(root, buyer + "ram:BuyerTradeParty/ram:Name") == "Durand\u2401<U+202E>SA"
    assert _text(root, buyer + "ram:BuyerReference") == "BC\u241b[31m-17"
