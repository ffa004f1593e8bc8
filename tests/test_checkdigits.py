"""SIRET (Luhn, La Poste's exception) and IBAN (mod 97, the length of its country), as the
invoice commands read them through python-stdnum."""

import pytest

from bilancli.core.facturation import checkdigits as cd
from bilancli.errors import BilanError


@pytest.mark.parametrize("siret", ["84012345900017", "840 123 459 00017", "732 829 320 00074",
                                   "90123456700013"])
def test_a_siret_whose_siren_and_whole_number_pass_luhn_is_accepted(siret):
    digits = cd.parse_siret(siret)
    assert len(digits) == 14 and cd.format_siret(digits).replace(" ", "") == digits


@pytest.mark.parametrize(("siret", "key"), [
    ("84012345900018", "SIRET_CLE"),            # the last digit mistyped
    ("84012345800017", "SIRET_CLE"),            # a digit of the SIREN mistyped
    ("48012345900017", "SIRET_CLE"),            # two digits swapped in the SIREN
    ("8401234590001", "SIRET_FORME"),           # 13 digits
    ("840123459000170", "SIRET_FORME"),         # 15 digits
    ("8401234590001A", "SIRET_FORME"),
    ("８４０１２３４５９０００１７", "SIRET_FORME"),  # full-width digits are not ASCII
])
def test_a_wrong_siret_is_refused_naming_why(siret, key):
    with pytest.raises(BilanError) as refused:
        cd.parse_siret(siret)
    assert refused.value.key == key and siret in refused.value.message


def test_the_siren_alone_must_pass_luhn_even_when_the_whole_number_does():
    from stdnum import luhn

    # 840123458 fails Luhn; a NIC can still be found that makes the 14 digits pass.
    siren = "840123458"
    assert not luhn.is_valid(siren)
    nic = next(f"{n:05d}" for n in range(100) if luhn.is_valid(siren + f"{n:05d}"))
    with pytest.raises(BilanError) as refused:
        cd.parse_siret(siren + nic)
    assert refused.value.key == "SIRET_CLE"


def test_la_poste_establishments_follow_the_insee_rule_not_luhn():
    from stdnum import luhn

    # La Poste (SIREN 356 000 000) numbers more establishments than the Luhn key allows:
    # INSEE checks them by the sum of their digits, a multiple of 5.
    assert not luhn.is_valid("35600000049837")   # digit sum 45
    assert cd.parse_siret("356 000 000 49837") == "35600000049837"
    with pytest.raises(BilanError) as refused:
        cd.parse_siret("35600000049838")
    assert refused.value.key == "SIRET_CLE"


def test_la_poste_head_office_is_checked_by_luhn_like_any_siret():
    # Its digits add up to 26, not a multiple of 5: the establishments' rule would refuse it.
    assert cd.parse_siret("356 000 000 00048") == "35600000000048"
    with pytest.raises(BilanError) as refused:
        cd.parse_siret("35600000000049")
    assert refused.value.key == "SIRET_CLE"


def test_iban_key_and_layout():
    assert cd.parse_iban("fr76 3000 6000 0112 3456 7890 189", "iban") == "FR7630006000011234567890189"
    assert cd.format_iban("FR7630006000011234567890189") == "FR76 3000 6000 0112 3456 7890 189"
    for wrong in ("FR7630006000011234567890188", "FR76", "76FR30006000011234567890189"):
        with pytest.raises(BilanError) as refused:
            cd.parse_iban(wrong, "iban")
        assert refused.value.key == "IBAN_INVALIDE" and "[facturation] iban" in refused.value.message


def test_a_french_iban_of_24_characters_is_refused_even_with_a_right_key():
    short = "FR2330006000011234567890"   # 23 is the right key of these 20 characters
    assert int("".join(str(int(c, 36)) for c in short[4:] + short[:4])) % 97 == 1
    with pytest.raises(BilanError) as refused:
        cd.parse_iban(short, "iban")
    assert refused.value.key == "IBAN_INVALIDE" and "27 caractères" in refused.value.message
