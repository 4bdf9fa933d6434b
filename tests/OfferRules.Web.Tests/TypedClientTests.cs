using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Kiota.Abstractions.Serialization;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;
using OfferRules.Web.Client;
using OfferRules.Web.Client.Models;
using TypedEvaluation = OfferRules.Web.Client.Models.Evaluation;

namespace OfferRules.Web.Tests;

/// <summary>The Kiota client generated from the committed OpenAPI document, against the sample on a real port.</summary>
public sealed class TypedClientTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("offerrules-client-").FullName;
    private readonly KestrelApp _app;
    private readonly HttpClient _http;
    private readonly OfferRulesClient _client;

    public TypedClientTests()
    {
        var tenantRules = Path.Combine(_directory, "acme.json");
        File.WriteAllText(tenantRules, RuleSetJson.DefaultPolicyJson.Replace("\"version\": \"1.1.1\"", "\"version\": \"acme-7\"", StringComparison.Ordinal));
        _app = KestrelApp.Start(web => web.UseSetting("OfferRules:Tenants:acme:RuleSetPath", tenantRules));
        _http = new HttpClient { BaseAddress = _app.BaseAddress };
        _client = OfferRulesClientFactory.Create(_http);
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The library's own JSON for a case, to compare the typed answer with.</summary>
    private static JsonElement Expected(byte[] caseJson, string language = "en")
    {
        var result = OfferEvaluator.Default.EvaluateJson(caseJson, new OfferRules.Evaluation.EvaluationOptions { Language = language });
        using var document = JsonDocument.Parse(EvaluationJson.ToJson(result));
        return document.RootElement.Clone();
    }

    private static Task<Case?> ReadCaseAsync(byte[] json) =>
        KiotaJsonSerializer.DeserializeAsync(Encoding.UTF8.GetString(json), Case.CreateFromDiscriminatorValue);

    [Fact]
    public async Task EvaluatePost_ExampleCase_ReadsTheOutlookConfidenceFindingsAndActionsAsTypes()
    {
        var caseJson = Inputs.Case("S01");
        var expected = Expected(caseJson);

        var evaluation = await _client.Api.Evaluations.PostAsync((await ReadCaseAsync(caseJson))!, r => r.QueryParameters.Lang = "en");

        Assert.NotNull(evaluation);
        Assert.Equal(Evaluation_status.Evaluated, evaluation.Status);
        Assert.Equal(NullableOutlook.Likely, evaluation.Outlook);
        Assert.Equal(expected.GetProperty("confidence").GetString(), evaluation.Confidence.ToString()!.ToLowerInvariant());
        Assert.Equal(new Microsoft.Kiota.Abstractions.Date(2025, 7, 2), evaluation.AsOf);
        Assert.Equal(
            expected.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()),
            evaluation.Findings!.Select(f => f.RuleId));
        var baseFinding = evaluation.Findings!.First(f => f.Stage == Finding_stage.Base);
        Assert.NotNull(baseFinding.Outlook);
        Assert.Equal(0, baseFinding.Score);
        Assert.False(string.IsNullOrWhiteSpace(baseFinding.Message));

        var call = evaluation.Actions!.First(a => a.Channel == ActionStep_channel.Phone);
        var expectedCall = expected.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("id").GetString() == call.Id);
        Assert.Equal(DateTimeOffset.Parse(expectedCall.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), call.At);
        Assert.Equal(TimeSpan.FromHours(9), call.At!.Value.Offset);
        Assert.Equal(ActionStep_timing.AtCall, call.Timing);
        Assert.Equal(expected.GetProperty("callWindow").GetProperty("start").GetDateTimeOffset(), evaluation.CallWindow!.Start);
        Assert.Contains(evaluation.Drafts!, d => d.Kind == Draft_kind.Email && d.Subject is not null);
        Assert.Equal("offerrules.default", evaluation.RuleSet!.Id);
    }

    [Fact]
    public async Task EvaluatePost_CaseBuiltFromTypes_GetsTheSameAnswerAsItsJson()
    {
        var typed = new Case
        {
            Kind = Case_kind.DeclineWithdrawal,
            AsOf = "2025-07-02",
            Offer = new Offer { Company = "Sakura Logistics", Track = Offer_track.NewGraduate, OfferedOn = "2025-06-01", ViaRecruitmentAgent = new Flag { Boolean = false } },
            Decline = new Decline
            {
                DeclinedOn = "2025-07-01",
                Channel = Decline_channel.Phone,
                Tone = Decline_tone.Polite,
                ExplainedReason = new Flag { Boolean = true },
                EvidenceAvailable = new Flag { String = "unknown" },
            },
            Company = new Company
            {
                SeatStatus = Company_seatStatus.Open,
                BusinessHours = new BusinessHours { Opens = "09:30", Closes = "17:30" },
                ClosedDates = new Company.Company_closedDates { DateOnly = [new Microsoft.Kiota.Abstractions.Date(2025, 7, 3)] },
            },
            Request = new CaseRequest { PlannedContactAt = "2025-07-04T10:00:00+09:00" },
        };
        var json = Encoding.UTF8.GetBytes("""
            {
              "kind": "declineWithdrawal", "asOf": "2025-07-02",
              "offer": { "company": "Sakura Logistics", "track": "newGraduate", "offeredOn": "2025-06-01", "viaRecruitmentAgent": false },
              "decline": { "declinedOn": "2025-07-01", "channel": "phone", "tone": "polite", "explainedReason": true, "evidenceAvailable": "unknown" },
              "company": { "seatStatus": "open", "businessHours": { "opens": "09:30", "closes": "17:30" }, "closedDates": ["2025-07-03"] },
              "request": { "plannedContactAt": "2025-07-04T10:00:00+09:00" }
            }
            """);
        var expected = Expected(json);

        var evaluation = await _client.Api.Evaluations.PostAsync(typed, r => r.QueryParameters.Lang = "en");

        Assert.Equal(expected.GetProperty("outlook").GetString(), JsonNamingPolicy.CamelCase.ConvertName(evaluation!.Outlook.ToString()!));
        Assert.Equal(
            expected.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("code").GetString(), i.GetProperty("path").GetString())),
            evaluation.Issues!.Select(i => (i.Code, i.Path)));
        // The company's closed day moves the call window past 3 July: the closed dates and hours arrived as typed.
        Assert.Equal(expected.GetProperty("callWindow").GetProperty("start").GetDateTimeOffset(), evaluation.CallWindow!.Start);
        Assert.NotEqual(new DateOnly(2025, 7, 3), DateOnly.FromDateTime(evaluation.CallWindow.Start!.Value.DateTime));
        Assert.NotNull(evaluation.AtPlannedTime);
        Assert.Equal(expected.GetProperty("atPlannedTime").GetProperty("outlook").GetString(), JsonNamingPolicy.CamelCase.ConvertName(evaluation.AtPlannedTime.Outlook.ToString()!));
    }

    [Fact]
    public async Task EvaluatePost_InvalidCase_ThrowsProblemDetailsWithTypedIssues()
    {
        var @case = (await ReadCaseAsync(Inputs.Case("S25")))!;

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Evaluations.PostAsync(@case, r => r.QueryParameters.Lang = "en"));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.Equal("https://offerrules.invalid/problems/invalid-case", problem.Type);
        Assert.Equal(problem.Detail, problem.Message);
        var issue = Assert.Single(problem.Issues!);
        Assert.Equal(ProblemIssue_severity.Error, issue.Severity);
        Assert.Equal("V-01", issue.Code);
        Assert.Equal("$.decline.declinedOn", issue.Path);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Equal("offerrules.default", problem.RuleSet!.Id);
    }

    [Fact]
    public async Task EvaluatePost_UnsupportedLanguage_ThrowsProblemDetailsNamingTheParameter()
    {
        var @case = (await ReadCaseAsync(Inputs.Case("S01")))!;

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Evaluations.PostAsync(@case, r => r.QueryParameters.Lang = "fr"));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal("request.unsupportedLanguage", Assert.Single(problem.Issues!).Code);
        Assert.Equal("lang", problem.Issues![0].Path);
    }

    [Fact]
    public async Task TenantEvaluatePost_ConfiguredTenant_AnswersWithTheTenantsRuleSet()
    {
        var @case = (await ReadCaseAsync(Inputs.Case("S01")))!;

        var evaluation = await _client.Api.Tenants["acme"].Evaluations.PostAsync(@case, r => r.QueryParameters.Lang = "ja");

        Assert.Equal("acme-7", evaluation!.RuleSet!.Version);
        Assert.Equal(NullableOutlook.Likely, evaluation.Outlook);
    }

    [Fact]
    public async Task TenantEvaluatePost_UnknownTenant_ThrowsProblemDetails404()
    {
        var @case = (await ReadCaseAsync(Inputs.Case("S01")))!;

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => _client.Api.Tenants["nobody"].Evaluations.PostAsync(@case));

        Assert.Equal(404, problem.ResponseStatusCode);
        Assert.Null(problem.Issues);
    }

    [Fact]
    public async Task EvaluateBatchPost_GoodAndBadLines_EachLineReadsAsATypedEvaluation()
    {
        var body = Inputs.Line("S01") + "\n{\"kind\":\"nonsense\"}\n" + Inputs.Line("S29") + "\n";
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(body));

        await using var response = await _client.Api.Evaluations.Batch.PostAsync(request, r => r.QueryParameters.Lang = "en");
        using var reader = new StreamReader(response!);
        var lines = new List<TypedEvaluation>();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add((await KiotaJsonSerializer.DeserializeAsync(line, TypedEvaluation.CreateFromDiscriminatorValue))!);
        }

        Assert.Equal(["line 1", "line 2", "line 3"], lines.Select(l => l.Input));
        Assert.Equal([Evaluation_status.Evaluated, Evaluation_status.Invalid, Evaluation_status.Evaluated], lines.Select(l => l.Status));
        Assert.Equal(NullableOutlook.Likely, lines[0].Outlook);
        Assert.Null(lines[1].Outlook);
        Assert.Equal("$.kind", Assert.Single(lines[1].Issues!).Path);
        Assert.Equal(Evaluation_kind.MissedEmployerContact, lines[2].Kind);
    }

    [Fact]
    public async Task RuleSetGet_Default_ListsBothCaseKinds()
    {
        var info = await _client.Api.RuleSet.GetAsync();

        Assert.Equal(RuleSet.Default.Id, info!.Id);
        Assert.Equal(["declineWithdrawal", "missedEmployerContact"], info.Policies!.Select(p => p.Kind).Order(StringComparer.Ordinal));
    }
}
