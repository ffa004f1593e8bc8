"""Destroying a file the tool wrote, so that its bytes do not survive on disk.

Never through a link: a symbolic link at the name is only removed, and a file with
another hard link is someone else's too — its name is removed, its bytes are left to the
other name rather than zeroed under it.
"""

from __future__ import annotations

import os
import stat

CHUNK = 1024 * 1024


def zero_fill(fd: int, size: int) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    zeros = bytes(min(size, CHUNK))
    left = size
    while left > 0:
        left -= os.write(fd, zeros[: min(left, len(zeros))])
    os.fsync(fd)


def sha256_of(fd: int) -> str:
    """The hex SHA-256 of an open file's bytes, from where its offset stands."""
    import hashlib

    digest = hashlib.sha256()
    while chunk := os.read(fd, CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def open_own(path, writable: bool, dir_fd: int | None = None) -> int:
    """Open the file at `path` itself (inside the folder `dir_fd` when given), never what a
    link there points to (ELOOP then)."""
    flags = (os.O_RDWR if writable else os.O_RDONLY) | os.O_NOFOLLOW | os.O_NONBLOCK
    return os.open(path, flags, dir_fd=dir_fd)


def zero_in_place(path, dir_fd: int | None = None):
    """Overwrite the regular file at `path` with zeros when it has a single link (another
    name's bytes are never written into); its `lstat`, None when nothing is there."""
    try:
        info = os.lstat(path, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
        try:
            fd = open_own(path, writable=True, dir_fd=dir_fd)
        except OSError:
            return info
        try:
            opened = os.fstat(fd)
            if (opened.st_dev, opened.st_ino) == (info.st_dev, info.st_ino) and opened.st_nlink == 1:
                zero_fill(fd, opened.st_size)
        finally:
            os.close(fd)
    return info


def shred_name(path, dir_fd: int | None = None) -> bool:
    """Overwrite and unlink the regular file at `path` when it has a single link; remove
    the name alone otherwise. True when something was there."""
    info = zero_in_place(path, dir_fd)
    if info is None:
        return False
    if stat.S_ISDIR(info.st_mode):
        return True   # never ours: left alone
    try:
        os.unlink(path, dir_fd=dir_fd)
    except FileNotFoundError:
        pass
    return True


_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def shred_tree(path, strict: bool = True, dir_fd: int | None = None) -> None:
    """Destroy a folder of the tool's and everything under it, each file by `shred_name`,
    never following a link: each folder is opened with O_NOFOLLOW and what it holds is
    reached through its descriptor, so a name swapped for a link meanwhile leads nowhere.
    `strict=False` (the clean-up of drafts at every command's start) leaves a folder it
    cannot list or remove, where the default raises."""
    try:
        info = os.lstat(path, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(info.st_mode):
        shred_name(path, dir_fd)
        return
    try:
        folder = os.open(path, _FOLDER, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    except OSError:
        if strict:
            raise
        return
    try:
        opened = os.fstat(folder)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            if strict:
                raise OSError(16, "swapped while it was being destroyed", os.fspath(path))
            return
        try:
            names = os.listdir(folder)
        except OSError:
            if strict:
                raise
            return
        for name in names:
            shred_tree(name, strict, folder)
    finally:
        os.close(folder)
    try:
        os.rmdir(path, dir_fd=dir_fd)
    except OSError:
        if strict:
            raise
