"""The `bilan` command line: commands declared in one module per noun (`cli.spec`), read
and run by `cli.boundary`."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> None:
    from bilancli.cli.boundary import main as run

    run(argv)
