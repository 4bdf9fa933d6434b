using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

public sealed class CaseJsonTests
{
    [Fact]
    public void Read_FullCase_MapsEveryField()
    {
        const string Json = """
            {
              "kind": "declineWithdrawal",
              "asOf": "2025-07-02T10:30:00+09:00",
              "offer": { "company": "Sakura", "position": "Engineer", "department": "HR", "contactPerson": "Sato",
                         "track": "midCareer", "offeredOn": "2025-06-10", "startsOn": "2026-04-01",
                         "stageAtDecline": "accepted", "viaRecruitmentAgent": true, "evaluation": "high" },
              "decline": { "declinedOn": "2025-07-01", "channel": "viaAgent", "promptness": "delayed", "explainedReason": false,
                           "expressedThanks": true, "tone": "neutral", "originalReason": "health", "circumstanceChanged": true,
                           "evidenceAvailable": false, "previouslyReversed": false },
              "company": { "seatStatus": "filled", "seatOfferedToOther": true, "policyForbidsReinstatement": false,
                           "hiringNeedTrend": "decreased", "unfairPressureOrRescission": false },
              "request": { "changeOfMindReason": "otherPathFellThrough", "priorRequestOutcome": "pendingNoReply",
                           "plannedChannel": "visitThenWritten", "plannedContactAt": "2025-07-03T14:00:00+09:00", "willingToRedoSelection": true },
              "candidate": { "name": "Yamada Taro", "school": "Example University" }
            }
            """;

        var result = CaseJson.Read(Json);

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        var c = result.Value;
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 10, 30, 0, TimeSpan.FromHours(9)), c.AsOf);
        Assert.Equal(("Sakura", HiringTrack.MidCareer, OfferStage.Accepted, true, CandidateEvaluation.High), (c.Offer.Company, c.Offer.Track, c.Offer.StageAtDecline, c.Offer.ViaRecruitmentAgent, c.Offer.Evaluation));
        Assert.Equal((DeclineChannel.ViaAgent, Promptness.Delayed, false, DeclineReason.Health), (c.Decline.Channel, c.Decline.Promptness, c.Decline.ExplainedReason, c.Decline.OriginalReason));
        Assert.Equal((SeatStatus.Filled, true, HiringNeedTrend.Decreased), (c.Company.SeatStatus, c.Company.SeatOfferedToOther, c.Company.HiringNeedTrend));
        Assert.Equal((ChangeOfMindReason.OtherPathFellThrough, PriorRequestOutcome.PendingNoReply, PlannedChannel.VisitThenWritten, true), (c.Request.ChangeOfMindReason, c.Request.PriorRequestOutcome, c.Request.PlannedChannel, c.Request.WillingToRedoSelection));
        Assert.Equal(("Yamada Taro", "Example University"), (c.Candidate.Name, c.Candidate.School));
    }

    [Fact]
    public void Read_AbsentNullAndUnknown_AreAllUnknown()
    {
        var result = CaseJson.Read("""{ "decline": { "channel": null, "tone": "unknown" }, "company": null }""");

        Assert.True(result.Success);
        Assert.Equal(DeclineChannel.Unknown, result.Value.Decline.Channel);
        Assert.Equal(DeclineTone.Unknown, result.Value.Decline.Tone);
        Assert.Equal(CompanyContext.Unknown, result.Value.Company);
        Assert.Equal(CaseKind.DeclineWithdrawal, result.Value.Kind);
        Assert.Null(result.Value.AsOf);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEachWithItsPath()
    {
        const string Json = """
            {
              "asOf": "yesterday",
              "offer": { "evaluation": "superb", "offeredOn": "2025-02-30", "colour": "blue" },
              "decline": { "channel": 3, "explainedReason": "yes", "declinedOn": "01/07/2025" },
              "company": []
            }
            """;

        var result = CaseJson.Read(Json);

        Assert.False(result.Success);
        Assert.All(result.Diagnostics, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        Assert.Equal(
            [
                ("case.invalidValue", "$.asOf"),
                ("case.unknownProperty", "$.offer.colour"),
                ("case.invalidDate", "$.offer.offeredOn"),
                ("case.invalidValue", "$.offer.evaluation"),
                ("case.invalidDate", "$.decline.declinedOn"),
                ("case.invalidValue", "$.decline.channel"),
                ("case.wrongType", "$.decline.explainedReason"),
                ("case.wrongType", "$.company"),
            ],
            result.Diagnostics.Select(i => (i.Code, i.Path)));
        Assert.Equal("\"2025-02-30\" is not a real calendar date.", result.Diagnostics.Single(i => i.Path == "$.offer.offeredOn").Message.Replace("the string ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("the string \"superb\" is not a valid evaluation. Use one of: normal, high (or null when unknown).", result.Diagnostics.Single(i => i.Path == "$.offer.evaluation").Message);
    }

    [Fact]
    public void Read_UnknownEnumValue_Japanese_SpeaksJapanese()
    {
        var result = CaseJson.Read("""{ "company": { "seatStatus": "maybe" } }""", "ja");

        Assert.Equal("文字列「maybe」は seatStatus に使えません。次のいずれかを指定してください：「open」、「filled」（不明な場合は null）。", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData("{", "case.malformedJson")]
    [InlineData("", "case.malformedJson")]
    [InlineData("[]", "case.wrongType")]
    [InlineData("\"text\"", "case.wrongType")]
    [InlineData("{\"kind\": \"missedEmployerContact\", \"kind\": \"declineWithdrawal\"}", "case.duplicateProperty")]
    [InlineData("{\"Offer\": {}}", "case.unknownProperty")]
    [InlineData("{\"offer\": {\"company\": 5}}", "case.wrongType")]
    [InlineData("{\"request\": {\"plannedContactAt\": \"2025-07-03T14:00:00\"}}", "case.invalidDate")]
    [InlineData("{\"kind\": \"DeclineWithdrawal\"}", "case.invalidValue")]
    public void Read_BadInput_IsInvalidWithCode(string json, string code)
    {
        var result = CaseJson.Read(json);

        Assert.False(result.Success);
        Assert.Equal(code, result.Diagnostics[0].Code);
    }

    [Fact]
    public void Read_DeepNesting_IsInvalid()
    {
        var json = "{\"offer\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var result = CaseJson.Read(json);

        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal("case.tooDeep", issue.Code);
        Assert.Equal("The JSON is nested deeper than 64 levels.", issue.Message);
    }

    [Fact]
    public void Read_HugeString_IsRejectedBySize()
    {
        var json = "{\"offer\": {\"company\": \"" + new string('x', CaseJson.MaxBytes) + "\"}}";

        Assert.Equal("case.tooLarge", Assert.Single(CaseJson.Read(json).Diagnostics).Code);
    }

    [Fact]
    public void Read_LongText_IsRejectedWithPath()
    {
        var issue = Assert.Single(CaseJson.Read("{\"offer\": {\"company\": \"" + new string('x', 201) + "\"}}").Diagnostics);

        Assert.Equal(("case.tooLong", "$.offer.company"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_InvalidUtf8_IsInvalidNotAnException()
    {
        byte[] bytes = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        var result = CaseJson.Read(bytes);

        Assert.False(result.Success);
        Assert.Equal("case.malformedJson", result.Diagnostics[0].Code);
    }

    [Fact]
    public void Read_ByteOrderMark_IsAccepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{}"u8];

        Assert.True(CaseJson.Read(bytes).Success);
    }

    [Fact]
    public void Read_UnknownPropertyInOtherCase_HintsTheRightName()
    {
        var issue = Assert.Single(CaseJson.Read("""{ "decline": { "DeclinedOn": "2025-07-01" } }""").Diagnostics);

        Assert.Equal("Unknown property 'DeclinedOn'. Did you mean 'declinedOn'?", issue.Message);
        Assert.Equal("$.decline.DeclinedOn", issue.Path);
    }

    [Fact]
    public void Read_MissedContactCase_MapsFields()
    {
        var result = CaseJson.Read("""
            { "kind": "missedEmployerContact", "asOf": "2025-06-09T08:30:00+09:00",
              "missedContact": { "interviewedOn": "2025-06-03", "firstMissedCallOn": "2025-06-04", "cause": "withheldNumberScreening",
                                 "employerSaidPositionFilled": false, "plannedCallAt": "2025-06-09T09:05:00+09:00",
                                 "plannedChannel": "emailOnly", "hasBackupContact": true } }
            """);

        Assert.True(result.Success);
        var m = result.Value.MissedContact;
        Assert.Equal((CaseKind.MissedEmployerContact, new DateOnly(2025, 6, 4), MissedContactCause.WithheldNumberScreening, MissedContactChannel.EmailOnly), (result.Value.Kind, m.FirstMissedCallOn!.Value, m.Cause, m.PlannedChannel));
    }

    [Fact]
    public void Read_BusinessHours_AreRead()
    {
        var result = CaseJson.Read("""{ "company": { "businessHours": { "opens": "09:00", "closes": "18:00" } } }""");

        Assert.True(result.Success);
        Assert.Equal(new OfferRules.Scheduling.BusinessHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), result.Value.Company.BusinessHours);
    }

    [Theory]
    [InlineData("""{ "opens": "18:00", "closes": "09:00" }""", "$.company.businessHours")]
    [InlineData("""{ "opens": "9am", "closes": "18:00" }""", "$.company.businessHours.opens")]
    [InlineData("""{ "opens": "09:00" }""", "$.company.businessHours")]
    [InlineData("""{ "opens": "09:00", "closes": "18:00", "lunch": "12:00" }""", "$.company.businessHours.lunch")]
    public void Read_BadBusinessHours_IsInvalidWithPath(string hours, string path)
    {
        var result = CaseJson.Read($$"""{ "company": { "businessHours": {{hours}} } }""");

        Assert.False(result.Success);
        Assert.Equal(path, result.Diagnostics[0].Path);
    }

    [Fact]
    public void Read_AsOfOnTheFirstDayOfTheCalendar_IsAnIssueNotAnException()
    {
        var result = CaseJson.Read("""{ "asOf": "0001-01-01" }""");

        Assert.False(result.Success);
        Assert.Equal(("case.invalidValue", "$.asOf"), (result.Diagnostics[0].Code, result.Diagnostics[0].Path));
    }

    [Theory]
    [InlineData("""{ "offer": { "company": "\uD800" } }""")]
    [InlineData("""{ "offer": { "\uDC00x": 1 } }""")]
    [InlineData("""{ "decline": { "channel": "\uDFFF\uD800" } }""")]
    public void Read_EscapedLoneSurrogate_IsAnIssueNotAnException(string json)
    {
        var result = CaseJson.Read(json);

        Assert.False(result.Success);
        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal("case.malformedJson", issue.Code);
        Assert.StartsWith("$", issue.Path, StringComparison.Ordinal); // the member that holds the escape; ReaderRegressionTests pins each path
        Assert.Contains("(byte ", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EscapedSurrogatePair_IsText()
    {
        var result = CaseJson.Read("""{ "candidate": { "name": "\uD83D\uDE00 \u5C71\u7530" } }""");

        Assert.True(result.Success);
        Assert.Equal("\U0001F600 山田", result.Value.Candidate.Name);
    }
}
