using System.Collections.Immutable;
using OfferRules.Rules;
using OfferRules.Scheduling;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection;

/// <summary>
/// The options of one OfferRules registration (one tenant): the rule set, the default language, whether the rule file
/// is reloaded when it changes, the clock, the holiday calendar and the company calendar. Bound from the configuration
/// section <c>OfferRules</c> by <see cref="OfferRulesBuilder.BindConfiguration"/>, or set in code through
/// <see cref="OfferRulesBuilder.Configure(Action{OfferRulesOptions})"/>.
/// </summary>
/// <remarks>
/// This type is mutable and not thread-safe; the options system builds one instance per tenant. Nothing is loaded while
/// services are registered: the rule set is loaded when the tenant's evaluator is first resolved, or when the host
/// starts (the options are validated at start).
/// </remarks>
public sealed class OfferRulesOptions
{
    /// <summary>The configuration section that <see cref="OfferRulesBuilder.BindConfiguration"/> reads by default: <c>OfferRules</c>.</summary>
    public const string SectionName = "OfferRules";

    private Func<RuleSetLoadOutcome>? _inline;
    private string? _ruleSetPath;

    /// <summary>Gets or sets the default language of messages (<c>en</c> or <c>ja</c>). The default is <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>
    /// Gets or sets the path of the rule file; the built-in default policy when <see langword="null"/> and no other
    /// rule set is chosen. A relative path is resolved against <c>IHostEnvironment.ContentRootPath</c> when an
    /// <c>IHostEnvironment</c> is registered (any generic or web host), and against <see cref="AppContext.BaseDirectory"/>
    /// otherwise; never against the current directory. Setting a path replaces a rule set chosen with
    /// <see cref="UseRuleSet"/>, <see cref="UseRuleSetJson"/> or <see cref="UseRuleSetStream"/>.
    /// </summary>
    public string? RuleSetPath
    {
        get => _ruleSetPath;
        set
        {
            _ruleSetPath = value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                _inline = null;
            }
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the rule file at <see cref="RuleSetPath"/> is watched and re-read when it
    /// changes on disk. A new version replaces the old one atomically; a bad new file keeps the old version serving,
    /// logs every diagnostic and makes the health check report <c>Degraded</c>. The default is <see langword="false"/>.
    /// Ignored when the rule set does not come from a file.
    /// </summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>
    /// Gets or sets the clock for cases without an <c>asOf</c>. When <see langword="null"/>, the container's
    /// <see cref="System.TimeProvider"/> is used if one is registered, and the system clock otherwise.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the holiday calendar; the built-in Japanese calendar when <see langword="null"/>.</summary>
    public IHolidayCalendar? HolidayCalendar { get; set; }

    /// <summary>
    /// Gets or sets the company calendar: the days on which companies are closed (no call is planned) or often closed
    /// (a call is planned with a warning). <see cref="DefaultCompanyCalendar.Instance"/> (29 December to 3 January
    /// closed, 13 to 16 August often closed) when <see langword="null"/>. A case that lists the company's own closed
    /// days uses those instead.
    /// </summary>
    public ICompanyCalendar? CompanyCalendar { get; set; }

    /// <summary>Gets the problems found while binding these options from configuration.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>Gets a value indicating whether the rule set comes from <see cref="RuleSetPath"/>.</summary>
    internal bool UsesFile => _inline is null && !string.IsNullOrWhiteSpace(_ruleSetPath);

    /// <summary>Gets where the rule set comes from, for log lines: never a full path.</summary>
    internal string SourceKind => _inline is not null ? "code" : UsesFile ? "file" : "default";

    /// <summary>Uses the built-in default policy (the default).</summary>
    /// <returns>These options, for chaining.</returns>
    public OfferRulesOptions UseDefaultRuleSet()
    {
        _inline = null;
        _ruleSetPath = null;
        return this;
    }

    /// <summary>Uses a rule set that is already loaded.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        SetInline(() => new RuleSetLoadOutcome(ruleSet, []));
        return this;
    }

    /// <summary>
    /// Uses the rule set in a file: the same as setting <see cref="RuleSetPath"/>. The file is read when the evaluator is
    /// first resolved or the host starts, not here; a relative path is resolved as <see cref="RuleSetPath"/> describes.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public OfferRulesOptions UseRuleSetFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RuleSetPath = path;
        return this;
    }

    /// <summary>Uses a rule set given as JSON text, loaded when the evaluator is first resolved or the host starts.</summary>
    /// <param name="json">The rule set's JSON.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSetJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SetInline(() => RuleSetLoadOutcome.From(RuleSetJson.Load(json)));
        return this;
    }

    /// <summary>
    /// Uses a rule set read from a stream, opened when the evaluator is first resolved or the host starts, and disposed
    /// afterwards.
    /// </summary>
    /// <param name="open">Opens the stream.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSetStream(Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        SetInline(() =>
        {
            try
            {
                using var stream = open();
                return RuleSetLoadOutcome.From(RuleSetJson.Load(stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new RuleSetLoadOutcome(null, [new RuleSetDiagnostic("stream.unreadable", string.Empty, $"The rule set's stream could not be read: {ex.Message}")]);
            }
        });
        return this;
    }

    /// <summary>Loads the rule set chosen in code, or the default policy; <see langword="null"/> when it comes from a file.</summary>
    internal RuleSetLoadOutcome? LoadInline() =>
        _inline is not null ? _inline() : UsesFile ? null : new RuleSetLoadOutcome(RuleSet.Default, []);

    /// <summary>Lists what is wrong with the options themselves (not the rule set); empty when they are valid.</summary>
    internal IEnumerable<string> Validate()
    {
        foreach (var error in BindingErrors)
        {
            yield return error;
        }

        if (string.IsNullOrWhiteSpace(DefaultLanguage))
        {
            yield return "DefaultLanguage must be a language tag such as 'en' or 'ja'.";
        }
    }

    private void SetInline(Func<RuleSetLoadOutcome> load)
    {
        _inline = load;
        _ruleSetPath = null;
    }
}

/// <summary>A loaded rule set or the diagnostics that stopped it.</summary>
internal sealed record RuleSetLoadOutcome(RuleSet? Value, ImmutableArray<RuleSetDiagnostic> Diagnostics)
{
    public static RuleSetLoadOutcome From(RuleSetLoadResult result) => new(result.Value, result.Diagnostics);
}
