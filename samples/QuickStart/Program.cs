// The README's quick start is copied from this file; CI builds and runs it.
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Serialization;

var @case = new OfferCase
{
    AsOf = new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.FromHours(9)),
    Offer = new Offer { Company = "Sakura Logistics", Evaluation = CandidateEvaluation.High },
    Decline = new DeclineEvent
    {
        DeclinedOn = new DateOnly(2025, 7, 1),
        Channel = DeclineChannel.Phone,
        Promptness = Promptness.Prompt,
        ExplainedReason = true,
        ExpressedThanks = true,
    },
    Company = new CompanyContext { SeatStatus = SeatStatus.Open },
};

var result = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = "en" });

Console.WriteLine($"Outlook: {result.Outlook} (confidence {result.Confidence})");
foreach (var finding in result.Findings)
{
    Console.WriteLine($"  {finding.RuleId}: {finding.Message}");
}

foreach (var step in result.Actions.Take(5))
{
    Console.WriteLine($"  {step.Order}. {step.At:yyyy-MM-dd HH:mm} {step.Message}");
}

// The same JSON the command-line tool prints with --format json:
Console.WriteLine(EvaluationJson.ToJson(result).Length > 0 ? "JSON ready." : "No JSON.");
