// The OfferRules widget: turns the form into a case, asks POST api/evaluations and shows the answer.
//
// One script for three places, plain JavaScript with no build step:
//  - the sample's page (GET /) and its iframe page (GET /embed), which the server renders in the right language;
//  - the <offer-rules-widget api-base="https://host/" lang="ja|en" theme="light|dark"> custom element, which draws the
//    same form and result in a shadow root from GET /widget/kit.json (the same markup and texts the server uses).
// Every lookup goes through the widget's root (a document or a shadow root), so several widgets can share a page.
(() => {
  "use strict";

  const SCRIPT_URL = document.currentScript && document.currentScript.src ? document.currentScript.src : document.baseURI;
  // The site that serves this script (it lives at <site>/js/): the custom element's kit and default API come from there.
  const SITE = new URL("../", SCRIPT_URL).href;
  const OUTLOOKS = ["veryUnlikely", "unlikely", "possible", "likely"];
  const CONTACT_CHANNELS = ["phone", "visit", "email", "letter", "agent"];
  const PREPARATION = ["immediately", "beforeCall"];

  const normalizeLanguage = (tag) => {
    const primary = String(tag || "").trim().toLowerCase().split("-")[0];
    return primary === "en" || primary === "ja" ? primary : null;
  };

  const format = (text, values) => text.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));

  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // The same placeholders as WidgetPages.Render on the server: {{key}}, {{ja:key}}, {{en:key}}, {{pressed:ja}}, {{lang}}.
  function renderTemplate(source, texts, lang) {
    return source.replace(/\{\{([^{}\s]+)\}\}/g, (match, inner) => {
      const colon = inner.indexOf(":");
      const op = colon > 0 ? inner.slice(0, colon) : "";
      const arg = colon > 0 ? inner.slice(colon + 1) : inner;
      if (op === "pressed") {
        return arg === lang ? "true" : "false";
      }
      if (op === "ja" || op === "en") {
        return escapeHtml(texts[op][arg] ?? "");
      }
      if (op === "" && arg === "lang") {
        return lang;
      }
      return op === "" ? escapeHtml(texts[lang][arg] ?? "") : "";
    });
  }

  function todayInJapan() {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date());
    const get = (type) => parts.find((p) => p.type === type).value;
    return `${get("year")}-${get("month")}-${get("day")}`;
  }

  /**
   * Starts one widget.
   * @param {object} options
   * @param {Document|ShadowRoot} options.root where the form and the result are looked up
   * @param {HTMLElement} options.container the element the copy buffer goes into
   * @param {{ja: object, en: object}} options.texts the texts by language
   * @param {string} options.lang the language the markup is in now
   * @param {string} options.apiBase the URL the API paths are resolved against
   * @param {(lang: string) => void} options.onLanguage called after the language changed
   * @param {(summary: object) => void} options.onResult called after each evaluation with the outlook only
   */
  function createWidget(options) {
    const { root, container, texts, apiBase } = options;
    const $ = (selector) => root.querySelector(selector);
    const $$ = (selector) => [...root.querySelectorAll(selector)];
    const form = $("#case-form");
    const statusBox = $("#results-status");
    const body = $("#results-body");
    const resultsSection = $("#results");
    const summaryBox = $("#error-summary");
    const intro = $("#intro");
    let language = options.lang === "en" ? "en" : "ja";
    // The last case sent and its answers, so that a language switch or the Japanese drafts reuse the same facts.
    let last = null;

    const t = (key, values) => {
      const text = texts[language][key] ?? texts.en[key] ?? key;
      return values ? format(text, values) : text;
    };

    // ---- language ---------------------------------------------------------------------------------------------------

    function setLanguage(lang, resubmit) {
      language = lang === "en" ? "en" : "ja";
      for (const node of $$("[data-i18n]")) {
        const text = texts[language][node.dataset.i18n];
        if (text !== undefined) {
          node.textContent = text;
        }
      }
      for (const node of $$("[data-i18n-attr]")) {
        for (const pair of node.dataset.i18nAttr.split(";")) {
          const [attribute, key] = pair.split(":");
          if (texts[language][key] !== undefined) {
            node.setAttribute(attribute, texts[language][key]);
          }
        }
      }
      $("#lang-ja")?.setAttribute("aria-pressed", String(language === "ja"));
      $("#lang-en")?.setAttribute("aria-pressed", String(language === "en"));
      options.onLanguage(language);
      if (resubmit && last) {
        submit(false);
      }
    }

    // ---- the two kinds of case ----------------------------------------------------------------------------------------

    const currentKind = () => form.querySelector("input[name='kind']:checked")?.value ?? "declineWithdrawal";

    function applyKind() {
      const kind = currentKind();
      for (const node of $$("[data-kind]")) {
        const on = node.dataset.kind === kind;
        node.hidden = !on;
        if (node instanceof HTMLFieldSetElement) {
          node.disabled = !on;
        } else {
          for (const input of node.querySelectorAll("input, select")) {
            input.disabled = !on;
          }
        }
      }
    }

    // ---- the case -----------------------------------------------------------------------------------------------------

    function buildCase() {
      const result = {};
      for (const input of form.elements) {
        // A field of the other kind is disabled: it is not part of this case.
        if (!input.name || input.value === "" || input.matches(":disabled") || (input.type === "radio" && !input.checked)) {
          continue;
        }
        let value = input.value;
        if (input.dataset.type === "bool") {
          value = value === "true";
        } else if (input.dataset.type === "datetime") {
          value = (value.length === 16 ? value + ":00" : value) + "+09:00";
        } else if (input.type === "text") {
          value = value.trim();
          if (value === "") {
            continue;
          }
        }
        const parts = input.name.split(".");
        let node = result;
        for (const part of parts.slice(0, -1)) {
          node = node[part] ??= {};
        }
        node[parts[parts.length - 1]] = value;
      }
      return result;
    }

    const apiUrl = (lang) => new URL(`api/evaluations?lang=${lang}`, apiBase).href;

    const post = (caseJson, lang) => fetch(apiUrl(lang), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
      body: caseJson,
      referrerPolicy: "no-referrer",
    });

    // ---- submitting ---------------------------------------------------------------------------------------------------

    async function submit(moveFocus) {
      const caseJson = JSON.stringify(buildCase());
      const lang = language;
      resultsSection.setAttribute("aria-busy", "true");
      statusBox.classList.remove("visually-hidden");
      statusBox.textContent = t("r.loading");
      let response;
      try {
        response = await post(caseJson, lang);
      } catch {
        showMessage(t("r.failed"));
        return;
      } finally {
        resultsSection.setAttribute("aria-busy", "false");
      }

      if (response.ok) {
        const result = await response.json();
        last = { caseJson, result, japanese: lang === "ja" ? Promise.resolve(result) : null, draftsInJapanese: false };
        clearProblems();
        render(result);
        statusBox.textContent = t("r.summary", { outlook: t(`r.outlook.${result.outlook}`), confidence: t(`r.confidence.${result.confidence}`) });
        statusBox.classList.add("visually-hidden");
        options.onResult({ outlook: result.outlook, confidence: result.confidence, ruleSet: { id: result.ruleSet.id, version: result.ruleSet.version } });
        if (moveFocus) {
          resultsSection.focus({ preventScroll: true });
          resultsSection.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "start" });
        }
        return;
      }

      const problem = await response.json().catch(() => ({}));
      if (response.status === 400 && Array.isArray(problem.issues)) {
        showProblems(problem.issues);
        body.replaceChildren();
        const errors = problem.issues.filter((i) => i.severity === "error").length;
        statusBox.textContent = errors === 1 ? t("r.invalidOne") : t("r.invalidMany", { n: errors });
        if (moveFocus) {
          summaryBox.focus();
        }
      } else if (response.status === 413) {
        showMessage(t("r.tooLarge"));
      } else if (response.status === 429) {
        showMessage(t("r.tooMany"));
      } else {
        showMessage(problem.detail || t("r.failed"));
      }
    }

    const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    function showMessage(text) {
      body.replaceChildren(el("p", { class: "notice" }, text));
      statusBox.textContent = text;
    }

    // ---- problems next to their fields --------------------------------------------------------------------------------

    const fields = () => [...form.querySelectorAll(".field[data-path]")];

    function fieldFor(path) {
      const all = fields().filter((f) => !f.closest("[hidden]"));
      return all.find((f) => f.dataset.path === path)
        ?? all.filter((f) => path.startsWith(f.dataset.path + ".") || path.startsWith(f.dataset.path + "["))
          .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0]
        ?? all.find((f) => f.dataset.path.startsWith(path + "."));
    }

    function clearProblems() {
      summaryBox.hidden = true;
      summaryBox.querySelector("ul").replaceChildren();
      for (const field of fields()) {
        field.classList.remove("has-error", "has-warning");
        field.querySelector(".field-message")?.remove();
        const input = field.querySelector("input, select");
        input.removeAttribute("aria-invalid");
        const describedBy = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith("m-"));
        if (describedBy.length) {
          input.setAttribute("aria-describedby", describedBy.join(" "));
        } else {
          input.removeAttribute("aria-describedby");
        }
      }
    }

    function attach(issue) {
      const field = fieldFor(issue.path);
      if (!field) {
        return null;
      }
      const input = field.querySelector("input, select");
      const error = issue.severity === "error";
      let message = field.querySelector(".field-message");
      if (!message) {
        message = el("p", { class: "field-message", id: "m-" + input.id });
        field.append(message);
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + message.id).trim());
      }
      message.append(el("span", { class: error ? "error-text" : "warning-text" }, issue.message));
      field.classList.add(error ? "has-error" : "has-warning");
      if (error) {
        input.setAttribute("aria-invalid", "true");
      }
      const details = field.closest("details");
      if (details) {
        details.open = true;
      }
      return input;
    }

    function showProblems(issues) {
      clearProblems();
      const list = summaryBox.querySelector("ul");
      for (const issue of issues) {
        const input = attach(issue);
        if (issue.severity !== "error") {
          continue;
        }
        const item = input ? el("a", { href: "#" + input.id }, issue.message) : el("span", {}, issue.message);
        if (input) {
          item.addEventListener("click", (event) => {
            event.preventDefault();
            input.focus();
          });
        }
        list.append(el("li", {}, item));
      }
      summaryBox.hidden = list.children.length === 0;
    }

    // ---- building blocks of the result --------------------------------------------------------------------------------

    function el(tag, attributes, ...children) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes || {})) {
        if (value !== null && value !== undefined && value !== false) {
          node.setAttribute(name, value === true ? "" : value);
        }
      }
      for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
          node.append(child);
        }
      }
      return node;
    }

    // "2025-07-09T10:00:00+09:00": the API writes Japan time, so the date and the time are read as they are.
    function moment(iso) {
      const [day, timePart = ""] = iso.split("T");
      const [y, m, d] = day.split("-").map(Number);
      const weekday = t("r.weekdays").split(" ")[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
      const month = t("r.months").split(" ")[m - 1];
      const time = timePart.slice(0, 5);
      return {
        day,
        date: t("r.date", { y, m, d, w: weekday, mon: month }),
        fullDate: t("r.fullDate", { y, m, d, mon: month }),
        time: time === "00:00" ? "" : time,
      };
    }

    // When an action is due, in words: "Today, Wed 2 Jul, 10:00–12:00".
    function due(action, result) {
      if (!action.at) {
        return "";
      }
      const at = moment(action.at);
      const date = at.day === result.asOf ? t("r.todayDate", { date: at.date }) : at.date;
      if (!at.time) {
        return date;
      }
      const window = result.callWindow;
      const time = window && window.start === action.at
        ? t("r.range", { from: at.time, to: moment(window.end).time })
        : at.time;
      return t("r.dateTime", { date, time });
    }

    function list(items, draw, className) {
      return items.length
        ? el("ul", { class: className || "plain" }, items.map((item) => el("li", {}, draw(item))))
        : el("p", { class: "muted" }, t("r.none"));
    }

    // A section of the result that opens and closes; its summary names it and, when given, how many items it holds.
    function fold(id, title, count, content, open) {
      return el("details", { class: "card fold", id, part: `section section-${id.slice(2)}`, open: open || null },
        el("summary", { id: `${id}-title` },
          el("span", { class: "fold-title" }, title),
          count === null ? null : el("span", { class: "count" }, t("r.paren", { text: count }))),
        el("div", { class: "fold-body" }, content));
    }

    // Opens a section and moves to it: the links at the top of the result lead into the folded sections.
    function reveal(id) {
      const section = $(`#${id}`);
      if (!section) {
        return;
      }
      section.open = true;
      section.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "start" });
      section.querySelector("summary").focus({ preventScroll: true });
    }

    function sectionLink(id, text, className) {
      const link = el("a", { href: `#${id}`, class: className }, text);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        reveal(id);
      });
      return link;
    }

    // ---- the result ---------------------------------------------------------------------------------------------------

    function outlookCard(result) {
      const index = OUTLOOKS.indexOf(result.outlook);
      const label = t(`r.outlook.${result.outlook}`);
      const atPlanned = result.atPlannedTime;
      return el("div", { class: `outlook outlook-${result.outlook}`, part: "outlook" },
        el("h3", { id: "r-outlook" }, t(`r.heading.${result.kind}`)),
        el("div", { class: "outlook-line" },
          el("p", { class: "outlook-label", id: "outlook-label" }, label),
          index <= OUTLOOKS.indexOf("unlikely") && result.fallbacks.length
            ? sectionLink("r-fallbacks", t("r.fallbacksLink"), "fallbacks-link")
            : null),
        el("div", {
          class: "gauge", role: "meter", "aria-labelledby": "r-outlook", "aria-valuemin": "1", "aria-valuemax": "4",
          "aria-valuenow": String(index + 1), "aria-valuetext": label,
        }, OUTLOOKS.map((o, i) => el("div", { class: "segment" + (i === index ? " active" : "") + (i <= index ? " filled" : ""), "data-outlook": o },
          el("span", {}, t(`r.outlook.${o}`))))),
        el("p", { class: "meaning", id: "outlook-meaning" }, t(`r.meaning.${result.kind}.${result.outlook}`)),
        el("p", { class: "confidence" }, `${t("r.confidence")}${language === "ja" ? "：" : ": "}`,
          el("strong", {}, t(`r.confidence.${result.confidence}`)), language === "ja" ? "。" : ". ",
          t(`r.confidenceNote.${result.confidence}`)),
        atPlanned
          ? el("p", { class: "at-planned" + (atPlanned.pastBoundary ? " past-boundary" : "") },
            t("r.atPlanned", { date: moment(atPlanned.date + "T00:00:00").date }), el("strong", {}, t(`r.outlook.${atPlanned.outlook}`)))
          : null);
    }

    // The single next step: the first time the person gets in touch with the company, with its day and time;
    // without one, the first dated step.
    function nextStepCard(result) {
      const actions = result.actions;
      const next = actions.find((a) => a.at && CONTACT_CHANNELS.includes(a.channel)) ?? actions.find((a) => a.at) ?? actions[0];
      if (!next) {
        return null;
      }
      const before = actions.slice(0, actions.indexOf(next)).filter((a) => PREPARATION.includes(a.timing)).length;
      return el("div", { class: "card next-step", part: "next-step", "aria-labelledby": "r-next-title", role: "group" },
        el("h3", { id: "r-next-title" }, t("r.nextStep")),
        due(next, result) ? el("p", { class: "next-when" }, el("strong", {}, due(next, result))) : null,
        el("p", { class: "next-text", "data-action": next.id }, next.message),
        el("p", { class: "next-more" },
          before > 0 ? el("span", {}, t("r.before", { n: before }), language === "ja" ? "　" : " · ") : null,
          sectionLink("r-plan", t("r.planLink"), "plan-link")));
    }

    const GROUPS = [
      ["terminal", (f) => f.stage === "terminal"],
      ["base", (f) => f.stage === "base"],
      ["override", (f) => f.stage === "override"],
      ["helps", (f) => f.stage === "adjust" && f.score > 0],
      ["against", (f) => f.stage === "adjust" && f.score < 0],
      ["cap", (f) => f.stage === "cap"],
      ["info", (f) => f.stage === "info" || (f.stage === "adjust" && f.score === 0)],
    ];

    // Why: the rules that fired, grouped by what they do, in words instead of scores.
    function whySection(result) {
      const groups = GROUPS.map(([name, test]) => [name, result.findings.filter(test)]).filter(([, findings]) => findings.length);
      return fold("r-why", t("r.section.why"), result.findings.length,
        groups.map(([name, findings]) => el("div", { class: `group group-${name}` },
          el("h4", {}, t(`r.group.${name}`)),
          el("ul", { class: "findings" }, findings.map((f) => el("li", { class: "finding" + (f.changed ? "" : " unchanged"), "data-rule": f.ruleId },
            el("p", { class: "finding-text" }, f.message),
            f.basis ? el("p", { class: "basis" }, t("r.basis"), f.basis) : null))))));
    }

    function conditionList(conditions, failure) {
      const words = failure ? "r.failure" : "r.condition";
      return el("ul", { class: "conditions" }, conditions.map((c) => {
        const good = c.state === "unknown" ? null : (c.state === "met") !== failure;
        return el("li", { class: `state-${c.state}${failure ? " failure" : ""}`, "data-condition": c.id },
          el("span", { class: "state-icon", "aria-hidden": "true" }, good === null ? "?" : good ? "✓" : "✕"),
          el("div", {},
            el("p", { class: "condition-title" }, c.title,
              el("span", { class: "state" }, t("r.paren", { text: t(`${words}.${c.state}`) }))),
            el("p", { class: "condition-message" }, c.message)));
      }));
    }

    function conditionsSection(result) {
      return fold("r-conditions", t(`r.section.conditions.${result.kind}`), null, [
        result.conditions.length ? el("h4", {}, t("r.needs")) : null,
        result.conditions.length ? conditionList(result.conditions, false) : null,
        result.failureReasons.length ? el("h4", {}, t("r.stoppers")) : null,
        result.failureReasons.length ? conditionList(result.failureReasons, true) : null,
      ]);
    }

    // One row per fact: what is unknown and what finding it out could do, or what could be changed, so that the two
    // lists of the answer (missingFacts and whatWouldHelp) can never say different things about one fact.
    function unknownRows(result) {
      const helps = new Map();
      for (const help of result.whatWouldHelp) {
        if (!helps.has(help.fact)) {
          helps.set(help.fact, help);
        }
      }
      const rows = result.missingFacts.map((m) => ({ fact: m.fact, label: m.label, help: helps.get(m.fact), raise: m.couldRaiseTo, lower: m.couldLowerTo }));
      const missing = new Set(result.missingFacts.map((m) => m.fact));
      for (const help of result.whatWouldHelp) {
        if (!missing.has(help.fact) && helps.get(help.fact) === help) {
          rows.push({ fact: help.fact, label: null, help, raise: null, lower: null });
        }
      }
      const rank = (row) => (row.help && row.label ? 0 : row.raise ? 1 : row.help ? 2 : 3);
      return rows.sort((a, b) => rank(a) - rank(b));
    }

    function unknownsSection(result) {
      const rows = unknownRows(result);
      const capitalised = (text) => (language === "en" ? text.charAt(0).toUpperCase() + text.slice(1) : text);
      const content = rows.length
        ? el("ul", { class: "fact-rows" }, rows.map((row) => {
          const field = form.querySelector(`.field[data-path='$.${row.fact}']`);
          const input = field && !field.closest("[hidden]") ? field.querySelector("input, select") : null;
          const answer = input ? el("button", { type: "button", class: "link-button" }, t("r.unknown.answer")) : null;
          answer?.addEventListener("click", () => {
            const details = field.closest("details");
            if (details) {
              details.open = true;
            }
            input.scrollIntoView({ behavior: reducedMotion() ? "auto" : "smooth", block: "center" });
            input.focus({ preventScroll: true });
          });
          const helped = row.help ? row.help.message : row.raise ? t("r.unknown.raise", { outlook: t(`r.outlook.${row.raise}`) }) : null;
          const lowered = row.lower
            ? t(helped ? "r.unknown.lowerToo" : "r.unknown.lower", { outlook: t(`r.outlook.${row.lower}`) })
            : null;
          return el("li", { class: "fact-row" + (row.help ? " helps" : ""), "data-fact": row.fact },
            el("p", { class: "fact-label" }, row.label ? capitalised(row.label) : t("r.unknown.act")),
            helped ? el("p", { class: "fact-help" }, helped) : null,
            lowered ? el("p", { class: "fact-risk" }, lowered) : null,
            answer);
        }))
        : el("p", { class: "muted" }, t("r.unknown.none"));
      return fold("r-unknowns", t("r.section.unknowns"), rows.length, content);
    }

    function planSection(result) {
      const content = result.actions.length
        ? el("ol", { class: "plan" }, result.actions.map((a) => el("li", { "data-action": a.id },
          el("p", { class: "plan-when" },
            due(a, result) ? el("span", { class: "plan-date" }, due(a, result)) : null,
            t(`r.timing.${a.timing}`) !== `r.timing.${a.timing}` ? el("span", { class: "plan-timing" }, t(`r.timing.${a.timing}`)) : null),
          el("p", {}, a.message))))
        : el("p", { class: "muted" }, t("r.none"));
      return fold("r-plan", t("r.section.plan"), result.actions.length, content);
    }

    // A draft's text with the parts still to fill in, such as [職種] or [your name], marked.
    function markBlanks(text) {
      return text.split(/(\[[^\]\n]{1,160}\])/).filter((piece) => piece !== "")
        .map((piece) => (piece.startsWith("[") && piece.endsWith("]") ? el("mark", { class: "blank" }, piece) : piece));
    }

    function draftList(drafts, lang) {
      const words = texts[lang];
      return el("div", { class: "draft-list", lang },
        drafts.length
          ? drafts.map((d, i) => el("article", { class: "draft", "aria-labelledby": `draft-${lang}-${i}`, "data-draft": d.id },
            el("div", { class: "draft-head" }, el("h4", { id: `draft-${lang}-${i}` }, d.title), copyButton(d.body, words["r.copy"], lang)),
            d.subject
              ? el("p", { class: "draft-subject" }, `${words["r.subject"]}${lang === "ja" ? "：" : ": "}`, el("span", {}, markBlanks(d.subject)), " ",
                copyButton(d.subject, words["r.copySubject"], lang))
              : null,
            el("pre", { class: "draft-body", tabindex: "0" }, markBlanks(d.body))))
          : el("p", { class: "muted" }, words["r.none"]));
    }

    function draftsSection(result) {
      const holder = el("div", { class: "drafts-holder" }, draftList(result.drafts, language));
      const hasBlanks = result.drafts.some((d) => /\[[^\]\n]+\]/.test(d.body + (d.subject || "")));
      let choice = null;
      if (language === "en" && result.drafts.length) {
        // The company reads Japanese: on the English page the same case is asked again in Japanese for its drafts.
        const english = el("button", { type: "button", "aria-pressed": "true", id: "drafts-en" }, "English");
        const japanese = el("button", { type: "button", "aria-pressed": "false", lang: "ja", id: "drafts-ja" }, "日本語");
        const show = async (inJapanese) => {
          english.setAttribute("aria-pressed", String(!inJapanese));
          japanese.setAttribute("aria-pressed", String(inJapanese));
          last.draftsInJapanese = inJapanese;
          if (!inJapanese) {
            holder.replaceChildren(draftList(result.drafts, "en"));
            return;
          }
          holder.replaceChildren(el("p", { class: "muted", role: "status" }, t("r.drafts.loading")));
          last.japanese ??= post(last.caseJson, "ja").then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
          const current = last;
          try {
            const answer = await current.japanese;
            if (current === last && last.draftsInJapanese) {
              holder.replaceChildren(draftList(answer.drafts, "ja"));
            }
          } catch {
            current.japanese = null;
            holder.replaceChildren(el("p", { class: "notice" }, t("r.drafts.failed")));
          }
        };
        english.addEventListener("click", () => show(false));
        japanese.addEventListener("click", () => show(true));
        choice = [
          el("div", { class: "toggle", role: "group", "aria-labelledby": "drafts-language" },
            el("span", { id: "drafts-language", class: "toggle-label" }, t("r.drafts.language")), english, japanese),
          el("p", { class: "hint" }, t("r.drafts.note")),
        ];
      }
      return fold("r-drafts", t("r.section.drafts"), result.drafts.length, [
        choice,
        hasBlanks ? el("p", { class: "hint" }, t("r.drafts.hint")) : null,
        holder,
      ]);
    }

    function copyButton(text, label, lang) {
      const button = el("button", { type: "button", class: "copy", part: "copy" }, label);
      button.addEventListener("click", async () => {
        const ok = await copy(text);
        const words = texts[lang];
        $("#copy-status").textContent = ok ? words["r.copied"] : words["r.copyFailed"];
        button.textContent = ok ? words["r.copied"] : label;
        button.classList.toggle("done", ok);
        window.setTimeout(() => {
          button.textContent = label;
          button.classList.remove("done");
        }, 2000);
      });
      return button;
    }

    async function copy(text) {
      try {
        if (navigator.clipboard && window.isSecureContext) {
          await navigator.clipboard.writeText(text);
          return true;
        }
      } catch {
        // fall through to the old way
      }
      const area = el("textarea", { class: "copy-buffer", "aria-hidden": "true", tabindex: "-1", readonly: "" });
      area.value = text;
      container.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }

    function render(result) {
      const warnings = result.issues.filter((i) => i.severity === "warning");
      for (const issue of warnings) {
        attach(issue);
      }

      // When a reversal is all but ruled out, the alternatives are what to act on: they come first, open.
      const fallbacksFirst = result.outlook === "veryUnlikely" && result.fallbacks.length > 0;
      const fallbacks = fold("r-fallbacks", t("r.section.fallbacks"), result.fallbacks.length, list(result.fallbacks, (f) => f.message), fallbacksFirst);
      const about = result.ruleSet
        ? el("p", { class: "about muted", part: "about" }, t("r.about", { date: moment(result.asOf + "T00:00:00").fullDate, id: result.ruleSet.id, version: result.ruleSet.version }))
        : null;
      body.replaceChildren(...[
        outlookCard(result),
        nextStepCard(result),
        warnings.length
          ? el("div", { class: "card warnings", role: "group", "aria-labelledby": "r-warnings-title", part: "warnings" },
            el("h3", { id: "r-warnings-title" }, t("r.section.warnings")), list(warnings, (i) => i.message))
          : null,
        fallbacksFirst ? fallbacks : null,
        whySection(result),
        conditionsSection(result),
        unknownsSection(result),
        planSection(result),
        draftsSection(result),
        fold("r-caveats", t("r.section.caveats"), result.caveats.length, list(result.caveats, (c) => c.message)),
        fallbacksFirst ? null : fallbacks,
        about,
      ].filter((node) => node !== null));
    }

    // ---- start --------------------------------------------------------------------------------------------------------

    $("#f-asOf").value = todayInJapan();
    applyKind();
    $("#lang-ja")?.addEventListener("click", () => setLanguage("ja", true));
    $("#lang-en")?.addEventListener("click", () => setLanguage("en", true));
    for (const radio of form.querySelectorAll("input[name='kind']")) {
      radio.addEventListener("change", () => {
        applyKind();
        clearProblems();
        body.replaceChildren(intro);
        statusBox.textContent = "";
        last = null;
      });
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(true);
    });
    form.addEventListener("reset", () => {
      window.setTimeout(() => {
        $("#f-asOf").value = todayInJapan();
        applyKind();
        clearProblems();
        body.replaceChildren(intro);
        statusBox.textContent = "";
        last = null;
      });
    });

    return { setLanguage };
  }

  // ---- the sample's own pages: / and /embed -------------------------------------------------------------------------

  function startPage(main) {
    const texts = JSON.parse(document.getElementById("offer-rules-texts").textContent);
    const parentOrigin = main.dataset.parentOrigin || null;
    // Only the iframe page talks to its parent, and only to the origin the server allowed: never "*".
    const toParent = main.dataset.offerRules === "embed" && parentOrigin && window.parent !== window
      ? (message) => window.parent.postMessage(message, parentOrigin)
      : null;

    createWidget({
      root: document,
      container: main,
      texts,
      lang: document.documentElement.lang,
      apiBase: new URL(".", document.baseURI).href,
      onLanguage: (lang) => {
        document.documentElement.lang = lang;
        const url = new URL(window.location.href);
        url.searchParams.set("lang", lang);
        window.history.replaceState(null, "", url);
      },
      // The outlook, the confidence and the rule set only: never a name, a date or an answer.
      onResult: (summary) => toParent?.({ type: "offer-rules:result", ...summary }),
    });

    if (toParent && "ResizeObserver" in window) {
      let height = 0;
      const measure = () => {
        const style = window.getComputedStyle(document.body);
        const next = Math.ceil(document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
        if (next !== height) {
          height = next;
          toParent({ type: "offer-rules:height", height });
        }
      };
      new ResizeObserver(measure).observe(document.body);
      measure();
    }
  }

  // ---- the custom element -------------------------------------------------------------------------------------------

  const kits = new Map();

  function loadKit(site) {
    if (!kits.has(site)) {
      kits.set(site, fetch(new URL("widget/kit.json", site), { referrerPolicy: "no-referrer" })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`The widget kit answered ${r.status}.`)))));
    }
    return kits.get(site);
  }

  class OfferRulesWidgetElement extends HTMLElement {
    static get observedAttributes() {
      return ["lang"];
    }

    connectedCallback() {
      if (this.shadowRoot) {
        return;
      }
      const shadow = this.attachShadow({ mode: "open" });
      const lang = normalizeLanguage(this.getAttribute("lang")) ?? "ja";
      const apiBase = new URL(this.getAttribute("api-base") || SITE, document.baseURI);
      if (!apiBase.pathname.endsWith("/")) {
        apiBase.pathname += "/";
      }
      const notice = document.createElement("p");
      notice.setAttribute("role", "status");
      notice.textContent = lang === "en" ? "Loading…" : "読み込んでいます…";
      shadow.append(notice);

      loadKit(SITE).then((kit) => {
        const stylesheet = document.createElement("link");
        stylesheet.rel = "stylesheet";
        stylesheet.href = new URL(kit.stylesheet, SITE).href;
        const container = document.createElement("div");
        container.className = "orw-element";
        container.lang = lang;
        // Shown once its styles are in, so the form never flashes unstyled.
        container.hidden = true;
        stylesheet.addEventListener("load", () => { container.hidden = false; });
        stylesheet.addEventListener("error", () => { container.hidden = false; });
        container.innerHTML = `<div class="orw-bar">${renderTemplate(kit.parts.lang, kit.texts, lang)}</div>${renderTemplate(kit.parts.body, kit.texts, lang)}`;
        shadow.replaceChildren(stylesheet, container);
        this._widget = createWidget({
          root: shadow,
          container,
          texts: kit.texts,
          lang,
          apiBase: apiBase.href,
          onLanguage: (next) => {
            container.lang = next;
            if (normalizeLanguage(this.getAttribute("lang")) !== next) {
              this._settingLanguage = true;
              this.setAttribute("lang", next);
              this._settingLanguage = false;
            }
          },
          onResult: (summary) => this.dispatchEvent(new CustomEvent("offer-rules:result", { detail: summary, bubbles: true, composed: true })),
        });
      }, () => {
        notice.textContent = lang === "en"
          ? "The form could not be loaded. Please try again later."
          : "フォームを読み込めませんでした。時間をおいてもう一度お試しください。";
      });
    }

    attributeChangedCallback(name, previous, value) {
      if (name === "lang" && this._widget && !this._settingLanguage && previous !== value) {
        this._widget.setLanguage(normalizeLanguage(value) ?? "ja", true);
      }
    }
  }

  if (window.customElements && !window.customElements.get("offer-rules-widget")) {
    window.customElements.define("offer-rules-widget", OfferRulesWidgetElement);
  }

  const start = () => {
    for (const main of document.querySelectorAll("[data-offer-rules]")) {
      startPage(main);
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
