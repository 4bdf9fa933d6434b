using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.Properties;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Analysis;

/// <summary><see cref="RuleSetAnalysis.Format(string)"/>: the canonical layout, the same meaning, and idempotence.</summary>
public sealed class RuleSetFormatTests
{
    [Fact]
    public void Format_SmallFile_WritesTheCanonicalLayout()
    {
        const string input = """{"policies":[{"rules":[],"kind":"declineWithdrawal","confidence":{"otherwise":"low","levels":[]}}],"conduct":{"otherwise":"mixed","cases":[]},"title":{"ja":"\u30c6\u30b9\u30c8 \"q\"","en":"Test\ttab"},"version":"1","id":"t","schemaVersion":1}""";
        const string expected = """
            {
              "schemaVersion": 1,
              "id": "t",
              "version": "1",
              "title": {
                "en": "Test\ttab",
                "ja": "テスト \"q\""
              },
              "conduct": {
                "cases": [],
                "otherwise": "mixed"
              },
              "policies": [
                {
                  "kind": "declineWithdrawal",
                  "rules": [],
                  "confidence": {
                    "levels": [],
                    "otherwise": "low"
                  }
                }
              ]
            }

            """;

        var result = RuleSetAnalysis.Format(input);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Text);
        Assert.True(result.Changed);
        Assert.True(RuleSetAnalysis.IsFormatted(result.Text));
        Assert.False(RuleSetAnalysis.IsFormatted(input));
    }

    [Fact]
    public void Format_ByteOrderMarkAndCrLf_AreRemoved()
    {
        var text = RuleSetAnalysis.Format(RuleSets.With("[]")).Text!;
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var result = RuleSetAnalysis.Format(withBom);

        Assert.Equal(text, result.Text);
        Assert.True(result.Changed);
        Assert.True(RuleSetAnalysis.IsFormatted(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Format_Comments_AreRefusedWithWhere()
    {
        var json = RuleSets.With("[]").Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, // the only version\n", StringComparison.Ordinal);

        var result = RuleSetAnalysis.Format(json);

        Assert.False(result.Success);
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("format.comments", problem.Code);
        Assert.Equal(2, problem.Line);
        Assert.False(RuleSetAnalysis.IsFormatted(json));
    }

    [Fact]
    public void Format_FileThatDoesNotLoad_GivesTheLoadErrors()
    {
        var json = RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "seat", "op": "eq", "value": "open" }""")}]");

        var result = RuleSetAnalysis.Format(json);

        Assert.False(result.Success);
        Assert.Equal(RuleSetJson.Load(json).Diagnostics.AsEnumerable(), result.Diagnostics.AsEnumerable());
        Assert.Null(result.Text);
    }

    /// <summary>
    /// The default policy is not in the canonical layout: its two policies put <c>confidence</c> last where the schema
    /// puts it after <c>rules</c>, and two draft parts write <c>text</c> before <c>when</c>. Its bytes are kept as they
    /// are, because the content hash stamped in every result is the hash of those bytes; formatting it changes only the
    /// order of properties.
    /// </summary>
    [Fact]
    public void Format_DefaultPolicy_OnlyReordersPropertiesAndKeepsThePlan()
    {
        var original = RuleSetJson.DefaultPolicyJson;

        var result = RuleSetAnalysis.Format(original);

        Assert.True(result.Success);
        Assert.True(result.Changed);
        Assert.False(RuleSetAnalysis.IsFormatted(original));
        Assert.True(RuleSetAnalysis.IsFormatted(result.Text));
        Assert.True(JsonNode.DeepEquals(Sorted(JsonNode.Parse(original)), Sorted(JsonNode.Parse(result.Text))));
        Assert.Equal(original.Split('\n').Length, result.Text.Split('\n').Length);
        Assert.Contains("内定辞退の撤回", result.Text, StringComparison.Ordinal);
        Assert.Equal(RuleSetJson.ToJson(RuleSetJson.Load(original).GetValueOrThrow()), RuleSetJson.ToJson(RuleSetJson.Load(result.Text).GetValueOrThrow()));
    }

    /// <summary>
    /// Loading a rule file before and after formatting gives the same plan (the model written back is identical, and
    /// generated cases evaluate identically, explanations included); formatting does not depend on the input's layout
    /// (shuffled keys, minified or indented, escaped or not) and is idempotent.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool Format_GeneratedRuleSet_SamePlanLayoutIndependentAndIdempotent(int seed)
    {
        var random = new Random(seed);
        var json = RuleSetProperties.RandomRuleSet(random);
        var perturbed = Perturb(json, random);

        var formatted = RuleSetAnalysis.Format(json);
        var fromPerturbed = RuleSetAnalysis.Format(perturbed);
        if (!formatted.Success || !fromPerturbed.Success || formatted.Text != fromPerturbed.Text || !RuleSetAnalysis.IsFormatted(formatted.Text))
        {
            return false;
        }

        var before = RuleSetJson.Load(perturbed).GetValueOrThrow();
        var after = RuleSetJson.Load(formatted.Text).GetValueOrThrow();
        if (RuleSetJson.ToJson(before) != RuleSetJson.ToJson(after))
        {
            return false;
        }

        var clock = new FixedTimeProvider(Cases.AsOf);
        var a = new OfferEvaluator(before, clock);
        var b = new OfferEvaluator(after, clock);
        for (var i = 0; i < 20; i++)
        {
            var @case = EvaluationProperties.RandomCase(random);
            var x = EvaluationJson.ToJson(a.Evaluate(@case)).Replace(before.ContentHash, "hash", StringComparison.Ordinal);
            var y = EvaluationJson.ToJson(b.Evaluate(@case)).Replace(after.ContentHash, "hash", StringComparison.Ordinal);
            if (x != y)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same document with every object's properties shuffled, minified or indented, non-ASCII escaped.</summary>
    private static string Perturb(string json, Random random)
    {
        var node = Shuffle(JsonNode.Parse(json)!, random);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0 });
    }

    private static JsonNode Shuffle(JsonNode node, Random random) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Shuffle(p.Value, random)))),
        JsonArray a => new JsonArray([.. a.Select(i => i is null ? null : Shuffle(i, random))]),
        _ => node.DeepClone(),
    };

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
