using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Facts;
using OfferRules.Internal;
using OfferRules.Rules;

namespace OfferRules.Serialization;

internal sealed partial class RuleSetReader
{
    /// <summary>
    /// Reads a clean rule file in one forward pass of a <see cref="Utf8JsonReader"/> straight into the rule model, with
    /// no parsed document and no pointer strings but the ones the model keeps. It accepts only what the document reader
    /// accepts without a single diagnostic and builds the same model; at the first thing that would be a problem (or that
    /// it does not read itself, such as an enum name the byte match misses), it gives up and the caller reads the text
    /// again with the document reader, which reports every problem with its JSON Pointer. So diagnostics, and their
    /// order, come from one place only.
    /// </summary>
    /// <remarks>
    /// The value rules (id characters, lengths, ranges, enum names, templates, day bounds) are the document reader's own
    /// constants and helpers; <c>RuleSetForwardReaderTests</c> compares the two readers on the rule files of the repository
    /// and on the bad-file corpus.
    /// </remarks>
    internal static class ForwardReader
    {
        /// <summary>
        /// Reads <paramref name="utf8Json"/> (valid UTF-8 without a byte order mark) when it is a rule file without a
        /// single problem the reader reports.
        /// </summary>
        /// <param name="utf8Json">The rule file's bytes.</param>
        /// <param name="limits">The limits the file must keep to.</param>
        /// <returns>The model, as the document reader builds it; <see langword="null"/> when the document reader must read it.</returns>
        public static RuleSetModel? TryRead(ReadOnlySpan<byte> utf8Json, RuleSetLimits limits)
        {
            try
            {
                var options = new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
                var reader = new Utf8JsonReader(utf8Json, options);
                var state = new State(limits);
                reader.Read();
                var model = state.ReadRoot(ref reader);

                // Anything after the rule set but white space or comments is malformed or a second value; the document reader words it.
                return reader.Read() ? null : model;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                // A token of another type than expected, or an escape that is not valid UTF-16 (a lone surrogate).
                return null;
            }
        }

        private static JsonException Unclean() => new("The rule file needs the document reader.");

        /// <summary>Moves to the next token and checks its type.</summary>
        private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
        {
            if (!reader.Read() || reader.TokenType != expected)
            {
                throw Unclean();
            }
        }

        /// <summary>
        /// Moves to an object's next property; returns the index of its name among <paramref name="names"/>, or -1 at the
        /// end of the object. An unknown or repeated name is a problem.
        /// </summary>
        private static int NextProperty(ref Utf8JsonReader reader, PropertyNames names, ref ulong seen)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return reader.TokenType == JsonTokenType.EndObject ? -1 : throw Unclean();
            }

            var utf8 = names.Utf8;
            for (var i = 0; i < utf8.Length; i++)
            {
                if (reader.ValueTextEquals(utf8[i]))
                {
                    var bit = 1UL << i;
                    if ((seen & bit) != 0)
                    {
                        throw Unclean();
                    }

                    seen |= bit;
                    return i;
                }
            }

            throw Unclean();
        }

        private static void Require(ulong seen, ulong required)
        {
            if ((seen & required) != required)
            {
                throw Unclean();
            }
        }

        /// <summary>Reads a string value: checked as <see cref="JsonWalker.Checked"/> checks it (not empty, at most <paramref name="maxLength"/> characters).</summary>
        private static string String(ref Utf8JsonReader reader, int maxLength)
        {
            Next(ref reader, JsonTokenType.String);
            var text = reader.GetString()!;
            return text.Length == 0 || text.Length > maxLength ? throw Unclean() : text;
        }

        /// <summary>Reads a whole number from <paramref name="min"/> to <paramref name="max"/>, as <see cref="JsonWalker.Int"/> does.</summary>
        private static int Int(ref Utf8JsonReader reader, int min, int max)
        {
            Next(ref reader, JsonTokenType.Number);
            return reader.TryGetInt32(out var number) && number >= min && number <= max ? number : throw Unclean();
        }

        /// <summary>Reads an enum's name as <see cref="EnumValue"/> matches it on bytes; any other text is for the document reader.</summary>
        private static TEnum EnumOf<TEnum>(ref Utf8JsonReader reader, bool allowZero)
            where TEnum : struct, System.Enum
        {
            Next(ref reader, JsonTokenType.String);
            var names = Utf8Names<TEnum>.Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return JsonNames<TEnum>.TryParse(JsonNames<TEnum>.Names[i], out var found) && (allowZero || FactCatalog.Code(found) != FactCatalog.Unknown)
                        ? found
                        : throw Unclean();
                }
            }

            throw Unclean();
        }

        /// <summary>The state of one read: the limits, the condition node count and whether recommendations are being read.</summary>
        private sealed class State(RuleSetLimits limits)
        {
            private readonly RuleSetLimits _limits = limits;
            private readonly JsonPath _root = JsonPath.Root();
            private readonly LocalizedTextReader _texts = new(limits);
            /// <summary>The children being read, of every level at once: a node's children are pushed, copied to their array and popped.</summary>
            private readonly List<ConditionNode> _children = [];
            private readonly List<int> _codes = [];
            private int _nodes;
            private bool _inRecommendations;

            public RuleSetModel ReadRoot(ref Utf8JsonReader reader)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Unclean();
                }

                var seen = 0UL;
                string? id = null, version = null;
                LocalizedText? title = null;
                var bands = TimingBandsModel.Default;
                var planning = PlanningModel.Default;
                ImmutableArray<ConductCaseModel> conduct = [];
                var conductOtherwise = ConductQuality.Mixed;
                var policies = ImmutableArray.CreateBuilder<PolicyModel>();
                int index;
                while ((index = NextProperty(ref reader, s_rootProps, ref seen)) >= 0)
                {
                    switch (index)
                    {
                        case 0:
                            // $schema is allowed and not read.
                            reader.Skip();
                            break;
                        case 1:
                            if (Int(ref reader, 1, int.MaxValue) != 1)
                            {
                                throw Unclean();
                            }

                            break;
                        case 2:
                            id = String(ref reader, _limits.MaxIdLength);
                            break;
                        case 3:
                            version = String(ref reader, _limits.MaxIdLength);
                            break;
                        case 4:
                            title = _texts.Read(ref reader, 0);
                            break;
                        case 5:
                            String(ref reader, _limits.MaxTextLength);
                            break;
                        case 6:
                            bands = ReadBands(ref reader);
                            break;
                        case 7:
                            planning = ReadPlanning(ref reader);
                            break;
                        case 8:
                            (conduct, conductOtherwise) = ReadConduct(ref reader);
                            break;
                        default:
                            ReadPolicies(ref reader, _root.Child("policies"), policies);
                            break;
                    }
                }

                // schemaVersion, id, version, title, conduct and policies are required.
                Require(seen, (1UL << 1) | (1UL << 2) | (1UL << 3) | (1UL << 4) | (1UL << 8) | (1UL << 9));
                return new RuleSetModel(id!, version!, title!, bands, planning, conduct, conductOtherwise, policies.ToImmutable());
            }

            private static TimingBandsModel ReadBands(ref Utf8JsonReader reader)
            {
                Next(ref reader, JsonTokenType.StartObject);
                var d = TimingBandsModel.Default;
                int immediate = d.ImmediateMaxDays, withinWeek = d.WithinWeekMaxDays, late = d.LateMaxDays;
                var seen = 0UL;
                int index;
                while ((index = NextProperty(ref reader, s_bandProps, ref seen)) >= 0)
                {
                    var days = Int(ref reader, 0, 3650);
                    _ = index switch
                    {
                        0 => immediate = days,
                        1 => withinWeek = days,
                        _ => late = days,
                    };
                }

                return immediate < withinWeek && withinWeek < late ? new TimingBandsModel(immediate, withinWeek, late) : throw Unclean();
            }

            private static PlanningModel ReadPlanning(ref Utf8JsonReader reader)
            {
                Next(ref reader, JsonTokenType.StartObject);
                var followUp = PlanningModel.Default.FollowUpBusinessDays;
                var seen = 0UL;
                while (NextProperty(ref reader, s_planningProps, ref seen) >= 0)
                {
                    followUp = Int(ref reader, 1, 20);
                }

                return new PlanningModel(followUp);
            }

            private (ImmutableArray<ConductCaseModel> Cases, ConductQuality Otherwise) ReadConduct(ref Utf8JsonReader reader)
            {
                Next(ref reader, JsonTokenType.StartObject);
                var at = _root.Child("conduct");
                var otherwise = ConductQuality.Mixed;
                var cases = ImmutableArray.CreateBuilder<ConductCaseModel>();
                var seen = 0UL;
                int index;
                while ((index = NextProperty(ref reader, s_conductProps, ref seen)) >= 0)
                {
                    if (index == 1)
                    {
                        otherwise = EnumOf<ConductQuality>(ref reader, allowZero: false);
                        continue;
                    }

                    var casesAt = at.Child("cases");
                    Next(ref reader, JsonTokenType.StartArray);
                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (i >= 32 || reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw Unclean();
                        }

                        var caseAt = casesAt.Child(i);
                        ConductQuality? value = null;
                        ConditionNode? when = null;
                        var caseSeen = 0UL;
                        int caseIndex;
                        while ((caseIndex = NextProperty(ref reader, s_conductCaseProps, ref caseSeen)) >= 0)
                        {
                            if (caseIndex == 0)
                            {
                                value = EnumOf<ConductQuality>(ref reader, allowZero: true);
                            }
                            else
                            {
                                reader.Read();
                                when = Condition(ref reader, caseAt.Child("when"), 0, allowRefs: false, forbidden: FactId.Conduct);
                            }
                        }

                        cases.Add(value is { } v && when is not null ? new ConductCaseModel(v, when) : throw Unclean());
                    }
                }

                Require(seen, 0b11);
                return (cases.ToImmutable(), otherwise);
            }

            private void ReadPolicies(ref Utf8JsonReader reader, JsonPath at, ImmutableArray<PolicyModel>.Builder policies)
            {
                Next(ref reader, JsonTokenType.StartArray);
                var kinds = 0UL;
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i >= _limits.MaxRules)
                    {
                        throw Unclean();
                    }

                    var policy = ReadPolicy(ref reader, at.Child(i));
                    var bit = 1UL << (int)policy.Kind;
                    if ((kinds & bit) != 0)
                    {
                        throw Unclean();
                    }

                    kinds |= bit;
                    policies.Add(policy);
                }
            }

            private PolicyModel ReadPolicy(ref Utf8JsonReader reader, JsonPath pointer)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Unclean();
                }

                CaseKind? kind = null;
                var conditionIds = new HashSet<string>(StringComparer.Ordinal);
                var ruleIds = new HashSet<string>(StringComparer.Ordinal);
                var itemIds = new HashSet<string>(StringComparer.Ordinal);
                ImmutableArray<NamedConditionModel> conditions = [];
                ImmutableArray<RuleModel> rules = [];
                ImmutableArray<ConfidenceLevelModel> levels = [];
                var otherwise = Confidence.Low;
                ImmutableArray<ActionModel> actions = [];
                ImmutableArray<AdviceModel> caveats = [], fallbacks = [];
                ImmutableArray<DraftModel> drafts = [];
                var seen = 0UL;
                int index;
                while ((index = NextProperty(ref reader, s_policyProps, ref seen)) >= 0)
                {
                    switch (index)
                    {
                        case 0:
                            kind = EnumOf<CaseKind>(ref reader, allowZero: true);
                            break;
                        case 1:
                            conditions = Items(ref reader, pointer.Child("conditions"), conditionIds, s_namedProps, ReadNamedCondition);
                            break;
                        case 2:
                            rules = Items(ref reader, pointer.Child("rules"), ruleIds, s_ruleProps, ReadRule);
                            break;
                        case 3:
                            (levels, otherwise) = ReadConfidence(ref reader, pointer.Child("confidence"));
                            break;
                        default:
                            _inRecommendations = true;
                            var at = pointer.Child(s_policyProps.Names[index]);
                            if (index == 4)
                            {
                                actions = Items(ref reader, at, itemIds, s_actionProps, ReadAction);
                            }
                            else if (index == 7)
                            {
                                drafts = Items(ref reader, at, itemIds, s_draftProps, ReadDraft);
                            }
                            else
                            {
                                var advice = Items(ref reader, at, itemIds, s_adviceProps, ReadAdvice);
                                _ = index == 5 ? caveats = advice : fallbacks = advice;
                            }

                            _inRecommendations = false;
                            break;
                    }
                }

                // kind, rules and confidence are required.
                Require(seen, 0b1101);
                var broken = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal).ToImmutable();
                var recommendations = new RecommendationsModel(actions, caveats, fallbacks, drafts);
                return new PolicyModel(kind!.Value, pointer.ToString(), conditions, rules, levels, otherwise, broken, recommendations);
            }

            /// <summary>Reads an array of items that have ids unique among <paramref name="ids"/>, each with <paramref name="read"/>.</summary>
            private ImmutableArray<T> Items<T>(ref Utf8JsonReader reader, JsonPath at, HashSet<string> ids, PropertyNames names, ItemReader<T> read)
            {
                Next(ref reader, JsonTokenType.StartArray);
                var items = ImmutableArray.CreateBuilder<T>();
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i >= _limits.MaxRules || reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Unclean();
                    }

                    var item = new Item(at.Child(i), names);
                    items.Add(read(ref reader, ref item));
                    if (item.Id is not { } id || !IsValidId(id) || !ids.Add(id))
                    {
                        throw Unclean();
                    }
                }

                return items.ToImmutable();
            }

            private NamedConditionModel ReadNamedCondition(ref Utf8JsonReader reader, ref Item item)
            {
                var role = ConditionRole.Helper;
                LocalizedText? title = null, met = null, notMet = null, unknown = null;
                ConditionNode? when = null;
                int index;
                while ((index = item.Next(ref reader, _limits)) >= 0)
                {
                    switch (index)
                    {
                        case 1:
                            role = EnumOf<ConditionRole>(ref reader, allowZero: true);
                            break;
                        case 2:
                            title = _texts.Read(ref reader, 0);
                            break;
                        case 3:
                            when = When(ref reader, item.Pointer);
                            break;
                        default:
                            Next(ref reader, JsonTokenType.StartObject);
                            var seen = 0UL;
                            int message;
                            while ((message = NextProperty(ref reader, s_namedMessageProps, ref seen)) >= 0)
                            {
                                var text = _texts.Read(ref reader, _limits.MaxPlaceholders);
                                _ = message switch
                                {
                                    0 => met = text,
                                    1 => notMet = text,
                                    _ => unknown = text,
                                };
                            }

                            break;
                    }
                }

                return title is null || when is null || met is null || notMet is null || unknown is null
                    ? throw Unclean()
                    : new NamedConditionModel(item.Id!, item.Pointer.ToString(), role, title, when, met, notMet, unknown);
            }

            private RuleModel ReadRule(ref Utf8JsonReader reader, ref Item item)
            {
                RuleStage? stage = null;
                ConditionNode? when = null;
                (EffectKind Kind, Outlook Outlook, int Score)? effect = null;
                LocalizedText? fired = null, unknown = null, notFired = null, basis = null;
                int index;
                while ((index = item.Next(ref reader, _limits)) >= 0)
                {
                    switch (index)
                    {
                        case 1:
                            stage = EnumOf<RuleStage>(ref reader, allowZero: true);
                            break;
                        case 2:
                            when = When(ref reader, item.Pointer);
                            break;
                        case 3:
                            effect = ReadEffect(ref reader);
                            break;
                        case 4:
                            Next(ref reader, JsonTokenType.StartObject);
                            var seen = 0UL;
                            int message;
                            while ((message = NextProperty(ref reader, s_ruleMessageProps, ref seen)) >= 0)
                            {
                                var text = _texts.Read(ref reader, _limits.MaxPlaceholders);
                                _ = message switch
                                {
                                    0 => fired = text,
                                    1 => unknown = text,
                                    _ => notFired = text,
                                };
                            }

                            break;
                        default:
                            basis = _texts.Read(ref reader, 0);
                            break;
                    }
                }

                if (stage is not { } st || when is null || effect is not { } e || fired is null || unknown is null || basis is null)
                {
                    throw Unclean();
                }

                var expected = st switch
                {
                    RuleStage.Terminal or RuleStage.Override or RuleStage.Base => EffectKind.Outlook,
                    RuleStage.Adjust => EffectKind.Score,
                    RuleStage.Cap => EffectKind.Cap,
                    _ => EffectKind.Info,
                };
                return e.Kind != expected
                    ? throw Unclean()
                    : new RuleModel(item.Id!, item.Pointer.ToString(), (RuleStageModel)st, when, e.Kind, e.Outlook, e.Score, fired, unknown, notFired, basis);
            }

            private static (EffectKind Kind, Outlook Outlook, int Score) ReadEffect(ref Utf8JsonReader reader)
            {
                Next(ref reader, JsonTokenType.StartObject);
                var seen = 0UL;
                var index = NextProperty(ref reader, s_effectProps, ref seen);
                (EffectKind, Outlook, int) effect = index switch
                {
                    0 => (EffectKind.Outlook, EnumOf<Outlook>(ref reader, allowZero: true), 0),
                    1 => (EffectKind.Score, Outlook.VeryUnlikely, Int(ref reader, -3, 3)),
                    2 => (EffectKind.Cap, EnumOf<Outlook>(ref reader, allowZero: true), 0),
                    3 => reader.Read() && reader.TokenType == JsonTokenType.True ? (EffectKind.Info, Outlook.VeryUnlikely, 0) : throw Unclean(),
                    _ => throw Unclean(),
                };

                // Exactly one effect.
                return NextProperty(ref reader, s_effectProps, ref seen) < 0 ? effect : throw Unclean();
            }

            private (ImmutableArray<ConfidenceLevelModel> Levels, Confidence Otherwise) ReadConfidence(ref Utf8JsonReader reader, JsonPath at)
            {
                Next(ref reader, JsonTokenType.StartObject);
                var otherwise = Confidence.Low;
                var levels = ImmutableArray.CreateBuilder<ConfidenceLevelModel>();
                var seen = 0UL;
                int index;
                while ((index = NextProperty(ref reader, s_confidenceProps, ref seen)) >= 0)
                {
                    if (index == 1)
                    {
                        otherwise = EnumOf<Confidence>(ref reader, allowZero: true);
                        continue;
                    }

                    var levelsAt = at.Child("levels");
                    Next(ref reader, JsonTokenType.StartArray);
                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (i >= 8 || reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw Unclean();
                        }

                        var levelAt = levelsAt.Child(i);
                        Confidence? level = null;
                        ConditionNode? when = null;
                        var levelSeen = 0UL;
                        int levelIndex;
                        while ((levelIndex = NextProperty(ref reader, s_levelProps, ref levelSeen)) >= 0)
                        {
                            if (levelIndex == 0)
                            {
                                level = EnumOf<Confidence>(ref reader, allowZero: true);
                            }
                            else
                            {
                                when = When(ref reader, levelAt);
                            }
                        }

                        levels.Add(level is { } l && when is not null ? new ConfidenceLevelModel(l, when) : throw Unclean());
                    }
                }

                Require(seen, 0b11);
                return (levels.ToImmutable(), otherwise);
            }

            private ActionModel ReadAction(ref Utf8JsonReader reader, ref Item item)
            {
                ConditionNode? when = null;
                ActionChannel? channel = null;
                ActionTiming? timing = null;
                LocalizedText? text = null;
                int index;
                while ((index = item.Next(ref reader, _limits)) >= 0)
                {
                    switch (index)
                    {
                        case 1:
                            when = When(ref reader, item.Pointer);
                            break;
                        case 2:
                            channel = EnumOf<ActionChannel>(ref reader, allowZero: true);
                            break;
                        case 3:
                            timing = EnumOf<ActionTiming>(ref reader, allowZero: true);
                            break;
                        default:
                            text = _texts.Read(ref reader, _limits.MaxPlaceholders);
                            break;
                    }
                }

                return when is not null && channel is { } c && timing is { } t && text is not null
                    ? new ActionModel(item.Id!, item.Pointer.ToString(), when, c, t, text)
                    : throw Unclean();
            }

            private AdviceModel ReadAdvice(ref Utf8JsonReader reader, ref Item item)
            {
                ConditionNode? when = null;
                LocalizedText? text = null;
                int index;
                while ((index = item.Next(ref reader, _limits)) >= 0)
                {
                    if (index == 1)
                    {
                        when = When(ref reader, item.Pointer);
                    }
                    else
                    {
                        text = _texts.Read(ref reader, _limits.MaxPlaceholders);
                    }
                }

                return when is not null && text is not null ? new AdviceModel(item.Id!, item.Pointer.ToString(), when, text) : throw Unclean();
            }

            private DraftModel ReadDraft(ref Utf8JsonReader reader, ref Item item)
            {
                DraftKind? kind = null;
                ConditionNode? when = null;
                LocalizedText? title = null, subject = null;
                ImmutableArray<DraftPartModel>? parts = null;
                int index;
                while ((index = item.Next(ref reader, _limits)) >= 0)
                {
                    switch (index)
                    {
                        case 1:
                            kind = EnumOf<DraftKind>(ref reader, allowZero: true);
                            break;
                        case 2:
                            when = When(ref reader, item.Pointer);
                            break;
                        case 3:
                            title = _texts.Read(ref reader, _limits.MaxPlaceholders);
                            break;
                        case 4:
                            subject = _texts.Read(ref reader, _limits.MaxPlaceholders);
                            break;
                        default:
                            parts = ReadParts(ref reader, item.Pointer.Child("parts"));
                            break;
                    }
                }

                return kind is { } k && when is not null && title is not null && parts is { } p
                    ? new DraftModel(item.Id!, item.Pointer.ToString(), k, when, title, subject, p)
                    : throw Unclean();
            }

            private ImmutableArray<DraftPartModel> ReadParts(ref Utf8JsonReader reader, JsonPath at)
            {
                Next(ref reader, JsonTokenType.StartArray);
                var parts = ImmutableArray.CreateBuilder<DraftPartModel>();
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i >= 200 || reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Unclean();
                    }

                    var partAt = at.Child(i);
                    ConditionNode? when = null;
                    LocalizedText? text = null;
                    var seen = 0UL;
                    int index;
                    while ((index = NextProperty(ref reader, s_partProps, ref seen)) >= 0)
                    {
                        if (index == 0)
                        {
                            when = When(ref reader, partAt);
                        }
                        else
                        {
                            text = _texts.Read(ref reader, _limits.MaxPlaceholders);
                        }
                    }

                    parts.Add(text is not null ? new DraftPartModel(when, text) : throw Unclean());
                }

                return parts.ToImmutable();
            }

            /// <summary>Reads the <c>when</c> of an item, a confidence level or a draft part: a condition that may hold references.</summary>
            private ConditionNode When(ref Utf8JsonReader reader, JsonPath item)
            {
                reader.Read();
                return Condition(ref reader, item.Child("when"), 0, allowRefs: true, forbidden: null);
            }

            /// <summary>Reads a condition node; the reader is on its first token.</summary>
            private ConditionNode Condition(ref Utf8JsonReader reader, JsonPath pointer, int depth, bool allowRefs, FactId? forbidden)
            {
                if (++_nodes > _limits.MaxConditionNodes || depth > _limits.MaxConditionDepth || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Unclean();
                }

                Next(ref reader, JsonTokenType.PropertyName);

                // The first name tells the node's kind: one of 'all', 'any', 'not' or 'ref' alone, 'atLeast' with 'of', or a comparison.
                var node = s_nodeNames.Utf8;
                for (var i = 0; i < node.Length; i++)
                {
                    if (!reader.ValueTextEquals(node[i]))
                    {
                        continue;
                    }

                    ConditionNode result = i switch
                    {
                        0 => new AllNode(Children(ref reader, pointer.Child("all"), depth, allowRefs, forbidden)),
                        1 => new AnyNode(Children(ref reader, pointer.Child("any"), depth, allowRefs, forbidden)),
                        2 => new NotNode(NotChild(ref reader, pointer.Child("not"), depth, allowRefs, forbidden)),
                        _ => allowRefs ? new RefNode(pointer.Child("ref").ToString(), String(ref reader, _limits.MaxIdLength)) : throw Unclean(),
                    };
                    Next(ref reader, JsonTokenType.EndObject);
                    return result;
                }

                return reader.ValueTextEquals("atLeast"u8) || reader.ValueTextEquals("of"u8)
                    ? AtLeast(ref reader, pointer, depth, allowRefs, forbidden)
                    : Compare(ref reader, forbidden);
            }

            private ConditionNode NotChild(ref Utf8JsonReader reader, JsonPath at, int depth, bool allowRefs, FactId? forbidden)
            {
                reader.Read();
                return Condition(ref reader, at, depth + 1, allowRefs, forbidden);
            }

            /// <summary>Reads an <c>atLeast</c> node; the reader is on its first property's name.</summary>
            private AtLeastNode AtLeast(ref Utf8JsonReader reader, JsonPath pointer, int depth, bool allowRefs, FactId? forbidden)
            {
                int? count = null;
                ImmutableArray<ConditionNode>? children = null;
                var seen = 0UL;
                var index = Find(ref reader, s_atLeastProps, ref seen);
                do
                {
                    if (index == 0)
                    {
                        Next(ref reader, JsonTokenType.Number);
                        count = reader.TryGetInt32(out var n) && n >= 1 ? n : throw Unclean();
                    }
                    else
                    {
                        children = Children(ref reader, pointer.Child("of"), depth, allowRefs, forbidden);
                    }
                }
                while ((index = NextProperty(ref reader, s_atLeastProps, ref seen)) >= 0);

                return count is { } c && children is { } list && c <= list.Length ? new AtLeastNode(c, list) : throw Unclean();
            }

            private ImmutableArray<ConditionNode> Children(ref Utf8JsonReader reader, JsonPath at, int depth, bool allowRefs, FactId? forbidden)
            {
                Next(ref reader, JsonTokenType.StartArray);
                var start = _children.Count;
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    _children.Add(Condition(ref reader, at.Child(i), depth + 1, allowRefs, forbidden));
                }

                var children = ImmutableArray.Create(CollectionsMarshal.AsSpan(_children)[start..]);
                _children.RemoveRange(start, _children.Count - start);
                return children;
            }

            /// <summary>Reads a comparison; the reader is on its first property's name.</summary>
            private CompareNode Compare(ref Utf8JsonReader reader, FactId? forbidden)
            {
                FactDefinition? fact = null;
                CompareOp? op = null;
                Utf8JsonReader value = default, values = default;
                var seen = 0UL;
                var index = Find(ref reader, s_compareProps, ref seen);
                do
                {
                    switch (index)
                    {
                        case 0:
                            Next(ref reader, JsonTokenType.String);
                            fact = FactOf(ref reader);
                            break;
                        case 1:
                            op = EnumOf<CompareOp>(ref reader, allowZero: true);
                            break;
                        default:
                            // The literals are read once the fact is known: keep where they are and skip them.
                            if (index == 2)
                            {
                                value = reader;
                            }
                            else
                            {
                                values = reader;
                            }

                            reader.Skip();
                            break;
                    }
                }
                while ((index = NextProperty(ref reader, s_compareProps, ref seen)) >= 0);

                if (fact is null || op is not { } o
                    || (fact.Id == FactId.Outlook && !_inRecommendations)
                    || (forbidden is { } forbiddenFact && fact.Id == forbiddenFact))
                {
                    throw Unclean();
                }

                var hasValue = (seen & 0b100) != 0;
                var hasValues = (seen & 0b1000) != 0;
                switch (o)
                {
                    case CompareOp.IsKnown:
                        return hasValue || hasValues ? throw Unclean() : new CompareNode(fact, o, []);
                    case CompareOp.In or CompareOp.NotIn:
                        if (!hasValues || hasValue)
                        {
                            throw Unclean();
                        }

                        Next(ref values, JsonTokenType.StartArray);
                        _codes.Clear();
                        while (values.Read() && values.TokenType != JsonTokenType.EndArray)
                        {
                            _codes.Add(Literal(ref values, fact));
                        }

                        return _codes.Count == 0 || _codes.Count > _limits.MaxValuesPerList
                            ? throw Unclean()
                            : new CompareNode(fact, o, ImmutableArray.Create(CollectionsMarshal.AsSpan(_codes)));
                    default:
                        if (!hasValue || hasValues || (o is CompareOp.Lt or CompareOp.Le or CompareOp.Gt or CompareOp.Ge && fact.Type is FactType.Bool or FactType.Enum))
                        {
                            throw Unclean();
                        }

                        value.Read();
                        return new CompareNode(fact, o, [Literal(ref value, fact)]);
                }
            }

            /// <summary>Finds the catalogued fact whose name the reader's string is.</summary>
            private static FactDefinition FactOf(ref Utf8JsonReader reader)
            {
                for (var i = 0; i < s_factNames.Length; i++)
                {
                    if (reader.ValueTextEquals(s_factNames[i]))
                    {
                        return FactCatalog.All[i];
                    }
                }

                throw Unclean();
            }

            /// <summary>Matches the reader's property name, the first of an object, among <paramref name="names"/>.</summary>
            private static int Find(ref Utf8JsonReader reader, PropertyNames names, ref ulong seen)
            {
                var utf8 = names.Utf8;
                for (var i = 0; i < utf8.Length; i++)
                {
                    if (reader.ValueTextEquals(utf8[i]))
                    {
                        seen |= 1UL << i;
                        return i;
                    }
                }

                throw Unclean();
            }

            /// <summary>Reads one literal of a comparison as <see cref="RuleSetReader.Literal"/> does; the reader is on it.</summary>
            private static int Literal(ref Utf8JsonReader reader, FactDefinition fact)
            {
                switch (fact.Type)
                {
                    case FactType.Bool when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                        return reader.TokenType == JsonTokenType.True ? 1 : 0;
                    case FactType.Int when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && number != FactCatalog.Unknown:
                        return number is < -MaxDays or > MaxDays ? throw Unclean() : number;
                    case FactType.Date when reader.TokenType == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                        return date.DayNumber;
                    case FactType.Enum when reader.TokenType == JsonTokenType.String && (int)fact.Id < s_enumValues.Length:
                        var names = s_enumValues[(int)fact.Id];
                        for (var i = 1; i < names.Length; i++)
                        {
                            if (reader.ValueTextEquals(names[i]))
                            {
                                return i;
                            }
                        }

                        throw Unclean();
                    default:
                        throw Unclean();
                }
            }
        }

        /// <summary>Reads one item's properties; the <c>id</c> is read here, the rest by the item's reader.</summary>
        private delegate T ItemReader<T>(ref Utf8JsonReader reader, ref Item item);

        /// <summary>An item of an array (a named condition, a rule, an action, ...) being read: where it is, its names and its id.</summary>
        private struct Item(JsonPath pointer, PropertyNames names)
        {
            private ulong _seen;

            public JsonPath Pointer { get; } = pointer;

            public string? Id { get; private set; }

            /// <summary>Moves to the next property but <c>id</c> (which it reads); returns its index, or -1 at the end.</summary>
            public int Next(ref Utf8JsonReader reader, RuleSetLimits limits)
            {
                int index;
                while ((index = NextProperty(ref reader, names, ref _seen)) == 0)
                {
                    Id = String(ref reader, limits.MaxIdLength);
                }

                return index;
            }
        }

        /// <summary>Reads <c>{"en": ..., "ja": ...}</c> texts as <see cref="RuleSetReader.Text"/> does.</summary>
        private sealed class LocalizedTextReader(RuleSetLimits limits)
        {
            private readonly RuleSetLimits _limits = limits;

            /// <summary>Reads a text; the reader is on its property's name.</summary>
            public LocalizedText Read(ref Utf8JsonReader reader, int maxPlaceholders)
            {
                Next(ref reader, JsonTokenType.StartObject);
                string? en = null, ja = null;
                var seen = 0UL;
                int index;
                while ((index = NextProperty(ref reader, s_textProps, ref seen)) >= 0)
                {
                    var text = String(ref reader, _limits.MaxTextLength);
                    _ = index == 0 ? en = text : ja = text;
                }

                if (en is null || ja is null
                    || Template.TryParse(en, maxPlaceholders, out _) is not { } enTemplate
                    || Template.TryParse(ja, maxPlaceholders, out _) is not { } jaTemplate
                    || !enTemplate.Placeholders.AsSpan().SequenceEqual(jaTemplate.Placeholders.AsSpan()))
                {
                    throw Unclean();
                }

                return new LocalizedText(enTemplate, jaTemplate);
            }
        }
    }
}
