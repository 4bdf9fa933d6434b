namespace OfferRules.Tests.Architecture;

/// <summary>The README's code comes from a sample that CI builds and runs, so it cannot rot.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_QuickStart_IsTheQuickStartSample()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");

        var begin = readme.IndexOf("<!-- quickstart:begin -->\n```csharp\n", StringComparison.Ordinal);
        var end = readme.IndexOf("```\n<!-- quickstart:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the README has no quick-start markers");
        var snippet = readme[(begin + "<!-- quickstart:begin -->\n```csharp\n".Length)..end];

        Assert.Equal(sample[(sample.IndexOf('\n', StringComparison.Ordinal) + 1)..], snippet);
    }

    [Fact]
    public void Readme_MinimalApi_IsTheMinimalApiSample()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(root, "samples", "MinimalApi", "Program.cs")).ReplaceLineEndings("\n");

        var begin = readme.IndexOf("<!-- minimalapi:begin -->\n```csharp\n", StringComparison.Ordinal);
        var end = readme.IndexOf("```\n<!-- minimalapi:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the README has no minimal-API markers");
        var snippet = readme[(begin + "<!-- minimalapi:begin -->\n```csharp\n".Length)..end];

        Assert.Equal(sample[(sample.IndexOf('\n', StringComparison.Ordinal) + 1)..], snippet);
    }

    [Fact]
    public void Readme_TopCommands_AreTheCliAndTheTests()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Equal("dotnet run --project samples/OfferRules.Cli -- evaluate samples/cases/S01-fresh-polite-decline-seats-open.json", lines[3]);
        Assert.Equal("dotnet test OfferRules.sln", lines[4]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfferRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with OfferRules.sln) was not found above " + AppContext.BaseDirectory);
    }
}
