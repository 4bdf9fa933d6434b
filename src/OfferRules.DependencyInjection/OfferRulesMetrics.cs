using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OfferRules.DependencyInjection;

/// <summary>
/// The DI package's instruments, on a <see cref="Meter"/> named <c>OfferRules</c> (the core library's instruments use the
/// same name): <c>offerrules.rule_set.reloads</c>, tagged <c>result</c> = <c>success</c> or <c>failure</c>.
/// </summary>
internal sealed class OfferRulesMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "OfferRules";

    /// <summary>The reload counter's name.</summary>
    public const string ReloadsName = "offerrules.rule_set.reloads";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _reloads;

    /// <summary>Creates the instruments through the container's meter factory when there is one.</summary>
    /// <param name="meterFactory">The container's meter factory, or <see langword="null"/>.</param>
    public OfferRulesMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reloads = _meter.CreateCounter<long>(ReloadsName, unit: "{reload}", description: "Rule-set reloads from a changed file, by result.");
    }

    public void Reloaded(bool success) =>
        _reloads.Add(1, new TagList { { "result", success ? "success" : "failure" } });

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
