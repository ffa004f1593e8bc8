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
    """The user's data folder for bilancli, as platformdirs gives it (`_xdg_folder`)."""
    return _xdg_folder("XDG_DATA_HOME", (".local", "share"), "user_data_dir")


def user_config_dir() -> str:
    """The user's configuration folder for bilancli (`platformdirs.user_config_path`), where
    the keys of encrypted stores live, outside every data folder (SPEC §15)."""
    return _xdg_folder("XDG_CONFIG_HOME", (".config",), "user_config_dir")


def _xdg_folder(variable: str, default: tuple[str, ...], platformdirs_name: str) -> str:
    """bilancli's folder of a kind, as platformdirs gives it. On Linux the XDG Base Directory
    rule (`variable` when absolute, else `default` under `$HOME`) is applied here: importing
    platformdirs costs a read command half of Python's own start-up. Any other case (macOS,
    Windows, Android, no absolute HOME) is left to platformdirs' `platformdirs_name`; a test
    checks the two agree."""
    home = os.environ.get("HOME", "")
    if sys.platform.startswith("linux") and os.path.isabs(home) and "ANDROID_DATA" not in os.environ:
        chosen = os.environ.get(variable, "")
        return os.path.join(chosen if os.path.isabs(chosen) else os.path.join(home, *default),
                            "bilancli")
    import platformdirs

    return getattr(platformdirs, platformdirs_name)("bilancli")


def today() -> date:
    """Today, or `BILAN_TODAY` for tests and previews."""
    forced = os.environ.get("BILAN_TODAY")
    if not forced:
        return date.today()
    try:
        day = date.fromisoformat(forced.strip())
    except ValueError:
        raise fail(msg.TODAY_ILLISIBLE, saisie=forced) from None
    if not date(1970, 1, 1) <= day <= date(2099, 12, 31):
        raise fail(msg.TODAY_ILLISIBLE, saisie=forced)
    return day


# Every key of config.toml, by section: its kind of value ("texte", "nombre", "fichier", "chemin" — a
# folder, absolute or from `~`: a relative one would depend on where a command is typed —,
# or the tuple of words it may take). Anything else is refused with the key's name (SPEC §1).
SECTIONS: dict[str, dict[str, object]] = {
    "cabinet": {k: "texte" for k in (
        "nom", "adresse", "nda", "siret", "consultant", "representant", "telephone", "email",
        "referent_handicap", "tva_intracommunautaire")},
    "conservation": {"duree": "texte", "administratif": "texte"},
    "facturation": {"tva": ("exoneree", "franchise", "assujettie"), "taux": "nombre",
                    "delai_paiement": "texte", "iban": "texte"},
    "qualite": {"delai_reponse": "texte", "relance": "texte", "relances": "nombre"},
    "sauvegarde": {"dossier": "chemin"},
    # The file holding the master key of the store's encryption (SPEC §15), outside the data folder.
    "chiffrement": {"cle": "fichier"},
}
CABINET_KEYS = tuple(SECTIONS["cabinet"])
DIGIT_KEYS = ("siret", "nda", "telephone")


class Config(namedtuple("Config", tuple(SECTIONS), defaults=({},) * len(SECTIONS))):
    """config.toml, section → key → value (text, or a number for `[facturation] taux`)."""

    __slots__ = ()


def load_config(home: str) -> Config:
    """Read `config.toml`; every key is optional and a missing file is an empty config.
    A section or key it does not know, a value of the wrong kind, or a word outside its
    list is refused, naming it."""
    import stat

    try:
        # O_NONBLOCK: a FIFO in its place must not hang every command; it is refused below.
        fd = os.open(os.path.join(home, "config.toml"), os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise fail(msg.CONFIG_ILLISIBLE, detail=os_reason(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise fail(msg.CONFIG_ILLISIBLE, detail=msg.CONFIG_PAS_UN_FICHIER)
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(1024 * 1024)
    except OSError as exc:
        raise fail(msg.CONFIG_ILLISIBLE, detail=os_reason(exc)) from None
    finally:
        os.close(fd)
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise fail(msg.CONFIG_ILLISIBLE, detail=msg.CONFIG_PAS_UTF8) from None
    except RecursionError:   # tomllib reads nested arrays and tables by recursion
        raise fail(msg.CONFIG_ILLISIBLE, detail=msg.CONFIG_TROP_IMBRIQUE) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib explains in English; keep only where, in French.
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        detail = (msg.CONFIG_SYNTAXE.format(ligne=where.group(1), colonne=where.group(2))
                  if where else msg.CONFIG_SYNTAXE_SANS_LIEU)
        raise fail(msg.CONFIG_ILLISIBLE, detail=detail) from None
    sections = {}
    for section, values in data.items():
        keys = SECTIONS.get(section)
        if keys is None:
            raise fail(msg.CONFIG_SECTION_INCONNUE, section=section, possibles=", ".join(SECTIONS))
        if not isinstance(values, dict):
            raise fail(msg.CONFIG_ILLISIBLE, detail=f"[{section}]")
        sections[section] = {key: _value(section, key, value, keys) for key, value in values.items()}
    return Config(**sections)


def _value(section: str, key: str, value, keys: dict) -> object:
    kind = keys.get(key)
    if kind is None:
        raise fail(msg.CONFIG_CLE_INCONNUE, section=section, cle=key, possibles=", ".join(keys))
    if kind == "nombre":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail(msg.CONFIG_NOMBRE, section=section, cle=key)
        return value
    if kind in ("chemin", "fichier"):
        if not isinstance(value, str) or not os.path.isabs(os.path.expanduser(value.strip())):
            raise fail(msg.CONFIG_CHEMIN if kind == "chemin" else msg.CONFIG_CHEMIN_FICHIER,
                       section=section, cle=key)
        return value.strip()
    # A number written without quotes is read as the digits it stands for only where digits
    # are the value (a SIRET, an NDA, a telephone); a name of « 3 » is a slip.
    if isinstance(value, bool) or not (isinstance(value, str) or (isinstance(value, int) and key in DIGIT_KEYS)):
        raise fail(msg.CONFIG_VALEUR, section=section, cle=key)
    if isinstance(kind, tuple) and str(value) not in kind:
        raise fail(msg.CONFIG_MOT_INCONNU, section=section, cle=key, saisie=value,
                   possibles=", ".join(kind))
    return str(value)
