// A generic host that registers OfferRules with one line and evaluates a case file at start-up.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OfferRules.Evaluation;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOfferRules(options =>
{
    options.UseDefaultRuleSet();        // or UseRuleSetFile("rules/tenant.json"): a bad file fails here, at start-up
    options.DefaultLanguage = "ja";
});

using var host = builder.Build();
var evaluator = host.Services.GetRequiredService<OfferEvaluator>();
var defaults = host.Services.GetRequiredService<EvaluationOptions>();

var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "case.json");
var result = evaluator.EvaluateJson(File.ReadAllBytes(path), defaults);
Console.WriteLine($"{result.Outlook} ({result.RuleSetId} {result.RuleSetVersion})");
foreach (var finding in result.Findings)
{
    Console.WriteLine($"  {finding.RuleId}: {finding.Message}");
}
