"""The kinds of subscription (delivery channels). Add a kind here, then see `channels.py`."""

from typing import Literal

Kind = Literal["webhook", "slack"]
