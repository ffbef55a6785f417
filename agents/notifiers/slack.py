"""POST messages to Slack incoming webhooks (the URL is a credential: never logged).

Slack's answers differ from a webhook's (only 200 "ok" is success, `retry_after` in the body):
`classify_response` reads them by `kind`.
"""

from __future__ import annotations

from agents.notifiers.base import HttpNotifier


class SlackNotifier(HttpNotifier):
    kind = "slack"
