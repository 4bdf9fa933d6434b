// The README's "In a minimal API" section is this file from the next line on; a test keeps the two identical.
using OfferRules.Domain;
using OfferRules.Evaluation;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOfferRules();
var app = builder.Build();

// Bound by System.Text.Json: a case that does not read is a 400 from the framework.
app.MapPost("/evaluate", (OfferCase offerCase, IOfferEvaluator evaluator) => Results.Ok(evaluator.Evaluate(offerCase)));

// The strict reader: every problem comes back in an 'invalid' result, each with its JSON path.
app.MapPost("/evaluate/strict", async (HttpRequest request, IOfferEvaluator evaluator) =>
    Results.Ok(await evaluator.EvaluateJsonAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted)));

app.Run();
