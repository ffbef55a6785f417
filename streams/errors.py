"""What a command can fail with, each shown as one line on stderr (`tocsin` exits with `exit_code`):

TocsinError                 1  a runtime failure
 ├── UsageError             2  the command line names something unusable (a missing file)
 │    └── ConfigError       2  a TOCSIN_* variable is invalid
 └── BrokerUnavailable      1  the Kafka broker cannot be reached
"""

from __future__ import annotations


class TocsinError(Exception):
    exit_code = 1


class UsageError(TocsinError):
    exit_code = 2


class ConfigError(UsageError):
    pass


class BrokerUnavailable(TocsinError):
    def __init__(self, bootstrap: str, detail: str) -> None:
        super().__init__(
            f"cannot reach the Kafka broker at {bootstrap} ({detail}): start it (`make kafka-up`) "
            "or point TOCSIN_KAFKA_BOOTSTRAP at a running one"
        )
