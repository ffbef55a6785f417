// Tocsin live page: alerts over Server-Sent Events, read with fetch so the bearer token travels
// in a header. Every value from an alert is put into the page as text (textContent / createTextNode),
// never as HTML: an article title is untrusted.
"use strict";

const LEVELS = ["info", "low", "medium", "high", "critical"];
const TOKEN_KEY = "tocsin-token";
const entries = new Map(); // alert id -> entry {id, alert, evidence, revisions}
const open = new Set(); // ids whose details are shown

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// --- filters, kept in the URL -------------------------------------------------------------------

function readFilters() {
  const q = new URLSearchParams(location.search);
  return {
    type: q.get("type") || "",
    min_level: LEVELS.includes(q.get("min_level")) ? q.get("min_level") : "",
    country: (q.get("country") || "").toUpperCase().slice(0, 2),
  };
}

function writeFilters(f) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  const search = q.toString();
  history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
}

function passes(alert, f) {
  if (f.type && alert.event_type !== f.type) return false;
  if (f.min_level && LEVELS.indexOf(alert.severity.level) < LEVELS.indexOf(f.min_level)) return false;
  if (f.country) {
    const places = (alert.entities && alert.entities.places) || [];
    if (!places.some((p) => (p.country_code || "").toUpperCase() === f.country)) return false;
  }
  return true;
}

// --- rendering ----------------------------------------------------------------------------------

function ago(iso) {
  if (!iso) return "";
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return Math.floor(s) + " s ago";
  if (s < 3600) return Math.floor(s / 60) + " min ago";
  if (s < 86400) return Math.floor(s / 3600) + " h ago";
  return Math.floor(s / 86400) + " d ago";
}

function place(alert) {
  const p = ((alert.entities && alert.entities.places) || [])[0];
  if (!p) return "place unknown";
  return p.country_code && p.name !== p.country_code ? `${p.name} (${p.country_code})` : p.name;
}

function target(alert) {
  const t = alert.entities && alert.entities.target;
  if (!t || (!t.name && !t.role)) return null;
  return [t.role, t.name].filter(Boolean).join(" ");
}

function casualties(c) {
  const parts = [];
  if (c.killed !== null && c.killed !== undefined) parts.push(`${c.killed} killed`);
  if (c.injured !== null && c.injured !== undefined) parts.push(`${c.injured} injured`);
  return parts.length ? parts.join(", ") : "no casualty figures";
}

function articleTime(alert) {
  return alert.article_published_at || (alert.article && alert.article.published_at) || alert.first_seen_at;
}

function safeLink(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (_) {
    return null;
  }
}

function marked(sentence, marks) {
  // Offsets are Python code points: index the sentence by code point too.
  const chars = Array.from(sentence);
  const li = el("li");
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > chars.length) continue;
    li.append(document.createTextNode(chars.slice(at, start).join("")));
    li.append(el("mark", {}, chars.slice(start, end).join("")));
    at = end;
  }
  li.append(document.createTextNode(chars.slice(at).join("")));
  return li;
}

function details(entry) {
  const a = entry.alert;
  const factors = el("table", { class: "factors" });
  for (const f of a.severity.factors) {
    const value = f.value === null || f.value === undefined ? "" : String(f.value);
    factors.append(el("tr", {}, el("td", {}, f.name), el("td", {}, value),
      el("td", { class: "num" }, (f.contribution >= 0 ? "+" : "") + f.contribution.toFixed(0))));
  }
  const evidence = el("ol", { class: "evidence" });
  for (const s of entry.evidence) evidence.append(marked(s.text, s.marks));
  const revisions = el("table", { class: "revisions" });
  for (const r of entry.revisions) {
    revisions.append(el("tr", {}, el("td", {}, "r" + r.revision), el("td", {}, r.reason),
      el("td", {}, `${r.level} ${r.score}`), el("td", {}, casualties(r)),
      el("td", {}, `${r.sources} source(s)`), el("td", {}, ago(r.detected_at))));
  }
  const href = a.article && safeLink(a.article.url);
  const link = href
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, a.article.title || href)
    : el("span", {}, (a.article && a.article.title) || "no link");
  return el("div", { class: "details" },
    el("h3", {}, `Severity ${a.severity.score}: factors`), factors,
    el("h3", {}, "Evidence"), evidence,
    el("h3", {}, "Revisions"), revisions,
    el("h3", {}, "Article"), el("p", {}, link, a.article && a.article.source ? ` (${a.article.source})` : ""));
}

function card(entry) {
  const a = entry.alert;
  const level = LEVELS.includes(a.severity.level) ? a.severity.level : "info";
  const who = target(a);
  const row = el("button", { class: "row", type: "button", "aria-expanded": String(open.has(entry.id)) },
    el("span", { class: "level" }, `${level} ${a.severity.score}`),
    el("span", { class: "title" }, a.title),
    el("span", { class: "age", title: articleTime(a) || "" }, ago(articleTime(a))),
    el("span", { class: "meta" },
      el("span", { class: "type" }, a.event_type.replace("_", " ")),
      who ? el("span", { class: "target" }, who) : null,
      el("span", { class: "place" }, place(a)),
      el("span", { class: "casualties" }, casualties(a.casualties)),
      el("span", { class: "sources" }, `${a.sources ? a.sources.count : 1} source(s)`)));
  row.addEventListener("click", () => {
    if (open.has(entry.id)) open.delete(entry.id);
    else open.add(entry.id);
    render();
  });
  const li = el("li", { class: `alert ${level}`, "data-id": entry.id, "data-type": a.event_type }, row);
  if (open.has(entry.id)) li.append(details(entry));
  return li;
}

function render() {
  const f = readFilters();
  const list = $("alerts");
  const shown = [...entries.values()]
    .filter((e) => !e.alert.merged_into && passes(e.alert, f)) // merged: its survivor shows the event
    .sort((x, y) => Date.parse(y.alert.detected_at) - Date.parse(x.alert.detected_at));
  list.replaceChildren(...shown.map(card));
  $("empty").hidden = shown.length > 0 || $("login").hidden === false;
}

// --- the stream ---------------------------------------------------------------------------------

function status(text, live) {
  $("status").textContent = text;
  $("status").classList.toggle("live", !!live);
}

function showLogin(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $("login").hidden = false;
  $("login-error").hidden = !message;
  $("login-error").textContent = message || "";
  $("empty").hidden = true;
  status("signed out");
}

function handle(event, data) {
  if (event === "alert") {
    const entry = JSON.parse(data);
    entries.set(entry.id, entry);
    render();
  } else if (event === "hello") {
    status("live", true);
    render();
  }
}

async function connect(token) {
  let wait = 1000;
  for (;;) {
    try {
      const res = await fetch("/api/v1/alerts/stream", {
        headers: { Authorization: "Bearer " + token, Accept: "text/event-stream" },
        cache: "no-store",
      });
      if (res.status === 401) return showLogin("That token was refused.");
      if (!res.ok || !res.body) throw new Error("HTTP " + res.status);
      wait = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let cut;
        while ((cut = buf.indexOf("\n\n")) >= 0) {
          const frame = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          let event = "message";
          const data = [];
          for (const line of frame.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length) handle(event, data.join("\n"));
        }
      }
      status("reconnecting…");
    } catch (err) {
      status("disconnected, retrying…");
    }
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 15000);
  }
}

function start(token) {
  $("login").hidden = true;
  status("connecting…");
  connect(token);
}

document.addEventListener("DOMContentLoaded", () => {
  const f = readFilters();
  $("f-type").value = f.type;
  $("f-level").value = f.min_level;
  $("f-country").value = f.country;
  $("filters").addEventListener("input", () => {
    writeFilters({
      type: $("f-type").value,
      min_level: $("f-level").value,
      country: $("f-country").value.trim().toUpperCase(),
    });
    render();
  });
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("login").addEventListener("submit", (e) => {
    e.preventDefault();
    const token = $("token").value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    start(token);
  });
  setInterval(render, 30000); // keep "time since" fresh
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) start(token);
  else showLogin();
});
