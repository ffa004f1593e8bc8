"""A zip archive built in memory, the same bytes for the same entries on the same day."""

from __future__ import annotations

from datetime import date

ZIP_FIRST_YEAR = 1980   # a zip cannot date a file earlier
_UNIX = 3
_PRIVATE_FILE = 0o100600


def build_zip(entries: list[tuple[str, bytes]], on: date) -> bytes:
    """The archive of `entries` (name, bytes), in their order, each dated `on` at 00:00 and
    marked private (0600): nothing in it depends on the clock, the machine or its umask.
    Stored, not compressed: the bytes do not depend on the zlib at hand either, and the
    documents it carries (PDF, images) are compressed already."""
    import io
    import zipfile

    day = on if on.year >= ZIP_FIRST_YEAR else date(ZIP_FIRST_YEAR, 1, 1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = _UNIX
            info.external_attr = _PRIVATE_FILE << 16
            archive.writestr(info, data)
    return buffer.getvalue()
