"""A table as French spreadsheets save it in CSV (`bilan import`): bytes in, rows out.

UTF-8 with or without its BOM, else Windows-1252 (Excel's « CSV (séparateur : point-virgule) »
on a French Windows); the separator, a comma or a semicolon, told by `csv.Sniffer` from the
header line alone — column names hold neither, while a cell's « 1 800,50 € » would mislead
it —; quoting as the `csv` module reads it, strictly: a quote left open is an error, never a
silently merged line. Rows are numbered as the spreadsheet shows them: the header is row 1,
blank rows count, a cell holding line breaks is one row.
"""

from __future__ import annotations

import re
from collections import namedtuple

from bilancli import messages as msg
from bilancli.errors import fail

MAX_BYTES = 64 * 1024 * 1024   # 100,000 lines with every column take about 17 MiB (SPEC §12)
MAX_LABEL = "10 Mio"
SEPARATORS = ",;"
# Controls a text file never holds (tab, line feed and carriage return aside): a binary file.
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")


class Sheet(namedtuple("Sheet", "header rows")):
    """The header's cells (`header`: its row number and cells) and every row after it,
    blank ones included, each as (row number, cells)."""

    __slots__ = ()


def check_size(size: int, shown_name: str) -> None:
    if size > MAX_BYTES:
        raise fail(msg.IMPORT_TROP_GROS, fichier=shown_name, max=MAX_LABEL)


def decode(data: bytes, shown_name: str) -> str:
    """The file's text: UTF-8 (its BOM dropped) first, else Windows-1252. A file holding lines
    of both (two exports pasted together) is refused: read as one, the others would be
    stored garbled (« ZoÃ© »), without a word."""
    if b"\x00" in data:   # UTF-16 (« texte Unicode »), an image, a spreadsheet's own format
        raise fail(msg.IMPORT_PAS_TEXTE, fichier=shown_name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:   # the five bytes Windows-1252 leaves undefined
            raise fail(msg.IMPORT_ENCODAGE, fichier=shown_name) from None
        mixed = _mixed(data)
        if mixed:
            first, differing = (_row_numbers(text, mixed) if not _BINARY.search(text) else mixed)
            raise fail(msg.IMPORT_ENCODAGES_MELES, fichier=shown_name, ligne=differing,
                       premiere=first)
    if _BINARY.search(text):
        raise fail(msg.IMPORT_PAS_TEXTE, fichier=shown_name)
    return text


def _mixed(data: bytes) -> tuple[int, int] | None:
    """(the first line not in ASCII, the first line after it in the other encoding), as lines
    of the file counted from 1, when lines in UTF-8 and lines in Windows-1252 are mixed."""
    first = first_is_utf8 = None
    for number, line in enumerate(_LINE_BREAK_BYTES.split(data), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            is_utf8 = True
        except UnicodeDecodeError:
            is_utf8 = False
        if first is None:
            first, first_is_utf8 = number, is_utf8
        elif is_utf8 != first_is_utf8:
            return first, number
    return None


def _row_numbers(text: str, lines: tuple[int, ...]) -> tuple[int, ...]:
    """The rows of the sheet (as `read_sheet` numbers them: a cell holding line breaks is one
    row) that hold these lines of the file; the lines themselves if its quoting is unreadable."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), quotechar='"',
                        doublequote=True, strict=True)
    rows, wanted = {}, sorted(set(lines))
    try:
        for number, _ in enumerate(reader, start=1):
            while wanted and wanted[0] <= reader.line_num:
                rows[wanted.pop(0)] = number
            if not wanted:
                break
    except csv.Error:
        return lines
    return tuple(rows.get(line, line) for line in lines)


def separator(text: str) -> str:
    """The separator of the header line; a comma when it names a single column (the sniffer
    then has nothing to go on, and the missing columns are refused anyway)."""
    import csv

    header = next((line for line in _LINE_BREAK.split(text) if line.strip()), "")
    try:
        return csv.Sniffer().sniff(header, delimiters=SEPARATORS).delimiter
    except csv.Error:
        return ","


def read_sheet(data: bytes, shown_name: str) -> Sheet:
    """The header and the rows of a CSV file; refused when it is no text, holds no header, or
    its quoting cannot be read (the row is named)."""
    import csv
    import io

    text = decode(data, shown_name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), quotechar='"',
                        doublequote=True, strict=True)
    header, rows, number = None, [], 0
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                if any(cell.strip() for cell in cells):
                    header = (number, cells)
            else:
                rows.append((number, cells))
    except csv.Error as exc:
        reason = next((why for clue, why in msg.IMPORT_CSV_RAISONS.items() if clue in str(exc)),
                      msg.IMPORT_CSV_RAISON_AUTRE)
        raise fail(msg.IMPORT_CSV_ILLISIBLE, fichier=shown_name, ligne=number + 1, raison=reason) from None
    if header is None:
        raise fail(msg.IMPORT_SANS_EN_TETE, fichier=shown_name)
    return Sheet(header, rows)
