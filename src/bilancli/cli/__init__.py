"""The `bilan` command line: one module per noun, joined in `cli.root`."""

from __future__ import annotations


def main() -> None:
    import sys

    from bilancli.cli import fast

    fast.run(sys.argv[1:])  # exits when it handled the command
    from bilancli.cli.root import app

    app(prog_name="bilan")


def __getattr__(name: str):
    # `from bilancli.cli import app` for tests; importing the package alone stays free of Typer.
    if name == "app":
        from bilancli.cli.root import app

        return app
    raise AttributeError(name)
