"""Prometheus metrics, one registry per app so several apps (tests) can share a process."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.articles = Counter("tocsin_articles_total", "Articles consumed", ["result"], registry=r)
        self.dlq_articles = Counter(
            "tocsin_articles_dlq_total", "Articles sent to the dead-letter topic", ["reason"], registry=r
        )
        self.events = Counter("tocsin_events_detected_total", "Detected events", ["type"], registry=r)
        self.events_too_old = Counter(
            "tocsin_events_too_old_total",
            "Events dated before TOCSIN_MAX_EVENT_AGE_DAYS: no alert",
            ["type"],
            registry=r,
        )
        self.alerts = Counter(
            "tocsin_alerts_total", "Alert revisions produced", ["type", "level", "reason"], registry=r
        )
        self.stories_unchanged = Counter(
            "tocsin_stories_unchanged_total",
            "Events that added nothing to a known story",
            ["type"],
            registry=r,
        )
        self.deliveries = Counter(
            "tocsin_deliveries_total", "Delivery attempts", ["kind", "outcome"], registry=r
        )
        self.delivery_latency = Histogram(
            "tocsin_delivery_latency_seconds",
            "Alert detection to successful delivery",
            ["kind"],
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 7200),
            registry=r,
        )
        self.retry_pending = Gauge(
            "tocsin_delivery_retry_pending", "Deliveries waiting in the retry schedule", registry=r
        )
        self.records_skipped = Counter(
            "tocsin_records_skipped_total",
            "Internal records an agent could not read (logged and skipped, never a crash)",
            ["agent"],
            registry=r,
        )
        self.deliveries_dlq = Counter(
            "tocsin_deliveries_dlq_total", "Deliveries that exhausted their retries", ["kind"], registry=r
        )

        self.consumer_lag = Gauge(
            "tocsin_consumer_lag",
            "Records of an owned input partition past the committed offset",
            ["topic", "partition"],
            registry=r,
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
