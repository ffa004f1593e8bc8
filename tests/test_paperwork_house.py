"""The paperwork in the house's machinery: `facture` both a command and a group (parser, help,
completion), the registry's classes, and the accounting deadlines as pure rules."""

from datetime import date, timedelta

import pytest
from paperwork import configure, held
from test_completion import complete

from bilancli.core import registry
from bilancli.core.conservation import archives, retention


def test_facture_is_a_command_and_a_group(home, monkeypatch):
    from test_cli_parse import run

    _, render = run(["facture", "render", "F2026-0001", "--format", "md"], monkeypatch)
    assert render["path"] == ("facture", "render") and render["values"]["numero"] == "F2026-0001"
    _, issue = run(["facture", "2026-001", "--payeur", "cdc"], monkeypatch)
    assert issue["path"] == ("facture",) and issue["values"]["bilan_id"] == "2026-001"
    page, called = run(["facture", "--help"], monkeypatch)
    assert page.exit_code == 0 and page.stdout.startswith("Utilisation : bilan facture") and not called


def test_the_facture_help_page_shows_the_command_and_its_sub_command(bilan):
    out = bilan("facture", "--help").stdout
    assert "bilan facture ID" in out and "--payeur" in out and "render" in out
    assert "argument manquant : ID" in bilan("facture", code=2).stderr


@pytest.mark.parametrize(("words", "expected"), [
    ("bilan facture r", ["render"]),
    ("bilan facture 2026-001 --pay", ["--payeur"]),
    ("bilan facture 2026-001 --payeur c", ["cdc"]),
    ("bilan facture render F2026-0001 --for", ["--format"]),
    ("bilan paiement F2026-0001 --mode ch", ["cheque"]),
    ("bilan reclamation add --canal co", ["courriel", "courrier"]),
    ("bilan reclamation c", ["close"]),
])
def test_the_paperwork_completes(bilan, monkeypatch, words, expected):
    assert complete(monkeypatch, words) == expected


def test_numbers_and_ids_complete_from_the_store(bilan, monkeypatch):
    configure(bilan)
    bid = held(bilan)
    bilan("facture", bid, "--montant", "100")
    bilan("facture", bid, "--montant", "100")
    assert complete(monkeypatch, "bilan facture render F") == ["F2026-0002", "F2026-0001"]
    assert complete(monkeypatch, "bilan avoir F2026-000") == ["F2026-0002", "F2026-0001"]
    assert complete(monkeypatch, "bilan facture 2026-0") == [bid]


def test_accounting_records_are_of_their_own_class_never_content():
    for name in ("factures", "paiements", "rendus_factures"):
        assert {c.retention for c in registry.table(name).columns} == {registry.COMPTABLE}, name
    assert registry.QUALITY_TEXTS == ("objet", "reponse", "action")
    accounting = {k.name for k in registry.ARCHIVE_KINDS}
    assert not accounting & set(retention.CONTENT_KINDS + retention.SYNTHESIS_KINDS)
    for deadline in retention.schedule(retention.Facts(date_fin=date(2026, 1, 1)),
                                       retention.Settings(12, 60)):
        assert not accounting & set(deadline.kinds)


def test_the_store_s_cutoff_is_the_rule_of_l123_22():
    for today in (date(2036, 12, 31), date(2037, 1, 1), date(2040, 6, 15)):
        for issued in (date(2025, 12, 31) + timedelta(days=n) for n in range(0, 800, 7)):
            rule = archives.accounts_deadline(issued, today) is not None
            assert rule == (issued < archives.accounts_cutoff(today)), (issued, today)
    assert archives.accounts_destroyed_from(date(2026, 1, 1)) == date(2037, 1, 1)
    assert archives.accounts_destroyed_from(date(2026, 12, 31)) == date(2037, 1, 1)


def test_complaint_texts_are_kept_three_calendar_years_after_the_closing():
    assert archives.complaint_texts_destroyed_from(date(2024, 2, 29)) == date(2027, 2, 28)
    assert archives.complaint_deadline(None, date(2099, 1, 1)) is None
    assert archives.complaint_deadline(date(2023, 5, 10), date(2026, 5, 9)) is None
    assert archives.complaint_deadline(date(2023, 5, 10), date(2026, 5, 10)).rule == (
        "Qualiopi indicateur 31 : 3 ans")
