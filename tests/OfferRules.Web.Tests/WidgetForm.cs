using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OfferRules.Evaluation;
using OfferRules.Serialization;

namespace OfferRules.Web.Tests;

/// <summary>What the browser tests need to know about the widget: its texts, how to fill it, what it should show.</summary>
internal static class WidgetForm
{
    private static readonly Lazy<JsonElement> AllTexts = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "widget", "texts.json"))).RootElement.Clone());

    /// <summary>The channels of a step in which the person gets in touch with the company.</summary>
    private static readonly string[] ContactChannels = ["phone", "visit", "email", "letter", "agent"];

    /// <summary>Gets a text of the widget, as the page shows it.</summary>
    public static string Text(string language, string key) => AllTexts.Value.GetProperty(language).GetProperty(key).GetString()!;

    /// <summary>An example case with the texts a person would add for the drafts.</summary>
    public static JsonObject Case(string prefix, string name, string school, string position, string department, string contact)
    {
        var @case = JsonNode.Parse(Inputs.Case(prefix))!.AsObject();
        var offer = @case["offer"] as JsonObject ?? [];
        @case["offer"] = offer;
        offer["position"] = position;
        offer["department"] = department;
        offer["contactPerson"] = contact;
        offer["company"] ??= "Sakura Logistics";
        @case["candidate"] = new JsonObject { ["name"] = name, ["school"] = school };
        return @case;
    }

    /// <summary>Fills the form from a case: every fact in it must have exactly one field of the case's kind.</summary>
    /// <param name="find">Finds elements in the widget (a page, a frame or a custom element).</param>
    /// <param name="case">The case.</param>
    public static async Task FillAsync(Func<string, ILocator> find, JsonObject @case)
    {
        var kind = @case["kind"]?.GetValue<string>() ?? "declineWithdrawal";
        await find($"input[name='kind'][value='{kind}']").CheckAsync();
        await SetOpenAsync(find("form details.more"), true);
        using var document = JsonDocument.Parse(@case.ToJsonString());
        foreach (var (name, value) in Leaves(document.RootElement, string.Empty))
        {
            if (name == "kind")
            {
                continue;
            }

            var input = find($"[name='{name}']:not(:disabled)");
            Assert.Equal(1, await input.CountAsync());
            var type = await input.EvaluateAsync<string>("e => e.tagName === 'SELECT' ? 'select' : e.type");
            switch (type)
            {
                case "select":
                    await input.SelectOptionAsync(value == "unknown" ? string.Empty : value);
                    break;
                case "date":
                    await input.FillAsync(value[..10]);
                    break;
                case "datetime-local":
                    await input.FillAsync(value[..16]);
                    break;
                default:
                    await input.FillAsync(value);
                    break;
            }
        }
    }

    /// <summary>Evaluates a case the way the server does, as the evaluation JSON.</summary>
    public static JsonElement Evaluate(string caseJson, string language)
    {
        var result = OfferEvaluator.Default.EvaluateJson(System.Text.Encoding.UTF8.GetBytes(caseJson), new EvaluationOptions { Language = language });
        return JsonDocument.Parse(EvaluationJson.ToJson(result)).RootElement.Clone();
    }

    /// <summary>The step the widget shows as the next one: the first dated contact with the company.</summary>
    public static JsonElement NextStep(JsonElement result) =>
        result.GetProperty("actions").EnumerateArray()
            .First(a => a.GetProperty("at").ValueKind == JsonValueKind.String && ContactChannels.Contains(a.GetProperty("channel").GetString()));

    /// <summary>Opens or closes every matching <c>details</c> element.</summary>
    public static Task<int> SetOpenAsync(ILocator details, bool open) =>
        details.EvaluateAllAsync<int>("(ds, open) => { ds.forEach(d => d.open = open); return ds.length; }", open);

    /// <summary>Waits until the element's text contains the given text.</summary>
    public static async Task WaitForTextAsync(ILocator locator, string text)
    {
        await Assertions.Expect(locator).ToContainTextAsync(text, new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
    }

    private static IEnumerable<(string Name, string Value)> Leaves(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var leaf in Leaves(property.Value, name))
                    {
                        yield return leaf;
                    }

                    break;
                case JsonValueKind.True:
                    yield return (name, "true");
                    break;
                case JsonValueKind.False:
                    yield return (name, "false");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    yield return (name, property.Value.ToString());
                    break;
            }
        }
    }
}
