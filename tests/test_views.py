"""`show`'s short tables are laid out by hand exactly as rich lays out a borderless table."""

import io

import pytest
from rich.console import Console
from rich.table import Table

from bilancli.cli.views import _short_table


def rendered(renderable, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, markup=False, emoji=False).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize(("title", "header", "rows"), [
    ("Entretiens", ("Date", "Durée", "Modalité", "Phase"),
     [("06/11/2026", "2h30", "Visioconférence", "préliminaire"), ("12/11/2026", "45 min", "Téléphone", "investigation")]),
    ("Consentements", ("Consentement", "Date"), [("bilan", "06/11/2026"), ("conservation", "—")]),
    ("Historique des phases, du début à aujourd'hui", ("Phase", "Depuis le"), [("terminé", "20/12/2025")]),
])
def test_a_short_table_reads_as_a_rich_table(width, title, header, rows):
    table = Table(*header, box=None, title=title, title_justify="left")
    for row in rows:
        table.add_row(*row)
    assert rendered(_short_table(title, header, rows), width) == rendered(table, width)
