using System.Text.Json;
using System.Text.RegularExpressions;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Explanations;

/// <summary>Every text exists in English and Japanese, with the same placeholders.</summary>
public sealed partial class LocalizationTests
{
    [Fact]
    public void DefaultPolicy_EveryText_HasBothLanguagesWithTheSamePlaceholders()
    {
        using var stream = typeof(OfferEvaluator).Assembly.GetManifestResourceStream("OfferRules.default-policy.json")!;
        using var document = JsonDocument.Parse(stream);
        var texts = new List<(string Path, string En, string Ja)>();
        Collect(document.RootElement, "", texts);

        Assert.True(texts.Count > 100, $"only {texts.Count} texts found");
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Path);
            Assert.False(string.IsNullOrWhiteSpace(t.Ja), t.Path);
            var words = Placeholder().Replace(t.Ja, string.Empty);
            Assert.True(Japanese().IsMatch(t.Ja) || !words.Any(char.IsAsciiLetter), $"{t.Path}: the Japanese text has no Japanese in it");
            Assert.Equal(Placeholders(t.En), Placeholders(t.Ja));
        });
    }

    [Fact]
    public void Evaluate_SameCaseInBothLanguages_SameStructureDifferentWords()
    {
        var cases = Enumerable.Range(0, 200).Select(i => Properties.EvaluationProperties.RandomCase(new Random(i)));
        foreach (var @case in cases)
        {
            var en = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = "en" });
            var ja = OfferEvaluator.Default.Evaluate(@case, new EvaluationOptions { Language = "ja" });

            Assert.Equal(en.Outlook, ja.Outlook);
            Assert.Equal(en.Issues.Select(i => (i.Code, i.Path)), ja.Issues.Select(i => (i.Code, i.Path)));
            Assert.Equal(en.Findings.Select(f => f.RuleId), ja.Findings.Select(f => f.RuleId));
            Assert.Equal(en.Actions.Select(a => (a.Id, a.At)), ja.Actions.Select(a => (a.Id, a.At)));
            Assert.Equal(en.Drafts.Select(d => d.Id), ja.Drafts.Select(d => d.Id));
            var jaTexts = ja.Issues.Select(i => i.Message).Concat(ja.Findings.Select(f => f.Message)).Concat(ja.Actions.Select(a => a.Message))
                .Concat(ja.MissingFacts.Select(m => m.Message)).Concat(ja.WhatWouldHelp.Select(m => m.Message)).Concat(ja.Caveats.Select(c => c.Message));
            Assert.All(jaTexts, t => Assert.True(Japanese().IsMatch(t), t));
        }
    }

    private static void Collect(JsonElement element, string path, List<(string, string, string)> texts)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToArray();
            if (names.Length == 2 && names.Contains("en") && names.Contains("ja"))
            {
                texts.Add((path, element.GetProperty("en").GetString()!, element.GetProperty("ja").GetString()!));
                return;
            }

            foreach (var p in element.EnumerateObject())
            {
                Collect(p.Value, path + "/" + p.Name, texts);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, path + "/" + i++, texts);
            }
        }
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff]")]
    private static partial Regex Japanese();
}
