namespace OfferRules.Web;

/// <summary>The sample site's settings, read from the <c>OfferRulesWeb</c> configuration section.</summary>
internal sealed class WebSampleOptions
{
    /// <summary>The configuration section the settings are read from.</summary>
    public const string SectionName = "OfferRulesWeb";

    /// <summary>Gets or sets the language of messages when a request names none (<c>ja</c> or <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "ja";

    /// <summary>Gets or sets a rule file to use instead of the built-in policy.</summary>
    public string? RuleSetFile { get; set; }

    /// <summary>Gets or sets the largest case body, and the largest line of a batch, in bytes.</summary>
    public int MaxCaseBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the largest batch body in bytes.</summary>
    public long MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the most cases one batch may hold.</summary>
    public int MaxBatchCases { get; set; } = 1000;

    /// <summary>Gets or sets how many API requests one client may make per window.</summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>Gets or sets the length of the rate limiter's window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>
    /// Gets or sets the origins of the sites that may embed the widget (such as <c>https://board.example</c>): they get
    /// CORS for the API, may frame <c>/embed</c> and receive its messages. Empty, the default, allows none of that.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>Lists what is wrong with the settings; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IEnumerable<string> Validate()
    {
        if (Languages.Normalize(DefaultLanguage) is null)
        {
            yield return $"{SectionName}:DefaultLanguage must be 'ja' or 'en'.";
        }

        if (MaxCaseBytes < 1024)
        {
            yield return $"{SectionName}:MaxCaseBytes must be at least 1024.";
        }

        if (MaxBatchBytes < MaxCaseBytes)
        {
            yield return $"{SectionName}:MaxBatchBytes must be at least MaxCaseBytes.";
        }

        if (MaxBatchCases < 1)
        {
            yield return $"{SectionName}:MaxBatchCases must be at least 1.";
        }

        if (PermitLimit < 1 || WindowSeconds < 1)
        {
            yield return $"{SectionName}:PermitLimit and WindowSeconds must be at least 1.";
        }

        foreach (var problem in Embedding.Validate([.. AllowedOrigins]))
        {
            yield return problem;
        }
    }
}
