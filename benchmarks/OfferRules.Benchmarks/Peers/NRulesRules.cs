using NRules.Fluent.Dsl;
using OfferRules.Domain;
using OfferRules.Evaluation;

namespace OfferRules.Benchmarks.Peers;

/// <summary>
/// The default policy's rules in the NRules fluent DSL, one class per rule. The derived facts (days since the decline,
/// days until the start, days since the missed contact, conduct) are yielded by rules of their own and matched by
/// the others, as a Rete engine is meant to be used.
/// </summary>
internal static class NRulesRules
{
    [Name("derive.daysSinceDecline")]
    private sealed class DeriveDaysSinceDecline : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Decline.DeclinedOn != null)
                .Match(() => d);
            Then()
                .Yield(_ => new DaysSinceDecline(d.Value.DayNumber - c.Decline.DeclinedOn!.Value.DayNumber));
        }
    }

    [Name("derive.daysUntilStart")]
    private sealed class DeriveDaysUntilStart : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Offer.StartsOn != null)
                .Match(() => d);
            Then()
                .Yield(_ => new DaysUntilStart(c.Offer.StartsOn!.Value.DayNumber - d.Value.DayNumber));
        }
    }

    [Name("derive.conduct.hostile")]
    private sealed class DeriveHostile : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && ConductTests.IsHostile(x.Decline))
                .Match(() => d);
            Then()
                .Yield(_ => new ConductFact(ConductLevel.Hostile));
        }
    }

    [Name("derive.conduct.poor")]
    private sealed class DerivePoor : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && !ConductTests.IsHostile(x.Decline) && ConductTests.IsPoor(x.Decline))
                .Match(() => d);
            Then()
                .Yield(_ => new ConductFact(ConductLevel.Poor));
        }
    }

    [Name("derive.conduct.good")]
    private sealed class DeriveGood : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && !ConductTests.IsHostile(x.Decline) && !ConductTests.IsPoor(x.Decline) && ConductTests.IsGood(x.Decline))
                .Match(() => d);
            Then()
                .Yield(_ => new ConductFact(ConductLevel.Good));
        }
    }

    [Name("derive.conduct.unknown")]
    private sealed class DeriveUnknownConduct : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && ConductTests.IsUnknown(x.Decline))
                .Match(() => d);
            Then()
                .Yield(_ => new ConductFact(ConductLevel.Unknown));
        }
    }

    [Name("derive.conduct.mixed")]
    private sealed class DeriveMixed : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && !ConductTests.IsHostile(x.Decline) && !ConductTests.IsPoor(x.Decline) && !ConductTests.IsGood(x.Decline) && !ConductTests.IsUnknown(x.Decline))
                .Match(() => d);
            Then()
                .Yield(_ => new ConductFact(ConductLevel.Mixed));
        }
    }

    [Name("derive.daysSinceMissedContact")]
    private sealed class DeriveDaysSinceMissedContact : Rule
    {
        public override void Define()
        {
            OfferCase c = null!;
            EvaluationDate d = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && (x.MissedContact.FirstMissedCallOn ?? x.MissedContact.InterviewedOn) != null)
                .Match(() => d);
            Then()
                .Yield(_ => new DaysSinceMissedContact(d.Value.DayNumber - (c.MissedContact.FirstMissedCallOn ?? c.MissedContact.InterviewedOn)!.Value.DayNumber));
        }
    }

    [Name("V-01")]
    private sealed class V01 : Rule
    {
        private static readonly RuleEffect s_effect = new("V-01", EffectKind.Invalid, 0, 8);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Decline.DeclinedOn < x.Offer.OfferedOn)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("V-02")]
    private sealed class V02 : Rule
    {
        private static readonly RuleEffect s_effect = new("V-02", EffectKind.Invalid, 0, 9);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<DaysSinceDecline>(t => t.Days < 0)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("V-03")]
    private sealed class V03 : Rule
    {
        private static readonly RuleEffect s_effect = new("V-03", EffectKind.Invalid, 0, 10);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Offer.StartsOn < x.Offer.OfferedOn)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("V-04")]
    private sealed class V04 : Rule
    {
        private static readonly RuleEffect s_effect = new("V-04", EffectKind.Invalid, 0, 11);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Decline.Channel == DeclineChannel.NoContact && (x.Decline.ExplainedReason == true || x.Decline.ExpressedThanks == true))
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("V-06a")]
    private sealed class V06a : Rule
    {
        private static readonly RuleEffect s_effect = new("V-06a", EffectKind.Invalid, 0, 12);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.FirstMissedCallOn < x.MissedContact.InterviewedOn)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("V-06b")]
    private sealed class V06b : Rule
    {
        private static readonly RuleEffect s_effect = new("V-06b", EffectKind.Invalid, 0, 13);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact)
                .Match<DaysSinceMissedContact>(t => t.Days < 0)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("basicallyNotPossible")]
    private sealed class BasicallyNotPossible : Rule
    {
        private static readonly RuleEffect s_effect = new("basicallyNotPossible", EffectKind.Report, 0, 14);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Request.PriorRequestOutcome != PriorRequestOutcome.Refused)
                .Not<DaysUntilStart>(t => t.Days <= 0)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("seatsStillOpen")]
    private sealed class SeatsStillOpen : Rule
    {
        private static readonly RuleEffect s_effect = new("seatsStillOpen", EffectKind.Report, 0, 15);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus == SeatStatus.Open)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("neededTalent")]
    private sealed class NeededTalent : Rule
    {
        private static readonly RuleEffect s_effect = new("neededTalent", EffectKind.Report, 0, 16);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Offer.Evaluation == CandidateEvaluation.High)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("unavoidableReason")]
    private sealed class UnavoidableReason : Rule
    {
        private static readonly RuleEffect s_effect = new("unavoidableReason", EffectKind.Report, 0, 17);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && (x.Decline.OriginalReason == DeclineReason.FamilyEmergency || x.Decline.OriginalReason == DeclineReason.Health) && x.Decline.EvidenceAvailable == true && x.Decline.CircumstanceChanged == true && x.Company.SeatStatus != SeatStatus.Filled)
                .Match<DaysSinceDecline>(t => t.Days <= 7)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("goodConduct")]
    private sealed class GoodConduct : Rule
    {
        private static readonly RuleEffect s_effect = new("goodConduct", EffectKind.Report, 0, 18);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<ConductFact>(f => f.Level == ConductLevel.Good)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("fairnessToOtherCandidates")]
    private sealed class FairnessToOtherCandidates : Rule
    {
        private static readonly RuleEffect s_effect = new("fairnessToOtherCandidates", EffectKind.Report, 0, 19);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatOfferedToOther == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("seatsAlreadyFilled")]
    private sealed class SeatsAlreadyFilled : Rule
    {
        private static readonly RuleEffect s_effect = new("seatsAlreadyFilled", EffectKind.Report, 0, 20);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus == SeatStatus.Filled)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("internalControls")]
    private sealed class InternalControls : Rule
    {
        private static readonly RuleEffect s_effect = new("internalControls", EffectKind.Report, 0, 21);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.PolicyForbidsReinstatement == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("calledBackQuickly")]
    private sealed class CalledBackQuickly : Rule
    {
        private static readonly RuleEffect s_effect = new("calledBackQuickly", EffectKind.Report, 0, 22);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact)
                .Match<DaysSinceMissedContact>(t => t.Days <= 1)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("backupContactReady")]
    private sealed class BackupContactReady : Rule
    {
        private static readonly RuleEffect s_effect = new("backupContactReady", EffectKind.Report, 0, 23);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.HasBackupContact == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("positionFilled")]
    private sealed class PositionFilled : Rule
    {
        private static readonly RuleEffect s_effect = new("positionFilled", EffectKind.Report, 0, 24);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.EmployerSaidPositionFilled == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-T1")]
    private sealed class RT1 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-T1", EffectKind.Terminal, (int)Outlook.VeryUnlikely, 0);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Request.PriorRequestOutcome == PriorRequestOutcome.Refused)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-T2")]
    private sealed class RT2 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-T2", EffectKind.Terminal, (int)Outlook.VeryUnlikely, 1);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<DaysUntilStart>(t => t.Days <= 0)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-T3")]
    private sealed class RT3 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-T3", EffectKind.Terminal, (int)Outlook.Possible, 2);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Request.PriorRequestOutcome == PriorRequestOutcome.ReselectionOffered)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-L1")]
    private sealed class RL1 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-L1", EffectKind.Floor, (int)Outlook.Likely, 3);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && (x.Company.UnfairPressureOrRescission == true || x.Decline.OriginalReason == DeclineReason.PressuredByCompany) && x.Decline.EvidenceAvailable == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-L1b")]
    private sealed class RL1b : Rule
    {
        private static readonly RuleEffect s_effect = new("R-L1b", EffectKind.Floor, (int)Outlook.Possible, 4);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && (x.Company.UnfairPressureOrRescission == true || x.Decline.OriginalReason == DeclineReason.PressuredByCompany) && x.Decline.EvidenceAvailable != true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-T1")]
    private sealed class MT1 : Rule
    {
        private static readonly RuleEffect s_effect = new("M-T1", EffectKind.Terminal, (int)Outlook.VeryUnlikely, 0);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.EmployerSaidPositionFilled == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-B0")]
    private sealed class RB0 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-B0", EffectKind.Base, (int)Outlook.Unlikely, 31);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-H1")]
    private sealed class RH1 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-H1", EffectKind.Adjust, 1, 32);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus == SeatStatus.Open)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-H2")]
    private sealed class RH2 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-H2", EffectKind.Adjust, 1, 33);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Offer.Evaluation == CandidateEvaluation.High)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-H3")]
    private sealed class RH3 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-H3", EffectKind.Adjust, 1, 34);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && (x.Decline.OriginalReason == DeclineReason.FamilyEmergency || x.Decline.OriginalReason == DeclineReason.Health) && x.Decline.EvidenceAvailable == true && x.Decline.CircumstanceChanged == true && x.Company.SeatStatus != SeatStatus.Filled)
                .Match<DaysSinceDecline>(t => t.Days <= 7)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-H4")]
    private sealed class RH4 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-H4", EffectKind.Adjust, 1, 35);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<ConductFact>(f => f.Level == ConductLevel.Good)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-H5")]
    private sealed class RH5 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-H5", EffectKind.Adjust, 1, 36);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.HiringNeedTrend == HiringNeedTrend.Increased)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-X1")]
    private sealed class RX1 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-X1", EffectKind.Adjust, -1, 37);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<DaysSinceDecline>(t => t.Days > 7)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-X2")]
    private sealed class RX2 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-X2", EffectKind.Adjust, -1, 38);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Request.ChangeOfMindReason == ChangeOfMindReason.NoClearReason)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-X3")]
    private sealed class RX3 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-X3", EffectKind.Adjust, -1, 39);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<ConductFact>(f => f.Level == ConductLevel.Poor)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-X4")]
    private sealed class RX4 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-X4", EffectKind.Adjust, -1, 40);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatOfferedToOther == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-X5")]
    private sealed class RX5 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-X5", EffectKind.Adjust, -1, 41);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.HiringNeedTrend == HiringNeedTrend.Decreased)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-B")]
    private sealed class MB : Rule
    {
        private static readonly RuleEffect s_effect = new("M-B", EffectKind.Base, (int)Outlook.Possible, 42);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-B1")]
    private sealed class MB1 : Rule
    {
        private static readonly RuleEffect s_effect = new("M-B1", EffectKind.Adjust, 1, 43);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact)
                .Match<DaysSinceMissedContact>(t => t.Days <= 1)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-B8")]
    private sealed class MB8 : Rule
    {
        private static readonly RuleEffect s_effect = new("M-B8", EffectKind.Adjust, -1, 44);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact)
                .Match<DaysSinceMissedContact>(t => t.Days >= 8)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C1")]
    private sealed class RC1 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C1", EffectKind.Cap, (int)Outlook.VeryUnlikely, 45);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus == SeatStatus.Filled)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C2")]
    private sealed class RC2 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C2", EffectKind.Cap, (int)Outlook.VeryUnlikely, 46);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.PolicyForbidsReinstatement == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C3")]
    private sealed class RC3 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C3", EffectKind.Cap, (int)Outlook.VeryUnlikely, 47);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<ConductFact>(f => f.Level == ConductLevel.Hostile)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C4")]
    private sealed class RC4 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C4", EffectKind.Cap, (int)Outlook.VeryUnlikely, 48);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Decline.PreviouslyReversed == true)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C5")]
    private sealed class RC5 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C5", EffectKind.Cap, (int)Outlook.Possible, 49);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus != SeatStatus.Open)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C6")]
    private sealed class RC6 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C6", EffectKind.Cap, (int)Outlook.Unlikely, 50);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus != SeatStatus.Open)
                .Match<DaysSinceDecline>(t => t.Days > 7)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C7")]
    private sealed class RC7 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C7", EffectKind.Cap, (int)Outlook.Unlikely, 51);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus == SeatStatus.Open)
                .Match<DaysSinceDecline>(t => t.Days > 30)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C7b")]
    private sealed class RC7b : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C7b", EffectKind.Cap, (int)Outlook.VeryUnlikely, 52);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus != SeatStatus.Open)
                .Match<DaysSinceDecline>(t => t.Days > 30)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("R-C8")]
    private sealed class RC8 : Rule
    {
        private static readonly RuleEffect s_effect = new("R-C8", EffectKind.Cap, (int)Outlook.Possible, 53);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Decline.DeclinedOn == null)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("CONF-high")]
    private sealed class ConfidenceHigh : Rule
    {
        private static readonly RuleEffect s_effect = new("CONF-high", EffectKind.Confidence, (int)Confidence.High, 54);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal && x.Company.SeatStatus != SeatStatus.Unknown && x.Decline.DeclinedOn != null)
                .Match<ConductFact>(f => f.Level != ConductLevel.Unknown)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("CONF-medium")]
    private sealed class ConfidenceMedium : Rule
    {
        private static readonly RuleEffect s_effect = new("CONF-medium", EffectKind.Confidence, (int)Confidence.Medium, 55);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.DeclineWithdrawal)
                .Match<ConductFact>(f => (c.Company.SeatStatus != SeatStatus.Unknown ? 1 : 0) + (c.Decline.DeclinedOn != null ? 1 : 0) + (f.Level != ConductLevel.Unknown ? 1 : 0) >= 2)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-CONF-high")]
    private sealed class MissedConfidenceHigh : Rule
    {
        private static readonly RuleEffect s_effect = new("M-CONF-high", EffectKind.Confidence, (int)Confidence.High, 56);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.FirstMissedCallOn != null)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }

    [Name("M-CONF-medium")]
    private sealed class MissedConfidenceMedium : Rule
    {
        private static readonly RuleEffect s_effect = new("M-CONF-medium", EffectKind.Confidence, (int)Confidence.Medium, 57);

        public override void Define()
        {
            OfferCase c = null!;
            PolicyOutcome o = null!;
            When()
                .Match(() => c, x => x.Kind == CaseKind.MissedEmployerContact && x.MissedContact.InterviewedOn != null)
                .Match(() => o);
            Then()
                .Do(_ => o.Apply(s_effect));
        }
    }
}
