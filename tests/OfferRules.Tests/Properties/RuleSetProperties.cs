using System.Text;
using FsCheck.Xunit;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Properties;

/// <summary>
/// Properties over generated, depth-limited rule sets: every generated rule set loads, evaluates every generated case
/// without throwing, and survives a JSON round trip with the same decisions.
/// </summary>
public sealed class RuleSetProperties
{
    private static readonly (string Fact, string[] Literals)[] s_facts =
    [
        ("company.seatStatus", ["\"open\"", "\"filled\""]),
        ("offer.evaluation", ["\"normal\"", "\"high\""]),
        ("decline.tone", ["\"polite\"", "\"neutral\"", "\"rude\""]),
        ("decline.explainedReason", ["true", "false"]),
        ("company.seatOfferedToOther", ["true", "false"]),
        ("daysSinceDecline", ["0", "3", "7", "8", "30"]),
        ("timingBand", ["\"immediate\"", "\"withinWeek\"", "\"late\"", "\"veryLate\""]),
        ("conduct", ["\"hostile\"", "\"poor\"", "\"mixed\"", "\"good\""]),
        ("daysSinceMissedContact", ["1", "8"]),
    ];

    private static readonly string[] s_outlooks = ["veryUnlikely", "unlikely", "possible", "likely"];

    [Property(MaxTest = 10_000)]
    public bool GeneratedRuleSet_LoadsEvaluatesAndRoundTrips(int seed)
    {
        var random = new Random(seed);
        var json = RandomRuleSet(random);
        var loaded = RuleSetJson.Load(json);
        if (!loaded.Success)
        {
            throw new InvalidOperationException("A generated rule set did not load: " + string.Join("; ", loaded.Diagnostics) + "\n" + json);
        }

        var evaluator = new OfferEvaluator(loaded.Value);
        var copy = new OfferEvaluator(RuleSetJson.Load(RuleSetJson.ToJson(loaded.Value)).GetValueOrThrow());
        for (var i = 0; i < 3; i++)
        {
            var @case = EvaluationProperties.RandomCase(random);
            var full = evaluator.Evaluate(@case);
            if (evaluator.Decide(@case) != new Decision(full.Status, full.Outlook, full.Confidence) || copy.Decide(@case) != evaluator.Decide(@case))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A small valid rule set: a few named conditions, rules of every stage and confidence levels, conditions at most four deep.</summary>
    internal static string RandomRuleSet(Random random)
    {
        var conditions = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => $$"""{ "id": "c{{i}}", "role": "{{(i % 2 == 0 ? "withdrawalCondition" : "failureReason")}}", "title": { "en": "t", "ja": "t" }, "when": {{Condition(random, 3, i)}}, "messages": { "met": { "en": "m", "ja": "m" }, "notMet": { "en": "n", "ja": "n" }, "unknown": { "en": "u", "ja": "u" } } }""")
            .ToArray();
        var refs = conditions.Length;
        var rules = new List<string>();
        string Rule(string id, string stage, string effect) =>
            $$"""{ "id": "{{id}}", "stage": "{{stage}}", "when": {{Condition(random, 4, refs)}}, "effect": {{effect}}, "messages": { "fired": { "en": "{daysSinceDecline}", "ja": "{daysSinceDecline}" }, "unknown": { "en": "u", "ja": "u" } }, "basis": { "en": "b", "ja": "b" } }""";
        for (var i = 0; i < random.Next(0, 3); i++)
        {
            rules.Add(Rule("T" + i, random.Next(2) == 0 ? "terminal" : "override", $$"""{ "outlook": "{{s_outlooks[random.Next(4)]}}" }"""));
        }

        rules.Add(Rule("B0", "base", $$"""{ "outlook": "{{s_outlooks[random.Next(4)]}}" }"""));
        for (var i = 0; i < random.Next(0, 6); i++)
        {
            rules.Add(Rule("A" + i, "adjust", $$"""{ "score": {{random.Next(-2, 3)}} }"""));
        }

        for (var i = 0; i < random.Next(0, 4); i++)
        {
            rules.Add(Rule("C" + i, "cap", $$"""{ "cap": "{{s_outlooks[random.Next(4)]}}" }"""));
        }

        var builder = new StringBuilder();
        foreach (var kind in new[] { "declineWithdrawal", "missedEmployerContact" })
        {
            builder.Append(builder.Length == 0 ? string.Empty : ",");
            builder.Append($$"""
                { "kind": "{{kind}}", "conditions": [{{string.Join(",", conditions)}}], "rules": [{{string.Join(",", rules)}}],
                  "confidence": { "levels": [ { "level": "high", "when": {{Condition(random, 2, refs)}} } ], "otherwise": "low" } }
                """);
        }

        return $$"""
            { "schemaVersion": 1, "id": "generated", "version": "{{random.Next()}}", "title": { "en": "g", "ja": "g" },
              "conduct": { "cases": [ { "value": "good", "when": {{Condition(random, 2, 0, conduct: false)}} } ], "otherwise": "mixed" },
              "policies": [{{builder}}] }
            """;
    }

    private static string Condition(Random random, int depth, int refs, bool conduct = true)
    {
        var pick = depth == 0 ? 0 : random.Next(6);
        string Children(int n) => string.Join(",", Enumerable.Range(0, n).Select(_ => Condition(random, depth - 1, refs, conduct)));
        switch (pick)
        {
            case 1:
                return $$"""{ "all": [{{Children(random.Next(0, 3))}}] }""";
            case 2:
                return $$"""{ "any": [{{Children(random.Next(0, 3))}}] }""";
            case 3:
                return $$"""{ "not": {{Condition(random, depth - 1, refs, conduct)}} }""";
            case 4:
                var n = random.Next(1, 4);
                return $$"""{ "atLeast": {{random.Next(1, n + 1)}}, "of": [{{Children(n)}}] }""";
            case 5 when refs > 0:
                return $$"""{ "ref": "c{{random.Next(refs)}}" }""";
            default:
                var candidates = conduct ? s_facts : s_facts.Where(f => f.Fact != "conduct").ToArray();
                var (fact, literals) = candidates[random.Next(candidates.Length)];
                return random.Next(5) switch
                {
                    0 => $$"""{ "fact": "{{fact}}", "op": "isKnown" }""",
                    1 => $$"""{ "fact": "{{fact}}", "op": "in", "values": [{{literals[random.Next(literals.Length)]}}] }""",
                    2 when !literals[0].StartsWith('"') && literals[0] is not ("true" or "false") => $$"""{ "fact": "{{fact}}", "op": "ge", "value": {{literals[random.Next(literals.Length)]}} }""",
                    _ => $$"""{ "fact": "{{fact}}", "op": "{{(random.Next(2) == 0 ? "eq" : "ne")}}", "value": {{literals[random.Next(literals.Length)]}} }""",
                };
        }
    }
}
