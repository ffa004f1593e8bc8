"""The two generic changes (`RowAdded`, `RowsUpdated`): a decision that is a plain row is
written by the store as the registry declares its table, and a name the registry does not
know is never turned into SQL."""

from __future__ import annotations

from datetime import date

import docstore
import pytest

from bilancli.core import changes as ch
from storeio import apply


def test_a_consent_and_a_signature_are_written_as_plain_rows(bilan):
    bilan.today("2026-03-10")
    bilan_id = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-19")
    bilan("consent", bilan_id, "bilan", "--date", "2026-02-20")
    bilan("convention", "send", bilan_id, "--date", "2026-02-21")
    bilan("convention", "sign", bilan_id, "--date", "2026-02-25")
    shown = bilan.json("show", bilan_id)
    assert shown["consentements"]["bilan"] == "2026-02-20"
    assert (shown["convention"]["signee"], shown["convention"]["statut"]) == ("2026-02-25", "signee")


def test_a_column_the_registry_does_not_declare_is_refused_before_any_sql(bilan):
    bilan_id = bilan.new()
    before = bilan.db_bytes()
    with docstore.writing(bilan.home) as conn:
        with pytest.raises(ValueError, match="not in the registry"):
            apply(conn, ch.RowAdded("consentements", {"bilan_id": bilan_id, "type = 1; --": "x"}))
        with pytest.raises(ValueError, match="not in the registry"):
            apply(conn, ch.RowsUpdated("conventions", {"signee": date(2026, 3, 1)},
                                       {"bilan_id OR 1": bilan_id}))
        with pytest.raises(ValueError, match="names the rows"):
            apply(conn, ch.RowsUpdated("conventions", {"signee": date(2026, 3, 1)}, {}))
    assert bilan.db_bytes() == before


def test_content_is_never_written_by_a_generic_change(bilan):
    """SPEC §15: a sealed column is written by its own writer, sealed; a generic change that
    names one is a bug of its caller, refused before any SQL."""
    bilan_id = bilan.new()
    before = bilan.db_bytes()
    with docstore.writing(bilan.home) as conn:
        with pytest.raises(ValueError, match="sealed columns"):
            apply(conn, ch.RowAdded("champs", {"bilan_id": bilan_id, "champ": "demande",
                                               "valeur": "en clair", "modifie_le": date(2026, 3, 1)}))
        with pytest.raises(ValueError, match="sealed columns"):
            apply(conn, ch.RowsUpdated("bilans", {"motif_abandon": "en clair"}, {"id": bilan_id}))
    assert bilan.db_bytes() == before
