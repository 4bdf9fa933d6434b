using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using OfferRules.Diagnostics;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Diagnostics;

/// <summary>The OfferRules meter and activity source report evaluations and loads, with tags that never carry personal data.</summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests
{
    private static readonly string[] s_personal = ["Zyxwv Qrstu", "Plmokn University", "Hjkgf Holdings", "Vbnmx Engineer", "Wqzrt Department", "Ujnhy Sato"];

    [Fact]
    public void Evaluate_WithMeterListener_CountsAndTimesEachEvaluationWithKindStatusAndOutlook()
    {
        var evaluator = new OfferEvaluator(OfferEvaluator.Default.RuleSet);
        using var collector = new Collector();

        var good = evaluator.Evaluate(Personal(Cases.Good()));
        var invalid = evaluator.EvaluateJson("""{ "decline": { "channel": "fax" } }"""u8);
        evaluator.Decide(Cases.Good());

        var counts = collector.Measurements.Where(m => m.Instrument == "offerrules.evaluations").ToArray();
        Assert.Equal(2, counts.Length);
        Assert.All(counts, m => Assert.Equal(1.0, m.Value));
        Assert.Equal(("declineWithdrawal", "evaluated", Name(good.Outlook!.Value)), Tags(counts[0]));
        Assert.Equal(("declineWithdrawal", "invalid", "none"), Tags(counts[1]));
        Assert.Equal(EvaluationStatus.Invalid, invalid.Status);

        var durations = collector.Measurements.Where(m => m.Instrument == "offerrules.evaluation.duration").ToArray();
        Assert.Equal(2, durations.Length);
        Assert.All(durations, m => Assert.True(m.Value >= 0));
        Assert.Equal(Tags(counts[0]), Tags(durations[0]));
        Assert.Equal("ms", collector.Units["offerrules.evaluation.duration"]);
    }

    [Fact]
    public void Load_WithMeterListener_CountsSuccessAndFailure()
    {
        using var collector = new Collector();

        RuleSetJson.Load(RuleSetJson.DefaultPolicyJson);
        RuleSetJson.Load("{}");
        RuleSetJson.LoadFile("/no/such/file.json");

        var loads = collector.Measurements.Where(m => m.Instrument == "offerrules.rule_set.loads").Select(m => m.Tags["result"]).ToArray();
        Assert.Equal(new string?[] { "success", "failure", "failure" }, loads);
    }

    [Fact]
    public void Evaluate_WithActivityListener_StartsOneActivityWithTheRuleSetAndTheOutcome()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OfferRulesDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var evaluator = new OfferEvaluator(OfferEvaluator.Default.RuleSet);

        var result = evaluator.Evaluate(Personal(Cases.Good()), new EvaluationOptions { Language = "ja" });

        var activity = Assert.Single(activities, a => a.GetTagItem("offerrules.rule_set.id") as string == evaluator.RuleSet.Id);
        Assert.Equal("OfferRules.Evaluate", activity.OperationName);
        Assert.Equal(evaluator.RuleSet.Version, activity.GetTagItem("offerrules.rule_set.version"));
        Assert.Equal("evaluated", activity.GetTagItem("status"));
        Assert.Equal("declineWithdrawal", activity.GetTagItem("kind"));
        Assert.Equal(Name(result.Outlook!.Value), activity.GetTagItem("outlook"));
        AssertNoPersonalData(activity.TagObjects.Select(t => t.Value?.ToString()));
    }

    [Fact]
    public async Task Telemetry_CasesFullOfPersonalData_NoTagCarriesAny()
    {
        var tags = new List<string?>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OfferRulesDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (tags) { tags.AddRange(a.TagObjects.Select(t => t.Value?.ToString())); tags.Add(a.DisplayName); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var collector = new Collector();
        var personal = Personal(Cases.Good());
        var json = Encoding.UTF8.GetBytes(CaseJson.ToJson(personal));

        OfferEvaluator.Default.Evaluate(personal);
        OfferEvaluator.Default.EvaluateJson(json, new EvaluationOptions { Language = "ja" });
        await OfferEvaluator.Default.EvaluateJsonAsync(new MemoryStream(json));
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(CaseJson.ToJson(personal).Replace("\"phone\"", "\"Zyxwv Qrstu\"", StringComparison.Ordinal)));

        Assert.NotEmpty(tags);
        Assert.NotEmpty(collector.Measurements);
        AssertNoPersonalData(tags);
        AssertNoPersonalData(collector.Measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value)));
    }

    private static OfferCase Personal(OfferCase @case) => @case with
    {
        Candidate = new Candidate { Name = s_personal[0], School = s_personal[1] },
        Offer = @case.Offer with { Company = s_personal[2], Position = s_personal[3], Department = s_personal[4], ContactPerson = s_personal[5] },
    };

    private static void AssertNoPersonalData(IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            foreach (var word in s_personal.SelectMany(p => p.Split(' ')))
            {
                Assert.DoesNotContain(word, value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static string Name(Outlook outlook) => char.ToLowerInvariant(outlook.ToString()[0]) + outlook.ToString()[1..];

    private static (string?, string?, string?) Tags(Measurement m) => (m.Tags["kind"], m.Tags["status"], m.Tags["outlook"]);

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, string?> Tags);

    /// <summary>Collects the OfferRules meter's measurements made on this thread (other tests run evaluations too).</summary>
    private sealed class Collector : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly int _thread = Environment.CurrentManagedThreadId;

        public Collector()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OfferRulesDiagnostics.MeterName)
                {
                    Units[instrument.Name] = instrument.Unit;
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            _listener.Start();
        }

        public List<Measurement> Measurements { get; } = [];

        public Dictionary<string, string?> Units { get; } = [];

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (Environment.CurrentManagedThreadId != _thread)
            {
                return;
            }

            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            lock (Measurements)
            {
                Measurements.Add(new Measurement(instrument.Name, value, copy));
            }
        }
    }
}
