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
    return;
  }

  // --- conversation page -----------------------------------------------------
  const sender = script.dataset.sender;
  const csrf = script.dataset.csrf;
  const base = "/console/api/conversations/" + encodeURIComponent(sender);

  async function post(path, body) {
    const response = await fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    });
    if (!response.ok) {
      const detail = await response.json().catch(() => ({}));
      document.getElementById("state").textContent = "Dat lukte niet: " + (detail.detail || response.status);
    }
    await refresh();
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
    document.getElementById("state").textContent = state[view.handoff.status] || "";
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
    document.getElementById("funding").replaceChildren(
      ...view.funding.map((r) => el("li", (r.scheme_name || r.scheme) + ": " + r.outcome))
    );
    document.getElementById("paths").replaceChildren(
      ...view.paths.map((p) => el("li", p.title + " — " + p.steps.map((s) => s.title).join(" → ")))
    );
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
  const source = new EventSource(base + "/stream");
  source.addEventListener("turn", refresh);
  refresh();
})();
