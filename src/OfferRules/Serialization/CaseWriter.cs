using System.Globalization;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Internal;

namespace OfferRules.Serialization;

/// <summary>Writes a case in the case JSON contract; unknown facts are left out, so reading the output gives an equal case.</summary>
internal static class CaseWriter
{
    public static void Write(Utf8JsonWriter w, OfferCase c)
    {
        w.WriteStartObject();
        w.WriteString("kind", JsonNames<CaseKind>.Of(c.Kind));
        if (c.AsOf is { } asOf)
        {
            w.WriteString("asOf", asOf.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        }

        var o = c.Offer;
        Section(w, "offer", o == Offer.Unknown, () =>
        {
            Text(w, "company", o.Company);
            Text(w, "position", o.Position);
            Text(w, "department", o.Department);
            Text(w, "contactPerson", o.ContactPerson);
            Enum(w, "track", o.Track);
            Date(w, "offeredOn", o.OfferedOn);
            Date(w, "startsOn", o.StartsOn);
            Enum(w, "stageAtDecline", o.StageAtDecline);
            Bool(w, "viaRecruitmentAgent", o.ViaRecruitmentAgent);
            Enum(w, "evaluation", o.Evaluation);
        });

        var d = c.Decline;
        Section(w, "decline", d == DeclineEvent.Unknown, () =>
        {
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
        });

        var co = c.Company;
        Section(w, "company", co == CompanyContext.Unknown, () =>
        {
            Enum(w, "seatStatus", co.SeatStatus);
            Bool(w, "seatOfferedToOther", co.SeatOfferedToOther);
            Bool(w, "policyForbidsReinstatement", co.PolicyForbidsReinstatement);
            Enum(w, "hiringNeedTrend", co.HiringNeedTrend);
            Bool(w, "unfairPressureOrRescission", co.UnfairPressureOrRescission);
            if (co.BusinessHours is { } hours)
            {
                w.WriteStartObject("businessHours");
                w.WriteString("opens", hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture));
                w.WriteString("closes", hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            if (!co.ClosedDates.IsEmpty)
            {
                w.WriteStartArray("closedDates");
                foreach (var date in co.ClosedDates)
                {
                    w.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteEndArray();
            }
        });

        var r = c.Request;
        Section(w, "request", r == WithdrawalRequest.Unknown, () =>
        {
            Enum(w, "changeOfMindReason", r.ChangeOfMindReason);
            Enum(w, "priorRequestOutcome", r.PriorRequestOutcome);
            Enum(w, "plannedChannel", r.PlannedChannel);
            Instant(w, "plannedContactAt", r.PlannedContactAt);
            Bool(w, "willingToRedoSelection", r.WillingToRedoSelection);
        });

        var ca = c.Candidate;
        Section(w, "candidate", ca == Candidate.Unknown, () =>
        {
            Text(w, "name", ca.Name);
            Text(w, "school", ca.School);
        });

        var m = c.MissedContact;
        Section(w, "missedContact", m == MissedContact.Unknown, () =>
        {
            Date(w, "interviewedOn", m.InterviewedOn);
            Date(w, "firstMissedCallOn", m.FirstMissedCallOn);
            Enum(w, "cause", m.Cause);
            Bool(w, "employerSaidPositionFilled", m.EmployerSaidPositionFilled);
            Instant(w, "plannedCallAt", m.PlannedCallAt);
            Enum(w, "plannedChannel", m.PlannedChannel);
            Bool(w, "hasBackupContact", m.HasBackupContact);
        });

        w.WriteEndObject();
    }

    private static void Section(Utf8JsonWriter w, string name, bool empty, Action body)
    {
        if (empty)
        {
            return;
        }

        w.WriteStartObject(name);
        body();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Enum<TEnum>(Utf8JsonWriter w, string name, TEnum value)
        where TEnum : struct, System.Enum
    {
        if (Facts.FactCatalog.Code(value) != Facts.FactCatalog.Unknown)
        {
            w.WriteString(name, JsonNames<TEnum>.Of(value));
        }
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
        {
            w.WriteBoolean(name, b);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            w.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void Instant(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            w.WriteString(name, instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        }
    }
}
