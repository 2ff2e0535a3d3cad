"use strict";
// The fleet console page: tiles from server-sent events, actions as JSON POSTs with the session's CSRF token.
const $ = (sel, root = document) => root.querySelector(sel);
const frontOfHouse = location.pathname === "/view";
let me = { role: null, csrf: null };
let fleet = { tiles: [], groups: {}, alerts: [], stories: [] };
const tiles = new Map();

function duration(seconds) {
  if (seconds == null) return "—";
  seconds = Math.floor(seconds);
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
  return h ? `${h} h ${m} min` : `${m} min ${s} s`;
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf || "" },
    body: JSON.stringify(body),
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: response.statusText }; }
  return { status: response.status, data };
}

function say(text) { $("#outcome").textContent = text; }

function outcome(label, result) {
  if (result.status !== 200 && !result.data.replies) { say(`${label}: ${result.data.error || result.status}`); return; }
  const replies = Object.entries(result.data.replies || {});
  const failed = replies.filter(([, r]) => r.status !== "ok");
  say(failed.length
    ? `${label}: ${replies.length - failed.length} ok, failed on ` +
      failed.map(([k, r]) => `${k} (${(r.error && r.error.message) || r.status})`).join(", ")
    : `${label}: done on ${replies.map(([k]) => k).join(", ") || "no kiosk"}`);
}

async function action(name, target, value) {
  const result = await post("/api/action", { action: name, value, ...target });
  outcome(`${name} → ${target.kiosk || (target.group ? "group " + target.group : "all kiosks")}`, result);
  if (result.status === 401) refreshMe();
}

function confirmThen(text, then) {
  const dialog = $("#confirm");
  $("#confirm-text").textContent = text;
  dialog.returnValue = "";
  dialog.onclose = () => { if (dialog.returnValue === "ok") then(); };
  dialog.showModal();
  $("#confirm-ok").focus();
}

function makeTile(name) {
  const node = $("#tile").content.firstElementChild.cloneNode(true);
  node.dataset.kiosk = name;
  node.setAttribute("aria-label", `kiosk ${name}`);
  $(".name", node).textContent = name;
  node.querySelectorAll("[data-action]").forEach((button) => {
    button.setAttribute("aria-label", `${button.textContent} ${name}`);
    button.addEventListener("click", () => {
      const what = button.dataset.action;
      if (what === "go") return action("go", { kiosk: name }, $(".story-choice", node).value);
      if (what === "screenshot") return screenshot(name, node);
      if (what === "quit") return confirmThen(`Quit ${name}? Its supervisor restarts it.`,
                                              () => action("quit", { kiosk: name }));
      action(what, { kiosk: name });
    });
  });
  const volume = $(".volume-input", node);
  volume.setAttribute("aria-label", `volume ${name}`);
  volume.addEventListener("change", () => action("volume", { kiosk: name }, parseFloat(volume.value)));
  $("#tiles").appendChild(node);
  tiles.set(name, node);
  return node;
}

async function screenshot(name, node) {
  say(`screenshot of ${name}…`);
  const response = await fetch(`/api/screenshot/${encodeURIComponent(name)}`, { credentials: "same-origin" });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error; } catch (e) { /* not JSON */ }
    say(`screenshot of ${name}: ${message}`);
    return;
  }
  const img = $(".shot", node);
  if (img.src) URL.revokeObjectURL(img.src);
  img.src = URL.createObjectURL(await response.blob());
  img.alt = `screenshot of ${name}`;
  img.hidden = false;
  say(`screenshot of ${name}: shown on its tile`);
}

function fill(select, items, keep) {
  const old = select.value;
  const wanted = items.map((i) => i.value + "\u0000" + i.label).join("\u0001");
  if (select.dataset.items === wanted) return;
  select.dataset.items = wanted;
  select.replaceChildren(...items.map((i) => new Option(i.label, i.value)));
  if (keep && items.some((i) => i.value === old)) select.value = old;
}

function render() {
  const stories = fleet.stories.map((s) => ({ value: s.id, label: s.title || s.id }));
  for (const t of fleet.tiles) {
    const node = tiles.get(t.name) || makeTile(t.name);
    node.dataset.status = t.status;
    node.style.setProperty("--status", t.colour);
    $(".badge", node).textContent = t.word;
    $(".story", node).textContent = t.story || "—";
    $(".scene", node).textContent = t.scene || "—";
    $(".language", node).textContent = t.language || "—";
    $(".volume", node).textContent = t.volume == null ? "—" : `${Math.round(t.volume * 100)} %${t.muted ? " (muted)" : ""}`;
    $(".uptime", node).textContent = duration(t.uptime);
    $(".version", node).textContent = [t.version, t.release && `release ${t.release}`].filter(Boolean).join(", ") || "—";
    $(".groups", node).textContent = t.groups.join(", ") || "—";
    $(".error", node).textContent = t.last_error || (t.errors ? `${t.errors} logged` : "none");
    $(".note", node).textContent = [t.opens && `opens ${t.opens}`, t.note,
                                    t.link === "late" && `no answer for ${t.seen_ago} s`].filter(Boolean).join(" · ");
    const volume = $(".volume-input", node);
    if (document.activeElement !== volume && t.volume != null) volume.value = t.volume;
    fill($(".story-choice", node), stories, true);
  }
  for (const [name, node] of tiles) if (!fleet.tiles.some((t) => t.name === name)) { node.remove(); tiles.delete(name); }
  const counts = {};
  fleet.tiles.forEach((t) => { counts[t.word] = (counts[t.word] || 0) + 1; });
  $("#summary").textContent = `${fleet.tiles.length} kiosks: ` +
    Object.entries(counts).map(([word, n]) => `${n} ${word}`).join(", ");
  $("#alerts").replaceChildren(...fleet.alerts.map((a) => {
    const p = document.createElement("p");
    p.textContent = `⚠ ${a.message} (since ${new Date(a.since * 1000).toLocaleTimeString()})`;
    return p;
  }));
  fill($("#group"), Object.keys(fleet.groups).map((g) => ({ value: g, label: `${g} (${fleet.groups[g].join(", ")})` })), true);
  fill($("#group-story"), stories, true);
  fill($("#group-language"), [{ value: "", label: "as each kiosk is" }].concat(
    (fleet.languages || []).map((l) => ({ value: l, label: l }))), true);
  $("#group-row").hidden = !Object.keys(fleet.groups).length;
  renderSync(fleet.sync);
}

function renderSync(sync) {
  const box = $("#sync");
  if (!sync) { box.hidden = true; return; }
  box.hidden = false;
  const spread = sync.monotonic_spread_ms != null ? sync.monotonic_spread_ms : sync.spread_ms;
  const head = document.createElement("p");
  head.id = "sync-summary";
  head.textContent = sync.ok
    ? `Synchronised start of ${sync.story} on ${sync.group}: first-frame spread ` +
      (spread == null ? "not reported" : `${spread.toFixed(2)} ms`)
    : `Synchronised start of ${sync.story} on ${sync.group} failed: ` +
      Object.entries(sync.problems).map(([k, v]) => `${k}: ${v}`).join("; ");
  const table = document.createElement("table");
  table.innerHTML = "<thead><tr><th>kiosk</th><th>clock offset</th><th>round trip</th></tr></thead>";
  const body = document.createElement("tbody");
  for (const [name, o] of Object.entries(sync.offsets || {})) {
    const row = body.insertRow();
    [name, `${o.offset_ms.toFixed(3)} ms`, `${o.delay_ms.toFixed(3)} ms`].forEach((text) => { row.insertCell().textContent = text; });
  }
  table.appendChild(body);
  box.replaceChildren(head, table);
}

async function refreshMe() {
  const response = await fetch("/api/me", { credentials: "same-origin" });
  me = await response.json();
  const technician = me.role === "technician";
  document.body.classList.toggle("readonly", !technician || frontOfHouse);
  $("#controls").hidden = !technician || frontOfHouse;
  $("#login").hidden = !!me.role || (frontOfHouse && me.open_view && !me.staff_login);
  $("#logout").hidden = !me.role;
  $("#role").textContent = me.role ? `logged in: ${me.role}` : (frontOfHouse ? "front of house (view only)" : "");
  if (me.role || me.open_view) listen();
}

let source = null;
function listen() {
  if (source) return;
  source = new EventSource("/api/events");
  source.addEventListener("fleet", (event) => { fleet = JSON.parse(event.data); render(); });
  source.onerror = () => { $("#summary").textContent = "console connection lost — retrying…"; };
}

document.addEventListener("DOMContentLoaded", () => {
  $("#login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await post("/api/login", { passcode: $("#passcode").value });
    $("#passcode").value = "";
    $("#login-error").textContent = result.status === 200 ? "" : result.data.error;
    await refreshMe();
  });
  $("#logout").addEventListener("click", async () => { await post("/api/logout", {}); location.reload(); });
  $("#stop-all").addEventListener("click", () => confirmThen("Stop every kiosk?", () => action("stop", {})));
  $("#blackout-all").addEventListener("click", () => confirmThen("Black out every kiosk?", () => action("blackout", {})));
  $("#wake-all").addEventListener("click", () => action("wake", {}));
  document.querySelectorAll("[data-group-action]").forEach((button) => button.addEventListener("click",
    () => action(button.dataset.groupAction, { group: $("#group").value })));
  $("#group-language-set").addEventListener("click", () => {
    const language = $("#group-language").value;
    if (language) action("language", { group: $("#group").value }, language);
    else say("choose a language first");
  });
  $("#sync-go").addEventListener("click", async () => {
    const group = $("#group").value, story = $("#group-story").value, language = $("#group-language").value;
    say(`starting ${story} on ${group} in sync…`);
    const result = await post("/api/sync", { group, story, language: language || null });
    if (result.data.story) { fleet.sync = result.data; renderSync(result.data); }
    say(result.status === 200 ? `${story} started on ${group}` : `sync start: ${result.data.error ||
      Object.values(result.data.problems || {}).join("; ")}`);
  });
  refreshMe();
});
