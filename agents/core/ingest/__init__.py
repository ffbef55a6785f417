"""Feeds and pages in, articles out: the pure decisions behind `tocsin ingest`.

The service (`streams/ingest.py`) does the HTTP, the clock and Kafka; everything it decides
(which URL is the same article, when to poll again, which text to publish) is here, with `now`
passed in. feedparser and trafilatura only parse bytes they are given (no fetching here).
"""
