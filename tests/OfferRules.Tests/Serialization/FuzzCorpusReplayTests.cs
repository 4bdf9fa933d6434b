using OfferRules.Fuzz;

namespace OfferRules.Tests.Serialization;

/// <summary>
/// Replays the corpus AFL++ built (<c>TestData/fuzz/case/</c> and <c>TestData/fuzz/ruleset/</c>, minimised, plus every
/// crash it found as <c>crash-*</c>) through the fuzz targets themselves (<c>fuzz/OfferRules.Fuzz/FuzzTargets.cs</c>,
/// linked into this project). Any exception is a bug. See <c>fuzz/README.md</c> for how the corpus is made.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static string CorpusDirectory(string target) => Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz", target);

    public static TheoryData<string> Targets => new(FuzzTargets.Names);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Run_EveryCorpusFile_ThrowsNothing(string target)
    {
        var files = Directory.GetFiles(CorpusDirectory(target)).Order(StringComparer.Ordinal).ToArray();
        var failures = new List<string>();

        foreach (var file in files)
        {
            try
            {
                _ = FuzzTargets.Run(target, File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every exception is a finding; collect them all before failing.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"{Path.GetFileName(file)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(files.Length >= 20, $"The {target} corpus has only {files.Length} files.");
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Corpus_FilesAreSmall(string target)
    {
        var files = Directory.GetFiles(CorpusDirectory(target));

        Assert.InRange(files.Length, 1, 250);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 16 * 1024, $"{Path.GetFileName(f)} is larger than 16 KB."));
    }

    [Fact]
    public void Run_UnknownTarget_Throws()
    {
        Assert.Throws<ArgumentException>(() => FuzzTargets.Run("nothing", []));
    }
}
