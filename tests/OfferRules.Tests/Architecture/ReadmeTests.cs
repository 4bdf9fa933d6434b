namespace OfferRules.Tests.Architecture;

/// <summary>The README's code comes from a sample that CI builds and runs, so it cannot rot.</summary>
public sealed class ReadmeTests
{
    [Theory]
    [InlineData("quickstart", "QuickStart")]
    [InlineData("minimalapi", "MinimalApi")]
    public void Readme_Snippet_IsItsSampleFromTheSecondLineOn(string marker, string sampleName)
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(root, "samples", sampleName, "Program.cs")).ReplaceLineEndings("\n");
        var opening = $"<!-- {marker}:begin -->\n```csharp\n";

        var begin = readme.IndexOf(opening, StringComparison.Ordinal);
        var end = readme.IndexOf($"```\n<!-- {marker}:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"the README has no {marker} markers");
        var snippet = readme[(begin + opening.Length)..end];

        Assert.Equal(sample[(sample.IndexOf('\n', StringComparison.Ordinal) + 1)..], snippet);
    }

    [Fact]
    public void Readme_TopCommands_AreTheCliAndTheTests()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Equal("dotnet run --project src/OfferRules.Cli -- evaluate samples/cases/S01-fresh-polite-decline-seats-open.json", lines[3]);
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
