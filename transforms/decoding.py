"""Bytes to text. Inboxes mix editors and platforms, so a file is tried as
UTF-8 first, as UTF-16 only when it carries a byte-order mark, and as
Windows-1252 (the usual "Latin-1" of Western newsroom exports) last; the
fallback is noted so a reader can tell a repaired file from a clean one. A few
stray NUL bytes (a crashed editor, a bad transfer) are removed and noted; many
of them mean the file is not text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from transforms.rejection import Rejected

TRIED = "UTF-8, UTF-16 (with BOM), Windows-1252"
MAX_CONTROL_SHARE = 0.05
# Unicode's control characters (category Cc) except the whitespace ones (\t \n \v \f \r).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The same as bytes, C0 and DEL only: 0x80-0x9f are letters and quotes in Windows-1252.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def _check_printable(decoded: Decoded) -> Decoded:
    share = _control_share(decoded.text)
    if share > MAX_CONTROL_SHARE:
        raise Rejected(f"binary: {share:.0%} of characters are control characters")
    return decoded


def decode(raw: bytes) -> Decoded:
    if not raw:
        raise Rejected("empty: the file has no bytes")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise Rejected(f"not decodable: UTF-16 byte-order mark but {exc.reason}") from exc
            _check_printable(Decoded(text, "utf-16"))
            notes = ["decoded as UTF-16 (byte-order mark)"]
            if nul_chars := text.count("\0"):
                notes.append(f"removed {nul_chars} NUL character(s)")
            return Decoded(text.replace("\0", ""), "utf-16", "; ".join(notes))
    nuls = raw.count(0)
    if nuls > MAX_CONTROL_SHARE * len(raw):
        raise Rejected(f"binary: {nuls} NUL byte(s) in a file without a UTF-16 byte-order mark")
    notes = [f"removed {nuls} NUL byte(s)"] if nuls else []
    raw = raw.replace(b"\0", b"")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError as exc:
            share = len(_CONTROL_BYTES.findall(raw)) / len(raw)
            if share > MAX_CONTROL_SHARE:  # an image or archive, not text in some encoding
                raise Rejected(f"binary: {share:.0%} of bytes are control bytes") from exc
            raise Rejected(f"not decodable: tried {TRIED}") from exc
        notes.insert(0, "not valid UTF-8; decoded as Windows-1252")
    return _check_printable(Decoded(text, encoding, "; ".join(notes) or None))
