"""One spelling per article URL, so the same page reached through a tracking link is seen once."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Parameters that say how a reader arrived, not which page they read.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
_TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "ref_src",
        "cmpid",
        "ncid",
        "ocid",
        "at_medium",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(name: str) -> bool:
    low = name.lower()
    return low in _TRACKING or low.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, the rest
    of the query sorted, `%`-escapes normalised. Path case is kept (servers may care)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port is not None and _DEFAULT_PORTS.get(scheme) != parts.port:
        netloc += f":{parts.port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def url_key(url: str) -> str:
    """The dedup key of a URL: a short hash of its canonical form."""
    return "url:" + hashlib.sha256(canonical_url(url).encode()).hexdigest()[:32]


def site_of(url: str) -> str:
    """`https://www.example.org/news/` -> `example.org`: the publisher name an article carries."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")
