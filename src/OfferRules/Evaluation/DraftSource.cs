using OfferRules.Facts;
using OfferRules.Rules;

namespace OfferRules.Evaluation;

/// <summary>
/// What a draft needs to render its texts later: the templates chosen for the case (the draft's conditions and those
/// of its parts were decided during the evaluation), a copy of the case's facts and the plan's text context.
/// </summary>
/// <remarks>Immutable: rendering only reads it, so any number of threads may render from one source.</remarks>
internal sealed class DraftSource(Template title, Template? subject, Template[] parts, int[] facts, TextContext text, Language language)
{
    /// <summary>Renders the title, subject and body, the parts of the body one line each.</summary>
    public DraftTexts Render()
    {
        var titleText = Texts.Render(title, language, facts, text);
        var subjectText = subject is null ? null : Texts.Render(subject, language, facts, text);
        var body = Texts.AcquireBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                body.Append('\n');
            }

            Texts.RenderTo(body, parts[i], language, facts, text);
        }

        return new DraftTexts(titleText, subjectText, Texts.ReleaseBuilder(body));
    }
}
