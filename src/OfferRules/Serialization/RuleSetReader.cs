using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Facts;
using OfferRules.Internal;
using OfferRules.Rules;

namespace OfferRules.Serialization;

/// <summary>
/// Maps a parsed rule-set document to the rule model, collecting every problem with its JSON Pointer.
/// Only catalogued facts and the closed set of condition nodes can be named; nothing in the file is executed or reflected on.
/// </summary>
internal sealed partial class RuleSetReader
{
    /// <summary>The largest day count a rule may compare with (about 100 years).</summary>
    private const int MaxDays = 36_500;

    private static readonly PropertyNames s_rootProps = new("$schema", "schemaVersion", "id", "version", "title", "description", "timingBands", "planning", "conduct", "policies");
    private static readonly PropertyNames s_planningProps = new("followUpBusinessDays");
    private static readonly PropertyNames s_bandProps = new("immediateMaxDays", "withinWeekMaxDays", "lateMaxDays");
    private static readonly PropertyNames s_conductProps = new("cases", "otherwise");
    private static readonly PropertyNames s_conductCaseProps = new("value", "when");
    private static readonly PropertyNames s_policyProps = new("kind", "conditions", "rules", "confidence", "actions", "caveats", "fallbacks", "drafts");
    private static readonly PropertyNames s_actionProps = new("id", "when", "channel", "timing", "messages");
    private static readonly PropertyNames s_adviceProps = new("id", "when", "messages");
    private static readonly PropertyNames s_draftProps = new("id", "kind", "when", "title", "subject", "parts");
    private static readonly PropertyNames s_partProps = new("when", "text");
    private static readonly PropertyNames s_namedProps = new("id", "role", "title", "when", "messages");
    private static readonly PropertyNames s_namedMessageProps = new("met", "notMet", "unknown");
    private static readonly PropertyNames s_ruleProps = new("id", "stage", "when", "effect", "messages", "basis");
    private static readonly PropertyNames s_ruleMessageProps = new("fired", "unknown", "notFired");
    private static readonly PropertyNames s_effectProps = new("outlook", "score", "cap", "info");
    private static readonly PropertyNames s_confidenceProps = new("levels", "otherwise");
    private static readonly PropertyNames s_levelProps = new("level", "when");
    private static readonly PropertyNames s_textProps = new("en", "ja");
    private static readonly PropertyNames s_compareProps = new("fact", "op", "value", "values");
    private static readonly PropertyNames s_atLeastProps = new("atLeast", "of");
    private static readonly PropertyNames s_nodeNames = new("all", "any", "not", "ref");

    /// <summary>
    /// The longest catalogued name (a fact, an operator or an enum value) read before it is looked up. Fixed, so that
    /// tightening <see cref="RuleSetLimits.MaxIdLength"/> for a tenant never rejects a valid name such as
    /// <c>company.unfairPressureOrRescission</c>; every such name is far shorter.
    /// </summary>
    private const int MaxNameLength = 100;

    /// <summary>The catalogued facts' names as UTF-8, in catalogue order.</summary>
    private static readonly byte[][] s_factNames = [.. FactCatalog.All.Select(f => Encoding.UTF8.GetBytes(f.Name))];

    /// <summary>Each catalogued fact's enum value names as UTF-8 (empty for other facts), in catalogue order.</summary>
    private static readonly byte[][][] s_enumValues = [.. FactCatalog.All.Select(f => f.EnumNames.Select(Encoding.UTF8.GetBytes).ToArray())];

    private readonly JsonWalker _walker;
    private readonly RuleSetLimits _limits;
    private readonly JsonPath _root = JsonPath.Root();
    private int _nodes;
    private bool _nodeLimitReported;
    private bool _inRecommendations;

    public RuleSetReader(JsonWalker walker, RuleSetLimits limits)
    {
        _walker = walker;
        _limits = limits;
    }

    public RuleSetModel? Read(JsonElement root)
    {
        if (!_walker.Object(root, _root, "The rule set", s_rootProps))
        {
            return null;
        }

        if (_walker.Int(root, _root, "schemaVersion", true, "The rule set", 1, int.MaxValue) is { } schemaVersion && schemaVersion != 1)
        {
            _walker.Error("ruleSet.schemaVersion", "/schemaVersion", $"This version of OfferRules reads schemaVersion 1; the file has {schemaVersion}.");
        }

        var id = _walker.String(root, _root, "id", true, "The rule set", _limits.MaxIdLength);
        var version = _walker.String(root, _root, "version", true, "The rule set", _limits.MaxIdLength);
        _walker.String(root, _root, "description", false, "The rule set", _limits.MaxTextLength);
        var title = _walker.TryGet(root, _root, "title", true, "The rule set", out var titleElement)
            ? Text(titleElement, _root.Child("title"), "The title", allowPlaceholders: false)
            : null;
        var bands = ReadBands(root);
        var planning = ReadPlanning(root);
        var (conduct, conductOtherwise) = ReadConduct(root);

        var policies = ImmutableArray.CreateBuilder<PolicyModel>();
        if (_walker.TryGet(root, _root, "policies", true, "The rule set", out var policiesElement))
        {
            var kinds = new HashSet<CaseKind>();
            foreach (var (element, pointer) in Array(policiesElement, _root.Child("policies"), "'policies'", _limits.MaxRules))
            {
                if (ReadPolicy(element, pointer) is { } policy)
                {
                    if (!kinds.Add(policy.Kind))
                    {
                        _walker.Error("ruleSet.duplicateId", pointer.Child("kind"), $"There is already a policy for the case kind '{JsonNames<CaseKind>.Of(policy.Kind)}'.");
                    }

                    policies.Add(policy);
                }
            }
        }

        // A partial model is returned even when there are errors, so that the compiler can still report
        // references and cycles: every problem at once, not one phase at a time.
        var placeholder = new LocalizedText(Template.TryParse("-", 0, out _)!, Template.TryParse("-", 0, out _)!);
        return new RuleSetModel(id ?? "-", version ?? "-", title ?? placeholder, bands, planning, conduct, conductOtherwise, policies.ToImmutable());
    }

    private TimingBandsModel ReadBands(JsonElement root)
    {
        if (!_walker.TryGet(root, _root, "timingBands", false, "The rule set", out var element))
        {
            return TimingBandsModel.Default;
        }

        var at = _root.Child("timingBands");
        if (!_walker.Object(element, at, "'timingBands'", s_bandProps))
        {
            return TimingBandsModel.Default;
        }

        var d = TimingBandsModel.Default;
        var immediate = _walker.Int(element, at, "immediateMaxDays", false, "'timingBands'", 0, 3650) ?? d.ImmediateMaxDays;
        var withinWeek = _walker.Int(element, at, "withinWeekMaxDays", false, "'timingBands'", 0, 3650) ?? d.WithinWeekMaxDays;
        var late = _walker.Int(element, at, "lateMaxDays", false, "'timingBands'", 0, 3650) ?? d.LateMaxDays;
        if (!(immediate < withinWeek && withinWeek < late))
        {
            _walker.Error("ruleSet.outOfRange", at, $"The bands must grow: immediateMaxDays ({immediate}) < withinWeekMaxDays ({withinWeek}) < lateMaxDays ({late}).");
        }

        return new TimingBandsModel(immediate, withinWeek, late);
    }

    private PlanningModel ReadPlanning(JsonElement root)
    {
        if (!_walker.TryGet(root, _root, "planning", false, "The rule set", out var element))
        {
            return PlanningModel.Default;
        }

        var at = _root.Child("planning");
        if (!_walker.Object(element, at, "'planning'", s_planningProps))
        {
            return PlanningModel.Default;
        }

        var followUp = _walker.Int(element, at, "followUpBusinessDays", false, "'planning'", 1, 20) ?? PlanningModel.Default.FollowUpBusinessDays;
        return new PlanningModel(followUp);
    }

    private (ImmutableArray<ConductCaseModel> Cases, ConductQuality Otherwise) ReadConduct(JsonElement root)
    {
        if (!_walker.TryGet(root, _root, "conduct", true, "The rule set", out var element))
        {
            return ([], ConductQuality.Mixed);
        }

        var at = _root.Child("conduct");
        if (!_walker.Object(element, at, "'conduct'", s_conductProps))
        {
            return ([], ConductQuality.Mixed);
        }

        var otherwise = EnumValue<ConductQuality>(element, at, "otherwise", "'conduct'", required: true) ?? ConductQuality.Mixed;
        var cases = ImmutableArray.CreateBuilder<ConductCaseModel>();
        if (_walker.TryGet(element, at, "cases", true, "'conduct'", out var casesElement))
        {
            foreach (var (item, pointer) in Array(casesElement, at.Child("cases"), "'cases'", 32))
            {
                if (!_walker.Object(item, pointer, "A conduct case", s_conductCaseProps))
                {
                    continue;
                }

                var value = EnumValue<ConductQuality>(item, pointer, "value", "A conduct case", required: true, allowZero: true);
                var when = _walker.TryGet(item, pointer, "when", true, "A conduct case", out var whenElement)
                    ? Condition(whenElement, pointer.Child("when"), depth: 0, allowRefs: false, forbidden: FactId.Conduct)
                    : null;
                if (value is { } v && when is not null)
                {
                    cases.Add(new ConductCaseModel(v, when));
                }
            }
        }

        return (cases.ToImmutable(), otherwise);
    }

    private PolicyModel? ReadPolicy(JsonElement element, JsonPath pointer)
    {
        if (!_walker.Object(element, pointer, "A policy", s_policyProps))
        {
            return null;
        }

        var kind = EnumValue<CaseKind>(element, pointer, "kind", "A policy", required: true, allowZero: true);
        var broken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var conditionIds = new HashSet<string>(StringComparer.Ordinal);
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        var conditions = ImmutableArray.CreateBuilder<NamedConditionModel>();
        if (_walker.TryGet(element, pointer, "conditions", false, "A policy", out var conditionsElement))
        {
            foreach (var (item, at) in Array(conditionsElement, pointer.Child("conditions"), "'conditions'", _limits.MaxRules))
            {
                var rawId = RawId(item, at, conditionIds, "condition");
                if (ReadNamedCondition(item, at, rawId) is { } condition)
                {
                    conditions.Add(condition);
                }
                else if (rawId is not null)
                {
                    broken.Add(rawId);
                }
            }
        }

        var rules = ImmutableArray.CreateBuilder<RuleModel>();
        if (_walker.TryGet(element, pointer, "rules", true, "A policy", out var rulesElement))
        {
            foreach (var (item, at) in Array(rulesElement, pointer.Child("rules"), "'rules'", _limits.MaxRules))
            {
                var rawId = RawId(item, at, ruleIds, "rule");
                if (ReadRule(item, at, rawId) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        var levels = ImmutableArray.CreateBuilder<ConfidenceLevelModel>();
        var otherwise = Confidence.Low;
        if (_walker.TryGet(element, pointer, "confidence", true, "A policy", out var confidenceElement))
        {
            var at = pointer.Child("confidence");
            if (_walker.Object(confidenceElement, at, "'confidence'", s_confidenceProps))
            {
                otherwise = EnumValue<Confidence>(confidenceElement, at, "otherwise", "'confidence'", required: true, allowZero: true) ?? Confidence.Low;
                if (_walker.TryGet(confidenceElement, at, "levels", true, "'confidence'", out var levelsElement))
                {
                    foreach (var (item, levelAt) in Array(levelsElement, at.Child("levels"), "'levels'", 8))
                    {
                        if (!_walker.Object(item, levelAt, "A confidence level", s_levelProps))
                        {
                            continue;
                        }

                        var level = EnumValue<Confidence>(item, levelAt, "level", "A confidence level", required: true, allowZero: true);
                        var when = _walker.TryGet(item, levelAt, "when", true, "A confidence level", out var whenElement)
                            ? Condition(whenElement, levelAt.Child("when"), 0, allowRefs: true, forbidden: null)
                            : null;
                        if (level is { } l && when is not null)
                        {
                            levels.Add(new ConfidenceLevelModel(l, when));
                        }
                    }
                }
            }
        }

        var recommendations = ReadRecommendations(element, pointer);
        return kind is { } k ? new PolicyModel(k, pointer.ToString(), conditions.ToImmutable(), rules.ToImmutable(), levels.ToImmutable(), otherwise, broken.ToImmutable(), recommendations) : null;
    }

    /// <summary>Reads the action plan, caveats, fallbacks and drafts: the parts that may read the decided <c>outlook</c>.</summary>
    private RecommendationsModel ReadRecommendations(JsonElement policy, JsonPath pointer)
    {
        _inRecommendations = true;
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var actions = ImmutableArray.CreateBuilder<ActionModel>();
            foreach (var (item, at) in Section(policy, pointer, "actions"))
            {
                var rawId = RawId(item, at, ids, "action");
                if (!_walker.Object(item, at, "An action", s_actionProps))
                {
                    continue;
                }

                var id = Id(item, at, "An action", rawId);
                var when = When(item, at, "An action", required: true);
                var channel = EnumValue<ActionChannel>(item, at, "channel", "An action", required: true, allowZero: true);
                var timing = EnumValue<ActionTiming>(item, at, "timing", "An action", required: true, allowZero: true);
                var text = _walker.TryGet(item, at, "messages", true, "An action", out var m) ? Text(m, at.Child("messages"), "The message", allowPlaceholders: true) : null;
                if (id is not null && when is not null && channel is { } c && timing is { } t && text is not null)
                {
                    actions.Add(new ActionModel(id, at.ToString(), when, c, t, text));
                }
            }

            var caveats = ReadAdvice(policy, pointer, "caveats", "A caveat", ids);
            var fallbacks = ReadAdvice(policy, pointer, "fallbacks", "A fallback", ids);
            var drafts = ImmutableArray.CreateBuilder<DraftModel>();
            foreach (var (item, at) in Section(policy, pointer, "drafts"))
            {
                var rawId = RawId(item, at, ids, "draft");
                if (!_walker.Object(item, at, "A draft", s_draftProps))
                {
                    continue;
                }

                var id = Id(item, at, "A draft", rawId);
                var kind = EnumValue<DraftKind>(item, at, "kind", "A draft", required: true, allowZero: true);
                var when = When(item, at, "A draft", required: true);
                var title = _walker.TryGet(item, at, "title", true, "A draft", out var te) ? Text(te, at.Child("title"), "The title", allowPlaceholders: true) : null;
                LocalizedText? subject = null;
                if (_walker.TryGet(item, at, "subject", false, "A draft", out var se))
                {
                    subject = Text(se, at.Child("subject"), "The subject", allowPlaceholders: true);
                }

                var parts = ImmutableArray.CreateBuilder<DraftPartModel>();
                var partsOk = true;
                if (_walker.TryGet(item, at, "parts", true, "A draft", out var pe))
                {
                    foreach (var (part, partAt) in Array(pe, at.Child("parts"), "'parts'", 200))
                    {
                        if (!_walker.Object(part, partAt, "A draft part", s_partProps))
                        {
                            partsOk = false;
                            continue;
                        }

                        var partWhen = When(part, partAt, "A draft part", required: false);
                        var partText = _walker.TryGet(part, partAt, "text", true, "A draft part", out var pt) ? Text(pt, partAt.Child("text"), "The text", allowPlaceholders: true) : null;
                        if (partText is null)
                        {
                            partsOk = false;
                            continue;
                        }

                        parts.Add(new DraftPartModel(partWhen, partText));
                    }
                }

                if (id is not null && kind is { } k && when is not null && title is not null && partsOk)
                {
                    drafts.Add(new DraftModel(id, at.ToString(), k, when, title, subject, parts.ToImmutable()));
                }
            }

            return new RecommendationsModel(actions.ToImmutable(), caveats, fallbacks, drafts.ToImmutable());
        }
        finally
        {
            _inRecommendations = false;
        }
    }

    private ImmutableArray<AdviceModel> ReadAdvice(JsonElement policy, JsonPath pointer, string name, string what, HashSet<string> ids)
    {
        var items = ImmutableArray.CreateBuilder<AdviceModel>();
        foreach (var (item, at) in Section(policy, pointer, name))
        {
            var rawId = RawId(item, at, ids, name[..^1]);
            if (!_walker.Object(item, at, what, s_adviceProps))
            {
                continue;
            }

            var id = Id(item, at, what, rawId);
            var when = When(item, at, what, required: true);
            var text = _walker.TryGet(item, at, "messages", true, what, out var m) ? Text(m, at.Child("messages"), "The message", allowPlaceholders: true) : null;
            if (id is not null && when is not null && text is not null)
            {
                items.Add(new AdviceModel(id, at.ToString(), when, text));
            }
        }

        return items.ToImmutable();
    }

    private IEnumerable<(JsonElement Element, JsonPath Pointer)> Section(JsonElement policy, JsonPath pointer, string name) =>
        _walker.TryGet(policy, pointer, name, false, "A policy", out var element)
            ? Array(element, pointer.Child(name), $"'{name}'", _limits.MaxRules)
            : [];

    private ConditionNode? When(JsonElement item, JsonPath pointer, string what, bool required) =>
        _walker.TryGet(item, pointer, "when", required, what, out var element)
            ? Condition(element, pointer.Child("when"), 0, allowRefs: true, forbidden: null)
            : null;

    /// <summary>Reads an item's id as written, to report duplicates even among items that have other problems.</summary>
    private string? RawId(JsonElement item, JsonPath pointer, HashSet<string> seen, string what)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var id = idElement.GetString()!;
        if (!seen.Add(id))
        {
            _walker.Error("ruleSet.duplicateId", pointer.Child("id"), $"The {what} id '{JsonWalker.Shorten(id)}' is used more than once in this policy.");
        }

        return id;
    }

    private NamedConditionModel? ReadNamedCondition(JsonElement element, JsonPath pointer, string? rawId)
    {
        if (!_walker.Object(element, pointer, "A named condition", s_namedProps))
        {
            return null;
        }

        var id = Id(element, pointer, "A named condition", rawId);
        var role = EnumValue<ConditionRole>(element, pointer, "role", "A named condition", required: false, allowZero: true) ?? ConditionRole.Helper;
        var title = _walker.TryGet(element, pointer, "title", true, "A named condition", out var titleElement)
            ? Text(titleElement, pointer.Child("title"), "The title", allowPlaceholders: false)
            : null;
        var when = _walker.TryGet(element, pointer, "when", true, "A named condition", out var whenElement)
            ? Condition(whenElement, pointer.Child("when"), 0, allowRefs: true, forbidden: null)
            : null;
        LocalizedText? met = null, notMet = null, unknown = null;
        if (_walker.TryGet(element, pointer, "messages", true, "A named condition", out var messages))
        {
            var at = pointer.Child("messages");
            if (_walker.Object(messages, at, "'messages'", s_namedMessageProps))
            {
                met = Message(messages, at, "met", required: true);
                notMet = Message(messages, at, "notMet", required: true);
                unknown = Message(messages, at, "unknown", required: true);
            }
        }

        return id is null || title is null || when is null || met is null || notMet is null || unknown is null
            ? null
            : new NamedConditionModel(id, pointer.ToString(), role, title, when, met, notMet, unknown);
    }

    private RuleModel? ReadRule(JsonElement element, JsonPath pointer, string? rawId)
    {
        if (!_walker.Object(element, pointer, "A rule", s_ruleProps))
        {
            return null;
        }

        var id = Id(element, pointer, "A rule", rawId);
        var stage = EnumValue<RuleStage>(element, pointer, "stage", "A rule", required: true, allowZero: true);
        var when = _walker.TryGet(element, pointer, "when", true, "A rule", out var whenElement)
            ? Condition(whenElement, pointer.Child("when"), 0, allowRefs: true, forbidden: null)
            : null;
        var effect = ReadEffect(element, pointer, stage);
        LocalizedText? fired = null, unknown = null, notFired = null;
        if (_walker.TryGet(element, pointer, "messages", true, "A rule", out var messages))
        {
            var at = pointer.Child("messages");
            if (_walker.Object(messages, at, "'messages'", s_ruleMessageProps))
            {
                fired = Message(messages, at, "fired", required: true);
                unknown = Message(messages, at, "unknown", required: true);
                notFired = Message(messages, at, "notFired", required: false);
            }
        }

        var basis = _walker.TryGet(element, pointer, "basis", true, "A rule", out var basisElement)
            ? Text(basisElement, pointer.Child("basis"), "The basis", allowPlaceholders: false)
            : null;

        return id is null || stage is null || when is null || effect is null || fired is null || unknown is null || basis is null
            ? null
            : new RuleModel(id, pointer.ToString(), (RuleStageModel)stage.Value, when, effect.Value.Kind, effect.Value.Outlook, effect.Value.Score, fired, unknown, notFired, basis);
    }

    private (EffectKind Kind, Outlook Outlook, int Score)? ReadEffect(JsonElement rule, JsonPath pointer, RuleStage? stage)
    {
        if (!_walker.TryGet(rule, pointer, "effect", true, "A rule", out var element))
        {
            return null;
        }

        var at = pointer.Child("effect");
        if (!_walker.Object(element, at, "'effect'", s_effectProps))
        {
            return null;
        }

        var (count, property) = CountAndFirst(element);
        if (count != 1)
        {
            _walker.Error("rule.effect", at, $"'effect' must have exactly one of {string.Join(", ", s_effectProps.Names)}; it has {count}.");
            return null;
        }

        var propertyName = s_effectProps.Find(property) is { } known ? s_effectProps.Names[known] : property.Name;
        (EffectKind Kind, Outlook Outlook, int Score)? effect = propertyName switch
        {
            "outlook" => EnumValue<Outlook>(element, at, "outlook", "'effect'", required: true, allowZero: true) is { } o ? (EffectKind.Outlook, o, 0) : null,
            "cap" => EnumValue<Outlook>(element, at, "cap", "'effect'", required: true, allowZero: true) is { } c ? (EffectKind.Cap, c, 0) : null,
            "score" => _walker.Int(element, at, "score", true, "'effect'", -3, 3) is { } s ? (EffectKind.Score, Outlook.VeryUnlikely, s) : null,
            "info" => property.Value.ValueKind == JsonValueKind.True ? (EffectKind.Info, Outlook.VeryUnlikely, 0) : InfoError(at),
            _ => null,
        };

        if (effect is { } e && stage is { } st)
        {
            var expected = st switch
            {
                RuleStage.Terminal or RuleStage.Override or RuleStage.Base => EffectKind.Outlook,
                RuleStage.Adjust => EffectKind.Score,
                RuleStage.Cap => EffectKind.Cap,
                _ => EffectKind.Info,
            };
            if (e.Kind != expected)
            {
                _walker.Error("rule.effect", at, $"A rule in the stage '{JsonNames<RuleStage>.Of(st)}' must have the effect '{JsonNames<EffectKind>.Of(expected)}', not '{propertyName}'.");
                return null;
            }
        }

        return effect;
    }

    private (EffectKind, Outlook, int)? InfoError(JsonPath at)
    {
        _walker.Error("ruleSet.wrongType", at.Child("info"), "'info' must be true.");
        return null;
    }

    /// <summary>Reads an item's id; <paramref name="rawId"/> is the id <see cref="RawId"/> already read from it, if any, so that it is not read twice.</summary>
    private string? Id(JsonElement element, JsonPath pointer, string what, string? rawId)
    {
        var id = rawId is not null
            ? _walker.Checked(rawId, pointer, "id", _limits.MaxIdLength)
            : _walker.String(element, pointer, "id", true, what, _limits.MaxIdLength);
        if (id is not null && !IsValidId(id))
        {
            _walker.Error("ruleSet.invalidId", pointer.Child("id"), $"The id '{JsonWalker.Shorten(id)}' may only use letters, digits, '-', '_' and '.'.");
            return null;
        }

        return id;
    }

    private static bool IsValidId(string id)
    {
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private LocalizedText? Message(JsonElement messages, JsonPath pointer, string name, bool required) =>
        _walker.TryGet(messages, pointer, name, required, "'messages'", out var element)
            ? Text(element, pointer.Child(name), $"The message '{name}'", allowPlaceholders: true)
            : null;

    private LocalizedText? Text(JsonElement element, JsonPath pointer, string what, bool allowPlaceholders)
    {
        if (!_walker.Object(element, pointer, what, s_textProps))
        {
            return null;
        }

        var en = _walker.String(element, pointer, "en", true, what, _limits.MaxTextLength);
        var ja = _walker.String(element, pointer, "ja", true, what, _limits.MaxTextLength);
        if (en is null || ja is null)
        {
            return null;
        }

        var max = allowPlaceholders ? _limits.MaxPlaceholders : 0;
        var enTemplate = ParseTemplate(en, pointer.Child("en"), max);
        var jaTemplate = ParseTemplate(ja, pointer.Child("ja"), max);
        if (enTemplate is null || jaTemplate is null)
        {
            return null;
        }

        if (!enTemplate.Placeholders.SequenceEqual(jaTemplate.Placeholders))
        {
            _walker.Error(
                "message.placeholderMismatch",
                pointer,
                $"{what} uses different placeholders in English ({Names(enTemplate)}) and Japanese ({Names(jaTemplate)}).");
            return null;
        }

        return new LocalizedText(enTemplate, jaTemplate);

        static string Names(Template t) => t.Placeholders.IsEmpty ? "none" : string.Join(", ", t.Placeholders.Select(p => "{" + p + "}"));
    }

    private Template? ParseTemplate(string text, JsonPath pointer, int maxPlaceholders)
    {
        var template = Template.TryParse(text, maxPlaceholders, out var error);
        if (template is null)
        {
            var message = maxPlaceholders == 0 && error is not null && error.Contains("more than 0", StringComparison.Ordinal)
                ? "This text cannot have placeholders."
                : char.ToUpperInvariant(error![0]) + error[1..] + (error.EndsWith('.') || error.EndsWith('?') ? string.Empty : ".");
            _walker.Error("message.placeholder", pointer, message);
        }

        return template;
    }

    private TEnum? EnumValue<TEnum>(JsonElement obj, JsonPath pointer, string name, string what, bool required, bool allowZero = false)
        where TEnum : struct, Enum
    {
        // The common case, a name the enum has, is matched on its UTF-8 bytes without making a string.
        if (KnownName(obj, name, Utf8Names<TEnum>.Names) is { } known
            && JsonNames<TEnum>.TryParse(JsonNames<TEnum>.Names[known], out var found)
            && (allowZero || FactCatalog.Code(found) != FactCatalog.Unknown))
        {
            return found;
        }

        var text = _walker.String(obj, pointer, name, required, what, MaxNameLength);
        if (text is null)
        {
            return null;
        }

        if (!JsonNames<TEnum>.TryParse(text, out var value) || (!allowZero && FactCatalog.Code(value) == FactCatalog.Unknown))
        {
            var names = allowZero ? JsonNames<TEnum>.Names : JsonNames<TEnum>.Names[1..];
            _walker.Error("ruleSet.unknownValue", pointer.Child(name), $"'{JsonWalker.Shorten(text)}' is not a valid {name}. Use one of: {string.Join(", ", names)}.");
            return null;
        }

        return value;
    }

    /// <summary>Counts an object's properties and gets the first, without boxing an enumerator.</summary>
    private static (int Count, JsonProperty First) CountAndFirst(JsonElement element)
    {
        var count = 0;
        JsonProperty first = default;
        foreach (var property in element.EnumerateObject())
        {
            if (count++ == 0)
            {
                first = property;
            }
        }

        return (count, first);
    }

    /// <summary>
    /// Finds which of <paramref name="utf8Names"/> a string property holds, comparing bytes; <see langword="null"/> when
    /// the property is missing, is not a string or holds another text (the caller then reads it the slow way, with
    /// every diagnostic).
    /// </summary>
    private static int? KnownName(JsonElement obj, string property, byte[][] utf8Names) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var element) ? IndexOf(element, utf8Names) : null;

    private static int? IndexOf(JsonElement element, byte[][] utf8Names)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        for (var i = 0; i < utf8Names.Length; i++)
        {
            if (element.ValueEquals(utf8Names[i]))
            {
                return i;
            }
        }

        return null;
    }

    private IEnumerable<(JsonElement Element, JsonPath Pointer)> Array(JsonElement element, JsonPath pointer, string what, int max)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            _walker.Error("ruleSet.wrongType", pointer, $"{what} must be an array, not {JsonWalker.Describe(element)}.");
            yield break;
        }

        var length = element.GetArrayLength();
        if (length > max)
        {
            _walker.Error("ruleSet.limit", pointer, $"{what} has {length} items; the limit is {max}.");
            yield break;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (_walker.Saturated)
            {
                _walker.StopEarly(pointer);
                yield break;
            }

            yield return (item, pointer.Child(index++));
        }
    }

    private ConditionNode? Condition(JsonElement element, JsonPath pointer, int depth, bool allowRefs, FactId? forbidden)
    {
        if (++_nodes > _limits.MaxConditionNodes)
        {
            if (!_nodeLimitReported)
            {
                _walker.Error("ruleSet.limit", pointer, $"The rule set has more than {_limits.MaxConditionNodes} condition nodes.");
                _nodeLimitReported = true;
            }

            return null;
        }

        if (depth > _limits.MaxConditionDepth)
        {
            _walker.Error("ruleSet.limit", pointer, $"Conditions are nested more than {_limits.MaxConditionDepth} deep.");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            _walker.Error("condition.invalidNode", pointer, $"A condition must be an object such as {{\"all\": [...]}} or {{\"fact\": ..., \"op\": ...}}, not {JsonWalker.Describe(element)}.");
            return null;
        }

        if (element.TryGetProperty("fact", out _))
        {
            return Compare(element, pointer, forbidden);
        }

        if (element.TryGetProperty("atLeast", out var atLeast))
        {
            if (!_walker.Object(element, pointer, "An 'atLeast' condition", s_atLeastProps))
            {
                return null;
            }

            var children = Children(element, pointer, "of", depth, allowRefs, forbidden);
            if (atLeast.ValueKind != JsonValueKind.Number || !atLeast.TryGetInt32(out var n) || n < 1)
            {
                _walker.Error("condition.invalidNode", pointer.Child("atLeast"), $"'atLeast' must be a whole number of at least 1, not {JsonWalker.Describe(atLeast)}.");
                return null;
            }

            if (children is { } list && n > list.Length)
            {
                _walker.Error("condition.invalidNode", pointer.Child("atLeast"), $"'atLeast' is {n} but 'of' has only {list.Length} conditions.");
                return null;
            }

            return children is null ? null : new AtLeastNode(n, children.Value);
        }

        var (count, property) = CountAndFirst(element);
        if (count != 1)
        {
            _walker.Error("condition.invalidNode", pointer, "A condition must have exactly one of 'all', 'any', 'not', 'atLeast' (with 'of'), 'fact' (with 'op') or 'ref'.");
            return null;
        }

        switch (s_nodeNames.Find(property) is { } known ? s_nodeNames.Names[known] : property.Name)
        {
            case "all":
                return Children(element, pointer, "all", depth, allowRefs, forbidden) is { } all ? new AllNode(all) : null;
            case "any":
                return Children(element, pointer, "any", depth, allowRefs, forbidden) is { } any ? new AnyNode(any) : null;
            case "not":
                return Condition(property.Value, pointer.Child("not"), depth + 1, allowRefs, forbidden) is { } child ? new NotNode(child) : null;
            case "ref":
                if (!allowRefs)
                {
                    _walker.Error("condition.invalidNode", pointer.Child("ref"), "References are not allowed here; write the condition out.");
                    return null;
                }

                var id = _walker.String(element, pointer, "ref", true, "A reference", _limits.MaxIdLength);
                return id is null ? null : new RefNode(pointer.Child("ref").ToString(), id);
            default:
                _walker.Error("condition.invalidNode", pointer.Child(property.Name), $"'{JsonWalker.Shorten(property.Name)}' is not a condition. Use 'all', 'any', 'not', 'atLeast', 'fact' or 'ref'.");
                return null;
        }
    }

    private ImmutableArray<ConditionNode>? Children(JsonElement element, JsonPath pointer, string name, int depth, bool allowRefs, FactId? forbidden)
    {
        var at = pointer.Child(name);
        if (!element.TryGetProperty(name, out var array))
        {
            _walker.Error("ruleSet.missingProperty", pointer, $"The condition needs the property '{name}'.");
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            _walker.Error("condition.invalidNode", at, $"'{name}' must be an array of conditions, not {JsonWalker.Describe(array)}.");
            return null;
        }

        var children = ImmutableArray.CreateBuilder<ConditionNode>(Math.Min(array.GetArrayLength(), 1024));
        var ok = true;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var child = Condition(item, at.Child(index++), depth + 1, allowRefs, forbidden);
            if (child is null)
            {
                ok = false;
                if (_nodeLimitReported || _walker.Saturated)
                {
                    _walker.StopEarly(at);
                    break;
                }
            }
            else
            {
                children.Add(child);
            }
        }

        return ok ? children.DrainToImmutable() : null;
    }

    private CompareNode? Compare(JsonElement element, JsonPath pointer, FactId? forbidden)
    {
        if (!_walker.Object(element, pointer, "A comparison", s_compareProps))
        {
            return null;
        }

        // The common case, a catalogued fact and a known operator, is matched on bytes; names are then the catalogue's.
        FactDefinition? fact;
        string? name, opText;
        if (KnownName(element, "fact", s_factNames) is { } f && KnownName(element, "op", Utf8Names<CompareOp>.Names) is { } o)
        {
            fact = FactCatalog.All[f];
            name = fact.Name;
            opText = JsonNames<CompareOp>.Names[o];
        }
        else
        {
            name = _walker.String(element, pointer, "fact", true, "A comparison", MaxNameLength);
            opText = _walker.String(element, pointer, "op", true, "A comparison", MaxNameLength);
            if (name is null || opText is null)
            {
                return null;
            }

            fact = FactCatalog.TryGet(name, out var definition) ? definition : null;
        }

        if (fact is null)
        {
            var hint = FactCatalog.Suggest(name) is { } s ? $" Did you mean '{s}'?" : string.Empty;
            _walker.Error("condition.unknownFact", pointer.Child("fact"), $"'{JsonWalker.Shorten(name)}' is not a catalogued fact.{hint}");
            return null;
        }

        if (fact.Id == FactId.Outlook && !_inRecommendations)
        {
            _walker.Error("condition.outlookNotAllowed", pointer.Child("fact"), "'outlook' is decided by the rules, so only actions, caveats, fallbacks and drafts can read it.");
            return null;
        }

        if (forbidden is { } forbiddenFact && fact.Id == forbiddenFact)
        {
            _walker.Error("condition.cycle", pointer.Child("fact"), $"The fact '{name}' cannot be used to derive itself.");
            return null;
        }

        if (!JsonNames<CompareOp>.TryParse(opText, out var op))
        {
            _walker.Error("condition.unknownOperator", pointer.Child("op"), $"'{JsonWalker.Shorten(opText)}' is not an operator. Use one of: {string.Join(", ", JsonNames<CompareOp>.Names)}.");
            return null;
        }

        var hasValue = element.TryGetProperty("value", out var value);
        var hasValues = element.TryGetProperty("values", out var values);
        switch (op)
        {
            case CompareOp.IsKnown:
                if (hasValue || hasValues)
                {
                    _walker.Error("condition.invalidNode", pointer, "'isKnown' takes no 'value' or 'values'.");
                    return null;
                }

                return new CompareNode(fact, op, []);
            case CompareOp.In or CompareOp.NotIn:
                if (!hasValues || hasValue)
                {
                    _walker.Error("condition.invalidNode", pointer, $"'{opText}' takes a 'values' array and no 'value'.");
                    return null;
                }

                if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
                {
                    var actual = values.ValueKind == JsonValueKind.Array ? "an empty array" : JsonWalker.Describe(values);
                    _walker.Error("condition.invalidNode", pointer.Child("values"), $"'values' must be a non-empty array, not {actual}.");
                    return null;
                }

                if (values.GetArrayLength() > _limits.MaxValuesPerList)
                {
                    _walker.Error("ruleSet.limit", pointer.Child("values"), $"The list has {values.GetArrayLength()} values; the limit (MaxValuesPerList) is {_limits.MaxValuesPerList}.");
                    return null;
                }

                var codes = ImmutableArray.CreateBuilder<int>(values.GetArrayLength());
                var index = 0;
                var valid = true;
                foreach (var item in values.EnumerateArray())
                {
                    if (Literal(fact, item, pointer.Child("values").Child(index++)) is { } code)
                    {
                        codes.Add(code);
                    }
                    else
                    {
                        valid = false;
                    }
                }

                return valid ? new CompareNode(fact, op, codes.DrainToImmutable()) : null;
            default:
                if (!hasValue || hasValues)
                {
                    _walker.Error("condition.invalidNode", pointer, $"'{opText}' takes a 'value' and no 'values'.");
                    return null;
                }

                if (op is CompareOp.Lt or CompareOp.Le or CompareOp.Gt or CompareOp.Ge && fact.Type is FactType.Bool or FactType.Enum)
                {
                    _walker.Error("condition.typeMismatch", pointer.Child("op"), $"'{opText}' compares numbers or dates; '{name}' is a {TypeName(fact)}.");
                    return null;
                }

                return Literal(fact, value, pointer.Child("value")) is { } single
                    ? new CompareNode(fact, op, [single])
                    : null;
        }
    }

    private int? Literal(FactDefinition fact, JsonElement value, JsonPath pointer)
    {
        switch (fact.Type)
        {
            case FactType.Bool when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.ValueKind == JsonValueKind.True ? 1 : 0;
            case FactType.Int when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number != FactCatalog.Unknown:
                if (number is < -MaxDays or > MaxDays)
                {
                    // Day counts are compared and probed one day either side; a bound keeps that arithmetic in range.
                    _walker.Error("ruleSet.outOfRange", pointer, $"'{fact.Name}' counts days; compare it with a number from -{MaxDays} to {MaxDays}, not {number}.");
                    return null;
                }

                return number;
            case FactType.Date when value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date.DayNumber;
            case FactType.Enum when value.ValueKind == JsonValueKind.String:
                if ((int)fact.Id < s_enumValues.Length && ReferenceEquals(FactCatalog.All[(int)fact.Id], fact) && IndexOf(value, s_enumValues[(int)fact.Id]) is { } known and > 0)
                {
                    return known;
                }

                var text = value.GetString()!;
                var index = System.Array.IndexOf(fact.EnumNames, text);
                if (index > 0)
                {
                    return index;
                }

                var unknownHint = index == 0 ? " To test for an unknown value, use the operator 'isKnown' inside 'not'." : string.Empty;
                _walker.Error("condition.typeMismatch", pointer, $"'{JsonWalker.Shorten(text)}' is not a value of '{fact.Name}'. Use one of: {string.Join(", ", fact.EnumNames[1..])}.{unknownHint}");
                return null;
            default:
                _walker.Error("condition.typeMismatch", pointer, $"'{fact.Name}' is a {TypeName(fact)}; {JsonWalker.Describe(value)} is not.");
                return null;
        }
    }

    private static string TypeName(FactDefinition fact) => fact.Type switch
    {
        FactType.Bool => "boolean (true or false)",
        FactType.Int => "whole number",
        FactType.Date => "date (\"yyyy-MM-dd\")",
        _ => "value from a fixed list (" + string.Join(", ", fact.EnumNames[1..]) + ")",
    };
}

/// <summary>An enum's JSON names as UTF-8, for matching them without making strings.</summary>
internal static class Utf8Names<TEnum>
    where TEnum : struct, Enum
{
    public static byte[][] Names { get; } = [.. JsonNames<TEnum>.Names.Select(Encoding.UTF8.GetBytes)];
}
