using OfferRules.Domain;

namespace OfferRules.Tests.TestUtilities;

/// <summary>Builders for cases used across tests.</summary>
internal static class Cases
{
    public static readonly DateTimeOffset AsOf = new(2025, 7, 10, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>A decline made yesterday about which nothing else is known.</summary>
    public static OfferCase Minimal(int daysAgo = 1) => new()
    {
        AsOf = AsOf,
        Decline = new DeclineEvent { DeclinedOn = DateOnly.FromDateTime(AsOf.DateTime).AddDays(-daysAgo) },
    };

    /// <summary>A fresh, politely declined offer with every key fact known and the seat open.</summary>
    public static OfferCase Good(int daysAgo = 1) => new()
    {
        AsOf = AsOf,
        Offer = new Offer { Evaluation = CandidateEvaluation.Normal },
        Decline = new DeclineEvent
        {
            DeclinedOn = DateOnly.FromDateTime(AsOf.DateTime).AddDays(-daysAgo),
            Channel = DeclineChannel.Phone,
            Promptness = Promptness.Prompt,
            ExplainedReason = true,
            ExpressedThanks = true,
            Tone = DeclineTone.Polite,
        },
        Company = new CompanyContext { SeatStatus = SeatStatus.Open },
        Request = new WithdrawalRequest { ChangeOfMindReason = ChangeOfMindReason.ReconsideredAfterReflection },
    };

    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "cases");
}
