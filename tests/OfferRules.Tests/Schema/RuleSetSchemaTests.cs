using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Schema;

/// <summary><c>schema/ruleset.schema.json</c> accepts the default policy and rejects what the loader rejects, where a schema can say it.</summary>
public sealed class RuleSetSchemaTests
{
    private const string SeatOpen = """{ "fact": "company.seatStatus", "op": "eq", "value": "open" }""";

    /// <summary>Rule files the loader accepts.</summary>
    public static TheoryData<string> AcceptedRuleFiles() =>
    [
        RuleSets.With("[]"),
        RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, stage: "terminal", effect: """{ "outlook": "likely" }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, stage: "override", effect: """{ "outlook": "possible" }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", """{ "all": [] }""", stage: "base", effect: """{ "outlook": "unlikely" }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", """{ "not": { "fact": "decline.tone", "op": "isKnown" } }""", stage: "adjust", effect: """{ "score": -3 }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "timingBand", "op": "in", "values": ["late", "veryLate"] }""", stage: "cap", effect: """{ "cap": "veryUnlikely" }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", """{ "atLeast": 1, "of": [{ "ref": "c-1" }] }""", stage: "info", effect: """{ "info": true }""")}]", $"[{RuleSets.Condition("c-1", SeatOpen)}]"),
        RuleSets.With($"[{RuleSets.Rule("R.1_a", """{ "fact": "daysSinceDecline", "op": "ge", "value": 8 }""")}]"),
        RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "offer.startsOn", "op": "lt", "value": "2026-04-01" }""")}]"),
        WithMessage("{daysSinceDecline} days, {offer.company}", "{daysSinceDecline}日、{offer.company}"),
        WithPolicyPart("""
            "actions": [{ "id": "A1", "when": { "fact": "outlook", "op": "in", "values": ["possible", "likely"] }, "channel": "phone", "timing": "atCall",
                          "messages": { "en": "Call {offer.contactPerson}.", "ja": "{offer.contactPerson}様にお電話を。" } }],
            "caveats": [{ "id": "C1", "when": { "all": [] }, "messages": { "en": "x", "ja": "x" } }],
            "fallbacks": [{ "id": "F1", "when": { "ref": "c-1" }, "messages": { "en": "x", "ja": "x" } }],
            "drafts": [{ "id": "D1", "kind": "email", "when": { "all": [] }, "title": { "en": "x", "ja": "x" }, "subject": { "en": "{candidate.name}", "ja": "{candidate.name}" },
                         "parts": [{ "text": { "en": "x", "ja": "x" } }, { "when": { "fact": "outlook", "op": "eq", "value": "likely" }, "text": { "en": "y", "ja": "y" } }] }]
            """, conditions: $"[{RuleSets.Condition("c-1", SeatOpen)}]"),
    ];

    /// <summary>Rule files the loader rejects for a reason the schema can express too.</summary>
    public static TheoryData<string, string> RejectedRuleFiles() => new()
    {
        { "an unknown root property", RuleSets.With("[]").Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"scripts\": \"rm -rf /\",", StringComparison.Ordinal) },
        { "schemaVersion 2", RuleSets.With("[]").Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal) },
        { "an empty version", RuleSets.With("[]").Replace("\"version\": \"1\"", "\"version\": \"\"", StringComparison.Ordinal) },
        { "timing bands over ten years", RuleSets.With("[]").Replace("\"conduct\":", "\"timingBands\": { \"lateMaxDays\": 5000 }, \"conduct\":", StringComparison.Ordinal) },
        { "an unknown fact", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatsu", "op": "eq", "value": "open" }""")}]") },
        { "a .NET method as a fact", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "System.IO.File.Delete", "op": "isKnown" }""")}]") },
        { "eval as an operator", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eval", "value": "open" }""")}]") },
        { "a misspelt operator", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "equals", "value": "open" }""")}]") },
        { "an unknown condition node", RuleSets.With($"[{RuleSets.Rule("R1", """{ "allOf": [] }""")}]") },
        { "two condition nodes in one", RuleSets.With($"[{RuleSets.Rule("R1", """{ "all": [], "any": [] }""")}]") },
        { "atLeast 0", RuleSets.With($"[{RuleSets.Rule("R1", $$"""{ "atLeast": 0, "of": [{{SeatOpen}}] }""")}]") },
        { "isKnown with a value", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "isKnown", "value": "open" }""")}]") },
        { "in with a single value", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "in", "value": "open" }""")}]") },
        { "eq with values", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eq", "values": ["open"] }""")}]") },
        { "an object as a literal", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eq", "value": { "$type": "System.Diagnostics.Process" } }""")}]") },
        { "outlook in a rule", RuleSets.With($"[{RuleSets.Rule("R1", """{ "not": { "fact": "outlook", "op": "eq", "value": "likely" } }""")}]") },
        { "outlook in a named condition", RuleSets.With("[]", $"[{RuleSets.Condition("c", """{ "any": [{ "fact": "outlook", "op": "isKnown" }] }""")}]") },
        { "an unknown stage", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, stage: "final")}]") },
        { "a score effect on a cap rule", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, stage: "cap", effect: """{ "score": 1 }""")}]") },
        { "two effects", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, effect: """{ "score": 1, "info": true }""")}]") },
        { "a score of 5", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, effect: """{ "score": 5 }""")}]") },
        { "info false", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen, stage: "info", effect: """{ "info": false }""")}]") },
        { "a rule id with a space", RuleSets.With($"[{RuleSets.Rule("R 1", SeatOpen)}]") },
        { "a rule id with a path", RuleSets.With($"[{RuleSets.Rule("../../etc/passwd", SeatOpen)}]") },
        { "an unknown placeholder", WithMessage("{dayssincedecline}", "{dayssincedecline}") },
        { "a placeholder naming code", WithMessage("{System.Environment.Exit}", "{System.Environment.Exit}") },
        { "an unclosed placeholder", WithMessage("{daysSinceDecline days", "{daysSinceDecline days") },
        { "a stray closing brace", WithMessage("days}", "days}") },
        { "an empty Japanese message", WithMessage("x", string.Empty) },
        { "a placeholder in a basis", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen)}]").Replace("\"basis\": { \"en\": \"x\"", "\"basis\": { \"en\": \"{daysSinceDecline}\"", StringComparison.Ordinal) },
        { "a reference in a conduct case", RuleSets.With("[]").Replace("\"cases\": []", "\"cases\": [{ \"value\": \"good\", \"when\": { \"any\": [{ \"ref\": \"c\" }] } }]", StringComparison.Ordinal) },
        { "conduct deriving itself", RuleSets.With("[]").Replace("\"cases\": []", "\"cases\": [{ \"value\": \"good\", \"when\": { \"fact\": \"conduct\", \"op\": \"eq\", \"value\": \"good\" } }]", StringComparison.Ordinal) },
        { "a conduct of unknown otherwise", RuleSets.With("[]").Replace("\"otherwise\": \"mixed\"", "\"otherwise\": \"unknown\"", StringComparison.Ordinal) },
        { "nine confidence levels", RuleSets.With("[]").Replace("\"levels\": []", "\"levels\": [" + string.Join(",", Enumerable.Repeat("""{ "level": "high", "when": { "all": [] } }""", 9)) + "]", StringComparison.Ordinal) },
        { "an unknown action channel", WithPolicyPart("""
            "actions": [{ "id": "A1", "when": { "all": [] }, "channel": "shell", "timing": "atCall", "messages": { "en": "x", "ja": "x" } }]
            """) },
        { "a draft without parts", WithPolicyPart("""
            "drafts": [{ "id": "D1", "kind": "email", "when": { "all": [] }, "title": { "en": "x", "ja": "x" } }]
            """) },
    };

    /// <summary>Rule files only the loader can reject: they need references, types or two values compared.</summary>
    public static TheoryData<string, string> RuleFilesOnlyTheLoaderRejects() => new()
    {
        { "condition.typeMismatch", RuleSets.With($"[{RuleSets.Rule("R1", """{ "fact": "company.seatStatus", "op": "eq", "value": true }""")}]") },
        { "ruleSet.duplicateId", RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen)},{RuleSets.Rule("R1", SeatOpen)}]") },
        { "condition.unknownReference", RuleSets.With($"[{RuleSets.Rule("R1", """{ "ref": "missing" }""")}]") },
        { "condition.cycle", RuleSets.With($"[{RuleSets.Rule("R1", """{ "ref": "a" }""")}]", $"[{RuleSets.Condition("a", """{ "not": { "ref": "a" } }""")}]") },
        { "message.placeholderMismatch", WithMessage("{daysSinceDecline} days", "x") },
        { "ruleSet.outOfRange", RuleSets.With("[]").Replace("\"conduct\":", "\"timingBands\": { \"immediateMaxDays\": 9, \"withinWeekMaxDays\": 7 }, \"conduct\":", StringComparison.Ordinal) },
    };

    [Fact]
    public void RuleSetSchema_DefaultPolicyResource_IsValid()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream("OfferRules.default-policy.json");
        Assert.NotNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        var errors = Schemas.Errors(Schemas.RuleSet, buffer.ToArray());

        Assert.Empty(errors);
    }

    [Fact]
    public void RuleSetSchema_TenantFile_IsValid()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "tenant-ruleset.json"));

        Assert.Empty(Schemas.Errors(Schemas.RuleSet, bytes));
    }

    [Fact]
    public void RuleSetSchema_HostileFilesThatParse_AreRejectedUnlessOnlyTheLoaderCanTell()
    {
        // Problems a JSON Schema cannot express: references and cycles, unique ids and kinds, literal types, the order
        // of the timing bands, 'atLeast' against the length of 'of', and placeholders compared across languages.
        string[] onlyTheLoader =
        [
            "atleast-more-than-of.json", "conditions-40-deep.json", "duplicate-condition-id.json", "duplicate-json-key.json", "duplicate-policy-kind.json",
            "duplicate-rule-id.json", "impossible-date-literal.json", "placeholders-differ.json", "reference-cycle.json",
            "self-reference.json", "timing-bands-not-growing.json", "type-mismatch-boolean.json", "type-mismatch-number-as-string.json",
            "type-mismatch-order-on-enum.json", "unknown-enum-literal.json", "unknown-reference.json",
        ];
        var accepted = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "hostile-rulesets"), "*.json"))
        {
            var bytes = File.ReadAllBytes(file);
            if (!IsReadableJson(bytes))
            {
                continue;
            }

            if (Schemas.Errors(Schemas.RuleSet, bytes).Count == 0)
            {
                accepted.Add(Path.GetFileName(file));
            }
        }

        Assert.Equal(onlyTheLoader.Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AcceptedRuleFiles))]
    public void RuleSetSchema_RuleFileTheLoaderAccepts_IsValid(string json)
    {
        var loaded = RuleSetJson.Load(json);

        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Diagnostics));
        Assert.Empty(Schemas.Errors(Schemas.RuleSet, json));
    }

    [Theory]
    [MemberData(nameof(RejectedRuleFiles))]
    public void RuleSetSchema_RuleFileTheLoaderRejects_IsInvalid(string problem, string json)
    {
        var loaded = RuleSetJson.Load(json);

        Assert.False(loaded.Success, $"The loader accepted a rule file with {problem}.");
        Assert.NotEmpty(Schemas.Errors(Schemas.RuleSet, json));
    }

    [Theory]
    [MemberData(nameof(RuleFilesOnlyTheLoaderRejects))]
    public void RuleSetSchema_ProblemBeyondASchema_OnlyTheLoaderRejects(string code, string json)
    {
        var loaded = RuleSetJson.Load(json);

        Assert.Contains(loaded.Diagnostics, d => d.Code == code);
        Assert.Empty(Schemas.Errors(Schemas.RuleSet, json));
    }

    private static bool IsReadableJson(byte[] bytes)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                if (reader.TokenType is System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string WithMessage(string en, string ja) =>
        RuleSets.With($"[{RuleSets.Rule("R1", SeatOpen)}]").Replace(
            "\"fired\": { \"en\": \"x\", \"ja\": \"x\" }",
            $"\"fired\": {{ \"en\": \"{en}\", \"ja\": \"{ja}\" }}",
            StringComparison.Ordinal);

    private static string WithPolicyPart(string part, string conditions = "[]") =>
        RuleSets.With("[]", conditions).Replace(
            "\"confidence\": { \"levels\": [], \"otherwise\": \"low\" }",
            "\"confidence\": { \"levels\": [], \"otherwise\": \"low\" }," + part,
            StringComparison.Ordinal);
}
