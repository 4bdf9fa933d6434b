using System.Globalization;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Facts;
using OfferRules.Internal;
using OfferRules.Rules;

namespace OfferRules.Serialization;

/// <summary>Writes a loaded rule set back to JSON. Loading the output gives a rule set that decides and explains every case the same way.</summary>
internal static class RuleSetWriter
{
    public static void Write(Utf8JsonWriter w, RuleSetModel m)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", 1);
        w.WriteString("id", m.Id);
        w.WriteString("version", m.Version);
        Text(w, "title", m.Title);
        w.WriteStartObject("timingBands");
        w.WriteNumber("immediateMaxDays", m.TimingBands.ImmediateMaxDays);
        w.WriteNumber("withinWeekMaxDays", m.TimingBands.WithinWeekMaxDays);
        w.WriteNumber("lateMaxDays", m.TimingBands.LateMaxDays);
        w.WriteEndObject();
        w.WriteStartObject("planning");
        w.WriteNumber("followUpBusinessDays", m.Planning.FollowUpBusinessDays);
        w.WriteEndObject();
        w.WriteStartObject("conduct");
        w.WriteStartArray("cases");
        foreach (var c in m.Conduct)
        {
            w.WriteStartObject();
            w.WriteString("value", JsonNames<ConductQuality>.Of(c.Value));
            Condition(w, "when", c.When);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("otherwise", JsonNames<ConductQuality>.Of(m.ConductOtherwise));
        w.WriteEndObject();
        w.WriteStartArray("policies");
        foreach (var p in m.Policies)
        {
            Policy(w, p);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Policy(Utf8JsonWriter w, PolicyModel p)
    {
        w.WriteStartObject();
        w.WriteString("kind", JsonNames<Domain.CaseKind>.Of(p.Kind));
        w.WriteStartArray("conditions");
        foreach (var c in p.Conditions)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("role", JsonNames<ConditionRole>.Of(c.Role));
            Text(w, "title", c.Title);
            Condition(w, "when", c.When);
            w.WriteStartObject("messages");
            Text(w, "met", c.Met);
            Text(w, "notMet", c.NotMet);
            Text(w, "unknown", c.Unknown);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var r in p.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("stage", JsonNames<RuleStage>.Of((RuleStage)r.Stage));
            Condition(w, "when", r.When);
            w.WriteStartObject("effect");
            switch (r.Effect)
            {
                case EffectKind.Outlook:
                    w.WriteString("outlook", JsonNames<Outlook>.Of(r.Outlook));
                    break;
                case EffectKind.Cap:
                    w.WriteString("cap", JsonNames<Outlook>.Of(r.Outlook));
                    break;
                case EffectKind.Score:
                    w.WriteNumber("score", r.Score);
                    break;
                default:
                    w.WriteBoolean("info", true);
                    break;
            }

            w.WriteEndObject();
            w.WriteStartObject("messages");
            Text(w, "fired", r.Fired);
            Text(w, "unknown", r.Unknown);
            if (r.NotFired is { } notFired)
            {
                Text(w, "notFired", notFired);
            }

            w.WriteEndObject();
            Text(w, "basis", r.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("confidence");
        w.WriteStartArray("levels");
        foreach (var level in p.Confidence)
        {
            w.WriteStartObject();
            w.WriteString("level", JsonNames<Confidence>.Of(level.Level));
            Condition(w, "when", level.When);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("otherwise", JsonNames<Confidence>.Of(p.ConfidenceOtherwise));
        w.WriteEndObject();

        var recs = p.Recommendations;
        w.WriteStartArray("actions");
        foreach (var a in recs.Actions)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            Condition(w, "when", a.When);
            w.WriteString("channel", JsonNames<ActionChannel>.Of(a.Channel));
            w.WriteString("timing", JsonNames<ActionTiming>.Of(a.Timing));
            Text(w, "messages", a.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Advice(w, "caveats", recs.Caveats);
        Advice(w, "fallbacks", recs.Fallbacks);
        w.WriteStartArray("drafts");
        foreach (var d in recs.Drafts)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("kind", JsonNames<DraftKind>.Of(d.Kind));
            Condition(w, "when", d.When);
            Text(w, "title", d.Title);
            if (d.Subject is { } subject)
            {
                Text(w, "subject", subject);
            }

            w.WriteStartArray("parts");
            foreach (var part in d.Parts)
            {
                w.WriteStartObject();
                if (part.When is { } when)
                {
                    Condition(w, "when", when);
                }

                Text(w, "text", part.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Advice(Utf8JsonWriter w, string name, IEnumerable<AdviceModel> items)
    {
        w.WriteStartArray(name);
        foreach (var a in items)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            Condition(w, "when", a.When);
            Text(w, "messages", a.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter w, string name, LocalizedText text)
    {
        w.WriteStartObject(name);
        w.WriteString("en", text.En.Source);
        w.WriteString("ja", text.Ja.Source);
        w.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter w, string name, ConditionNode node)
    {
        w.WritePropertyName(name);
        Condition(w, node);
    }

    private static void Condition(Utf8JsonWriter w, ConditionNode node)
    {
        w.WriteStartObject();
        switch (node)
        {
            case AllNode all:
                Children(w, "all", all.Children);
                break;
            case AnyNode any:
                Children(w, "any", any.Children);
                break;
            case NotNode not:
                Condition(w, "not", not.Child);
                break;
            case AtLeastNode atLeast:
                w.WriteNumber("atLeast", atLeast.Count);
                Children(w, "of", atLeast.Children);
                break;
            case RefNode reference:
                w.WriteString("ref", reference.Id);
                break;
            case CompareNode compare:
                w.WriteString("fact", compare.Fact.Name);
                w.WriteString("op", JsonNames<CompareOp>.Of(compare.Op));
                if (compare.Op is CompareOp.In or CompareOp.NotIn)
                {
                    w.WriteStartArray("values");
                    foreach (var v in compare.Values)
                    {
                        Literal(w, compare.Fact, v);
                    }

                    w.WriteEndArray();
                }
                else if (compare.Op != CompareOp.IsKnown)
                {
                    w.WritePropertyName("value");
                    Literal(w, compare.Fact, compare.Values[0]);
                }

                break;
        }

        w.WriteEndObject();
    }

    private static void Children(Utf8JsonWriter w, string name, IEnumerable<ConditionNode> children)
    {
        w.WriteStartArray(name);
        foreach (var child in children)
        {
            Condition(w, child);
        }

        w.WriteEndArray();
    }

    private static void Literal(Utf8JsonWriter w, FactDefinition fact, int code)
    {
        switch (fact.Type)
        {
            case FactType.Bool:
                w.WriteBooleanValue(code == 1);
                break;
            case FactType.Int:
                w.WriteNumberValue(code);
                break;
            case FactType.Date:
                w.WriteStringValue(DateOnly.FromDayNumber(code).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteStringValue(fact.EnumNames[code]);
                break;
        }
    }
}
