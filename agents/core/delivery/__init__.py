"""Delivery core: who gets an alert, what is sent, how it is signed, and what to do with the answer.

Pure (pydantic + stdlib + standardwebhooks + slack_sdk models): no I/O, no clock reads, no
randomness. `now`, `jitter` and secret bytes are arguments; `agents.notifiers` does the HTTP.

Modules:
    subscriptions  SubscriptionRequest / Subscription models, `new_subscription`, `matches`
    webhook_message `webhook_id`, `webhook_body` (the Standard Webhooks payload)
    signing        `sign` / `verify` around the `standardwebhooks` reference library
    outcome        DeliveryOutcome, DeliveryResult, `classify_response`, `classify_exception`
    retry          RetryPolicy (schedule as data), `next_attempt`
    slack_blocks   `slack_message`, `slack_digest`, `slack_payload` (Block Kit within limits)
    targets        SSRF checks: `check_target`, `parse_allowed`
    rate           SlackPacer: one message per second per webhook, coalescing into digests
"""
