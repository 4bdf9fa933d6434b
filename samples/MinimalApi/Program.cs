// The README's "In a minimal API" section is this file from the next line on; a test keeps the two identical.
using OfferRules.AspNetCore;
using OfferRules.Domain;
using OfferRules.Evaluation;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOfferRules();
builder.Services.ConfigureOfferRulesHttpJson(); // the case and evaluation JSON contracts, Native AOT included
var app = builder.Build();

// Bound by System.Text.Json: a case that does not read is a 400 from the framework.
app.MapPost("/evaluate", (OfferCase offerCase, IOfferEvaluator evaluator) => Results.Ok(evaluator.Evaluate(offerCase)));

// The strict reader: 400 problem details list every problem with its JSON path; the read stops if the client goes.
app.MapPost("/evaluate/strict", async (HttpRequest request, IOfferEvaluator evaluator) =>
    OfferRulesResults.Evaluation(await evaluator.EvaluateJsonAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)));

app.Run();
