// Console pages: live queue and conversation. Everything is set with textContent.
(function () {
  "use strict";
  const script = document.currentScript;
  const page = script.dataset.page;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  const STATUS = { queued: "wacht", assigned: "overgenomen", closed: "klaar" };
  const REASON = { request_human: "vroeg om een adviseur", fallback: "bot begreep het niet", counsellor: "door adviseur" };

  function showQueue(items) {
    const table = document.getElementById("queue");
    const body = table.querySelector("tbody");
    body.replaceChildren();
    items.forEach((item) => {
      const row = document.createElement("tr");
      const link = el("a", item.ticket);
      link.href = "/console/conversations/" + encodeURIComponent(item.sender_id);
      const first = document.createElement("td");
      first.appendChild(link);
      row.append(
        first,
        el("td", STATUS[item.status] || item.status),
        el("td", REASON[item.reason] || item.reason),
        el("td", item.channel),
        el("td", new Date(item.created_at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" })),
        el("td", item.counsellor || "")
      );
      body.appendChild(row);
    });
    table.hidden = items.length === 0;
    document.getElementById("queue-empty").hidden = items.length > 0;
  }

  if (page === "queue") {
    const source = new EventSource("/console/api/stream");
    source.addEventListener("queue", (event) => showQueue(JSON.parse(event.data).items));
    const start = document.getElementById("new-session");
    start.addEventListener("click", async () => {
      const response = await fetch("/console/api/sessions", {
        method: "POST",
        headers: { "X-CSRF-Token": start.dataset.csrf },
      });
      if (response.ok) {
        const session = await response.json();
        location.href = "/console/conversations/" + encodeURIComponent(session.sender_id);
      }
    });
    return;
  }

  // --- conversation page -----------------------------------------------------
  const sender = script.dataset.sender;
  const csrf = script.dataset.csrf;
  const base = "/console/api/conversations/" + encodeURIComponent(sender);

  async function post(path, body, stateId) {
    const response = await fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail);
      document.getElementById(stateId || "state").textContent = "Dat lukte niet: " + (detail || response.status);
    }
    await refresh();
    return response.ok ? answer : null;
  }

  function profileChanges() {
    const changes = {};
    document.querySelectorAll("#profile-form [name]").forEach((field) => {
      if (field.dataset.initial === field.value) return;
      const number = field.type === "number";
      changes[field.name] = field.value === "" ? null : number ? Number(field.value) : field.value;
    });
    return changes;
  }

  function fillProfileForm(advice) {
    document.querySelectorAll("#profile-form [name]").forEach((field) => {
      // Keep what the counsellor is typing: only untouched fields follow the bot.
      const edited = field.dataset.initial !== undefined && field.value !== field.dataset.initial;
      if (document.activeElement === field || edited) return;
      const value = advice[field.name];
      field.value = value == null ? "" : String(value);
      field.dataset.initial = field.value;
    });
  }

  const OUTCOME = { eligible: "komt in aanmerking", not_eligible: "komt niet in aanmerking", unknown: "nog onbekend" };

  function fundingItem(result) {
    const item = el("li", (result.scheme_name || result.scheme) + ": " + (OUTCOME[result.outcome] || result.outcome));
    const reasons = el("ul");
    (result.reasons || []).forEach((r) => reasons.appendChild(el("li", r.status + " · " + r.explanation)));
    item.appendChild(reasons);
    return item;
  }

  function pathItem(p) {
    return el("li", p.title + " — " + p.steps.map((s) => s.title).join(" → "));
  }

  function line(message) {
    const who = { user: "Klant", bot: "Bot", counsellor: "Adviseur" }[message.role] || message.role;
    const item = el("li", null, "turn " + message.role);
    item.appendChild(el("strong", who + ": "));
    item.appendChild(el("span", message.text || (message.custom ? "[" + message.custom.type + "]" : "")));
    if (message.nlu && message.nlu.intent) {
      const entities = (message.nlu.entities || []).map((e) => e.entity + "=" + e.value).join(", ");
      const conf = message.nlu.confidence != null ? Number(message.nlu.confidence).toFixed(2) : "?";
      item.appendChild(el("div", "NLU: " + message.nlu.intent + " (" + conf + ")" + (entities ? " · " + entities : ""), "nlu"));
    }
    return item;
  }

  function show(view) {
    const state = { queued: "Dit gesprek wacht op een adviseur.", assigned: "Overgenomen door " + view.handoff.counsellor + ". De bot zwijgt.", closed: "De bot praat weer met de klant." };
    const assisted = view.handoff.reason === "counsellor" && view.handoff.status === "closed";
    document.getElementById("state").textContent = assisted
      ? "Sessie met een klant: de bot praat met de klant, jij kijkt mee."
      : state[view.handoff.status] || "";
    fillProfileForm(view.profile.advice || {});
    document.getElementById("notes").replaceChildren(
      ...(view.notes || []).map((n) => el("li", n.text + (n.by ? " (" + n.by + ")" : "")))
    );
    document.getElementById("take").disabled = view.handoff.status === "assigned";
    document.getElementById("handback").disabled = view.handoff.status !== "assigned";
    document.getElementById("reply-form").hidden = view.handoff.status !== "assigned";
    const transcript = document.getElementById("transcript");
    transcript.replaceChildren(...view.transcript.map(line));
    const profile = document.getElementById("profile");
    profile.replaceChildren();
    Object.entries(view.profile.slots).forEach(([name, value]) => {
      if (value == null) return;
      profile.append(el("dt", name), el("dd", Array.isArray(value) ? value.join(", ") : value));
    });
    Object.entries(view.profile.advice || {}).forEach(([name, value]) => {
      if (value == null || (Array.isArray(value) && !value.length)) return;
      profile.append(el("dt", name), el("dd", typeof value === "object" ? JSON.stringify(value) : value));
    });
    document.getElementById("funding").replaceChildren(...view.funding.map(fundingItem));
    document.getElementById("paths").replaceChildren(...view.paths.map(pathItem));
  }

  async function refresh() {
    const response = await fetch(base);
    if (response.ok) show(await response.json());
  }

  document.getElementById("take").addEventListener("click", () => post("/take"));
  document.getElementById("handback").addEventListener("click", () => post("/handback"));
  document.getElementById("reply-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = document.getElementById("reply");
    const text = box.value.trim();
    if (!text) return;
    box.value = "";
    post("/reply", { text: text });
  });
  function onSubmit(formId, boxId, path) {
    document.getElementById(formId).addEventListener("submit", (event) => {
      event.preventDefault();
      const box = document.getElementById(boxId);
      const text = box.value.trim();
      if (!text) return;
      box.value = "";
      post(path, { text: text });
    });
  }
  onSubmit("say-form", "say", "/say");
  onSubmit("note-form", "note", "/notes");
  document.getElementById("profile-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const changes = profileChanges();
    const saved = await post("/profile", { changes: changes }, "profile-state");
    if (saved) {
      document.querySelectorAll("#profile-form [name]").forEach((field) => {
        field.dataset.initial = field.value;
      });
      document.getElementById("profile-state").textContent = "Opgeslagen. De bot gebruikt dit vanaf nu.";
    }
  });
  document.getElementById("what-if").addEventListener("click", async () => {
    const answer = await post("/what-if", { changes: profileChanges() }, "profile-state");
    if (answer) document.getElementById("what-if-paths").replaceChildren(...answer.paths.map(pathItem));
  });
  // "What if" funding: the public check API with the facts the counsellor fills in.
  document.getElementById("funding-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const facts = {};
    ["age", "programme_kind", "has_right_to_student_finance"].forEach((name) => {
      const value = form.elements[name].value;
      if (value === "") return;
      facts[name] = name === "age" ? Number(value) : value === "true" ? true : value === "false" ? false : value;
    });
    const response = await fetch("/api/funding/" + encodeURIComponent(form.elements.scheme.value) + "/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(facts),
    });
    const box = document.getElementById("funding-check");
    const result = await response.json().catch(() => ({}));
    if (response.ok) {
      const list = el("ul");
      list.appendChild(fundingItem(result));
      box.replaceChildren(list);
    } else {
      box.replaceChildren(el("p", "Dat lukte niet: " + JSON.stringify(result.detail)));
    }
  });
  const source = new EventSource(base + "/stream");
  source.addEventListener("turn", refresh);
  refresh();
})();
