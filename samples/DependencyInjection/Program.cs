// A generic host that registers OfferRules the options-pattern way and evaluates a case file at start-up.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OfferRules.DependencyInjection;
using OfferRules.Evaluation;

var builder = Host.CreateApplicationBuilder(args);

// Options come from the "OfferRules" configuration section (appsettings.json, environment variables such as
// OfferRules__RuleSetPath, or the command line), then from code. Nothing is loaded here: the rule set is loaded and
// checked when the host starts, so a bad rule file stops the start with every diagnostic.
builder.Services.AddOfferRules(options => options.DefaultLanguage = "ja")
    .BindConfiguration();   // e.g. --OfferRules:RuleSetPath=rules/tenant.json (relative to the content root)

// A second tenant, resolved with [FromKeyedServices("tenant-b")] or through IOfferEvaluatorProvider.
builder.Services.AddOfferRules("tenant-b", options => options.DefaultLanguage = "en");

using var host = builder.Build();
await host.StartAsync();

var evaluator = host.Services.GetRequiredService<IOfferEvaluator>();
var defaults = host.Services.GetRequiredService<EvaluationOptions>();

var path = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : Path.Combine(AppContext.BaseDirectory, "case.json");
var result = evaluator.EvaluateJson(File.ReadAllBytes(path), defaults);
Console.WriteLine($"{result.Outlook} ({result.RuleSetId} {result.RuleSetVersion})");
foreach (var finding in result.Findings)
{
    Console.WriteLine($"  {finding.RuleId}: {finding.Message}");
}

var tenants = host.Services.GetRequiredService<IOfferEvaluatorProvider>();
Console.WriteLine($"Tenants: {string.Join(", ", tenants.Tenants.Select(t => t.Length == 0 ? "(default)" : t))}");

await host.StopAsync();
