using OfferRules.Rules;
using OfferRules.Scheduling;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection;

/// <summary>
/// What <see cref="Microsoft.Extensions.DependencyInjection.OfferRulesServiceCollectionExtensions.AddOfferRules"/>
/// registers: the rule set, the default language, the clock, the holiday calendar and the company calendar.
/// </summary>
/// <remarks>This type is mutable and not thread-safe; it is only used while services are being registered.</remarks>
public sealed class OfferRulesOptions
{
    private Func<RuleSet>? _load;

    /// <summary>Gets or sets the default language of messages (<c>en</c> or <c>ja</c>). The default is <c>en</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Gets or sets the clock for cases without an <c>asOf</c>; the system clock when <see langword="null"/>.</summary>
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

    /// <summary>Uses the built-in default policy (the default).</summary>
    /// <returns>These options, for chaining.</returns>
    public OfferRulesOptions UseDefaultRuleSet()
    {
        _load = null;
        return this;
    }

    /// <summary>Uses a rule set that is already loaded.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _load = () => ruleSet;
        return this;
    }

    /// <summary>Uses the rule set in a file, loaded when services are registered.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public OfferRulesOptions UseRuleSetFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _load = () => RuleSetJson.LoadFile(path).GetValueOrThrow();
        return this;
    }

    /// <summary>Uses a rule set given as JSON text.</summary>
    /// <param name="json">The rule set's JSON.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSetJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _load = () => RuleSetJson.Load(json).GetValueOrThrow();
        return this;
    }

    /// <summary>Uses a rule set read from a stream, opened when services are registered and disposed afterwards.</summary>
    /// <param name="open">Opens the stream.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is <see langword="null"/>.</exception>
    public OfferRulesOptions UseRuleSetStream(Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _load = () =>
        {
            using var stream = open();
            return RuleSetJson.Load(stream).GetValueOrThrow();
        };
        return this;
    }

    /// <summary>Loads the chosen rule set, or throws with every diagnostic.</summary>
    internal RuleSet LoadRuleSet() => _load is null ? RuleSet.Default : _load();

    /// <summary>Lists what is wrong with the options; empty when they are valid.</summary>
    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(DefaultLanguage))
        {
            yield return "DefaultLanguage must be a language tag such as 'en' or 'ja'.";
        }
    }
}
