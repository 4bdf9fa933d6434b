using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfferRules.Domain;

namespace OfferRules.Benchmarks.Cases;

/// <summary>
/// Writes a case in the case JSON contract, on one line, leaving out unknown facts. The library only reads cases, so
/// the benchmarks carry their own writer to make JSON Lines input for the batch measurements.
/// </summary>
public static class CaseJsonWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a case as one line of UTF-8 JSON, without the line break.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The UTF-8 bytes.</returns>
    public static byte[] ToUtf8(OfferCase @case)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            Write(writer, @case);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes cases as JSON Lines to a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cases">The cases.</param>
    public static void WriteLines(Stream stream, IEnumerable<OfferCase> cases)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var @case in cases)
        {
            stream.Write(ToUtf8(@case));
            stream.WriteByte((byte)'\n');
        }
    }

    private static void Write(Utf8JsonWriter w, OfferCase c)
    {
        w.WriteStartObject();
        w.WriteString("kind", Name(c.Kind));
        if (c.AsOf is { } asOf)
        {
            w.WriteString("asOf", asOf.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        var o = c.Offer;
        w.WriteStartObject("offer");
        Enum(w, "track", o.Track);
        Date(w, "offeredOn", o.OfferedOn);
        Date(w, "startsOn", o.StartsOn);
        Enum(w, "stageAtDecline", o.StageAtDecline);
        Bool(w, "viaRecruitmentAgent", o.ViaRecruitmentAgent);
        Enum(w, "evaluation", o.Evaluation);
        w.WriteEndObject();

        var d = c.Decline;
        w.WriteStartObject("decline");
        Date(w, "declinedOn", d.DeclinedOn);
        Enum(w, "channel", d.Channel);
        Enum(w, "promptness", d.Promptness);
        Bool(w, "explainedReason", d.ExplainedReason);
        Bool(w, "expressedThanks", d.ExpressedThanks);
        Enum(w, "tone", d.Tone);
        Enum(w, "originalReason", d.OriginalReason);
        Bool(w, "circumstanceChanged", d.CircumstanceChanged);
        Bool(w, "evidenceAvailable", d.EvidenceAvailable);
        Bool(w, "previouslyReversed", d.PreviouslyReversed);
        w.WriteEndObject();

        var co = c.Company;
        w.WriteStartObject("company");
        Enum(w, "seatStatus", co.SeatStatus);
        Bool(w, "seatOfferedToOther", co.SeatOfferedToOther);
        Bool(w, "policyForbidsReinstatement", co.PolicyForbidsReinstatement);
        Enum(w, "hiringNeedTrend", co.HiringNeedTrend);
        Bool(w, "unfairPressureOrRescission", co.UnfairPressureOrRescission);
        w.WriteEndObject();

        var r = c.Request;
        w.WriteStartObject("request");
        Enum(w, "changeOfMindReason", r.ChangeOfMindReason);
        Enum(w, "priorRequestOutcome", r.PriorRequestOutcome);
        Enum(w, "plannedChannel", r.PlannedChannel);
        Bool(w, "willingToRedoSelection", r.WillingToRedoSelection);
        w.WriteEndObject();

        var m = c.MissedContact;
        w.WriteStartObject("missedContact");
        Date(w, "interviewedOn", m.InterviewedOn);
        Date(w, "firstMissedCallOn", m.FirstMissedCallOn);
        Enum(w, "cause", m.Cause);
        Bool(w, "employerSaidPositionFilled", m.EmployerSaidPositionFilled);
        Enum(w, "plannedChannel", m.PlannedChannel);
        Bool(w, "hasBackupContact", m.HasBackupContact);
        w.WriteEndObject();

        w.WriteEndObject();
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static void Enum<TEnum>(Utf8JsonWriter w, string name, TEnum value)
        where TEnum : struct, Enum
    {
        if (!EqualityComparer<TEnum>.Default.Equals(value, default))
        {
            w.WriteString(name, Name(value));
        }
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
