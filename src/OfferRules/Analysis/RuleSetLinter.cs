using System.Collections.Immutable;
using System.Globalization;
using OfferRules.Evaluation;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Internal;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Analysis;

/// <summary>Finds the lint warnings of a loaded rule set (see <see cref="RuleSetLintCodes"/>). Every warning is proven, never guessed.</summary>
internal static class RuleSetLinter
{
    public static ImmutableArray<AnalysisIssue> Lint(RuleSet ruleSet)
    {
        var plan = ruleSet.Plan;
        var issues = new List<AnalysisIssue>();
        Text(issues, "/title", plan.Model.Title);
        Conduct(issues, plan);
        for (var i = 0; i < plan.Policies.Length; i++)
        {
            Policy(issues, plan.Policies[i], plan.Model.Policies.Single(p => p.Kind == plan.Policies[i].Kind));
        }

        return [.. issues];
    }

    /// <summary>Adds the line and column of every issue's pointer and puts the issues in file order.</summary>
    public static ImmutableArray<AnalysisIssue> Locate(ReadOnlySpan<byte> utf8Json, ImmutableArray<AnalysisIssue> issues)
    {
        if (issues.IsEmpty)
        {
            return issues;
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var located = JsonPositions.Locate(utf8Json, [.. issues.Select(i => new RuleSetDiagnostic(i.Code, i.Path, string.Empty))]).ToList();
        return [.. issues
            .Select((issue, i) => issue with { Line = located[i].Line, Column = located[i].Column })
            .Select((issue, i) => (Issue: issue, Order: i))
            .OrderBy(x => x.Issue.Line ?? int.MaxValue)
            .ThenBy(x => x.Issue.Column ?? int.MaxValue)
            .ThenBy(x => x.Order)
            .Select(x => x.Issue)];
    }

    private static void Conduct(List<AnalysisIssue> issues, RuleSetPlan plan)
    {
        var sets = new TruthSets(null, []);
        string? alwaysBefore = null;
        for (var i = 0; i < plan.Conduct.Length; i++)
        {
            var model = plan.Model.Conduct[i];
            var at = "/conduct/cases/" + i.ToString(CultureInfo.InvariantCulture);
            var value = JsonNames<ConductQuality>.Of(model.Value);
            if (alwaysBefore is not null)
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.LevelNeverChosen, at,
                    $"The conduct case '{value}' is never chosen: the case '{alwaysBefore}' before it always holds.",
                    $"辞退時の対応「{value}」は選ばれることがありません。先にある「{alwaysBefore}」が常に成り立つためです。"));
                continue;
            }

            if (!sets.CanBeTrue(model.When, plan.Conduct[i].When))
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.LevelNeverChosen, at,
                    $"The conduct case '{value}' is never chosen: no combination of facts, known or unknown, makes its condition true.",
                    $"辞退時の対応「{value}」は選ばれることがありません。事実がどのような値でも（不明でも）、条件が成り立たないためです。"));
            }
            else if (sets.AlwaysTrue(model.When, plan.Conduct[i].When))
            {
                alwaysBefore = value;
            }
        }
    }

    private static void Policy(List<AnalysisIssue> issues, PolicyPlan policy, PolicyModel model)
    {
        var rules = policy.Rules;
        var probe = new TruthSets(policy, Enum.GetValues<Outlook>());

        // Which rules can fire at all, and where an always-true terminal rule stops the policy.
        var canFire = new bool[rules.Length];
        var deadAfter = -1;
        for (var i = 0; i < rules.Length; i++)
        {
            canFire[i] = deadAfter < 0 && probe.CanBeTrue(rules[i].Model.When, rules[i].When);
            if (deadAfter < 0 && i < policy.FirstOverride && canFire[i] && probe.AlwaysTrue(rules[i].Model.When, rules[i].When))
            {
                deadAfter = i;
            }
        }

        var reach = ComputeReach(policy, model, probe, canFire);
        var outlooks = new TruthSets(policy, reach.Outlooks);

        foreach (var condition in policy.Conditions)
        {
            var c = condition.Model;
            if (!probe.CanBeTrue(c.When, policy.Named[condition.Index]!))
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.ConditionNeverMet, c.Pointer,
                    $"The condition '{c.Id}' can never be met: no combination of facts, known or unknown, makes it true.",
                    $"条件「{c.Id}」は満たされることがありません。事実がどのような値でも（不明でも）、成り立たないためです。"));
            }

            if (c.Role == ConditionRole.Helper && !reach.Used.Contains(c.Id))
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.ConditionUnused, c.Pointer,
                    $"The condition '{c.Id}' plays no part in any result: it has no role, and no rule, confidence level, action, caveat, fallback, draft or condition with a role refers to it.",
                    $"条件「{c.Id}」はどの結果にも関わりません。役割（role）がなく、ルール・確信度・行動・注意点・代替案・文面・役割のある条件のどこからも参照されていないためです。"));
            }

            Text(issues, JsonWalker.Child(c.Pointer, "title"), c.Title);
            Text(issues, c.Pointer + "/messages/met", c.Met);
            Text(issues, c.Pointer + "/messages/notMet", c.NotMet);
            Text(issues, c.Pointer + "/messages/unknown", c.Unknown);
        }

        string? alwaysBase = null;
        foreach (var (rule, i) in rules.Select((r, i) => (r.Model, i)).OrderBy(r => AnalysisText.LastIndex(r.Model.Pointer)))
        {
            RuleChecks(issues, rule, i, policy, canFire, deadAfter, reach, probe, ref alwaysBase);
            Text(issues, rule.Pointer + "/messages/fired", rule.Fired);
            Text(issues, rule.Pointer + "/messages/unknown", rule.Unknown);
            if (rule.NotFired is { } notFired)
            {
                Text(issues, rule.Pointer + "/messages/notFired", notFired);
            }

            Text(issues, JsonWalker.Child(rule.Pointer, "basis"), rule.Basis);
        }

        var levelsAt = JsonWalker.Child(model.Pointer, "confidence") + "/levels/";
        string? alwaysLevel = null;
        for (var i = 0; i < policy.Confidence.Length; i++)
        {
            var (level, when) = policy.Confidence[i];
            var at = levelsAt + i.ToString(CultureInfo.InvariantCulture);
            var name = JsonNames<Confidence>.Of(level);
            if (alwaysLevel is not null)
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.LevelNeverChosen, at,
                    $"The confidence level '{name}' is never chosen: the level '{alwaysLevel}' before it always holds.",
                    $"確信度「{name}」は選ばれることがありません。先にある「{alwaysLevel}」が常に成り立つためです。"));
            }
            else if (!probe.CanBeTrue(model.Confidence[i].When, when))
            {
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.LevelNeverChosen, at,
                    $"The confidence level '{name}' is never chosen: no combination of facts, known or unknown, makes its condition true.",
                    $"確信度「{name}」は選ばれることがありません。事実がどのような値でも（不明でも）、条件が成り立たないためです。"));
            }
            else if (probe.AlwaysTrue(model.Confidence[i].When, when))
            {
                alwaysLevel = name;
            }
        }

        foreach (var action in policy.Actions)
        {
            Item(issues, outlooks, action.Model.When, action.When, action.Model.Pointer, action.Model.Id, "action", "行動");
            Text(issues, JsonWalker.Child(action.Model.Pointer, "messages"), action.Model.Text);
        }

        foreach (var (items, en, ja) in new[] { (policy.Caveats, "caveat", "注意点"), (policy.Fallbacks, "fallback", "代替案") })
        {
            foreach (var item in items)
            {
                Item(issues, outlooks, item.Model.When, item.When, item.Model.Pointer, item.Model.Id, en, ja);
                Text(issues, JsonWalker.Child(item.Model.Pointer, "messages"), item.Model.Text);
            }
        }

        foreach (var draft in policy.Drafts)
        {
            var d = draft.Model;
            var shown = Item(issues, outlooks, d.When, draft.When, d.Pointer, d.Id, "draft", "文面");
            Text(issues, JsonWalker.Child(d.Pointer, "title"), d.Title);
            if (d.Subject is { } subject)
            {
                Text(issues, JsonWalker.Child(d.Pointer, "subject"), subject);
            }

            for (var j = 0; j < d.Parts.Length; j++)
            {
                var partAt = JsonWalker.Child(JsonWalker.Child(d.Pointer, "parts"), j);
                if (shown && d.Parts[j].When is { } partWhen)
                {
                    // A part is shown only with its draft, so both conditions must be able to hold together.
                    var both = new AllNode([d.When, partWhen]);
                    var bothPlan = new AllPlanNode([draft.When, draft.Parts[j].When!]);
                    if (!outlooks.CanBeTrue(both, bothPlan))
                    {
                        issues.Add(AnalysisText.Warning(RuleSetLintCodes.ItemNeverShown, partAt,
                            $"Part {j} of the draft '{d.Id}' is never shown: its condition can never be true when the draft's is.",
                            $"文面「{d.Id}」の部分 {j} は表示されることがありません。文面の条件が成り立つとき、この部分の条件は決して成り立たないためです。"));
                    }
                }

                Text(issues, JsonWalker.Child(partAt, "text"), d.Parts[j].Text);
            }
        }
    }

    private static void RuleChecks(List<AnalysisIssue> issues, RuleModel rule, int i, PolicyPlan policy, bool[] canFire, int deadAfter, Reach reach, TruthSets probe, ref string? alwaysBase)
    {
        var rules = policy.Rules;
        if (deadAfter >= 0 && i > deadAfter)
        {
            var terminal = rules[deadAfter].Model.Id;
            issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNeverFires, rule.Pointer,
                $"The rule '{rule.Id}' never fires: the terminal rule '{terminal}' always holds and decides every case first.",
                $"ルール「{rule.Id}」は発動しません。終端ルール「{terminal}」が常に成り立ち、すべてのケースを先に決めてしまうためです。"));
            return;
        }

        if (!canFire[i])
        {
            issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNeverFires, rule.Pointer,
                $"The rule '{rule.Id}' never fires: no combination of facts, known or unknown, makes its condition true.",
                $"ルール「{rule.Id}」は発動しません。事実がどのような値でも（不明でも）、条件が成り立たないためです。"));
            return;
        }

        switch (rule.Stage)
        {
            case RuleStageModel.Override when (int)rule.Outlook <= reach.MinNormal:
                var floor = Texts.Outlook(rule.Outlook, Language.English);
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNoEffect, rule.Pointer,
                    $"The rule '{rule.Id}' never changes the outlook: its floor ({floor}) is at or below every outlook the other rules can give.",
                    $"ルール「{rule.Id}」は見通しを変えません。下限（{Texts.Outlook(rule.Outlook, Language.Japanese)}）が、他のルールで出せるどの見通し以下でもあるためです。"));
                break;
            case RuleStageModel.Base when alwaysBase is not null:
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNoEffect, rule.Pointer,
                    $"The rule '{rule.Id}' never sets the starting score: the base rule '{alwaysBase}' before it always holds, and only the first base rule that holds counts.",
                    $"ルール「{rule.Id}」が出発点の点数を決めることはありません。先にある基準ルール「{alwaysBase}」が常に成り立ち、最初に成り立った基準ルールだけが使われるためです。"));
                break;
            case RuleStageModel.Base when probe.AlwaysTrue(rule.When, rules[i].When):
                alwaysBase = rule.Id;
                break;
            case RuleStageModel.Adjust when rule.Score == 0:
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNoEffect, rule.Pointer,
                    $"The rule '{rule.Id}' never changes the outlook: it adjusts the score by 0.",
                    $"ルール「{rule.Id}」は見通しを変えません。点数の増減が 0 のためです。"));
                break;
            case RuleStageModel.Cap when (int)rule.Outlook >= reach.MaxScore:
                var cap = Texts.Outlook(rule.Outlook, Language.English);
                var max = Texts.Outlook((Outlook)reach.MaxScore, Language.English);
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.CapNeverLowers, rule.Pointer,
                    $"The cap of '{rule.Id}' ({cap}) never lowers the outlook: the highest score this policy can reach is {max}.",
                    $"ルール「{rule.Id}」の上限（{Texts.Outlook(rule.Outlook, Language.Japanese)}）は見通しを下げることがありません。このポリシーで届く最も高い点数が「{Texts.Outlook((Outlook)reach.MaxScore, Language.Japanese)}」だからです。"));
                break;
            case RuleStageModel.Info when IsEmpty(rule.Fired):
                issues.Add(AnalysisText.Warning(RuleSetLintCodes.RuleNoEffect, rule.Pointer,
                    $"The information rule '{rule.Id}' shows nothing: it cannot change the outlook, and its 'fired' message is empty in both languages.",
                    $"情報ルール「{rule.Id}」は何も表示しません。見通しを変えることはなく、「fired」のメッセージも両方の言語で空のためです。"));
                break;
        }
    }

    /// <summary>Reports an action, caveat, fallback or draft that is never shown; returns whether it can be shown.</summary>
    private static bool Item(List<AnalysisIssue> issues, TruthSets sets, ConditionNode model, PlanNode plan, string pointer, string id, string en, string ja)
    {
        if (sets.CanBeTrue(model, plan))
        {
            return true;
        }

        issues.Add(AnalysisText.Warning(RuleSetLintCodes.ItemNeverShown, pointer,
            $"The {en} '{id}' is never shown: no combination of facts, known or unknown, with any outlook this policy can give, makes its condition true.",
            $"{ja}「{id}」は表示されることがありません。事実がどのような値でも（不明でも）、このポリシーで出せるどの見通しでも、条件が成り立たないためです。"));
        return false;
    }

    private static bool IsEmpty(LocalizedText text) => string.IsNullOrWhiteSpace(text.En.Source) && string.IsNullOrWhiteSpace(text.Ja.Source);

    /// <summary>Reports a text whose English and Japanese differ greatly in length.</summary>
    private static void Text(List<AnalysisIssue> issues, string pointer, LocalizedText text)
    {
        var en = Length(text.En);
        var ja = Length(text.Ja);
        if (en == 0 && ja == 0)
        {
            return;
        }

        string reason;
        if (en == 0 || ja == 0)
        {
            reason = en == 0 ? "the English is empty (or only placeholders and white space)" : "the Japanese is empty (or only placeholders and white space)";
        }
        else if (en < RuleSetAnalysis.MinEnglishLengthCompared && ja < RuleSetAnalysis.MinJapaneseLengthCompared)
        {
            return;
        }
        else
        {
            var ratio = (double)ja / en;
            if (ratio is >= RuleSetAnalysis.MinJapaneseToEnglishRatio and <= RuleSetAnalysis.MaxJapaneseToEnglishRatio)
            {
                return;
            }

            reason = string.Empty;
        }

        var ratioText = en == 0 ? "∞" : ((double)ja / en).ToString("0.00", CultureInfo.InvariantCulture);
        var bounds = $"{RuleSetAnalysis.MinJapaneseToEnglishRatio.ToString("0.00", CultureInfo.InvariantCulture)}–{RuleSetAnalysis.MaxJapaneseToEnglishRatio.ToString("0.00", CultureInfo.InvariantCulture)}";
        var english = reason.Length > 0
            ? $"The two languages of this text do not match: {reason} while the other is not. Write both."
            : $"The two languages of this text differ greatly in length: {en} characters of English, {ja} of Japanese (ratio {ratioText}, usual {bounds}). Check that neither leaves something out.";
        var japanese = reason.Length > 0
            ? $"この文の2言語がそろっていません。{(en == 0 ? "英語" : "日本語")}が空（またはプレースホルダーと空白だけ）で、もう一方は空ではありません。両方を書いてください。"
            : $"この文の英語と日本語の長さが大きく異なります（英語{en}文字、日本語{ja}文字、比{ratioText}、通常は{bounds}）。どちらかに抜けがないか確認してください。";
        issues.Add(AnalysisText.Warning(RuleSetLintCodes.TextLengthMismatch, pointer, english, japanese));
    }

    /// <summary>The length of a text in characters (a surrogate pair counts once), placeholders left out; 0 when only white space is left.</summary>
    private static int Length(Template template)
    {
        var literal = string.Concat(template.Segments.Select(s => s.Literal));
        if (string.IsNullOrWhiteSpace(literal))
        {
            return 0;
        }

        var length = 0;
        foreach (var _ in literal.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    /// <summary>What a policy can reach: the score range, the outlooks it can decide, and the conditions something with a role depends on.</summary>
    private sealed record Reach(int MaxScore, int MinNormal, ImmutableArray<Outlook> Outlooks, HashSet<string> Used);

    private static Reach ComputeReach(PolicyPlan policy, PolicyModel model, TruthSets probe, bool[] canFire)
    {
        var rules = policy.Rules;
        var bases = new List<int>();
        var baseAlways = false;
        for (var i = policy.FirstBase; i < policy.FirstAdjust && !baseAlways; i++)
        {
            if (canFire[i])
            {
                bases.Add((int)rules[i].Model.Outlook);
                baseAlways = probe.AlwaysTrue(rules[i].Model.When, rules[i].When);
            }
        }

        if (!baseAlways)
        {
            bases.Add((int)Outlook.VeryUnlikely); // no base rule may hold
        }

        int up = 0, down = 0;
        for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
        {
            if (canFire[i])
            {
                up += Math.Max(0, rules[i].Model.Score);
                down += Math.Min(0, rules[i].Model.Score);
            }
        }

        var maxScore = Math.Clamp(bases.Max() + up, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);
        var minNormal = Math.Clamp(bases.Min() + down, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);
        var maxFloor = (int)Outlook.VeryUnlikely;
        for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
        {
            if (canFire[i])
            {
                minNormal = Math.Min(minNormal, (int)rules[i].Model.Outlook);
            }
        }

        for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
        {
            if (canFire[i])
            {
                maxFloor = Math.Max(maxFloor, (int)rules[i].Model.Outlook);
            }
        }

        // The outlooks decided: a terminal rule's, or anything from the bottom up to the best score or floor. When a
        // terminal rule always holds, only the terminal rules up to it decide.
        var outlooks = new SortedSet<Outlook>();
        var stopped = false;
        for (var i = 0; i < policy.FirstOverride && !stopped; i++)
        {
            if (canFire[i])
            {
                outlooks.Add(rules[i].Model.Outlook);
                stopped = probe.AlwaysTrue(rules[i].Model.When, rules[i].When);
            }
        }

        if (!stopped)
        {
            for (var o = 0; o <= Math.Max(maxScore, maxFloor); o++)
            {
                outlooks.Add((Outlook)o);
            }
        }

        return new Reach(maxScore, minNormal, [.. outlooks], UsedConditions(policy, model));
    }

    /// <summary>The named conditions that rules, confidence levels, recommendations and conditions with a role reach through references.</summary>
    private static HashSet<string> UsedConditions(PolicyPlan policy, PolicyModel model)
    {
        var byId = new Dictionary<string, NamedConditionModel>(StringComparer.Ordinal);
        foreach (var c in policy.Conditions)
        {
            byId.TryAdd(c.Model.Id, c.Model);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ConditionNode>();
        foreach (var node in policy.Rules.Select(r => r.Model.When)
            .Concat(policy.Conditions.Where(c => c.Model.Role != ConditionRole.Helper).Select(c => c.Model.When))
            .Concat(model.Confidence.Select(c => c.When))
            .Concat(policy.Actions.Select(a => a.Model.When))
            .Concat(policy.Caveats.Select(a => a.Model.When))
            .Concat(policy.Fallbacks.Select(a => a.Model.When))
            .Concat(policy.Drafts.SelectMany(d => d.Model.Parts.Select(p => p.When).Prepend(d.Model.When)).OfType<ConditionNode>()))
        {
            pending.Push(node);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case AllNode a:
                    a.Children.ToList().ForEach(pending.Push);
                    break;
                case AnyNode a:
                    a.Children.ToList().ForEach(pending.Push);
                    break;
                case AtLeastNode a:
                    a.Children.ToList().ForEach(pending.Push);
                    break;
                case NotNode n:
                    pending.Push(n.Child);
                    break;
                case RefNode r when used.Add(r.Id) && byId.TryGetValue(r.Id, out var target):
                    pending.Push(target.When);
                    break;
            }
        }

        return used;
    }
}
