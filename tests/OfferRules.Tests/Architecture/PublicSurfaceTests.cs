using System.Reflection;
using System.Text.Json;
using OfferRules.Evaluation;
using OfferRules.Facts;

namespace OfferRules.Tests.Architecture;

/// <summary>Design conventions, checked by reflection so that they fail when broken.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Type[] s_public = typeof(OfferEvaluator).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = s_public.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSetters()
    {
        var setters = s_public
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } set && !set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(setters);
    }

    [Fact]
    public void InternalNamespaces_HaveNoPublicTypes()
    {
        Assert.DoesNotContain(s_public, t => t.Namespace is { } ns && (ns.Contains(".Internal", StringComparison.Ordinal) || ns.Contains(".Plan", StringComparison.Ordinal) || ns.EndsWith(".Facts", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuleSetSchema_NamesExactlyTheCatalogedFacts()
    {
        var schema = Path.Combine(AppContext.BaseDirectory, "TestData", "schema", "ruleset.schema.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(schema));
        var names = document.RootElement.GetProperty("$defs").GetProperty("fact").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();

        Assert.Equal(FactCatalog.All.Select(f => f.Name).ToHashSet(), names);
    }
}
