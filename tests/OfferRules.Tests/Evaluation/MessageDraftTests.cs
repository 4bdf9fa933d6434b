using OfferRules.Benchmarks.Data;
using OfferRules.Evaluation;
using OfferRules.Serialization;
using OfferRules.Tests.TestUtilities;

namespace OfferRules.Tests.Evaluation;

/// <summary>Drafts render their texts on first read, to the same text, once for every thread; they compare by text.</summary>
public sealed class MessageDraftTests
{
    [Fact]
    public void Drafts_NotRead_AreNotRendered()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Good());

        Assert.NotEmpty(result.Drafts);
        Assert.All(result.Drafts, d => Assert.False(d.IsRendered));
        Assert.All(result.Drafts, d => Assert.False(string.IsNullOrEmpty(d.Id)));
        Assert.All(result.Drafts, d => Assert.False(d.IsRendered));

        _ = result.Drafts[0].Body;

        Assert.True(result.Drafts[0].IsRendered);
        Assert.All(result.Drafts.Skip(1), d => Assert.False(d.IsRendered));
    }

    [Fact]
    public void Drafts_ReadInAnyOrder_GiveTheSameTexts()
    {
        foreach (var @case in CaseGenerator.Generate(300, 77))
        {
            foreach (var language in new[] { "en", "ja" })
            {
                var options = new EvaluationOptions { Language = language };
                var bodyFirst = OfferEvaluator.Default.Evaluate(@case, options).Drafts.Select(d => (d.Body, d.Subject, d.Title)).ToArray();
                var titleFirst = OfferEvaluator.Default.Evaluate(@case, options).Drafts.Select(d => (d.Title, d.Subject, d.Body)).ToArray();

                Assert.Equal(bodyFirst.Select(t => (t.Title, t.Subject, t.Body)), titleFirst);
            }
        }
    }

    [Fact]
    public void Drafts_RenderedLazily_EqualTheSameTextsMadeEagerly()
    {
        var result = OfferEvaluator.Default.Evaluate(Cases.Good(), new EvaluationOptions { Language = "ja" });
        var lazy = result.Drafts[0];
        var eager = new MessageDraft(lazy.Id, lazy.Kind, lazy.Title, lazy.Subject, lazy.Body);

        Assert.Equal(eager, lazy);
        Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
        Assert.Equal(eager.ToString(), lazy.ToString());
        Assert.NotEqual(eager, lazy with { Body = lazy.Body + "。" });
    }

    [Fact]
    public void Drafts_ManyThreadsReadAtOnce_AllGetTheSameText()
    {
        for (var round = 0; round < 50; round++)
        {
            var result = OfferEvaluator.Default.Evaluate(Cases.Good());
            var expected = OfferEvaluator.Default.Evaluate(Cases.Good()).Drafts.Select(d => d.Body).ToArray();
            var draft = result.Drafts[round % result.Drafts.Length];
            using var start = new Barrier(8);
            var bodies = new string[8];
            var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                bodies[i] = draft.Body;
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            Assert.All(bodies, b => Assert.Same(bodies[0], b));
            Assert.Equal(expected[round % expected.Length], bodies[0]);
        }
    }

    [Fact]
    public void Drafts_EvaluatedInParallelAndReadLater_MatchSequentialJson()
    {
        var cases = CaseGenerator.Generate(500, 5).ToArray();
        var sequential = cases.Select(c => EvaluationJson.ToJson(OfferEvaluator.Default.Evaluate(c))).ToArray();

        var results = new EvaluationResult[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = OfferEvaluator.Default.Evaluate(cases[i]));
        var parallel = new string[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = EvaluationJson.ToJson(results[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Deconstruct_LazyDraft_GivesItsTexts()
    {
        var draft = OfferEvaluator.Default.Evaluate(Cases.Good()).Drafts[0];

        var (id, kind, title, subject, body) = draft;

        Assert.Equal((draft.Id, draft.Kind, draft.Title, draft.Subject, draft.Body), (id, kind, title, subject, body));
    }
}
