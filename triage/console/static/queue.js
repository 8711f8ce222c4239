"use strict";
/* The live queue: rows arrive and leave without reloading (server-sent events), a new P1 raises a banner,
   a sound made on the spot with WebAudio and a browser notification. */
(() => {
  const {t, api, el, duration, badge, show} = Console;
  const queueBody = document.querySelector("#queue tbody");
  const claimedBody = document.querySelector("#claimed tbody");
  const alerted = new Set();
  const pending = new Map(); /* rows announced by an event, shown at once; the read that follows completes them */
  const PENDING_MS = 5000;
  let entries = [];
  let claimedNow = [];
  let refreshing = null;
  let again = false;
  let audio = null;

  function signals(entry) {
    return el("ul", {className: "signals"}, entry.signals.map((s) =>
      el("li", {}, el("code", {text: s.code}), " ", el("q", {dir: "auto", text: s.evidence}))));
  }

  function waiting(entry, now) {
    if (!entry.waiting_since) return "";
    const waited = (now - Date.parse(entry.waiting_since)) / 1000;
    const left = entry.deadline ? (Date.parse(entry.deadline) - now) / 1000 : null;
    const late = left !== null && left < 0;
    const target = left === null ? "" : late ? ` (${duration(-left)} ${t("overdue")})` : ` (${duration(left)} ${t("left")})`;
    return {text: duration(waited) + target, late};
  }

  function take(id, button) {
    button.disabled = true;
    api("POST", `/api/v1/conversations/${id}/claim`).then(() => {
      location.href = `/console/conversations/${id}`;
    }).catch((error) => {
      button.disabled = false;
      const by = error.data && error.data.detail && error.data.detail.claimed_by;
      show(document.getElementById("queue-error"), by ? `${t("taken_by")} ${by}` : `${t("error")} ${error.message}`);
      refresh();
    });
  }

  function queueRow(entry, now) {
    const wait = waiting(entry, now);
    const button = el("button", {type: "button", className: "primary take", text: t("take")});
    button.addEventListener("click", () => take(entry.conversation_id, button));
    return el("tr", {"data-id": entry.conversation_id, "data-level": entry.level, className: `level-${entry.level}`,
                     "data-provisional": entry.provisional ? "yes" : null},
      el("td", {}, badge(entry.level)),
      el("td", {}, signals(entry)),
      el("td", {className: wait.late ? "wait late" : "wait", text: wait.text}),
      el("td", {text: entry.channel}),
      el("td", {text: entry.language || "?"}),
      el("td", {text: entry.region || "?"}),
      el("td", {text: entry.child_age === null ? "?" : entry.child_age}),
      el("td", {text: entry.centre || ""}),
      el("td", {className: "row-actions"}, button, " ",
        el("a", {href: `/console/conversations/${entry.conversation_id}`, text: t("open")})));
  }

  function claimedRow(item) {
    return el("tr", {"data-id": item.conversation_id, className: `level-${item.level}`},
      el("td", {}, badge(item.level)), el("td", {text: item.channel}), el("td", {text: item.language || "?"}),
      el("td", {text: item.region || "?"}), el("td", {text: item.centre || ""}), el("td", {text: item.claimed_by || ""}),
      el("td", {}, el("a", {href: `/console/conversations/${item.conversation_id}`, text: t("open")})));
  }

  function tick() {
    const now = Date.now();
    for (const row of queueBody.querySelectorAll("tr")) {
      const entry = entries.find((e) => e.conversation_id === row.dataset.id);
      if (!entry) continue;
      const cell = row.querySelector(".wait");
      const wait = waiting(entry, now);
      cell.textContent = wait.text;
      cell.classList.toggle("late", wait.late);
    }
  }

  function beep() {
    if (!audio) return;
    if (audio.state === "suspended") audio.resume();
    const start = audio.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "square";
      osc.frequency.value = i % 2 ? 660 : 990;
      gain.gain.setValueAtTime(0.0001, start + i * 0.3);
      gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.3 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.3 + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.3);
      osc.stop(start + i * 0.3 + 0.27);
    }
  }

  function alarm(entry) {
    const banner = document.getElementById("p1-alert");
    banner.hidden = false;
    banner.dataset.conversation = entry.conversation_id;
    document.title = "⚠ P1 · " + t("live_queue");
    beep();
    if ("Notification" in window && Notification.permission === "granted") {
      new Notification("P1", {body: t("new_p1_alert"), tag: entry.conversation_id, requireInteraction: true});
    }
  }

  function provisional(event) {
    return {provisional: true, conversation_id: event.conversation_id, level: event.level, signals: [], channel: "…", language: null,
            region: null, centre: event.centre, child_age: null, waiting_since: null, deadline: null};
  }

  function merged(queue) {
    const now = Date.now();
    const known = new Set(queue.map((e) => e.conversation_id));
    for (const [id, item] of pending) {
      if (known.has(id) || now - item.at > PENDING_MS) pending.delete(id);
    }
    const extra = [...pending.values()].map((item) => item.entry);
    const rank = (e) => Number(e.level.slice(1)) * 1e13 + (e.deadline ? Date.parse(e.deadline) : now);
    return [...queue, ...extra].sort((a, b) => rank(a) - rank(b));
  }

  function announce(type, event) {
    if (!event.conversation_id) return;
    if ((type === "queued" || type === "updated") && event.state === "queued") {
      pending.set(event.conversation_id, {at: Date.now(), entry: provisional(event)});
      if (!entries.some((e) => e.conversation_id === event.conversation_id)) render(entries, claimedNow);
    } else if (["claimed", "closed", "released"].includes(type)) {
      pending.delete(event.conversation_id);
    }
  }

  function render(serverQueue, claimed) {
    const queue = merged(serverQueue.filter((e) => !e.provisional));
    entries = queue;
    claimedNow = claimed;
    const now = Date.now();
    queueBody.replaceChildren(...queue.map((entry) => queueRow(entry, now)));
    claimedBody.replaceChildren(...claimed.map(claimedRow));
    document.getElementById("queue-empty").hidden = queue.length > 0;
    document.getElementById("claimed-empty").hidden = claimed.length > 0;
    for (const entry of queue) {
      if (entry.level === "P1" && !alerted.has(entry.conversation_id)) {
        alerted.add(entry.conversation_id);
        alarm(entry);
      }
    }
    if (!queue.some((e) => e.level === "P1")) document.title = t("live_queue");
  }

  async function load() {
    const [queue, claimed] = await Promise.all([api("GET", "/api/v1/queue"), api("GET", "/console/api/claimed")]);
    render(queue, claimed);
  }

  function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = load().catch((error) => show(document.getElementById("queue-error"), `${t("error")} ${error.message}`))
      .finally(() => {
        refreshing = null;
        if (again) {
          again = false;
          refresh();
        }
      });
    return refreshing;
  }

  function slaBreach(event) {
    const banner = document.getElementById("sla-alert");
    const list = document.getElementById("sla-list");
    list.append(el("a", {href: `/console/conversations/${event.conversation_id}`,
      text: `${event.level} ${event.centre || ""} (+${duration(event.overdue_seconds || 0)})`}), " ");
    banner.hidden = false;
    beep();
  }

  function enableSound() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    audio.resume();
    localStorage.setItem("helpline.sound", "on");
    const button = document.getElementById("sound-on");
    button.textContent = t("sound_on");
    button.setAttribute("aria-pressed", "true");
  }

  document.getElementById("sound-on").addEventListener("click", enableSound);
  document.getElementById("notify-on").addEventListener("click", () => {
    if ("Notification" in window) Notification.requestPermission();
  });
  document.getElementById("p1-dismiss").addEventListener("click", () => {
    document.getElementById("p1-alert").hidden = true;
  });
  document.getElementById("sla-dismiss").addEventListener("click", () => {
    document.getElementById("sla-alert").hidden = true;
    document.getElementById("sla-list").replaceChildren();
  });
  if (localStorage.getItem("helpline.sound") === "on") {
    document.addEventListener("click", enableSound, {once: true});
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context) audio = new Context();
  }
  if ("Notification" in window && Notification.permission !== "default") {
    document.getElementById("notify-on").hidden = true;
  }

  Console.live((type, event) => {
    if (type === "sla_breach") slaBreach(event);
    announce(type, event);
    Console.settle(refresh);
  });
  refresh();
  setInterval(tick, 1000);
  setInterval(refresh, 30000);
})();
