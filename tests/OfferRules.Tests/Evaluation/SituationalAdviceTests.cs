using System.Text;
using OfferRules.Evaluation;

namespace OfferRules.Tests.Evaluation;

/// <summary>
/// Issue 10, advice that follows what happened (KNOWLEDGE §5 decision 13): steps and drafts chosen by the situation,
/// in English and Japanese.
/// </summary>
public sealed class SituationalAdviceTests
{
    private static readonly TimeSpan s_jst = TimeSpan.FromHours(9);

    private static EvaluationResult Evaluate(string json, string language = "en") =>
        OfferEvaluator.Default.EvaluateJson(Encoding.UTF8.GetBytes(json), new EvaluationOptions { Language = language });

    private static string[] Ids(IEnumerable<ActionStep> steps) => [.. steps.Select(s => s.Id)];

    private static string Draft(EvaluationResult result, string id) => result.Drafts.Single(d => d.Id == id).Body;

    private static string Decline(string extra) =>
        $$"""{ "asOf": "2025-07-10T09:00:00+09:00", {{extra}} }""";

    private static string Missed(string cause) =>
        $$"""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "interviewedOn": "2025-07-01", "firstMissedCallOn": "2025-07-08", "cause": "{{cause}}" } }""";

    public static TheoryData<string> Languages => new() { "en", "ja" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Evaluate_NoContact_ApologisesForTheSilenceInsteadOfSayingDeclined(string language)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-01", "channel": "noContact" } """), language);

        var ids = Ids(result.Actions);
        Assert.Contains("A-06N", ids);
        Assert.DoesNotContain("A-06", ids);
        Assert.Equal(["D-PHONE", "D-EMAIL", "D-LETTER"], result.Drafts.Select(d => d.Id));
        var (silence, phoneApology, emailApology) = language == "ja"
            ? ("連絡をしなかったことをお詫び", "お待たせしてしまい、誠に申し訳ございません", "お返事をしないままにしていた件")
            : ("apology for your silence", "I am truly sorry for leaving you waiting", "to which I never replied");
        Assert.Contains(silence, result.Actions.Single(a => a.Id == "A-06N").Message, StringComparison.Ordinal);
        Assert.Contains(phoneApology, Draft(result, "D-PHONE"), StringComparison.Ordinal);
        Assert.Contains(emailApology, Draft(result, "D-EMAIL"), StringComparison.Ordinal);
        foreach (var draft in result.Drafts)
        {
            if (language == "ja")
            {
                Assert.DoesNotContain("辞退した", draft.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("辞退いたし", draft.Body, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("my decision to decline", draft.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("I declined", draft.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("decline", draft.Body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("en", "a decline service told them for you", "I had a decline service tell you instead of telling you myself", "I used a decline service instead of telling you myself")]
    [InlineData("ja", "代行", "辞退代行サービスを通じてご連絡したことを深くお詫び申し上げます", "辞退代行サービスを通じてご連絡したこと")]
    public void Evaluate_ProxyService_AcknowledgesTheServiceHonestly(string language, string step, string phone, string email)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "proxyService" } """), language);

        var ids = Ids(result.Actions);
        Assert.Contains("A-06X", ids);
        Assert.DoesNotContain("A-06", ids);
        Assert.DoesNotContain("A-06N", ids);
        Assert.Contains(step, result.Actions.Single(a => a.Id == "A-06X").Message, StringComparison.Ordinal);
        Assert.Contains(phone, Draft(result, "D-PHONE"), StringComparison.Ordinal);
        Assert.Contains(email, Draft(result, "D-EMAIL"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Send this only once, and only after 3 business days with no answer.", "Thu 10 July 2025, 10:00–12:00")]
    [InlineData("ja", "返事がないまま3営業日が過ぎた場合に、一度だけ送りましょう。", "2025年7月10日（木）10:00〜12:00")]
    public void Evaluate_PendingRequest_FollowsUpOnceWithoutAFirstContactScript(string language, string once, string slot)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" }, "request": { "priorRequestOutcome": "pendingNoReply" } """), language);

        Assert.Equal(["A-02", "A-04", "A-20", "A-13", "A-14"], Ids(result.Actions)); // prepare first, then the one follow-up
        var a20 = result.Actions.Single(a => a.Id == "A-20");
        Assert.Equal(ActionTiming.AtCall, a20.Timing);
        Assert.Equal(new DateTimeOffset(2025, 7, 10, 10, 0, 0, s_jst), a20.At);
        Assert.Equal(result.CallWindow!.Value.Start, a20.At);
        Assert.Contains(slot, a20.Message, StringComparison.Ordinal);
        Assert.Equal(["D-FOLLOWUP"], result.Drafts.Select(d => d.Id));
        Assert.Contains(once, Draft(result, "D-FOLLOWUP"), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Actions, a => a.Id is "A-01" or "A-05" or "A-06" or "A-10");
    }

    [Fact]
    public void Evaluate_PendingRequestViaAgent_AsksTheAgentAndHasNoFollowUpDraft()
    {
        var result = Evaluate(Decline("""  "offer": { "viaRecruitmentAgent": true }, "decline": { "declinedOn": "2025-07-08", "channel": "viaAgent" }, "request": { "priorRequestOutcome": "pendingNoReply" } """));

        var ids = Ids(result.Actions);
        Assert.Equal(["A-02", "A-04", "A-20A", "A-13", "A-14"], ids);
        Assert.Equal(ActionChannel.Agent, result.Actions.Single(a => a.Id == "A-20A").Channel);
        Assert.DoesNotContain(result.Drafts, d => d.Id is "D-FOLLOWUP" or "D-PHONE" or "D-EMAIL");
    }

    [Theory]
    [InlineData("en", "If another opening comes up, or in your next intake, might I be considered?", "reconsider")]
    [InlineData("ja", "もし別の募集や次回の採用の機会がございましたら、検討の対象に加えていただくことはできませんでしょうか。", "ご再考")]
    public void Evaluate_SeatFilled_AsksForAnotherOpeningAndLeadsWithFallbacks(string language, string ask, string reconsider)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" }, "company": { "seatStatus": "filled" } """), language);

        Assert.Equal(Outlook.VeryUnlikely, result.Outlook);
        var ids = Ids(result.Actions);
        Assert.Equal("A-18", ids[0]);
        Assert.Contains("A-10F", ids);
        Assert.DoesNotContain("A-10", ids);
        Assert.DoesNotContain("A-11", ids);
        Assert.DoesNotContain("A-16", ids);
        Assert.DoesNotContain("A-01", ids);
        Assert.Contains(ask, Draft(result, "D-PHONE"), StringComparison.Ordinal);
        foreach (var draft in result.Drafts)
        {
            Assert.DoesNotContain(reconsider, draft.Body, StringComparison.Ordinal);
        }

        Assert.Equal(["B-01", "B-04", "B-02", "B-05", "B-03"], result.Fallbacks.Select(f => f.Id));
    }

    [Fact]
    public void Evaluate_SeatFilled_EmailAndLetterAskOnlyForAnotherOrLaterOpening()
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" }, "company": { "seatStatus": "filled" } """), "ja");

        Assert.Contains("別の募集や次回の採用の機会", Draft(result, "D-EMAIL"), StringComparison.Ordinal);
        Assert.Contains("同じ内定を戻していただきたいとは考えておりません", Draft(result, "D-EMAIL"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Evaluate_PolicyForbidsReinstatement_StartsWithA18P(string language)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" }, "company": { "policyForbidsReinstatement": true } """), language);

        var ids = Ids(result.Actions);
        Assert.Equal("A-18P", ids[0]);
        Assert.DoesNotContain("A-18", ids);
        Assert.Contains("A-10F", ids);
        Assert.DoesNotContain("A-10", ids);
        Assert.Contains(result.Fallbacks, f => f.Id == "B-01");
        var reconsider = language == "ja" ? "ご再考" : "reconsider";
        Assert.All(result.Drafts, d => Assert.DoesNotContain(reconsider, d.Body, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Evaluate_ViaAgent_GivesAScriptAndAnEmailForTheAgent(string language)
    {
        var result = Evaluate(Decline("""  "offer": { "viaRecruitmentAgent": true }, "decline": { "declinedOn": "2025-07-08", "channel": "viaAgent" } """), language);

        var drafts = result.Drafts.Select(d => d.Id).ToArray();
        Assert.Contains("D-AGENT-PHONE", drafts);
        Assert.Contains("D-AGENT-EMAIL", drafts);
        Assert.DoesNotContain("D-PHONE", drafts);
        Assert.Equal("A-15", result.Actions[0].Id);
        Assert.Equal(DraftKind.Email, result.Drafts.Single(d => d.Id == "D-AGENT-EMAIL").Kind);
        Assert.Equal(DraftKind.PhoneScript, result.Drafts.Single(d => d.Id == "D-AGENT-PHONE").Kind);
    }

    [Theory]
    [InlineData("en", "deviceIssue", "My phone is back from repair now, so your calls will reach me.")]
    [InlineData("en", "withheldNumberScreening", "I have saved your number, and I will answer calls from withheld numbers while I am job hunting.")]
    [InlineData("en", "busy", "From now on I will keep my phone with me and call back the same day if I miss a call.")]
    [InlineData("en", "unknown", "[In one sentence, what you have done so that their calls will reach you from now on.]")]
    [InlineData("en", "other", "[In one sentence, what you have done so that their calls will reach you from now on.]")]
    [InlineData("ja", "deviceIssue", "携帯電話は修理から戻りましたので、今後はお電話を確実に受けられます。")]
    [InlineData("ja", "withheldNumberScreening", "御社の番号を登録し、就職活動中は非通知のお電話にも出るようにいたします。")]
    [InlineData("ja", "busy", "今後は携帯電話を手元に置き、出られなかった場合はその日のうちに折り返します。")]
    [InlineData("ja", "unknown", "[今後お電話を確実に受けられるようにした対策を一文で]")]
    [InlineData("ja", "other", "[今後お電話を確実に受けられるようにした対策を一文で]")]
    public void Evaluate_MissedCalls_ReachMeSentenceFollowsTheCause(string language, string cause, string sentence)
    {
        var result = Evaluate(Missed(cause), language);

        Assert.Equal(["D-CALL", "D-THANKS-LETTER"], result.Drafts.Select(d => d.Id));
        Assert.Contains(sentence, Draft(result, "D-CALL"), StringComparison.Ordinal);
        Assert.Contains(sentence.Replace("御社", "貴社", StringComparison.Ordinal), Draft(result, "D-THANKS-LETTER"), StringComparison.Ordinal); // a letter writes 貴社
        foreach (var draft in result.Drafts)
        {
            Assert.DoesNotContain("settings", draft.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("設定", draft.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("{", draft.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("busy", "repair")]
    [InlineData("deviceIssue", "withheld")]
    [InlineData("withheldNumberScreening", "repair")]
    public void Evaluate_MissedCalls_NeverGiveAnotherCausesRemedy(string cause, string other)
    {
        var result = Evaluate(Missed(cause));

        Assert.All(result.Drafts, d => Assert.DoesNotContain(other, d.Body, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("en", "10 July 2025", "On 8 July 2025, I declined")]
    [InlineData("ja", "2025年7月10日", "2025年7月8日")]
    public void Evaluate_KnownDeclineDate_FillsTheLetter(string language, string today, string declined)
    {
        var result = Evaluate(Decline("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" } """), language);

        var letter = Draft(result, "D-LETTER");
        Assert.Equal(today, letter.Split('\n')[0]);
        Assert.Contains(declined, letter, StringComparison.Ordinal);
        Assert.DoesNotContain("[辞退した日付]", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("[date you declined]", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("[日付]", letter, StringComparison.Ordinal);
        Assert.All(result.Drafts, d => Assert.DoesNotContain("{", d.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "[date you declined]")]
    [InlineData("ja", "[辞退した日付]")]
    public void Evaluate_UnknownDeclineDate_StaysBracketed(string language, string placeholder)
    {
        var result = Evaluate("""{ "asOf": "2025-07-10T09:00:00+09:00", "decline": { "channel": "phone" } }""", language);

        var letter = Draft(result, "D-LETTER");
        Assert.Contains(placeholder, letter, StringComparison.Ordinal);
        Assert.Equal(language == "ja" ? "2025年7月10日" : "10 July 2025", letter.Split('\n')[0]);
        Assert.All(result.Drafts, d => Assert.DoesNotContain("{", d.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "I had an interview with you on 1 July 2025", "who interviewed with you on 1 July 2025")]
    [InlineData("ja", "2025年7月1日に[職種]の面接を受けました", "2025年7月1日に[職種]の面接を受けました")]
    public void Evaluate_KnownInterviewDate_FillsTheMissedCallDrafts(string language, string call, string letter)
    {
        var result = Evaluate(Missed("busy"), language);

        Assert.Contains(call, Draft(result, "D-CALL"), StringComparison.Ordinal);
        Assert.Contains(letter, Draft(result, "D-THANKS-LETTER"), StringComparison.Ordinal);
        Assert.All(result.Drafts, d => Assert.DoesNotContain(language == "ja" ? "[面接日]" : "[interview date]", d.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "I had an interview with you the other day for the [position] position.", "[interview date]")]
    [InlineData("ja", "先日[職種]の面接を受けました", "[面接日]")]
    public void Evaluate_UnknownInterviewDate_SaysTheOtherDayInsteadOfADate(string language, string sentence, string placeholder)
    {
        var result = Evaluate("""{ "kind": "missedEmployerContact", "asOf": "2025-07-10T09:00:00+09:00", "missedContact": { "firstMissedCallOn": "2025-07-08" } }""", language);

        Assert.Contains(sentence, Draft(result, "D-CALL"), StringComparison.Ordinal);
        Assert.All(result.Drafts, d => Assert.DoesNotContain(placeholder, d.Body, StringComparison.Ordinal));
        Assert.All(result.Drafts, d => Assert.DoesNotContain("{", d.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""  "decline": { "declinedOn": "2025-07-08", "channel": "phone" } """)]
    [InlineData("""  "decline": { "declinedOn": "2025-07-01", "channel": "noContact" } """)]
    [InlineData("""  "decline": { "declinedOn": "2025-07-08", "channel": "proxyService" } """)]
    [InlineData("""  "decline": { "declinedOn": "2025-07-08" }, "company": { "seatStatus": "filled" } """)]
    [InlineData("""  "decline": { "declinedOn": "2025-07-08" }, "request": { "priorRequestOutcome": "pendingNoReply" } """)]
    [InlineData("""  "offer": { "viaRecruitmentAgent": true }, "decline": { "declinedOn": "2025-07-08", "channel": "viaAgent" } """)]
    [InlineData("""  "decline": { "declinedOn": "2025-07-08" }, "request": { "priorRequestOutcome": "reselectionOffered" } """)]
    public void Evaluate_AnySituation_LeavesNoTemplateBraceInAnyText(string extra)
    {
        foreach (var language in new[] { "en", "ja" })
        {
            var result = Evaluate(Decline(extra), language);

            Assert.NotEmpty(result.Drafts);
            var texts = result.Drafts.SelectMany(d => new[] { d.Title, d.Subject ?? string.Empty, d.Body })
                .Concat(result.Actions.Select(a => a.Message))
                .Concat(result.Fallbacks.Select(f => f.Message))
                .Concat(result.Caveats.Select(c => c.Message));
            Assert.All(texts, t => Assert.DoesNotContain("{", t, StringComparison.Ordinal));
        }
    }
}
