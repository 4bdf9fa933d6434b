namespace OfferRules.Serialization;

/// <summary>The exception thrown by <see cref="RuleSetLoadResult.GetValueOrThrow"/> when a rule set did not load.</summary>
public sealed class RuleSetLoadException : Exception
{
    /// <summary>Initializes a new instance with no diagnostics.</summary>
    public RuleSetLoadException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public RuleSetLoadException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Initializes a new instance with a message, an inner exception and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleSetLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Initializes a new instance that lists every diagnostic in its message.</summary>
    /// <param name="diagnostics">The problems found.</param>
    public RuleSetLoadException(IReadOnlyList<RuleSetDiagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<RuleSetDiagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<RuleSetDiagnostic> diagnostics) => ProblemList.Message("The rule set did not load", diagnostics);
}
