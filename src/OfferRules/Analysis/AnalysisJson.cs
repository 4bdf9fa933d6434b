using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Internal;

namespace OfferRules.Analysis;

/// <summary>Writes the analysis reports as JSON with Utf8JsonWriter: no reflection, trimming- and AOT-safe.</summary>
internal static class AnalysisJson
{
    public static string ToJson(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static void Write(Utf8JsonWriter w, CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        RuleSet(w, "ruleSet", report.RuleSet);
        w.WriteNumber("cases", report.Cases);
        w.WriteNumber("invalidCases", report.InvalidCases);
        w.WriteNumber("unreadableLines", report.UnreadableLines);
        w.WriteNumber("neverTrue", report.Items.Count(i => i.True == 0));
        w.WriteStartArray("items");
        foreach (var item in report.Items)
        {
            w.WriteStartObject();
            w.WriteString("kind", JsonNames<CoverageItemKind>.Of(item.Kind));
            w.WriteString("caseKind", JsonNames<CaseKind>.Of(item.CaseKind));
            w.WriteString("id", item.Id);
            if (item.Part is { } part)
            {
                w.WriteNumber("part", part);
            }

            w.WriteString("path", item.Path);
            w.WriteNumber("true", item.True);
            w.WriteNumber("false", item.False);
            w.WriteNumber("unknown", item.Unknown);
            w.WriteNumber("notReached", item.NotReached);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        RuleSet(w, "oldRuleSet", report.OldRuleSet);
        RuleSet(w, "newRuleSet", report.NewRuleSet);
        w.WriteNumber("cases", report.Cases);
        w.WriteNumber("changed", report.Changed);
        w.WriteNumber("unchanged", report.Unchanged);
        w.WriteNumber("unreadableLines", report.UnreadableLines);
        w.WriteStartArray("transitions");
        foreach (var t in report.Transitions)
        {
            w.WriteStartObject();
            w.WriteString("caseKind", JsonNames<CaseKind>.Of(t.CaseKind));
            Enum(w, "from", t.From);
            Enum(w, "to", t.To);
            w.WriteNumber("count", t.Count);
            w.WriteNumber("changed", t.Changed);
            Rules(w, t.Rules);
            w.WriteStartArray("examples");
            foreach (var e in t.Examples)
            {
                w.WriteStartObject();
                w.WriteNumber("line", e.LineNumber);
                w.WriteString("text", e.Text);
                Decision(w, "old", e.Old);
                Decision(w, "new", e.New);
                w.WriteStartArray("rules");
                foreach (var id in e.Rules)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("confidence");
        foreach (var c in report.ConfidenceTransitions)
        {
            w.WriteStartObject();
            w.WriteString("caseKind", JsonNames<CaseKind>.Of(c.CaseKind));
            Enum(w, "from", c.From);
            Enum(w, "to", c.To);
            w.WriteNumber("count", c.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Rules(w, report.Rules);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, RuleTestRunResult run)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        RuleSet(w, "ruleSet", run.RuleSet);
        w.WriteNumber("passed", run.Passed);
        w.WriteNumber("failed", run.Failed);
        w.WriteStartArray("tests");
        foreach (var test in run.Results)
        {
            w.WriteStartObject();
            w.WriteString("name", test.Name);
            w.WriteString("path", test.Path);
            if (test.Line is { } line)
            {
                w.WriteNumber("line", line);
            }
            else
            {
                w.WriteNull("line");
            }

            w.WriteBoolean("passed", test.Passed);
            w.WriteString("status", JsonNames<EvaluationStatus>.Of(test.Result.Status));
            Enum(w, "outlook", test.Result.Outlook);
            Enum(w, "confidence", test.Result.Confidence);
            w.WriteStartArray("mismatches");
            foreach (var m in test.Mismatches)
            {
                w.WriteStartObject();
                w.WriteString("field", m.Field);
                w.WriteString("id", m.Id);
                w.WriteString("expected", m.Expected);
                w.WriteString("actual", m.Actual);
                w.WriteString("path", m.Path);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void RuleSet(Utf8JsonWriter w, string name, RuleSetIdentity identity)
    {
        w.WriteStartObject(name);
        w.WriteString("id", identity.Id);
        w.WriteString("version", identity.Version);
        w.WriteString("hash", identity.Hash);
        w.WriteEndObject();
    }

    private static void Rules(Utf8JsonWriter w, IEnumerable<RuleChangeCount> rules)
    {
        w.WriteStartArray("rules");
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.RuleId);
            w.WriteNumber("count", r.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Decision(Utf8JsonWriter w, string name, Decision decision)
    {
        w.WriteStartObject(name);
        w.WriteString("status", JsonNames<EvaluationStatus>.Of(decision.Status));
        Enum(w, "outlook", decision.Outlook);
        Enum(w, "confidence", decision.Confidence);
        w.WriteEndObject();
    }

    private static void Enum<TEnum>(Utf8JsonWriter w, string name, TEnum? value)
        where TEnum : struct, System.Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, JsonNames<TEnum>.Of(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
