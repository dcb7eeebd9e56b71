// The auditor's console (issue 19 item 4): signs in at Keycloak with the authorization-code flow and
// PKCE (public client oversight-portal), then reads the audit service's own REST API with the
// user's token, scoped like any other client: a parent sees only what they may.
"use strict";

const CLIENT_ID = "oversight-portal";
const REDIRECT = location.origin + location.pathname;
const COLOURS = {
  "institution-registry": "#3466c2", "escrow-monitor": "#d9822b", "enrolment": "#2e9d5b",
  "fee-approval": "#8a4fbf", "audit": "#777"
};
const $ = (id) => document.getElementById(id);
let token = sessionStorage.getItem("console.token");
let oidc;

async function endpoints() {
  // the realm the service's own OpenAPI document names: one place for it
  const doc = await (await fetch("/q/openapi?format=json")).json();
  const flow = doc.components.securitySchemes.keycloak.flows.authorizationCode;
  return { auth: flow.authorizationUrl, token: flow.tokenUrl, logout: flow.tokenUrl.replace(/token$/, "logout") };
}

function randomText(bytes) {
  const a = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(a);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function login() {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem("console.pkce", JSON.stringify({ verifier, state }));
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const q = new URLSearchParams({
    client_id: CLIENT_ID, response_type: "code", scope: "openid", redirect_uri: REDIRECT,
    state, code_challenge: challenge, code_challenge_method: "S256"
  });
  location.assign(oidc.auth + "?" + q);
}

async function finishLogin(params) {
  const saved = JSON.parse(sessionStorage.getItem("console.pkce") || "{}");
  sessionStorage.removeItem("console.pkce");
  history.replaceState(null, "", REDIRECT);
  if (params.get("state") !== saved.state) {
    throw new Error("the sign-in answer does not belong to this page (state differs)");
  }
  const res = await fetch(oidc.token, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", client_id: CLIENT_ID, code: params.get("code"),
      redirect_uri: REDIRECT, code_verifier: saved.verifier
    })
  });
  if (!res.ok) {
    throw new Error("Keycloak refused the code: " + res.status);
  }
  token = (await res.json()).access_token;
  sessionStorage.setItem("console.token", token);
}

function claims() {
  return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
}

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: "Bearer " + token } });
  const body = res.headers.get("Content-Type")?.includes("json") ? await res.json() : null;
  return { status: res.status, ok: res.ok, body };
}

function problemText(answer) {
  const p = answer.body || {};
  return answer.status + " " + (p.title || "") + (p.detail ? ": " + p.detail : "")
    + (p.rules ? " (" + p.rules.join(", ") + ")" : "");
}

async function timeline(entityId) {
  const events = [];
  let cursor = "";
  for (let page = 0; page < 40; page++) {
    const answer = await api(`/api/v1/audit/timelines/${encodeURIComponent(entityId)}?limit=500`
      + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    if (!answer.ok) {
      return { refused: answer };
    }
    events.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return { events };
}

async function show(entityId) {
  for (const id of ["integrity", "chart", "legend", "detail", "state", "exported"]) {
    $(id).textContent = "";
  }
  $("tools").hidden = true;
  $("status").className = "";
  $("status").textContent = "loading " + entityId + " …";
  const { events, refused } = await timeline(entityId);
  if (refused) {
    $("status").className = "refused";
    $("status").textContent = "Refused: " + problemText(refused);
    return;
  }
  const findings = await api(`/api/v1/audit/findings?entityId=${encodeURIComponent(entityId)}&limit=200`);
  const marks = findings.ok ? findings.body.items : [];
  $("status").textContent = `${events.length} events of ${entityId}`
    + (findings.ok ? `, ${marks.length} compliance finding(s)` : "");
  draw(events, marks);
  await integrity(entityId);
  $("tools").hidden = false;
  $("tools").dataset.entity = entityId;
  // an id several aggregates share (an institution's registry record and escrow supervision):
  // the export names the chain of the first one
  const own = events.filter((e) => e.aggregateId === entityId).map((e) => e.aggregateType);
  $("tools").dataset.chain = own.length ? own[0] : "";
}

async function integrity(entityId) {
  const report = await api(`/api/v1/audit/verification?entityId=${encodeURIComponent(entityId)}`);
  const checkpoint = await api("/api/v1/audit/checkpoints/latest");
  const out = $("integrity");
  if (report.status === 403) {
    out.textContent = "Chain verification: for auditors only";
    return;
  }
  const r = report.body || {};
  const problems = [r.versionGaps, r.versionDuplicates, r.sequenceGaps, r.sequenceDuplicates, r.chainProblems]
    .filter(Boolean).flat();
  const verdict = document.createElement("span");
  verdict.id = "verdict";
  verdict.className = r.ok ? "ok" : "broken";
  verdict.textContent = r.ok ? `chain verified: ${r.events} events, no gap, hashes intact (${r.rule})`
    : `chain BROKEN (${r.rule}): ` + problems.map((p) => JSON.stringify(p)).join("; ");
  out.append(verdict);
  if (checkpoint.ok) {
    const c = checkpoint.body;
    out.append(` · covering checkpoint #${c.id} of ${c.createdAt}, ${c.treeSize} events, key ${c.keyId}`);
  }
}

function draw(events, findings) {
  const lanes = [];
  for (const e of events) {
    const lane = e.aggregateType + "/" + e.aggregateId;
    if (!lanes.includes(lane)) {
      lanes.push(lane);
    }
  }
  const times = events.map((e) => Date.parse(e.time)).concat(findings.map((f) => Date.parse(f.detectedAt)));
  const t0 = Math.min(...times), t1 = Math.max(...times, t0 + 1);
  const left = 260, width = 1000, laneHeight = 28, top = 20;
  const height = top + (lanes.length + (findings.length ? 1 : 0)) * laneHeight + 30;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - 20);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", left + width);
  svg.setAttribute("height", height);
  const text = (parent, px, py, value, cls) => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", px); t.setAttribute("y", py); t.setAttribute("class", cls);
    t.textContent = value; parent.append(t); return t;
  };
  lanes.forEach((lane, i) => {
    const g = document.createElementNS(ns, "g");
    g.setAttribute("class", "lane");
    g.dataset.lane = lane;
    const y = top + i * laneHeight;
    text(g, 4, y + 4, lane.length > 40 ? lane.slice(0, 39) + "…" : lane, "lane-label");
    for (const e of events.filter((ev) => ev.aggregateType + "/" + ev.aggregateId === lane)) {
      const c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", x(Date.parse(e.time))); c.setAttribute("cy", y); c.setAttribute("r", 6);
      // CloudEvents source "/oversight/<service>"
      c.setAttribute("fill", COLOURS[e.source.split("/").pop()] || "#444");
      c.setAttribute("class", "event");
      const rule = e.data && (e.data.ruleId || e.data.rule || (e.data.rules || []).join(", "));
      const title = document.createElementNS(ns, "title");
      title.textContent = `${e.type.split(".").slice(-2).join(".")} v${e.aggregateVersion}\n${e.time}`
        + `\nby ${e.actor} (${e.actorRole || "system"})` + (rule ? `\nrule ${rule}` : "");
      c.append(title);
      c.addEventListener("click", () => { $("detail").textContent = JSON.stringify(e, null, 2); });
      g.append(c);
    }
    svg.append(g);
  });
  if (findings.length) {
    const y = top + lanes.length * laneHeight;
    text(svg, 4, y + 4, "compliance findings", "lane-label");
    for (const f of findings) {
      const px = x(Date.parse(f.detectedAt));
      const mark = document.createElementNS(ns, "path");
      mark.setAttribute("d", `M${px} ${y - 7} L${px + 7} ${y + 6} L${px - 7} ${y + 6} Z`);
      mark.setAttribute("class", "finding");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${f.ruleId} ${f.kind}\n${f.detail}\n${f.detectedAt}` + (f.resolvedAt ? `\nresolved ${f.resolvedAt}` : "");
      mark.append(title);
      mark.addEventListener("click", () => { $("detail").textContent = JSON.stringify(f, null, 2); });
      svg.append(mark);
    }
  }
  text(svg, left, height - 8, new Date(t0).toISOString(), "axis");
  text(svg, left + width - 160, height - 8, new Date(t1).toISOString(), "axis");
  $("chart").append(svg);
  $("legend").innerHTML = Object.entries(COLOURS)
    .map(([service, colour]) => `<span><i style="background:${colour}"></i>${service}</span>`).join("")
    + (findings.length ? `<span><i style="background:#d22;border-radius:0"></i>finding</span>` : "");
}

async function asOf(event) {
  event.preventDefault();
  const entityId = $("tools").dataset.entity;
  const instant = new Date($("asof-time").value).toISOString();
  const answer = await api(`/api/v1/audit/entities/${encodeURIComponent(entityId)}/state?time=${encodeURIComponent(instant)}`);
  $("state").textContent = answer.ok
    ? `as of ${answer.body.asOf} (${answer.body.aggregateType}):\n` + JSON.stringify(answer.body.state, null, 2)
    : "Refused: " + problemText(answer);
}

async function exportEntity() {
  const entityId = $("tools").dataset.entity;
  const chain = $("tools").dataset.chain;
  const answer = await api(`/api/v1/audit/exports/${encodeURIComponent(entityId)}`
    + (chain ? "?aggregateType=" + encodeURIComponent(chain) : ""));
  if (!answer.ok) {
    $("exported").textContent = "Refused: " + problemText(answer);
    return;
  }
  const lines = answer.body.ndjson.split("\n").filter((l) => l.trim()).length;
  const blob = new Blob([JSON.stringify(answer.body, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `audit-export-${entityId}.json`;
  link.textContent = `download ${chain || entityId} (${lines} events, signed manifest)`;
  link.id = "export-link";
  $("exported").replaceChildren("exported: ", link);
}

async function main() {
  oidc = await endpoints();
  const params = new URLSearchParams(location.search);
  if (params.has("code")) {
    await finishLogin(params);
  }
  if (!token || claims().exp * 1000 < Date.now()) {
    token = null;
    $("signin").hidden = false;
    return;
  }
  const who = claims();
  $("who").textContent = `${who.preferred_username} (${(who.realm_access?.roles || [])
    .filter((r) => !r.startsWith("default-") && r !== "offline_access" && r !== "uma_authorization").join(", ")})`;
  $("logout").hidden = false;
  $("app").hidden = false;
  const entity = params.get("entity");
  if (entity) {
    $("entity").value = entity;
    await show(entity);
  }
}

$("login").addEventListener("click", login);
$("logout").addEventListener("click", () => {
  sessionStorage.removeItem("console.token");
  location.assign(oidc.logout + "?" + new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: REDIRECT }));
});
$("search").addEventListener("submit", (e) => { e.preventDefault(); show($("entity").value.trim()); });
$("asof").addEventListener("submit", asOf);
$("export").addEventListener("click", exportEntity);
main().catch((e) => {
  $("status").className = "refused";
  $("status").textContent = String(e);
  $("signin").hidden = false;
});
