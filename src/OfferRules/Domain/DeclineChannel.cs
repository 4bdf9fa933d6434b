namespace OfferRules.Domain;

/// <summary>How the candidate delivered the decline.</summary>
public enum DeclineChannel
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>By telephone.</summary>
    Phone,

    /// <summary>Face to face.</summary>
    InPerson,

    /// <summary>Through the recruitment agent that handled the offer.</summary>
    ViaAgent,

    /// <summary>By email only.</summary>
    Email,

    /// <summary>By a chat or portal message (LINE, SMS, a job-site inbox).</summary>
    ChatMessage,

    /// <summary>By posted letter.</summary>
    Letter,

    /// <summary>Through a paid decline-by-proxy service (内定辞退代行).</summary>
    ProxyService,

    /// <summary>No contact at all: the candidate went silent.</summary>
    NoContact,
}
