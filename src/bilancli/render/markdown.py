"""User text inside Markdown documents: escaped so a viewer shows it exactly as typed.

A name holding `|` must not split a table cell, `<script>` must not become HTML, `*` or `[`
must not turn into emphasis or links, and a line starting with `#`, `-` or `1.` must not
become a heading or a list. CommonMark lets any ASCII punctuation be escaped by a backslash.
"""

from __future__ import annotations

import re

# Significant anywhere in a line. `{` and `}` mean nothing to Markdown: `{{ 7*7 }}` stays readable.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")
# Significant only at the start of a line: headings, quotes, lists, setext underlines, rules.
_LINE_START = re.compile(r"^([ \t]*)([#>+=-]|[0-9]+[.)])", re.MULTILINE)


def escape(value: object) -> str:
    text = _INLINE.sub(r"\\\1", "" if value is None else str(value))
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)":  # "1." or "12)": escaping the punctuation keeps the number
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def escape_cell(value: object) -> str:
    """In a table a line break would end the row: the cell keeps the text on one line."""
    return escape(None if value is None else " ".join(str(value).splitlines()))
