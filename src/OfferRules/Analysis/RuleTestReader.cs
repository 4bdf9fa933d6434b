namespace OfferRules.Analysis;

/// <summary>Reads rule test files.</summary>
internal static class RuleTestReader
{
    public static RuleTestSuiteLoadResult Read(ReadOnlySpan<byte> utf8Json, string? baseDirectory) => throw new NotImplementedException("Reading test files is not implemented yet.");

    public static RuleTestSuiteLoadResult ReadFile(string path) => throw new NotImplementedException("Reading test files is not implemented yet.");
}

/// <summary>What a rule test expects.</summary>
internal sealed class RuleTestExpectation
{
}

/// <summary>Runs rule tests.</summary>
internal static class RuleTestRunner
{
    public static RuleTestRunResult Run(Rules.RuleSet ruleSet, RuleTestSuite suite, TimeProvider? timeProvider) => throw new NotImplementedException("Running tests is not implemented yet.");
}
