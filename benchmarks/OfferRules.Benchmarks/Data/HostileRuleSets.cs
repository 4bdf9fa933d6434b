using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfferRules.Serialization;

namespace OfferRules.Benchmarks.Data;

/// <summary>
/// The costliest rule files a tenant can deploy under the DEFAULT <see cref="RuleSetLimits"/> (issue 15): the default
/// policy, with its recommendations, plus as many generated decline rules of one hostile shape as still load. Each
/// shape is grown by a search for the largest size that loads, so the file sits at a limit (the evaluation cost, the
/// probe values, the list size or the node count): one rule more is refused.
/// </summary>
public static class HostileRuleSets
{
    /// <summary>The hostile shapes.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["DayThresholds", "DateLists", "WideConditions", "Mixed"];

    private static readonly Dictionary<string, (int Size, byte[] Json)> s_worst = [];

    private static readonly (string Fact, string[] Values)[] s_enums =
    [
        ("company.seatStatus", ["open", "filled"]),
        ("offer.evaluation", ["normal", "high"]),
        ("decline.channel", ["phone", "inPerson", "viaAgent", "email", "chatMessage", "letter", "proxyService", "noContact"]),
        ("decline.tone", ["polite", "neutral", "rude"]),
        ("decline.originalReason", ["acceptedOtherOffer", "fitOrConditions", "familyEmergency", "health", "otherPath", "pressuredByCompany", "other"]),
        ("request.changeOfMindReason", ["unavoidableCircumstanceResolved", "otherOfferFellThrough", "otherPathFellThrough", "reconsideredAfterReflection", "noClearReason"]),
        ("company.hiringNeedTrend", ["increased", "stable", "decreased"]),
    ];

    private static readonly string[] s_bools =
    [
        "decline.evidenceAvailable", "decline.circumstanceChanged", "company.seatOfferedToOther", "company.policyForbidsReinstatement",
        "decline.previouslyReversed", "request.willingToRedoSelection",
    ];

    /// <summary>Gets the largest file of a shape that loads under the default limits, and its size (generated rules).</summary>
    /// <param name="shape">One of <see cref="Shapes"/>.</param>
    /// <returns>The size and the rule file's UTF-8 JSON.</returns>
    public static (int Size, byte[] Json) Worst(string shape)
    {
        lock (s_worst)
        {
            if (!s_worst.TryGetValue(shape, out var worst))
            {
                worst = Search(shape);
                s_worst[shape] = worst;
            }

            return worst;
        }
    }

    /// <summary>Builds the default policy with <paramref name="size"/> generated decline rules of a shape.</summary>
    /// <param name="shape">One of <see cref="Shapes"/>.</param>
    /// <param name="size">How many rules to add.</param>
    /// <returns>The rule file's UTF-8 JSON.</returns>
    public static byte[] Create(string shape, int size)
    {
        var root = JsonNode.Parse(SyntheticRuleSets.DefaultPolicyBytes())!.AsObject();
        root["id"] = $"hostile.{shape}.{size}";
        var decline = root["policies"]!.AsArray().First(p => (string?)p!["kind"] == "declineWithdrawal")!.AsObject();
        var rules = decline["rules"]!.AsArray();
        var random = new Random(BenchmarkData.Seed);
        for (var i = 0; i < size; i++)
        {
            var when = shape switch
            {
                // Every rule a new day number: the most probe classes for the decline date, each re-reading every such rule.
                "DayThresholds" => DayThreshold(i),

                // The largest lists: a thousand dates each.
                "DateLists" => DateList(i),

                // Wide conditions over every enum and yes/no fact, each unknown in the case, so every fact is probed.
                "WideConditions" => Wide(random),
                _ => (i % 3) switch { 0 => DayThreshold(i), 1 => DateList(i), _ => Wide(random) },
            };
            rules.Add(Rule($"H-{i:00000}", when));
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static (int, byte[]) Search(string shape)
    {
        static bool Loads(byte[] json) => RuleSetJson.Load(json).Success;

        int good = 0, bad = 1;
        while (Loads(Create(shape, bad)))
        {
            good = bad;
            bad *= 2;
        }

        while (bad - good > 1)
        {
            var mid = good + ((bad - good) / 2);
            if (Loads(Create(shape, mid)))
            {
                good = mid;
            }
            else
            {
                bad = mid;
            }
        }

        return (good, Create(shape, good));
    }

    private static JsonObject DayThreshold(int i) =>
        new() { ["fact"] = "daysSinceDecline", ["op"] = i % 2 == 0 ? "gt" : "le", ["value"] = 40 + i };

    private static JsonObject DateList(int i)
    {
        var start = new DateOnly(2020, 1, 1).AddDays(i);
        var values = new JsonArray();
        for (var d = 0; d < 1_000; d++)
        {
            values.Add(start.AddDays(d * 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return new JsonObject { ["fact"] = "decline.declinedOn", ["op"] = "in", ["values"] = values };
    }

    private static JsonObject Wide(Random random)
    {
        var children = new JsonArray();
        for (var c = 0; c < 8; c++)
        {
            if (c % 2 == 0)
            {
                var (fact, values) = s_enums[random.Next(s_enums.Length)];
                children.Add(new JsonObject { ["fact"] = fact, ["op"] = "eq", ["value"] = values[random.Next(values.Length)] });
            }
            else
            {
                children.Add(new JsonObject { ["fact"] = s_bools[random.Next(s_bools.Length)], ["op"] = "eq", ["value"] = random.Next(2) == 0 });
            }
        }

        return new JsonObject { ["any"] = new JsonArray(new JsonObject { ["all"] = children }, new JsonObject { ["ref"] = "goodConduct" }) };
    }

    private static JsonObject Rule(string id, JsonObject when) => new()
    {
        ["id"] = id,
        ["stage"] = "adjust",
        ["when"] = when,
        ["effect"] = new JsonObject { ["score"] = id.EndsWith('1') ? -1 : 1 },
        ["messages"] = new JsonObject
        {
            ["fired"] = Text($"Rule {id} applies.", $"ルール {id} が当てはまります。"),
            ["unknown"] = Text($"Whether rule {id} applies is not known.", $"ルール {id} が当てはまるかは分かりません。"),
        },
        ["basis"] = Text("A generated hostile rule.", "生成した攻撃的なルールです。"),
    };

    private static JsonObject Text(string en, string ja) => new() { ["en"] = en, ["ja"] = ja };
}
