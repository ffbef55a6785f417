"""SSRF: may Tocsin POST to this URL, given the addresses its host resolved to?

Every resolved address must be public (or inside a network the operator allowed with
TOCSIN_ALLOW_PRIVATE_TARGETS), otherwise a DNS name with one public and one private record could
steer a request inward. The notifier then connects to the checked address (pinning), so a second
DNS answer cannot differ from the one checked.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
_LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


@dataclass(frozen=True, slots=True)
class TargetDecision:
    allowed: bool
    reason: str
    address: str | None = None  # the checked address to connect to when allowed

    def __bool__(self) -> bool:
        return self.allowed


def parse_allowed(env_value: str) -> list[IPNetwork]:
    """`"127.0.0.0/8, ::1/128"` or `"loopback"` -> networks; raises ValueError on a bad entry."""
    networks: list[IPNetwork] = []
    for item in env_value.split(","):
        item = item.strip()
        if not item:
            continue
        if item.lower() == "loopback":
            networks.extend(_LOOPBACK)
        else:
            networks.append(ipaddress.ip_network(item, strict=False))
    return networks


def _refusal(address: IPAddress) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _refusal(address.ipv4_mapped)
    if address in METADATA_ADDRESSES:
        return "cloud metadata address"
    for label, flag in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),  # before private: Python counts 240.0.0.0/4 as both
        ("private", address.is_private),
    ):
        if flag:
            return f"{label} address"
    if not address.is_global:  # e.g. 100.64.0.0/10 carrier-grade NAT, documentation ranges
        return "non-global address"
    return None


def _covered(address: IPAddress, allowed: Iterable[IPNetwork]) -> bool:
    return any(address.version == net.version and address in net for net in allowed)


def check_target(
    url: str, resolved_ips: Sequence[str], allowed_networks: Sequence[IPNetwork]
) -> TargetDecision:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return TargetDecision(False, f"scheme {parts.scheme!r} is not http or https")
    if not parts.hostname:
        return TargetDecision(False, "url has no host")
    if not resolved_ips:
        return TargetDecision(False, "host resolved to no address")
    addresses: list[IPAddress] = []
    for raw in resolved_ips:
        try:
            address = ipaddress.ip_address(raw.split("%", 1)[0])  # drop an IPv6 zone id
        except ValueError:
            return TargetDecision(False, f"not an IP address: {raw!r}")
        refusal = _refusal(address)
        if refusal is not None and not _covered(address, allowed_networks):
            return TargetDecision(False, f"{refusal} {address} is not allowed")
        addresses.append(address)
    return TargetDecision(True, "ok", str(addresses[0]))
