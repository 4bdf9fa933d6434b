namespace OfferRules.Tests.TestUtilities;

/// <summary>Small rule files for loader and evaluator tests.</summary>
internal static class RuleSets
{
    private const string Text = """{ "en": "x", "ja": "x" }""";

    /// <summary>A minimal valid rule file around a list of rules (JSON) and optional named conditions (JSON).</summary>
    public static string With(string rules, string conditions = "[]") => $$"""
        {
          "schemaVersion": 1,
          "id": "test",
          "version": "1",
          "title": {{Text}},
          "conduct": { "cases": [], "otherwise": "mixed" },
          "policies": [
            {
              "kind": "declineWithdrawal",
              "conditions": {{conditions}},
              "rules": {{rules}},
              "confidence": { "levels": [], "otherwise": "low" }
            }
          ]
        }
        """;

    /// <summary>A rule (JSON) with the given stage, condition and effect.</summary>
    public static string Rule(string id, string when, string stage = "adjust", string effect = """{ "score": 1 }""") => $$"""
        { "id": "{{id}}", "stage": "{{stage}}", "when": {{when}}, "effect": {{effect}},
          "messages": { "fired": {{Text}}, "unknown": {{Text}} }, "basis": {{Text}} }
        """;

    /// <summary>A named condition (JSON).</summary>
    public static string Condition(string id, string when) => $$"""
        { "id": "{{id}}", "title": {{Text}}, "when": {{when}},
          "messages": { "met": {{Text}}, "notMet": {{Text}}, "unknown": {{Text}} } }
        """;
}
