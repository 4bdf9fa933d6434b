using OfferRules.Evaluation;

namespace OfferRules.Serialization;

/// <summary>
/// The exception thrown by <see cref="CaseReadResult.GetValueOrThrow"/> when a case could not be read, and carried as
/// the <see cref="Exception.InnerException"/> of the <see cref="System.Text.Json.JsonException"/> that
/// <c>OfferCaseJsonConverter</c> throws.
/// </summary>
/// <remarks>The message lists every issue on its own line, as <see cref="ValidationIssue.ToString"/> writes it.</remarks>
public sealed class CaseReadException : Exception
{
    /// <summary>Initializes a new instance with no diagnostics.</summary>
    public CaseReadException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance with a message and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    public CaseReadException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Initializes a new instance with a message, an inner exception and no diagnostics.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CaseReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Initializes a new instance that lists every issue in its message.</summary>
    /// <param name="diagnostics">The problems found.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public CaseReadException(IReadOnlyList<ValidationIssue> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ValidationIssue> Diagnostics { get; }

    /// <summary>Writes the message that lists every issue, one a line.</summary>
    internal static string Describe(IReadOnlyList<ValidationIssue> diagnostics) => ProblemList.Message("The case could not be read", diagnostics);
}
