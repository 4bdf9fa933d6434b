using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OfferRules.Analysis;
using OfferRules.Evaluation;
using static OfferRules.Cli.CliText;

namespace OfferRules.Cli;

/// <summary>
/// The command line of the tool, built with System.CommandLine: the commands, their options (<c>--opt value</c>,
/// <c>--opt=value</c> and short aliases such as <c>-f json</c>), and usage errors in English or Japanese with
/// suggestions for a mistyped command or option.
/// </summary>
/// <remarks>
/// System.CommandLine parses; this class words every problem itself, so that each exists in both languages, and the
/// tool rather than the library picks the exit code (<see cref="CliApp.UsageError"/> for every usage error). Response
/// files (<c>@file</c>) and directives (<c>[name]</c>) are off: a case file may well be called <c>@x.json</c>.
/// </remarks>
internal sealed class CliParser
{
    private readonly HashSet<string> _ownMessages = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _args;
    private readonly Dictionary<Command, CommandHelp> _help = [];

    public CliParser(IReadOnlyList<string> args)
    {
        _args = args;
        Ja = DetectJapanese(args);
        var ja = Ja;

        Root = new RootCommand(Say(
            ja,
            "Evaluates whether a declined job offer (内定辞退) can be taken back, and checks the rule files that decide it.",
            "内定辞退を撤回できるかを判定し、その判断に使うルールファイルを検査します。"));
        Root.Options.Clear();
        Root.Directives.Clear();

        Help = new Option<bool>("--help", "-h", "-?") { Description = Say(ja, "Show the help of the command.", "コマンドの使い方を表示します。"), Recursive = true, Arity = ArgumentArity.Zero };
        Version = new Option<bool>("--version") { Description = Say(ja, "Show the tool's version and the default rule set's id, version and SHA-256 hash.", "ツールのバージョンと、既定のルールセットのID・バージョン・SHA-256ハッシュを表示します。"), Arity = ArgumentArity.Zero };
        Lang = new Option<string[]>("--lang")
        {
            Description = Say(ja, "The language of explanations and messages: en (the default) or ja.", "説明とメッセージの言語：en（既定）または ja。"),
            HelpName = "en|ja",
            Recursive = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Choices(Lang, "en", "ja");
        Root.Add(Help);
        Root.Add(Version);
        Root.Add(Lang);

        Files = new Argument<string[]>("FILE")
        {
            Description = Say(
                ja,
                "A case in the OfferRules case JSON format; several may be given. A pipe, a FIFO or /dev/stdin is read up to the case limit.",
                "OfferRules のケース JSON 形式のケース。複数指定できます。パイプ、FIFO、/dev/stdin は上限の大きさまで読み込みます。"),
            Arity = ArgumentArity.ZeroOrMore,
        };
        Files.Validators.Add(result => RejectUnknownOptions(result, Evaluate!));
        Format = new Option<string[]>("--format", "-f")
        {
            Description = Say(
                ja,
                "text (the default): an explanation for a person, in colour and tables on a terminal.\njson: one JSON object per input, one per line (JSON Lines), in input order.",
                "text（既定）：人が読む説明。端末では色と表で表示します。\njson：入力ごとに JSON オブジェクトを1行ずつ（JSON Lines）、入力の順に出力します。"),
            HelpName = "text|json",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Choices(Format, "text", "json");
        Rules = new Option<string[]>("--rules")
        {
            Description = Say(ja, "Evaluate with this rule set instead of the built-in default policy.", "組み込みの既定ポリシーの代わりに、このルールセットで判定します。"),
            HelpName = "RULESET.json",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Jsonl = new Option<string>("--jsonl")
        {
            Description = Say(
                ja,
                "Read one case per line from FILE (standard input for -) and write one JSON result per line, in order, with \"input\" set to FILE:LINE. Blank lines are skipped.",
                "FILE（- なら標準入力）から1行に1件ずつケースを読み、結果の JSON を1行ずつ順に書き出します。\"input\" は FILE:行番号 です。空行は飛ばします。"),
            HelpName = "FILE|-",
        };
        Jsonl.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value.Length: 0 }])
            {
                AddError(result, Say(ja, "offerrules: --jsonl needs a file name, or - for standard input.", "offerrules：--jsonl にはファイル名（標準入力なら -）が必要です。"));
            }
        });
        OutlookOnly = new Option<bool>("--outlook-only")
        {
            Description = Say(ja, "Write only input, status, outlook and confidence per result (the fastest output).", "結果ごとに input、status、outlook、confidence だけを書き出します（最速の出力）。"),
        };
        Skip = new Option<long>("--skip")
        {
            Description = Say(
                ja,
                "Skip the first N inputs (case files, or lines of --jsonl) to resume a batch that was interrupted; the summary of an interrupted run gives N.",
                "最初の N 件の入力（ケースファイル、または --jsonl の行）を飛ばし、中断したバッチを続きから再開します。N は中断時の要約に表示されます。"),
            HelpName = "N",
            CustomParser = result =>
            {
                var token = result.Tokens[0].Value;
                if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                AddError(result, Say(ja, $"offerrules: '{token}' is not a valid value for --skip; give a whole number, 0 or more.", $"offerrules：「{token}」は --skip の値として使えません。0 以上の整数を指定してください。"));
                return 0;
            },
        };

        Parts = new Option<EvaluationParts>("--parts")
        {
            Description = Say(
                ja,
                "Compute only these parts of each result, separated by commas: " + PartNames + ", or all (the default) or none. The other parts are written empty.",
                "各結果のうち、これらの部分だけを計算します（コンマ区切り）：" + PartNamesJa + "、または all（既定）か none。ほかの部分は空で出力します。"),
            HelpName = "PART,...",
            DefaultValueFactory = _ => EvaluationParts.All,
            CustomParser = result =>
            {
                var token = result.Tokens[0].Value;
                if (TryParseParts(token, out var parts))
                {
                    return parts;
                }

                AddError(result, Say(ja, $"offerrules: '{token}' is not a valid value for --parts; give parts separated by commas: {PartNames}, all or none.", $"offerrules：「{token}」は --parts の値として使えません。コンマ区切りで部分を指定してください：{PartNamesJa}、all、none。"));
                return EvaluationParts.All;
            },
        };

        Evaluate = new Command("evaluate", Say(
            ja,
            "Evaluate cases: an explained outlook for each case file, or a JSON Lines batch.",
            "ケースを判定します。ケースファイルごとに説明付きの見通しを出すか、JSON Lines を一括で処理します。"))
        {
            Files, Format, Lang, Rules, Jsonl, OutlookOnly, Skip, Parts,
        };
        Root.Add(Evaluate);
        _help[Evaluate] = new CommandHelp(
            ["offerrules evaluate FILE... [--format text|json] [--lang en|ja] [--rules RULESET.json] [options]",
             "offerrules evaluate --jsonl FILE|- [--outlook-only] [--skip N] [options]"],
            [Say(ja, "Exit codes:", "終了コード："),
             Say(ja, "  0    every input was evaluated", "  0    すべての入力を判定した"),
             Say(ja, "  1    some input was invalid (it still gets its result line)", "  1    不正な入力があった（その入力にも結果の行が出ます）"),
             Say(ja, "  2    usage error, or the rule set did not load", "  2    使い方の誤り、またはルールセットを読み込めなかった"),
             Say(ja, "  74   the results could not be written (such as a full disk)", "  74   結果を書き出せなかった（ディスクがいっぱいなど）"),
             Say(ja, "  130  interrupted by Ctrl-C or SIGTERM after a whole line; resume with --skip N", "  130  Ctrl-C または SIGTERM で行の区切りで中断した（--skip N で再開）"),
             Say(ja, "  141  the reader of the output went away (such as | head -1)", "  141  出力の読み手がいなくなった（| head -1 など）")]);

        AddRuleFileCommands();

        HelpTopic = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        HelpCommand = new Command("help", Say(ja, "Show the help of a command.", "コマンドの使い方を表示します。")) { Hidden = true };
        HelpCommand.Add(HelpTopic);
        Root.Add(HelpCommand);
        _help[Root] = new CommandHelp(
            ["offerrules COMMAND [options]", "offerrules --version"],
            [Say(ja, "Run 'offerrules COMMAND --help' for the options of a command.", "各コマンドのオプションは「offerrules COMMAND --help」で表示します。")]);
    }

    private void AddRuleFileCommands()
    {
        var ja = Ja;
        string[] exitCodes(string one) =>
        [
            Say(ja, "Exit codes:", "終了コード："),
            Say(ja, "  0    nothing found", "  0    問題なし"),
            "  1    " + one,
            Say(ja, "  2    usage error, or an input file the command cannot start from", "  2    使い方の誤り、またはコマンドが使えない入力ファイル"),
            Say(ja, "  74   the report could not be written; 130 interrupted; 141 output pipe closed", "  74   レポートを書き出せなかった、130 中断した、141 出力のパイプが閉じた"),
        ];

        Argument<string> file(string name, string en, string jaText) => new(name) { Description = Say(ja, en, jaText) };

        CheckFiles = new Argument<string[]>("RULES.json")
        {
            Description = Say(ja, "A rule file; several may be given.", "ルールファイル。複数指定できます。"),
            Arity = ArgumentArity.OneOrMore,
        };
        Strict = new Option<bool>("--strict") { Description = Say(ja, "Count lint warnings as findings too (exit code 1).", "lint の警告も問題として扱います（終了コード 1）。") };
        var checkFormat = ReportFormat("check");
        Check = new Command("check", Say(
            ja,
            "Load rule files and print every error (pointer, line, column, \"did you mean\") and lint warning.",
            "ルールファイルを読み込み、すべてのエラー（ポインター、行、列、候補）と lint の警告を表示します。"))
        {
            CheckFiles, checkFormat, Lang, Strict,
        };
        ReportFormats[Check] = checkFormat;
        CheckFiles.Validators.Add(result => RejectUnknownOptions(result, Check));
        AddCommand(Check, ["offerrules check RULES.json... [--strict] [--format text|json] [--lang en|ja]"], exitCodes(Say(ja, "a file has errors (with --strict: or warnings)", "エラーのあるファイルがあった（--strict なら警告も）")));

        TestRules = file("RULES.json", "The rule file to test.", "テストするルールファイル。");
        TestFile = file("TESTS.json", "The rule test file (schema/ruletests.schema.json).", "ルールのテストファイル（schema/ruletests.schema.json）。");
        var testFormat = ReportFormat("test");
        Test = new Command("test", Say(ja, "Run a rule test file: pass or fail per test, with what differed.", "ルールのテストファイルを実行し、テストごとの合否と違いを表示します。"))
        {
            TestRules, TestFile, testFormat, Lang,
        };
        ReportFormats[Test] = testFormat;
        TestRules.Validators.Add(result => RejectUnknownOptions(result, Test));
        TestFile.Validators.Add(result => RejectUnknownOptions(result, Test));
        AddCommand(Test, ["offerrules test RULES.json TESTS.json [--format text|json] [--lang en|ja]"], exitCodes(Say(ja, "a test failed", "不合格のテストがあった")));

        CoverageRules = file("RULES.json", "The rule file.", "ルールファイル。");
        CoverageCases = file("CASES.jsonl", "One case per line (- for standard input).", "1行に1件のケース（- なら標準入力）。");
        var coverageFormat = ReportFormat("coverage");
        Coverage = new Command("coverage", Say(
            ja,
            "For each rule, condition, action, caveat, fallback and draft part: in how many cases it was true, false and unknown. Items never true come first.",
            "ルール、条件、行動、注意点、代替案、文面の部品ごとに、真・偽・不明になったケースの数を数えます。一度も真にならなかった項目を先に表示します。"))
        {
            CoverageRules, CoverageCases, coverageFormat, Lang,
        };
        ReportFormats[Coverage] = coverageFormat;
        CoverageRules.Validators.Add(result => RejectUnknownOptions(result, Coverage));
        CoverageCases.Validators.Add(result => RejectUnknownOptions(result, Coverage));
        AddCommand(Coverage, ["offerrules coverage RULES.json CASES.jsonl|- [--format text|json] [--lang en|ja]"], exitCodes(Say(ja, "some item was never true, or some line was invalid or unreadable", "一度も真にならなかった項目、または不正な行や読めない行があった")));

        DiffOld = file("OLD.json", "The rule file in use.", "現在のルールファイル。");
        DiffNew = file("NEW.json", "The rule file proposed.", "変更後のルールファイル。");
        DiffCases = file("CASES.jsonl", "One case per line (- for standard input).", "1行に1件のケース（- なら標準入力）。");
        Examples = new Option<int>("--examples")
        {
            Description = Say(ja, "How many example case lines to show per transition (the default is 5).", "変化ごとに示す例のケースの行数（既定は 5）。"),
            HelpName = "N",
            DefaultValueFactory = _ => ImpactOptions.Default.MaxExamples,
            CustomParser = result =>
            {
                var token = result.Tokens[0].Value;
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                AddError(result, Say(ja, $"offerrules: '{token}' is not a valid value for --examples; give a whole number, 0 or more.", $"offerrules：「{token}」は --examples の値として使えません。0 以上の整数を指定してください。"));
                return 0;
            },
        };
        var diffFormat = ReportFormat("diff");
        Diff = new Command("diff", Say(
            ja,
            "Impact analysis: how many cases a change of rule file moves, from which outlook to which, the rules responsible and example cases.",
            "影響分析：ルールファイルの変更で、どれだけのケースの見通しがどこからどこへ変わるか、原因のルール、例のケースを示します。"))
        {
            DiffOld, DiffNew, DiffCases, Examples, diffFormat, Lang,
        };
        ReportFormats[Diff] = diffFormat;
        DiffOld.Validators.Add(result => RejectUnknownOptions(result, Diff));
        DiffNew.Validators.Add(result => RejectUnknownOptions(result, Diff));
        DiffCases.Validators.Add(result => RejectUnknownOptions(result, Diff));
        AddCommand(Diff, ["offerrules diff OLD.json NEW.json CASES.jsonl|- [--examples N] [--format text|json] [--lang en|ja]"], exitCodes(Say(ja, "some case changed", "変わったケースがあった")));

        FmtFiles = new Argument<string[]>("RULES.json")
        {
            Description = Say(ja, "A rule file; several may be given (- reads standard input and writes standard output).", "ルールファイル。複数指定できます（- なら標準入力を読み、標準出力に書きます）。"),
            Arity = ArgumentArity.OneOrMore,
        };
        FmtCheck = new Option<bool>("--check") { Description = Say(ja, "Change nothing; say which files are not formatted (exit code 1).", "何も書き換えず、整形されていないファイルを示します（終了コード 1）。") };
        FmtStdout = new Option<bool>("--stdout") { Description = Say(ja, "Write the formatted file to standard output instead of rewriting it.", "ファイルを書き換えず、整形した内容を標準出力に書きます。") };
        var fmtFormat = ReportFormat("fmt");
        Fmt = new Command("fmt", Say(
            ja,
            "Rewrite rule files in the canonical layout (stable key order, two-space indent, one item per block) without changing what they mean.",
            "ルールファイルを、意味を変えずに標準の書式（決まったキーの順、2文字の字下げ、1項目1ブロック）に書き直します。"))
        {
            FmtFiles, FmtCheck, FmtStdout, fmtFormat, Lang,
        };
        ReportFormats[Fmt] = fmtFormat;
        FmtFiles.Validators.Add(result => RejectUnknownOptions(result, Fmt));
        AddCommand(Fmt, ["offerrules fmt RULES.json... [--check | --stdout] [--format text|json]"], exitCodes(Say(ja, "a file is not formatted (--check), or cannot be formatted", "整形されていないファイル（--check）、または整形できないファイルがあった")));
    }

    private Option<string[]> ReportFormat(string command)
    {
        var ja = Ja;
        var option = new Option<string[]>("--format", "-f")
        {
            Description = Say(
                ja,
                $"text (the default): a report for a person, in tables and colour on a terminal.\njson: the {command} report as JSON.",
                $"text（既定）：人が読むレポート。端末では表と色で表示します。\njson：{command} のレポートを JSON で出力します。"),
            HelpName = "text|json",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Choices(option, "text", "json");
        return option;
    }

    /// <summary>Gets a value indicating whether messages are in Japanese: the command line says <c>--lang ja</c>.</summary>
    public bool Ja { get; }

    public RootCommand Root { get; }

    public Option<bool> Help { get; }

    public Option<bool> Version { get; }

    public Option<string[]> Lang { get; }

    public Command Evaluate { get; }

    public Argument<string[]> Files { get; }

    public Option<string[]> Format { get; }

    public Option<string[]> Rules { get; }

    public Option<string> Jsonl { get; }

    public Option<bool> OutlookOnly { get; }

    public Option<long> Skip { get; }

    public Option<EvaluationParts> Parts { get; }

    /// <summary>The names <c>--parts</c> takes, as the evaluation JSON names the parts.</summary>
    private static readonly (string Name, EvaluationParts Part)[] s_parts =
    [
        ("findings", EvaluationParts.Findings), ("conditions", EvaluationParts.Conditions), ("missingFacts", EvaluationParts.MissingFacts),
        ("whatWouldHelp", EvaluationParts.WhatWouldHelp), ("actions", EvaluationParts.Actions), ("callWindow", EvaluationParts.CallSlot),
        ("drafts", EvaluationParts.Drafts), ("caveats", EvaluationParts.Caveats), ("fallbacks", EvaluationParts.Fallbacks),
        ("atPlannedTime", EvaluationParts.PlannedTime), ("all", EvaluationParts.All), ("none", EvaluationParts.None),

        // The names of the library's flags too.
        ("callSlot", EvaluationParts.CallSlot), ("plannedTime", EvaluationParts.PlannedTime), ("failureReasons", EvaluationParts.Conditions),
    ];

    /// <summary>The part names the help lists: the evaluation JSON's keys.</summary>
    private static string PartNames => string.Join(", ", s_parts.Take(10).Select(p => p.Name));

    private static string PartNamesJa => string.Join("、", s_parts.Take(10).Select(p => p.Name));

    /// <summary>Reads a comma-separated list of part names (any case, spaces allowed around a name).</summary>
    internal static bool TryParseParts(string text, out EvaluationParts parts)
    {
        parts = EvaluationParts.None;
        foreach (var item in text.Split(','))
        {
            var name = item.Trim();
            var index = Array.FindIndex(s_parts, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            parts |= s_parts[index].Part;
        }

        return true;
    }

    public Command HelpCommand { get; }

    public Command Check { get; private set; } = null!;

    public Argument<string[]> CheckFiles { get; private set; } = null!;

    public Option<bool> Strict { get; private set; } = null!;

    public Command Test { get; private set; } = null!;

    public Argument<string> TestRules { get; private set; } = null!;

    public Argument<string> TestFile { get; private set; } = null!;

    public Command Coverage { get; private set; } = null!;

    public Argument<string> CoverageRules { get; private set; } = null!;

    public Argument<string> CoverageCases { get; private set; } = null!;

    public Command Diff { get; private set; } = null!;

    public Argument<string> DiffOld { get; private set; } = null!;

    public Argument<string> DiffNew { get; private set; } = null!;

    public Argument<string> DiffCases { get; private set; } = null!;

    public Option<int> Examples { get; private set; } = null!;

    public Command Fmt { get; private set; } = null!;

    public Argument<string[]> FmtFiles { get; private set; } = null!;

    public Option<bool> FmtCheck { get; private set; } = null!;

    public Option<bool> FmtStdout { get; private set; } = null!;

    /// <summary>Gets the <c>--format</c> option of each rule-file command.</summary>
    public Dictionary<Command, Option<string[]>> ReportFormats { get; } = [];

    public Argument<string[]> HelpTopic { get; }

    /// <summary>Parses the arguments given to the constructor.</summary>
    public ParseResult Parse() =>
        Root.Parse(_args, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });

    /// <summary>Gets the usage lines and closing lines of a command's help.</summary>
    public CommandHelp HelpOf(Command command) => _help.TryGetValue(command, out var help) ? help : new CommandHelp([], []);

    /// <summary>Adds a command with its usage lines and closing lines of help (for the rule-file commands).</summary>
    public void AddCommand(Command command, string[] usage, string[] footer)
    {
        Root.Add(command);
        _help[command] = new CommandHelp(usage, footer);
    }

    /// <summary>Finds a command by name.</summary>
    public Command? FindCommand(string name) =>
        Root.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    /// <summary>Words every problem of a parse, each on its own line and with suggestions; empty when there is none.</summary>
    public List<string> Problems(ParseResult result)
    {
        var ja = Ja;
        var problems = new List<string>();
        var command = result.CommandResult.Command;
        var unknownCommand = false;
        foreach (var token in result.UnmatchedTokens)
        {
            if (token.StartsWith('-') && token.Length > 1)
            {
                problems.Add(UnknownOption(token, command));
            }
            else if (command == Root)
            {
                // What follows an unknown command belongs to it: one message is enough.
                if (unknownCommand)
                {
                    continue;
                }

                unknownCommand = true;
                problems.Add(Say(ja, $"offerrules: unknown command '{token}'.", $"offerrules：「{token}」というコマンドはありません。")
                    + DidYouMean(token, Root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
            }
            else
            {
                problems.Add(Say(ja, $"offerrules: {command.Name} does not take the argument '{token}'.", $"offerrules：{command.Name} は「{token}」という引数を受け付けません。"));
            }
        }

        foreach (var error in result.Errors)
        {
            if (_ownMessages.Contains(error.Message))
            {
                problems.Add(error.Message);
            }
            else if (error.SymbolResult is OptionResult option)
            {
                var name = option.IdentifierToken?.Value ?? option.Option.Name;
                problems.Add(option.Tokens.Count == 0
                    ? Say(ja, $"offerrules: {name} needs a value.", $"offerrules：{name} には値が必要です。")
                    : option.Tokens.Count > 1
                        ? Say(ja, $"offerrules: {name} can be given only once.", $"offerrules：{name} は一度しか指定できません。")
                        : Say(ja, $"offerrules: '{option.Tokens[0].Value}' is not a valid value for {name}.", $"offerrules：「{option.Tokens[0].Value}」は {name} の値として使えません。"));
            }
            else if (error.SymbolResult is ArgumentResult argument)
            {
                var owner = result.CommandResult.Command.Name;
                problems.Add(argument.Tokens.Count == 0
                    ? Say(ja, $"offerrules: {owner} needs {argument.Argument.Name}.", $"offerrules：{owner} には {argument.Argument.Name} が必要です。")
                    : Say(ja, $"offerrules: {owner} was given too many arguments.", $"offerrules：{owner} の引数が多すぎます。"));
            }
        }

        // Anything System.CommandLine reports that the cases above do not word (there should be none) still counts.
        if (problems.Count == 0 && result.Errors.Count > 0 && !(command == Root && result.UnmatchedTokens.Count == 0))
        {
            problems.AddRange(result.Errors.Select(e => "offerrules: " + e.Message));
        }

        return problems;
    }

    /// <summary>Words the hint that follows usage errors.</summary>
    public string HelpHint(Command command)
    {
        var path = command == Root ? "offerrules" : $"offerrules {command.Name}";
        return Say(Ja, $"Run '{path} --help' to see the usage.", $"使い方は「{path} --help」で表示できます。");
    }

    /// <summary>Gets the last value of a repeatable option (the last one given wins), or <paramref name="fallback"/>.</summary>
    public static string? Last(ParseResult result, Option<string[]> option, string? fallback = null) =>
        result.GetValue(option) is { Length: > 0 } values ? values[^1] : fallback;

    /// <summary>Suggests the closest of <paramref name="candidates"/> to a mistyped <paramref name="token"/>.</summary>
    public string DidYouMean(string token, IEnumerable<string> candidates)
    {
        var close = Suggestions.Closest(token, candidates);
        return close.Count switch
        {
            0 => string.Empty,
            1 => Say(Ja, $" Did you mean '{close[0]}'?", $"もしかして「{close[0]}」ですか？"),
            _ => Say(Ja, $" Did you mean one of: {string.Join(", ", close.Select(c => $"'{c}'"))}?", $"もしかして{string.Join("、", close.Select(c => $"「{c}」"))}のどれかですか？"),
        };
    }

    private string UnknownOption(string token, Command command)
    {
        var name = token.Split('=', ':')[0];
        var options = command.Options.Concat(Root.Options.Where(o => o.Recursive || command == Root))
            .Where(o => !o.Hidden)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(o => o.StartsWith("--", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var where = command == Root ? "offerrules" : command.Name;
        return Say(Ja, $"offerrules: unknown option '{name}' for {where}.", $"offerrules：{where} に「{name}」というオプションはありません。")
            + DidYouMean(name, options);
    }

    /// <summary>A file argument that starts with - (other than - itself) is a mistyped option, unless it comes after --.</summary>
    private void RejectUnknownOptions(ArgumentResult result, Command command)
    {
        var doubleDash = IndexOf("--");
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-' && (doubleDash < 0 || IndexOf(token.Value) < doubleDash))
            {
                AddError(result, UnknownOption(token.Value, command));
            }
        }
    }

    private int IndexOf(string arg)
    {
        for (var i = 0; i < _args.Count; i++)
        {
            if (_args[i] == arg)
            {
                return i;
            }
        }

        return -1;
    }

    private void Choices(Option<string[]> option, params string[] allowed)
    {
        var ja = Ja;
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!allowed.Contains(token.Value, StringComparer.Ordinal))
                {
                    var name = option.Name;
                    var list = string.Join(Say(ja, ", ", "、"), allowed);
                    AddError(result, Say(ja, $"offerrules: '{token.Value}' is not a valid value for {name}; use {list}.", $"offerrules：「{token.Value}」は {name} の値として使えません。{list} のどれかを指定してください。")
                        + DidYouMean(token.Value, allowed));
                }
            }
        });
    }

    private void AddError(SymbolResult result, string message)
    {
        _ownMessages.Add(message);
        result.AddError(message);
    }

    /// <summary>Reads <c>--lang</c> from the raw arguments, so that even a command line that does not parse gets its errors in the language it asked for.</summary>
    private static bool DetectJapanese(IReadOnlyList<string> args)
    {
        var ja = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (arg == "--lang" && i + 1 < args.Count)
            {
                ja = args[i + 1] == "ja";
            }
            else if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                ja = arg[7..] == "ja";
            }
        }

        return ja;
    }
}

/// <summary>The usage lines and closing lines of a command's help.</summary>
internal sealed record CommandHelp(string[] Usage, string[] Footer);
