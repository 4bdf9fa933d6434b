using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.Cli;

/// <summary>The command-line front end: <c>evaluate FILE... [--format text|json] [--lang en|ja] [--rules FILE]</c>.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int SomeInvalid = 1;
    public const int UsageError = 2;

    private const string Usage = """
        Usage: offerrules evaluate FILE... [--format text|json] [--lang en|ja] [--rules RULESET.json]

          FILE           a case in the OfferRules case JSON format (several may be given)
          --format       text (default): an explanation for a person
                         json: one JSON object per input, one per line (JSON Lines), in input order
          --lang         en (default) or ja
          --rules        evaluate with this rule set instead of the built-in default policy

        Exit code: 0 when every input was evaluated, 1 when any was invalid, 2 on a usage error.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? UsageError : Ok;
        }

        if (args[0] != "evaluate")
        {
            stderr.WriteLine($"offerrules: unknown command '{args[0]}'.");
            stderr.WriteLine(Usage);
            return UsageError;
        }

        var files = new List<string>();
        string format = "text", language = "en";
        string? rules = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--format" or "--lang" or "--rules")
            {
                if (i + 1 >= args.Length)
                {
                    stderr.WriteLine($"offerrules: {arg} needs a value.");
                    return UsageError;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--format" when value is "text" or "json":
                        format = value;
                        break;
                    case "--lang" when value is "en" or "ja":
                        language = value;
                        break;
                    case "--rules":
                        rules = value;
                        break;
                    default:
                        stderr.WriteLine($"offerrules: '{value}' is not a valid value for {arg}.");
                        return UsageError;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                stderr.WriteLine($"offerrules: unknown option '{arg}'.");
                return UsageError;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count == 0)
        {
            stderr.WriteLine("offerrules: evaluate needs at least one case file.");
            return UsageError;
        }

        var ruleSet = RuleSet.Default;
        if (rules is not null)
        {
            var loaded = RuleSetJson.LoadFile(rules);
            if (!loaded.TryGetValue(out var custom))
            {
                stderr.WriteLine($"offerrules: the rule set '{rules}' did not load:");
                foreach (var d in loaded.Diagnostics)
                {
                    stderr.WriteLine("  " + d);
                }

                return UsageError;
            }

            ruleSet = custom;
        }

        var evaluator = new OfferEvaluator(ruleSet, TimeProvider.System);
        var options = new EvaluationOptions { Language = language };
        var exit = Ok;
        var first = true;
        foreach (var file in files)
        {
            var result = EvaluateFile(evaluator, file, options);
            if (result.Status == EvaluationStatus.Invalid)
            {
                exit = SomeInvalid;
            }

            if (format == "json")
            {
                stdout.WriteLine(EvaluationJson.ToJson(result, file));
            }
            else
            {
                if (!first)
                {
                    stdout.WriteLine();
                }

                TextReport.Write(stdout, file, result, language == "ja");
            }

            first = false;
        }

        return exit;
    }

    private static EvaluationResult EvaluateFile(OfferEvaluator evaluator, string file, EvaluationOptions options)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > CaseJson.MaxBytes)
            {
                var ja = options.Language == "ja";
                var message = ja
                    ? $"ファイルが{info.Length}バイトあり、上限の{CaseJson.MaxBytes}バイトを超えています。"
                    : $"The file is {info.Length} bytes; the limit is {CaseJson.MaxBytes}.";
                return evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "case.tooLarge", "$", message)]);
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var ja = options.Language == "ja";
            var message = ex is FileNotFoundException or DirectoryNotFoundException
                ? (ja ? $"ファイル '{file}' が見つかりません。" : $"The file '{file}' does not exist.")
                : (ja ? $"ファイル '{file}' を読み込めません:{ex.Message}" : $"The file '{file}' could not be read: {ex.Message}");
            return evaluator.CreateInvalid([new ValidationIssue(IssueSeverity.Error, "file.unreadable", "$", message)]);
        }

        return evaluator.EvaluateJson(bytes, options);
    }
}
