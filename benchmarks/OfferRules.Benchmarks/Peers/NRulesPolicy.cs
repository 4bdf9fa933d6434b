using NRules;
using NRules.Fluent;
using OfferRules.Domain;

namespace OfferRules.Benchmarks.Peers;

/// <summary>
/// The default policy in NRules 1.0.4, written the way its documentation shows: one class per rule in the fluent DSL
/// (<see cref="NRulesRules"/>), forward chaining for the derived facts (day counts and conduct are facts that rules
/// yield), and a result fact that the right-hand sides update. A new session per case, as the NRules docs do.
/// </summary>
public sealed class NRulesPolicy
{
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);
    private readonly ISessionFactory _factory;

    /// <summary>Loads the rule classes and compiles the Rete network.</summary>
    public NRulesPolicy()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(NRulesRules).GetNestedTypes(System.Reflection.BindingFlags.NonPublic)).NestedTypes().PrivateTypes());
        _factory = repository.Compile();
    }

    /// <summary>Gets how many rules were loaded.</summary>
    public static int RuleCount => typeof(NRulesRules).GetNestedTypes(System.Reflection.BindingFlags.NonPublic).Length;

    /// <summary>Evaluates a case in a fresh session.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The decision and the rules that fired.</returns>
    public PeerResult Evaluate(OfferCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var asOf = DateOnly.FromDateTime((@case.AsOf ?? TimeProvider.System.GetUtcNow()).ToOffset(s_japan).DateTime);
        var outcome = new PolicyOutcome();
        var session = _factory.CreateSession();
        session.Insert(@case);
        session.Insert(new EvaluationDate(asOf));
        session.Insert(outcome);
        session.Fire();
        return outcome.Resolve();
    }
}

/// <summary>The date a case is evaluated at, as a fact.</summary>
/// <param name="Value">The date in Japan.</param>
public sealed record EvaluationDate(DateOnly Value);

/// <summary>Days since the decline, yielded when the decline date is known.</summary>
/// <param name="Days">The number of days.</param>
public sealed record DaysSinceDecline(int Days);

/// <summary>Days until the start date, yielded when the start date is known.</summary>
/// <param name="Days">The number of days.</param>
public sealed record DaysUntilStart(int Days);

/// <summary>Days since the missed contact (the first missed call, else the interview), yielded when known.</summary>
/// <param name="Days">The number of days.</param>
public sealed record DaysSinceMissedContact(int Days);

/// <summary>How the candidate declined, overall.</summary>
public enum ConductLevel
{
    /// <summary>Nothing is known about the decline.</summary>
    Unknown,

    /// <summary>Rude, or no contact at all.</summary>
    Hostile,

    /// <summary>A proxy service, or a late or unexplained decline in writing.</summary>
    Poor,

    /// <summary>Neither poor nor good.</summary>
    Mixed,

    /// <summary>Prompt, by phone, in person or through the agent, explained and with thanks.</summary>
    Good,
}

/// <summary>The derived conduct, as a fact.</summary>
/// <param name="Level">The level.</param>
public sealed record ConductFact(ConductLevel Level);

/// <summary>The conduct classification's tests, shared by the conduct rules.</summary>
public static class ConductTests
{
    /// <summary>Rude, or no contact.</summary>
    public static bool IsHostile(DeclineEvent d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Tone == DeclineTone.Rude || d.Channel == DeclineChannel.NoContact;
    }

    /// <summary>A proxy service, or a delayed or unexplained decline in writing, or delayed and unexplained.</summary>
    public static bool IsPoor(DeclineEvent d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var delayed = d.Promptness == Promptness.Delayed;
        return d.Channel == DeclineChannel.ProxyService
            || (d.Channel is DeclineChannel.Email or DeclineChannel.ChatMessage or DeclineChannel.Letter && (delayed || d.ExplainedReason == false))
            || (delayed && d.ExplainedReason == false);
    }

    /// <summary>Prompt, by phone, in person or through the agent, explained and with thanks.</summary>
    public static bool IsGood(DeclineEvent d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Channel is DeclineChannel.Phone or DeclineChannel.InPerson or DeclineChannel.ViaAgent
            && d.Promptness == Promptness.Prompt && d.ExplainedReason == true && d.ExpressedThanks == true;
    }

    /// <summary>Nothing about the decline is known.</summary>
    public static bool IsUnknown(DeclineEvent d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Channel == DeclineChannel.Unknown && d.Promptness == Promptness.Unknown && d.ExplainedReason is null
            && d.ExpressedThanks is null && d.Tone == DeclineTone.Unknown;
    }
}
