"""The README's table of commands, written from the declarations of `cli.spec`.

    python -m bilancli.cli.reference README.md     # rewrite the table in place

A test checks that the README holds exactly this table, so the documentation cannot drift
from the commands.
"""

from __future__ import annotations

import re
import sys

from bilancli.cli import spec

START, END = "<!-- commandes -->", "<!-- /commandes -->"


def table() -> str:
    rows = ["| commande | rôle |", "| --- | --- |"]
    for cmd in spec.load().values():
        synopsis = spec.synopsis(cmd).replace("|", "\\|")
        role = f"{cmd.help} {cmd.details}".strip().replace("|", "\\|")
        rows.append(f"| `{synopsis}` | {role} |")
    return "\n".join(rows)


def section(text: str) -> str | None:
    """The table now in a README's text, or None when it has no markers."""
    found = re.search(re.escape(START) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    return found.group(1) if found else None


def rewrite(text: str) -> str:
    return re.sub(re.escape(START) + r"\n.*?\n" + re.escape(END),
                  lambda _: f"{START}\n{table()}\n{END}", text, flags=re.S)


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        before = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(rewrite(before))
