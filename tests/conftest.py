"""Each test gets its own store in a temporary BILAN_HOME and a fixed day.

`bilan …` runs through its real entry point (`bilancli.cli.main`, the console script),
in-process, with its own standard input, output and error.
"""

from __future__ import annotations

import io
import json
import sys
from collections import namedtuple

import pytest

from bilancli.cli import main

TODAY = "2026-03-02"


@pytest.fixture(autouse=True)
def _keys_of_this_test_only(tmp_path_factory, monkeypatch):
    """The keys of every store a test makes (SPEC §15) go to a configuration folder of its
    own, never the consultant's; the key ring is the failing one (a headless machine), so no
    test ever writes into the real key ring of the machine it runs on. Tests of the key ring
    choose their backend themselves."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("BILAN_CLE", raising=False)
    # Editor drafts go to the user's runtime folder where there is one: tests choose it.
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)

Result = namedtuple("Result", "exit_code stdout stderr stdout_bytes key error")


class _Stream(io.TextIOWrapper):
    """A text stream over bytes, as a pipe is: not a terminal."""

    def __init__(self, data: bytes = b"", terminal: bool = False) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="surrogateescape",
                         newline="", write_through=True)
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def raw_bytes(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def invoke(args, input: str | bytes | None = None, terminal: bool = False) -> Result:
    """`bilan ARGS…` as the console script runs it, with captured streams; `terminal`: its
    standard input is a terminal (a person who can answer a question)."""
    from bilancli.cli import base

    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    streams = _Stream(data, terminal), _Stream(), _Stream()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as leaving:
            code = leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    out, err = streams[1].raw_bytes(), streams[2].raw_bytes()
    error = base.state.last_error
    return Result(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), out,
                  getattr(error, "key", None), error)


class Bilan:
    """Runs `bilan …` end to end, in-process, and keeps stdout and stderr apart."""

    def __init__(self, home, monkeypatch):
        self.home = home
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str, input: str | bytes | None = None, code: int | None = 0,
                 terminal: bool = False):
        result = invoke(args, input=input, terminal=terminal)
        if code is not None:
            assert result.exit_code == code, (
                f"bilan {' '.join(map(str, args))} → {result.exit_code}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\n{result.error!r}"
            )
        if result.exit_code in (1, 2):
            assert "Traceback" not in result.stderr
            assert "Erreur inattendue" not in result.stderr, result.stderr
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
def typed(monkeypatch):
    """What the person types at each passphrase prompt, in order (`getpass` replaced: the
    recovery file's commands ask on a terminal); none left: the prompt ends as at Ctrl-D."""
    answers = []

    def getpass(prompt="", stream=None):
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    return answers


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    monkeypatch.setenv("BILAN_HOME", str(folder))
    monkeypatch.setenv("BILAN_TODAY", TODAY)
    for var in ("VISUAL", "EDITOR", "BILAN_DEBUG", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)
    return folder


@pytest.fixture
def bilan(home, monkeypatch):
    return Bilan(home, monkeypatch)
