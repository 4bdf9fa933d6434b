using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OfferRules.DependencyInjection;

/// <summary>
/// Binds <see cref="OfferRulesOptions"/> from a configuration section without reflection, so that binding is safe under
/// trimming and Native AOT. Only the keys present are applied; a value that cannot be converted is a validation failure.
/// </summary>
internal static class OfferRulesOptionsBinder
{
    public static void Bind(OfferRulesOptions options, IConfiguration section)
    {
        if (section[nameof(OfferRulesOptions.DefaultLanguage)] is { } language)
        {
            options.DefaultLanguage = language;
        }

        if (section[nameof(OfferRulesOptions.RuleSetPath)] is { } path)
        {
            options.RuleSetPath = path.Length == 0 ? null : path;
        }

        if (section[nameof(OfferRulesOptions.ReloadOnChange)] is { } reload)
        {
            if (bool.TryParse(reload, out var value))
            {
                options.ReloadOnChange = value;
            }
            else
            {
                var where = section is IConfigurationSection s ? s.Path + ":" : string.Empty;
                options.BindingErrors.Add(string.Create(CultureInfo.InvariantCulture, $"{where}{nameof(OfferRulesOptions.ReloadOnChange)} must be 'true' or 'false'."));
            }
        }
    }
}
