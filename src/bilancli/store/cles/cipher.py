"""Sealing one stored value under its bilan's data key (AES-256-GCM, `cryptography`).

A sealed value is bytes: a four-byte mark, the kind of what was sealed (text or bytes), a
random 96-bit nonce, then the ciphertext and its tag. What it is bound to (the store, the
table and column, the bilan) is the associated data: a sealed value copied into another
bilan, another column or another store does not open. The column may be qualified by its
row's key (`qualified`: which field, which moment, which entretien) where the row has one
that never changes over its life: a value moved to another row of the same bilan and column
does not open either. Rows without one (one row a bilan, or none stable) are not told apart.
"""

from __future__ import annotations

import os

MARK = b"\x00BC1"
_TEXT, _BYTES = b"t", b"b"
_NONCE = 12
_TAG = 16
# How many bytes sealing adds to a value: the purge counts what it destroys in the
# consultant's bytes, not in ours.
OVERHEAD = len(MARK) + 1 + _NONCE + _TAG


class Damaged(Exception):
    """A sealed value that does not open under its key: damaged, moved, or another key."""


def bound_to(store_id: str, table: str, column: str, bilan_id: str) -> bytes:
    """The associated data of a value: where it is stored, and whose it is."""
    return f"bilancli/1|{store_id}|{table}.{column}|{bilan_id}".encode()


def qualified(column: str, row) -> str:
    """A column as bound for one row: qualified by the row's key (`column@key`)."""
    return f"{column}@{row}"


def is_sealed(value) -> bool:
    return isinstance(value, bytes) and value[:len(MARK)] == MARK


def seal(key: bytes, bound: bytes, value: str | bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kind, data = (_BYTES, bytes(value)) if isinstance(value, bytes | bytearray | memoryview) \
        else (_TEXT, value.encode("utf-8"))
    nonce = os.urandom(_NONCE)
    return MARK + kind + nonce + AESGCM(key).encrypt(nonce, data, bound + kind)


def open_sealed(key: bytes, bound: bytes, sealed: bytes) -> str | bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(sealed) or len(sealed) < OVERHEAD:
        raise Damaged
    start = len(MARK)
    kind = sealed[start:start + 1]
    nonce = sealed[start + 1:start + 1 + _NONCE]
    try:
        data = AESGCM(key).decrypt(nonce, sealed[start + 1 + _NONCE:], bound + kind)
    except InvalidTag:
        raise Damaged from None
    if kind == _TEXT:
        return data.decode("utf-8")
    if kind == _BYTES:
        return data
    raise Damaged


def new_key() -> bytes:
    """A fresh 256-bit key."""
    return os.urandom(32)
