namespace OfferRules.Analysis;

/// <summary>
/// The stable codes of the lint warnings <see cref="RuleSetAnalysis.Lint"/> reports. A warning never stops a rule set
/// from loading; it says that part of the file cannot do what it seems to be there for.
/// </summary>
/// <remarks>
/// Every warning is sound: it is reported only when the analysis proves it for every possible case, with every fact
/// known or unknown (Kleene's three-valued logic, as the evaluator uses). Facts are treated as independent of each
/// other, so a condition that is impossible only because of how derived facts depend on input facts (for example a
/// timing band that contradicts a day count) is not reported.
/// </remarks>
public static class RuleSetLintCodes
{
    /// <summary>A rule's condition can never be true, or an earlier terminal rule always decides first, so the rule never fires.</summary>
    public const string RuleNeverFires = "lint.ruleNeverFires";

    /// <summary>
    /// A rule can fire but can never change the outlook or show anything: an adjustment with score 0, a floor at or below
    /// every reachable result, a base rule after one that always holds, or an information rule whose fired message is
    /// empty in both languages.
    /// </summary>
    public const string RuleNoEffect = "lint.ruleNoEffect";

    /// <summary>A cap is at or above every score the policy can reach, so it can never lower the outlook.</summary>
    public const string CapNeverLowers = "lint.capNeverLowers";

    /// <summary>A named condition can never be met.</summary>
    public const string ConditionNeverMet = "lint.conditionNeverMet";

    /// <summary>
    /// A helper condition (no role) that nothing refers to, directly or through other conditions, from a rule, a
    /// confidence level, an action, a caveat, a fallback, a draft or a condition that appears in results.
    /// </summary>
    public const string ConditionUnused = "lint.conditionUnused";

    /// <summary>An action, caveat, fallback, draft or draft part whose condition can never be true, so it is never shown.</summary>
    public const string ItemNeverShown = "lint.itemNeverShown";

    /// <summary>A confidence level or conduct case that can never be chosen: its condition can never be true, or an earlier one always holds.</summary>
    public const string LevelNeverChosen = "lint.levelNeverChosen";

    /// <summary>
    /// A text whose English and Japanese versions differ greatly in length, a sign that one is missing a part or is
    /// not a translation of the other (see <see cref="RuleSetAnalysis.MinJapaneseToEnglishRatio"/>).
    /// </summary>
    public const string TextLengthMismatch = "lint.textLengthMismatch";
}
