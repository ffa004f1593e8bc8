"""`bilan --help`, drawn by rich: the usage line, the options, then the commands grouped by
what the consultant is doing, in the order of a bilan's life. Plain text without a terminal
or with `NO_COLOR` (rich's own rules)."""

from __future__ import annotations

import io
import os
import shutil
import sys

from bilancli import messages as msg
from bilancli.cli import nouns


def width() -> int:
    return max(min(shutil.get_terminal_size().columns, 100), 50)


def _rows(rows):
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for name, text in rows:
        grid.add_row(Text("  " + name, style="bold cyan"), Text(text))
    return grid


def page(group, ctx) -> str:
    # rich, only when the page is drawn for a person (STYLE: a heavy library where it is used).
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    buffer = io.StringIO()
    plain = not sys.stdout.isatty() or bool(os.environ.get("NO_COLOR"))
    console = Console(file=buffer, width=width(), force_terminal=not plain, no_color=plain,
                      highlight=False, emoji=False)
    usage = " ".join(group.collect_usage_pieces(ctx))
    console.print(Text(f"{msg.USAGE}{ctx.command_path} {usage}", style="bold"))
    console.print()
    console.print(Padding(Text(msg.AIDE_RACINE), (0, 0, 0, 2)))
    console.print()
    console.print(Text(f"{msg.SECTION_OPTIONS} :", style="bold"))
    console.print(_rows(p.get_help_record(ctx) for p in group.get_params(ctx)))
    console.print()
    console.print(Text(f"{msg.SECTION_COMMANDES} :", style="bold"))
    for title, members in nouns.SECTIONS:
        console.print()
        console.print(Text(title, style="bold yellow"))
        console.print(_rows((noun, nouns.help_line(noun)) for noun, _ in members))
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines())
