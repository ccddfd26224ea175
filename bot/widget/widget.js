/*
 * Leerwijzer chat widget: one classic script, no framework, no third-party code.
 *
 *   <script src="https://chat.example.nl/widget.js" data-title="Studiechat"
 *           data-color="#00587a" async></script>
 *
 * It lives in a shadow root so the host page's CSS cannot break it (nor it the
 * page). Everything from the user or the bot is put in the page with
 * textContent, never as HTML; links come only from structured `url` fields.
 */
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script || window.__leerwijzerWidget) return;
  window.__leerwijzerWidget = true;

  const config = {
    base: new URL(script.src, location.href).origin,
    title: script.dataset.title || "Leerwijzer",
    color: validColor(script.dataset.color) || "#00587a",
    open: script.dataset.open === "true",
    // The college or leerwerkloket whose counsellors take over when asked.
    organisation: script.dataset.organisation || null,
  };
  const STORAGE_KEY = "leerwijzer.sender_id";
  const WELCOME =
    "Hoi! Ik help je een opleiding of cursus te kiezen. Ik zoek ook uit hoe je die betaalt. Wat wil je weten?";
  const PRIVACY =
    "Ik bewaar dit gesprek, zodat je na het herladen verder kunt. Met 'Nieuw gesprek' wis je alles. Geef geen gegevens die ik niet vraag.";
  const NO_CONNECTION = "Sorry, er is nu geen verbinding. Probeer het zo nog eens.";

  // --- small helpers -------------------------------------------------------

  function validColor(value) {
    return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : null;
  }

  // WCAG relative luminance: the text colour on the brand colour is whichever
  // of white or near-black has the higher contrast, so any colour stays AA.
  function textOn(hex) {
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? "#ffffff" : "#111111";
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function safeUrl(value) {
    try {
      const url = new URL(String(value));
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (_err) {
      return null;
    }
  }

  function link(href, text) {
    const a = el("a", "link", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function euros(amount) {
    return "€ " + Number(amount).toLocaleString("nl-NL", { maximumFractionDigits: 0 });
  }

  function dateNl(iso) {
    const date = new Date(iso + "T12:00:00");
    return isNaN(date) ? String(iso) : date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  function newSenderId() {
    if (window.crypto && crypto.randomUUID) return "web-" + crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function storedSenderId() {
    try {
      let id = localStorage.getItem(STORAGE_KEY);
      if (!id) {
        id = newSenderId();
        localStorage.setItem(STORAGE_KEY, id);
      }
      return id;
    } catch (_err) {
      return newSenderId(); // storage blocked: the conversation lasts one page view
    }
  }

  // --- the shell -------------------------------------------------------------

  const host = document.createElement("div");
  host.setAttribute("data-leerwijzer", "");
  const root = host.attachShadow({ mode: "open" });
  const style = el("link");
  style.rel = "stylesheet";
  style.href = config.base + "/widget.css";
  root.appendChild(style);
  host.style.setProperty("--lw-brand", config.color);
  host.style.setProperty("--lw-on-brand", textOn(config.color));

  const launcher = el("button", "launcher", "Chat met " + config.title);
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "lw-panel");

  const panel = el("section", "panel");
  panel.id = "lw-panel";
  panel.hidden = true;
  panel.setAttribute("aria-labelledby", "lw-title");

  const header = el("div", "header");
  const title = el("h2", "title", config.title);
  title.id = "lw-title";
  const resetButton = el("button", "reset", "Nieuw gesprek");
  resetButton.type = "button";
  const closeButton = el("button", "close", "×");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", "Chat sluiten");
  header.append(title, resetButton, closeButton);

  const log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", "Gesprek");
  log.tabIndex = 0; // scrollable region: keyboard users can scroll it

  const typing = el("div", "typing");
  typing.setAttribute("role", "status");

  const form = el("form", "composer");
  const label = el("label", "visually-hidden", "Je bericht");
  label.htmlFor = "lw-input";
  const input = el("input", "input");
  input.id = "lw-input";
  input.type = "text";
  input.autocomplete = "off";
  input.maxLength = 2000; // the gateway's default limit
  input.placeholder = "Typ je vraag";
  const sendButton = el("button", "send", "Verstuur");
  sendButton.type = "submit";
  form.append(label, input, sendButton);

  panel.append(header, el("p", "privacy", PRIVACY), log, typing, form);
  root.append(launcher, panel);
  document.body.appendChild(host);

  // --- rendering (text only, never HTML) --------------------------------------

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function bubble(text, who) {
    const item = el("div", "msg " + who);
    const speaker = { user: "Jij: ", bot: config.title + ": ", counsellor: "Adviseur: ", error: "Let op: " }[who];
    item.append(el("span", "visually-hidden", speaker), el("span", "", text));
    log.appendChild(item);
    return item;
  }

  function buttonRow(buttons) {
    const row = el("div", "buttons");
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Antwoorden om te kiezen");
    buttons.forEach((choice) => {
      const button = el("button", "choice", choice.title);
      button.type = "button";
      button.setAttribute("aria-pressed", "false");
      // Buttons stay: people scroll back and pick another answer.
      button.addEventListener("click", () => {
        row.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", "false"));
        button.setAttribute("aria-pressed", "true");
        send(choice.payload, choice.title);
      });
      row.appendChild(button);
    });
    return row;
  }

  function fact(list, name, value) {
    if (value == null || value === "") return;
    list.append(el("dt", "", name), el("dd", "", value));
  }

  function courseCard(course) {
    const card = el("li", "card");
    const level = course.level ? " (niveau " + course.level + ")" : "";
    card.appendChild(el("h3", "card-title", course.title + level));
    const facts = el("dl", "facts");
    const where = course.distance_km != null && course.distance_km > 0
      ? course.place + " (" + Math.round(course.distance_km) + " km)" : course.place;
    fact(facts, "Aanbieder", course.provider);
    fact(facts, "Plaats", where);
    fact(facts, "Zo leer je", (course.learning_modes || []).join(", ").toUpperCase());
    fact(facts, "Duur", course.duration_weeks ? course.duration_weeks + " weken" : null);
    fact(facts, "Prijs", course.price_eur == null ? "vraag de school" : euros(course.price_eur));
    const starts = (course.start_dates || []).slice(0, 3).map(dateNl).join(", ");
    fact(facts, "Start", starts || null);
    card.appendChild(facts);
    const url = course.url && safeUrl(course.url);
    if (url) card.appendChild(link(url, "Meer over " + course.title));
    return card;
  }

  function courseList(custom) {
    const list = el("ul", "cards");
    list.setAttribute("aria-label", "Opleidingen (" + custom.total + " gevonden)");
    (custom.courses || []).forEach((course) => list.appendChild(courseCard(course)));
    return list;
  }

  function pathView(path) {
    const box = el("div", "path");
    box.appendChild(el("h3", "path-title", path.title || "Jouw route"));
    const steps = el("ol", "steps");
    (path.steps || []).forEach((step) => {
      const item = el("li", "step");
      item.appendChild(el("strong", "", step.title));
      if (step.why) item.appendChild(el("p", "why", step.why));
      if (step.course) {
        const c = step.course;
        const price = c.price_eur == null ? "prijs: vraag de school" : euros(c.price_eur);
        item.appendChild(el("p", "where", [c.provider, c.place, price].join(" · ")));
        const url = c.url && safeUrl(c.url);
        if (url) item.appendChild(link(url, "Meer over " + c.title));
      }
      const payers = (step.funding || []).map((f) => f.title).filter(Boolean);
      if (payers.length) item.appendChild(el("p", "payers", "Wie kan betalen: " + payers.join(", ")));
      steps.appendChild(item);
    });
    box.appendChild(steps);
    const totals = [];
    if (path.cost_eur) totals.push("Kosten samen: " + euros(path.cost_eur));
    if (path.weeks) totals.push("Duur: ongeveer " + path.weeks + " weken");
    if (totals.length) box.appendChild(el("p", "totals", totals.join(" · ")));
    (path.notes || []).forEach((note) => box.appendChild(el("p", "note", note)));
    return box;
  }

  const OUTCOME = {
    eligible: "Je komt in aanmerking",
    not_eligible: "Je komt niet in aanmerking",
    unknown: "Dat weet ik nog niet zeker",
  };
  const STATUS = { pass: "Klopt", fail: "Klopt niet", unknown: "Nog onbekend" };

  function eligibilityView(result) {
    const box = el("div", "eligibility outcome-" + result.outcome);
    box.appendChild(el("h3", "", (result.scheme_name || result.scheme) + ": " + (OUTCOME[result.outcome] || "")));
    if (result.amount_eur != null) box.appendChild(el("p", "amount", "Bedrag: " + euros(result.amount_eur)));
    const reasons = el("ul", "reasons");
    (result.reasons || []).forEach((reason) => {
      const item = el("li", "reason " + reason.status);
      item.append(el("strong", "", (STATUS[reason.status] || reason.status) + ": "), el("span", "", reason.explanation));
      const source = safeUrl(reason.source);
      if (source) {
        item.append(" ", link(source, "Bron"));
      } else if (reason.source) {
        item.appendChild(el("span", "source", " (bron: " + reason.source + ")"));
      }
      reasons.appendChild(item);
    });
    box.appendChild(reasons);
    const options = (result.alternatives || []).filter((a) => a.title);
    if (options.length) {
      box.appendChild(el("p", "", "Andere manieren om te betalen:"));
      const list = el("ul", "alternatives");
      options.forEach((option) => {
        const item = el("li", "", option.title);
        const url = option.url && safeUrl(option.url);
        if (url) item.append(" ", link(url, "Meer over " + option.title));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    return box;
  }

  function handoffView(custom) {
    const box = el("div", "handoff");
    box.setAttribute("role", "status");
    const text = custom.status === "assigned"
      ? "Een adviseur kijkt nu mee en antwoordt hier."
      : "Je vraag staat in de wachtrij voor een adviseur.";
    box.appendChild(el("p", "", text));
    if (custom.ticket) box.appendChild(el("p", "ticket", "Je nummer: " + custom.ticket));
    return box;
  }

  function renderCustom(custom) {
    if (!custom || typeof custom !== "object") return null;
    if (custom.type === "course_list") return courseList(custom);
    if (custom.type === "path") return pathView(custom);
    if (custom.type === "eligibility" && custom.result) return eligibilityView(custom.result);
    if (custom.type === "handoff") return handoffView(custom);
    return null;
  }

  function render(message, who) {
    if (message.custom && message.custom.type === "erased") {
      // Erased on the server: this page forgets too and starts a new conversation.
      startOver();
    }
    if (message.text) bubble(message.text, who);
    const structured = renderCustom(message.custom);
    if (structured) log.appendChild(structured);
    if (message.buttons && message.buttons.length) log.appendChild(buttonRow(message.buttons));
    scrollToEnd();
  }

  function welcome() {
    render({ text: WELCOME }, "bot");
  }

  // --- talking to the gateway --------------------------------------------------

  // An assisted session opened on the phone: this device joins that conversation.
  const wanted = script.dataset.senderId;
  const joined = wanted && /^[A-Za-z0-9_.:@-]{1,128}$/.test(wanted) ? wanted : null;
  if (joined) {
    try {
      localStorage.setItem(STORAGE_KEY, joined);
    } catch (_err) {
      /* storage blocked: the id below still holds for this page view */
    }
  }
  let senderId = joined || storedSenderId();
  let queue = Promise.resolve();
  let pending = 0;

  function setTyping(on) {
    pending += on ? 1 : -1;
    typing.textContent = pending > 0 ? config.title + " typt…" : "";
    typing.classList.toggle("active", pending > 0);
  }

  function metadata() {
    const data = { channel: "widget" };
    if (config.organisation) data.organisation = config.organisation;
    return data;
  }

  function roleOf(message) {
    return message.role === "user" || message.role === "counsellor" ? message.role : "bot";
  }

  // A counsellor's messages arrive without the person asking: a server-sent stream.
  let live = null;
  function listen() {
    if (live) live.close();
    if (!window.EventSource) return;
    live = new EventSource(config.base + "/api/conversations/" + encodeURIComponent(senderId) + "/stream");
    live.onmessage = (event) => {
      try {
        const message = JSON.parse(event.data);
        render(message, roleOf(message));
      } catch (_err) {
        /* not a message: ignore */
      }
    };
  }

  async function post(message) {
    const response = await fetch(config.base + "/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender_id: senderId, message: message, metadata: metadata() }),
    });
    let body = null;
    try {
      body = await response.json();
    } catch (_err) {
      body = null;
    }
    if (!response.ok || !body || !Array.isArray(body.messages)) {
      const detail = body && typeof body.detail === "string" ? body.detail : "Dat bericht kon ik niet versturen.";
      bubble(detail, "error");
      return;
    }
    body.messages.forEach((m) => render(m, "bot"));
  }

  // Messages go one after the other, so answers come in the order asked.
  function send(message, shown) {
    bubble(shown || message, "user");
    scrollToEnd();
    setTyping(true);
    queue = queue
      .then(() => post(message))
      .catch(() => bubble(NO_CONNECTION, "error"))
      .finally(() => {
        setTyping(false);
        scrollToEnd();
      });
    return queue;
  }

  async function loadHistory() {
    try {
      const response = await fetch(config.base + "/api/conversations/" + encodeURIComponent(senderId) + "/messages");
      if (!response.ok) throw new Error("history " + response.status);
      const body = await response.json();
      const messages = body.messages || [];
      if (!messages.length) welcome();
      messages.forEach((m) => render(m, roleOf(m)));
    } catch (_err) {
      welcome();
    }
  }

  function startOver() {
    senderId = newSenderId();
    try {
      localStorage.setItem(STORAGE_KEY, senderId);
    } catch (_err) {
      /* storage blocked: keep the new id for this page view */
    }
    log.replaceChildren();
    listen();
  }

  async function reset() {
    const old = senderId;
    startOver();
    try {
      // Starting over also erases the old conversation on the server.
      await fetch(config.base + "/api/conversations/" + encodeURIComponent(old), { method: "DELETE" });
      bubble("Je vorige gesprek is gewist.", "bot");
    } catch (_err) {
      bubble("Het wissen van je vorige gesprek lukte niet. Probeer het later opnieuw.", "error");
    }
    welcome();
    input.focus();
  }

  // --- behaviour ------------------------------------------------------------------

  let historyLoaded = null;

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    if (!historyLoaded) {
      historyLoaded = loadHistory();
      listen();
    }
    historyLoaded.then(scrollToEnd);
    input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  resetButton.addEventListener("click", reset);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  // Phones: keep the panel inside the visible area when the keyboard opens.
  if (window.visualViewport) {
    const fit = () => {
      if (window.matchMedia("(max-width: 480px)").matches) {
        panel.style.height = window.visualViewport.height + "px";
        panel.style.top = window.visualViewport.offsetTop + "px";
      } else {
        panel.style.height = "";
        panel.style.top = "";
      }
      scrollToEnd();
    };
    window.visualViewport.addEventListener("resize", fit);
    fit();
  }
  input.addEventListener("focus", () => setTimeout(scrollToEnd, 300));

  if (config.open) open();
})();
