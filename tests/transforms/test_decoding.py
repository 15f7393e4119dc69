import codecs

import pytest

from transforms.decoding import decode
from transforms.rejection import Rejected


def test_utf8_with_and_without_bom() -> None:
    assert decode("date “x”".encode()).text == "date “x”"
    decoded = decode(codecs.BOM_UTF8 + "date “x”".encode())
    assert decoded.text == "date “x”"
    assert decoded.note is None


def test_utf16_with_bom_is_decoded_and_noted() -> None:
    decoded = decode("date 2023-01-01 “Hi”".encode("utf-16"))
    assert decoded.text == "date 2023-01-01 “Hi”"
    assert decoded.note is not None and "UTF-16" in decoded.note


def test_windows_1252_curly_quotes_fall_back_with_a_note() -> None:
    decoded = decode(b"date 2023-01-01 \x93We will,\x94 he said.")
    assert decoded.text == "date 2023-01-01 “We will,” he said."
    assert decoded.encoding == "windows-1252"
    assert decoded.note == "not valid UTF-8; decoded as Windows-1252"


def test_empty_is_rejected() -> None:
    with pytest.raises(Rejected, match=r"^empty"):
        decode(b"")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(Rejected, match=r"^binary: 2 NUL"):
        decode(b"date 2023-01-01 text\x00 more\x00")


def test_mostly_control_characters_mean_binary() -> None:
    with pytest.raises(Rejected, match=r"^binary: .* control characters"):
        decode(bytes(range(1, 32)) * 10 + b"some text")


def test_undecodable_bytes_name_the_encodings_tried() -> None:
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    with pytest.raises(Rejected, match=r"not decodable: tried UTF-8, UTF-16 .*, Windows-1252"):
        decode(b"date 2023-01-01 \x81\x81 text")
