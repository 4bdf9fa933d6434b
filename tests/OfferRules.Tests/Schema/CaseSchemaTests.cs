using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Schema;

/// <summary><c>schema/case.schema.json</c> accepts what <see cref="CaseJson"/> reads and rejects what it refuses.</summary>
public sealed class CaseSchemaTests
{
    public static TheoryData<string> ExampleFiles() =>
        [.. Directory.GetFiles(Cases.CasesDirectory, "S*.json").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>Cases the reader accepts: every way of saying "unknown", both date-time forms, and the smallest case.</summary>
    public static TheoryData<string> AcceptedCases() =>
    [
        "{}",
        """{ "$schema": "../schema/case.schema.json" }""",
        """{ "kind": null, "asOf": null, "offer": null, "decline": null, "company": null, "request": null, "candidate": null, "missedContact": null }""",
        """{ "kind": "unknown", "asOf": "unknown" }""",
        """{ "kind": "missedEmployerContact", "asOf": "2025-07-02T09:30+09:00" }""",
        """{ "asOf": "2025-07-02T00:30:00Z" }""",
        """{ "asOf": "2025-07-02T00:30:00.1234567-05:00" }""",
        """{ "offer": { "offeredOn": "unknown", "startsOn": null, "viaRecruitmentAgent": "unknown", "track": "unknown", "company": "unknown" } }""",
        """{ "offer": { "company": "   ", "position": null } }""",
        """{ "decline": { "declinedOn": "2024-02-29", "explainedReason": "unknown", "channel": null } }""",
        """{ "company": { "businessHours": "unknown" } }""",
        """{ "company": { "businessHours": null, "seatOfferedToOther": "unknown" } }""",
        """{ "company": { "businessHours": { "opens": "08:30", "closes": "17:15" } } }""",
        """{ "company": { "closedDates": ["2026-12-28", "2027-01-04", "2026-12-28"] } }""",
        """{ "company": { "closedDates": [] } }""",
        """{ "company": { "closedDates": null } }""",
        """{ "company": { "closedDates": "unknown" } }""",
        "{ \"company\": { \"closedDates\": [" + string.Join(",", Enumerable.Repeat("\"2026-12-28\"", 1000)) + "] } }",
        """{ "request": { "plannedContactAt": "unknown", "willingToRedoSelection": null } }""",
        """{ "request": { "plannedContactAt": "2025-07-03T14:00:00+09:00" } }""",
        """{ "missedContact": { "plannedCallAt": "2025-06-09T10:00Z", "interviewedOn": "unknown", "hasBackupContact": "unknown" } }""",
        """{ "candidate": { "name": "山田 太郎", "school": null } }""",
    ];

    /// <summary>Cases the reader rejects with a problem the schema can express.</summary>
    public static TheoryData<string, string> RejectedCases() => new()
    {
        { "unknown root property", """{ "seatStatus": "open" }""" },
        { "unknown nested property", """{ "company": { "seatStatsu": "open" } }""" },
        { "unknown property in business hours", """{ "company": { "businessHours": { "opens": "09:00", "closes": "18:00", "lunch": "12:00" } } }""" },
        { "wrong enum value", """{ "decline": { "channel": "fax" } }""" },
        { "wrong kind", """{ "kind": "declineWithdrawl" }""" },
        { "enum in the wrong case", """{ "company": { "seatStatus": "Open" } }""" },
        { "number for a boolean", """{ "decline": { "explainedReason": 1 } }""" },
        { "string for a boolean", """{ "decline": { "explainedReason": "yes" } }""" },
        { "number for a string", """{ "offer": { "company": 42 } }""" },
        { "boolean for an enum", """{ "decline": { "tone": true } }""" },
        { "string for a section", """{ "offer": "unknown" }""" },
        { "array for a section", """{ "decline": [] }""" },
        { "array at the root", "[]" },
        { "date in another format", """{ "decline": { "declinedOn": "2025/07/01" } }""" },
        { "impossible date", """{ "decline": { "declinedOn": "2025-02-30" } }""" },
        { "date-time for a date", """{ "decline": { "declinedOn": "2025-07-01T10:00:00+09:00" } }""" },
        { "date-time without an offset", """{ "request": { "plannedContactAt": "2025-07-03T14:00:00" } }""" },
        { "date for a date-time", """{ "missedContact": { "plannedCallAt": "2025-06-09" } }""" },
        { "asOf in words", """{ "asOf": "yesterday" }""" },
        { "asOf as a number", """{ "asOf": 20250702 }""" },
        { "business hours without closes", """{ "company": { "businessHours": { "opens": "09:00" } } }""" },
        { "business hours with null opens", """{ "company": { "businessHours": { "opens": null, "closes": "18:00" } } }""" },
        { "time with seconds", """{ "company": { "businessHours": { "opens": "09:00:00", "closes": "18:00" } } }""" },
        { "hour 24", """{ "company": { "businessHours": { "opens": "09:00", "closes": "24:00" } } }""" },
        { "offset beyond 14 hours", """{ "asOf": "2025-07-02T09:30:00+15:00" }""" },
        { "lower-case z", """{ "asOf": "2025-07-02T09:30:00z" }""" },
        { "eight fraction digits", """{ "asOf": "2025-07-02T09:30:00.12345678+09:00" }""" },
        { "minute 60", """{ "request": { "plannedContactAt": "2025-07-03T14:60:00+09:00" } }""" },
        { "closed dates as one string", """{ "company": { "closedDates": "2026-12-28" } }""" },
        { "closed date in another format", """{ "company": { "closedDates": ["2026-12-28", "2026/12/29"] } }""" },
        { "closed date as a number", """{ "company": { "closedDates": [20261228] } }""" },
        { "null closed date", """{ "company": { "closedDates": [null] } }""" },
        { "impossible closed date", """{ "company": { "closedDates": ["2026-02-30"] } }""" },
        { "more than 1000 closed dates", "{ \"company\": { \"closedDates\": [" + string.Join(",", Enumerable.Repeat("\"2026-12-28\"", 1001)) + "] } }" },
        { "text longer than 200 characters", "{ \"candidate\": { \"name\": \"" + new string('a', 201) + "\" } }" },
    };

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void CaseSchema_ExampleCase_IsValid(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, file));

        var errors = Schemas.Errors(Schemas.Case, bytes);

        Assert.Empty(errors);
    }

    [Fact]
    public void CaseSchema_DeclinedBeforeOffer_IsSchemaValidThoughInvalidByFacts()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cases.CasesDirectory, "S25-declined-before-offer.json"));

        Assert.True(CaseJson.Read(bytes).Success);
        Assert.Empty(Schemas.Errors(Schemas.Case, bytes));
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void CaseSchema_CaseTheReaderAccepts_IsValid(string json)
    {
        var read = CaseJson.Read(json);

        Assert.True(read.Success, string.Join("; ", read.Diagnostics));
        Assert.Empty(Schemas.Errors(Schemas.Case, json));
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void CaseSchema_CaseTheReaderRejects_IsInvalid(string problem, string json)
    {
        var read = CaseJson.Read(json);

        Assert.False(read.Success, $"The reader accepted the case with {problem}.");
        Assert.NotEmpty(Schemas.Errors(Schemas.Case, json));
    }

    /// <summary>
    /// Spellings the reader tolerates but the contract does not promise: the schema describes the documented form
    /// (an RFC 3339 offset such as +09:00, a string <c>$schema</c>) and a client that follows it is always read.
    /// </summary>
    [Theory]
    [InlineData("""{ "asOf": "2025-07-02T09:30+0900" }""")]
    [InlineData("""{ "asOf": "2025-07-02T09:30+9:00" }""")]
    [InlineData("""{ "request": { "plannedContactAt": "2025-07-03T14:00:00.+09:00" } }""")]
    [InlineData("""{ "$schema": 1 }""")]
    public void CaseSchema_LenientSpelling_OnlyTheReaderAccepts(string json)
    {
        Assert.True(CaseJson.Read(json).Success);
        Assert.NotEmpty(Schemas.Errors(Schemas.Case, json));
    }

    [Fact]
    public void CaseSchema_BusinessHoursThatCloseBeforeTheyOpen_OnlyTheReaderRejects()
    {
        // A JSON Schema cannot compare two values; the reader reports this one with its path.
        const string Json = """{ "company": { "businessHours": { "opens": "18:00", "closes": "09:00" } } }""";

        Assert.Empty(Schemas.Errors(Schemas.Case, Json));
        Assert.Equal("$.company.businessHours", Assert.Single(CaseJson.Read(Json).Diagnostics).Path);
    }
}
