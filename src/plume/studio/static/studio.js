// plume studio: the little JavaScript the pages need (no build step, no inline script: the
// Content-Security-Policy only allows this file). Article text is never put in the page as
// HTML here: highlights toggle classes on markup the server built and escaped.
"use strict";

(function () {
  const lang = document.body.dataset.lang || "fr";
  const withLang = (url) => (lang === "en" ? url + (url.includes("?") ? "&" : "?") + "lang=en" : url);
  const $ = (sel) => document.querySelector(sel);
  const fill = (tpl, values) => tpl.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : ""));

  function showError(el, message) {
    el.textContent = message;
    el.hidden = false;
  }

  async function errorMessage(response, fallback) {
    try {
      const body = await response.json();
      if (body && body.error && body.error.message) return body.error.message;
    } catch (e) {
      /* not JSON */
    }
    return fallback + " (HTTP " + response.status + ")";
  }

  // --- the form: start a run, follow its progress --------------------------------------------
  const form = $("#run-form");
  if (form) {
    const i18n = $("#i18n").dataset;
    const errorEl = $("#error");
    const progress = $("#progress");
    const progressText = $("#progress-text");
    const progressTime = $("#progress-time");
    const buttons = form.querySelectorAll("button[type=submit]");

    const busy = (on) => buttons.forEach((b) => (b.disabled = on));

    async function poll(id, started) {
      let status;
      try {
        const r = await fetch(withLang("/api/runs/" + encodeURIComponent(id)), { headers: { Accept: "application/json" } });
        if (!r.ok) throw new Error(await errorMessage(r, i18n.network));
        status = await r.json();
      } catch (e) {
        progress.hidden = true;
        busy(false);
        showError(errorEl, e.message || i18n.network);
        return;
      }
      progressText.textContent = status.message;
      progressTime.textContent = fill(i18n.elapsed, { s: Math.round((Date.now() - started) / 1000) });
      if (status.status === "done") {
        window.location.assign(withLang(status.page_url));
      } else if (status.status === "failed") {
        progress.hidden = true;
        busy(false);
        showError(errorEl, status.error ? status.error.message : status.message);
      } else {
        window.setTimeout(() => poll(id, started), 400);
      }
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      errorEl.hidden = true;
      const data = new FormData(form);
      const action = event.submitter && event.submitter.value ? event.submitter.value : "analyse";
      data.set("action", action);
      const file = $("#file").files[0];
      if (!file) data.delete("file");
      if (!file && !$("#text").value.trim()) {
        showError(errorEl, i18n.empty);
        return;
      }
      busy(true);
      progress.hidden = false;
      progressText.textContent = "…";
      const started = Date.now();
      let response;
      try {
        response = await fetch(withLang("/api/runs"), { method: "POST", body: data, headers: { Accept: "application/json" } });
      } catch (e) {
        progress.hidden = true;
        busy(false);
        showError(errorEl, i18n.network);
        return;
      }
      if (!response.ok) {
        progress.hidden = true;
        busy(false);
        showError(errorEl, await errorMessage(response, i18n.network));
        return;
      }
      const status = await response.json();
      poll(status.id, started);
    });

    // The brief on the first line prefills the fields the editor left empty.
    const briefEl = $("#brief");
    let lastFirstLine = null;
    let timer = null;
    async function readBrief(body) {
      try {
        const r = await fetch(withLang("/api/brief"), { method: "POST", body, headers: { Accept: "application/json" } });
        if (!r.ok) return;
        const info = await r.json();
        const b = info.brief;
        if (!b) {
          briefEl.hidden = true;
          return;
        }
        if (b.keyphrase && !$("#keyphrase").value) $("#keyphrase").value = b.keyphrase;
        if (b.min_words && !$("#min_words").value) $("#min_words").value = b.min_words;
        briefEl.textContent = fill(i18n.brief, { brief: b.raw || "" });
        briefEl.hidden = false;
      } catch (e) {
        /* prefilling is a convenience: the run applies the brief anyway */
      }
    }
    $("#text").addEventListener("input", () => {
      const text = $("#text").value;
      const first = text.trimStart().split("\n", 1)[0];
      if (first === lastFirstLine) return;
      lastFirstLine = first;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (!first.trim()) return;
        const body = new FormData();
        body.set("text", first + "\n\n" + text.trimStart().slice(first.length, first.length + 2000));
        readBrief(body);
      }, 300);
    });
    $("#file").addEventListener("change", () => {
      const file = $("#file").files[0];
      if (!file || file.size > Number(form.dataset.limit)) return;
      const body = new FormData();
      body.set("file", file);
      readBrief(body);
    });
    if ($("#text").value.trim()) $("#text").dispatchEvent(new Event("input"));
  }

  // --- results: click a check, see its passages ----------------------------------------------
  document.querySelectorAll(".check-btn").forEach((btn) => {
    btn.addEventListener("click", () => {
      const key = btn.dataset.k;
      const wasOn = btn.getAttribute("aria-pressed") === "true";
      document.querySelectorAll(".check-btn[aria-pressed=true]").forEach((b) => b.setAttribute("aria-pressed", "false"));
      document.querySelectorAll(".seg.hl").forEach((s) => s.classList.remove("hl"));
      if (wasOn) return;
      btn.setAttribute("aria-pressed", "true");
      const lit = Array.from(document.querySelectorAll(".seg")).filter((seg) => seg.dataset.k.split(" ").includes(key));
      lit.forEach((seg) => seg.classList.add("hl"));
      // Scroll to the first passage of the text the checks judge (the optimised one).
      const first = lit.find((seg) => seg.closest("#text-after")) || lit[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });

  const copy = $("#copy-html");
  if (copy) {
    copy.addEventListener("click", async () => {
      const status = $("#copy-status");
      try {
        const r = await fetch(copy.dataset.src);
        if (!r.ok) throw new Error(String(r.status));
        await navigator.clipboard.writeText(await r.text());
        status.textContent = copy.dataset.copied;
      } catch (e) {
        status.textContent = copy.dataset.failed;
      }
    });
  }

  // --- results: « Vérifier » a field against the source ----------------------------------------
  // Verdicts are written with textContent only: the claim and the evidence are article text.
  const verifyText = $("#verify-i18n");
  // French typography: narrow no-break spaces inside « », a no-break space before the colon.
  const quoted = (claim) => (lang === "fr" ? "«\u202f" + claim + "\u202f»\u00a0: " : "“" + claim + "”: ");
  document.querySelectorAll(".verify-btn").forEach((btn) => {
    btn.addEventListener("click", async () => {
      const i18n = verifyText.dataset;
      const out = btn.parentElement.querySelector(".verdict");
      out.replaceChildren();
      out.className = "verdict muted";
      out.textContent = i18n.busy;
      btn.disabled = true;
      try {
        const r = await fetch(withLang("/api/verify"), {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ run: btn.dataset.run, field: btn.dataset.field }),
        });
        if (!r.ok) throw new Error(await errorMessage(r, i18n.network));
        const result = await r.json();
        out.replaceChildren();
        out.className = "verdict " + (result.supported ? "ok" : "bad");
        result.verdicts.forEach((v) => {
          const line = document.createElement("p");
          line.className = v.supported ? "ok" : "bad";
          const text = v.supported ? i18n.supported : fill(i18n.unsupported, { reason: v.reason });
          line.textContent = (v.supported ? "✓ " : "✗ ") + (result.verdicts.length > 1 ? quoted(v.claim) : "") + text;
          out.appendChild(line);
          if (v.evidence) {
            const ev = document.createElement("p");
            ev.className = "muted small evidence";
            ev.textContent = fill(v.supported ? i18n.evidence : i18n.closest, { evidence: v.evidence });
            out.appendChild(ev);
          }
        });
      } catch (e) {
        out.className = "verdict bad";
        out.textContent = e.message || i18n.network;
      } finally {
        btn.disabled = false;
      }
    });
  });

  // --- results: undo or restore one of plume's edits (the server produces the article again) ---
  const editsCard = $("#edits");
  document.querySelectorAll(".edit-btn").forEach((btn) => {
    btn.addEventListener("click", async () => {
      const i18n = editsCard.dataset;
      const status = $("#edits-status");
      const all = document.querySelectorAll(".edit-btn");
      all.forEach((b) => (b.disabled = true));
      status.className = "muted";
      status.textContent = i18n.busy;
      try {
        const url = "/api/runs/" + encodeURIComponent(btn.dataset.run) + "/edits/" + encodeURIComponent(btn.dataset.edit);
        const r = await fetch(withLang(url), {
          method: "PUT",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ refused: btn.dataset.refused === "true" }),
        });
        if (!r.ok) throw new Error(await errorMessage(r, i18n.network));
        // Scores, texts, edits and downloads are all the new article's: show the page again.
        window.location.reload();
      } catch (e) {
        status.className = "bad";
        status.textContent = e.message || i18n.network;
        all.forEach((b) => (b.disabled = false));
      }
    });
  });

  // --- history: delete, compare --------------------------------------------------------------
  document.querySelectorAll("button.delete").forEach((btn) => {
    btn.addEventListener("click", async () => {
      if (!window.confirm(btn.dataset.confirm)) return;
      const r = await fetch(withLang("/api/runs/" + encodeURIComponent(btn.dataset.run)), { method: "DELETE" });
      const row = btn.closest("tr");
      if (r.ok || r.status === 404) {
        row.remove();
      } else {
        showError($("#error"), await errorMessage(r, "HTTP"));
      }
    });
  });
  const compareForm = $("#compare-form");
  if (compareForm) {
    compareForm.addEventListener("submit", (event) => {
      const picked = Array.from(document.querySelectorAll(".pick:checked")).map((c) => c.value);
      if (picked.length !== 2) {
        event.preventDefault();
        showError($("#error"), $("#compare").dataset.pickTwo);
        return;
      }
      $("#cmp-a").value = picked[0];
      $("#cmp-b").value = picked[1];
    });
  }
})();
