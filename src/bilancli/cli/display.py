"""The one way a view is drawn for a person: its data as blocks, drawn by rich.

A view returns data (its JSON); its `human` function turns that data into blocks —
`Table`, `Fields` (label: value), `Paragraph`, `Line` — and `draw` hands them to rich, on
the one console of the run (`cli.console`). Stored text never reaches the terminal raw:
every cell goes through `clean`, which shows control characters and bidirectional
overrides as visible marks, and becomes a rich `Text`, which is never read as markup (a nom
`[bold]x[/]` prints as typed). On a terminal, titles and headers are bold and a row may
carry a style (overdue items in red); piped, the output is plain text, one line per row.
Long columns wrap within the terminal's width; nothing is ever cut.

A person is never handed a wall of lines: `screenful` keeps about fifty, the most urgent
first, with a count by kind and how to see the rest (SPEC §13).
"""

from __future__ import annotations

from collections import Counter, namedtuple

from bilancli import messages as msg
from bilancli.core.formats import clean


class Table(namedtuple("Table", "title headers rows right styles", defaults=(None, (), None))):
    """Rows of cells under `headers`; `right` holds the indexes of right-aligned columns
    (figures); `styles`, one per row, a style name or ""."""

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


def screenful(table: Table, kinds, everything: bool, title: str = "", kind: str = "") -> list:
    """`table` whole when it holds about a screenful or `everything` is asked; otherwise a
    count of its rows by kind (`kinds`, one per row, or None when the view counted them
    already; `kind` heads their column, `title` the count), its first rows — the view sorts the most urgent first —, and how many are left
    and how to see them (`--tout`)."""
    if everything or len(table.rows) <= SCREENFUL:
        return [table]
    counts = Counter(kinds or ())
    summary = Table(title, (kind, msg.VUE_NOMBRE),
                    [(name, str(n)) for name, n in counts.most_common()], right=(1,)) if counts else None
    kept = max(SCREENFUL - len(counts) - 6, 10)
    shown = table._replace(rows=table.rows[:kept],
                           styles=table.styles[:kept] if table.styles else None)
    rest = len(table.rows) - kept
    return [summary, shown, Line(msg.VUE_SUITE.format(nombre=rest), "dim")]


def draw(*blocks) -> None:
    """Write the blocks on stdout, for a person, on the run's console."""
    from bilancli.cli.console import console

    _print([b for b in blocks if b is not None], console())


def render(blocks, columns: int | None = 100, styled: bool = False) -> str:
    """The blocks as text `columns` wide (None: as through a pipe), with styles or not."""
    import io

    from rich.console import Console

    from bilancli.cli.console import PIPED_WIDTH

    out = io.StringIO()
    _print(list(blocks), Console(file=out, width=columns or PIPED_WIDTH, force_terminal=styled,
                                 color_system="standard" if styled else None, highlight=False,
                                 emoji=False, _environ={}))
    return out.getvalue()


def _print(blocks, console) -> None:
    if console.is_terminal:
        _blocks(blocks, console, True)
        return
    # rich pads every cell to its column: plain text keeps no trailing spaces (for diff, grep).
    with console.capture() as captured:
        _blocks(blocks, console, False)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _blocks(blocks, console, terminal: bool) -> None:
    for index, block in enumerate(blocks):
        # Tables and fields stand apart; lines and paragraphs follow each other closely.
        if index and (isinstance(block, (Table, Fields)) or isinstance(blocks[index - 1], (Table, Fields))):
            console.line()
        if isinstance(block, Table):
            _table(block, console, terminal)
        elif isinstance(block, Fields):
            _fields(block, console)
        elif isinstance(block, Paragraph):
            from rich.padding import Padding

            text = _text(clean(block.text, True), block.style)
            console.print(Padding(text, (0, 0, 0, block.indent), expand=False) if block.indent else text)
        else:
            console.print(_text(clean(block.text, True), block.style), soft_wrap=True)


def _text(value, style: str = ""):
    from rich.text import Text

    return Text(value, style=style or "", end="")


def _title(title, console) -> None:
    if title:
        console.print(_text(clean(title), "bold"), soft_wrap=True)


def _fields(block: Fields, console) -> None:
    from rich.table import Table as RichTable

    _title(block.title, console)
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in block.pairs:
        grid.add_row(_text(clean(label)), _text(clean(value if value not in (None, "") else "—", True)))
    console.print(grid)


def _table(block: Table, console, terminal: bool) -> None:
    """On a terminal, a rule under the bold headers; piped, plain columns."""
    from rich import box
    from rich.table import Table as RichTable

    _title(block.title, console)
    table = RichTable(box=box.SIMPLE_HEAD if terminal else None, show_edge=False, pad_edge=False,
                      header_style="bold", padding=(0, 1) if terminal else (0, 2, 0, 0))
    right = set(block.right)
    for index, header in enumerate(block.headers):
        table.add_column(_text(clean(header)), justify="right" if index in right else "left",
                         overflow="fold")
    styles = block.styles or ()
    for index, row in enumerate(block.rows):
        style = styles[index] if index < len(styles) else ""
        table.add_row(*[_text(clean(cell)) for cell in row], style=style or None)
    console.print(table)
