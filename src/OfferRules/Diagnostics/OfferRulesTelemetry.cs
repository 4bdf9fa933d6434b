using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Internal;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Diagnostics;

/// <summary>The <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments that <see cref="OfferRulesDiagnostics"/> documents.</summary>
/// <remarks>Every recording is guarded by <see cref="Instrument.Enabled"/> or <see cref="ActivitySource.HasListeners"/>, so that with no listener nothing is allocated.</remarks>
internal static class OfferRulesTelemetry
{
    public const string Name = "OfferRules";

    public const string ActivityName = "OfferRules.Evaluate";

    private static readonly string? s_version = typeof(OfferRulesTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(Name, s_version);

    public static readonly Meter Meter = new(Name, s_version);

    public static readonly Counter<long> Evaluations = Meter.CreateCounter<long>(
        "offerrules.evaluations", "{evaluation}", "Cases evaluated, by kind, status and outlook.");

    public static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram<double>(
        "offerrules.evaluation.duration", "ms", "The time an evaluation took, by kind, status and outlook.");

    public static readonly Counter<long> RuleSetLoads = Meter.CreateCounter<long>(
        "offerrules.rule_set.loads", "{load}", "Rule sets loaded, by result.");

    private static readonly FrozenDictionary<CaseKind, string> s_kinds = NamesOf<CaseKind>();
    private static readonly FrozenDictionary<EvaluationStatus, string> s_statuses = NamesOf<EvaluationStatus>();
    private static readonly FrozenDictionary<Outlook, string> s_outlooks = NamesOf<Outlook>();

    /// <summary>Starts the evaluation activity, or returns <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartEvaluate(RuleSet ruleSet)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(ActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("offerrules.rule_set.id", ruleSet.Id);
            activity.SetTag("offerrules.rule_set.version", ruleSet.Version);
        }

        return activity;
    }

    /// <summary>Records a finished evaluation: its tags on the activity, the counter and the duration since <paramref name="startTimestamp"/>.</summary>
    public static void RecordEvaluation(EvaluationResult result, long startTimestamp, Activity? activity)
    {
        if (activity is null && !Evaluations.Enabled && !EvaluationDuration.Enabled)
        {
            return; // nobody listens: no tags to look up
        }

        var kind = s_kinds.GetValueOrDefault(result.Kind, "unknown");
        var status = s_statuses.GetValueOrDefault(result.Status, "unknown");
        var outlook = result.Outlook is { } o ? s_outlooks.GetValueOrDefault(o, "unknown") : "none";
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("kind", kind);
                activity.SetTag("status", status);
                activity.SetTag("outlook", outlook);
            }

            activity.Dispose();
        }

        if (!Evaluations.Enabled && !EvaluationDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "kind", kind },
            { "status", status },
            { "outlook", outlook },
        };
        Evaluations.Add(1, tags);
        if (EvaluationDuration.Enabled)
        {
            EvaluationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
        }
    }

    /// <summary>An evaluation under way: when it started and its activity, if anyone listens.</summary>
    internal readonly struct EvaluationScope
    {
        private readonly long _start;
        private readonly Activity? _activity;

        private EvaluationScope(long start, Activity? activity)
        {
            _start = start;
            _activity = activity;
        }

        public static EvaluationScope Start(RuleSet ruleSet) => new(Stopwatch.GetTimestamp(), StartEvaluate(ruleSet));

        /// <summary>Records the finished evaluation and returns its result.</summary>
        public EvaluationResult Complete(EvaluationResult result)
        {
            RecordEvaluation(result, _start, _activity);
            return result;
        }

        /// <summary>Marks the activity as failed; returns <see langword="false"/>, to be used as an exception filter that never catches.</summary>
        public bool Fail(Exception exception)
        {
            if (_activity is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, exception.GetType().FullName);
                _activity.Dispose();
            }

            return false;
        }
    }

    /// <summary>Counts a rule-set load and returns its result unchanged.</summary>
    public static RuleSetLoadResult RecordLoad(RuleSetLoadResult result)
    {
        if (RuleSetLoads.Enabled)
        {
            RuleSetLoads.Add(1, new KeyValuePair<string, object?>("result", result.Success ? "success" : "failure"));
        }

        return result;
    }

    private static FrozenDictionary<TEnum, string> NamesOf<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, JsonNames<TEnum>.Of);
}
