using OfferRules.Evaluation;

namespace OfferRules.Benchmarks.Peers;

/// <summary>What a peer engine gives back: the decision and the ids of the rules and conditions that held, in the engine's order.</summary>
/// <param name="Decision">The outlook and confidence.</param>
/// <param name="Fired">The rules (and named conditions) that held.</param>
public sealed record PeerResult(Decision Decision, IReadOnlyList<string> Fired);

/// <summary>
/// Folds rule effects into a decision the way the default policy's stages do: an invalid rule makes the case
/// invalid; the first terminal rule (in rule order) settles the outlook; otherwise base, the sum of the adjustments
/// clamped to the scale, then the lowest cap, raised to the highest floor that held; the highest confidence level
/// that held.
/// </summary>
public sealed class PolicyOutcome
{
    private readonly List<string> _fired = [];
    private bool _invalid;
    private int _terminalOrder = int.MaxValue;
    private Outlook _terminal;
    private int _score;
    private int _cap = (int)Outlook.Likely;
    private int _floor = (int)Outlook.VeryUnlikely;
    private Confidence _confidence = Confidence.Low;

    /// <summary>Records a rule or condition that held.</summary>
    public void Fired(string id) => _fired.Add(id);

    /// <summary>Applies one effect of a rule that held.</summary>
    public void Apply(RuleEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _fired.Add(effect.RuleId);
        switch (effect.Kind)
        {
            case EffectKind.Invalid:
                _invalid = true;
                break;
            case EffectKind.Terminal when effect.Order < _terminalOrder:
                _terminalOrder = effect.Order;
                _terminal = (Outlook)effect.Value;
                break;
            case EffectKind.Floor:
                _floor = Math.Max(_floor, effect.Value);
                break;
            case EffectKind.Base:
            case EffectKind.Adjust:
                _score += effect.Value;
                break;
            case EffectKind.Cap:
                _cap = Math.Min(_cap, effect.Value);
                break;
            case EffectKind.Confidence:
                _confidence = (Confidence)Math.Max((int)_confidence, effect.Value);
                break;
        }
    }

    /// <summary>Gets the decision and the fired rules.</summary>
    public PeerResult Resolve()
    {
        if (_invalid)
        {
            return new PeerResult(new Decision(EvaluationStatus.Invalid, null, null), _fired);
        }

        var outlook = _terminalOrder != int.MaxValue
            ? _terminal
            : (Outlook)Math.Max(_floor, Math.Min(Math.Clamp(_score, (int)Outlook.VeryUnlikely, (int)Outlook.Likely), _cap));
        return new PeerResult(new Decision(EvaluationStatus.Evaluated, outlook, _confidence), _fired);
    }
}

/// <summary>What a rule does when it holds.</summary>
public enum EffectKind
{
    /// <summary>Only reported (a named condition).</summary>
    Report,

    /// <summary>The case is invalid.</summary>
    Invalid,

    /// <summary>Settles the outlook.</summary>
    Terminal,

    /// <summary>The least the outlook can be, whatever the score and the caps.</summary>
    Floor,

    /// <summary>The starting score.</summary>
    Base,

    /// <summary>Adds to the score.</summary>
    Adjust,

    /// <summary>A ceiling on the outlook.</summary>
    Cap,

    /// <summary>A confidence level.</summary>
    Confidence,
}

/// <summary>One rule's effect.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Value">The outlook, score step, cap or confidence level.</param>
/// <param name="Order">The rule's position, which orders terminal rules.</param>
public sealed record RuleEffect(string RuleId, EffectKind Kind, int Value, int Order)
{
    /// <summary>Parses an effect written as <c>kind</c> or <c>kind:value</c>, e.g. <c>cap:possible</c> or <c>adjust:-1</c>.</summary>
    public static RuleEffect Parse(string ruleId, string text, int order)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        var value = colon < 0 ? string.Empty : text[(colon + 1)..];
        return kind switch
        {
            "invalid" => new(ruleId, EffectKind.Invalid, 0, order),
            "condition" or "failureReason" => new(ruleId, EffectKind.Report, 0, order),
            "terminal" => new(ruleId, EffectKind.Terminal, (int)Enum.Parse<Outlook>(value, ignoreCase: true), order),
            "floor" => new(ruleId, EffectKind.Floor, (int)Enum.Parse<Outlook>(value, ignoreCase: true), order),
            "base" => new(ruleId, EffectKind.Base, (int)Enum.Parse<Outlook>(value, ignoreCase: true), order),
            "adjust" => new(ruleId, EffectKind.Adjust, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), order),
            "cap" => new(ruleId, EffectKind.Cap, (int)Enum.Parse<Outlook>(value, ignoreCase: true), order),
            "confidence" => new(ruleId, EffectKind.Confidence, (int)Enum.Parse<Confidence>(value, ignoreCase: true), order),
            _ => throw new FormatException($"Unknown effect '{text}' on rule {ruleId}."),
        };
    }
}
