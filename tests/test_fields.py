"""The field catalogue and the validation of typed values, without a database."""

import pytest

from bilancli.core.dossier.fields import (
    CONTENT_FIELDS,
    parse_amount,
    parse_consent_type,
    parse_field_name,
    parse_planned_hours,
    validate_admin,
)
from bilancli.core.ids import parse_id
from bilancli.errors import BilanError


def refused(fn, *args) -> str:
    with pytest.raises(BilanError) as caught:
        fn(*args)
    return caught.value.message


def test_content_fields_follow_the_three_phases_of_r6313_4():
    assert CONTENT_FIELDS[:3] == ("demande", "besoins", "modalites")
    assert "plan_b" in CONTENT_FIELDS and CONTENT_FIELDS[-1] == "plan_action"


@pytest.mark.parametrize(("typed", "cents"), [
    ("1500", 150000), ("1 500,50", 150050), ("1500.5", 150050), ("1 800 €", 180000),
    ("0", 0), ("1\u202f200", 120000),
])
def test_amounts_in_euros(typed, cents):
    assert parse_amount(typed) == cents


def test_negative_or_unreadable_amounts_are_refused():
    assert "négatif" in refused(parse_amount, "-10")
    assert "« dix »" in refused(parse_amount, "dix")
    assert "illisible" in refused(parse_amount, "nan")


@pytest.mark.parametrize("typed", ["1e30", "1e999", "1E5", "Infinity", "-inf", "sNaN", "0x10", "1_000"])
def test_exponents_and_special_numbers_are_unreadable(typed):
    assert f"illisible : « {typed} »" in refused(parse_amount, typed)


def test_a_tarif_above_the_ceiling_is_a_typo():
    assert parse_amount("100 000") == 10_000_000
    assert "100 000 € HT" in refused(parse_amount, "100 000,01")
    assert "« 99999999999999999999 »" in refused(parse_amount, "99999999999999999999")


def test_planned_hours_are_capped_at_24_citing_the_law():
    assert parse_planned_hours("24") == 1440
    assert parse_planned_hours("20,5") == 1230
    assert parse_planned_hours("18h30") == 1110
    assert "L6313-4 al. 5" in refused(parse_planned_hours, "24,5")
    assert "négatif" in refused(parse_planned_hours, "-3")
    assert "illisible" in refused(parse_planned_hours, "beaucoup")


def test_unknown_names_list_what_exists():
    assert "demande" in refused(parse_field_name, "demandes")
    assert parse_field_name("plan-b") == "plan_b"
    assert "cep" in refused(parse_consent_type, "cnil")


@pytest.mark.parametrize(("field", "typed"), [
    ("statut", "cadre"), ("financement", "opco"), ("format", "hybride"),
])
def test_unknown_enum_values_are_refused(field, typed):
    message = refused(validate_admin, field, typed)
    assert f"« {typed} »" in message and field in message


def test_admin_values_are_normalised():
    assert validate_admin("statut", " Salarie ") == "salarie"
    assert validate_admin("employeur", "") is None
    assert "vide" in refused(validate_admin, "nom", "  ")
    assert "invalide" in refused(validate_admin, "email", "claire.martin")


@pytest.mark.parametrize("typed", ["2026-1", "26-001", "2026_001", "abc", "2026-000"])
def test_malformed_ids(typed):
    assert "AAAA-NNN" in refused(parse_id, typed)


def test_ids_are_normalised():
    assert parse_id(" 2026-007 ") == "2026-007"
    assert parse_id("2026-1000") == "2026-1000"


def test_closed_lists_accept_any_case_and_accents():
    from bilancli.core.choices import parse_choice
    from bilancli.core.dossier.entretiens import parse_modalite
    from bilancli.core.dossier.phases import parse_phase

    assert parse_modalite(" Présentiel ") == "presentiel"
    assert parse_phase("PRÉLIMINAIRE") == "preliminaire"
    assert validate_admin("statut", "Salarié") == "salarie"
    assert parse_choice(".PDF", ("pdf", "html"), "{saisie}", strip=".") == "pdf"
    assert "« visioconférence »" in refused(parse_modalite, "visioconférence")
