using System.Text;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Rule files from an untrusted tenant: malformed, oversized or written to abuse the loader. Each one fails to load
/// with a diagnostic that says where, never throws, and costs little. Small files are committed under
/// <c>TestData/hostile-rulesets/</c> byte for byte; large ones are generated here at run time.
/// </summary>
public sealed class HostileRuleSetTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "hostile-rulesets");

    private static string TenantFile => Path.Combine(AppContext.BaseDirectory, "TestData", "tenant-ruleset.json");

    /// <summary>Every committed hostile file, with the code and JSON Pointer of its first diagnostic ("" for the whole document).</summary>
    public static TheoryData<string, string, string> Corpus() => new()
    {
        { "atleast-fraction.json", "condition.invalidNode", "/policies/0/conditions/0/when/atLeast" },
        { "atleast-more-than-of.json", "condition.invalidNode", "/policies/0/conditions/0/when/atLeast" },
        { "bidi-override-property.json", "ruleSet.unknownProperty", "/policies/0/rules/1/\u202Etxt.exe" },
        { "bom-twice.json", "json.malformed", "" },
        { "conditions-40-deep.json", "ruleSet.limit", "/policies/0/conditions/0/when/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not/not" },
        { "conduct-derives-itself.json", "condition.cycle", "/conduct/cases/0/when/fact" },
        { "duplicate-condition-id.json", "ruleSet.duplicateId", "/policies/0/conditions/1/id" },
        { "duplicate-json-key.json", "ruleSet.duplicateProperty", "/id" },
        { "duplicate-policy-kind.json", "ruleSet.duplicateId", "/policies/1/kind" },
        { "duplicate-rule-id.json", "ruleSet.duplicateId", "/policies/0/rules/1/id" },
        { "effect-for-another-stage.json", "rule.effect", "/policies/0/rules/1/effect" },
        { "empty-id.json", "ruleSet.empty", "/policies/0/rules/1/id" },
        { "empty-message.json", "ruleSet.empty", "/policies/0/rules/1/messages/unknown/en" },
        { "empty-values.json", "condition.invalidNode", "/policies/0/conditions/0/when/values" },
        { "empty.json", "json.malformed", "" },
        { "eval-operator.json", "condition.unknownOperator", "/policies/0/conditions/0/when/op" },
        { "id-with-control-character.json", "ruleSet.invalidId", "/policies/0/rules/1/id" },
        { "id-with-path.json", "ruleSet.invalidId", "/policies/0/rules/1/id" },
        { "impossible-date-literal.json", "condition.typeMismatch", "/policies/0/conditions/0/when/value" },
        { "invalid-utf8.json", "json.malformed", "" },
        { "log-injection-fact.json", "condition.unknownFact", "/policies/0/conditions/0/when/fact" },
        { "lone-surrogate-key.json", "json.malformed", "/policies/0" },
        { "lone-surrogate.json", "json.malformed", "/policies/0/conditions/0/messages/met/en" },
        { "long-id.json", "ruleSet.limit", "/policies/0/rules/1/id" },
        { "long-message.json", "ruleSet.limit", "/policies/0/rules/1/messages/unknown/en" },
        { "missing-effect.json", "ruleSet.missingProperty", "/policies/0/rules/1" },
        { "misspelt-operator.json", "condition.unknownOperator", "/policies/0/conditions/0/when/op" },
        { "nan-literal.json", "json.malformed", "" },
        { "nesting-70-deep.json", "json.malformed", "" },
        { "not-an-object.json", "ruleSet.wrongType", "" },
        { "null-conditions.json", "ruleSet.wrongType", "/policies/0/conditions" },
        { "object-literal.json", "condition.typeMismatch", "/policies/0/conditions/0/when/value" },
        { "operator-wrong-case.json", "condition.unknownOperator", "/policies/0/conditions/0/when/op" },
        { "outlook-in-named-condition.json", "condition.outlookNotAllowed", "/policies/0/conditions/0/when/any/0/fact" },
        { "outlook-in-rule.json", "condition.outlookNotAllowed", "/policies/0/rules/1/when/fact" },
        { "overlong-utf8.json", "json.malformed", "" },
        { "placeholder-in-basis.json", "message.placeholder", "/policies/0/rules/1/basis/en" },
        { "placeholder-naming-code.json", "message.placeholder", "/policies/0/rules/1/messages/fired/en" },
        { "placeholders-differ.json", "message.placeholderMismatch", "/policies/0/rules/1/messages/fired" },
        { "proto-pollution.json", "ruleSet.unknownProperty", "/__proto__" },
        { "reference-cycle.json", "condition.cycle", "/policies/0/conditions/1/when/not/ref" },
        { "reference-in-conduct.json", "condition.invalidNode", "/conduct/cases/0/when/ref" },
        { "schema-version-2.json", "ruleSet.schemaVersion", "/schemaVersion" },
        { "schema-version-overflow.json", "ruleSet.wrongType", "/schemaVersion" },
        { "score-huge-number.json", "ruleSet.wrongType", "/policies/0/rules/1/effect/score" },
        { "score-out-of-range.json", "ruleSet.outOfRange", "/policies/0/rules/1/effect/score" },
        { "script-fact.json", "condition.unknownFact", "/policies/0/conditions/0/when/fact" },
        { "self-reference.json", "condition.cycle", "/policies/0/conditions/0/when/any/0/ref" },
        { "single-quotes.json", "json.malformed", "" },
        { "timing-band-negative.json", "ruleSet.outOfRange", "/timingBands/immediateMaxDays" },
        { "timing-bands-not-growing.json", "ruleSet.outOfRange", "/timingBands" },
        { "too-many-placeholders.json", "message.placeholder", "/policies/0/rules/1/messages/fired/en" },
        { "trailing-comma.json", "json.malformed", "" },
        { "truncated.json", "json.malformed", "" },
        { "two-effects.json", "rule.effect", "/policies/0/rules/1/effect" },
        { "two-nodes-in-one.json", "condition.invalidNode", "/policies/0/conditions/0/when" },
        { "type-mismatch-boolean.json", "condition.typeMismatch", "/policies/0/conditions/0/when/value" },
        { "type-mismatch-number-as-string.json", "condition.typeMismatch", "/policies/0/conditions/0/when/value" },
        { "type-mismatch-order-on-enum.json", "condition.typeMismatch", "/policies/0/conditions/0/when/op" },
        { "type-name-fact.json", "condition.unknownFact", "/policies/0/conditions/0/when/fact" },
        { "unclosed-placeholder.json", "message.placeholder", "/policies/0/rules/1/messages/fired/en" },
        { "unknown-case-kind.json", "ruleSet.unknownValue", "/policies/0/kind" },
        { "unknown-enum-literal.json", "condition.typeMismatch", "/policies/0/conditions/0/when/values/1" },
        { "unknown-fact.json", "condition.unknownFact", "/policies/0/conditions/0/when/fact" },
        { "unknown-node.json", "condition.invalidNode", "/policies/0/conditions/0/when/exec" },
        { "unknown-placeholder.json", "message.placeholder", "/policies/0/rules/1/messages/fired/en" },
        { "unknown-reference.json", "condition.unknownReference", "/policies/0/rules/1/when/ref" },
        { "unknown-root-property.json", "ruleSet.unknownProperty", "/scripts" },
        { "unknown-rule-property.json", "ruleSet.unknownProperty", "/policies/0/rules/1/code" },
        { "unknown-stage.json", "ruleSet.unknownValue", "/policies/0/rules/1/stage" },
        { "utf16-with-bom.json", "json.malformed", "" },
        { "wrong-type-rules.json", "ruleSet.wrongType", "/policies/0/rules" },
        { "wrong-type-schema-version.json", "ruleSet.wrongType", "/schemaVersion" },
    };

    [Fact]
    public void Corpus_ListsEveryCommittedFile()
    {
        var listed = Corpus().Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(CorpusDirectory, "*.json").Select(f => Path.GetFileName(f)!).ToHashSet();

        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.True(files.Count >= 30, $"The corpus has {files.Count} files.");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void LoadFile_HostileFile_FailsWithADiagnosticThatSaysWhere(string file, string code, string path)
    {
        RuleSetLoadResult? result = null;

        var thrown = Record.Exception(() => result = RuleSetJson.LoadFile(Path.Combine(CorpusDirectory, file)));

        Assert.Null(thrown);
        Assert.NotNull(result);
        Assert.False(result.Success);
        var first = result.Diagnostics[0];
        Assert.Equal((code, path), (first.Code, first.Path));
        Assert.True(first.Line >= 1 && first.Column >= 1, $"No position: {first}");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Load_HostileFileFromBytesOrStream_GivesTheSameDiagnosticsAsFromTheFile(string file, string code, string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusDirectory, file));
        var fromFile = RuleSetJson.LoadFile(Path.Combine(CorpusDirectory, file)).Diagnostics.ToArray();

        using var stream = new MemoryStream(bytes);
        Assert.Equal(fromFile, RuleSetJson.Load(bytes).Diagnostics.ToArray());
        Assert.Equal(fromFile, RuleSetJson.Load(stream).Diagnostics.ToArray());
        Assert.Contains(fromFile, d => d.Code == code && d.Path == path);
    }

    [Fact]
    public void LoadFile_WholeCorpus_IsRejectedWithPrintableDiagnostics()
    {
        var files = Directory.GetFiles(CorpusDirectory, "*.json");
        var diagnostics = new List<RuleSetDiagnostic>();

        foreach (var file in files)
        {
            diagnostics.AddRange(RuleSetJson.LoadFile(file).Diagnostics);
        }

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.False(HasUnprintable(d.ToString()), $"Unprintable character in: {d}"));
        Assert.All(diagnostics, d => Assert.False(HasUnprintable(d.Message), $"Unprintable character in: {d.Message}"));
    }

    [Fact]
    public void LoadFile_FactWithANewline_IsEscapedInTheMessage()
    {
        var d = RuleSetJson.LoadFile(Path.Combine(CorpusDirectory, "log-injection-fact.json")).Diagnostics[0];

        Assert.StartsWith("'company.seatStatus\\u000A2025-07-10 INFO Tenant rule set", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', d.ToString());
    }

    [Fact]
    public void LoadFile_PropertyWithABidiOverride_KeepsThePointerExactButPrintsItEscaped()
    {
        var d = RuleSetJson.LoadFile(Path.Combine(CorpusDirectory, "bidi-override-property.json")).Diagnostics[0];

        Assert.Equal("/policies/0/rules/1/\u202Etxt.exe", d.Path);
        Assert.StartsWith("/policies/0/rules/1/\\u202Etxt.exe (line ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TenThousandNestedConditions_IsRejectedByTheParserWithAPosition()
    {
        var json = TenantWith(rulesWhen: new StringBuilder().Insert(0, """{ "not": """, 10_000).Append("""{ "all": [] }""").Append('}', 10_000).ToString());

        var result = RuleSetJson.Load(json);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("json.malformed", "The JSON is nested deeper than 64 levels."), (d.Code, d.Message));
        Assert.NotNull(d.Line);
    }

    [Fact]
    public void Load_AMillionConditions_StopsAtTheNodeLimitWithItsPointer()
    {
        var json = TenantWith(rulesWhen: """{ "any": [""" + string.Join(",", Enumerable.Repeat("""{"all":[]}""", 1_000_000)) + "] }");

        var result = RuleSetJson.Load(json);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", "/policies/0/rules/1/when/all/0/any/199992"), (d.Code, d.Path));
        Assert.Equal("The rule set has more than 200000 condition nodes.", d.Message);
        Assert.NotNull(d.Line);
    }

    [Fact]
    public void Load_HundredMegabyteString_IsRejectedBeforeParsing()
    {
        var json = TenantWith(fired: new string('x', 100_000_000));

        var result = RuleSetJson.Load(json);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", string.Empty), (d.Code, d.Path));
        Assert.StartsWith("The rule file is ", d.Message, StringComparison.Ordinal);
        Assert.EndsWith(" bytes; the limit is 16777216.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HundredMegabyteStream_ReadsLittleMoreThanTheLimit()
    {
        using var stream = new EndlessStream(Encoding.UTF8.GetBytes("{ \"id\": \""), fill: (byte)'x', length: 100_000_000);

        var result = RuleSetJson.Load(stream);

        Assert.Equal("ruleSet.limit", Assert.Single(result.Diagnostics).Code);
        Assert.InRange(stream.Position, RuleSetLimits.Default.MaxBytes, RuleSetLimits.Default.MaxBytes + 100_000);
    }

    [Fact]
    public void Load_TenMegabyteMessage_IsRejectedAtTheMessage()
    {
        var json = TenantWith(fired: new string('x', 10_000_000));

        var result = RuleSetJson.Load(json);

        Assert.Contains(result.Diagnostics, d => d.Code == "ruleSet.limit" && d.Path == "/policies/0/rules/1/messages/fired/en" && d.Line is not null);
    }

    [Fact]
    public void Load_FiftyThousandRules_IsRejectedAtTheRuleList()
    {
        var rules = string.Join(",", Enumerable.Range(0, 50_000).Select(i => "{\"id\":\"R" + i + "\",\"stage\":\"info\",\"when\":{\"all\":[]},\"effect\":{\"info\":true},\"messages\":{\"fired\":{\"en\":\"x\",\"ja\":\"x\"},\"unknown\":{\"en\":\"x\",\"ja\":\"x\"}},\"basis\":{\"en\":\"x\",\"ja\":\"x\"}}"));
        var json = RuleSets.With($"[{rules}]");

        var result = RuleSetJson.Load(json);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", "/policies/0/rules", "'rules' has 50000 items; the limit is 20000."), (d.Code, d.Path, d.Message));
    }

    [Fact]
    public void Load_TwentyThousandBrokenRules_ReportsABoundedNumberOfProblems()
    {
        var rules = string.Join(",", Enumerable.Range(0, 20_000).Select(i => RuleSets.Rule("R" + i, $$"""{ "fact": "System.IO.File.Delete{{i}}", "op": "isKnown" }""")));
        var json = RuleSets.With($"[{rules}]");

        var result = RuleSetJson.Load(json);

        Assert.Equal(201, result.Diagnostics.Length);
        Assert.Equal(("condition.unknownFact", "/policies/0/rules/0/when/fact"), (result.Diagnostics[0].Code, result.Diagnostics[0].Path));
        Assert.Equal("ruleSet.tooManyProblems", result.Diagnostics[^1].Code);
    }

    [Fact]
    public void Load_ConditionWithNearMissFactsEverywhere_StopsLookingOnceTheListIsFull()
    {
        // Each near miss costs a "did you mean" search; after 200 problems the rest are not even looked at.
        var leaves = string.Join(",", Enumerable.Repeat("""{"fact":"company.seatStatsu","op":"isKnown"}""", 190_000));
        var json = TenantWith(rulesWhen: """{ "any": [""" + leaves + "] }");

        var result = RuleSetJson.Load(json);

        Assert.Equal(201, result.Diagnostics.Length);
        Assert.Equal("Did you mean 'company.seatStatus'?", result.Diagnostics[0].Message[^34..]);
        Assert.Equal(("ruleSet.tooManyProblems", "Stopped after 200 problems; the rest of the file was not checked."), (result.Diagnostics[^1].Code, result.Diagnostics[^1].Message));
    }

    [Fact]
    public void Load_NearMissPlaceholdersInEveryMessage_StopsLookingOnceTheListIsFull()
    {
        const string Text = """{ "en": "{company.seatStatsu}", "ja": "{company.seatStatsu}" }""";
        var rules = string.Join(",", Enumerable.Range(0, 20_000).Select(i => RuleSets.Rule("R" + i, """{ "all": [] }""").Replace("""{ "en": "x", "ja": "x" }""", Text, StringComparison.Ordinal)));

        var result = RuleSetJson.Load(RuleSets.With($"[{rules}]"));

        Assert.Equal(201, result.Diagnostics.Length);
        Assert.Equal(("message.placeholder", "/policies/0/rules/0/messages/fired/en"), (result.Diagnostics[0].Code, result.Diagnostics[0].Path));
        Assert.Equal("ruleSet.tooManyProblems", result.Diagnostics[^1].Code);
    }

    [Fact]
    public void Load_HugeKeyOverAHugeObject_IsLocatedWithoutBuildingItsPointers()
    {
        // A one-megabyte property name over 100,000 members: building every member's pointer would copy the name each time.
        var key = new string('k', 1_000_000);
        var members = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"m{i}\":{i}"));
        var json = File.ReadAllText(TenantFile).Replace("\"schemaVersion\": 1,", $"\"schemaVersion\": 1, \"{key}\": {{ {members} }},", StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.unknownProperty", "/" + key), (d.Code, d.Path));
        Assert.Equal(3, d.Line);
        Assert.True(d.ToString().Length < 500, "The diagnostic's text should be short.");
    }

    [Fact]
    public void Load_LoneSurrogateAfterAHugeKey_IsLocatedQuickly()
    {
        var key = new string('k', 1_000_000);
        var members = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"m{i}\":{i}"));
        var json = $$"""{ "{{key}}": { {{members}} }, "version": "\uD800" }""";

        var result = RuleSetJson.Load(json.Replace("\uD800", "\\uD800", StringComparison.Ordinal));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("json.malformed", "/version", 1), (d.Code, d.Path, d.Line));
    }

    [Fact]
    public void Load_HundredThousandUnknownProperties_ReportsABoundedNumber()
    {
        var members = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"eval{i}\":\"System.Diagnostics.Process.Start\""));
        var json = File.ReadAllText(TenantFile).Replace("\"schemaVersion\": 1,", $"\"schemaVersion\": 1, {members},", StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.Equal(201, result.Diagnostics.Length);
        Assert.Equal(("ruleSet.unknownProperty", "/eval0", 3), (result.Diagnostics[0].Code, result.Diagnostics[0].Path, result.Diagnostics[0].Line));
    }

    [Fact]
    public void Load_ReferenceDiamond_LoadsAndEvaluatesWithoutBlowingUp()
    {
        // Each named condition reads the next three times, 31 deep: 3^31 paths if references were expanded, not memoised.
        var conditions = string.Join(",", Enumerable.Range(0, 31).Select(i => RuleSets.Condition(
            "c" + i,
            i == 30 ? """{ "fact": "company.seatStatus", "op": "isKnown" }""" : $$"""{ "any": [{ "ref": "c{{i + 1}}" }, { "not": { "ref": "c{{i + 1}}" } }, { "ref": "c{{i + 1}}" }] }""")));
        var json = RuleSets.With($"[{RuleSets.Rule("R1", """{ "ref": "c0" }""")}]", $"[{conditions}]");

        var ruleSet = RuleSetJson.Load(json).GetValueOrThrow();
        var result = new OfferEvaluator(ruleSet).Evaluate(Cases.Minimal());

        // Expanded, the references would never finish; memoised, the cost bound stays small.
        Assert.Equal(EvaluationStatus.Evaluated, result.Status);
        Assert.InRange(ruleSet.EvaluationCost, 1, RuleSetLimits.Default.MaxEvaluationCost);
    }

    [Fact]
    public void LoadFile_TenantFile_LoadsWithTheDefaultLimits()
    {
        var result = RuleSetJson.LoadFile(TenantFile);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(("tenant.acme", "2025.1"), (result.Value.Id, result.Value.Version));
    }

    public static TheoryData<string, RuleSetLimits, string, string> TightenedLimits() => new()
    {
        { "MaxBytes", RuleSetLimits.Default with { MaxBytes = 1024 }, "ruleSet.limit", string.Empty },
        { "MaxJsonDepth", RuleSetLimits.Default with { MaxJsonDepth = 6 }, "json.malformed", string.Empty },
        { "MaxConditionDepth", RuleSetLimits.Default with { MaxConditionDepth = 1 }, "ruleSet.limit", "/policies/0/conditions/0/when/all/1/not" },
        { "MaxRules", RuleSetLimits.Default with { MaxRules = 1 }, "ruleSet.limit", "/policies/0/rules" },
        { "MaxConditionNodes", RuleSetLimits.Default with { MaxConditionNodes = 3 }, "ruleSet.limit", "/policies/0/conditions/0/when/all/1" },
        { "MaxIdLength", RuleSetLimits.Default with { MaxIdLength = 6 }, "ruleSet.limit", "/id" },
        { "MaxTextLength", RuleSetLimits.Default with { MaxTextLength = 20 }, "ruleSet.limit", "/title/en" },
        { "MaxPlaceholders", RuleSetLimits.Default with { MaxPlaceholders = 1 }, "message.placeholder", "/policies/0/rules/1/messages/fired/en" },
    };

    [Theory]
    [MemberData(nameof(TightenedLimits))]
    public void LoadFile_TenantFileOverATightenedLimit_IsRejected(string limit, RuleSetLimits limits, string code, string path)
    {
        var result = RuleSetJson.LoadFile(TenantFile, limits);

        Assert.False(result.Success, $"The tenant file kept to {limit}.");
        var first = result.Diagnostics[0];
        Assert.Equal((code, path), (first.Code, first.Path));

        // Only a file too large to read has no position: it was never parsed.
        Assert.Equal(limit != "MaxBytes", first.Line is not null);
    }

    [Fact]
    public void LoadFile_TenantFileAtItsOwnSize_LoadsWithLimitsItKeepsTo()
    {
        var limits = new RuleSetLimits
        {
            MaxBytes = (int)new FileInfo(TenantFile).Length,
            MaxJsonDepth = 12,
            MaxConditionDepth = 2,
            MaxRules = 2,
            MaxConditionNodes = 10,
            MaxIdLength = 11,
            MaxTextLength = 90,
            MaxPlaceholders = 2,
            MaxDiagnostics = 1,
        };

        var result = RuleSetJson.LoadFile(TenantFile, limits);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void LoadFile_ShortIdLimit_StillAcceptsLongCataloguedNames()
    {
        // 'company.seatOfferedToOther', 'declineWithdrawal' and 'withdrawalCondition' are longer than 11 characters.
        var result = RuleSetJson.LoadFile(TenantFile, RuleSetLimits.Default with { MaxIdLength = 11 });

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public void LoadFile_OneDiagnosticAllowed_ReportsOneAndSaysThereAreMore()
    {
        var result = RuleSetJson.LoadFile(Path.Combine(CorpusDirectory, "placeholder-in-basis.json"), RuleSetLimits.Default with { MaxDiagnostics = 1 });

        Assert.Equal(["message.placeholder", "ruleSet.tooManyProblems"], result.Diagnostics.Select(d => d.Code));
    }

    public static TheoryData<string> Overloads() => ["string", "bytes", "stream", "file"];

    [Theory]
    [MemberData(nameof(Overloads))]
    public void Load_EveryOverload_HonoursTightenedLimits(string overload)
    {
        var limits = RuleSetLimits.Default with { MaxRules = 1 };
        var bytes = File.ReadAllBytes(TenantFile);
        using var stream = new MemoryStream(bytes);

        var result = overload switch
        {
            "string" => RuleSetJson.Load(Encoding.UTF8.GetString(bytes), limits),
            "bytes" => RuleSetJson.Load(bytes, limits),
            "stream" => RuleSetJson.Load(stream, limits),
            _ => RuleSetJson.LoadFile(TenantFile, limits),
        };

        Assert.Equal(("ruleSet.limit", "/policies/0/rules"), (result.Diagnostics[0].Code, result.Diagnostics[0].Path));
    }

    [Theory]
    [MemberData(nameof(Overloads))]
    public void Load_EveryOverload_HonoursATightenedSize(string overload)
    {
        var limits = RuleSetLimits.Default with { MaxBytes = 100 };
        var bytes = File.ReadAllBytes(TenantFile);
        using var stream = new MemoryStream(bytes);

        var result = overload switch
        {
            "string" => RuleSetJson.Load(Encoding.UTF8.GetString(bytes), limits),
            "bytes" => RuleSetJson.Load(bytes, limits),
            "stream" => RuleSetJson.Load(stream, limits),
            _ => RuleSetJson.LoadFile(TenantFile, limits),
        };

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.limit", string.Empty), (d.Code, d.Path));
        Assert.EndsWith("the limit is 100.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JapaneseTextJustOverTheSizeInBytes_IsRejectedThoughItsCharactersFit()
    {
        // 40 characters of Japanese are 120 bytes of UTF-8: the limit is on bytes, whichever overload is used.
        var json = "\"" + new string('枠', 40) + "\"";

        var d = Assert.Single(RuleSetJson.Load(json, RuleSetLimits.Default with { MaxBytes = 100 }).Diagnostics);

        Assert.Equal("The rule file is 122 bytes; the limit is 100.", d.Message);
    }

    private static string TenantWith(string? rulesWhen = null, string? fired = null)
    {
        var json = File.ReadAllText(TenantFile);
        if (rulesWhen is not null)
        {
            json = json.Replace("\"ref\": \"seatOpen\"", "\"all\": [" + rulesWhen + "]", StringComparison.Ordinal);
        }

        if (fired is not null)
        {
            json = json.Replace("\"en\": \"You declined {daysSinceDecline} days ago and the seat at {offer.company} is open.\"", "\"en\": \"" + fired + "\"", StringComparison.Ordinal);
        }

        return json;
    }

    private static bool HasUnprintable(string text) =>
        text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    /// <summary>A read-only stream of a prefix followed by one byte repeated, produced on demand.</summary>
    private sealed class EndlessStream(byte[] prefix, byte fill, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < prefix.Length ? prefix[at] : fill;
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
