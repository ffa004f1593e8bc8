"""The master key of a store's encryption: where it lives, read, or made for a new store.

Looked for, in this order (SPEC §15): the file named by `BILAN_CLE`, the file named by
`[chiffrement] cle`, the operating system's key store (`keyring`) where one works, a key file
in the user's configuration folder, one per store. Never under the data folder: a file that
resolves there (through `..` or a link) is refused. The store records where its key was
made (`chiffrement.maitre`), so that a command never asks the key ring of a store whose key
is in a file: importing `keyring` and finding its backend costs a fifth of a second.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import stat
from collections import namedtuple

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.settings import user_config_dir
from bilancli.store.private import sync_dir
from bilancli.store.shred import shred_name

# Where a master key lives, as `chiffrement.maitre` records it.
ENV, CONFIG, KEYRING, FILE = "BILAN_CLE", "config", "keyring", "fichier"
KEYRING_SERVICE = "bilancli"
_KEY_BYTES = 32
_STORE_ID = re.compile(r"[0-9a-f]{32}")   # os.urandom(16).hex(), as the first write makes it
_MAX_KEY_FILE = 4096   # a key is 45 bytes of base64: anything much larger is not one


class Master(namedtuple("Master", "source path")):
    """Where a master key lives: its source, and its file (None in the key ring)."""

    __slots__ = ()

    def described(self) -> str:
        """Where, in words: the consultant reads it in refusals and `cle etat`."""
        if self.source == KEYRING:
            return msg.CLE_OU_TROUSSEAU_SYSTEME
        if self.path is None:   # made in the file BILAN_CLE or the setting named, named no more
            return msg.CLE_OU_NOMMEE_ABSENTE.format(source=msg.CLE_SOURCES[self.source])
        return msg.CLE_OU_FICHIER.format(source=msg.CLE_SOURCES[self.source], chemin=self.path)


def store_folder(store_id: str) -> str:
    """The folder of one store's keys in the user's configuration folder. The id is read
    from the store: one that is not an id bilancli makes (a store altered to name
    `../../ailleurs`) never leads a key anywhere."""
    if not isinstance(store_id, str) or not _STORE_ID.fullmatch(store_id):
        raise fail(msg.CLE_MAGASIN_INVALIDE)
    return os.path.join(user_config_dir(), "magasins", store_id)


def configured(config) -> Master | None:
    """The file the consultant named for the master key, if any: `BILAN_CLE`, then
    `[chiffrement] cle`."""
    named = os.environ.get("BILAN_CLE", "").strip()
    if named:
        return Master(ENV, os.path.abspath(os.path.expanduser(named)))
    named = config.chiffrement.get("cle")
    if named:
        return Master(CONFIG, os.path.abspath(os.path.expanduser(named)))
    return None


def where(config, store_id: str, recorded: str | None) -> Master:
    """Where this store's master key is to be read: the file named, else where it was made."""
    named = configured(config)
    if named is not None:
        return named
    if recorded in (KEYRING, ENV, CONFIG):   # a file named then, not now: no file to guess
        return Master(recorded, None)
    return Master(FILE, os.path.join(store_folder(store_id), "cle"))


def check_outside(home: str, path: str) -> None:
    """A key file, or the store of keys, never under the data folder: resolved through every
    link and `..` (of the path and of the data folder) before comparing, then each folder on
    its way compared with the data folder itself (the same folder under another name: a bind
    mount, a case-insensitive disk)."""
    if _inside(home, path):
        raise fail(msg.CLE_DANS_DONNEES, chemin=path, dossier=home)


def _inside(home: str, path: str) -> bool:
    real_home = os.path.realpath(home)
    real = os.path.realpath(path)
    if real == real_home or real.startswith(real_home.rstrip(os.sep) + os.sep):
        return True
    try:
        data = os.stat(real_home)
    except OSError:
        return False   # no data folder yet: nothing can be under it but by its name
    current = real
    while True:
        try:
            if os.path.samestat(os.stat(current), data):
                return True
        except OSError:
            pass   # not made yet: its parent tells
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent


def read(home: str, master: Master, store_id: str) -> bytes:
    """The master key, or a refusal saying which key is missing, why, and how to bring it back."""
    if master.source == KEYRING:
        return _read_keyring(store_id, master)
    if master.path is None:
        raise fail(msg.CLE_ABSENTE, ou=master.described())
    check_outside(home, master.path)
    try:
        fd = os.open(master.path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise fail(msg.CLE_ABSENTE, ou=master.described()) from None
    except OSError as exc:
        raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=_not_a_file(info.st_mode))
        if info.st_nlink > 1:   # another name of the same file may stand in the data folder
            raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=msg.CLE_PLUSIEURS_NOMS)
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise fail(msg.CLE_TROP_OUVERTE, chemin=master.path, mode=f"{stat.S_IMODE(info.st_mode):04o}")
        if info.st_size > _MAX_KEY_FILE:
            raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=msg.CLE_TROP_GRANDE)
        raw = os.read(fd, _MAX_KEY_FILE + 1)
    except OSError as exc:
        raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=os_reason(exc)) from None
    finally:
        os.close(fd)
    key = _decoded(raw)
    if key is None:
        raise fail(msg.CLE_ILLISIBLE, chemin=master.path, raison=msg.CLE_FORMAT)
    return key


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return msg.CLE_PAS_UN_FICHIER_DOSSIER
    if stat.S_ISFIFO(mode):
        return msg.CLE_PAS_UN_FICHIER_FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg.CLE_PAS_UN_FICHIER_PERIPHERIQUE
    return msg.CLE_PAS_UN_FICHIER


def establish(home: str, config, store_id: str, key: bytes) -> tuple[Master, bytes]:
    """Keep a new store's master key: in the file named when one is (made there when
    absent; when present, the consultant made it, and it is read instead, with every check of
    `read`), else in the key ring where one works (read back, not taken on its word), else in
    a key file of its own. Returns where it went and the key in use."""
    named = configured(config)
    if named is None and _to_keyring(store_id, key):
        return Master(KEYRING, None), key
    master = named or Master(FILE, os.path.join(store_folder(store_id), "cle"))
    check_outside(home, master.path)
    if named is not None and os.path.lexists(master.path):
        return master, read(home, master, store_id)
    write_key_file(master.path, key, make_folder=named is None)
    return master, key


def forget(store_id: str, master: Master) -> None:
    """A master key just made, destroyed again (a restore that failed after making it)."""
    if master.source == KEYRING:
        keyring = _working_keyring()
        if keyring is not None:
            try:
                keyring.delete_password(KEYRING_SERVICE, _keyring_name(store_id))
            except Exception:   # gone already, or the key ring refuses: nothing more to do
                pass
        return
    shred_name(master.path)


def write_key_file(path: str, key: bytes, make_folder: bool = True) -> None:
    """A key file made anew: 0600, never through a link, never over an existing file. The
    folder of a file the consultant named is never made (`make_folder` False): a USB key
    not plugged in would otherwise get its key written on the laptop's own disk, at its
    mount point."""
    folder = os.path.dirname(path)
    if not make_folder and not os.path.isdir(folder):
        raise fail(msg.CLE_DOSSIER_ABSENT, chemin=path, dossier=folder)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise fail(msg.CLE_EXISTE_DEJA, chemin=path) from None
    except OSError as exc:
        raise fail(msg.CLE_ECRITURE, chemin=path, raison=os_reason(exc)) from None
    try:
        os.write(fd, base64.b64encode(key) + b"\n")
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        os.unlink(path)
        raise fail(msg.CLE_ECRITURE, chemin=path, raison=os_reason(exc)) from None
    os.close(fd)
    sync_dir(folder)


def _decoded(raw: bytes) -> bytes | None:
    try:
        key = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == _KEY_BYTES else None


def _keyring_name(store_id: str) -> str:
    return f"magasin-{store_id}"


def _working_keyring():
    """The key ring's module when a real backend stands behind it, else None (a headless
    machine: keyring's `fail` backend; the `null` one that forgets what it is given)."""
    try:
        import keyring
        from keyring.backends import fail as failing
        from keyring.backends import null
    except ImportError:   # pragma: no cover - keyring is a dependency
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:   # a broken backend configuration: no key ring
        return None
    if isinstance(backend, failing.Keyring | null.Keyring):
        return None
    return keyring


def _from_keyring(store_id: str) -> bytes | None:
    keyring = _working_keyring()
    if keyring is None:
        return None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, _keyring_name(store_id))
    except Exception:   # locked, refused, gone: the key is not at hand
        return None
    return None if stored is None else _decoded(stored.encode("ascii", "replace"))


def _read_keyring(store_id: str, master: Master) -> bytes:
    """The key from the key ring, or a refusal saying why not: no key ring works here (a
    headless session, a backend that forgets), it is locked or refused, it gave something
    that is not a key, or it does not hold this store's key."""
    keyring = _working_keyring()
    if keyring is None:   # the key is not on this machine: said as missing, and why
        reason = msg.CLE_TROUSSEAU_SYSTEME_OUBLI if _forgetful() else msg.CLE_TROUSSEAU_SYSTEME_INDISPONIBLE
        raise fail(msg.CLE_ABSENTE, ou=f"{master.described()} : {reason}")
    try:
        stored = keyring.get_password(KEYRING_SERVICE, _keyring_name(store_id))
    except Exception:   # locked, the unlock dialog dismissed, the service gone
        raise fail(msg.CLE_TROUSSEAU_SYSTEME_REFUSE, raison=msg.CLE_TROUSSEAU_SYSTEME_VERROUILLE) from None
    if stored is None:
        raise fail(msg.CLE_ABSENTE, ou=master.described())
    key = _decoded(stored.encode("ascii", "replace"))
    if key is None:
        raise fail(msg.CLE_TROUSSEAU_SYSTEME_REFUSE, raison=msg.CLE_TROUSSEAU_SYSTEME_ILLISIBLE)
    return key


def _forgetful() -> bool:
    """Whether the key ring configured is the one that keeps nothing (keyring's `null`)."""
    try:
        import keyring
        from keyring.backends import null

        return isinstance(keyring.get_keyring(), null.Keyring)
    except Exception:   # a broken backend configuration: not the forgetful one
        return False


def _to_keyring(store_id: str, key: bytes) -> bool:
    """Whether the key ring kept the key: read back, not taken on its word."""
    keyring = _working_keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_name(store_id), base64.b64encode(key).decode())
    except Exception:
        return False
    if _from_keyring(store_id) == key and _kept_beyond_this_process(store_id, key):
        return True
    try:   # a key ring that keeps it for this process only: not left there
        keyring.delete_password(KEYRING_SERVICE, _keyring_name(store_id))
    except Exception:
        pass
    return False


# Run by another process: what the key ring gives for a name, on the standard output.
_READ_BACK = ("import sys, keyring\n"
              "found = keyring.get_password(sys.argv[1], sys.argv[2])\n"
              "sys.stdout.write(found or '')\n")


def _kept_beyond_this_process(store_id: str, key: bytes) -> bool:
    """Whether the key ring gives the key to another process (the next command): a backend
    that keeps what it is given in this process's memory only would otherwise have a store
    sealed under a key gone at the next command. Asked once, when the key is made; the key
    never goes on a command line."""
    import subprocess
    import sys

    try:
        done = subprocess.run([sys.executable, "-c", _READ_BACK, KEYRING_SERVICE, _keyring_name(store_id)],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
                              env=dict(os.environ))
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and _decoded(done.stdout) == key
