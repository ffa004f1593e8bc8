"""The one way a view is drawn for a person: blocks of text and tables, laid out here.

A view returns data (its JSON); its `human` function turns that data into blocks —
`Table`, `Fields` (label: value), `Paragraph`, `Line` — and `draw` lays them out. Stored
text never reaches the terminal raw: every cell goes through `clean`, which shows control
characters and bidirectional overrides as visible marks. On a terminal, titles and
headers are bold and a row may carry a style (overdue items in red); piped, the output is
plain text. Long columns wrap within the terminal's width; nothing is ever cut.
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple

from bilancli.core.formats import ANY_CONTROL, clean


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


_SGR = {"bold": "1", "italic": "3", "red": "31", "bold red": "1;31", "dim": "2", "green": "32",
        "yellow": "33"}


def _painter(styled: bool):
    if not styled:
        return lambda text, style: text
    return lambda text, style: f"\x1b[{_SGR[style]}m{text}\x1b[0m" if style and text else text


def terminal_styles() -> bool:
    """Styles only for a person at a terminal that wants them (NO_COLOR, TERM=dumb)."""
    return (sys.stdout.isatty() and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb")


PIPED_PARAGRAPHS = 100


def width() -> int | None:
    """The terminal's width (or `COLUMNS`); None when the output goes to a file or a pipe,
    where tables are not wrapped (each row stays one line for `grep`)."""
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None
    import shutil

    return max(shutil.get_terminal_size((100, 24)).columns, 40)


def render(blocks, columns: int | None = 100, styled: bool = False) -> str:
    """The blocks as text `columns` wide (None: tables unwrapped, paragraphs 100 wide)."""
    paint = _painter(styled)
    out: list[str] = []
    for index, block in enumerate(blocks):
        # Tables and fields stand apart; lines and paragraphs follow each other closely.
        if index and (isinstance(block, (Table, Fields)) or isinstance(blocks[index - 1], (Table, Fields))):
            out.append("")
        text_width = columns or PIPED_PARAGRAPHS
        if isinstance(block, Table):
            out += _table(block, columns, paint)
        elif isinstance(block, Fields):
            out += _fields(block, text_width, paint)
        elif isinstance(block, Paragraph):
            out += [paint(line, block.style) for line in _wrap(clean(block.text, True), text_width,
                                                                block.indent)]
        else:
            out.append(paint(clean(block.text, True), block.style))
    return "".join(line + "\n" for line in out)


def draw(*blocks) -> None:
    """Write the blocks on stdout, for a person."""
    sys.stdout.write(render([b for b in blocks if b is not None], width(), terminal_styles()))


def _wrap(text: str, columns: int, indent: int = 0) -> list[str]:
    from textwrap import wrap

    pad = " " * indent
    lines = []
    for piece in text.split("\n"):
        lines += wrap(piece, max(columns - indent, 20), initial_indent=pad, subsequent_indent=pad,
                      break_on_hyphens=False) or [pad.rstrip()]
    return lines


def _fields(block: Fields, columns: int, paint) -> list[str]:
    pairs = [(clean(label), clean(value if value not in (None, "") else "—", True))
             for label, value in block.pairs]
    first = max((len(label) for label, _ in pairs), default=0) + 2
    lines = [paint(clean(block.title), "bold")] if block.title else []
    for label, value in pairs:
        body = _wrap(value, columns - first) if value else [""]
        lines.append(paint(label.ljust(first), "bold") + body[0])
        lines += [" " * first + line for line in body[1:]]
    return lines


def _table(block: Table, columns: int | None, paint) -> list[str]:
    """Columns as wide as their widest cell; when the table is wider than the terminal, the
    widest column wraps (a thousand rows are laid out in one pass, no cell measured twice)."""
    headers = [clean(h) for h in block.headers]
    # One search per row: most rows hold no control character to neutralise.
    rows = [list(row) if not ANY_CONTROL.search("".join(row)) else [clean(c) for c in row]
            for row in block.rows]
    count = len(headers)
    widths = [max(map(len, column)) for column in zip(headers, *rows)]
    spare = 0 if columns is None else columns - (sum(widths) + 2 * (count - 1))
    wrap_at = None
    if spare < 0 and rows:
        wrap_at = max(range(count), key=lambda c: widths[c])
        widths[wrap_at] = max(widths[wrap_at] + spare, 12)
    right = set(block.right)
    layout = "  ".join(f"{{:{'>' if c in right else '<'}{w}}}" for c, w in enumerate(widths))

    def lines_of(cells: list[str]) -> list[str]:
        if wrap_at is None or len(cells[wrap_at]) <= widths[wrap_at]:
            return [layout.format(*cells).rstrip()]
        from textwrap import wrap

        pieces = wrap(cells[wrap_at], widths[wrap_at], break_on_hyphens=False) or [""]
        parts = [cells[:wrap_at] + [pieces[0]] + cells[wrap_at + 1:]]
        parts += [[""] * wrap_at + [piece] + [""] * (count - wrap_at - 1) for piece in pieces[1:]]
        return [layout.format(*part).rstrip() for part in parts]

    lines = [paint(clean(block.title), "bold")] if block.title else []
    lines += [paint(line, "bold") for line in lines_of(headers)]
    styles = block.styles or [""] * len(rows)
    for row, style in zip(rows, styles):
        lines += [paint(line, style) for line in lines_of(row)]
    return lines
