using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OfferRules.Domain;
using OfferRules.Evaluation;
using OfferRules.Facts;
using OfferRules.Internal;
using static System.FormattableString;

namespace OfferRules.Serialization;

/// <summary>
/// Reads cases from the case JSON contract. Reading is strict and total: an unknown property, a wrong type, an unknown
/// value, an impossible date, malformed JSON or nesting deeper than 64 levels each give an issue with a JSON path,
/// all of them at once, and never an exception.
/// </summary>
/// <remarks>
/// The reader walks a parsed document by hand instead of binding to types with a serializer, because a serializer
/// stops at the first problem while the contract asks for every problem; the walker is trimming- and AOT-safe too.
/// </remarks>
public static partial class CaseJson
{
    /// <summary>The largest case accepted, in bytes (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The chunk the stream overloads read at a time; a stream over the limit is read at most this much past it.</summary>
    internal const int StreamChunk = 16384;

    private const int MaxIssues = 100;

    /// <summary>Reads a case from JSON text, with English messages.</summary>
    /// <param name="json">The case's text.</param>
    /// <returns>The case, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static CaseReadResult Read(string json) => Read(json, null);

    /// <summary>Reads a case from UTF-8 bytes (a leading byte order mark is allowed), with English messages.</summary>
    /// <param name="utf8Json">The case's bytes.</param>
    /// <returns>The case, or every problem found.</returns>
    public static CaseReadResult Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a case from a stream of UTF-8 JSON, with English messages.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The case, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static CaseReadResult Read(Stream utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a case from JSON text.</summary>
    /// <param name="json">The case's text.</param>
    /// <param name="language">The language of the issue messages (<c>en</c> or <c>ja</c>); English when <see langword="null"/>.</param>
    /// <returns>The case, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static CaseReadResult Read(string json, string? language)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            return TooLarge(json.Length, Resolve(language));
        }

        return Read(Encoding.UTF8.GetBytes(json), language);
    }

    /// <summary>Reads a case from UTF-8 bytes (a leading byte order mark is allowed).</summary>
    /// <param name="utf8Json">The case's bytes.</param>
    /// <param name="language">The language of the issue messages (<c>en</c> or <c>ja</c>); English when <see langword="null"/>.</param>
    /// <returns>The case, or every problem found.</returns>
    public static CaseReadResult Read(ReadOnlySpan<byte> utf8Json, string? language)
    {
        var lang = Resolve(language);
        if (utf8Json.Length > MaxBytes)
        {
            return TooLarge(utf8Json.Length, lang);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // A clean case, the common one, is read in one forward pass (which checks the UTF-8 of the strings it keeps and
        // accepts only ASCII elsewhere); anything that would be an issue is read again by the document walker, which
        // finds every issue with its path.
        if (ForwardReader.TryRead(utf8Json) is { } @case)
        {
            return new CaseReadResult(@case, []);
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Invalid(new ValidationIssue(IssueSeverity.Error, "case.malformedJson", "$", Say(lang, "The text is not valid UTF-8.", "テキストが正しい UTF-8 ではありません。")));
        }

        return ReadDocument(utf8Json, lang);
    }

    /// <summary>
    /// Reads a case the way every case was read before the forward reader: a parsed document, walked by hand. Kept as
    /// the reader of record for issues, and so that tests can compare the two readers.
    /// </summary>
    internal static CaseReadResult ReadWithDocument(ReadOnlySpan<byte> utf8Json, string? language)
    {
        var lang = Resolve(language);
        if (utf8Json.Length > MaxBytes)
        {
            return TooLarge(utf8Json.Length, lang);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return Invalid(new ValidationIssue(IssueSeverity.Error, "case.malformedJson", "$", Say(lang, "The text is not valid UTF-8.", "テキストが正しい UTF-8 ではありません。")));
        }

        return ReadDocument(utf8Json, lang);
    }

    private static CaseReadResult ReadDocument(ReadOnlySpan<byte> utf8Json, Language lang)
    {
        JsonDocument document;
        var options = new JsonReaderOptions { MaxDepth = MaxDepth };
        try
        {
            var reader = new Utf8JsonReader(utf8Json, options);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                // ParseValue stops after one value; anything but white space after it is not one JSON document.
                document.Dispose();
                return Invalid(new ValidationIssue(IssueSeverity.Error, "case.malformedJson", "$", Say(lang, "The text holds more than one JSON value.", "JSON の値が複数あります。")));
            }
        }
        catch (JsonException ex)
        {
            var deep = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            var whereJa = ex.LineNumber is { } l ? $"（{l + 1}行目、{ex.BytePositionInLine + 1}バイト目）" : string.Empty;
            var message = deep
                ? Say(lang, $"The JSON is nested deeper than {MaxDepth} levels.", $"JSON の入れ子が{MaxDepth}段を超えています。")
                : Say(lang, $"The text is not valid JSON{where}.", $"JSON として読み取れません{whereJa}。");
            return Invalid(new ValidationIssue(IssueSeverity.Error, deep ? "case.tooDeep" : "case.malformedJson", string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, message));
        }

        using (document)
        {
            if (JsonEscapes.FindUnreadableString(utf8Json, options, out var offset) is { } at)
            {
                return Invalid(new ValidationIssue(IssueSeverity.Error, "case.malformedJson", Walker.PathOf(at), Say(
                    lang,
                    $"The text has an escape that is not a valid Unicode character, such as a lone surrogate \\ud800 (byte {offset + 1}).",
                    $"有効な Unicode 文字にならないエスケープ（「\\ud800」のような単独のサロゲートなど）があります（{offset + 1}バイト目）。")));
            }

            var walker = new Walker(lang);
            var @case = walker.ReadCase(document.RootElement);
            return new CaseReadResult(walker.HasErrors ? null : @case, [.. walker.Issues]);
        }
    }

    /// <summary>Reads a case from a stream of UTF-8 JSON, reading at most <see cref="MaxBytes"/>.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="language">The language of the issue messages (<c>en</c> or <c>ja</c>); English when <see langword="null"/>.</param>
    /// <returns>The case, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public static CaseReadResult Read(Stream utf8Json, string? language)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[StreamChunk];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return TooLarge(buffer.Length + read, Resolve(language));
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), language);
    }

    /// <summary>
    /// Reads a case from a stream of UTF-8 JSON asynchronously, as ASP.NET Core needs for a request body, reading at most
    /// <see cref="MaxBytes"/> and one chunk of 16 KiB more. The result is the same as
    /// <see cref="Read(Stream, string)"/> gives; a stream over the limit is a <c>case.tooLarge</c> issue.
    /// </summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="language">The language of the issue messages (<c>en</c> or <c>ja</c>); English when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read; a cancelled read throws, it is not reported as an invalid case.</param>
    /// <returns>The case, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<CaseReadResult> ReadAsync(Stream utf8Json, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var bytes = await PooledStreamReader.ReadAsync(utf8Json, MaxBytes, StreamChunk, cancellationToken).ConfigureAwait(false);
        return bytes.TooLargeAt >= 0 ? TooLarge(bytes.TooLargeAt, Resolve(language)) : Read(bytes.Span, language);
    }

    /// <summary>Writes a case in the case JSON contract. Unknown facts are left out, so reading the text back gives an equal case.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The JSON text, on one line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is <see langword="null"/>.</exception>
    public static string ToJson(OfferCase @case) => Encoding.UTF8.GetString(ToUtf8Json(@case));

    /// <summary>Writes a case in the case JSON contract as UTF-8, exactly the bytes of <see cref="ToJson(OfferCase)"/>.</summary>
    internal static ReadOnlySpan<byte> ToUtf8Json(OfferCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            CaseWriter.Write(writer, @case);
        }

        return buffer.WrittenSpan;
    }

    private static Language Resolve(string? language) => language is null ? Language.English : EvaluationOptions.ResolveLanguage(language);

    private static string Say(Language language, string en, string ja) => language == Language.Japanese ? ja : en;

    private static CaseReadResult Invalid(ValidationIssue issue) => new(null, [issue]);

    /// <summary>Gets the issue for a case of <paramref name="size"/> bytes, over <see cref="MaxBytes"/>.</summary>
    internal static ValidationIssue TooLargeIssue(long size, string? language) => TooLarge(size, Resolve(language)).Diagnostics[0];

    private static CaseReadResult TooLarge(long size, Language language) => Invalid(new ValidationIssue(
        IssueSeverity.Error,
        "case.tooLarge",
        "$",
        Say(language, $"The case is {size} bytes; the limit is {MaxBytes}.", $"ケースのサイズが{size}バイトあり、上限の{MaxBytes}バイトを超えています。")));

    /// <summary>The JSON names of an enum's members as UTF-8, so that a value is matched without making a string.</summary>
    private static class Utf8Names<TEnum>
        where TEnum : struct, System.Enum
    {
        private static readonly byte[][] s_names = [.. JsonNames<TEnum>.Names.Select(Encoding.UTF8.GetBytes)];
        private static readonly TEnum[] s_values = System.Enum.GetValues<TEnum>();

        /// <summary>Gets the names other than <c>unknown</c> (which the readers treat as absent), quoted, for matching in place.</summary>
        public static byte[][] Quoted { get; } = [.. JsonNames<TEnum>.Names.Where(n => n != "unknown").Select(n => Encoding.UTF8.GetBytes($"\"{n}\""))];

        /// <summary>Gets the members of <see cref="Quoted"/>, in its order.</summary>
        public static TEnum[] Values { get; } = [.. JsonNames<TEnum>.Names.Select((n, i) => (n, i)).Where(p => p.n != "unknown").Select(p => System.Enum.GetValues<TEnum>()[p.i])];

        public static bool TryParse(JsonElement element, out TEnum value)
        {
            for (var i = 0; i < s_names.Length; i++)
            {
                if (element.ValueEquals(s_names[i]))
                {
                    value = s_values[i];
                    return true;
                }
            }

            value = default;
            return false;
        }

        /// <summary>Matches an unescaped string value, as <see cref="TryParse(JsonElement, out TEnum)"/> does.</summary>
        public static bool TryParse(ReadOnlySpan<byte> utf8, out TEnum value)
        {
            for (var i = 0; i < s_names.Length; i++)
            {
                if (utf8.SequenceEqual(s_names[i]))
                {
                    value = s_values[i];
                    return true;
                }
            }

            value = default;
            return false;
        }
    }

    /// <summary>The properties of one object, by their index in its list of allowed names; absent ones are <c>Undefined</c>.</summary>
    private readonly record struct Fields(JsonElement[] Slots, string[] Names)
    {
        public bool TryGet(string name, out JsonElement value)
        {
            var index = Array.IndexOf(Names, name);
            if (index >= 0 && Slots[index].ValueKind != JsonValueKind.Undefined)
            {
                value = Slots[index];
                return true;
            }

            value = default;
            return false;
        }
    }

    private sealed class Walker(Language language)
    {
        private static readonly string[] s_root = ["$schema", "kind", "asOf", "offer", "decline", "company", "request", "candidate", "missedContact"];
        private static readonly string[] s_offer = ["company", "position", "department", "contactPerson", "track", "offeredOn", "startsOn", "stageAtDecline", "viaRecruitmentAgent", "evaluation"];
        private static readonly string[] s_decline = ["declinedOn", "channel", "promptness", "explainedReason", "expressedThanks", "tone", "originalReason", "circumstanceChanged", "evidenceAvailable", "previouslyReversed"];
        private static readonly string[] s_company = ["seatStatus", "seatOfferedToOther", "policyForbidsReinstatement", "hiringNeedTrend", "unfairPressureOrRescission", "businessHours", "closedDates"];
        private static readonly string[] s_hours = ["opens", "closes"];
        private static readonly string[] s_request = ["changeOfMindReason", "priorRequestOutcome", "plannedChannel", "plannedContactAt", "willingToRedoSelection"];
        private static readonly string[] s_candidate = ["name", "school"];
        private static readonly string[] s_missed = ["interviewedOn", "firstMissedCallOn", "cause", "employerSaidPositionFilled", "plannedCallAt", "plannedChannel", "hasBackupContact"];
        private static readonly string[] s_dateTimeFormats =
        [
            "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        ];

        private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

        // The properties of the root and of the section being read, filled while checking their names, so that each
        // field is found without searching the object again. Sections are read one after another, never nested.
        private static readonly int s_maxFields = new[] { s_root, s_offer, s_decline, s_company, s_request, s_candidate, s_missed }.Max(a => a.Length);
        private readonly JsonElement[] _rootSlots = new JsonElement[s_maxFields];
        private readonly JsonElement[] _sectionSlots = new JsonElement[s_maxFields];

        public List<ValidationIssue> Issues { get; } = [];

        public bool HasErrors { get; private set; }

        public OfferCase ReadCase(JsonElement root)
        {
            if (!Object(root, "$", s_root, _rootSlots))
            {
                return new OfferCase();
            }

            var fields = new Fields(_rootSlots, s_root);
            var kind = Enum(fields, "$", "kind", CaseKind.DeclineWithdrawal);
            var asOf = AsOf(fields);
            return new OfferCase
            {
                Kind = kind,
                AsOf = asOf,
                Offer = Section(fields, "offer", s_offer, ReadOffer) ?? Offer.Unknown,
                Decline = Section(fields, "decline", s_decline, ReadDecline) ?? DeclineEvent.Unknown,
                Company = Section(fields, "company", s_company, ReadCompany) ?? CompanyContext.Unknown,
                Request = Section(fields, "request", s_request, ReadRequest) ?? WithdrawalRequest.Unknown,
                Candidate = Section(fields, "candidate", s_candidate, ReadCandidate) ?? Candidate.Unknown,
                MissedContact = Section(fields, "missedContact", s_missed, ReadMissed) ?? MissedContact.Unknown,
            };
        }

        private Offer ReadOffer(Fields e, string p) => new()
        {
            Company = Text(e, p, "company"),
            Position = Text(e, p, "position"),
            Department = Text(e, p, "department"),
            ContactPerson = Text(e, p, "contactPerson"),
            Track = Enum(e, p, "track", HiringTrack.Unknown),
            OfferedOn = Date(e, p, "offeredOn"),
            StartsOn = Date(e, p, "startsOn"),
            StageAtDecline = Enum(e, p, "stageAtDecline", OfferStage.Unknown),
            ViaRecruitmentAgent = Bool(e, p, "viaRecruitmentAgent"),
            Evaluation = Enum(e, p, "evaluation", CandidateEvaluation.Unknown),
        };

        private DeclineEvent ReadDecline(Fields e, string p) => new()
        {
            DeclinedOn = Date(e, p, "declinedOn"),
            Channel = Enum(e, p, "channel", DeclineChannel.Unknown),
            Promptness = Enum(e, p, "promptness", Promptness.Unknown),
            ExplainedReason = Bool(e, p, "explainedReason"),
            ExpressedThanks = Bool(e, p, "expressedThanks"),
            Tone = Enum(e, p, "tone", DeclineTone.Unknown),
            OriginalReason = Enum(e, p, "originalReason", DeclineReason.Unknown),
            CircumstanceChanged = Bool(e, p, "circumstanceChanged"),
            EvidenceAvailable = Bool(e, p, "evidenceAvailable"),
            PreviouslyReversed = Bool(e, p, "previouslyReversed"),
        };

        private CompanyContext ReadCompany(Fields e, string p) => new()
        {
            SeatStatus = Enum(e, p, "seatStatus", SeatStatus.Unknown),
            SeatOfferedToOther = Bool(e, p, "seatOfferedToOther"),
            PolicyForbidsReinstatement = Bool(e, p, "policyForbidsReinstatement"),
            HiringNeedTrend = Enum(e, p, "hiringNeedTrend", HiringNeedTrend.Unknown),
            UnfairPressureOrRescission = Bool(e, p, "unfairPressureOrRescission"),
            BusinessHours = Hours(e, p),
            ClosedDates = ClosedDates(e, p),
        };

        private ImmutableArray<DateOnly> ClosedDates(Fields company, string path)
        {
            if (!Value(company, "closedDates", out var element))
            {
                return [];
            }

            var at = Child(path, "closedDates");
            if (element.ValueKind != JsonValueKind.Array)
            {
                Error(
                    "case.wrongType",
                    at,
                    $"'closedDates' must be a list of dates written as \"yyyy-MM-dd\", such as [\"2026-12-28\"], not {Describe(element)}.",
                    $"closedDates には年-月-日の形の日付の配列（例：「[\"2026-12-28\"]」）を指定してください。指定値：{JsonWalker.DescribeJa(element)}");
                return [];
            }

            var count = element.GetArrayLength();
            if (count > CompanyContext.MaxClosedDates)
            {
                Error(
                    "case.tooLong",
                    at,
                    $"'closedDates' has {count} dates; the limit is {CompanyContext.MaxClosedDates}.",
                    $"closedDates に日付が{count}件あり、上限の{CompanyContext.MaxClosedDates}件を超えています。");
                return [];
            }

            var dates = ImmutableArray.CreateBuilder<DateOnly>(count);
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = $"{at}[{index.ToString(CultureInfo.InvariantCulture)}]";
                index++;
                if (item.ValueKind == JsonValueKind.String && ParseDate(item.GetString()!) is { } date)
                {
                    if (Guard.IsSupported(date))
                    {
                        dates.Add(date);
                    }
                    else
                    {
                        OutOfRange(item, itemPath, "case.invalidDate");
                    }

                    continue;
                }

                var impossible = item.ValueKind == JsonValueKind.String && LooksLikeDate(item.GetString()!);
                Error(
                    "case.invalidDate",
                    itemPath,
                    impossible ? $"{Describe(item)} is not a real calendar date." : $"Each of 'closedDates' must be a date written as \"yyyy-MM-dd\", not {Describe(item)}.",
                    impossible ? $"{JsonWalker.DescribeJa(item)}は存在しない日付です。" : $"closedDates の各要素は「2026-12-28」のような年-月-日の形の日付で指定してください。指定値：{JsonWalker.DescribeJa(item)}");
            }

            return dates.ToImmutable();
        }

        private Scheduling.BusinessHours? Hours(Fields company, string path)
        {
            if (!Value(company, "businessHours", out var element))
            {
                return null;
            }

            var at = Child(path, "businessHours");
            if (!Object(element, at, s_hours))
            {
                return null;
            }

            var opens = Time(element, at, "opens");
            var closes = Time(element, at, "closes");
            if (opens is not { } o || closes is not { } c)
            {
                if (opens is null && closes is null)
                {
                    Error("case.invalidValue", at, "'businessHours' needs both 'opens' and 'closes', such as \"09:00\" and \"18:00\".", "businessHours には opens と closes の両方（例：「09:00」と「18:00」）が必要です。");
                }

                return null;
            }

            if (o >= c)
            {
                Error("case.invalidValue", at, Invariant($"The company cannot close ({c:HH:mm}) before it opens ({o:HH:mm})."), Invariant($"終業時刻（{c:HH:mm}）が始業時刻（{o:HH:mm}）より前になっています。"));
                return null;
            }

            return new Scheduling.BusinessHours(o, c);
        }

        private TimeOnly? Time(JsonElement obj, string path, string name)
        {
            if (!obj.TryGetProperty(name, out var element))
            {
                Error("case.invalidValue", path, $"'businessHours' needs '{name}'.", $"businessHours に {name} が必要です。");
                return null;
            }

            if (element.ValueKind == JsonValueKind.String
                && TimeOnly.TryParseExact(element.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            Error("case.invalidValue", Child(path, name), $"'{name}' must be a time written as \"HH:mm\", not {Describe(element)}.", $"{name} は「09:30」のような時：分の形の時刻（24時間制）で指定してください。指定値：{JsonWalker.DescribeJa(element)}");
            return null;
        }

        private WithdrawalRequest ReadRequest(Fields e, string p) => new()
        {
            ChangeOfMindReason = Enum(e, p, "changeOfMindReason", ChangeOfMindReason.Unknown),
            PriorRequestOutcome = Enum(e, p, "priorRequestOutcome", PriorRequestOutcome.Unknown),
            PlannedChannel = Enum(e, p, "plannedChannel", PlannedChannel.Unknown),
            PlannedContactAt = DateTime(e, p, "plannedContactAt"),
            WillingToRedoSelection = Bool(e, p, "willingToRedoSelection"),
        };

        private Candidate ReadCandidate(Fields e, string p) => new()
        {
            Name = Text(e, p, "name"),
            School = Text(e, p, "school"),
        };

        private MissedContact ReadMissed(Fields e, string p) => new()
        {
            InterviewedOn = Date(e, p, "interviewedOn"),
            FirstMissedCallOn = Date(e, p, "firstMissedCallOn"),
            Cause = Enum(e, p, "cause", MissedContactCause.Unknown),
            EmployerSaidPositionFilled = Bool(e, p, "employerSaidPositionFilled"),
            PlannedCallAt = DateTime(e, p, "plannedCallAt"),
            PlannedChannel = Enum(e, p, "plannedChannel", MissedContactChannel.Unknown),
            HasBackupContact = Bool(e, p, "hasBackupContact"),
        };

        private T? Section<T>(Fields root, string name, string[] allowed, Func<Fields, string, T> read)
            where T : class
        {
            if (!root.TryGet(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var path = Child("$", name);
            return Object(element, path, allowed, _sectionSlots) ? read(new Fields(_sectionSlots, allowed), path) : null;
        }

        private DateTimeOffset? AsOf(Fields root)
        {
            if (!Value(root, "asOf", out var element))
            {
                return null;
            }

            var path = "$.asOf";
            if (element.ValueKind == JsonValueKind.String)
            {
                var text = element.GetString()!;
                if (text.Length == 10 && ParseDate(text) is { } date)
                {
                    if (Guard.IsSupported(date))
                    {
                        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), s_japan);
                    }

                    OutOfRange(element, path);
                    return null;
                }

                if (text.Length > 10 && ParseDateTime(text) is { } instant)
                {
                    if (Guard.IsSupported(instant))
                    {
                        return instant;
                    }

                    OutOfRange(element, path);
                    return null;
                }
            }

            Error("case.invalidValue", path, $"'asOf' must be a date (\"2025-07-02\") or a date-time with an offset (\"2025-07-02T09:30:00+09:00\"), not {Describe(element)}.",
                $"asOf には日付（「2025-07-02」）または時差付きの日時（「2025-07-02T09:30:00+09:00」）を指定してください。指定値：{JsonWalker.DescribeJa(element)}");
            return null;
        }

        private bool Object(JsonElement element, string path, string[] allowed, JsonElement[]? slots = null)
        {
            if (slots is not null)
            {
                Array.Clear(slots);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Error("case.wrongType", path, $"Expected an object, not {Describe(element)}.", $"オブジェクトが必要ですが、{JsonWalker.DescribeJa(element)}が指定されています。");
                return false;
            }

            // Allowed names (at most 64 per object) are tracked in a bit set; a set is made only for unknown names.
            var seenAllowed = 0UL;
            HashSet<string>? seenOther = null;
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                var index = Array.IndexOf(allowed, name);
                var duplicate = index >= 0
                    ? (seenAllowed & (1UL << index)) != 0
                    : !(seenOther ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                if (index >= 0)
                {
                    seenAllowed |= 1UL << index;
                    if (slots is not null)
                    {
                        // The last of duplicated properties wins, as with JsonElement.TryGetProperty.
                        slots[index] = property.Value;
                    }
                }

                if (duplicate)
                {
                    Error("case.duplicateProperty", Child(path, name), $"The property '{Short(name)}' appears more than once.", $"プロパティ「{Short(name)}」が重複しています。");
                }

                if (index < 0)
                {
                    var hint = Closest(name, allowed) is { } s ? $" Did you mean '{s}'?" : string.Empty;
                    var hintJa = Closest(name, allowed) is { } t ? $"「{t}」の誤りではありませんか。" : string.Empty;
                    Error("case.unknownProperty", Child(path, name), $"Unknown property '{Short(name)}'.{hint}", $"不明なプロパティ「{Short(name)}」です。{hintJa}");
                }
            }

            return true;
        }

        private static bool Value(Fields obj, string name, out JsonElement value) =>
            obj.TryGet(name, out value) && value.ValueKind != JsonValueKind.Null
            && !(value.ValueKind == JsonValueKind.String && value.ValueEquals("unknown"u8));

        private TEnum Enum<TEnum>(Fields obj, string path, string name, TEnum unknown)
            where TEnum : struct, System.Enum
        {
            if (!Value(obj, name, out var element))
            {
                return unknown;
            }

            if (element.ValueKind == JsonValueKind.String && Utf8Names<TEnum>.TryParse(element, out var value))
            {
                return value;
            }

            var allowed = string.Join(", ", JsonNames<TEnum>.Names.Where(n => n != "unknown"));
            var allowedJa = string.Join("、", JsonNames<TEnum>.Names.Where(n => n != "unknown").Select(n => "「" + n + "」"));
            Error(
                "case.invalidValue",
                Child(path, name),
                $"{Describe(element)} is not a valid {name}. Use one of: {allowed} (or null when unknown).",
                $"{JsonWalker.DescribeJa(element)}は {name} に使えません。次のいずれかを指定してください：{allowedJa}（不明な場合は null）。");
            return unknown;
        }

        private bool? Bool(Fields obj, string path, string name)
        {
            if (!Value(obj, name, out var element))
            {
                return null;
            }

            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return element.ValueKind == JsonValueKind.True;
            }

            Error("case.wrongType", Child(path, name), $"'{name}' must be true, false or null, not {Describe(element)}.", $"{name} には true、false、null のいずれかを指定してください。指定値：{JsonWalker.DescribeJa(element)}");
            return null;
        }

        private DateOnly? Date(Fields obj, string path, string name)
        {
            if (!Value(obj, name, out var element))
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.String && ParseDate(element.GetString()!) is { } date)
            {
                if (Guard.IsSupported(date))
                {
                    return date;
                }

                OutOfRange(element, Child(path, name), "case.invalidDate");
                return null;
            }

            var impossible = element.ValueKind == JsonValueKind.String && LooksLikeDate(element.GetString()!);
            Error(
                "case.invalidDate",
                Child(path, name),
                impossible ? $"{Describe(element)} is not a real calendar date." : $"'{name}' must be a date written as \"yyyy-MM-dd\", not {Describe(element)}.",
                impossible ? $"{JsonWalker.DescribeJa(element)}は存在しない日付です。" : $"{name} は「2025-07-02」のような年-月-日の形の日付で指定してください。指定値：{JsonWalker.DescribeJa(element)}");
            return null;
        }

        private DateTimeOffset? DateTime(Fields obj, string path, string name)
        {
            if (!Value(obj, name, out var element))
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.String && ParseDateTime(element.GetString()!) is { } instant)
            {
                if (Guard.IsSupported(instant))
                {
                    return instant;
                }

                OutOfRange(element, Child(path, name), "case.invalidDate");
                return null;
            }

            Error(
                "case.invalidDate",
                Child(path, name),
                $"'{name}' must be a date-time with an offset, such as \"2025-07-02T10:30:00+09:00\", not {Describe(element)}.",
                $"{name} は「2025-07-02T10:30:00+09:00」のような時差付きの日時で指定してください。指定値：{JsonWalker.DescribeJa(element)}");
            return null;
        }

        private void OutOfRange(JsonElement element, string path, string code = "case.invalidValue") => Error(
            code,
            path,
            $"{Describe(element)} is outside the supported dates ({Guard.SupportedRange} in Japan).",
            $"{JsonWalker.DescribeJa(element)}は対応している日付の範囲（日本時間で{SupportedRangeJa}）の外です。");

        private string? Text(Fields obj, string path, string name)
        {
            if (!obj.TryGet(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var at = Child(path, name);
            if (element.ValueKind != JsonValueKind.String)
            {
                Error("case.wrongType", at, $"'{name}' must be a string, not {Describe(element)}.", $"{name} には文字列を指定してください。指定値：{JsonWalker.DescribeJa(element)}");
                return null;
            }

            var text = element.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (text.Any(char.IsControl))
            {
                Error("case.invalidValue", at, $"'{name}' must not contain control characters such as line breaks, tabs or U+0000.", $"{name} に改行・タブ・U+0000 などの制御文字は使えません。");
                return null;
            }

            if (text.Length > Guard.MaxTextLength)
            {
                Error("case.tooLong", at, $"'{name}' is {text.Length} characters long; the limit is {Guard.MaxTextLength}.", $"{name} が{text.Length}文字あり、上限の{Guard.MaxTextLength}文字を超えています。");
                return null;
            }

            return text;
        }

        internal static DateOnly? ParseDate(ReadOnlySpan<char> text)
        {
            // The common, strictly shaped text is read directly; anything else goes to the general parser, so what is
            // accepted is exactly what "yyyy-MM-dd" accepts.
            if (StrictDates.TryDate(text, out var strict))
            {
                return strict;
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }


        private static bool LooksLikeDate(string text) =>
            text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);

        internal static DateTimeOffset? ParseDateTime(ReadOnlySpan<char> text)
        {
            // "yyyy-MM-ddTHH:mm:ss+hh:mm", the commonest shape, is read directly when every part is in range; anything
            // else, or anything near the ends of the calendar, goes to the general parser.
            if (StrictDates.TryDateTime(text, out var strict))
            {
                return strict;
            }

            return DateTimeOffset.TryParseExact(text, s_dateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
        }

        private void Error(string code, string path, string en, string ja)
        {
            HasErrors = true;
            if (Issues.Count < MaxIssues)
            {
                Issues.Add(new ValidationIssue(IssueSeverity.Error, code, path, language == Language.Japanese ? ja : en));
            }
        }

        /// <summary>Writes path segments (a property name or an array index each) as a JSON path from <c>$</c>.</summary>
        internal static string PathOf(List<object> segments)
        {
            var path = "$";
            foreach (var segment in segments)
            {
                path = segment is int index ? $"{path}[{index}]" : Child(path, (string)segment);
            }

            return path;
        }

        private static string Child(string path, string name)
        {
            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
                {
                    return path + "['" + Short(name).Replace("'", "\\'", StringComparison.Ordinal) + "']";
                }
            }

            return name.Length == 0 ? path + "['']" : path + "." + name;
        }

        private static string Describe(JsonElement element) => JsonWalker.Describe(element);

        /// <summary>Gets the supported dates as the product writes dates in Japanese: 1900年1月1日〜2999年12月31日.</summary>
        private static string SupportedRangeJa => Texts.Date(Guard.MinDate, Language.Japanese) + "〜" + Texts.Date(Guard.MaxDate, Language.Japanese);

        private static string Short(string text) => JsonWalker.Shorten(text);

        private static string? Closest(string name, string[] allowed)
        {
            foreach (var candidate in allowed)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
