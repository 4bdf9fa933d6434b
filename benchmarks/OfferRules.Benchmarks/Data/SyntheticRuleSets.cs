using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Data;

/// <summary>
/// Builds rule sets of a chosen size for the scaling benchmarks: the default policy's settings, conduct derivation,
/// named conditions and confidence, with the decline policy's rules replaced by <c>n</c> generated rules (one base
/// rule, then adjustments, caps and info rules over random facts, comparisons, <c>all</c>/<c>any</c>/<c>not</c> and
/// references to the named conditions). Recommendations are left out so that the size is the rules'.
/// </summary>
public static class SyntheticRuleSets
{
    /// <summary>
    /// The limits the scaling files load with: the default ones without the evaluation budget, which the largest files
    /// exceed on purpose, and with room for 100,000 rules (they measure how loading grows, not what a tenant may deploy).
    /// </summary>
    public static RuleSetLimits Limits { get; } = RuleSetLimits.Default with
    {
        MaxEvaluationCost = int.MaxValue,
        MaxProbeValues = int.MaxValue,
        MaxRules = 200_000,
        MaxConditionNodes = 2_000_000,
        MaxBytes = 256 * 1024 * 1024,
    };

    /// <summary>Writes Japanese (and every other text) as raw UTF-8, as rule files are written by hand, not as <c>\uXXXX</c>.</summary>
    private static readonly JsonSerializerOptions s_rawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Fact, string[] Values)[] s_enums =
    [
        ("company.seatStatus", ["open", "filled"]),
        ("offer.evaluation", ["normal", "high"]),
        ("decline.channel", ["phone", "inPerson", "viaAgent", "email", "chatMessage", "letter", "proxyService", "noContact"]),
        ("decline.tone", ["polite", "neutral", "rude"]),
        ("decline.promptness", ["prompt", "delayed"]),
        ("decline.originalReason", ["acceptedOtherOffer", "fitOrConditions", "familyEmergency", "health", "otherPath", "pressuredByCompany", "other"]),
        ("request.changeOfMindReason", ["unavoidableCircumstanceResolved", "otherOfferFellThrough", "otherPathFellThrough", "reconsideredAfterReflection", "noClearReason"]),
        ("company.hiringNeedTrend", ["increased", "stable", "decreased"]),
        ("timingBand", ["immediate", "withinWeek", "late", "veryLate"]),
        ("conduct", ["hostile", "poor", "mixed", "good"]),
    ];

    private static readonly string[] s_bools =
    [
        "decline.evidenceAvailable", "decline.circumstanceChanged", "company.seatOfferedToOther", "company.policyForbidsReinstatement",
        "decline.previouslyReversed", "request.willingToRedoSelection", "offer.viaRecruitmentAgent",
    ];

    private static readonly string[] s_refs =
    [
        "seatsStillOpen", "neededTalent", "unavoidableReason", "goodConduct", "fairnessToOtherCandidates", "seatsAlreadyFilled", "internalControls",
    ];

    private static readonly string[] s_outlooks = ["veryUnlikely", "unlikely", "possible"];

    /// <summary>Gets the default rule set's file, as embedded in the OfferRules assembly.</summary>
    public static byte[] DefaultPolicyBytes()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("OfferRules.default-policy.json")
            ?? throw new InvalidOperationException("The default policy is missing from the OfferRules assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Gets the default rule set without its recommendations (actions, caveats, fallbacks, drafts).</summary>
    public static byte[] DefaultDecisionRulesOnly()
    {
        var root = JsonNode.Parse(DefaultPolicyBytes())!.AsObject();
        foreach (var policy in root["policies"]!.AsArray())
        {
            RemoveRecommendations(policy!.AsObject());
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, s_rawUtf8);
    }

    /// <summary>Builds a rule set whose decline policy has <paramref name="ruleCount"/> rules.</summary>
    /// <param name="ruleCount">How many rules, at least 1.</param>
    /// <param name="seed">The seed; the same seed gives the same file.</param>
    /// <returns>The rule file's UTF-8 JSON.</returns>
    public static byte[] Create(int ruleCount, int seed = BenchmarkData.Seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ruleCount, 1);
        var random = new Random(seed);
        var root = JsonNode.Parse(DefaultPolicyBytes())!.AsObject();
        root["id"] = $"synthetic.{ruleCount}";
        foreach (var policy in root["policies"]!.AsArray())
        {
            RemoveRecommendations(policy!.AsObject());
        }

        var decline = root["policies"]!.AsArray().First(p => (string?)p!["kind"] == "declineWithdrawal")!.AsObject();
        var rules = new JsonArray { Rule("S-00000", "base", new JsonObject { ["all"] = new JsonArray() }, new JsonObject { ["outlook"] = "unlikely" }) };
        for (var i = 1; i < ruleCount; i++)
        {
            var roll = random.Next(100);
            var (stage, effect) = roll switch
            {
                < 75 => ("adjust", new JsonObject { ["score"] = random.Next(2) == 0 ? -1 : 1 }),
                < 90 => ("cap", new JsonObject { ["cap"] = s_outlooks[random.Next(s_outlooks.Length)] }),
                _ => ("info", new JsonObject { ["info"] = true }),
            };
            rules.Add(Rule($"S-{i:00000}", stage, Condition(random, depth: 0), effect));
        }

        decline["rules"] = rules;
        return JsonSerializer.SerializeToUtf8Bytes(root, s_rawUtf8);
    }

    private static void RemoveRecommendations(JsonObject policy)
    {
        foreach (var section in new[] { "actions", "caveats", "fallbacks", "drafts" })
        {
            policy.Remove(section);
        }
    }

    private static JsonObject Rule(string id, string stage, JsonObject when, JsonObject effect) => new()
    {
        ["id"] = id,
        ["stage"] = stage,
        ["when"] = when,
        ["effect"] = effect,
        ["messages"] = new JsonObject
        {
            ["fired"] = Text($"Rule {id} applies.", $"ルール {id} が当てはまります。"),
            ["unknown"] = Text($"Whether rule {id} applies is not known.", $"ルール {id} が当てはまるかは分かりません。"),
        },
        ["basis"] = Text("A generated rule for the scaling benchmarks.", "スケーリング測定用に生成したルールです。"),
    };

    private static JsonObject Text(string en, string ja) => new() { ["en"] = en, ["ja"] = ja };

    private static JsonObject Condition(Random random, int depth)
    {
        var roll = depth >= 2 ? random.Next(70) : random.Next(100);
        switch (roll)
        {
            case < 30:
                var (fact, values) = s_enums[random.Next(s_enums.Length)];
                return new JsonObject { ["fact"] = fact, ["op"] = "eq", ["value"] = values[random.Next(values.Length)] };
            case < 40:
                var (inFact, inValues) = s_enums[random.Next(s_enums.Length)];
                var picked = inValues.OrderBy(_ => random.Next()).Take(Math.Min(2, inValues.Length)).Select(v => (JsonNode)v).ToArray();
                return new JsonObject { ["fact"] = inFact, ["op"] = "in", ["values"] = new JsonArray(picked) };
            case < 52:
                return new JsonObject { ["fact"] = s_bools[random.Next(s_bools.Length)], ["op"] = "eq", ["value"] = random.Next(2) == 0 };
            case < 62:
                return random.Next(2) == 0
                    ? new JsonObject { ["fact"] = "daysSinceDecline", ["op"] = random.Next(2) == 0 ? "gt" : "le", ["value"] = random.Next(0, 60) }
                    : new JsonObject { ["fact"] = "daysUntilStart", ["op"] = random.Next(2) == 0 ? "gt" : "le", ["value"] = random.Next(-10, 300) };
            case < 70:
                return new JsonObject { ["ref"] = s_refs[random.Next(s_refs.Length)] };
            case < 80:
                return new JsonObject { ["not"] = Condition(random, depth + 1) };
            default:
                var children = new JsonArray();
                var count = random.Next(2, 4);
                for (var i = 0; i < count; i++)
                {
                    children.Add(Condition(random, depth + 1));
                }

                return new JsonObject { [random.Next(2) == 0 ? "all" : "any"] = children };
        }
    }
}
