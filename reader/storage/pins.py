"""A teacher's PIN, kept as a salted scrypt hash: the library file never holds the PIN."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from reader.core.models import ReaderError

MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 128
_SCHEME = "scrypt"
_COST = {"n": 2**14, "r": 8, "p": 1}  # about 50 ms: slow to guess, quick to type in


def check_new_pin(pin: str) -> None:
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise ReaderError(
            f"a PIN needs {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} characters, not {len(pin)}"
        )


def hash_pin(pin: str) -> str:
    """``scrypt$<salt>$<hash>`` in hex."""
    check_new_pin(pin)
    salt = secrets.token_bytes(16)
    return f"{_SCHEME}${salt.hex()}${_derive(pin, salt).hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    scheme, _, rest = stored.partition("$")
    salt_hex, _, hash_hex = rest.partition("$")
    try:
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return False
    if scheme != _SCHEME or not salt or not expected or len(pin) > MAX_PIN_LENGTH:
        return False
    return hmac.compare_digest(_derive(pin, salt), expected)


def _derive(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_COST)
