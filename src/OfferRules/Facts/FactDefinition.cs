namespace OfferRules.Facts;

/// <summary>One entry of the fact catalog: its JSON name, its type, and how to read it to a person.</summary>
internal sealed class FactDefinition
{
    public FactDefinition(FactId id, string name, FactType type, string[]? enumNames, bool isDerived, string labelEn, string labelJa)
    {
        Id = id;
        Name = name;
        Type = type;
        EnumNames = enumNames ?? [];
        IsDerived = isDerived;
        LabelEn = labelEn;
        LabelJa = labelJa;
    }

    public FactId Id { get; }

    public string Name { get; }

    public FactType Type { get; }

    /// <summary>Gets the member names of an enum fact, indexed by their code; index 0 is <c>unknown</c>.</summary>
    public string[] EnumNames { get; }

    public bool IsDerived { get; }

    public string LabelEn { get; }

    public string LabelJa { get; }

    public string Label(Language language) => language == Language.Japanese ? LabelJa : LabelEn;

    public override string ToString() => Name;
}
