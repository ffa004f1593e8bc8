"""The `bilan` command line: Click commands declared in one module per noun (`cli.spec`),
assembled by `cli.app`, run by `cli.boundary`."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> None:
    from bilancli.cli.boundary import main as run

    run(argv)
