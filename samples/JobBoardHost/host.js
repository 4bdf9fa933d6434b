// The job board's side of the embedding: it sizes the iframe from the widget's height messages and shows the outcome
// from its result messages (outlook, confidence and rule set only: the widget never sends what the person typed).
(() => {
  "use strict";

  const words = { veryUnlikely: "very unlikely", unlikely: "unlikely", possible: "possible", likely: "likely" };
  const describe = (result) => `Outcome: ${words[result.outlook] ?? result.outlook} (confidence ${result.confidence}, rule set ${result.ruleSet.id} ${result.ruleSet.version}).`;

  const frame = document.getElementById("offer-rules-frame");
  const widgetOrigin = new URL(frame.src).origin;
  window.addEventListener("message", (event) => {
    // Only the widget's own frame, from the widget's own origin, is listened to.
    if (event.origin !== widgetOrigin || event.source !== frame.contentWindow || typeof event.data !== "object" || event.data === null) {
      return;
    }
    if (event.data.type === "offer-rules:height" && Number.isFinite(event.data.height)) {
      frame.style.height = `${Math.min(Math.max(event.data.height, 200), 20000)}px`;
    } else if (event.data.type === "offer-rules:result") {
      document.getElementById("frame-outcome").textContent = describe(event.data);
    }
  });

  // The custom element raises the same summary as a DOM event.
  document.querySelector("offer-rules-widget").addEventListener("offer-rules:result", (event) => {
    document.getElementById("element-outcome").textContent = describe(event.detail);
  });
})();
