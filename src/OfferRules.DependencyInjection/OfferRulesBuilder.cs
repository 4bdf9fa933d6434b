using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OfferRules.DependencyInjection;

/// <summary>
/// Configures one OfferRules registration (one tenant), returned by
/// <see cref="OfferRulesServiceCollectionExtensions.AddOfferRules(IServiceCollection, Action{OfferRulesOptions}?)"/>.
/// Each method adds to the tenant's options, in call order, on top of the callback given to <c>AddOfferRules</c>.
/// </summary>
public sealed class OfferRulesBuilder
{
    internal OfferRulesBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>Gets the service collection, for further registrations.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the tenant's name: the key of its keyed services, or <see cref="string.Empty"/> for the unnamed (default) registration.</summary>
    public string Name { get; }

    /// <summary>Adds a callback that configures the options.</summary>
    /// <param name="configure">The callback.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public OfferRulesBuilder Configure(Action<OfferRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<OfferRulesOptions>(Name).Configure(configure);
        return this;
    }

    /// <summary>Adds a callback that configures the options with services from the container (the root provider).</summary>
    /// <param name="configure">The callback.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public OfferRulesBuilder Configure(Action<OfferRulesOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<OfferRulesOptions>(Name).Configure<IServiceProvider>(configure);
        return this;
    }

    /// <summary>
    /// Binds the options from a section of the container's <see cref="IConfiguration"/> (the host's configuration):
    /// the keys <c>DefaultLanguage</c>, <c>RuleSetPath</c> and <c>ReloadOnChange</c>. Keys that are absent leave the
    /// options as they are. Binding uses no reflection, so it is safe under trimming and Native AOT.
    /// </summary>
    /// <param name="sectionPath">The section's path, such as <c>OfferRules</c> or <c>OfferRules:Tenants:tenant-a</c>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sectionPath"/> is <see langword="null"/>.</exception>
    /// <remarks>An <see cref="IConfiguration"/> must be registered, as every host does.</remarks>
    public OfferRulesBuilder BindConfiguration(string sectionPath = OfferRulesOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(sectionPath);
        Services.AddOptions<OfferRulesOptions>(Name).Configure<IConfiguration>((options, configuration) => OfferRulesOptionsBinder.Bind(options, configuration.GetSection(sectionPath)));
        return this;
    }

    /// <summary>Binds the options from a configuration section, as <see cref="BindConfiguration"/> does.</summary>
    /// <param name="configuration">The section, such as <c>builder.Configuration.GetSection("OfferRules")</c>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    public OfferRulesBuilder Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Services.AddOptions<OfferRulesOptions>(Name).Configure(options => OfferRulesOptionsBinder.Bind(options, configuration));
        return this;
    }
}
