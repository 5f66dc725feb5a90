"""Canonical bytes of a record's content, and the SHA-256 chain over them.

Each record's hash covers its own content and the previous record's hash, so changing any byte of
any record breaks every hash from there on. The content is kept as these exact bytes (UTF-8 JSON,
keys sorted, no spaces), so verifying never depends on re-serialising it the same way years later.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

DOMAIN = b"purdah-wizard advice record v1\n"  # so these hashes never collide with other uses


def canonical_json(content: dict[str, Any]) -> str:
    """The one text form of a content dict: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(
        content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def chain_hash(prev_hash: str, content_json: str) -> str:
    """SHA-256 (hex) over the domain tag, the previous record's hash and this content."""
    h = hashlib.sha256(DOMAIN)
    h.update(prev_hash.encode("ascii"))
    h.update(b"\n")
    h.update(content_json.encode("utf-8"))
    return h.hexdigest()
