using System.Collections.Immutable;
using OfferRules.Diagnostics;
using OfferRules.Domain;
using OfferRules.Evaluation.Plan;
using OfferRules.Facts;
using OfferRules.Rules;
using OfferRules.Scheduling;
using OfferRules.Serialization;

namespace OfferRules.Evaluation;

/// <summary>
/// Evaluates cases against a compiled <see cref="Rules.RuleSet"/>: decides the outlook and explains it rule by rule.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe: build one per rule set and share it. A case without an <c>asOf</c> is
/// evaluated at today's date in Japan, taken from the <see cref="TimeProvider"/> given to the constructor.
/// </remarks>
public sealed class OfferEvaluator : IOfferEvaluator
{
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);
    private static readonly Lazy<OfferEvaluator> s_default = new(() => new OfferEvaluator(RuleSet.Default));

    private readonly TimeProvider _timeProvider;
    private readonly CallWindowPlanner _planner;

    /// <summary>Initializes a new evaluator for a rule set.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="timeProvider">The clock for cases without an <c>asOf</c>; the system clock when <see langword="null"/>.</param>
    /// <param name="holidayCalendar">The public holidays call times avoid; <see cref="JapaneseHolidayCalendar.Instance"/> when <see langword="null"/>.</param>
    /// <param name="companyCalendar">
    /// The days companies are closed (or often closed) that call times avoid; <see cref="DefaultCompanyCalendar.Instance"/>
    /// when <see langword="null"/>. A case that lists its company's own closed dates (<see cref="CompanyContext.ClosedDates"/>)
    /// is planned with those dates instead.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public OfferEvaluator(RuleSet ruleSet, TimeProvider? timeProvider = null, IHolidayCalendar? holidayCalendar = null, ICompanyCalendar? companyCalendar = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSet = ruleSet;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _planner = new CallWindowPlanner(holidayCalendar ?? JapaneseHolidayCalendar.Instance, companyCalendar);
    }

    /// <summary>Gets an evaluator for the built-in default policy, using the system clock.</summary>
    public static OfferEvaluator Default => s_default.Value;

    /// <summary>Gets the rule set this evaluator applies.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Gets the date in Japan that a case is evaluated at.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The date of <see cref="OfferCase.AsOf"/> in Japan, or today's date in Japan from the clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is <see langword="null"/>.</exception>
    public DateOnly GetAsOfDate(OfferCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return JapanDate(@case.AsOf ?? _timeProvider.GetUtcNow());
    }

    /// <summary>Gets the date in Japan of an instant, as <c>DateOnly.FromDateTime(instant.ToOffset(+09:00).DateTime)</c> does, without building the offset value.</summary>
    private static DateOnly JapanDate(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks + s_japan.Ticks;
        return ticks <= DateTime.MaxValue.Ticks
            ? DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay))
            : DateOnly.FromDateTime(instant.ToOffset(s_japan).DateTime); // throws as before: the date in Japan is past the calendar
    }

    /// <summary>Decides the outlook and confidence of a case without explaining them. Allocates nothing.</summary>
    /// <remarks>
    /// The decision walks the policy's decision diagram, which reads each fact the rules read at most once. The diagram
    /// is built from the rules on the first call for a policy (a few milliseconds for the default policy, once per rule
    /// set); a policy too large for one is decided by running its rules, with the same result.
    /// </remarks>
    /// <param name="offerCase">The case.</param>
    /// <returns>The decision; <see cref="EvaluationStatus.Invalid"/> when the case has errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offerCase"/> is <see langword="null"/>.</exception>
    public Decision Decide(OfferCase offerCase)
    {
        var asOf = GetAsOfDate(offerCase);
        var policy = RuleSet.Plan.Find(offerCase.Kind);
        if (policy is null || CaseValidator.Validate(offerCase, asOf, null, Language.English))
        {
            return new Decision(EvaluationStatus.Invalid, null, null);
        }

        return DecideValid(offerCase, asOf, policy);
    }

    /// <summary>Decides a case already validated against <paramref name="asOf"/> for <paramref name="policy"/>.</summary>
    private Decision DecideValid(OfferCase offerCase, DateOnly asOf, PolicyPlan policy)
    {
        // Only the sections the policy reads are filled, and the decision walks the policy's diagram, or runs its flat
        // program when it has none.
        Span<int> facts = stackalloc int[FactCatalog.Count];
        FactCatalog.Fill(offerCase, asOf, facts, policy.Sections);
        if (policy.Diagram(RuleSet.Plan) is { } diagram)
        {
            PlanRunner.DeriveForDiagram(RuleSet.Plan, facts);
            var leaf = diagram.Run(facts);
            return new Decision(EvaluationStatus.Evaluated, DecisionDiagram.OutlookOf(leaf), DecisionDiagram.ConfidenceOf(leaf));
        }

        PlanRunner.Derive(RuleSet.Plan, policy, facts);
        var named = policy.Program.NamedRoots.Length;
        Span<byte> memo = named <= PlanRunner.StackMemoLimit ? stackalloc byte[named] : new byte[named];
        var outlook = PlanRunner.Decide(policy, facts, memo);
        var confidence = PlanRunner.DecideConfidence(policy, facts, memo);
        return new Decision(EvaluationStatus.Evaluated, outlook, confidence);
    }

    /// <summary>Evaluates a case and explains the result.</summary>
    /// <param name="offerCase">The case.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The result, never <see langword="null"/>. An invalid case gives <see cref="EvaluationStatus.Invalid"/> with its issues.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="offerCase"/> is <see langword="null"/>.</exception>
    public EvaluationResult Evaluate(OfferCase offerCase, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(offerCase);
        var scope = OfferRulesTelemetry.EvaluationScope.Start(RuleSet);
        try
        {
            return scope.Complete(EvaluateCase(offerCase, options ?? EvaluationOptions.Default));
        }
        catch (Exception ex) when (scope.Fail(ex))
        {
            throw; // never reached: the filter records the failure and lets the exception pass
        }
    }

    private EvaluationResult EvaluateCase(OfferCase offerCase, EvaluationOptions options)
    {
        var language = options.ResolvedLanguage;

        // The clock is read once: the date the case is judged at and the moment the plan starts from are the same.
        var now = offerCase.AsOf ?? _timeProvider.GetUtcNow();
        var asOf = JapanDate(now);
        var issues = new List<ValidationIssue>();
        var policy = RuleSet.Plan.Find(offerCase.Kind);
        if (policy is null)
        {
            issues.Add(new ValidationIssue(IssueSeverity.Error, "case.kindNotSupported", "$.kind", Texts.KindNotSupported(offerCase.Kind, language)));
        }

        var invalid = CaseValidator.Validate(offerCase, asOf, issues, language) || policy is null;
        if (invalid)
        {
            return new EvaluationResult
            {
                Status = EvaluationStatus.Invalid,
                Kind = offerCase.Kind,
                AsOf = asOf,
                Issues = [.. issues],
                RuleSetId = RuleSet.Id,
                RuleSetVersion = RuleSet.Version,
                RuleSetHash = RuleSet.ContentHash,
            };
        }

        var parts = options.EffectiveParts;
        if (parts == EvaluationParts.None)
        {
            // Nothing to explain: the decision is Decide's, on the same date, without validating the case again.
            var decision = DecideValid(offerCase, asOf, policy!);
            return new EvaluationResult
            {
                Status = decision.Status,
                Kind = offerCase.Kind,
                AsOf = asOf,
                Outlook = decision.Outlook,
                Confidence = decision.Confidence,
                Issues = [.. issues],
                RuleSetId = RuleSet.Id,
                RuleSetVersion = RuleSet.Version,
                RuleSetHash = RuleSet.ContentHash,
            };
        }

        return Explain(offerCase, policy!, asOf, now, issues, parts, language);
    }

    /// <summary>
    /// Creates an <see cref="EvaluationStatus.Invalid"/> result for input that never became a case, such as a file
    /// that could not be read, so that a batch can report it in the same shape as every other result.
    /// </summary>
    /// <param name="issues">The problems; at least one.</param>
    /// <returns>An invalid result stamped with this evaluator's rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issues"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="issues"/> is empty.</exception>
    public EvaluationResult CreateInvalid(IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var list = issues.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("An invalid result needs at least one issue.", nameof(issues));
        }

        return EvaluationResult.CreateInvalid(RuleSet, list);
    }

    /// <summary>Reads a case from UTF-8 JSON and evaluates it. Bad JSON gives an <see cref="EvaluationStatus.Invalid"/> result with every problem, never an exception.</summary>
    /// <param name="utf8Json">The case, in the case JSON contract.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The result, never <see langword="null"/>.</returns>
    public EvaluationResult EvaluateJson(ReadOnlySpan<byte> utf8Json, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var scope = OfferRulesTelemetry.EvaluationScope.Start(RuleSet);
        try
        {
            var read = CaseJson.Read(utf8Json, options.Language);
            return scope.Complete(read.TryGetValue(out var offerCase) ? EvaluateCase(offerCase, options) : EvaluationResult.CreateInvalid(RuleSet, read.Diagnostics));
        }
        catch (Exception ex) when (scope.Fail(ex))
        {
            throw; // never reached: the filter records the failure and lets the exception pass
        }
    }

    /// <summary>
    /// Reads a case from a stream of UTF-8 JSON asynchronously, as ASP.NET Core needs for a request body, and evaluates
    /// it. The stream is read into a pooled buffer up to <see cref="CaseJson.MaxBytes"/> and one chunk more; bad or
    /// oversized JSON gives an <see cref="EvaluationStatus.Invalid"/> result with every problem, as
    /// <see cref="EvaluateJson"/> does.
    /// </summary>
    /// <param name="utf8Json">The case, in the case JSON contract.</param>
    /// <param name="options">The language and level of detail; <see cref="EvaluationOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read; a cancelled read throws, it is not reported as an invalid case.</param>
    /// <returns>The result, never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<EvaluationResult> EvaluateJsonAsync(Stream utf8Json, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var bytes = await PooledStreamReader.ReadAsync(utf8Json, CaseJson.MaxBytes, CaseJson.StreamChunk, cancellationToken).ConfigureAwait(false);
        if (bytes.TooLargeAt < 0)
        {
            return EvaluateJson(bytes.Span, options);
        }

        var scope = OfferRulesTelemetry.EvaluationScope.Start(RuleSet);
        return scope.Complete(EvaluationResult.CreateInvalid(RuleSet, [CaseJson.TooLargeIssue(bytes.TooLargeAt, options?.Language)]));
    }

    private EvaluationResult Explain(OfferCase @case, PolicyPlan policy, DateOnly asOf, DateTimeOffset now, List<ValidationIssue> issues, EvaluationParts parts, Language language)
    {
        var facts = new int[FactCatalog.Count];
        FactCatalog.Fill(@case, asOf, facts);
        PlanRunner.Derive(RuleSet.Plan, facts);
        var memo = new byte[policy.Named.Length];
        var findings = (parts & EvaluationParts.Findings) != 0;

        // The decision runs on the flat program; the recommendations' program and the named conditions share its memo
        // (the same encoding, truth + 1), so no named condition is evaluated twice.
        var truths = findings ? new Truth[policy.Rules.Length] : [];
        var (outlook, terminal) = findings
            ? PlanRunner.DecideRecording(policy, facts, memo, truths)
            : (PlanRunner.Decide(policy, facts, memo), -1);
        var confidence = PlanRunner.DecideConfidence(policy, facts, memo);
        var context = new PlanContext(facts, memo, policy.Named);

        facts[(int)FactId.Outlook] = FactCatalog.Code(outlook);
        var atPlanned = (parts & EvaluationParts.PlannedTime) != 0 ? AtPlannedTime(@case, policy, facts, outlook, issues, language) : null;
        var advice = Recommender.Advice.None;
        if ((parts & Recommender.SlotParts) != 0)
        {
            var planner = @case.Company.ClosedDates.IsEmpty ? _planner : _planner.WithCompanyCalendar(new ClosedDatesCompanyCalendar(@case.Company.ClosedDates));
            advice = Recommender.Recommend(@case, policy, ref context, facts, now, planner, RuleSet.Plan.Model.Planning.FollowUpBusinessDays, issues, language, parts);
        }

        var (missing, suggestions) = (parts & (EvaluationParts.MissingFacts | EvaluationParts.WhatWouldHelp)) != 0
            ? Probe(@case, policy, facts, outlook, language)
            : ([], []);

        var (conditions, failures) = (parts & EvaluationParts.Conditions) != 0
            ? Conditions(policy, ref context, facts, @case, language)
            : ([], []);

        return new EvaluationResult
        {
            Status = EvaluationStatus.Evaluated,
            Kind = @case.Kind,
            AsOf = asOf,
            Outlook = outlook,
            Confidence = confidence,
            Issues = [.. issues], // after Recommend, which may add call-time warnings
            RuleSetId = RuleSet.Id,
            RuleSetVersion = RuleSet.Version,
            RuleSetHash = RuleSet.ContentHash,
            Parts = parts,
            Findings = findings ? Findings(policy, truths, terminal, facts, @case, language) : [],
            Conditions = conditions,
            FailureReasons = failures,
            MissingFacts = (parts & EvaluationParts.MissingFacts) != 0 ? missing : [],
            WhatWouldHelp = (parts & EvaluationParts.WhatWouldHelp) != 0 ? suggestions : [],
            Actions = advice.Actions,
            CallWindow = advice.CallWindow,
            Drafts = advice.Drafts,
            Caveats = advice.Caveats,
            Fallbacks = advice.Fallbacks,
            AtPlannedTime = atPlanned,
        };
    }

    /// <summary>Gets the truth of a named condition from the memo, or evaluates it on the flat program and records it.</summary>
    private static Truth NamedTruth(PolicyPlan policy, int index, ReadOnlySpan<int> facts, Span<byte> memo)
    {
        var memoized = memo[index];
        if (memoized != 0)
        {
            return (Truth)(memoized - 1);
        }

        var truth = policy.Program.Eval(policy.Program.NamedRoots[index], facts, memo);
        memo[index] = (byte)(truth + 1);
        return truth;
    }

    /// <summary>The named conditions and failure reasons, each met, not met or unknown, with their texts.</summary>
    private static (ImmutableArray<NamedCondition> Conditions, ImmutableArray<NamedCondition> Failures) Conditions(PolicyPlan policy, ref PlanContext context, int[] facts, OfferCase @case, Language language)
    {
        var conditions = ImmutableArray.CreateBuilder<NamedCondition>(policy.Conditions.Length);
        var failures = ImmutableArray.CreateBuilder<NamedCondition>();
        var shared = policy.SharedConditions;
        foreach (var condition in policy.Conditions)
        {
            var model = condition.Model;
            if (model.Role == ConditionRole.Helper)
            {
                continue;
            }

            var truth = NamedTruth(policy, condition.Index, context.Facts, context.Memo);
            var (state, text) = truth switch
            {
                Truth.True => (ConditionState.Met, model.Met),
                Truth.False => (ConditionState.NotMet, model.NotMet),
                _ => (ConditionState.Unknown, model.Unknown),
            };
            var title = model.Title.Get(language);
            var message = text.Get(language);
            var named = title.IsLiteral && message.IsLiteral
                ? shared[PolicyPlan.ConditionSlot(condition.Index, state, language)] ??= new NamedCondition(model.Id, Texts.Render(title, language, facts, @case), state, Texts.Render(message, language, facts, @case))
                : new NamedCondition(model.Id, Texts.Render(title, language, facts, @case), state, Texts.Render(message, language, facts, @case));
            (model.Role == ConditionRole.FailureReason ? failures : conditions).Add(named);
        }

        return (conditions.ToImmutable(), failures.ToImmutable());
    }

    /// <summary>
    /// Decides the case again at the date of a planned contact later than today. When that date lies past a line the
    /// rules draw (the timing bands after a decline, the day thresholds after a missed call), it warns.
    /// </summary>
    private PlannedTimeOutlook? AtPlannedTime(OfferCase @case, PolicyPlan policy, int[] facts, Outlook now, List<ValidationIssue> issues, Language language)
    {
        // Only a request still to be made is judged at its planned moment; a follow-up on one already made is not it.
        var (planned, path, _) = Recommender.PlannedContact(@case);
        if (planned is not { } at
            || (@case.Kind == CaseKind.DeclineWithdrawal && facts[(int)FactId.RequestPriorRequestOutcome] != (int)PriorRequestOutcome.NotYetAsked))
        {
            return null;
        }

        var date = DateOnly.FromDateTime(at.ToOffset(s_japan).DateTime);
        var today = facts[(int)FactId.AsOf];
        if (date.DayNumber <= today)
        {
            return null;
        }

        var scratch = (int[])facts.Clone();
        scratch[(int)FactId.AsOf] = date.DayNumber;
        scratch[(int)FactId.Outlook] = FactCatalog.Unknown;
        PlanRunner.Derive(RuleSet.Plan, scratch);
        var memo = new byte[policy.Named.Length];
        var context = new PlanContext(scratch, memo, policy.Named);
        var (outlook, _) = PlanRunner.Decide(policy, ref context, []);
        var confidence = PlanRunner.DecideConfidence(policy, ref context);

        var dayFact = @case.Kind == CaseKind.MissedEmployerContact ? FactId.DaysSinceMissedContact : FactId.DaysSinceDecline;
        var daysNow = facts[(int)dayFact];
        var daysThen = scratch[(int)dayFact];
        var line = -1;
        if (daysNow != FactCatalog.Unknown)
        {
            foreach (var boundary in policy.DayBoundaries)
            {
                if (daysNow <= boundary && boundary < daysThen)
                {
                    line = boundary;
                    break;
                }
            }
        }

        if (line >= 0)
        {
            var kind = @case.Kind == CaseKind.MissedEmployerContact;
            var code = kind ? "M-W3" : "W-08";
            var sinceEn = kind ? "the first missed call" : "you declined";
            var sinceJa = kind ? "最初の不在着信" : "辞退";
            var changeEn = outlook == now
                ? $"The outlook would stay {Texts.Outlook(now, Language.English)}, but every day counts."
                : $"The outlook would be {Texts.Outlook(outlook, Language.English)} then, instead of {Texts.Outlook(now, Language.English)} now.";
            var changeJa = outlook == now
                ? $"見通しは「{Texts.Outlook(now, Language.Japanese)}」のままですが、一日でも早い方が有利です。"
                : $"そのときの見通しは、現在の「{Texts.Outlook(now, Language.Japanese)}」ではなく「{Texts.Outlook(outlook, Language.Japanese)}」になります。";
            var message = language == Language.Japanese
                ? $"予定の連絡日（{Texts.DateWithWeekday(date, language)}）は{sinceJa}から{daysThen}日後で、{line}日を超えます。{changeJa}できるだけ早く、{line}日を超える前に連絡しましょう。"
                : $"The planned contact ({Texts.DateWithWeekday(date, language)}) is {daysThen} days after {sinceEn}, past the {line}-day line. {changeEn} Make contact as soon as you can, before that line.";
            issues.Add(new ValidationIssue(IssueSeverity.Warning, code, path, message));
        }

        return new PlannedTimeOutlook(at.ToOffset(s_japan), date, outlook, confidence, line >= 0);
    }

    private static ImmutableArray<Finding> Findings(PolicyPlan policy, Truth[] truths, int terminal, int[] facts, OfferCase @case, Language language)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var shared = policy.SharedFindings;
        Finding Make(int index, Outlook? outlook, int score, bool changed)
        {
            // A rule's outlook and score in its finding follow from its stage, so a finding whose texts have no
            // placeholder is the same in every result: it is made once.
            var rule = policy.Rules[index].Model;
            var fired = rule.Fired.Get(language);
            var basis = rule.Basis.Get(language);
            if (fired.IsLiteral && basis.IsLiteral)
            {
                ref var slot = ref shared[PolicyPlan.FindingSlot(index, changed, language)];
                return slot ??= new(rule.Id, (RuleStage)rule.Stage, outlook, score, changed, Texts.Render(fired, language, facts, @case), Texts.Render(basis, language, facts, @case));
            }

            return new(rule.Id, (RuleStage)rule.Stage, outlook, score, changed, Texts.Render(fired, language, facts, @case), Texts.Render(basis, language, facts, @case));
        }

        if (terminal >= 0)
        {
            findings.Add(Make(terminal, policy.Rules[terminal].Model.Outlook, 0, true));
        }
        else
        {
            // The score and the caps first, to know whether a floor lifted the result.
            var score = 0;
            var baseIndex = -1;
            for (var i = policy.FirstBase; i < policy.FirstAdjust; i++)
            {
                if (truths[i] == Truth.True && baseIndex < 0)
                {
                    baseIndex = i;
                    score = (int)policy.Rules[i].Model.Outlook;
                }
            }

            for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
            {
                if (truths[i] == Truth.True)
                {
                    score += policy.Rules[i].Model.Score;
                }
            }

            score = Math.Clamp(score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely);
            var ceiling = (int)Outlook.Likely;
            for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
            {
                if (truths[i] == Truth.True)
                {
                    ceiling = Math.Min(ceiling, (int)policy.Rules[i].Model.Outlook);
                }
            }

            var normal = Math.Min(score, ceiling);
            var floor = -1;
            for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
            {
                if (truths[i] == Truth.True)
                {
                    floor = Math.Max(floor, (int)policy.Rules[i].Model.Outlook);
                }
            }

            // Only the highest floor that holds can lift the result; the first rule at that level is credited.
            var credited = false;
            for (var i = policy.FirstOverride; i < policy.FirstBase; i++)
            {
                if (truths[i] == Truth.True)
                {
                    var rule = policy.Rules[i].Model;
                    var lifts = !credited && (int)rule.Outlook == floor && floor > normal;
                    credited |= lifts;
                    findings.Add(Make(i, rule.Outlook, 0, lifts));
                }
            }

            if (baseIndex >= 0)
            {
                findings.Add(Make(baseIndex, policy.Rules[baseIndex].Model.Outlook, 0, true));
            }

            for (var i = policy.FirstAdjust; i < policy.FirstCap; i++)
            {
                if (truths[i] == Truth.True)
                {
                    var rule = policy.Rules[i].Model;
                    findings.Add(Make(i, null, rule.Score, rule.Score != 0));
                }
            }

            for (var i = policy.FirstCap; i < policy.FirstInfo; i++)
            {
                if (truths[i] == Truth.True)
                {
                    // A cap changed the result when it pulled it below the score and no floor held it up.
                    var rule = policy.Rules[i].Model;
                    findings.Add(Make(i, rule.Outlook, 0, Math.Max(floor, (int)rule.Outlook) < score));
                }
            }
        }

        for (var i = policy.FirstInfo; i < policy.Rules.Length; i++)
        {
            if (truths[i] == Truth.True)
            {
                findings.Add(Make(i, null, 0, false));
            }
        }

        return findings.ToImmutable();
    }

    /// <summary>Facts the candidate can still change now, so "what would help" may suggest other values for them even when known.</summary>
    private static readonly FactId[] s_actionable = [FactId.DeclineEvidenceAvailable];

    /// <summary>
    /// Evaluates the case again with one fact changed at a time: unknown facts (could the outlook move?) and facts the
    /// candidate can still change (would doing so help?). The past is never suggested as an action.
    /// </summary>
    /// <remarks>
    /// Facts no deciding rule reads are skipped; each fact is tried with one value per class of equivalent values
    /// (<see cref="Representatives"/>); and each probe is one walk of the policy's decision diagram, or, for a policy
    /// without one, re-evaluates only the rules and named conditions that read the changed fact, from the truths and
    /// memo of the unchanged case. The results are those of trying every value on a full re-decision.
    /// </remarks>
    private (ImmutableArray<MissingFact> Missing, ImmutableArray<Suggestion> Suggestions) Probe(OfferCase @case, PolicyPlan policy, int[] baseFacts, Outlook current, Language language)
    {
        var missing = new List<(MissingFact Fact, int Gain, int Loss)>();
        var suggestions = new List<(Suggestion Suggestion, int Gain)>();
        int[]? scratch = null;
        byte[] baseMemo = [], memo = [];
        Truth[] baseTruths = [];
        var probes = new List<int>();
        var asOf = baseFacts[(int)FactId.AsOf];
        var diagram = policy.Diagram(RuleSet.Plan);
        foreach (var factIndex in policy.InputFacts)
        {
            var plan = policy.Probes[factIndex];
            var unknown = baseFacts[factIndex] == FactCatalog.Unknown;
            if (plan is null || (!unknown && Array.IndexOf(s_actionable, (FactId)factIndex) < 0))
            {
                continue;
            }

            var fact = FactCatalog.All[factIndex];
            ProbeValues(fact, baseFacts, policy, probes);
            Representatives(fact, plan, baseFacts[factIndex], asOf, probes);
            if (probes.Count == 0)
            {
                continue;
            }

            if (scratch is null)
            {
                scratch = (int[])baseFacts.Clone();
                scratch[(int)FactId.Outlook] = FactCatalog.Unknown;
                if (diagram is null)
                {
                    // The truths and memo of the case as it is, once, for every probe to start from.
                    baseMemo = new byte[policy.Program.NamedRoots.Length];
                    memo = new byte[baseMemo.Length];
                    baseTruths = new Truth[policy.FirstInfo];
                    PlanRunner.DecidingTruths(policy, scratch, baseMemo, baseTruths);
                }
            }

            int best = (int)current, worst = (int)current, bestSuggested = (int)current, bestValue = FactCatalog.Unknown;
            foreach (var value in probes)
            {
                baseFacts.CopyTo(scratch, 0);
                scratch[factIndex] = value;
                scratch[(int)FactId.Outlook] = FactCatalog.Unknown;
                Outlook outlook;
                if (diagram is not null)
                {
                    // One walk of the decision diagram decides the changed case.
                    PlanRunner.DeriveForDiagram(RuleSet.Plan, scratch);
                    outlook = DecisionDiagram.OutlookOf(diagram.Run(scratch));
                }
                else
                {
                    PlanRunner.Derive(RuleSet.Plan, scratch);
                    baseMemo.CopyTo(memo, 0);
                    foreach (var dependent in plan.Dependents)
                    {
                        memo[dependent] = 0;
                    }

                    outlook = PlanRunner.DecideChanged(policy, scratch, memo, baseTruths, plan.Bit);
                }

                best = Math.Max(best, (int)outlook);

                // For a date in the past the latest day that still helps is the useful one ("no more than 7 days ago"),
                // so ties move on to later probes; for anything else the first value that helps is kept.
                var better = (int)outlook > bestSuggested
                    || ((int)outlook == bestSuggested && bestValue != FactCatalog.Unknown && fact.Type == FactType.Date && value < bestValue);
                if (better && Suggestible((FactId)factIndex, value))
                {
                    bestSuggested = (int)outlook;
                    bestValue = value;
                }

                worst = Math.Min(worst, (int)outlook);
            }

            if (bestValue != FactCatalog.Unknown)
            {
                var kind = unknown ? SuggestionKind.FindOut : SuggestionKind.Act;
                var statement = FactStatements.Say(fact, bestValue, asOf, language);
                var text = Texts.Suggestion(statement, kind, (Outlook)bestSuggested, language);
                var gain = bestSuggested - (int)current;

                // Highest gain first; among equal gains, catalog order (the order facts are visited in).
                var at = 0;
                while (at < suggestions.Count && suggestions[at].Gain >= gain)
                {
                    at++;
                }

                suggestions.Insert(at, (new Suggestion(fact.Name, LiteralOf(fact, bestValue), (Outlook)bestSuggested, kind, text), gain));
            }

            if (!unknown || (best == (int)current && worst == (int)current))
            {
                continue;
            }

            Outlook? raise = best > (int)current ? (Outlook)best : null;
            Outlook? lower = worst < (int)current ? (Outlook)worst : null;
            var item = new MissingFact(fact.Name, fact.Label(language), raise, lower, Texts.MissingFact(fact, raise, lower, language));
            var (itemGain, itemLoss) = (best - (int)current, (int)current - worst);

            // Highest gain first, then highest loss, then catalog order.
            var position = 0;
            while (position < missing.Count
                && (missing[position].Gain > itemGain || (missing[position].Gain == itemGain && missing[position].Loss >= itemLoss)))
            {
                position++;
            }

            missing.Insert(position, (item, itemGain, itemLoss));
        }

        var missingFacts = ImmutableArray.CreateBuilder<MissingFact>(missing.Count);
        foreach (var m in missing)
        {
            missingFacts.Add(m.Fact);
        }

        var helps = ImmutableArray.CreateBuilder<Suggestion>(suggestions.Count);
        foreach (var h in suggestions)
        {
            helps.Add(h.Suggestion);
        }

        return (missingFacts.MoveToImmutable(), helps.MoveToImmutable());
    }

    /// <summary>
    /// Keeps one probe value per class of equivalent values, in place, so that the probe loop picks exactly the value it
    /// would pick from all of them. A yes/no or enum value is dropped when an earlier value of its class was kept (the
    /// first value that helps is kept, and the case's own value is never a probe). Date values come in runs between two
    /// cuts of their day count (and agree on every comparison of the date itself); of a run the earliest date is kept,
    /// because ties between dates go to the earlier one.
    /// </summary>
    private static void Representatives(FactDefinition fact, FactProbe plan, int baseValue, int asOf, List<int> probes)
    {
        var kept = 0;
        if (plan.ValueClasses is { } classes)
        {
            var seen = 0UL;
            for (var i = 0; i < probes.Count; i++)
            {
                var value = probes[i];
                if (value == baseValue)
                {
                    continue;
                }

                var bit = 1UL << (classes[value] & 63);
                if (classes[value] < 64 && (seen & bit) != 0)
                {
                    continue;
                }

                seen |= bit;
                probes[kept++] = value;
            }
        }
        else if (plan.DayCuts is not null && ProbePlans.DayFactOf(fact.Id) is var (_, direction))
        {
            var runClass = -1;
            var runValue = FactCatalog.Unknown;
            for (var i = 0; i < probes.Count; i++)
            {
                var value = probes[i];
                var days = direction > 0 ? (long)value - asOf : (long)asOf - value;
                var dayClass = plan.DayClass(days);
                if (runValue != FactCatalog.Unknown && dayClass == runClass && SameDateTruths(plan, runValue, value))
                {
                    probes[kept - 1] = Math.Min(probes[kept - 1], value);
                }
                else
                {
                    probes[kept++] = value;
                }

                (runClass, runValue) = (dayClass, value);
            }
        }
        else
        {
            return;
        }

        probes.RemoveRange(kept, probes.Count - kept);
    }

    private static bool SameDateTruths(FactProbe plan, int a, int b)
    {
        foreach (var (instruction, lists) in plan.DateComparisons)
        {
            if (PlanProgram.Compare(in instruction, a, lists) != PlanProgram.Compare(in instruction, b, lists))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a value may be offered as "what would help". A company's pressure or an earlier answer can change the
    /// outlook, and so appear among the missing facts, but they are not something to hope for or to bring about.
    /// </summary>
    /// <remarks>The probe classes are split by the same rule (<see cref="ProbePlans.Suggestible"/>), so that a class never mixes values that may be suggested with values that may not.</remarks>
    private static bool Suggestible(FactId fact, int value) => ProbePlans.Suggestible(fact, value);

    /// <summary>Writes a fact value the way the case JSON writes it.</summary>
    private static string LiteralOf(FactDefinition fact, int code) => fact.Type switch
    {
        FactType.Bool => code == 1 ? "true" : "false",
        FactType.Date => DateOnly.FromDayNumber(code).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        FactType.Int => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => fact.EnumNames[code],
    };

    private static void ProbeValues(FactDefinition fact, int[] facts, PolicyPlan policy, List<int> probes)
    {
        probes.Clear();
        var asOf = facts[(int)FactId.AsOf];
        switch (fact.Type)
        {
            case FactType.Bool:
                probes.Add(0);
                probes.Add(1);
                break;
            case FactType.Enum:
                for (var i = 1; i < fact.EnumNames.Length; i++)
                {
                    probes.Add(i);
                }

                break;
            case FactType.Date when fact.Id == FactId.DeclineDeclinedOn:
                AddDays(policy, FactId.DaysSinceDecline, asOf, -1, facts[(int)FactId.OfferOfferedOn], probes);
                break;
            case FactType.Date when fact.Id == FactId.OfferStartsOn:
                AddDays(policy, FactId.DaysUntilStart, asOf, +1, facts[(int)FactId.OfferOfferedOn], probes);
                break;
            case FactType.Date when fact.Id is FactId.MissedContactFirstMissedCallOn or FactId.MissedContactInterviewedOn:
                AddDays(policy, FactId.DaysSinceMissedContact, asOf, -1, facts[(int)FactId.MissedContactInterviewedOn], probes);
                break;
        }
    }

    private static void AddDays(PolicyPlan policy, FactId dayFact, int asOf, int direction, int notBefore, List<int> probes)
    {
        if (!policy.IntProbes.TryGetValue((int)dayFact, out var days))
        {
            return;
        }

        foreach (var d in days)
        {
            if (d < 0 && direction < 0)
            {
                continue;
            }

            var date = asOf + (direction * d);
            if (notBefore != FactCatalog.Unknown && date < notBefore)
            {
                continue;
            }

            probes.Add(date);
        }
    }
}
