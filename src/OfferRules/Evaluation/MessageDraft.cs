using System.Text;

namespace OfferRules.Evaluation;

/// <summary>A message the candidate can adapt and use: a phone script, an email or a letter, personalised from the case.</summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>
/// A draft from an evaluation renders its texts (<see cref="Title"/>, <see cref="Subject"/> and <see cref="Body"/>)
/// only when one of them is first read, so a caller that never reads a draft does not pay for it. Which parts of the
/// text apply is decided during the evaluation; reading renders the same text an eager rendering would, and threads
/// that read at once all get equal text. Equality compares the texts, not how they were made.
/// </para>
/// </remarks>
public sealed record MessageDraft
{
    /// <summary>Either a <see cref="DraftTexts"/> (rendered) or a <see cref="DraftSource"/> (rendered on first read).</summary>
    private object _texts;

    /// <summary>Initializes a new draft with its texts.</summary>
    /// <param name="Id">The stable id of the draft, for example <c>D-EMAIL</c>.</param>
    /// <param name="Kind">The kind of draft.</param>
    /// <param name="Title">What the draft is for.</param>
    /// <param name="Subject">The subject line of an email; otherwise <see langword="null"/>.</param>
    /// <param name="Body">The text. Names that the case does not give are left as bracketed placeholders.</param>
#pragma warning disable IDE1006 // the parameters keep the names of the positional record this type was, for named arguments
    public MessageDraft(string Id, DraftKind Kind, string Title, string? Subject, string Body)
#pragma warning restore IDE1006
    {
        this.Id = Id;
        this.Kind = Kind;
        _texts = new DraftTexts(Title, Subject, Body);
    }

    /// <summary>Initializes a draft whose texts are rendered on first read.</summary>
    internal MessageDraft(string id, DraftKind kind, DraftSource source)
    {
        Id = id;
        Kind = kind;
        _texts = source;
    }

    /// <summary>Gets the stable id of the draft, for example <c>D-EMAIL</c>.</summary>
    public string Id { get; init; }

    /// <summary>Gets the kind of draft.</summary>
    public DraftKind Kind { get; init; }

    /// <summary>Gets what the draft is for.</summary>
    public string Title
    {
        get => Texts.Title;
        init => _texts = Texts with { Title = value };
    }

    /// <summary>Gets the subject line of an email; otherwise <see langword="null"/>.</summary>
    public string? Subject
    {
        get => Texts.Subject;
        init => _texts = Texts with { Subject = value };
    }

    /// <summary>Gets the text. Names that the case does not give are left as bracketed placeholders.</summary>
    public string Body
    {
        get => Texts.Body;
        init => _texts = Texts with { Body = value };
    }

    /// <summary>Gets whether the texts have been rendered; for tests of the laziness.</summary>
    internal bool IsRendered => Volatile.Read(ref _texts) is DraftTexts;

    private DraftTexts Texts
    {
        get
        {
            var current = Volatile.Read(ref _texts);
            if (current is DraftTexts texts)
            {
                return texts;
            }

            // Threads that read at once may each render; the first to publish wins and all return its texts.
            var rendered = ((DraftSource)current).Render();
            return Interlocked.CompareExchange(ref _texts, rendered, current) is DraftTexts won ? won : rendered;
        }
    }

    /// <summary>Deconstructs the draft into its id, kind and texts.</summary>
    /// <param name="Id">The stable id of the draft.</param>
    /// <param name="Kind">The kind of draft.</param>
    /// <param name="Title">What the draft is for.</param>
    /// <param name="Subject">The subject line of an email; otherwise <see langword="null"/>.</param>
    /// <param name="Body">The text.</param>
#pragma warning disable IDE1006 // as the constructor
    public void Deconstruct(out string Id, out DraftKind Kind, out string Title, out string? Subject, out string Body)
#pragma warning restore IDE1006
    {
        Id = this.Id;
        Kind = this.Kind;
        var texts = Texts;
        Title = texts.Title;
        Subject = texts.Subject;
        Body = texts.Body;
    }

    /// <summary>Compares the id, kind and texts of two drafts.</summary>
    /// <param name="other">The other draft.</param>
    /// <returns>Whether both have the same id, kind, title, subject and body.</returns>
    public bool Equals(MessageDraft? other) =>
        other is not null
        && (ReferenceEquals(this, other) || (Id == other.Id && Kind == other.Kind && Texts == other.Texts));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Texts);

    private bool PrintMembers(StringBuilder builder)
    {
        var texts = Texts;
        builder.Append("Id = ").Append(Id)
            .Append(", Kind = ").Append(Kind.ToString())
            .Append(", Title = ").Append(texts.Title)
            .Append(", Subject = ").Append(texts.Subject)
            .Append(", Body = ").Append(texts.Body);
        return true;
    }
}

/// <summary>The rendered texts of a draft.</summary>
internal sealed record DraftTexts(string Title, string? Subject, string Body);
