"""The `bilan` command line: one module per noun, joined in `cli.root`."""

from __future__ import annotations


def main() -> None:
    from bilancli.cli.root import app

    app(prog_name="bilan")


def __getattr__(name: str):
    # `from bilancli.cli import app` for tests; importing the package alone stays free of Typer.
    if name == "app":
        from bilancli.cli.root import app

        return app
    raise AttributeError(name)
