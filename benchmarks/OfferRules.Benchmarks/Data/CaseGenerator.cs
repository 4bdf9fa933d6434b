using OfferRules.Domain;

namespace OfferRules.Benchmarks.Data;

/// <summary>
/// Generates random cases over every fact of the domain model, with the same distribution as the library's property
/// tests (<c>EvaluationProperties.RandomCase</c>): each enum uniformly including <c>Unknown</c>, each yes/no fact a third
/// unknown, each date a quarter unknown, one case in five a missed-contact case. Some generated cases are invalid
/// (a decline before the offer, for example), as real input sometimes is.
/// </summary>
public static class CaseGenerator
{
    /// <summary>The moment every generated case is evaluated at: 2025-07-10 00:00 in Japan.</summary>
    public static readonly DateTimeOffset AsOf = new(2025, 7, 10, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Generates <paramref name="count"/> cases from a seed; the same seed always gives the same cases.</summary>
    /// <param name="count">How many cases.</param>
    /// <param name="seed">The seed of the random generator.</param>
    /// <returns>The cases.</returns>
    public static OfferCase[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var cases = new OfferCase[count];
        for (var i = 0; i < count; i++)
        {
            cases[i] = Next(random);
        }

        return cases;
    }

    /// <summary>Generates the next random case.</summary>
    /// <param name="r">The random generator.</param>
    /// <returns>A case.</returns>
    public static OfferCase Next(Random r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var today = DateOnly.FromDateTime(AsOf.DateTime);
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
            AsOf = AsOf,
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

    /// <summary>
    /// Gets cases on and around every day boundary of the default policy (2, 7 and 30 days since the decline, the start
    /// date, 1 and 8 days since a missed call), crossed with the facts that decide whether a boundary matters. Random
    /// cases reach these days too rarely to pin them down.
    /// </summary>
    /// <returns>The cases.</returns>
    public static IEnumerable<OfferCase> Boundaries()
    {
        var today = DateOnly.FromDateTime(AsOf.DateTime);
        var good = new DeclineEvent
        {
            Channel = DeclineChannel.Phone, Promptness = Promptness.Prompt, ExplainedReason = true, ExpressedThanks = true,
            OriginalReason = DeclineReason.FamilyEmergency, EvidenceAvailable = true, CircumstanceChanged = true,
        };
        for (var days = -1; days <= 40; days++)
        {
            foreach (var seat in Enum.GetValues<SeatStatus>())
            {
                foreach (var decline in new[] { DeclineEvent.Unknown, good })
                {
                    foreach (var high in new[] { false, true })
                    {
                        foreach (var startsIn in new int?[] { null, -1, 0, 1 })
                        {
                            yield return new OfferCase
                            {
                                AsOf = AsOf,
                                Offer = new Offer
                                {
                                    Evaluation = high ? CandidateEvaluation.High : CandidateEvaluation.Unknown,
                                    StartsOn = startsIn is { } s ? today.AddDays(s) : null,
                                },
                                Decline = decline with { DeclinedOn = today.AddDays(-days) },
                                Company = new CompanyContext { SeatStatus = seat, HiringNeedTrend = high ? HiringNeedTrend.Increased : HiringNeedTrend.Unknown },
                            };
                        }
                    }
                }
            }
        }

        for (var days = -1; days <= 10; days++)
        {
            foreach (var first in new[] { false, true })
            {
                yield return new OfferCase
                {
                    Kind = CaseKind.MissedEmployerContact,
                    AsOf = AsOf,
                    MissedContact = new MissedContact
                    {
                        InterviewedOn = today.AddDays(-days - (first ? 1 : 0)),
                        FirstMissedCallOn = first ? today.AddDays(-days) : null,
                    },
                };
            }
        }
    }
}
