using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Internal;

namespace OfferRules.Serialization;

/// <summary>Writes evaluation results as JSON: the same shape the command-line tool prints, one object per result.</summary>
public static class EvaluationJson
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Serialises a result to a JSON string.</summary>
    /// <param name="result">The result.</param>
    /// <param name="input">An optional label written first as <c>input</c>, such as the path of the case file.</param>
    /// <param name="indented">Whether to indent; the default is one line, as in JSON Lines.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string ToJson(EvaluationResult result, string? input = null, bool indented = false) =>
        Encoding.UTF8.GetString(ToUtf8Json(result, input, indented));

    /// <summary>Serialises a result to UTF-8 JSON, exactly the bytes of <see cref="ToJson"/>.</summary>
    internal static ReadOnlySpan<byte> ToUtf8Json(EvaluationResult result, string? input = null, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            Write(writer, result, input);
        }

        return buffer.WrittenSpan;
    }

    /// <summary>Writes a result as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="result">The result.</param>
    /// <param name="input">An optional label written first as <c>input</c>, such as the path of the case file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, EvaluationResult result, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        if (input is not null)
        {
            writer.WriteString("input", input);
        }

        writer.WriteString("status", JsonNames<EvaluationStatus>.Of(result.Status));
        writer.WriteString("kind", JsonNames<CaseKind>.Of(result.Kind));
        WriteStringOrNull(writer, "asOf", result.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        WriteEnum(writer, "outlook", result.Outlook);
        WriteEnum(writer, "confidence", result.Confidence);

        writer.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", f.RuleId);
            writer.WriteString("stage", JsonNames<RuleStage>.Of(f.Stage));
            WriteEnum(writer, "outlook", f.Outlook);
            writer.WriteNumber("score", f.Score);
            writer.WriteBoolean("changed", f.Changed);
            writer.WriteString("message", f.Message);
            writer.WriteString("basis", f.Basis);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteConditions(writer, "conditions", result.Conditions);
        WriteConditions(writer, "failureReasons", result.FailureReasons);

        writer.WriteStartArray("missingFacts");
        foreach (var m in result.MissingFacts)
        {
            writer.WriteStartObject();
            writer.WriteString("fact", m.Fact);
            writer.WriteString("label", m.Label);
            WriteEnum(writer, "couldRaiseTo", m.CouldRaiseTo);
            WriteEnum(writer, "couldLowerTo", m.CouldLowerTo);
            writer.WriteString("message", m.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("whatWouldHelp");
        foreach (var h in result.WhatWouldHelp)
        {
            writer.WriteStartObject();
            writer.WriteString("fact", h.Fact);
            writer.WriteString("value", h.Value);
            writer.WriteString("outlook", JsonNames<Outlook>.Of(h.Outlook));
            writer.WriteString("kind", JsonNames<SuggestionKind>.Of(h.Kind));
            writer.WriteString("message", h.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        if (result.CallWindow is { } slot)
        {
            writer.WriteStartObject("callWindow");
            writer.WriteString("start", slot.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("end", slot.End.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartArray("notes");
            if (slot.Notes.HasFlag(Scheduling.CallSlotNotes.NarrowHours))
            {
                writer.WriteStringValue("narrowHours");
            }

            if (slot.Notes.HasFlag(Scheduling.CallSlotNotes.OftenClosedDay))
            {
                writer.WriteStringValue("oftenClosedDay");
            }

            if (slot.Notes.HasFlag(Scheduling.CallSlotNotes.ShortStretch))
            {
                writer.WriteStringValue("shortStretch");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("callWindow");
        }

        if (result.AtPlannedTime is { } planned)
        {
            writer.WriteStartObject("atPlannedTime");
            writer.WriteString("at", planned.At.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("date", planned.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("outlook", JsonNames<Outlook>.Of(planned.Outlook));
            writer.WriteString("confidence", JsonNames<Confidence>.Of(planned.Confidence));
            writer.WriteBoolean("pastBoundary", planned.PastBoundary);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("atPlannedTime");
        }

        writer.WriteStartArray("actions");
        foreach (var a in result.Actions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("order", a.Order);
            writer.WriteString("id", a.Id);
            writer.WriteString("channel", JsonNames<ActionChannel>.Of(a.Channel));
            writer.WriteString("timing", JsonNames<ActionTiming>.Of(a.Timing));
            WriteStringOrNull(writer, "at", a.At?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));

            writer.WriteString("message", a.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("drafts");
        foreach (var d in result.Drafts)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("kind", JsonNames<DraftKind>.Of(d.Kind));
            writer.WriteString("title", d.Title);
            WriteStringOrNull(writer, "subject", d.Subject);

            writer.WriteString("body", d.Body);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteAdvice(writer, "caveats", result.Caveats);
        WriteAdvice(writer, "fallbacks", result.Fallbacks);

        writer.WriteStartArray("issues");
        foreach (var issue in result.Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", JsonNames<IssueSeverity>.Of(issue.Severity));
            writer.WriteString("code", issue.Code);
            writer.WriteString("path", issue.Path);
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("ruleSet");
        writer.WriteString("id", result.RuleSetId);
        writer.WriteString("version", result.RuleSetVersion);
        writer.WriteString("hash", result.RuleSetHash);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAdvice(Utf8JsonWriter writer, string name, IEnumerable<Advice> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("message", item.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteConditions(Utf8JsonWriter writer, string name, IEnumerable<NamedCondition> conditions)
    {
        writer.WriteStartArray(name);
        foreach (var c in conditions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", c.Id);
            writer.WriteString("title", c.Title);
            writer.WriteString("state", JsonNames<ConditionState>.Of(c.State));
            writer.WriteString("message", c.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEnum<TEnum>(Utf8JsonWriter writer, string name, TEnum? value)
        where TEnum : struct, Enum =>
        WriteStringOrNull(writer, name, value is { } v ? JsonNames<TEnum>.Of(v) : null);

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
