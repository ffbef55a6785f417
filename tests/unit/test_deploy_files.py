"""deploy/ validated without a container engine: Kubernetes schemas, the Compose spec, PromQL,
and every topic and TOCSIN_* variable the files name checked against the code that uses them."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import promql_parser
import pytest
import yaml

from streams.app import create_app
from streams.ingest import IngestMetrics
from streams.ingest_seen import seen_topic_spec
from streams.ingest_settings import IngestSettings
from streams.ingest_sources import load_sources
from streams.metrics import Metrics
from streams.settings import Settings
from streams.topics import topic_specs

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"
KUBERNETES = "1.33"
# Variables read by something other than the worker's Settings, and by what.
OTHER_VARS = {"TOCSIN_RECEIVER_SECRET": "streams/receiver_main.py"}


def _docs(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def _settings_vars() -> set[str]:
    names = {f"TOCSIN_{name.upper()}" for name in Settings.model_fields}
    names |= {f"TOCSIN_INGEST_{name.upper()}" for name in IngestSettings.model_fields}
    return names | {"TOCSIN_KAFKA_BOOTSTRAP"}  # the alias Settings.from_env reads for `bootstrap`


def _k8s_resources() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [d for name in kustomization["resources"] for d in _docs(K8S / name)]


def _configmap(name: str = "tocsin") -> dict[str, str]:
    (cm,) = [d for d in _k8s_resources() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == name]
    return dict(cm["data"])


# A KafkaTopic as Strimzi's v1beta2 CRD defines its spec (topicName, partitions, replicas, config).
KAFKA_TOPIC = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "kafka.strimzi.io/v1beta2"},
        "kind": {"const": "KafkaTopic"},
        "metadata": {
            "type": "object",
            "required": ["name", "labels"],
            "properties": {
                "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", "maxLength": 253},
                "labels": {"type": "object", "required": ["strimzi.io/cluster"]},
            },
        },
        "spec": {
            "type": "object",
            "additionalProperties": False,
            "required": ["topicName", "partitions", "replicas"],
            "properties": {
                "topicName": {"type": "string"},
                "partitions": {"type": "integer", "minimum": 1},
                "replicas": {"type": "integer", "minimum": 1, "maximum": 32767},
                "config": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        },
    },
}


def test_kustomization_lists_every_manifest_and_each_is_valid_kubernetes() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == on_disk
    kinds = set()
    for doc in _k8s_resources() + _docs(K8S / "secret.example.yaml"):
        kinds.add(doc["kind"])
        if doc["kind"] == "KafkaTopic":
            jsonschema.validate(doc, KAFKA_TOPIC)
        else:
            kubernetes_validate.validate(doc, KUBERNETES, strict=True)
    assert {"StatefulSet", "Service", "ConfigMap", "PodDisruptionBudget", "KafkaTopic", "Secret"} <= kinds


def test_an_invalid_manifest_is_caught() -> None:
    (sts,) = [d for d in _k8s_resources() if d["kind"] == "StatefulSet"]
    sts["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["prot"] = 6066
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(sts, KUBERNETES, strict=True)


def test_worker_pods_have_probes_resources_a_stable_id_and_secret_tokens() -> None:
    (sts,) = [d for d in _k8s_resources() if d["kind"] == "StatefulSet"]
    (c,) = sts["spec"]["template"]["spec"]["containers"]
    assert c["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert c["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert c["resources"]["requests"]["cpu"] and c["resources"]["requests"]["memory"]
    env = {e["name"]: e for e in c["env"]}
    assert env["TOCSIN_WORKER_ID"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    assert "secretKeyRef" in env["TOCSIN_ADMIN_TOKEN"]["valueFrom"]  # never a literal token
    assert sts["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


def _expected_topics(partitions: int) -> dict[str, tuple[int, dict[str, str]]]:
    """Every topic a worker uses: name -> (partitions, configs), from the code itself."""
    settings = Settings(partitions=partitions, data_dir=Path("/tmp/tocsin-deploy-test"))
    out = {t.name: (partitions, dict(t.topic_configs)) for t in topic_specs(settings)}
    rt = create_app(settings)
    for table in rt.app.tables.values():
        out[table.changelog_topic.get_topic_name()] = (partitions, {"cleanup.policy": "compact"})
    out[f"{settings.app_id}-__assignor-__leader"] = (1, {})  # Faust's leader topic: one partition
    seen = seen_topic_spec(settings)
    out[seen.name] = (seen.num_partitions, dict(seen.topic_configs))
    return out


def test_strimzi_topics_match_the_topics_the_code_declares() -> None:
    partitions = int(_configmap()["TOCSIN_PARTITIONS"])
    declared = {
        d["spec"]["topicName"]: (d["spec"]["partitions"], d["spec"].get("config", {}))
        for d in _k8s_resources()
        if d["kind"] == "KafkaTopic"
    }
    expected = _expected_topics(partitions)
    assert set(declared) == set(expected)
    for name, (parts, configs) in expected.items():
        assert declared[name][0] == parts, name
        assert configs.items() <= declared[name][1].items(), name


def test_compose_topic_init_creates_the_external_topics_with_their_configs(tmp_path: Path) -> None:
    """Runs the script itself, with a recorder in place of the image's kafka-topics.sh."""
    log = tmp_path / "calls"
    recorder = tmp_path / "kafka-topics.sh"
    recorder.write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    recorder.chmod(0o755)
    env = {**os.environ, "KAFKA_TOPICS_SH": str(recorder), "TOCSIN_KAFKA_BOOTSTRAP": "kafka:9092"}
    env["TOCSIN_PARTITIONS"] = "6"
    script = DEPLOY / "compose" / "create-topics.sh"
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True)
    created: dict[str, tuple[int, dict[str, str]]] = {}
    for call in log.read_text().splitlines():
        words = call.split()
        opts = [(a, b) for a, b in itertools.pairwise(words) if a.startswith("--")]
        configs = dict(b.split("=", 1) for a, b in opts if a == "--config")
        assert "--if-not-exists" in words  # re-running topic-init must not fail
        created[dict(opts)["--topic"]] = (int(dict(opts)["--partitions"]), configs)
    settings = Settings(partitions=6)
    expected = {t.name: (6, dict(t.topic_configs)) for t in topic_specs(settings)}
    seen = seen_topic_spec(settings)
    expected[seen.name] = (1, dict(seen.topic_configs))
    assert created == expected


def _compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_file_follows_the_compose_specification() -> None:
    schema = json.loads(
        resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("compose-spec.json").read_text()
    )
    # The vendored file names draft 7 as ".../draft-07/schema" (no "#"), which jsonschema does not
    # look up by itself.
    validator = jsonschema.Draft7Validator(schema)
    validator.validate(_compose())
    broken = _compose()
    broken["services"]["worker"]["restart"] = ["always"]
    assert not validator.is_valid(broken)


def test_compose_workers_can_scale_and_are_all_scraped() -> None:
    compose = _compose()
    worker = compose["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker  # `--scale worker=3` must work
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:")
    assert worker["depends_on"]["topic-init"]["condition"] == "service_completed_successfully"
    prom = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    jobs = {j["job_name"]: j["dns_sd_configs"][0] for j in prom["scrape_configs"]}
    assert jobs["tocsin"]["names"] == ["worker"] and jobs["tocsin"]["port"] == 6066
    ingest = compose["services"]["ingest"]
    assert jobs["tocsin-ingest"]["names"] == ["ingest"]
    assert str(jobs["tocsin-ingest"]["port"]) in ingest["expose"]
    assert "container_name" not in ingest and "ports" not in ingest


def _feeds_files() -> list[str]:
    return [_configmap("tocsin-feeds")["feeds.txt"], (DEPLOY / "compose" / "feeds.txt").read_text()]


def test_the_feeds_files_example_line_is_one_tocsin_ingest_reads(tmp_path: Path) -> None:
    for n, text in enumerate(_feeds_files()):
        examples = [line.lstrip("# ") for line in text.splitlines() if line.startswith("# http")]
        path = tmp_path / f"feeds{n}.txt"
        path.write_text("\n".join(examples) + "\n")
        (source,) = load_sources([str(path)], default_interval=300.0)
        assert source.url.startswith("https://") and source.interval_s == 300.0


def test_the_ingester_runs_from_the_feeds_configmap_non_root_with_probes() -> None:
    (dep,) = [d for d in _k8s_resources() if d["kind"] == "Deployment"]
    spec = dep["spec"]["template"]["spec"]
    (c,) = spec["containers"]
    assert c["args"][0] == "ingest"
    (mount,) = [m for m in c["volumeMounts"] if m["name"] == "feeds"]
    assert c["args"][1] == f"{mount['mountPath']}/feeds.txt"
    (vol,) = [v for v in spec["volumes"] if v["name"] == "feeds"]
    assert vol["configMap"]["name"] == "tocsin-feeds"
    assert int(c["ports"][0]["containerPort"]) == IngestSettings().metrics_port
    assert c["readinessProbe"] and c["livenessProbe"]["httpGet"]["path"] == "/metrics"
    assert c["resources"]["requests"]["cpu"] and c["resources"]["requests"]["memory"]
    assert spec["securityContext"]["runAsNonRoot"] is True


def _compose_vars() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, service in _compose()["services"].items():
        out[name] = {k for k in service.get("environment", {}) if k.startswith("TOCSIN_")}
    return out


def test_every_tocsin_variable_in_deploy_is_a_real_setting() -> None:
    known = _settings_vars()
    worker_vars = set(_configmap())
    for workload in [d for d in _k8s_resources() if d["kind"] in ("StatefulSet", "Deployment")]:
        worker_vars |= {e["name"] for e in workload["spec"]["template"]["spec"]["containers"][0]["env"]}
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    worker_vars |= set(re.findall(r"\b(TOCSIN_[A-Z0-9_]+)=", dockerfile))
    for service, names in _compose_vars().items():
        if service == "receiver":
            assert names <= set(OTHER_VARS)
        else:
            worker_vars |= names
    assert worker_vars and worker_vars <= known, sorted(worker_vars - known)
    assert "TOCSIN_RECEIVER_SECRET" in (DEPLOY.parent / OTHER_VARS["TOCSIN_RECEIVER_SECRET"]).read_text()


def _metric_names(expr: str) -> set[str]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, promql_parser.VectorSelector) and node.name:
            names.add(node.name)
        for attr in ("expr", "lhs", "rhs", "vector_selector", "param"):
            child = getattr(node, attr, None)
            if child is not None and not isinstance(child, (str, int, float)):
                walk(child)
        for arg in getattr(node, "args", None) or []:
            walk(arg)

    walk(promql_parser.parse(expr))
    return names


def _registry_names() -> set[str]:
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}
    names = {"up"}  # Prometheus' own per-target series
    families = [*Metrics().registry.collect(), *IngestMetrics().registry.collect()]
    for family in families:  # labelled families have no samples until used
        names |= {family.name + suffix for suffix in suffixes[family.type]}
    return names


def test_prometheus_rules_parse_and_use_metrics_the_worker_exposes() -> None:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "tocsin-rules.yaml").read_text())
    (group,) = rules["groups"]
    alerts = {r["alert"]: r for r in group["rules"]}
    assert {
        "TocsinWorkerDown",
        "TocsinConsumerLagGrowing",
        "TocsinDeliveriesFailing",
        "TocsinArticlesDLQGrowing",
    } <= set(alerts)
    exposed = _registry_names()
    for rule in alerts.values():
        used = _metric_names(rule["expr"])
        assert used and used <= exposed, (rule["alert"], used - exposed)
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"]
    with pytest.raises(ValueError):
        promql_parser.parse("sum by (kind (rate(tocsin_deliveries_total[5m]))")


def test_grafana_dashboard_queries_parse_and_use_existing_metrics() -> None:
    dashboard = json.loads((DEPLOY / "grafana" / "tocsin-dashboard.json").read_text())
    exposed = _registry_names()
    seen: set[str] = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            used = _metric_names(target["expr"])
            assert used <= exposed, (panel["title"], used - exposed)
            seen |= used
    tocsin = {n for n in exposed if n.startswith("tocsin_") and not n.endswith(("_count", "_sum"))}
    assert tocsin - seen == set(), "metrics without a panel"


def test_dockerfile_is_slim_non_root_pinned_and_healthchecked() -> None:
    raw = (DEPLOY / "Dockerfile").read_text().splitlines()
    lines = [line.strip() for line in raw if line.strip() and not line.startswith("#")]
    assert re.match(r"FROM python:3\.1[1-9]-slim", lines[0])
    assert any(line.startswith("RUN pip install -c requirements.lock") for line in lines)
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] != "USER root" and users[-1] != "USER 0"
    text = "\n".join(lines)
    assert "HEALTHCHECK" in text and "/healthz" in text.split("HEALTHCHECK", 1)[1]
