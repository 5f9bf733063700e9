"""Stable ACLED-like event ids: the country's ISO3, then ten digits.

The digits hash the article's normalised text and the event's identity within it (date,
place, event type, actor pair), so re-ingesting or re-coding the same article gives the
same id to the same event, and a different event a different id.
"""
from __future__ import annotations

import hashlib


def event_id(iso3: str, article_hash: str, *event_key: object) -> str:
    """event_id('IRQ', h, '2023-12-08', 'Baghdad', 'Explosions/Remote violence') -> 'IRQ0412...'"""
    key = "\x1f".join([article_hash, *(str(k) for k in event_key)])
    digits = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")
    return f"{iso3}{digits % 10**10:010d}"
