using System.Text;
using System.Text.Json;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// The forward rule-set reader (<c>RuleSetForwardReader.cs</c>) against the document reader it stands in for on clean
/// files: on the default policy (whole and without recommendations), the tenant rule file, the differential excerpt, the
/// bad-file corpus and its mutants,
/// <see cref="RuleSetJson.Load(ReadOnlySpan{byte}, RuleSetLimits)"/> gives exactly what the document reader alone gives
/// (diagnostics, or a model that writes back to the same JSON and keeps the same pointers), and the forward reader
/// accepts no file that the document reader reports a problem in.
/// </summary>
public sealed class RuleSetForwardReaderTests
{
    private static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static TheoryData<string> GoodFiles
    {
        get
        {
            return new TheoryData<string> { "default", "default-decision-only", "tenant-ruleset.json", Path.Combine("differential", "default-excerpt.json") };
        }
    }

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void TryRead_GoodFile_BuildsTheDocumentReadersModel(string name)
    {
        var (bytes, limits) = Bytes(name);

        var forward = RuleSetReader.ForwardReader.TryRead(bytes, limits);
        var document = ReadWithDocument(bytes, limits, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(forward);
        Assert.Equal(Describe(document!), Describe(forward));
    }

    [Fact]
    public void Load_BadFilesAndMutants_GiveWhatTheDocumentReaderGives()
    {
        var accepted = 0;
        foreach (var (name, bytes, limits) in RuleSetJsonDifferentialTests.Inputs())
        {
            var fast = RuleSetJson.Load(bytes, limits);
            var slow = RuleSetJson.LoadSpan(bytes, limits, forward: false);
            Assert.True(
                RuleSetJsonDifferentialTests.Render(slow) == RuleSetJsonDifferentialTests.Render(fast),
                $"{name}: the loads differ.\n{RuleSetJsonDifferentialTests.Render(slow)}\n{RuleSetJsonDifferentialTests.Render(fast)}");

            var forward = bytes.AsSpan().StartsWith("\uFEFF"u8) || !System.Text.Unicode.Utf8.IsValid(bytes) ? null : RuleSetReader.ForwardReader.TryRead(bytes, limits);
            if (forward is null)
            {
                continue;
            }

            var document = ReadWithDocument(bytes, limits, out var diagnostics);
            Assert.True(diagnostics.Count == 0, $"{name}: the forward reader accepted a file with problems: {string.Join("; ", diagnostics)}");
            Assert.Equal(Describe(document!), Describe(forward));
            accepted++;
        }

        Assert.True(accepted > 100, $"The forward reader accepted only {accepted} inputs.");
    }

    [Fact]
    public void Load_DefaultPolicy_DecidesAsTheDocumentReadersRuleSet()
    {
        var bytes = DefaultPolicyBytes();

        var fast = RuleSetJson.Load(bytes).GetValueOrThrow();
        var slow = RuleSetJson.LoadSpan(bytes, RuleSetLimits.Default, forward: false).GetValueOrThrow();

        Assert.Equal(slow.ContentHash, fast.ContentHash);
        Assert.Equal(slow.EvaluationCost, fast.EvaluationCost);
        Assert.Equal(RuleSetJson.ToJson(slow), RuleSetJson.ToJson(fast));
    }

    [Theory]
    [InlineData("""{"fact": "company.seatStatus", "op": "eq", "value": "open"}""")]
    [InlineData("""{"value": "open", "op": "eq", "fact": "company.seatStatus"}""")]
    [InlineData("""{"values": ["open", "filled"], "fact": "company.seatStatus", "op": "in"}""")]
    [InlineData("""{"of": [{"ref": "x"}, {"not": {"fact": "decline.tone", "op": "isKnown"}}], "atLeast": 2}""")]
    [InlineData("""{"\u0061ll": [{"fact": "daysSinceDecline", "op": "le", "value": 36500}]}""")]
    public void TryRead_ConditionInAnyPropertyOrder_BuildsTheDocumentReadersModel(string condition)
    {
        var bytes = Encoding.UTF8.GetBytes(WithRuleCondition(condition));

        var forward = RuleSetReader.ForwardReader.TryRead(bytes, RuleSetLimits.Default);
        var document = ReadWithDocument(bytes, RuleSetLimits.Default, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(forward);
        Assert.Equal(Describe(document!), Describe(forward));
    }

    [Theory]
    [InlineData("""{"fact": "company.seatStatus", "op": "eq", "value": "unknown"}""")]
    [InlineData("""{"fact": "company.seatStatus", "op": "eq", "value": "open", "fact": "company.seatStatus"}""")]
    [InlineData("""{"all": [], "any": []}""")]
    [InlineData("""{"atLeast": 3, "of": [{"all": []}]}""")]
    [InlineData("""{"fact": "outlook", "op": "eq", "value": "likely"}""")]
    [InlineData("""{"fact": "daysSinceDecline", "op": "le", "value": 36501}""")]
    [InlineData("""{"fact": "company.seatStatus", "op": "lt", "value": "open"}""")]
    [InlineData("""{"ref": ""}""")]
    [InlineData("""{}""")]
    public void TryRead_ConditionWithAProblem_LeavesItToTheDocumentReader(string condition)
    {
        var bytes = Encoding.UTF8.GetBytes(WithRuleCondition(condition));

        var forward = RuleSetReader.ForwardReader.TryRead(bytes, RuleSetLimits.Default);
        ReadWithDocument(bytes, RuleSetLimits.Default, out var diagnostics);

        Assert.Null(forward);
        Assert.NotEmpty(diagnostics);
    }

    private static (byte[] Bytes, RuleSetLimits Limits) Bytes(string name) => name switch
    {
        "default" => (DefaultPolicyBytes(), RuleSetLimits.Default),
        "default-decision-only" => (DefaultDecisionRulesOnly(), RuleSetLimits.Default),
        _ => (File.ReadAllBytes(Path.Combine(TestData, name)), RuleSetLimits.Default),
    };

    private static byte[] DefaultPolicyBytes() => Encoding.UTF8.GetBytes(RuleSetJson.DefaultPolicyJson);

    /// <summary>The default policy without its recommendations, as the load benchmark reads it.</summary>
    private static byte[] DefaultDecisionRulesOnly()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(RuleSetJson.DefaultPolicyJson)!;
        foreach (var policy in root["policies"]!.AsArray())
        {
            foreach (var section in new[] { "actions", "caveats", "fallbacks", "drafts" })
            {
                policy!.AsObject().Remove(section);
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The tenant rule file with its first rule's <c>when</c> replaced.</summary>
    private static string WithRuleCondition(string condition)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestData, "tenant-ruleset.json")))!;
        var rule = root["policies"]![0]!["rules"]![0]!;
        rule["when"] = System.Text.Json.Nodes.JsonNode.Parse("""{"all": []}""");
        var text = root.ToJsonString();
        var at = text.IndexOf("""{"all":[]}""", StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), condition, text.AsSpan(at + """{"all":[]}""".Length));
    }

    private static RuleSetModel? ReadWithDocument(byte[] bytes, RuleSetLimits limits, out List<RuleSetDiagnostic> diagnostics)
    {
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip });
        var walker = new JsonWalker(limits.MaxDiagnostics);
        var model = new RuleSetReader(walker, limits).Read(document.RootElement);
        diagnostics = walker.Diagnostics;
        return model;
    }

    /// <summary>The model as JSON, and every pointer it keeps (items, policies and references).</summary>
    private static string Describe(RuleSetModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            RuleSetWriter.Write(writer, model);
        }

        var builder = new StringBuilder(Encoding.UTF8.GetString(stream.ToArray())).Append('\n');
        foreach (var policy in model.Policies)
        {
            builder.Append(policy.Pointer).Append(' ').Append(policy.BrokenConditionIds.Count).Append('\n');
            foreach (var c in policy.Conditions)
            {
                builder.Append(c.Pointer).Append(' ').Append(c.Role).Append('\n');
                Refs(c.When, builder);
            }

            foreach (var r in policy.Rules)
            {
                builder.Append(r.Pointer).Append(' ').Append(r.Effect).Append(' ').Append(r.Outlook).Append(' ').Append(r.Score).Append('\n');
                Refs(r.When, builder);
            }

            foreach (var level in policy.Confidence)
            {
                Refs(level.When, builder);
            }

            var recommendations = policy.Recommendations;
            foreach (var (pointer, when) in recommendations.Actions.Select(a => (a.Pointer, a.When))
                .Concat(recommendations.Caveats.Select(a => (a.Pointer, a.When)))
                .Concat(recommendations.Fallbacks.Select(a => (a.Pointer, a.When)))
                .Concat(recommendations.Drafts.Select(d => (d.Pointer, d.When))))
            {
                builder.Append(pointer).Append('\n');
                Refs(when, builder);
            }

            foreach (var part in recommendations.Drafts.SelectMany(d => d.Parts).Where(p => p.When is not null))
            {
                Refs(part.When!, builder);
            }
        }

        foreach (var c in model.Conduct)
        {
            Refs(c.When, builder);
        }

        return builder.ToString();
    }

    private static void Refs(ConditionNode node, StringBuilder builder)
    {
        switch (node)
        {
            case RefNode r:
                builder.Append("  ref ").Append(r.Id).Append(" at ").Append(r.Pointer).Append('\n');
                break;
            case AllNode a:
                a.Children.ToList().ForEach(c => Refs(c, builder));
                break;
            case AnyNode a:
                a.Children.ToList().ForEach(c => Refs(c, builder));
                break;
            case AtLeastNode a:
                a.Children.ToList().ForEach(c => Refs(c, builder));
                break;
            case NotNode n:
                Refs(n.Child, builder);
                break;
        }
    }
}
