namespace OfferRules.Diagnostics;

/// <summary>
/// The names of the <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// that OfferRules reports through, for OpenTelemetry (<c>AddSource</c>, <c>AddMeter</c>) or an in-box listener.
/// </summary>
/// <remarks>
/// <para>Nothing is recorded, and nothing is allocated for it, unless a listener has enabled the source or the instrument.</para>
/// <para>Instruments of the meter <see cref="MeterName"/>:</para>
/// <list type="bullet">
/// <item><description>
/// <c>offerrules.evaluations</c> (counter, <c>{evaluation}</c>): one per call of <c>OfferEvaluator.Evaluate</c>,
/// <c>EvaluateJson</c> or <c>EvaluateJsonAsync</c>, with the tags <c>kind</c> (<c>declineWithdrawal</c>,
/// <c>missedEmployerContact</c>), <c>status</c> (<c>evaluated</c>, <c>invalid</c>) and <c>outlook</c>
/// (<c>veryUnlikely</c>, <c>unlikely</c>, <c>possible</c>, <c>likely</c>, or <c>none</c> when the case is invalid).
/// <c>OfferEvaluator.Decide</c>, the allocation-free path for scoring in bulk, is not counted.
/// </description></item>
/// <item><description>
/// <c>offerrules.evaluation.duration</c> (histogram, <c>ms</c>): the time of the same calls, with the same tags. For
/// <c>EvaluateJsonAsync</c> it starts once the stream has been read, so that a slow client does not count.
/// </description></item>
/// <item><description>
/// <c>offerrules.rule_set.loads</c> (counter, <c>{load}</c>): one per call of a <c>RuleSetJson.Load</c>,
/// <c>LoadFile</c>, <c>LoadAsync</c> or <c>LoadFileAsync</c> overload, with the tag <c>result</c>
/// (<c>success</c>, <c>failure</c>).
/// </description></item>
/// </list>
/// <para>
/// Activities of the source <see cref="ActivitySourceName"/>: <c>OfferRules.Evaluate</c> around the same calls as the
/// evaluation counter, with the tags <c>kind</c>, <c>status</c> and <c>outlook</c> as above and
/// <c>offerrules.rule_set.id</c> and <c>offerrules.rule_set.version</c>.
/// </para>
/// <para>
/// No tag ever carries what a case says in words: no names, schools, companies, positions, departments, contact
/// people, dates or messages. A host that counts rule-set reloads uses the same meter name.
/// </para>
/// </remarks>
public static class OfferRulesDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>OfferRules</c>.</summary>
    public const string ActivitySourceName = "OfferRules";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>OfferRules</c>.</summary>
    public const string MeterName = "OfferRules";
}
