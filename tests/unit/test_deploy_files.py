"""deploy/ validated without a container engine: Kubernetes schemas, the Compose spec, PromQL,
and every topic and TOCSIN_* variable the files name checked against the code that uses them."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import promql_parser
import pytest
import yaml

from streams.app import create_app
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
    return names | {"TOCSIN_KAFKA_BOOTSTRAP"}  # the alias Settings.from_env reads for `bootstrap`


def _k8s_resources() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [d for name in kustomization["resources"] for d in _docs(K8S / name)]


def _configmap() -> dict[str, str]:
    (cm,) = [d for d in _k8s_resources() if d["kind"] == "ConfigMap"]
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


def test_compose_topic_init_creates_the_external_topics_with_their_configs() -> None:
    script = (DEPLOY / "compose" / "create-topics.sh").read_text()
    table = script.split("<<'TABLE'\n", 1)[1].split("\nTABLE", 1)[0]
    rows = dict(line.split(None, 1) for line in table.splitlines() if line.strip())
    created = {name: dict(c.split("=", 1) for c in cfg.split(",")) for name, cfg in rows.items()}
    expected = {t.name: dict(t.topic_configs) for t in topic_specs(Settings())}
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
    (job,) = prom["scrape_configs"]
    assert job["dns_sd_configs"][0]["names"] == ["worker"]


def _compose_vars() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name, service in _compose()["services"].items():
        out[name] = {k for k in service.get("environment", {}) if k.startswith("TOCSIN_")}
    return out


def test_every_tocsin_variable_in_deploy_is_a_real_setting() -> None:
    known = _settings_vars()
    worker_vars = set(_configmap())
    (sts,) = [d for d in _k8s_resources() if d["kind"] == "StatefulSet"]
    worker_vars |= {e["name"] for e in sts["spec"]["template"]["spec"]["containers"][0]["env"]}
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
    for family in Metrics().registry.collect():  # labelled families have no samples until used
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
