using System.Text;
using FsCheck.Xunit;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Properties;

/// <summary>Totality and determinism of reading and evaluating, over generated input.</summary>
public sealed class EvaluationProperties
{
    [Property(MaxTest = 10_000)]
    public bool ReadCase_AnyText_IsReadOrInvalidNeverThrows(string? text)
    {
        var result = CaseJson.Read(text ?? string.Empty);
        return result.Success || (!result.Issues.IsEmpty && result.Issues.All(i => i.Path.StartsWith('$')));
    }

    [Property(MaxTest = 10_000)]
    public bool ReadCase_AnyBytes_IsReadOrInvalidNeverThrows(byte[] bytes)
    {
        var result = CaseJson.Read(bytes ?? []);
        return result.Success || !result.Issues.IsEmpty;
    }

    [Property(MaxTest = 10_000)]
    public bool LoadRuleSet_AnyText_LoadsOrDiagnosesNeverThrows(string? text)
    {
        var result = RuleSetJson.Load(text ?? string.Empty);
        return result.Success != !result.Diagnostics.IsEmpty;
    }

    [Property(MaxTest = 10_000)]
    public bool Evaluate_GeneratedCase_IsTotalAndDeterministic(int seed)
    {
        var @case = RandomCase(new Random(seed));
        var first = OfferEvaluator.Default.Evaluate(@case);
        var second = OfferEvaluator.Default.Evaluate(@case);
        var decision = OfferEvaluator.Default.Decide(@case);
        return EvaluationJson.ToJson(first) == EvaluationJson.ToJson(second)
            && decision == new Decision(first.Status, first.Outlook, first.Confidence)
            && (first.Status == EvaluationStatus.Evaluated) == (first.Outlook is not null);
    }

    [Property(MaxTest = 10_000)]
    public bool Evaluate_EveryFindingAndMessage_IsComplete(int seed, bool japanese)
    {
        var @case = RandomCase(new Random(seed));
        var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = japanese ? "ja" : "en" });
        var rules = OfferEvaluator.Default.RuleSet.GetRuleIds(@case.Kind).ToHashSet();
        var texts = result.Findings.Select(f => f.Message)
            .Concat(result.Conditions.Select(c => c.Message))
            .Concat(result.FailureReasons.Select(c => c.Message))
            .Concat(result.MissingFacts.Select(m => m.Message));
        return result.Findings.All(f => rules.Contains(f.RuleId))
            && texts.All(t => t.Length > 0 && !t.Contains('{', StringComparison.Ordinal) && !t.Contains('}', StringComparison.Ordinal));
    }

    internal static OfferCase RandomCase(Random r)
    {
        var today = DateOnly.FromDateTime(Cases.AsOf.DateTime);
        T Pick<T>()
            where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            return values[r.Next(values.Length)];
        }

        bool? Tri() => r.Next(3) switch { 0 => null, 1 => false, _ => true };
        DateOnly? Day(int min, int max) => r.Next(4) == 0 ? null : today.AddDays(r.Next(min, max));

        return new OfferCase
        {
            Kind = r.Next(5) == 0 ? CaseKind.MissedEmployerContact : CaseKind.DeclineWithdrawal,
            AsOf = Cases.AsOf,
            Offer = new Offer
            {
                Track = Pick<HiringTrack>(), OfferedOn = Day(-90, 0), StartsOn = Day(-10, 300), StageAtDecline = Pick<OfferStage>(),
                ViaRecruitmentAgent = Tri(), Evaluation = Pick<CandidateEvaluation>(),
            },
            Decline = new DeclineEvent
            {
                DeclinedOn = Day(-60, 3), Channel = Pick<DeclineChannel>(), Promptness = Pick<Promptness>(), ExplainedReason = Tri(),
                ExpressedThanks = Tri(), Tone = Pick<DeclineTone>(), OriginalReason = Pick<DeclineReason>(), CircumstanceChanged = Tri(),
                EvidenceAvailable = Tri(), PreviouslyReversed = Tri(),
            },
            Company = new CompanyContext
            {
                SeatStatus = Pick<SeatStatus>(), SeatOfferedToOther = Tri(), PolicyForbidsReinstatement = Tri(),
                HiringNeedTrend = Pick<HiringNeedTrend>(), UnfairPressureOrRescission = Tri(),
            },
            Request = new WithdrawalRequest
            {
                ChangeOfMindReason = Pick<ChangeOfMindReason>(), PriorRequestOutcome = Pick<PriorRequestOutcome>(),
                PlannedChannel = Pick<PlannedChannel>(), WillingToRedoSelection = Tri(),
            },
            MissedContact = new MissedContact
            {
                InterviewedOn = Day(-20, 1), FirstMissedCallOn = Day(-15, 1), Cause = Pick<MissedContactCause>(),
                EmployerSaidPositionFilled = Tri(), PlannedChannel = Pick<MissedContactChannel>(), HasBackupContact = Tri(),
            },
        };
    }
}
