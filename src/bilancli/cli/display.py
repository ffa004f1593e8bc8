"""The one way a view is drawn for a person: its data as blocks, drawn by rich.

A view returns data (its JSON); its `human` function turns that data into blocks —
`Table`, `Fields` (label: value), `Paragraph`, `Line` — and `draw` hands them to rich, on
the one console of the run (`cli.console`). Stored text never reaches the terminal raw:
every cell goes through `clean`, which shows control characters and bidirectional
overrides as visible marks, and becomes a rich `Text`, which is never read as markup (a nom
`[bold]x[/]` prints as typed): no markup is ever written around user text, so there is
nothing for `rich.markup.escape` to do. On a terminal, titles and headers are bold and a
row may carry a style (overdue items in red); piped, the output is plain text, one line per
row. Long cells wrap within the terminal's width and are never cut; in 80 columns a table
leaves out the columns its view marked optional, so that a row stays one line.

A person is never handed a wall of lines: `screenful` keeps about fifty, the most urgent
first, with a count by kind and how to see the rest (SPEC §13).
"""

from __future__ import annotations

from collections import Counter, namedtuple
from itertools import islice

from bilancli import messages as msg
from bilancli.cli.console import PIPED_WIDTH, console
from bilancli.core.formats import clean


class Table(namedtuple("Table", "title headers rows right styles optional",
                       defaults=(None, (), None, ()))):
    """Rows of cells under `headers`; `right` holds the indexes of right-aligned columns
    (figures); `styles`, one per row, a style name or ""; `optional`, the indexes of the
    columns left out on a screen narrower than `NARROW` (a row stays one line in 80)."""

    __slots__ = ()


class Fields(namedtuple("Fields", "title pairs", defaults=(None,))):
    """Label: value lines, the labels in a column of their own."""

    __slots__ = ()


class Paragraph(namedtuple("Paragraph", "text indent style", defaults=(0, ""))):
    """Text wrapped to the width, its own line breaks kept."""

    __slots__ = ()


class Line(namedtuple("Line", "text style", defaults=("",))):
    """One line as it is (never wrapped: a confirmation, a warning)."""

    __slots__ = ()


SCREENFUL = 50   # about what a person reads before scrolling back
NARROW = 100     # columns: below, a table leaves out its optional columns


def screenful(table: Table, kinds, everything: bool, title: str = "", kind: str = "") -> list:
    """`table` whole when it holds about a screenful or `everything` is asked; otherwise a
    count of its rows by kind (`kinds`, one per row, or None when the view counted them
    already; `kind` heads their column, `title` the count), its first rows — the view sorts
    the most urgent first —, and how many are left and how to see them (`--tout`). The rows
    may be an iterator when `kinds` counts them: only those shown are then made."""
    total = len(kinds) if kinds is not None else len(table.rows)
    counts = Counter(kinds or ())
    kept = max(SCREENFUL - len(counts) - 10, 10)   # titles, headers, blank lines: ~50 in all
    if everything or total <= max(SCREENFUL, kept):
        return [table._replace(rows=list(table.rows))]
    summary = Table(title, (kind, msg.VUE_NOMBRE),
                    [(name, str(n)) for name, n in counts.most_common()], right=(1,)) if counts else None
    shown = table._replace(rows=list(islice(table.rows, kept)),
                           styles=table.styles[:kept] if table.styles else None)
    rest = total - kept
    return [summary, shown, Line(msg.VUE_SUITE.format(nombre=rest), "dim")]


def draw(*blocks) -> None:
    """Write the blocks on stdout, for a person, on the run's console."""

    _print([b for b in blocks if b is not None], console())


def render(blocks, columns: int | None = 100, styled: bool = False) -> str:
    """The blocks as text `columns` wide (None: as through a pipe), with styles or not."""
    import io

    from rich.console import Console


    out = io.StringIO()
    _print(list(blocks), Console(file=out, width=columns or PIPED_WIDTH, force_terminal=styled,
                                 color_system="standard" if styled else None, no_color=False,
                                 highlight=False, emoji=False))
    return out.getvalue()


def _print(blocks, console) -> None:
    from rich.console import Group

    drawn = Group(*_renderables(blocks, console.is_terminal, console.width))
    if console.is_terminal:
        console.print(drawn)
        return
    # rich pads every cell to its column: plain text keeps no trailing spaces (for diff, grep).
    with console.capture() as captured:
        console.print(drawn)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _renderables(blocks, terminal: bool, width: int) -> list:
    """The blocks as rich draws them, in one group: one print for the whole view, `width`
    columns wide."""
    drawn = []
    for index, block in enumerate(blocks):
        # Tables and fields stand apart; lines and paragraphs follow each other closely.
        if index and (isinstance(block, (Table, Fields)) or isinstance(blocks[index - 1], (Table, Fields))):
            drawn.append(_text(""))
        if isinstance(block, (Table, Fields)) and block.title:
            drawn.append(_text(clean(block.title), "bold"))
        if isinstance(block, Table):
            drawn.append(_table(block, terminal, width))
        elif isinstance(block, Fields):
            drawn.append(_fields(block))
        elif isinstance(block, Paragraph):
            from rich.padding import Padding

            text = _text(clean(block.text, True), block.style)
            drawn.append(Padding(text, (0, 0, 0, block.indent), expand=False) if block.indent else text)
        else:
            drawn.append(_text(clean(block.text, True), block.style))
    return drawn


def _text(value, style: str = ""):
    from rich.text import Text

    return Text(value, style=style or "")


def _fields(block: Fields):
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in block.pairs:
        grid.add_row(_text(clean(label)), _text(clean(value if value not in (None, "") else "—", True)))
    return grid


def _table(block: Table, terminal: bool, width: int):
    """On a terminal, a rule under the bold headers; piped, plain columns."""
    from rich import box
    from rich.table import Table as RichTable


    table = RichTable(box=box.SIMPLE_HEAD if terminal else None, show_edge=False, pad_edge=False,
                      header_style="bold", padding=(0, 1, 0, 0) if terminal else (0, 2, 0, 0))
    right = set(block.right)
    kept = [i for i in range(len(block.headers)) if width >= NARROW or i not in block.optional]
    for index in kept:
        # No screen to wrap to: rich need not work out where each cell would wrap.
        table.add_column(_text(clean(block.headers[index])),
                         justify="right" if index in right else "left", overflow="fold",
                         no_wrap=width >= PIPED_WIDTH)
    styles = block.styles or ()
    for number, row in enumerate(block.rows):
        style = styles[number] if number < len(styles) else ""
        table.add_row(*[_text(clean(row[i])) for i in kept], style=style or None)
    return table
