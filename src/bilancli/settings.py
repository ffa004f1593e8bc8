"""Where data lives, what day it is, and the cabinet's settings (SPEC §1)."""

from __future__ import annotations

import os
import re
import sys
from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.errors import fail, os_reason


def resolve_home(option: str | None = None) -> str:
    """`--home` wins, then `BILAN_HOME`, then the platform's user data folder; read at call time.

    A plain string: `pathlib` costs a read command a twentieth of its start-up (see README,
    Performance); the commands that write files make a `Path` of it."""
    chosen = option or os.environ.get("BILAN_HOME")
    if chosen:
        return os.path.expanduser(chosen)
    return _user_data_dir()


def _user_data_dir() -> str:
    """The user's data folder for bilancli, as platformdirs gives it. On Linux the XDG Base
    Directory rule (`$XDG_DATA_HOME` when absolute, else `$HOME/.local/share`) is applied
    here: importing platformdirs costs a read command half of Python's own start-up. Any
    other case (macOS, Windows, Android, no absolute HOME) is left to platformdirs; a test
    checks the two agree."""
    home = os.environ.get("HOME", "")
    if sys.platform.startswith("linux") and os.path.isabs(home) and "ANDROID_DATA" not in os.environ:
        data = os.environ.get("XDG_DATA_HOME", "")
        return os.path.join(data if os.path.isabs(data) else os.path.join(home, ".local", "share"),
                            "bilancli")
    import platformdirs

    return platformdirs.user_data_dir("bilancli")


def today() -> date:
    """Today, or `BILAN_TODAY` for tests and previews."""
    forced = os.environ.get("BILAN_TODAY")
    if not forced:
        return date.today()
    try:
        return date.fromisoformat(forced.strip())
    except ValueError:
        raise fail(msg.TODAY_ILLISIBLE, saisie=forced) from None


CABINET_KEYS = ("nom", "adresse", "nda", "siret", "consultant")


class Config(namedtuple("Config", "cabinet conservation", defaults=({}, {}))):
    """The `[cabinet]` and `[conservation]` sections of config.toml, key → text."""

    __slots__ = ()


def load_config(home: str) -> Config:
    """Read `config.toml`; every key is optional and a missing file is an empty config."""
    try:
        with open(os.path.join(home, "config.toml"), "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise fail(msg.CONFIG_ILLISIBLE, detail=os_reason(exc)) from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise fail(msg.CONFIG_ILLISIBLE, detail=msg.CONFIG_PAS_UTF8) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib explains in English; keep only where, in French.
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        detail = (msg.CONFIG_SYNTAXE.format(ligne=where.group(1), colonne=where.group(2))
                  if where else msg.CONFIG_SYNTAXE_SANS_LIEU)
        raise fail(msg.CONFIG_ILLISIBLE, detail=detail) from None
    sections = {}
    for section in ("cabinet", "conservation"):
        values = data.get(section, {})
        if not isinstance(values, dict):
            raise fail(msg.CONFIG_ILLISIBLE, detail=f"[{section}]")
        for key, value in values.items():
            if not isinstance(value, str | int):
                raise fail(msg.CONFIG_VALEUR, section=section, cle=key)
        sections[section] = {k: str(v) for k, v in values.items()}
    return Config(cabinet=sections["cabinet"], conservation=sections["conservation"])
