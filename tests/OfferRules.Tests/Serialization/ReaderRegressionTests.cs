using System.Text;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Inputs that once made a reader or the evaluation behind it throw, found by AFL++ or while building the bad-input
/// corpus. Each must now give an invalid result (or load and evaluate) without an exception.
/// </summary>
public sealed class ReaderRegressionTests
{
    private static readonly EvaluationOptions s_japanese = new() { Language = "ja" };

    // Found by AFL++ in its first minute: System.Text.Json parses "\ud800" but GetString() throws InvalidOperationException.
    [Theory]
    [InlineData("""{ "offer": { "company": "Sakura \ud800" } }""", "$.offer.company")]
    [InlineData("""{ "request": { "changeOfMin\ud800n": "x" } }""", "$.request")]
    [InlineData("""{ "a\udc00": 1 }""", "$")]
    [InlineData("""{ "asOf": "2025-\ud80008-07" }""", "$.asOf")]
    [InlineData("""{ "kind": "x\ud800" }""", "$.kind")]
    [InlineData("""{ "decline": { "channel": "\ud83d" } }""", "$.decline.channel")]
    [InlineData("""{ "company": { "businessHours": { "opens": "\udfff", "closes": "18:00" } } }""", "$.company.businessHours.opens")]
    public void Read_EscapedLoneSurrogate_IsMalformedAtTheMember(string json, string path)
    {
        var result = CaseJson.Read(Encoding.UTF8.GetBytes(json));

        Assert.False(result.Success);
        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal(("case.malformedJson", path), (issue.Code, issue.Path));
        Assert.Contains("\\ud800", issue.Message, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Invalid, OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json)).Status);
    }

    [Fact]
    public void Read_EscapedSurrogatePair_IsAccepted()
    {
        var result = CaseJson.Read("""{ "candidate": { "name": "Yamada \ud83d\ude00" } }""");

        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        Assert.Equal("Yamada \U0001F600", result.Value.Candidate.Name);
    }

    [Theory]
    [InlineData("""{ "id": "m\ud800" }""", "/id")]
    [InlineData("""{ "title": { "en": "x\ud83d", "ja": "x" } }""", "/title/en")]
    [InlineData("""{ "policies": [ { "kind": "declineWithdrawal" }, { "k\udc00": 1 } ] }""", "/policies/1")]
    public void Load_EscapedLoneSurrogate_IsMalformedAtThePointer(string json, string path)
    {
        var result = RuleSetJson.Load(json);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("json.malformed", path), (d.Code, d.Path));
        Assert.Equal(1, d.Line);
        Assert.NotNull(d.Column);
    }

    // Found while building the bad-input corpus and by AFL++: DateTimeOffset arithmetic at the ends of the calendar.
    // "0001-01-01" threw in the reader (midnight in Japan is before year 1 in UTC); "9999-12-31T23:00:00Z" threw in
    // OfferEvaluator.GetAsOfDate; "9999-12-31" threw in the follow-up dates of the action plan; a start in year 1 threw
    // in the offer-ceremony warning (W-02).
    [Theory]
    [InlineData("""{ "asOf": "0001-01-01" }""", "$.asOf", "case.invalidValue")]
    [InlineData("""{ "asOf": "9999-12-31" }""", "$.asOf", "case.invalidValue")]
    [InlineData("""{ "asOf": "9999-12-31T23:00:00Z" }""", "$.asOf", "case.invalidValue")]
    [InlineData("""{ "asOf": "1899-12-31T23:59:59+09:00" }""", "$.asOf", "case.invalidValue")]
    [InlineData("""{ "asOf": "2999-12-31T15:00:00Z" }""", "$.asOf", "case.invalidValue")]
    [InlineData("""{ "asOf": "2025-07-02", "decline": { "declinedOn": "0001-01-01" } }""", "$.decline.declinedOn", "case.invalidDate")]
    [InlineData("""{ "asOf": "2025-07-02", "offer": { "offeredOn": "1899-12-31" } }""", "$.offer.offeredOn", "case.invalidDate")]
    [InlineData("""{ "asOf": "2025-07-02", "offer": { "startsOn": "3000-01-01" } }""", "$.offer.startsOn", "case.invalidDate")]
    [InlineData("""{ "asOf": "2025-07-02", "request": { "plannedContactAt": "9999-12-31T23:59:00+09:00" } }""", "$.request.plannedContactAt", "case.invalidDate")]
    [InlineData("""{ "kind": "missedEmployerContact", "asOf": "2025-07-02", "missedContact": { "interviewedOn": "0001-01-01" } }""", "$.missedContact.interviewedOn", "case.invalidDate")]
    [InlineData("""{ "kind": "missedEmployerContact", "asOf": "2025-07-02", "missedContact": { "plannedCallAt": "0001-01-01T00:00:00Z" } }""", "$.missedContact.plannedCallAt", "case.invalidDate")]
    public void Read_DateOutsideSupportedYears_IsInvalidAtTheMember(string json, string path, string code)
    {
        var result = OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json));

        Assert.Equal(EvaluationStatus.Invalid, result.Status);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((code, path), (issue.Code, issue.Path));
        Assert.Contains("1900-01-01 to 2999-12-31", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "asOf": "2999-12-31", "offer": { "offeredOn": "1900-01-01", "startsOn": "2999-12-31" }, "decline": { "declinedOn": "1900-01-02" } }""")]
    [InlineData("""{ "asOf": "2999-12-31T14:59:59Z", "decline": { "declinedOn": "2999-12-31" }, "company": { "seatStatus": "open" } }""")]
    [InlineData("""{ "asOf": "1900-01-01", "offer": { "track": "newGraduate", "stageAtDecline": "afterOfferCeremony", "offeredOn": "1900-01-01" }, "decline": { "declinedOn": "1900-01-01" } }""")]
    [InlineData("""{ "asOf": "1900-06-01", "offer": { "track": "newGraduate", "stageAtDecline": "afterOfferCeremony", "startsOn": "1900-04-01" }, "decline": { "declinedOn": "1900-01-02" } }""")]
    [InlineData("""{ "kind": "missedEmployerContact", "asOf": "2999-12-31T23:59:00+09:00", "missedContact": { "interviewedOn": "2999-12-30", "plannedCallAt": "2999-12-31T23:59:00+09:00" } }""")]
    [InlineData("""{ "kind": "missedEmployerContact", "asOf": "1900-01-01", "missedContact": { "interviewedOn": "1900-01-01", "firstMissedCallOn": "1900-01-01" } }""")]
    public void Evaluate_DatesAtTheEdgesOfTheSupportedYears_Evaluates(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var english = OfferEvaluator.Default.EvaluateJson(bytes);
        var japanese = OfferEvaluator.Default.EvaluateJson(bytes, s_japanese);

        Assert.Equal(EvaluationStatus.Evaluated, english.Status);
        Assert.Equal(EvaluationStatus.Evaluated, japanese.Status);
        Assert.NotEmpty(EvaluationJson.ToJson(english));
        Assert.NotEmpty(EvaluationJson.ToJson(japanese));
    }

    [Fact]
    public void Domain_DateOutsideSupportedYears_ThrowsArgumentOutOfRange()
    {
        var early = new DateOnly(1899, 12, 31);
        var late = new DateOnly(3000, 1, 1);

        Assert.Equal("OfferedOn", Assert.Throws<ArgumentOutOfRangeException>(() => new Offer { OfferedOn = early }).ParamName);
        Assert.Equal("StartsOn", Assert.Throws<ArgumentOutOfRangeException>(() => Offer.Unknown with { StartsOn = late }).ParamName);
        Assert.Equal("DeclinedOn", Assert.Throws<ArgumentOutOfRangeException>(() => new DeclineEvent { DeclinedOn = DateOnly.MinValue }).ParamName);
        Assert.Equal("InterviewedOn", Assert.Throws<ArgumentOutOfRangeException>(() => new MissedContact { InterviewedOn = DateOnly.MaxValue }).ParamName);
        Assert.Equal("FirstMissedCallOn", Assert.Throws<ArgumentOutOfRangeException>(() => new MissedContact { FirstMissedCallOn = late }).ParamName);
        Assert.Equal("PlannedCallAt", Assert.Throws<ArgumentOutOfRangeException>(() => new MissedContact { PlannedCallAt = DateTimeOffset.MaxValue }).ParamName);
        Assert.Equal("PlannedContactAt", Assert.Throws<ArgumentOutOfRangeException>(() => new WithdrawalRequest { PlannedContactAt = DateTimeOffset.MinValue }).ParamName);
        Assert.Equal("AsOf", Assert.Throws<ArgumentOutOfRangeException>(() => new OfferCase { AsOf = new DateTimeOffset(2999, 12, 31, 15, 0, 0, TimeSpan.Zero) }).ParamName);
        Assert.Null(new OfferCase { AsOf = null }.AsOf);
        Assert.Equal(new DateOnly(1900, 1, 1), new Offer { OfferedOn = new DateOnly(1900, 1, 1) }.OfferedOn);
        Assert.Equal(new DateOnly(2999, 12, 31), new Offer { StartsOn = new DateOnly(2999, 12, 31) }.StartsOn);
    }

    [Theory]
    [InlineData("Yamada\u0000Taro")]
    [InlineData("Sakura\u001b[31m")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("c1\u0085control")]
    public void Read_ControlCharacterInText_IsInvalidAtTheMember(string name)
    {
        var json = "{ \"candidate\": { \"name\": " + System.Text.Json.JsonSerializer.Serialize(name) + " } }";

        var result = CaseJson.Read(json);

        Assert.False(result.Success);
        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal(("case.invalidValue", "$.candidate.name"), (issue.Code, issue.Path));
    }

    // Found by the bad-input corpus: JsonDocument.ParseValue reads one value and stops, so text after it was ignored.
    [Theory]
    [InlineData("{}{}")]
    [InlineData("{ \"asOf\": \"2025-07-02\" } trailing")]
    [InlineData("{} null")]
    [InlineData("{} [")]
    public void Read_TextAfterTheCase_IsMalformed(string json)
    {
        var result = CaseJson.Read(json);

        Assert.False(result.Success);
        var issue = Assert.Single(result.Diagnostics);
        Assert.Equal(("case.malformedJson", "$"), (issue.Code, issue.Path));
    }

    [Fact]
    public void Read_WhiteSpaceAfterTheCase_IsAccepted()
    {
        Assert.True(CaseJson.Read("{ \"asOf\": \"2025-07-02\" } \r\n\t ").Success);
    }

    [Theory]
    [InlineData("{}{}")]
    [InlineData("{} 1")]
    public void Load_TextAfterTheRuleSet_IsMalformed(string trailing)
    {
        var json = RuleSets.With("[]") + trailing;

        var result = RuleSetJson.Load(json);

        Assert.False(result.Success);
        Assert.Equal("json.malformed", Assert.Single(result.Diagnostics).Code);
        Assert.True(RuleSetJson.Load(RuleSets.With("[]") + " // a comment\n").Success);
    }

    // Found while writing the rule-set seeds: a threshold of int.MaxValue overflowed (checked arithmetic) when the
    // compiler added the probe one day past it.
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue + 1)]
    [InlineData(36_501)]
    [InlineData(-36_501)]
    public void Load_DayThresholdOutOfRange_IsOutOfRange(int days)
    {
        var json = RuleSets.With($"[{RuleSets.Rule("R1", $$"""{ "fact": "daysSinceDecline", "op": "gt", "value": {{days}} }""")}]");

        var result = RuleSetJson.Load(json);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("ruleSet.outOfRange", "/policies/0/rules/0/when/value"), (d.Code, d.Path));
    }

    [Theory]
    [InlineData("daysSinceDecline", 36_500)]
    [InlineData("daysSinceDecline", -36_500)]
    [InlineData("daysUntilStart", 36_500)]
    [InlineData("daysUntilStart", -36_500)]
    [InlineData("daysSinceMissedContact", 36_500)]
    public void Load_DayThresholdAtTheLimit_LoadsAndEvaluatesAtTheEdgesOfTheCalendar(string fact, int days)
    {
        var json = RuleSets.With($"[{RuleSets.Rule("R1", $$"""{ "any": [ { "fact": "{{fact}}", "op": "lt", "value": {{days}} }, { "fact": "{{fact}}", "op": "in", "values": [ {{days}}, 0 ] } ] }""")}]");
        var evaluator = new OfferEvaluator(RuleSetJson.Load(json).GetValueOrThrow(), new FixedTimeProvider(Cases.AsOf));
        var early = new OfferCase { AsOf = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)) };
        var late = new OfferCase { AsOf = new DateTimeOffset(2999, 12, 31, 23, 0, 0, TimeSpan.FromHours(9)) };

        foreach (var @case in new[] { early, late, Cases.Minimal(), Cases.Good() })
        {
            Assert.Equal(EvaluationStatus.Evaluated, evaluator.Evaluate(@case).Status);
            Assert.Equal(EvaluationStatus.Evaluated, evaluator.Evaluate(@case, s_japanese).Status);
        }
    }
}
