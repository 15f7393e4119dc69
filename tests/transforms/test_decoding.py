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


def test_many_nul_bytes_mean_binary() -> None:
    with pytest.raises(Rejected, match=r"^binary: 2 NUL"):
        decode(b"date\x00 text\x00")


def test_utf16_without_a_byte_order_mark_is_binary() -> None:
    with pytest.raises(Rejected, match=r"^binary: \d+ NUL"):
        decode("date 2023-01-01 some words".encode("utf-16-le"))


def test_stray_nul_bytes_in_text_are_removed_and_noted() -> None:
    decoded = decode(b"date 2023-01-01 " + b"text " * 20 + b"\x00more\x00 words")
    assert "\x00" not in decoded.text and decoded.text.endswith("text more words")
    assert decoded.note == "removed 2 NUL byte(s)"


def test_both_repairs_are_noted() -> None:
    decoded = decode(b"\x93quoted\x94 " + b"text " * 30 + b"\x00")
    assert decoded.note == "not valid UTF-8; decoded as Windows-1252; removed 1 NUL byte(s)"


def test_mostly_control_characters_mean_binary() -> None:
    with pytest.raises(Rejected, match=r"^binary: .* control characters"):
        decode(bytes(range(1, 32)) * 10 + b"some text")


def test_undecodable_bytes_name_the_encodings_tried() -> None:
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    with pytest.raises(Rejected, match=r"not decodable: tried UTF-8, UTF-16 .*, Windows-1252"):
        decode(b"date 2023-01-01 \x81\x81 text")


def test_nul_characters_in_utf16_text_are_removed_and_noted() -> None:
    decoded = decode(("date 2023-01-01 " + "text " * 20 + "a\0b").encode("utf-16"))
    assert "\0" not in decoded.text and decoded.text.endswith("ab")
    assert decoded.note == "decoded as UTF-16 (byte-order mark); removed 1 NUL character(s)"


def test_an_image_is_binary_not_undecodable() -> None:
    # A PNG's signature and header, then bytes spread as compressed data spreads them.
    image = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(Rejected, match=r"^binary: \d+% of bytes are control bytes"):
        decode(image)
