// Minimal chat page: everything is rendered with textContent, never as HTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  const key = "leerwijzer.sender_id";
  let senderId = localStorage.getItem(key);
  if (!senderId) {
    senderId = "web-" + crypto.randomUUID();
    localStorage.setItem(key, senderId);
  }

  function bubble(text, cls) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function courseCard(course) {
    const card = document.createElement("div");
    card.className = "card";
    const title = document.createElement("h3");
    title.textContent = course.title + (course.level ? " (niveau " + course.level + ")" : "");
    const details = document.createElement("p");
    const price = course.price_eur == null ? "prijs op aanvraag" : "€ " + course.price_eur;
    details.textContent = [course.provider, course.place, course.learning_modes.join(", ").toUpperCase(), price].join(" · ");
    card.append(title, details);
    if (course.url && /^https?:\/\//.test(course.url)) {
      const link = document.createElement("a");
      link.href = course.url;
      link.rel = "noopener";
      link.target = "_blank";
      link.textContent = "Meer informatie";
      card.appendChild(link);
    }
    return card;
  }

  function render(message) {
    if (message.text) bubble(message.text, "bot");
    if (message.custom && message.custom.type === "course_list") {
      const list = document.createElement("div");
      message.custom.courses.forEach((course) => list.appendChild(courseCard(course)));
      log.appendChild(list);
    }
    if (message.buttons && message.buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      message.buttons.forEach((b) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", () => send(b.payload, b.title));
        row.appendChild(button);
      });
      log.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }

  async function send(message, shown) {
    bubble(shown || message, "user");
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender_id: senderId, message: message }),
      });
      const body = await response.json();
      if (!response.ok) {
        bubble(typeof body.detail === "string" ? body.detail : "Dat bericht kon ik niet versturen.", "error");
        return;
      }
      body.messages.forEach(render);
    } catch (err) {
      bubble("Sorry, er is geen verbinding. Probeer het zo nog eens.", "error");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
