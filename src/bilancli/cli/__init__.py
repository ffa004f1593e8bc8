"""The `bilan` command line: Click commands declared in one module per noun (`cli.spec`),
assembled by `cli.app`, run by `cli.boundary`."""

from __future__ import annotations

from bilancli.cli.boundary import main as run


def main(argv: list[str] | None = None) -> None:
    run(argv)
