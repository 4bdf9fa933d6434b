// The OfferRules widget: turns the form into a case, asks POST /api/evaluations and shows the answer.
// Plain script, no build step. The Japanese texts are the ones in index.html; the English ones are below.
(() => {
  "use strict";

  const EN = {
    pageTitle: "Can I take back my decline? | OfferRules",
    skip: "Skip to the result",
    title: "Declined a job offer? See if you can take it back",
    lead: "Tell us how you declined and what you know about the company. You get the outlook, the reasons for it and a dated plan for what to do next.",
    errorSummaryTitle: "Please check your answers",
    datesLegend: "When did it happen?",
    declinedOn: "The day you declined",
    offeredOn: "The day you got the offer",
    startsOn: "The day you were to start",
    asOf: "Today's date",
    asOfHint: "Usually leave this as it is. Days are counted from this date.",
    declineLegend: "How did you decline?",
    channel: "How you told them",
    unknownOption: "Not sure / rather not say",
    "channel.phone": "By phone",
    "channel.inPerson": "In person",
    "channel.viaAgent": "Through a recruitment agent",
    "channel.email": "By email",
    "channel.chatMessage": "By chat or social media message",
    "channel.letter": "By letter",
    "channel.proxyService": "Through a decline-for-you service",
    "channel.noContact": "I never told them",
    promptness: "How soon you told them",
    "promptness.prompt": "As soon as I had decided",
    "promptness.delayed": "Some time after I had decided",
    tone: "How you said it",
    "tone.polite": "Politely",
    "tone.neutral": "Plainly",
    "tone.rude": "Perhaps rudely",
    explainedReason: "Did you explain why?",
    expressedThanks: "Did you thank them?",
    yes: "Yes",
    no: "No",
    originalReason: "Why you declined",
    "originalReason.acceptedOtherOffer": "I took another offer",
    "originalReason.fitOrConditions": "The work or the terms did not suit me",
    "originalReason.familyEmergency": "Family circumstances",
    "originalReason.health": "Health",
    "originalReason.otherPath": "I chose another path, such as further study",
    "originalReason.pressuredByCompany": "The company pushed me to decline",
    "originalReason.other": "Something else",
    moreDecline: "More about why you declined",
    circumstanceChanged: "Has the reason for declining changed since?",
    evidenceAvailable: "Do you have papers that show that reason?",
    previouslyReversed: "Have you changed your mind with this company before?",
    offerLegend: "About the offer",
    company: "Company name",
    contactPerson: "Name of the recruiter",
    track: "Kind of hiring",
    "track.newGraduate": "New graduate",
    "track.midCareer": "Mid-career",
    "track.partTime": "Part-time",
    stageAtDecline: "How far the offer had got when you declined",
    "stage.informalOffer": "Informal offer (nainaitei)",
    "stage.formalNotYetAccepted": "Formal offer, not yet accepted",
    "stage.accepted": "After I had accepted it",
    "stage.afterOfferCeremony": "After the offer ceremony",
    evaluation: "How they rated you",
    "evaluation.normal": "As usual",
    "evaluation.high": "Very highly",
    viaRecruitmentAgent: "Did the offer come through a recruitment agent?",
    companyLegend: "What you know about the company",
    seatStatus: "Is the position still open?",
    "seatStatus.open": "Yes, still hiring",
    "seatStatus.filled": "I heard it has been filled",
    seatOfferedToOther: "Has the position been offered to someone else?",
    hiringNeedTrend: "How much the company is hiring",
    "trend.increased": "More than before",
    "trend.stable": "About the same",
    "trend.decreased": "Less than before",
    policyForbidsReinstatement: "Do company rules forbid taking back someone who declined?",
    unfairPressure: "Did the company push you to decline, or withdraw the offer unfairly?",
    requestLegend: "What you want to ask",
    changeOfMindReason: "Why you changed your mind",
    "change.unavoidableCircumstanceResolved": "The reason I declined is gone",
    "change.otherOfferFellThrough": "The other offer fell through",
    "change.otherPathFellThrough": "The other path fell through",
    "change.reconsideredAfterReflection": "I thought again and want to join",
    "change.noClearReason": "No clear reason",
    priorRequestOutcome: "Have you already asked the company?",
    "prior.notYetAsked": "Not yet",
    "prior.pendingNoReply": "Yes, and I am waiting for an answer",
    "prior.refused": "Yes, and they said no",
    "prior.reselectionOffered": "Yes, and they offered to assess me again",
    plannedChannel: "How you plan to get in touch",
    "planned.phoneThenWritten": "Phone, then email or letter",
    "planned.visitThenWritten": "Visit, then email or letter",
    "planned.phoneOnly": "Phone only",
    "planned.emailOnly": "Email only",
    "planned.letterOnly": "Letter only",
    willingToRedoSelection: "Would you go through the selection again?",
    moreRequest: "When you plan to call, and names for the drafts (optional)",
    plannedContactAt: "When you plan to get in touch (Japan time)",
    opens: "The company's opening time",
    closes: "The company's closing time",
    candidateName: "Your name",
    candidateSchool: "Your school (new graduates)",
    submit: "See my outlook",
    reset: "Clear the form",
    privacy: "What you enter is used only to work out the outlook and is not stored.",
    resultsTitle: "Result",
    introTitle: "Your result appears here",
    introText: "Answer what you know and leave the rest as \u201cNot sure\u201d. Nothing is guessed: an unknown fact stays unknown, and the result tells you which facts would change the outlook if you found them out.",
    disclaimer: "This is a guide, not a probability or legal advice. Whether to take you back is always the company's decision.",
  };

  // Words the script itself writes into the results.
  const WORDS = {
    ja: {
      outlookHeading: "撤回の見通し",
      colon: "：",
      outlook: { veryUnlikely: "ほぼ不可能", unlikely: "難しい", possible: "可能性あり", likely: "見込みあり" },
      confidence: "判断の確かさ",
      confidenceLevels: { high: "高い", medium: "ふつう", low: "低い" },
      callWindow: "電話に良い時間",
      reasons: "そう判断した理由",
      stage: { terminal: "決定", override: "下限", base: "出発点", adjust: "", cap: "上限", info: "参考" },
      basis: "根拠",
      conditions: "撤回できる5つの条件",
      failures: "撤回がうまくいかない3つの理由",
      conditionState: { met: "満たしている", notMet: "満たしていない", unknown: "分からない" },
      failureState: { met: "当てはまる", notMet: "当てはまらない", unknown: "分からない" },
      unknowns: "分かっていないこと",
      helps: "分かると見通しが良くなること",
      plan: "これからの手順",
      timing: { immediately: "今すぐ", beforeCall: "電話の前に", atCall: "電話で", afterCall: "電話の後で", followUp: "その後", conditional: "該当する場合", none: "" },
      atPlanned: (d) => `予定の日（${d}）に連絡した場合：`,
      drafts: "伝え方の下書き",
      subject: "件名",
      copy: "コピー",
      copySubject: "件名をコピー",
      copied: "コピーしました",
      copyFailed: "コピーできませんでした。文章を選んでコピーしてください。",
      caveats: "気をつけること",
      fallbacks: "うまくいかなかったときは",
      warnings: "入力について",
      ruleSet: "ルールセット",
      loading: "調べています…",
      invalid: (n) => `入力に${n}件の問題があります。該当する項目を確認してください。`,
      tooLarge: "入力が大きすぎます。",
      tooMany: "短い時間に何度も送信されました。少し待ってからお試しください。",
      failed: "結果を取得できませんでした。時間をおいてもう一度お試しください。",
      summary: (o, c) => `見通しは「${o}」です（判断の確かさ：${c}）。`,
      weekdays: ["日", "月", "火", "水", "木", "金", "土"],
      date: (y, m, d, w) => `${m}月${d}日（${w}）`,
      none: "ありません。",
    },
    en: {
      outlookHeading: "Your outlook",
      colon: ": ",
      outlook: { veryUnlikely: "Very unlikely", unlikely: "Unlikely", possible: "Possible", likely: "Likely" },
      confidence: "How sure this is",
      confidenceLevels: { high: "high", medium: "medium", low: "low" },
      callWindow: "A good time to call",
      reasons: "Why",
      stage: { terminal: "decides", override: "floor", base: "starting point", adjust: "", cap: "ceiling", info: "note" },
      basis: "Basis",
      conditions: "The five conditions for taking a decline back",
      failures: "The three reasons it fails",
      conditionState: { met: "met", notMet: "not met", unknown: "not known" },
      failureState: { met: "applies", notMet: "does not apply", unknown: "not known" },
      unknowns: "What is not known",
      helps: "What would improve the outlook",
      plan: "Your plan",
      timing: { immediately: "Now", beforeCall: "Before the call", atCall: "On the call", afterCall: "After the call", followUp: "Later", conditional: "If it applies", none: "" },
      atPlanned: (d) => `If you make contact as planned (${d}): `,
      drafts: "Drafts",
      subject: "Subject",
      copy: "Copy",
      copySubject: "Copy subject",
      copied: "Copied",
      copyFailed: "Could not copy. Select the text and copy it yourself.",
      caveats: "Be careful about",
      fallbacks: "If it does not work out",
      warnings: "About your answers",
      ruleSet: "Rule set",
      loading: "Working it out…",
      invalid: (n) => (n === 1 ? "One answer needs checking." : `${n} answers need checking.`) + " See the marked fields.",
      tooLarge: "What you entered is too large.",
      tooMany: "Too many requests in a short time. Please wait a moment and try again.",
      failed: "The result could not be fetched. Please try again later.",
      summary: (o, c) => `Outlook: ${o} (confidence: ${c}).`,
      weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
      date: (y, m, d, w) => `${w} ${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]}`,
      none: "None.",
    },
  };

  const OUTLOOKS = ["veryUnlikely", "unlikely", "possible", "likely"];
  const JA = {};
  const form = document.getElementById("case-form");
  const statusBox = document.getElementById("results-status");
  const body = document.getElementById("results-body");
  const resultsSection = document.getElementById("results");
  const summaryBox = document.getElementById("error-summary");
  const intro = document.getElementById("intro");
  let language = "ja";
  let lastSubmitted = false;

  // ---- language -------------------------------------------------------------------------------------------------

  function captureJapanese() {
    for (const el of document.querySelectorAll("[data-i18n]")) {
      const key = el.dataset.i18n;
      if (!(key in JA)) {
        JA[key] = el.textContent;
      }
    }
  }

  function setLanguage(lang, resubmit) {
    language = lang === "en" ? "en" : "ja";
    const texts = language === "en" ? EN : JA;
    for (const el of document.querySelectorAll("[data-i18n]")) {
      const text = texts[el.dataset.i18n];
      if (text !== undefined) {
        el.textContent = text;
      }
    }
    document.documentElement.lang = language;
    document.getElementById("lang-ja").setAttribute("aria-pressed", String(language === "ja"));
    document.getElementById("lang-en").setAttribute("aria-pressed", String(language === "en"));
    const url = new URL(window.location.href);
    url.searchParams.set("lang", language);
    window.history.replaceState(null, "", url);
    if (resubmit && lastSubmitted) {
      submit(false);
    }
  }

  // ---- the case ---------------------------------------------------------------------------------------------------

  function buildCase() {
    const result = {};
    for (const el of form.elements) {
      if (!el.name || el.value === "") {
        continue;
      }
      let value = el.value;
      if (el.dataset.type === "bool") {
        value = value === "true";
      } else if (el.dataset.type === "datetime") {
        value = (value.length === 16 ? value + ":00" : value) + "+09:00";
      } else if (el.type === "text") {
        value = value.trim();
        if (value === "") {
          continue;
        }
      }
      const parts = el.name.split(".");
      let node = result;
      for (const part of parts.slice(0, -1)) {
        node = node[part] ??= {};
      }
      node[parts[parts.length - 1]] = value;
    }
    result.kind = "declineWithdrawal";
    return result;
  }

  function todayInJapan() {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date());
    const get = (type) => parts.find((p) => p.type === type).value;
    return `${get("year")}-${get("month")}-${get("day")}`;
  }

  // ---- submitting -------------------------------------------------------------------------------------------------

  async function submit(moveFocus) {
    lastSubmitted = true;
    const w = WORDS[language];
    resultsSection.setAttribute("aria-busy", "true");
    statusBox.classList.remove("visually-hidden");
    statusBox.textContent = w.loading;
    let response;
    try {
      // Relative, so that the page also works under a path base (for example /offerrules/).
      response = await fetch(`api/evaluations?lang=${language}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
        body: JSON.stringify(buildCase()),
      });
    } catch {
      showMessage(w.failed);
      return;
    } finally {
      resultsSection.setAttribute("aria-busy", "false");
    }

    if (response.ok) {
      const result = await response.json();
      clearProblems();
      render(result);
      statusBox.textContent = w.summary(w.outlook[result.outlook] ?? result.outlook, w.confidenceLevels[result.confidence] ?? "–");
      statusBox.classList.add("visually-hidden");
      if (moveFocus) {
        resultsSection.focus({ preventScroll: true });
        const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        resultsSection.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
      }
      return;
    }

    const problem = await response.json().catch(() => ({}));
    if (response.status === 400 && Array.isArray(problem.issues)) {
      showProblems(problem.issues);
      body.replaceChildren();
      statusBox.textContent = w.invalid(problem.issues.filter((i) => i.severity === "error").length);
      if (moveFocus) {
        summaryBox.focus();
      }
    } else if (response.status === 413) {
      showMessage(w.tooLarge);
    } else if (response.status === 429) {
      showMessage(w.tooMany);
    } else {
      showMessage(problem.detail || w.failed);
    }
  }

  function showMessage(text) {
    body.replaceChildren(el("p", { class: "notice" }, text));
    statusBox.textContent = text;
  }

  // ---- problems next to their fields ------------------------------------------------------------------------------

  const fields = () => [...form.querySelectorAll(".field[data-path]")];

  function fieldFor(path) {
    const all = fields();
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
      const item = input
        ? el("a", { href: "#" + input.id }, issue.message)
        : el("span", {}, issue.message);
      if (input) {
        item.addEventListener("click", (e) => {
          e.preventDefault();
          input.focus();
        });
      }
      list.append(el("li", {}, item));
    }
    summaryBox.hidden = list.children.length === 0;
  }

  // ---- the result -------------------------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child);
      }
    }
    return node;
  }

  function when(iso) {
    // "2025-07-09T10:00:00+09:00": the API writes Japan time, so the date and time are read as they are.
    const w = WORDS[language];
    const [datePart, timePart = ""] = iso.split("T");
    const [y, m, d] = datePart.split("-").map(Number);
    const weekday = w.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
    const time = timePart.slice(0, 5);
    return { date: w.date(y, m, d, weekday), time: time === "00:00" ? "" : time };
  }

  function section(id, title, ...content) {
    return el("section", { class: "card", "aria-labelledby": id }, el("h3", { id }, title), ...content);
  }

  function list(items, render, className) {
    const w = WORDS[language];
    return items.length ? el("ul", { class: className || "plain" }, items.map((item) => el("li", {}, render(item)))) : el("p", { class: "muted" }, w.none);
  }

  function gauge(result) {
    const w = WORDS[language];
    const index = OUTLOOKS.indexOf(result.outlook);
    const label = w.outlook[result.outlook] ?? result.outlook;
    return el("div", { class: `outlook outlook-${result.outlook}` },
      el("h3", { id: "r-outlook" }, w.outlookHeading),
      el("p", { class: "outlook-label", id: "outlook-label" }, label),
      el("div", {
        class: "gauge", role: "meter", "aria-labelledby": "r-outlook", "aria-valuemin": "1", "aria-valuemax": "4",
        "aria-valuenow": String(index + 1), "aria-valuetext": label,
      }, OUTLOOKS.map((o, i) => el("div", { class: "segment" + (i === index ? " active" : "") + (i <= index ? " filled" : ""), "data-outlook": o },
        el("span", {}, w.outlook[o])))),
      el("p", { class: "confidence" }, `${w.confidence}${w.colon}`, el("strong", {}, w.confidenceLevels[result.confidence] ?? "–")),
      result.atPlannedTime
        ? el("p", { class: "at-planned" + (result.atPlannedTime.pastBoundary ? " past-boundary" : "") }, w.atPlanned(when(result.atPlannedTime.date).date),
          el("strong", {}, w.outlook[result.atPlannedTime.outlook] ?? result.atPlannedTime.outlook))
        : null,
      result.callWindow
        ? el("p", { class: "call-window" }, `${w.callWindow}${w.colon}`,
          el("strong", {}, `${when(result.callWindow.start).date} ${when(result.callWindow.start).time}–${when(result.callWindow.end).time}`))
        : null);
  }

  function conditionList(conditions, states, failure) {
    return el("ul", { class: "conditions" }, conditions.map((c) => el("li", { class: `state-${c.state}${failure ? " failure" : ""}` },
      el("span", { class: "state-icon", "aria-hidden": "true" }, c.state === "unknown" ? "?" : (c.state === "met") !== failure ? "✓" : "✕"),
      el("div", {},
        el("p", { class: "condition-title" }, c.title, " ", el("span", { class: "chip" }, states[c.state] ?? c.state)),
        el("p", { class: "condition-message" }, c.message)))));
  }

  function copyButton(text, label) {
    const w = WORDS[language];
    const button = el("button", { type: "button", class: "copy" }, label);
    button.addEventListener("click", async () => {
      const ok = await copy(text);
      const status = document.getElementById("copy-status");
      status.textContent = ok ? w.copied : w.copyFailed;
      button.textContent = ok ? w.copied : label;
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
    const area = el("textarea", { class: "copy-buffer", "aria-hidden": "true", readonly: "" });
    area.value = text;
    document.body.append(area);
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
    const w = WORDS[language];
    const warnings = result.issues.filter((i) => i.severity === "warning");
    for (const issue of warnings) {
      attach(issue);
    }

    const findings = list(result.findings, (f) => {
      const sign = f.stage === "adjust" ? (f.score > 0 ? `+${f.score}` : String(f.score)) : w.stage[f.stage];
      return el("div", { class: `finding stage-${f.stage}${f.changed ? "" : " unchanged"}`, "data-rule": f.ruleId },
        el("p", { class: "finding-message" },
          sign ? el("span", { class: "chip" + (f.stage === "adjust" ? (f.score > 0 ? " up" : " down") : "") }, sign) : null,
          sign ? " " : null,
          el("span", { class: "finding-text" }, f.message)),
        f.basis ? el("p", { class: "basis" }, `${w.basis}${w.colon}${f.basis}`) : null);
    }, "findings");

    const plan = result.actions.length
      ? el("ol", { class: "plan" }, result.actions.map((a) => {
        const at = a.at ? when(a.at) : null;
        return el("li", { "data-action": a.id },
          el("div", { class: "plan-when" },
            at ? el("span", { class: "plan-date" }, at.date) : null,
            at && at.time ? el("span", { class: "plan-time" }, at.time) : null,
            w.timing[a.timing] ? el("span", { class: "chip" }, w.timing[a.timing]) : null),
          el("p", {}, a.message));
      }))
      : el("p", { class: "muted" }, w.none);

    const drafts = result.drafts.length
      ? result.drafts.map((d, i) => el("article", { class: "draft", "aria-labelledby": `draft-${i}` },
        el("div", { class: "draft-head" }, el("h4", { id: `draft-${i}` }, d.title), copyButton(d.body, w.copy)),
        d.subject ? el("p", { class: "draft-subject" }, `${w.subject}${w.colon}${d.subject} `, copyButton(d.subject, w.copySubject)) : null,
        el("pre", { class: "draft-body", tabindex: "0" }, d.body)))
      : [el("p", { class: "muted" }, w.none)];

    // When a reversal is all but ruled out, the alternatives are what to act on: they come right after the outlook.
    const fallbacks = section("r-fallbacks", w.fallbacks, list(result.fallbacks, (f) => f.message));
    const fallbacksFirst = result.outlook === "veryUnlikely" && result.fallbacks.length > 0;
    body.replaceChildren(...[
      gauge(result),
      fallbacksFirst ? fallbacks : null,
      warnings.length ? section("r-warnings", w.warnings, list(warnings, (i) => i.message)) : null,
      section("r-reasons", w.reasons, findings),
      section("r-conditions", w.conditions, conditionList(result.conditions, w.conditionState, false)),
      section("r-failures", w.failures, conditionList(result.failureReasons, w.failureState, true)),
      section("r-unknowns", w.unknowns, list(result.missingFacts, (m) => m.message)),
      section("r-helps", w.helps, list(result.whatWouldHelp, (h) => h.message)),
      section("r-plan", w.plan, plan),
      section("r-drafts", w.drafts, ...drafts),
      section("r-caveats", w.caveats, list(result.caveats, (c) => c.message)),
      fallbacksFirst ? null : fallbacks,
      el("p", { class: "rule-set muted" }, `${w.ruleSet}${w.colon}${result.ruleSet.id} ${result.ruleSet.version}`),
    ].filter((node) => node !== null));
  }

  // ---- start ------------------------------------------------------------------------------------------------------

  captureJapanese();
  document.getElementById("f-asOf").value = todayInJapan();
  document.getElementById("lang-ja").addEventListener("click", () => setLanguage("ja", true));
  document.getElementById("lang-en").addEventListener("click", () => setLanguage("en", true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(true);
  });
  form.addEventListener("reset", () => {
    window.setTimeout(() => {
      document.getElementById("f-asOf").value = todayInJapan();
      clearProblems();
      body.replaceChildren(intro);
      statusBox.textContent = "";
      lastSubmitted = false;
    });
  });
  setLanguage(new URLSearchParams(window.location.search).get("lang") || "ja", false);
})();
