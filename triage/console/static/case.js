"use strict";
/* One case: fields, linked conversations, notes (the data come from /api/v1/cases). */
(() => {
  const {t, api, el, show} = Console;
  const id = document.getElementById("case").dataset.id;
  const $ = (selector) => document.getElementById(selector);

  async function load() {
    try {
      const c = await api("GET", `/api/v1/cases/${id}`);
      $("case-reference").textContent = c.reference;
      const fields = {status: c.status, centre: c.centre_code, region: c.region, categories: c.categories.join(", "),
                      referrals: c.referrals.map((r) => r.service_code).join(", "), reports: c.reports.join(", "),
                      outcome: c.outcome || ""};
      $("case-fields").replaceChildren(...Object.entries(fields).flatMap(([k, v]) =>
        [el("dt", {text: t(k)}), el("dd", {text: v || "—"})]));
      $("case-conversations").replaceChildren(...c.conversations.map((cid) =>
        el("li", {}, el("a", {href: `/console/conversations/${cid}`, text: cid.slice(0, 8)}))));
      $("case-notes").replaceChildren(...c.notes.map((n) => el("li", {dir: "auto", text: n.body})));
    } catch (error) { show($("error"), `${t("error")} ${error.message}`); }
  }

  $("case-note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", `/api/v1/cases/${id}/notes`, {body: $("case-note-text").value});
      $("case-note-text").value = "";
      await load();
    } catch (error) { show($("error"), `${t("error")} ${error.message}`); }
  });
  load();
})();
