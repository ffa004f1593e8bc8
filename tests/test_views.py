"""What a person reads (SPEC §13): rich's tables, never a wall of lines, user text never
read as markup, colour only for a terminal that wants it."""

from __future__ import annotations

import re

import pytest

ANSI = re.compile("\x1b\\[[0-9;]*m")


def _ended(bilan, nom: str) -> str:
    bid = bilan.new("--date", "2026-02-01", nom=nom)
    bilan("abandon", bid, "--date", "2026-03-01")
    return bid


def test_the_list_shows_the_open_bilans_and_tous_shows_every_one(bilan):
    open_id = bilan.new(nom="Ouvert")
    ended_id = _ended(bilan, "Fini")
    out = bilan("list").stdout
    assert open_id in out and "Ouvert" in out
    assert ended_id not in out and "Fini" not in out
    assert "1 bilan(s) terminé(s) ou abandonné(s) non affiché(s) : --tous" in out
    every = bilan("list", "--tous").stdout
    assert open_id in every and ended_id in every and "--tous" not in every
    # A phase asked for is shown, ended or not; the JSON holds every bilan, as before.
    assert ended_id in bilan("list", "--phase", "abandonne").stdout
    assert {b["id"] for b in bilan.json("list")} == {ended_id, open_id}


def test_a_list_of_ended_bilans_only_says_where_they_are(bilan):
    _ended(bilan, "Fini")
    out = bilan("list").stdout
    assert "Aucun bilan en cours (1 terminé(s) ou abandonné(s) : --tous" in out


def test_the_agenda_shows_the_overdue_and_the_next_30_days_and_au_goes_further(bilan):
    bid = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-01")
    bilan("convention", "send", bid, "--date", "2026-02-10")        # due 20/02: overdue
    bilan("rdv", "add", bid, "--date", "2026-03-20", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "add", bid, "--date", "2026-04-20", "--heure", "9h", "--duree", "1h")
    out = bilan("agenda").stdout
    assert "20/02/2026" in out and "en retard" in out
    assert "20/03/2026" in out and "20/04/2026" not in out
    assert "Jusqu'au 01/04/2026 : --au D pour voir plus loin (1 échéance(s) plus tard)" in out
    further = bilan("agenda", "--au", "2026-04-30").stdout
    assert "20/02/2026" in further and "20/04/2026" in further and "--au D" not in further
    # --du moves the horizon with it; the JSON holds everything, horizon or not.
    assert "20/04/2026" in bilan("agenda", "--du", "2026-04-01").stdout
    assert {i["date"] for i in bilan.json("agenda")} >= {"2026-02-20", "2026-03-20", "2026-04-20"}


def test_a_view_longer_than_a_screenful_counts_by_kind_shows_the_first_and_says_tout(bilan):
    ids = [bilan.new(nom=f"Nom{n:02d}") for n in range(60)]
    bilan("phase", "advance", ids[0], code=None)   # whatever the gates say: still one phase
    out = bilan("list").stdout
    lines = out.splitlines()
    assert len(lines) <= 55
    assert "60 bilans, par phase" in out and re.search(r"préliminaire\s+60", out)
    assert ids[-1] in out and ids[0] not in out          # newest first: the oldest are left
    rest = re.search(r"… et (\d+) ligne\(s\) de plus : --tout pour tout voir", out)
    assert rest and int(rest.group(1)) + sum(i in out for i in ids) == 60
    everything = bilan("list", "--tout").stdout
    assert all(i in everything for i in ids) and "--tout" not in everything
    assert len(bilan.json("list")) == 60


def test_the_purge_plan_sums_up_by_rule_before_one_line_per_bilan(bilan):
    from datetime import date

    from purge_helpers import make_ended_bilan

    ids = [make_ended_bilan(bilan.home, f"P{n}", end=date(2026, 1, 1 + n)) for n in range(3)]
    out = bilan("purge", "--dry-run").stdout
    assert out.index("Par règle") < out.index("À détruire")
    table = out[out.index("À détruire"):].splitlines()
    assert [sum(line.startswith(i) for line in table) for i in ids] == [1, 1, 1]


def test_a_long_purge_plan_shows_the_longest_overdue_first_and_tout_every_line(bilan, monkeypatch):
    from datetime import date

    from purge_helpers import make_ended_bilan

    from bilancli.cli import display

    monkeypatch.setattr(display, "SCREENFUL", 2)
    ids = [make_ended_bilan(bilan.home, f"L{n}", end=date(2026, 1, 20 - n)) for n in range(12)]
    out = bilan("purge", "--dry-run").stdout
    assert ids[-1] in out and ids[0] not in out        # ended 9 January: due first
    assert "--tout pour tout voir" in out
    assert all(i in bilan("purge", "--dry-run", "--tout").stdout for i in ids)


@pytest.mark.parametrize("typed", ["[bold]x[/]", "[red]rouge[/red]", "[link=http://a]b[/link]"])
def test_user_text_is_never_read_as_markup(bilan, monkeypatch, typed):
    monkeypatch.setenv("FORCE_COLOR", "1")      # on a terminal too
    monkeypatch.setenv("COLUMNS", "200")
    bid = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-01", nom=typed)
    bilan("convention", "send", bid, "--date", "2026-02-10")   # on the agenda
    for args in (["list"], ["show", bid], ["agenda", "--au", "2027-12-31"]):
        out = ANSI.sub("", bilan(*args).stdout)
        assert typed in out, args
    # In a refusal quoting what was typed.
    assert typed in ANSI.sub("", bilan("show", typed, code=1).stderr)


def test_a_pipe_and_no_color_give_plain_text(bilan, monkeypatch):
    bid = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-01")
    bilan("convention", "send", bid, "--date", "2026-02-10")
    for args in (["agenda"], ["list"], ["show", bid], ["stats"]):
        assert "\x1b" not in bilan(*args).stdout, args       # the test's streams are pipes
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    out = bilan("agenda").stdout
    assert not re.search("\x1b\\[[0-9;]*3[0-7]m", ANSI.sub(lambda m: m.group() if "3" in m.group() else "", out))
    assert "\x1b[31m" not in out and "\x1b[1;31m" not in out
    refused = bilan("show", "9999-999", code=1).stderr
    assert "\x1b[1;31m" not in refused and "\x1b[31m" not in refused


def test_on_a_terminal_overdue_items_are_red_and_the_others_not(bilan, monkeypatch):
    bid = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-01")
    bilan("convention", "send", bid, "--date", "2026-02-10")
    bilan("rdv", "add", bid, "--date", "2026-03-20", "--heure", "9h", "--duree", "1h")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    lines = bilan("agenda").stdout.splitlines()
    overdue = next(line for line in lines if "20/02/2026" in line)
    coming = next(line for line in lines if "20/03/2026" in line)
    assert "\x1b[1;31m" in overdue and "31m" not in coming
    assert "\x1b[1;31mErreur" in bilan("show", "9999-999", code=1).stderr


def test_the_week_of_every_bilan_keeps_a_screenful_soonest_first_and_tout_shows_all(bilan):
    from datetime import date, timedelta

    ids = [bilan.new("--date", "2026-02-01", nom=f"Nom{n}") for n in range(3)]   # 24 h each at most
    for n in range(55):
        day = (date(2026, 3, 3) + timedelta(days=n)).isoformat()
        bilan("rdv", "add", ids[n % 3], "--date", day, "--heure", "9h", "--duree", "1h")
    out = bilan("rdv", "list").stdout
    assert "55 rendez-vous, par statut" in out and re.search(r"prévu\s+55", out)
    assert "mardi 3 mars 2026" in out and "dimanche 26 avril 2026" not in out   # the 55th
    assert "--tout pour tout voir" in out
    assert "dimanche 26 avril 2026" in bilan("rdv", "list", "--tout").stdout
    assert len(bilan.json("rdv", "list")) == 55


def test_a_long_register_of_invoices_shows_the_overdue_first(bilan, monkeypatch):
    from paperwork import configure, held

    from bilancli.cli import display

    configure(bilan)
    bid = held(bilan)
    for n in range(1, 13):                          # 12 × 150 € HT: the tarif
        bilan("facture", bid, "--montant", "150")
        if n < 12:
            bilan("paiement", f"F2026-{n:04d}", "--date", "2026-03-02", "--montant", "150")
    bilan.today("2026-04-15")                       # F2026-0012: past its due date
    monkeypatch.setattr(display, "SCREENFUL", 2)    # ten lines kept at least
    out = bilan("factures").stdout
    assert out.index("F2026-0012") < out.index("F2026-0001") and "F2026-0011" not in out
    assert re.search(r"payée\s+11", out) and re.search(r"en retard\s+1", out) and "--tout" in out
    every = bilan("factures", "--tout").stdout
    assert every.index("F2026-0001") < every.index("F2026-0012")   # the register's order


def test_the_confirmation_shows_the_summary_by_rule_before_the_lines(bilan, monkeypatch):
    from datetime import date

    from purge_helpers import make_ended_bilan

    from bilancli.cli.donnees import purging

    monkeypatch.setattr(purging, "_is_terminal", lambda: True)
    bid = make_ended_bilan(bilan.home, "ASK", end=date(2026, 2, 1))
    before = bilan.db_bytes()
    result = bilan("purge", input="n\n", code=1)
    assert result.stdout.index("Par règle") < result.stdout.index("À détruire") < result.stdout.index(bid)
    assert bilan.db_bytes() == before


def test_in_80_columns_without_colour_an_overdue_item_is_still_marked(bilan, monkeypatch):
    """The « en retard » column gives way in 80 columns: a « ! » beside the day stays."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    late = bilan.new("--financement", "plan", "--employeur", "ACME", "--date", "2026-02-01")
    bilan("convention", "send", late, "--date", "2026-02-10")       # due 20/02: overdue
    soon = bilan.new("--financement", "plan", "--employeur", "ACME", nom="Durand")
    bilan("convention", "send", soon, "--date", "2026-03-01")       # due 11/03: not yet
    lines = bilan("agenda").stdout.splitlines()
    assert any("20/02/2026 !" in line and late in line for line in lines), lines
    assert any("11/03/2026" in line and soon in line and "!" not in line for line in lines), lines
