"use strict";
/* What every console page shares: words in the reader's language, calls to /api/v1 with the session cookie and
   the CSRF header, small DOM helpers, and the live event stream (/console/events). */
const Console = (() => {
  const body = document.body;
  const words = JSON.parse(document.getElementById("words").textContent);
  const csrf = body.dataset.csrf;
  const EVENTS = ["queued", "updated", "claimed", "released", "closed", "message", "sla_breach", "transferred"];

  function t(key) {
    return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
  }

  function describe(data) {
    if (!data) return "";
    if (typeof data === "string") return data;
    const detail = data.detail;
    if (typeof detail === "string") return detail;
    if (detail && detail.error) return detail.error + (detail.detail ? ": " + detail.detail : "");
    return JSON.stringify(detail || data);
  }

  async function api(method, url, payload) {
    const headers = {"Accept": "application/json"};
    if (payload !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET") headers["X-CSRF-Token"] = csrf;
    const response = await fetch(url, {
      method, headers, credentials: "same-origin", cache: "no-store",
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    if (response.status === 401) {
      location.href = "/console/login?next=" + encodeURIComponent(location.pathname);
      throw new Error("signed out");
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (_) { data = text; }
    }
    if (!response.ok) {
      const error = new Error(describe(data) || String(response.status));
      error.status = response.status;
      error.data = data;
      throw error;
    }
    return data;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function duration(seconds) {
    const sign = seconds < 0 ? "-" : "";
    let rest = Math.abs(Math.round(seconds));
    const hours = Math.floor(rest / 3600);
    rest -= hours * 3600;
    const minutes = Math.floor(rest / 60);
    const secs = String(rest % 60).padStart(2, "0");
    return hours ? `${sign}${hours} h ${String(minutes).padStart(2, "0")}` : `${sign}${minutes}:${secs}`;
  }

  function badge(level) {
    return el("span", {className: `badge level-${level}`, text: level});
  }

  function show(node, message) {
    if (!node) return;
    node.textContent = message || "";
    node.hidden = !message;
  }

  /* Queue events can be published just before the change is committed: read now, and again shortly after. */
  function settle(work) {
    work();
    for (const delay of [300, 1000]) setTimeout(work, delay);
  }

  function live(onEvent) {
    const status = document.getElementById("live-status");
    const source = new EventSource("/console/events");
    source.addEventListener("ready", () => {
      status.hidden = true;
      status.classList.remove("lost");
      document.body.dataset.live = "on";
      onEvent("ready", {});
    });
    source.addEventListener("error", () => {
      status.textContent = t("live_lost");
      status.classList.add("lost");
      status.hidden = false;
      document.body.dataset.live = "off";
    });
    for (const type of EVENTS) {
      source.addEventListener(type, (message) => onEvent(type, JSON.parse(message.data)));
    }
    return source;
  }

  return {t, api, el, duration, badge, show, live, settle, username: body.dataset.username, role: body.dataset.role,
          lang: body.dataset.lang, supervisor: ["supervisor", "admin"].includes(body.dataset.role)};
})();
