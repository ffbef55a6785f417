"""The kinds of subscription (delivery channels). Add a kind here, then see `channels.py`."""

from typing import Literal

# "slack": an incoming-webhook URL (a new message per revision); "slack_api": a bot token and a
# channel on the Web API (one thread per alert: agents/core/delivery/slack_api.py).
Kind = Literal["webhook", "slack", "slack_api"]
