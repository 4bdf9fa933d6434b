namespace OfferRules.Evaluation;

/// <summary>Whether a "what would help" suggestion is something to find out or something to do.</summary>
public enum SuggestionKind
{
    /// <summary>A fact that is not known yet; finding it out could change the outlook.</summary>
    FindOut = 0,

    /// <summary>Something the candidate can still change now.</summary>
    Act = 1,
}
