"""The key file: which original became which pseudonym, and where; optionally encrypted with a password.

Pseudonymised data stay personal data as long as a key exists, so the key is
written apart from the pseudonymised project. With a password the JSON is
encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from ``cryptography``) under
a key derived from the password with scrypt (n=2**15, r=8, p=1, random
16-byte salt); without the password it cannot be read.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from lobcoder.errors import FileProblem
from lobcoder.i18n.said import say

FORMAT = "lobcoder-pseudonymisation-key"
ENCRYPTED_FORMAT = "lobcoder-pseudonymisation-key-encrypted"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class KeyFileError(FileProblem):
    """A key file that cannot be written, read or decrypted."""


def _fernet(password: str, salt: bytes, n: int, r: int, p: int) -> Any:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def write_key(path: str | Path, key: dict[str, Any], password: str | None = None) -> None:
    """Write the key as JSON (encrypted when a password is given); refuse to overwrite a file."""
    path = Path(path)
    if path.exists():
        raise KeyFileError(path, say("problem.key.exists"))
    payload = json.dumps({"format": FORMAT, **key}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if password:
        salt = os.urandom(16)
        token = _fernet(password, salt, **_SCRYPT).encrypt(payload)
        wrapper = {
            "format": ENCRYPTED_FORMAT,
            "kdf": "scrypt",
            **_SCRYPT,
            "salt": base64.b64encode(salt).decode("ascii"),
            "token": token.decode("ascii"),
        }
        payload = json.dumps(wrapper, indent=1).encode("utf-8")
    try:
        stream = path.open("xb")
    except OSError as exc:
        raise KeyFileError(path, say("problem.cannot_write", reason=exc.strerror or exc)) from exc
    try:
        with stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)  # this call created it: a half key is no key
        raise KeyFileError(path, say("problem.cannot_write", reason=exc.strerror or exc)) from exc
    except BaseException:  # Ctrl+C or any other error: no half key either
        path.unlink(missing_ok=True)
        raise


def read_key(path: str | Path, password: str | None = None) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_bytes())
    except OSError as exc:
        raise KeyFileError(path, say("problem.cannot_read", reason=exc.strerror or exc)) from exc
    except ValueError as exc:
        raise KeyFileError(path, say("problem.key.not_json")) from exc
    if not isinstance(data, dict):
        raise KeyFileError(path, say("problem.key.not_key"))
    if data.get("format") == ENCRYPTED_FORMAT:
        if not password:
            raise KeyFileError(path, say("problem.key.encrypted"))
        from cryptography.fernet import InvalidToken

        try:
            salt = base64.b64decode(data["salt"])
            fernet = _fernet(password, salt, int(data["n"]), int(data["r"]), int(data["p"]))
            data = json.loads(fernet.decrypt(data["token"].encode("ascii")))
        except InvalidToken as exc:
            raise KeyFileError(path, say("problem.key.wrong_password")) from exc
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyFileError(path, say("problem.key.damaged")) from exc
    if data.get("format") != FORMAT:
        raise KeyFileError(path, say("problem.key.not_key"))
    return data
