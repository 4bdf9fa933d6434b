using OfferRules.Evaluation;
using OfferRules.Serialization;

// Evaluates each case file with the default policy and prints the same JSON line the CLI prints with --format json.
var exit = 0;
foreach (var path in args)
{
    var result = OfferEvaluator.Default.EvaluateJson(File.ReadAllBytes(path));
    Console.WriteLine(EvaluationJson.ToJson(result, path));
    exit = result.Status == EvaluationStatus.Invalid ? 1 : exit;
}

return exit;
