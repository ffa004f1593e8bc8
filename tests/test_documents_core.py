"""Which rendered documents may be produced and which are kept in the store (core, no store)."""

from datetime import date

import pytest

from bilancli.core.documents.catalogue import check_renderable, keeps_copy
from bilancli.core.model import Bilan
from bilancli.errors import BilanError


def a_bilan(**changes) -> Bilan:
    return Bilan(id="2026-001", nom="Martin", prenom="Élodie", phase="termine",
                 date_ouverture=date(2026, 1, 12), financement="cpf", **changes)


def test_only_the_synthese_keeps_a_copy():
    assert keeps_copy("synthese")
    assert not keeps_copy("convention") and not keeps_copy("emargement")


def test_no_synthese_once_the_content_is_destroyed_but_the_attendance_sheet_stays():
    destroyed = a_bilan(content_destroyed_on=date(2026, 5, 1))
    with pytest.raises(BilanError) as refused:
        check_renderable("synthese", destroyed)
    assert "synthèse" in refused.value.message and "R6313-7" in refused.value.message
    check_renderable("emargement", destroyed)
    check_renderable("synthese", a_bilan())
