from __future__ import annotations

import ipaddress

import pytest
from pydantic import ValidationError

from streams.errors import ConfigError
from streams.settings import Settings, load_settings


def test_env_overrides_and_topic_prefix() -> None:
    s = Settings.from_env(
        {
            "TOCSIN_KAFKA_BOOTSTRAP": "h:1",
            "TOCSIN_PARTITIONS": "8",
            "TOCSIN_TOPIC_PREFIX": "t1.",
            "TOCSIN_ADMIN_TOKEN": "s3cret",
            "TOCSIN_STORY_WINDOW_H": "24",
        }
    )
    assert s.bootstrap == "h:1" and s.partitions == 8 and s.story_window_h == 24
    assert s.topics.articles == "t1.tocsin.articles.v1"
    assert "s3cret" not in repr(s)


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.topics.articles_dlq == "tocsin.articles.dlq.v1"
    assert s.partitions == 4 and s.web_port == 6066 and s.max_article_bytes == 2 * 1024 * 1024
    assert s.story_window_h == 72


def test_typed_schedule_networks_and_secrets() -> None:
    s = Settings.from_env(
        {
            "TOCSIN_RETRY_SCHEDULE": "0, 1.5,30",
            "TOCSIN_ALLOW_PRIVATE_TARGETS": "10.0.0.0/8, loopback",
            "TOCSIN_ADMIN_TOKEN": "tok",
        }
    )
    assert s.retry_schedule == (0.0, 1.5, 30.0) and s.slack_retry_schedule is None
    assert ipaddress.ip_address("10.1.2.3") in s.allow_private_targets[0]
    assert len(s.allow_private_targets) == 3  # 127.0.0.0/8 and ::1/128 for "loopback"
    assert s.admin_token is not None and s.admin_token.get_secret_value() == "tok"


def test_frozen() -> None:
    s = Settings.from_env({})
    with pytest.raises(ValidationError):
        s.partitions = 9  # type: ignore[misc]


def test_the_local_broker_port_gives_the_bootstrap() -> None:
    assert Settings.from_env({"TOCSIN_KAFKA_PORT": "19500"}).bootstrap == "127.0.0.1:19500"
    both = {"TOCSIN_KAFKA_PORT": "19500", "TOCSIN_KAFKA_BOOTSTRAP": "h:1"}
    assert Settings.from_env(both).bootstrap == "h:1"


def test_a_given_mapping_is_the_whole_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOCSIN_PARTITIONS", "7")
    assert Settings.from_env({}).partitions == 4
    assert Settings.from_env().partitions == 7


@pytest.mark.parametrize(
    "name,value,says",
    [
        ("TOCSIN_PARTITIONS", "abc", "valid integer"),
        ("TOCSIN_PARTITIONS", "0", "greater than or equal to 1"),
        ("TOCSIN_RETRY_SCHEDULE", "0,5,later", "seconds separated by commas"),
        ("TOCSIN_RETRY_SCHEDULE", "0,-5", "non-negative"),
        ("TOCSIN_ALLOW_PRIVATE_TARGETS", "10.0.0.0/33", "CIDR"),
        ("TOCSIN_KAFKA_BOOTSTRAP", "", None),
        ("TOCSIN_LOG_LEVEL", "loud", "debug, info"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(name: str, value: str, says: str | None) -> None:
    if says is None:  # empty means unset
        assert load_settings({name: value}).bootstrap
        return
    with pytest.raises(ConfigError) as caught:
        load_settings({name: value})
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"configuration: {name}={value!r}: ") and says in message


def test_a_bad_token_is_not_echoed() -> None:
    # A token cannot be invalid as a string; the rule is that the message never shows one.
    assert "TOKEN=" not in config_error_for({"TOCSIN_ADMIN_TOKEN": "x", "TOCSIN_PARTITIONS": "x"})


def config_error_for(env: dict[str, str]) -> str:
    try:
        load_settings(env)
    except ConfigError as exc:
        return str(exc)
    raise AssertionError("no error")
