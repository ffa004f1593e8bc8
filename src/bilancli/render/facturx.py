"""An invoice or credit note as Factur-X: its CII XML (profile EN 16931), written by us from the
document frozen at issue, embedded by the `factur-x` library into the PDF/A-3b that WeasyPrint
prints from the invoice's HTML.

The XML reads nothing but the frozen document (and the catalogue's fixed wording), so that
rendering it again another day, whatever changed since, gives the same bytes.
"""

from __future__ import annotations

import io
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bilancli import messages as msg
from bilancli.core.facturation import billing as bill
from bilancli.core.formats import clean
from bilancli.errors import fail
from bilancli.render import invoice as view_of
from bilancli.render.output import html_to_pdf

_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
for _prefix, _uri in _NS.items():
    ET.register_namespace(_prefix, _uri)

# The EN 16931 profile of Factur-X, as its specification names it (BT-24).
EN16931 = "urn:cen.eu:en16931:2017"
# UNTDID 1001: commercial invoice, credit note.
TYPE_CODES = {"facture": "380", "avoir": "381"}
# UNTDID 5305 category, and the CEF VATEX code of the exemption (BT-121) beside its text
# (BT-120, the article the invoice quotes): the French codes of the list, 261-4 for the
# training exemption (its 4° a) and the franchise en base of 293 B, both category E.
VAT_CATEGORIES = {
    bill.EXEMPT: ("E", "VATEX-FR-CGI261-4"),
    bill.FRANCHISE: ("E", "VATEX-FR-FRANCHISE"),
    bill.LIABLE: ("S", None),
}
# ISO/IEC 6523 schemes France uses: 0002 the SIREN (legal registration), 0009 the SIRET.
SIREN_SCHEME, SIRET_SCHEME = "0002", "0009"
# UNTDID 4461: SEPA credit transfer; UN/ECE rec. 20: one unit (the bilan, at its price).
SEPA_TRANSFER, ONE = "58", "C62"
CURRENCY = "EUR"
XML_NAME = "factur-x.xml"   # the name the Factur-X standard gives the embedded file

_POSTCODE_CITY = re.compile(r"^(?P<rest>.*?)[,\s]*\b(?P<code>\d{5})\s+(?P<city>[^,\d][^,]*)$")


def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    prefix, name = tag.split(":")
    element = ET.SubElement(parent, f"{{{_NS[prefix]}}}{name}", attrs)
    if text is not None:   # typed text: XML 1.0 allows no C0 control, a reader no bidi override
        element.text = clean(text)
    return element


def _day(parent, tag: str, iso_day: str, qualified: bool = False) -> None:
    holder = _el(parent, tag)
    _el(holder, "qdt:DateTimeString" if qualified else "udt:DateTimeString",
        iso_day.replace("-", ""), format="102")


def _amount(cents: int) -> str:
    whole, rest = divmod(abs(cents), 100)
    return f"{whole}.{rest:02d}"


def _rate(rate_bp: int | None) -> str:
    whole, rest = divmod(rate_bp or 0, 100)
    return f"{whole}.{rest:02d}"


def _digits(siret: str | None) -> str | None:
    return re.sub(r"\D", "", siret) if siret else None


def _address(parent, text: str | None) -> None:
    """A one-line French address split where it can be: `…, 84000 Avignon` gives the postcode
    and the city; whatever else stays the first line. The country is France (BT-40)."""
    holder = _el(parent, "ram:PostalTradeAddress")
    match = _POSTCODE_CITY.match((text or "").strip())
    if match:
        _el(holder, "ram:PostcodeCode", match["code"])
        if match["rest"].strip(" ,"):
            _el(holder, "ram:LineOne", match["rest"].strip(" ,"))
        _el(holder, "ram:CityName", match["city"].strip())
    elif text:
        _el(holder, "ram:LineOne", text.strip())
    _el(holder, "ram:CountryID", "FR")


def french_vat_number(siren: str) -> str:
    """The intracommunity VAT number France gives a business: FR, a key of the SIREN, the
    SIREN (CGI 286 ter; the key is (12 + 3 × (SIREN mod 97)) mod 97)."""
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def _party(parent, tag: str, party: dict, seller: bool, vat_number: bool = False) -> None:
    holder = _el(parent, tag)
    siret = _digits(party.get("siret"))
    if siret:
        _el(holder, "ram:GlobalID", siret, schemeID=SIRET_SCHEME)
    _el(holder, "ram:Name", party["nom"])
    if seller and party.get("nda"):
        _el(holder, "ram:Description", msg.FACTURX_NDA.format(nda=party["nda"]))
    if siret:
        _el(_el(holder, "ram:SpecifiedLegalOrganization"), "ram:ID", siret[:9], schemeID=SIREN_SCHEME)
    if seller and (party.get("telephone") or party.get("email")):
        contact = _el(holder, "ram:DefinedTradeContact")
        if party.get("telephone"):
            _el(_el(contact, "ram:TelephoneUniversalCommunication"), "ram:CompleteNumber",
                party["telephone"])
        if party.get("email"):
            _el(_el(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", party["email"])
    _address(holder, party.get("adresse"))
    if seller and party.get("email"):   # BT-34, the seller's electronic address
        _el(_el(holder, "ram:URIUniversalCommunication"), "ram:URIID", party["email"], schemeID="EM")
    # BT-31: the seller's as `[cabinet] tva_intracommunautaire` gave it (an exempt seller's
    # invoice needs one, BR-E-02), else France's from the SIREN for a seller who charges VAT
    # (BR-S-02); none is made up for an exempt seller who gave none.
    given = party.get("tva_intracommunautaire") if seller else None
    if given or (vat_number and siret):
        _el(_el(holder, "ram:SpecifiedTaxRegistration"), "ram:ID",
            given or french_vat_number(siret[:9]), schemeID="VA")


def _designation(d: dict) -> str:
    p = view_of.view(d)["prestation"]
    text = msg.FACTURX_PRESTATION.format(beneficiaire=p["beneficiaire"], debut=p["debut"],
                                         fin=p["fin"], heures=p["heures"])
    if p["employeur"]:
        text += msg.FACTURX_EMPLOYEUR.format(employeur=p["employeur"])
    if p["partielle"]:
        text += f" — {p['partielle']}"
    return text


def _tax(parent, d: dict, header: bool) -> None:
    vat, money = d["tva"], d["montants"]
    category, reason_code = VAT_CATEGORIES[vat["regime"]]
    tax = _el(parent, "ram:ApplicableTradeTax")
    if header:
        _el(tax, "ram:CalculatedAmount", _amount(money["tva"]))
    _el(tax, "ram:TypeCode", "VAT")
    if header and vat.get("mention"):
        _el(tax, "ram:ExemptionReason", vat["mention"])
    if header:
        _el(tax, "ram:BasisAmount", _amount(money["ht"]))
    _el(tax, "ram:CategoryCode", category)
    if header and reason_code:
        _el(tax, "ram:ExemptionReasonCode", reason_code)
    _el(tax, "ram:RateApplicablePercent", _rate(vat.get("taux_bp") if category == "S" else 0))


def _period(parent, d: dict) -> None:
    period = _el(parent, "ram:BillingSpecifiedPeriod")
    _day(period, "ram:StartDateTime", d["prestation"]["debut"])
    _day(period, "ram:EndDateTime", d["prestation"]["fin"])


def _line(parent, d: dict) -> None:
    ht = _amount(d["montants"]["ht"])
    line = _el(parent, "ram:IncludedSupplyChainTradeLineItem")
    _el(_el(line, "ram:AssociatedDocumentLineDocument"), "ram:LineID", "1")
    product = _el(line, "ram:SpecifiedTradeProduct")
    _el(product, "ram:Name", str(msg.DESIGNATION_BILAN))
    _el(product, "ram:Description", _designation(d))
    agreement = _el(line, "ram:SpecifiedLineTradeAgreement")
    _el(_el(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", ht)
    _el(_el(line, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity", "1", unitCode=ONE)
    settlement = _el(line, "ram:SpecifiedLineTradeSettlement")
    _tax(settlement, d, header=False)
    _period(settlement, d)
    _el(_el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"),
        "ram:LineTotalAmount", ht)


def _payment_terms(d: dict) -> str:
    if d["type"] == "avoir":
        return msg.FACTURX_CONDITIONS_AVOIR.format(numero=d["facture_annulee"]["numero"])
    days = (d.get("paiement") or {}).get("delai_jours")
    return (msg.FACTURX_CONDITIONS.format(jours=days) if days else msg.FACTURX_A_RECEPTION)


def _settlement(parent, d: dict) -> None:
    money, payment = d["montants"], d.get("paiement") or {}
    settlement = _el(parent, "ram:ApplicableHeaderTradeSettlement")
    if d["type"] == "facture":
        _el(settlement, "ram:PaymentReference", d["numero"])
    _el(settlement, "ram:InvoiceCurrencyCode", CURRENCY)
    if payment.get("iban"):
        means = _el(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _el(means, "ram:TypeCode", SEPA_TRANSFER)
        _el(_el(means, "ram:PayeePartyCreditorFinancialAccount"), "ram:IBANID", payment["iban"])
    _tax(settlement, d, header=True)
    _period(settlement, d)
    terms = _el(settlement, "ram:SpecifiedTradePaymentTerms")
    _el(terms, "ram:Description", _payment_terms(d))
    if d.get("echeance"):
        _day(terms, "ram:DueDateDateTime", d["echeance"])
    totals = _el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _el(totals, "ram:LineTotalAmount", _amount(money["ht"]))
    _el(totals, "ram:TaxBasisTotalAmount", _amount(money["ht"]))
    _el(totals, "ram:TaxTotalAmount", _amount(money["tva"]), currencyID=CURRENCY)
    _el(totals, "ram:GrandTotalAmount", _amount(money["ttc"]))
    _el(totals, "ram:DuePayableAmount", _amount(money["ttc"]))
    cancelled = d.get("facture_annulee")
    if cancelled:   # BG-3: the invoice this credit note corrects
        referenced = _el(settlement, "ram:InvoiceReferencedDocument")
        _el(referenced, "ram:IssuerAssignedID", cancelled["numero"])
        _day(referenced, "ram:FormattedIssueDateTime", cancelled["date"], qualified=True)


def xml(document: dict) -> bytes:
    """The CII XML of the frozen invoice or credit note, profile EN 16931. A credit note's
    amounts are written positive: its type code (381) says it credits."""
    d = document
    root = ET.Element(f"{{{_NS['rsm']}}}CrossIndustryInvoice")
    context = _el(root, "rsm:ExchangedDocumentContext")
    _el(_el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", EN16931)
    header = _el(root, "rsm:ExchangedDocument")
    _el(header, "ram:ID", d["numero"])
    _el(header, "ram:TypeCode", TYPE_CODES[d["type"]])
    _day(header, "ram:IssueDateTime", d["date"])
    notes = ([msg.FACTURX_MOTIF.format(motif=d["motif"])] if d.get("motif") else []) + list(
        d.get("mentions") or ())
    for note in notes:
        _el(_el(header, "ram:IncludedNote"), "ram:Content", note)
    transaction = _el(root, "rsm:SupplyChainTradeTransaction")
    _line(transaction, d)
    agreement = _el(transaction, "ram:ApplicableHeaderTradeAgreement")
    if d["acheteur"].get("reference"):
        _el(agreement, "ram:BuyerReference", d["acheteur"]["reference"])
    _party(agreement, "ram:SellerTradeParty", d["vendeur"], seller=True,
           vat_number=d["tva"]["regime"] == bill.LIABLE)
    _party(agreement, "ram:BuyerTradeParty", d["acheteur"], seller=False)
    delivery = _el(transaction, "ram:ApplicableHeaderTradeDelivery")   # BT-72: the last entretien
    _day(_el(delivery, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime",
         d["prestation"]["fin"])
    _settlement(transaction, d)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def pdf(document: dict, html: str, base_url: Path) -> bytes:
    """The Factur-X PDF: the invoice's HTML printed as PDF/A-3b, its XML embedded (and checked
    against the Factur-X XSD by the library on the way)."""
    generate = _library()
    data = xml(document)
    printed = html_to_pdf(html, base_url, view_of.epoch(document), variant="pdf/a-3b")
    title = f"{msg.DOCUMENT_LABELS[document['type']]} n° {document['numero']}"
    buffer = _Rewritten(printed)   # in memory: no temporary file holding the invoice
    generate(buffer, data, flavor="factur-x", level="en16931", lang="fr-FR",
             pdf_metadata={"author": document["vendeur"]["nom"], "title": title,
                           "subject": title})
    return buffer.getvalue()


class _Rewritten(io.BytesIO):
    """The PDF the library reads, then rewrites whole. Handed a file object, it writes the
    new PDF where its reading left the stream, after a stale part of the first one
    (akretion/factur-x issue 24, which its own `generate_from_binary` shows too): the first
    write starts the file over, as the library's `output_pdf_file` would."""

    _started = False

    def write(self, data) -> int:
        if not self._started:
            self._started = True
            self.seek(0)
            self.truncate()
        return super().write(data)


def _library():
    """The `factur-x` library's generator, or the French message saying how to install it."""
    try:
        from facturx import generate_from_file
    except ImportError:
        raise fail(msg.FACTURX_INDISPONIBLE) from None
    # It logs every step at INFO and its own doubts as warnings: not for the consultant.
    logging.getLogger("facturx").setLevel(logging.ERROR)
    return generate_from_file
