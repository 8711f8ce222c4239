"use strict";
/* One conversation: transcript with delivery status, handoff packet, reports, reply with an SMS segment counter
   and the WhatsApp 24-hour warning, canned replies, notes, case, categories, referral, transfer, release, close. */
(() => {
  const {t, api, el, badge, show, username} = Console;
  const root = document.getElementById("conversation");
  const id = root.dataset.id;
  const base = `/api/v1/conversations/${id}`;
  const $ = (selector) => document.getElementById(selector);
  const FINAL = new Set(["delivered", "read", "failed", "undelivered"]);
  let current = null;
  let choices = null;
  let caseId = null;
  let categoriesEdited = false; /* a refresh must not undo categories picked but not saved yet */
  let poll = null;

  function notice(message) { show($("notice"), message); }
  function fail(error) { show($("error"), `${t("error")} ${error.message}`); }

  function message(m) {
    const delivery = m.delivery ? el("span", {className: `delivery ${m.delivery.status}`,
      text: m.delivery.status + (m.delivery.error ? ` (${m.delivery.error})` : "")}) : null;
    return el("li", {className: `msg ${m.author} ${m.direction}`, "data-author": m.author},
      el("div", {className: "who"}, t(`author_${m.author}`), " · ",
        el("time", {datetime: m.created_at, text: new Date(m.created_at).toLocaleTimeString()}), " ", delivery),
      el("div", {className: "body", dir: "auto", text: m.body}));
  }

  function handoff(packet) {
    const rows = Object.entries(packet || {}).map(([key, value]) =>
      [el("dt", {text: key}), el("dd", {dir: "auto", text: typeof value === "string" ? value : JSON.stringify(value)})]);
    $("handoff").replaceChildren(...rows.flat());
  }

  function reports(list) {
    if (!list.length) return $("reports").replaceChildren(el("p", {className: "muted", text: t("no_reports")}));
    $("reports").replaceChildren(...list.map((r) => el("div", {className: "report"},
      el("h3", {}, badge(r.level), " ", r.reference),
      el("dl", {className: "kv"}, Object.entries(r.answers).flatMap(([key, value]) =>
        [el("dt", {text: key}), el("dd", {dir: "auto", text: String(value)})])))));
  }

  function header(c) {
    $("level").replaceChildren(badge(c.level));
    $("state").textContent = t(`state_${c.state}`);
    const bits = [c.channel, c.language, c.region, c.child_age !== null ? `${t("age")} ${c.child_age}` : null,
                  c.reporter, c.centre].filter(Boolean);
    $("meta").textContent = bits.join(" · ");
    $("holder").textContent = c.claimed_by ? `${t("holder")} ${c.claimed_by}` : "";
    $("take").hidden = c.state !== "queued";
    const mine = c.state === "claimed" && c.claimed_by === username;
    $("reply-form").hidden = !mine;
    if (document.activeElement !== $("new-level")) $("new-level").value = c.level;
    root.dataset.state = c.state;
    root.dataset.mine = mine ? "yes" : "no";
  }

  function render(c) {
    current = c;
    header(c);
    $("transcript").replaceChildren(...c.messages.map(message));
    $("signals").replaceChildren(...c.signals.map((s) =>
      el("li", {}, el("code", {text: s.code}), " ", el("q", {dir: "auto", text: s.evidence}))));
    handoff(c.handoff);
    reports(c.reports);
    const pending = c.messages.some((m) => m.author === "staff" && m.delivery && !FINAL.has(m.delivery.status));
    if (pending && !poll) poll = setTimeout(() => { poll = null; load(); }, 3000);
  }

  function movedAway() {
    root.dataset.state = "elsewhere";
    root.dataset.mine = "no";
    for (const node of document.querySelectorAll("#reply-form, #actions-card, #take")) node.hidden = true;
    notice(t("moved_away"));
  }

  async function load() {
    try {
      render(await api("GET", base));
      await loadContext();
    } catch (error) {
      if (error.status === 403 && current) movedAway(); /* transferred to a centre one cannot see */
      else fail(error);
    }
  }

  async function loadContext() {
    const context = await api("GET", `/console/api/conversations/${id}/context`);
    $("notes").replaceChildren(...context.notes.map((n) =>
      el("li", {}, el("b", {text: n.author}), " ", el("span", {dir: "auto", text: n.body}))));
    if (context.case) await showCase(context.case.id);
  }

  async function showCase(newId) {
    caseId = newId;
    const c = await api("GET", `/api/v1/cases/${caseId}`);
    $("open-case").hidden = true;
    $("case-detail").hidden = false;
    $("case-link").textContent = c.reference;
    $("case-link").href = `/console/cases/${c.id}`;
    if (!categoriesEdited) {
      for (const option of $("categories").options) option.selected = c.categories.includes(option.value);
    }
    $("referrals").replaceChildren(...c.referrals.map((r) => el("li", {text: r.service_code})));
    if (!$("services").options.length) {
      const services = await api("GET", `/api/v1/services${c.region ? `?region=${c.region}` : ""}`);
      $("services").replaceChildren(...services.map((s) => el("option", {value: s.code, text: `${s.name} (${s.code})`})));
    }
  }

  function options(select, items) {
    select.append(...items.map(([value, text]) => el("option", {value, text})));
  }

  function cannedFor(language) {
    const canned = choices.canned;
    const name = (document.querySelector("header .who b") || {}).textContent || username;
    const list = canned[language] || canned[{darija: "darija_lat"}[language]] || canned[Console.lang] || canned.fr;
    return list.map((text) => text.replace("{name}", name));
  }

  async function loadChoices() {
    choices = await api("GET", "/console/api/choices");
    options($("to-staff"), choices.colleagues.map((c) => [c.username, `${c.display_name} (${c.role}${c.centre ? ", " + c.centre : ""})`]));
    options($("to-centre"), choices.centres.map((c) => [c.code, c.name]));
    options($("categories"), choices.categories.map((c) => [c, c]));
    options($("outcome"), choices.outcomes.map((o) => [o, t(`outcome_${o}`)]));
  }

  function counter() {
    const text = $("reply-text").value;
    const count = Sms.count(text);
    const label = `${count.units} ${t("characters")} · ${count.encoding} · ${count.segments} ${t("segments")}`;
    $("sms-counter").textContent = label;
    $("sms-counter").dataset.segments = count.segments;
    $("sms-counter").dataset.encoding = count.encoding;
  }

  async function act(work, message) {
    show($("error"), "");
    try {
      const answer = await work();
      if (answer && answer.id === id && answer.messages) render(answer);
      notice(message || t("done"));
      Console.settle(load); /* the API commits just after it answers: read now and again shortly */
    } catch (error) { fail(error); }
  }

  $("take").addEventListener("click", async () => {
    $("take").disabled = true;
    try {
      render(await api("POST", `${base}/claim`));
      notice(t("done"));
    } catch (error) {
      const by = error.data && error.data.detail && error.data.detail.claimed_by;
      if (by) notice(`${t("taken_by")} ${by}`); else fail(error);
      await load();
    } finally { $("take").disabled = false; }
  });

  $("reply-text").addEventListener("input", counter);
  $("canned").addEventListener("change", () => {
    if ($("canned").value) $("reply-text").value = $("canned").value;
    $("canned").value = "";
    counter();
    $("reply-text").focus();
  });

  $("reply-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    show($("template-warning"), "");
    $("send").disabled = true;
    try {
      const sent = await api("POST", `${base}/messages`, {text: $("reply-text").value});
      if (sent.status === "template_needed") {
        show($("template-warning"), t("template_needed").replace("{sid}", sent.template_sid || "?"));
      } else if (sent.status === "opted_out") {
        show($("template-warning"), t("opted_out"));
      } else {
        $("reply-text").value = "";
        counter();
        notice(t("sent"));
      }
      Console.settle(load);
    } catch (error) { fail(error); } finally { $("send").disabled = false; }
  });

  $("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(() => api("POST", `${base}/notes`, {body: $("note-text").value}).then(() => { $("note-text").value = ""; }));
  });
  $("open-case").addEventListener("click", () =>
    act(async () => { const c = await api("POST", "/api/v1/cases", {conversation_id: id}); caseId = c.id; }));
  $("categories").addEventListener("change", () => { categoriesEdited = true; });
  $("save-categories").addEventListener("click", () => act(async () => {
    await api("PUT", `/api/v1/cases/${caseId}/categories`,
      {categories: [...$("categories").selectedOptions].map((o) => o.value)});
    categoriesEdited = false;
  }));
  $("refer").addEventListener("click", () =>
    act(() => api("POST", `/api/v1/cases/${caseId}/referrals`, {service_code: $("services").value})));
  $("transfer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const payload = $("to-staff").value ? {to_staff: $("to-staff").value} : {to_centre: $("to-centre").value};
    act(() => api("POST", `${base}/transfer`, payload));
  });
  $("level-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(() => api("POST", `${base}/level`, {level: $("new-level").value}));
  });
  $("release").addEventListener("click", () => act(() => api("POST", `${base}/release`)));
  $("close-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act(() => api("POST", `${base}/close`, {outcome: $("outcome").value}));
  });

  Console.live((type, event) => {
    if (event.conversation_id !== id) return;
    if (type === "claimed" && event.by !== username) notice(`${t("taken_by")} ${event.by}`);
    Console.settle(load);
  });
  loadChoices().then(() => {
    load().then(() => {
      const select = $("canned");
      options(select, cannedFor(current ? current.language : null).map((text) => [text, text.slice(0, 70)]));
    });
  }).catch(fail);
  counter();
})();
