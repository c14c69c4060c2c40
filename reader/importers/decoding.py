"""Turn the bytes of a file into text, finding the encoding rather than assuming it.

The order: a byte-order mark; strict UTF-8; the encoding the file declares (saved
web pages; only the web's encodings count); charset-normalizer's best guess.
Bytes that are not text (NUL bytes, nothing decodes them sensibly) and UTF-8
with broken sequences in it are refused.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.core.models import ReaderError

_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The HTML standard reads these labels as windows-1252, and so do saved pages.
_WINDOWS_1252_ALIASES = frozenset(
    {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin-1", "latin1"}
)
_WESTERN_DEFAULT = "cp1252"

# Control characters that do turn up in genuine text files.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")

# East Asian encodings whose byte pairs form the odd valid UTF-8 sequence by chance,
# so a file in one of them must not be taken for damaged UTF-8.
_DOUBLE_BYTE_ENCODINGS = frozenset(
    {"shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5"}
    | {"big5hkscs", "cp950", "euc_kr", "cp949", "johab", "hz"}
)

# The encodings of the WHATWG Encoding Standard, by Python's codec names: the only
# ones a page's declared charset may pick.  Python also names byte transforms
# (base64, zlib, rot13...) and its own text codecs (unicode_escape, undefined);
# a page declaring one of those is read as if it declared nothing.  A declared
# UTF-16 counts as UTF-8, as in browsers, and that is tried first anyway.
_WEB_ENCODINGS = frozenset(
    {"utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "tis-620"}
    | {f"iso8859-{part}" for part in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)}
    | {f"cp{page}" for page in range(1250, 1259)}
    | {"gbk", "gb2312", "gb18030", "big5", "big5hkscs", "cp950"}
    | {"euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
)

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


def decode_bytes(data: bytes, *, declared_encoding: str = "") -> str:
    """The text of ``data``; raises ReaderError if it is not text.

    ``declared_encoding`` is what the file says it is (a web page's ``<meta charset>``);
    it is tried after UTF-8 and before guessing.
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ReaderError(f"not a text file (broken {encoding.upper()})") from None
    if b"\x00" in data:
        raise ReaderError("not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    declared = _known_encoding(declared_encoding)
    if declared in _DOUBLE_BYTE_ENCODINGS:
        text = _decoded_text(data, declared)
        if text is not None:
            return text
    guessed = _guess_encoding(data)
    if guessed not in _DOUBLE_BYTE_ENCODINGS:
        _refuse_broken_utf8(data, utf8_error)
    for encoding in (declared, guessed):
        text = _decoded_text(data, encoding) if encoding else None
        if text is not None:
            return text
    raise ReaderError("not a text file (no text encoding fits its bytes)")


def _decoded_text(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def declared_html_encoding(data: bytes) -> str:
    """The charset a web page declares in a ``<meta>`` tag near its start, or ``""``."""
    match = _DECLARED_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def _refuse_broken_utf8(data: bytes, error: UnicodeDecodeError) -> None:
    """Text with valid multi-byte UTF-8 and some broken sequences is damaged, not legacy."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    if any("\x80" <= char < "\udc80" or char > "\udcff" for char in decoded):
        raise ReaderError(
            f"invalid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start} "
            "in a file that is otherwise UTF-8)"
        )


def _known_encoding(label: str) -> str:
    label = label.strip().lower()
    if not label:
        return ""
    if label in _WINDOWS_1252_ALIASES:
        return _WESTERN_DEFAULT
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    return name if name in _WEB_ENCODINGS else ""


def _guess_encoding(data: bytes) -> str:
    # imported here: it is only needed for the rare file that is not UTF-8
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return ""
    best = matches[0]
    # Short texts leave several code pages tied; among equals prefer windows-1252,
    # the usual legacy encoding of Western text.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(_WESTERN_DEFAULT in m.could_be_from_charset for m in tied):
        return _WESTERN_DEFAULT
    return best.encoding


def _looks_like_text(text: str) -> bool:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS
    )
    return controls * 1000 <= len(text)
