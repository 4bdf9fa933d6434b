using System.Collections.Frozen;
using System.Globalization;

namespace OfferRules.Facts;

/// <summary>
/// A fact with a value, said as a plain statement ("the seat is still open" / 「採用枠がまだ空いている」), for
/// "what would help" suggestions. Indexed by the fact's code: for booleans 0 is false and 1 is true; for enums the
/// code is the member's value, and index 0 (unknown) is unused.
/// </summary>
internal static class FactStatements
{
    private static readonly FrozenDictionary<string, (string[] En, string[] Ja)> s_statements = new Dictionary<string, (string[] En, string[] Ja)>
    {
        ["offer.track"] = (["", "the hiring is for new graduates", "the hiring is mid-career", "the job is part-time"], ["", "新卒採用である", "中途採用である", "アルバイト・パートである"]),
        ["offer.stageAtDecline"] = (["", "you declined at the informal-offer stage", "you declined before accepting the formal offer", "you declined after accepting the offer", "you declined after the offer ceremony"], ["", "内々定の段階で辞退した", "正式な内定を承諾する前に辞退した", "内定を承諾した後に辞退した", "内定式の後に辞退した"]),
        ["offer.viaRecruitmentAgent"] = (["the offer did not come through an agent", "the offer came through a recruitment agent"], ["エージェント経由の内定ではない", "エージェント経由の内定である"]),
        ["offer.evaluation"] = (["", "the company rated you as usual", "the company rated you highly"], ["", "企業からの評価は標準的だった", "企業から高く評価されていた"]),
        ["decline.channel"] = (["", "you declined by phone", "you declined in person", "you declined through the agent", "you declined by email", "you declined by chat message", "you declined by letter", "you declined through a proxy service", "you declined without any contact"], ["", "電話で辞退した", "対面で辞退した", "エージェントを通じて辞退した", "メールで辞退した", "チャットやメッセージで辞退した", "手紙で辞退した", "辞退代行サービスを使った", "連絡せずに辞退した"]),
        ["decline.promptness"] = (["", "you declined promptly", "you declined after a delay"], ["", "辞退の連絡は早かった", "辞退の連絡が遅れた"]),
        ["decline.explainedReason"] = (["you did not explain your reason", "you explained your reason"], ["辞退理由を説明しなかった", "辞退理由を説明した"]),
        ["decline.expressedThanks"] = (["you did not thank them", "you thanked them for the selection"], ["感謝を伝えなかった", "選考への感謝を伝えた"]),
        ["decline.tone"] = (["", "your decline was polite", "your decline was matter-of-fact", "your decline was rude"], ["", "辞退時の態度は丁寧だった", "辞退時の態度は事務的だった", "辞退時の態度は失礼だった"]),
        ["decline.originalReason"] = (["", "you declined for another offer", "you declined over fit or conditions", "you declined for a family emergency", "you declined for health reasons", "you declined for another path", "the company pressed you to decline", "you declined for another reason"], ["", "他社の内定を選んで辞退した", "仕事内容や条件が合わず辞退した", "家族の緊急事態で辞退した", "健康上の理由で辞退した", "進学など別の道のために辞退した", "企業に辞退を迫られた", "その他の理由で辞退した"]),
        ["decline.circumstanceChanged"] = (["the situation behind the decline has not changed", "the situation behind the decline has changed"], ["辞退の事情は変わっていない", "辞退の事情が変わった"]),
        ["decline.evidenceAvailable"] = (["there are no documents for your reason", "documents back up your reason"], ["理由を示す書類がない", "理由を示す書類がある"]),
        ["decline.previouslyReversed"] = (["you have not gone back and forth before", "you have gone back and forth before"], ["以前に翻意したことはない", "以前にも翻意したことがある"]),
        ["company.seatStatus"] = (["", "the seat is still open", "the seat is filled"], ["", "採用枠がまだ空いている", "採用枠が埋まっている"]),
        ["company.seatOfferedToOther"] = (["the seat has not gone to anyone else", "the seat was offered to someone else"], ["枠は他の候補者に提示されていない", "枠が他の候補者に提示された"]),
        ["company.policyForbidsReinstatement"] = (["the company's rules allow it", "the company's rules forbid it"], ["社内ルール上は問題ない", "社内ルールで禁じられている"]),
        ["company.hiringNeedTrend"] = (["", "the company needs more people than before", "the company's hiring need is unchanged", "the company needs fewer people than before"], ["", "企業の採用ニーズが高まっている", "企業の採用ニーズは変わらない", "企業の採用ニーズが縮小している"]),
        ["company.unfairPressureOrRescission"] = (["the company did not press you or rescind unfairly", "the company pressed you or rescinded unfairly"], ["企業による辞退の強要や不当な取り消しはなかった", "企業に辞退を迫られた、または不当に取り消された"]),
        ["request.changeOfMindReason"] = (["", "the circumstance behind the decline is resolved", "your other offer fell through", "your other path fell through", "you thought it over and changed your mind", "you have no clear reason"], ["", "辞退の原因となった事情が解消した", "他社の内定がなくなった", "進学など別の道がなくなった", "よく考え直して気持ちが変わった", "明確な理由がない"]),
        ["request.priorRequestOutcome"] = (["", "you have not asked yet", "you asked and are waiting", "the company said no", "the company offered a re-selection"], ["", "まだ申し出ていない", "申し出て返事を待っている", "企業に断られた", "再選考を提案された"]),
        ["request.plannedChannel"] = (["", "you phone first and follow up in writing", "you visit first and follow up in writing", "you only phone", "you only email", "you only send a letter"], ["", "まず電話し、その後書面で補う", "まず訪問し、その後書面で補う", "電話だけで伝える", "メールだけで伝える", "手紙だけで伝える"]),
        ["request.willingToRedoSelection"] = (["you would not go through selection again", "you would go through selection again"], ["再選考は受けない", "再選考を受ける意思がある"]),
        ["missedContact.cause"] = (["", "the phone was broken or replaced", "you did not answer withheld numbers", "you were busy", "there was another cause"], ["", "携帯の故障や代替機だった", "非通知の電話に出なかった", "忙しくて出られなかった", "その他の理由だった"]),
        ["missedContact.employerSaidPositionFilled"] = (["the employer has not said the position is filled", "the employer said the position is filled"], ["採用枠が埋まったとは言われていない", "採用枠が埋まったと言われた"]),
        ["missedContact.plannedChannel"] = (["", "you call back", "you only email", "you visit"], ["", "電話で折り返す", "メールだけで連絡する", "訪問する"]),
        ["missedContact.hasBackupContact"] = (["you have no second way to be reached", "you can offer a second way to be reached"], ["別の連絡手段がない", "別の連絡手段を用意できる"]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the statement for a fact with a value, in the given language.</summary>
    public static string Say(FactDefinition fact, int code, int asOfDay, Language language)
    {
        var ja = language == Language.Japanese;
        if (s_statements.TryGetValue(fact.Name, out var table))
        {
            var texts = ja ? table.Ja : table.En;
            if (code >= 0 && code < texts.Length && texts[code].Length > 0)
            {
                return texts[code];
            }
        }

        var n = fact.Type == FactType.Date ? Math.Abs(code - asOfDay) : code;
        var days = n.ToString(CultureInfo.InvariantCulture) + (ja ? string.Empty : n == 1 ? " day" : " days");
        return fact.Id switch
        {
            FactId.DeclineDeclinedOn => n == 0
                ? (ja ? "辞退したのが今日である" : "you declined today")
                : (ja ? $"辞退から{days}日以内である" : $"you declined no more than {days} ago"),
            FactId.OfferStartsOn => code <= asOfDay
                ? (ja ? "入社予定日をすでに過ぎている" : "the start date has already passed")
                : (ja ? $"入社予定日まで{days}日以上ある" : $"the start date is at least {days} away"),
            FactId.MissedContactFirstMissedCallOn or FactId.MissedContactInterviewedOn => n == 0
                ? (ja ? "最初の不在着信が今日である" : "the first missed call was today")
                : (ja ? $"最初の不在着信から{days}日以内である" : $"the first missed call was no more than {days} ago"),
            _ => ja ? $"{fact.LabelJa}：{Texts(fact, code, language)}" : $"{fact.LabelEn}: {Texts(fact, code, language)}",
        };
    }

    /// <summary>Lists the catalogued enum and boolean facts that have no statement for some value; empty when complete.</summary>
    public static IEnumerable<string> Gaps()
    {
        foreach (var fact in FactCatalog.All)
        {
            if (fact.IsDerived || fact.Type is not (FactType.Bool or FactType.Enum))
            {
                continue;
            }

            if (!s_statements.TryGetValue(fact.Name, out var table))
            {
                yield return fact.Name;
                continue;
            }

            var expected = fact.Type == FactType.Bool ? 2 : fact.EnumNames.Length;
            if (table.En.Length != expected || table.Ja.Length != expected)
            {
                yield return fact.Name;
            }
        }
    }

    private static string Texts(FactDefinition fact, int code, Language language) => Evaluation.Texts.Value(fact, code, language);
}
