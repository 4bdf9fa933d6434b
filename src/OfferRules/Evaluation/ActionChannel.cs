namespace OfferRules.Evaluation;

/// <summary>How a step of the action plan is carried out.</summary>
public enum ActionChannel
{
    /// <summary>No particular channel.</summary>
    None = 0,

    /// <summary>A phone call.</summary>
    Phone,

    /// <summary>A visit in person.</summary>
    Visit,

    /// <summary>An email.</summary>
    Email,

    /// <summary>A posted letter.</summary>
    Letter,

    /// <summary>Through the recruitment agent.</summary>
    Agent,

    /// <summary>Preparing notes for yourself.</summary>
    Notes,

    /// <summary>Gathering documents.</summary>
    Documents,

    /// <summary>Looking things up, for example job postings.</summary>
    Web,

    /// <summary>Asking for advice, for example at a labour consultation desk.</summary>
    Consultation,
}
