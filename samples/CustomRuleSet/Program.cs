// A job board that starts from the default policy, tightens the one-week threshold to five days, adds one rule of its
// own with English and Japanese messages, and shows what changes for an example case (declined seven days ago).
using System.Text.Json.Nodes;
using OfferRules.Evaluation;
using OfferRules.Serialization;

var policy = JsonNode.Parse(RuleSetJson.DefaultPolicyJson)!.AsObject();
policy["id"] = "jobboard.tenant-42";
policy["version"] = "2026.11.1";
policy["timingBands"]!["withinWeekMaxDays"] = 5;

var decline = policy["policies"]!.AsArray().First(p => (string?)p!["kind"] == "declineWithdrawal")!;

// The default texts speak of "a week"; say five days instead.
var rules = decline["rules"]!.AsArray();
rules.First(r => (string?)r!["id"] == "R-X1")!["messages"]!["fired"] = JsonNode.Parse("""
    { "en": "You declined {daysSinceDecline} days ago, more than five days: the company has probably moved on.",
      "ja": "辞退から{daysSinceDecline}日が経っており、5日を過ぎています。企業はすでに次へ進んでいる可能性が高いです。" }
    """);
rules.First(r => (string?)r!["id"] == "R-C6")!["messages"]!["fired"] = JsonNode.Parse("""
    { "en": "More than five days have passed and no open seat is confirmed, so the seat has probably been filled.",
      "ja": "5日以上が経ち、採用枠の空きも確認できないため、枠はおそらく埋まっています。" }
    """);
rules.Add(JsonNode.Parse("""
    {
      "id": "JB-01",
      "stage": "info",
      "when": { "fact": "daysSinceDecline", "op": "gt", "value": 5 },
      "effect": { "info": true },
      "messages": {
        "fired": { "en": "Our recruiters see most seats refilled within five days; you declined {daysSinceDecline} days ago.",
                   "ja": "当サイトの採用担当者によると、多くの枠は5日以内に埋まります。辞退から{daysSinceDecline}日が経っています。" },
        "unknown": { "en": "The decline date is not known.", "ja": "辞退日が分かりません。" }
      },
      "basis": { "en": "This job board's own placement data.", "ja": "当サイト独自の採用実績データ。" }
    }
    """));

var loaded = RuleSetJson.Load(policy.ToJsonString());
if (!loaded.TryGetValue(out var tenant))
{
    foreach (var d in loaded.Diagnostics)
    {
        Console.Error.WriteLine(d);
    }

    return 1;
}

var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "case.json");
var bytes = File.ReadAllBytes(path);
var before = OfferEvaluator.Default.EvaluateJson(bytes);
var after = new OfferEvaluator(tenant).EvaluateJson(bytes);

Console.WriteLine($"Default policy ({before.RuleSetVersion}): {before.Outlook}");
Console.WriteLine($"Tenant policy   ({after.RuleSetVersion}): {after.Outlook}");
foreach (var finding in after.Findings.Where(f => !before.Findings.Any(b => b.RuleId == f.RuleId)))
{
    Console.WriteLine($"  new: {finding.RuleId}: {finding.Message}");
}

return 0;
