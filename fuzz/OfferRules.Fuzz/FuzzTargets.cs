using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Fuzz;

/// <summary>
/// The code paths the fuzzer drives. Any exception that escapes one of these methods is a bug: both readers promise to
/// report bad input as issues or diagnostics, and evaluation of a case they accept must not fail. The tests link this
/// file to replay the committed corpus through exactly the same paths.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The names accepted on the command line.</summary>
    public static readonly string[] Names = ["case", "ruleset"];

    /// <summary>Runs the named target on one input.</summary>
    /// <param name="target">One of <see cref="Names"/>.</param>
    /// <param name="input">The input bytes.</param>
    /// <returns>A one-line summary: the case's status and first issue, or whether the rule set loaded.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a known target.</exception>
    public static string Run(string target, ReadOnlySpan<byte> input) => target switch
    {
        "case" => Summarise(Case(input)),
        "ruleset" => RuleSet(input) is { Success: false } rejected ? $"rejected {rejected.Diagnostics[0]}" : "loaded",
        _ => throw new ArgumentException($"Unknown target '{target}'; use one of: {string.Join(", ", Names)}.", nameof(target)),
    };

    /// <summary>Bytes → <see cref="CaseJson.Read(ReadOnlySpan{byte})"/> → evaluation with the default policy → JSON.</summary>
    /// <param name="input">The input bytes.</param>
    /// <returns>The JSON of the result, as the command-line tool prints it.</returns>
    public static string Case(ReadOnlySpan<byte> input)
    {
        var evaluator = OfferEvaluator.Default;
        var read = CaseJson.Read(input);
        if (!read.Success)
        {
            Check(read.Diagnostics.Length > 0, "an unread case has no issue");
            return EvaluationJson.ToJson(evaluator.CreateInvalid(read.Diagnostics));
        }

        _ = evaluator.Decide(read.Value);
        _ = EvaluationJson.ToJson(evaluator.Evaluate(read.Value, Fixtures.Japanese));
        return EvaluationJson.ToJson(evaluator.Evaluate(read.Value, Fixtures.English));
    }

    /// <summary>Bytes → <see cref="RuleSetJson.Load(ReadOnlySpan{byte})"/> → on success, evaluation of the fixed examples with it.</summary>
    /// <param name="input">The input bytes.</param>
    /// <returns>The outcome of loading.</returns>
    public static RuleSetLoadResult RuleSet(ReadOnlySpan<byte> input)
    {
        var loaded = RuleSetJson.Load(input);
        if (!loaded.TryGetValue(out var ruleSet))
        {
            Check(loaded.Diagnostics.Length > 0, "a rule set that did not load has no diagnostic");
            _ = string.Join('\n', loaded.Diagnostics);
            return loaded;
        }

        var evaluator = new OfferEvaluator(ruleSet, Fixtures.Clock);
        foreach (var example in Fixtures.Examples)
        {
            _ = evaluator.Decide(example);
            _ = EvaluationJson.ToJson(evaluator.Evaluate(example, Fixtures.English));
            _ = EvaluationJson.ToJson(evaluator.Evaluate(example, Fixtures.Japanese));
        }

        return loaded;
    }

    private static string Summarise(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        var status = root.GetProperty("status").GetString();
        var issues = root.GetProperty("issues");
        return issues.GetArrayLength() == 0 ? $"{status}" : $"{status} {issues[0].GetProperty("code").GetString()} {issues[0].GetProperty("path").GetString()}";
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Broken promise: " + what + ".");
        }
    }

    /// <summary>
    /// The objects of the library the targets share. They live in a class of their own so that they are created on the
    /// first input, inside the fork server: code of an instrumented assembly must not run before <c>Fuzzer.Run</c>.
    /// </summary>
    private static class Fixtures
    {
        public static readonly EvaluationOptions English = new() { Language = "en" };
        public static readonly EvaluationOptions Japanese = new() { Language = "ja" };

        /// <summary>The fixed clock for the rule-set target, so that a run does not depend on the day it runs.</summary>
        public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 7, 2, 10, 0, 0, TimeSpan.FromHours(9)));

        /// <summary>The example cases evaluated with every rule set that loads: one of each kind.</summary>
        public static readonly OfferCase[] Examples =
        [
            new()
            {
                AsOf = new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.FromHours(9)),
                Offer = new Offer { Company = "Sakura Logistics", Track = HiringTrack.NewGraduate, OfferedOn = new DateOnly(2025, 6, 10), StartsOn = new DateOnly(2026, 4, 1), StageAtDecline = OfferStage.InformalOffer, Evaluation = CandidateEvaluation.High },
                Decline = new DeclineEvent { DeclinedOn = new DateOnly(2025, 7, 1), Channel = DeclineChannel.Phone, Promptness = Promptness.Prompt, ExplainedReason = true, ExpressedThanks = true, Tone = DeclineTone.Polite, OriginalReason = DeclineReason.AcceptedOtherOffer },
                Company = new CompanyContext { SeatStatus = SeatStatus.Open },
                Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.ReconsideredAfterReflection, PlannedChannel = PlannedChannel.PhoneThenWritten },
            },
            new()
            {
                Kind = CaseKind.MissedEmployerContact,
                AsOf = new DateTimeOffset(2025, 6, 9, 8, 30, 0, TimeSpan.FromHours(9)),
                Offer = new Offer { Track = HiringTrack.PartTime },
                MissedContact = new MissedContact { InterviewedOn = new DateOnly(2025, 6, 3), Cause = MissedContactCause.DeviceIssue, PlannedCallAt = new DateTimeOffset(2025, 6, 9, 9, 5, 0, TimeSpan.FromHours(9)), PlannedChannel = MissedContactChannel.Phone, HasBackupContact = true },
            },
        ];
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
