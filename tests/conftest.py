"""Each test gets its own store in a temporary BILAN_HOME and a fixed day."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bilancli.cli import app

TODAY = "2026-03-02"


class Bilan:
    """Runs `bilan …` end to end, in-process, and keeps stdout and stderr apart."""

    def __init__(self, home, monkeypatch):
        self.home = home
        self.monkeypatch = monkeypatch
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, code: int | None = 0):
        result = self.runner.invoke(app, [str(a) for a in args], input=input)
        if code is not None:
            assert result.exit_code == code, (
                f"bilan {' '.join(map(str, args))} → {result.exit_code}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
            )
        if result.exit_code in (1, 2):
            assert "Traceback" not in result.stderr
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--json").stdout)

    def today(self, day: str) -> None:
        self.monkeypatch.setenv("BILAN_TODAY", day)

    def new(self, *extra: str, nom="Martin", prenom="Claire") -> str:
        return self.json("new", "--nom", nom, "--prenom", prenom, *extra)["id"]

    def db_bytes(self) -> bytes:
        return (self.home / "bilans.db").read_bytes()


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    monkeypatch.setenv("BILAN_HOME", str(folder))
    monkeypatch.setenv("BILAN_TODAY", TODAY)
    for var in ("VISUAL", "EDITOR", "BILAN_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    return folder


@pytest.fixture
def bilan(home, monkeypatch):
    return Bilan(home, monkeypatch)
