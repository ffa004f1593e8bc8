"""R6313-7: once a bilan's content is destroyed, nothing may add to it (core, no store)."""

from datetime import date

import pytest

from bilancli import messages as msg
from bilancli.core.dossier.guards import check_editable, require_content_kept
from bilancli.core.model import Bilan
from bilancli.errors import BilanError


def test_content_still_kept_passes():
    require_content_kept(Bilan(id="2026-001", nom=None, prenom=None, date_ouverture=date(2026, 1, 5), phase="conclusion"))


@pytest.mark.parametrize("destroyed", [
    Bilan(id="2026-001", nom=None, prenom=None, date_ouverture=date(2026, 1, 5), phase="conclusion", content_destroyed_on=date(2026, 3, 1)),
])
def test_destroyed_content_is_refused_with_the_french_date_and_the_rule(destroyed):
    with pytest.raises(BilanError) as refused:
        require_content_kept(destroyed)
    text = str(refused.value)
    assert "2026-001" in text and "01/03/2026" in text and "R6313-7" in text


def test_the_refusal_can_say_what_cannot_be_done_any_more():
    bilan = Bilan(id="2026-001", nom=None, prenom=None, date_ouverture=date(2026, 1, 5), phase="conclusion", content_destroyed_on=date(2026, 3, 1))
    with pytest.raises(BilanError) as refused:
        require_content_kept(bilan, msg.SYNTHESE_CONTENU_DETRUIT)
    assert "synthèse" in str(refused.value)


def _record(**changes) -> Bilan:
    return Bilan(id="2026-001", nom=None, prenom=None, date_ouverture=date(2026, 1, 5),
                 phase="termine", **changes)


def test_a_content_field_is_editable_until_the_content_is_destroyed():
    check_editable(_record(), "projet")
    with pytest.raises(BilanError) as refused:
        check_editable(_record(content_destroyed_on=date(2026, 3, 1)), "projet")
    assert "R6313-7" in str(refused.value)


def test_an_administrative_field_is_editable_until_the_record_is_anonymised():
    check_editable(_record(content_destroyed_on=date(2026, 3, 1)), "email")
    anonymised = Bilan(id="2026-001", nom=None, prenom=None, date_ouverture=date(2026, 1, 5),
                       phase="termine", anonymised_on=date(2031, 3, 1))
    for record in (_record(anonymised_on=date(2031, 3, 1)), anonymised):
        with pytest.raises(BilanError) as refused:
            check_editable(record, "email")
        assert "2026-001" in str(refused.value) and "anonymisé" in str(refused.value)
