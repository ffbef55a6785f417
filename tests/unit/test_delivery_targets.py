from __future__ import annotations

import ipaddress

import pytest

from agents.core.delivery.targets import TargetDecision, check_target, parse_allowed

URL = "https://hooks.example/endpoint"
LOOPBACK = parse_allowed("127.0.0.0/8,::1/128")


@pytest.mark.parametrize(
    ("url", "ips", "allowed", "expected"),
    [
        (URL, ["93.184.216.34"], "", TargetDecision(True, "ok", "93.184.216.34")),
        (
            URL,
            ["2606:2800:220:1:248:1893:25c8:1946"],
            "",
            TargetDecision(True, "ok", "2606:2800:220:1:248:1893:25c8:1946"),
        ),
        (URL, ["127.0.0.1"], "", TargetDecision(False, "loopback address 127.0.0.1 is not allowed")),
        (URL, ["127.0.0.1"], "127.0.0.0/8", TargetDecision(True, "ok", "127.0.0.1")),
        (URL, ["127.0.0.1"], "loopback", TargetDecision(True, "ok", "127.0.0.1")),
        (URL, ["::1"], "", TargetDecision(False, "loopback address ::1 is not allowed")),
        (URL, ["::1"], "127.0.0.0/8", TargetDecision(False, "loopback address ::1 is not allowed")),
        (URL, ["::1"], "loopback", TargetDecision(True, "ok", "::1")),
        (URL, ["10.1.2.3"], "", TargetDecision(False, "private address 10.1.2.3 is not allowed")),
        (URL, ["10.1.2.3"], "10.0.0.0/8", TargetDecision(True, "ok", "10.1.2.3")),
        (URL, ["172.16.0.9"], "", TargetDecision(False, "private address 172.16.0.9 is not allowed")),
        (URL, ["192.168.1.10"], "", TargetDecision(False, "private address 192.168.1.10 is not allowed")),
        (
            URL,
            ["192.168.1.10"],
            "127.0.0.0/8",
            TargetDecision(False, "private address 192.168.1.10 is not allowed"),
        ),
        (
            URL,
            ["169.254.169.254"],
            "",
            TargetDecision(False, "cloud metadata address 169.254.169.254 is not allowed"),
        ),
        (
            URL,
            ["169.254.169.254"],
            "10.0.0.0/8",
            TargetDecision(False, "cloud metadata address 169.254.169.254 is not allowed"),
        ),
        (
            URL,
            ["fd00:ec2::254"],
            "",
            TargetDecision(False, "cloud metadata address fd00:ec2::254 is not allowed"),
        ),
        (URL, ["169.254.10.1"], "", TargetDecision(False, "link-local address 169.254.10.1 is not allowed")),
        (URL, ["fe80::1%eth0"], "", TargetDecision(False, "link-local address fe80::1 is not allowed")),
        (URL, ["fc00::5"], "", TargetDecision(False, "private address fc00::5 is not allowed")),
        (URL, ["fdab::5"], "fc00::/7", TargetDecision(True, "ok", "fdab::5")),
        (URL, ["224.0.0.1"], "", TargetDecision(False, "multicast address 224.0.0.1 is not allowed")),
        (URL, ["0.0.0.0"], "", TargetDecision(False, "unspecified address 0.0.0.0 is not allowed")),
        (URL, ["::"], "", TargetDecision(False, "unspecified address :: is not allowed")),
        (URL, ["240.0.0.1"], "", TargetDecision(False, "reserved address 240.0.0.1 is not allowed")),
        (URL, ["100.64.0.1"], "", TargetDecision(False, "non-global address 100.64.0.1 is not allowed")),
        (
            URL,
            ["::ffff:127.0.0.1"],
            "",
            TargetDecision(False, "loopback address ::ffff:7f00:1 is not allowed"),
        ),
        # Every address must pass: one private record poisons the answer.
        (
            URL,
            ["93.184.216.34", "10.0.0.1"],
            "",
            TargetDecision(False, "private address 10.0.0.1 is not allowed"),
        ),
        (URL, [], "", TargetDecision(False, "host resolved to no address")),
        (URL, ["not-an-ip"], "", TargetDecision(False, "not an IP address: 'not-an-ip'")),
        (
            "ftp://files.example/x",
            ["93.184.216.34"],
            "",
            TargetDecision(False, "scheme 'ftp' is not http or https"),
        ),
        (
            "file:///etc/passwd",
            ["93.184.216.34"],
            "",
            TargetDecision(False, "scheme 'file' is not http or https"),
        ),
        ("http:///nohost", ["93.184.216.34"], "", TargetDecision(False, "url has no host")),
    ],
)
def test_ssrf_table(url: str, ips: list[str], allowed: str, expected: TargetDecision) -> None:
    assert check_target(url, ips, parse_allowed(allowed)) == expected


def test_decision_is_truthy_only_when_allowed() -> None:
    assert check_target(URL, ["127.0.0.1"], LOOPBACK)
    assert not check_target(URL, ["127.0.0.1"], [])


def test_parse_allowed() -> None:
    assert parse_allowed("") == []
    assert parse_allowed(" 127.0.0.0/8 , ::1/128 ,") == [
        ipaddress.ip_network("127.0.0.0/8"),
        ipaddress.ip_network("::1/128"),
    ]
    assert parse_allowed("LOOPBACK") == LOOPBACK
    assert parse_allowed("10.1.2.3/8") == [ipaddress.ip_network("10.0.0.0/8")]


def test_parse_allowed_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_allowed("127.0.0.0/8,intranet")
