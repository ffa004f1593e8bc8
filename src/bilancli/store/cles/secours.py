"""Recovery files (SPEC §15): a store's data keys for a new machine, under a passphrase.

The file is: a magic (`MAGIC`), a version byte, the length of a JSON header, the header,
then the sealed keys. The header says what the file is, whose store it is, when it was made
and which keys it holds by name (the bilans' ids, administrative facts kept in clear in the
store too), and how to open it (scrypt's parameters and salt, the cipher, its nonce): never
a key. The keys are sealed with AES-256-GCM under a key scrypt derives from the passphrase;
everything before them (magic, version, header) is their associated data, so a header
edited to pass for another store's does not open.

`cryptography` is imported only to make or open a file; the purge reads headers without it.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import unicodedata
from collections import namedtuple

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.store.shred import shred_name

MAGIC = b"BILANCLI-SECOURS"
VERSION = 1
FORMAT = "bilancli-secours"
SUFFIX = ".bilancle"
_LENGTH = 4
_PREFIX = len(MAGIC) + 1 + _LENGTH
_NONCE = 12
_SALT = 16
# scrypt's cost: 2**17 × 128 × 8 bytes = 128 MiB and about half a second, once per file. The
# reader accepts a range, so that a file never asks for more memory than a laptop has.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 17, 8, 1
_N_RANGE = (2 ** 14, 2 ** 20)
MIN_PASSPHRASE = 12
_MAX_HEADER = 8 * 1024 * 1024
_MAX_FILE = 32 * 1024 * 1024


class Header(namedtuple("Header", "store_id made_on names kdf nonce raw")):
    """What a recovery file says of itself: its store, the day it was made, the names of the
    keys it holds, scrypt's parameters, the cipher's nonce, and its bytes up to the keys."""

    __slots__ = ()


class NotOurs(Exception):
    """Not a recovery file of bilancli (or one this version cannot read): `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pack(store_id: str, keys: dict[str, bytes], passphrase: str, made_on: str,
         n: int | None = None) -> bytes:
    """The bytes of a recovery file holding `keys` (name → data key) of the store `store_id`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    kdf = {"algorithme": "scrypt", "n": n or SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
           "sel": _b64(salt)}
    header = json.dumps({
        "format": FORMAT, "version": VERSION, "magasin": store_id, "cree_le": made_on,
        "contenu": "les clés de données de ce dossier, chiffrées sous une phrase de passe",
        "cles": sorted(keys), "kdf": kdf, "chiffrement": "AES-256-GCM", "nonce": _b64(nonce),
    }, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + bytes([VERSION]) + len(header).to_bytes(_LENGTH, "big") + header
    payload = json.dumps({"magasin": store_id,
                          "cles": {name: _b64(key) for name, key in sorted(keys.items())}}).encode()
    sealed = AESGCM(_derive(passphrase, kdf, salt)).encrypt(nonce, payload, prefix)
    return prefix + sealed


def header_of(data: bytes) -> Header:
    """The header of a recovery file's bytes (or of their beginning); `NotOurs` otherwise."""
    if data[:len(MAGIC)] != MAGIC:
        raise NotOurs(msg.SECOURS_PAS_BILANCLI)
    if len(data) < _PREFIX:
        raise NotOurs(msg.SECOURS_ENTETE)
    version = data[len(MAGIC)]
    if version != VERSION:
        raise NotOurs(msg.SECOURS_VERSION.format(version=version))
    length = int.from_bytes(data[len(MAGIC) + 1:_PREFIX], "big")
    if length > _MAX_HEADER or len(data) < _PREFIX + length:
        raise NotOurs(msg.SECOURS_ENTETE)
    raw = data[:_PREFIX + length]
    try:
        told = json.loads(raw[_PREFIX:].decode("utf-8"))
        kdf = told["kdf"]
        header = Header(str(told["magasin"]), str(told["cree_le"]),
                        frozenset(str(n) for n in told["cles"]),
                        (int(kdf["n"]), int(kdf["r"]), int(kdf["p"]), _unb64(kdf["sel"])),
                        _unb64(told["nonce"]), raw)
        valid = (told["format"] == FORMAT and told["version"] == VERSION
                 and kdf["algorithme"] == "scrypt" and told["chiffrement"] == "AES-256-GCM")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise NotOurs(msg.SECOURS_ENTETE) from None
    if not valid or len(header.nonce) != _NONCE:
        raise NotOurs(msg.SECOURS_ENTETE)
    return header


def unpack(data: bytes, passphrase: str) -> tuple[Header, dict[str, bytes]]:
    """The keys a recovery file holds, or None when the passphrase does not open it (or the
    file was altered: the two cannot be told apart, by design)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = header_of(data)
    n, r, p, salt = header.kdf
    if not (_N_RANGE[0] <= n <= _N_RANGE[1] and n & (n - 1) == 0 and r == SCRYPT_R and p == SCRYPT_P):
        raise NotOurs(msg.SECOURS_ENTETE)
    key = _derive(passphrase, {"n": n, "r": r, "p": p}, salt)
    try:
        payload = AESGCM(key).decrypt(header.nonce, data[len(header.raw):], header.raw)
    except InvalidTag:
        return header, None
    told = json.loads(payload)
    if told["magasin"] != header.store_id or set(told["cles"]) != header.names:
        return header, None
    return header, {name: _unb64(value) for name, value in told["cles"].items()}


def read(path: str) -> bytes:
    """A recovery file's bytes: a regular file only (a FIFO never blocks the command, a
    device is never read), of a recovery file's size."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=msg.SECOURS_PAS_UN_FICHIER)
        if info.st_size > _MAX_FILE:
            raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=msg.SECOURS_TROP_GRAND)
        chunks = []
        while chunk := os.read(fd, 1024 * 1024):
            chunks.append(chunk)
    except OSError as exc:
        raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def peek(path: str) -> Header | None:
    """The header of the regular file at `path` when it is a recovery file, else None;
    never through a link, never opening anything but a regular file (a FIFO would block, a
    device might act), reading no more than its header."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        start = os.read(fd, _PREFIX)
        if start[:len(MAGIC)] != MAGIC or len(start) < _PREFIX:
            return None
        length = int.from_bytes(start[len(MAGIC) + 1:], "big")
        if length > _MAX_HEADER:
            return None
        rest = b""
        while len(rest) < length and (chunk := os.read(fd, length - len(rest))):
            rest += chunk
        return header_of(start + rest)
    except (OSError, NotOurs):
        return None
    finally:
        os.close(fd)


# How deep under `[sauvegarde] dossier` recovery files are looked for: the folder and its
# sub-folders, not a whole disk a setting might name.
_DEPTH = 2


def found_in(folder: str, store_id: str, skip=lambda name: False) -> list[tuple[str, Header]]:
    """The recovery files of the store `store_id` under `folder` (and its sub-folders, two
    levels down), recognised by their header (never by their name), never reached through a
    link; `skip(name)`: a folder not looked into (a backup's)."""
    found = []
    top = folder.rstrip(os.sep).count(os.sep)
    for where, folders, names in os.walk(folder, followlinks=False):
        deep = where.rstrip(os.sep).count(os.sep) - top >= _DEPTH
        folders[:] = [] if deep else sorted(f for f in folders if not skip(f))
        for name in sorted(names):
            path = os.path.join(where, name)
            header = peek(path)
            if header is not None and header.store_id == store_id:
                found.append((path, header))
    return found


def destroy(path: str) -> None:
    """A recovery file overwritten and removed (a link at its name only removed)."""
    shred_name(path)


def _derive(passphrase: str, kdf: dict, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    # The same passphrase typed on another machine may come composed otherwise (NFD on macOS).
    typed = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(typed)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def gone_from_store(conn, names) -> tuple[dict[str, str], set[str]]:
    """The keys among `names` whose content the store itself says is destroyed, with when
    (the main content of a bilan purged, `contenu_detruit_le`; the synthèse of one whose purge
    log names it, or whose record is anonymised), and those of bilans it does not hold (deleted,
    or opened after the backup it was restored from). What a recovery file restored must never
    bring back, even where the key store's own record of destroyed keys (`detruites`) was lost
    with it."""
    wanted = {name.partition("/")[0] for name in names}
    known = {}
    for bid, content, anonymised in conn.execute(
            "SELECT id, contenu_detruit_le, anonymise_le FROM bilans"):
        if bid in wanted:
            known[bid] = (content, anonymised)
    synthesis_gone = {}
    for bid, day in conn.execute(
            "SELECT bilan_id, MIN(date) FROM purges WHERE nature IN ('syntheses', 'fichiers_synthese') "
            "GROUP BY bilan_id"):
        synthesis_gone[bid] = day
    gone, unknown = {}, set()
    for name in names:
        bid, _, group = name.partition("/")
        if bid not in known:
            unknown.add(name)
            continue
        content, anonymised = known[bid]
        day = (synthesis_gone.get(bid) or anonymised) if group else (content or anonymised)
        if day is not None:
            gone[name] = day
    return gone, unknown
