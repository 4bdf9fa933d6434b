using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using OfferRules.Domain;
using OfferRules.Internal;

namespace OfferRules.Serialization;

public static partial class CaseJson
{
    /// <summary>
    /// Reads a clean case in one forward pass over its bytes straight into the domain types, with no parsed document,
    /// no path strings and no per-property strings. It reads a strict subset of JSON itself (<see cref="Scanner"/>:
    /// objects, the one array of dates, unescaped strings, <c>true</c>, <c>false</c> and <c>null</c>) and accepts
    /// exactly what the document walker accepts, giving the same case; at the first thing that would be an issue (or
    /// that it does not read itself, such as an escape, a number or a date-time in a rare shape), it gives up and the
    /// caller reads the text again with the walker, which finds every issue with its JSON path. So issues and their
    /// order come from one place only.
    /// </summary>
    /// <remarks>
    /// The value parsers (<see cref="Walker.ParseDate"/>, <see cref="Walker.ParseDateTime"/>, the enum names, the text
    /// rules) are the walker's own, so the two readers cannot drift apart on what a valid value is;
    /// <c>CaseJsonForwardReaderTests</c> compares them on the bad-input corpus, the fuzz corpus and generated cases.
    /// </remarks>
    internal static class ForwardReader
    {
        private static readonly byte[][] s_root = Utf8("$schema", "kind", "asOf", "offer", "decline", "company", "request", "candidate", "missedContact");
        private static readonly byte[][] s_offer = Utf8("company", "position", "department", "contactPerson", "track", "offeredOn", "startsOn", "stageAtDecline", "viaRecruitmentAgent", "evaluation");
        private static readonly byte[][] s_decline = Utf8("declinedOn", "channel", "promptness", "explainedReason", "expressedThanks", "tone", "originalReason", "circumstanceChanged", "evidenceAvailable", "previouslyReversed");
        private static readonly byte[][] s_company = Utf8("seatStatus", "seatOfferedToOther", "policyForbidsReinstatement", "hiringNeedTrend", "unfairPressureOrRescission", "businessHours", "closedDates");
        private static readonly byte[][] s_request = Utf8("changeOfMindReason", "priorRequestOutcome", "plannedChannel", "plannedContactAt", "willingToRedoSelection");
        private static readonly byte[][] s_candidate = Utf8("name", "school");
        private static readonly byte[][] s_missed = Utf8("interviewedOn", "firstMissedCallOn", "cause", "employerSaidPositionFilled", "plannedCallAt", "plannedChannel", "hasBackupContact");
        private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

        /// <summary>The longest date or date-time text read here; anything longer is not a valid one and goes to the walker.</summary>
        private const int MaxDateChars = 48;

        /// <summary>
        /// Reads <paramref name="utf8Json"/> (no byte order mark, within <see cref="MaxBytes"/>) when it is a case without
        /// a single issue. It need not be valid UTF-8: the strings kept (texts, <c>$schema</c>) are checked, and everywhere
        /// else only ASCII is accepted, so text that is not valid UTF-8 always goes to the walker.
        /// </summary>
        /// <returns>The case, exactly as the walker reads it; <see langword="null"/> when the walker must read it.</returns>
        public static OfferCase? TryRead(ReadOnlySpan<byte> utf8Json)
        {
            var reader = new Scanner(utf8Json);
            if (!reader.TakeStartObject() || !ReadRoot(ref reader, out var @case))
            {
                return null;
            }

            // Anything after the case but white space is malformed; the walker words it.
            return reader.AtEnd() ? @case : null;
        }

        private static bool ReadRoot(ref Scanner reader, out OfferCase? @case)
        {
            @case = null;
            var seen = 0u;
            var next = 0;
            var kind = CaseKind.DeclineWithdrawal;
            DateTimeOffset? asOf = null;
            var offer = Offer.Unknown;
            var decline = DeclineEvent.Unknown;
            var company = CompanyContext.Unknown;
            var request = WithdrawalRequest.Unknown;
            var candidate = Candidate.Unknown;
            var missed = MissedContact.Unknown;
            while (true)
            {
                if (!NextProperty(ref reader, s_root, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                // A section that is null stays unknown; an object is read; anything else goes to the walker.
                var ok = index switch
                {
                    0 => Schema(ref reader),
                    1 => Enum(ref reader, CaseKind.DeclineWithdrawal, out kind),
                    2 => AsOf(ref reader, out asOf),
                    3 => reader.TakeNull() || (reader.TakeStartObject() && ReadOffer(ref reader, out offer)),
                    4 => reader.TakeNull() || (reader.TakeStartObject() && ReadDecline(ref reader, out decline)),
                    5 => reader.TakeNull() || (reader.TakeStartObject() && ReadCompany(ref reader, out company)),
                    6 => reader.TakeNull() || (reader.TakeStartObject() && ReadRequest(ref reader, out request)),
                    7 => reader.TakeNull() || (reader.TakeStartObject() && ReadCandidate(ref reader, out candidate)),
                    _ => reader.TakeNull() || (reader.TakeStartObject() && ReadMissed(ref reader, out missed)),
                };
                if (!ok)
                {
                    return false;
                }
            }

            @case = new OfferCase
            {
                Kind = kind,
                AsOf = asOf,
                Offer = offer,
                Decline = decline,
                Company = company,
                Request = request,
                Candidate = candidate,
                MissedContact = missed,
            };
            return true;
        }

        private static bool ReadOffer(ref Scanner reader, out Offer value)
        {
            value = Offer.Unknown;
            string? company = null, position = null, department = null, contactPerson = null;
            var track = HiringTrack.Unknown;
            DateOnly? offeredOn = null, startsOn = null;
            var stage = OfferStage.Unknown;
            bool? agent = null;
            var evaluation = CandidateEvaluation.Unknown;
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_offer, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                var ok = index switch
                {
                    0 => Text(ref reader, out company),
                    1 => Text(ref reader, out position),
                    2 => Text(ref reader, out department),
                    3 => Text(ref reader, out contactPerson),
                    4 => Enum(ref reader, HiringTrack.Unknown, out track),
                    5 => Date(ref reader, out offeredOn),
                    6 => Date(ref reader, out startsOn),
                    7 => Enum(ref reader, OfferStage.Unknown, out stage),
                    8 => Bool(ref reader, out agent),
                    _ => Enum(ref reader, CandidateEvaluation.Unknown, out evaluation),
                };
                if (!ok)
                {
                    return false;
                }
            }

            value = new Offer
            {
                Company = company,
                Position = position,
                Department = department,
                ContactPerson = contactPerson,
                Track = track,
                OfferedOn = offeredOn,
                StartsOn = startsOn,
                StageAtDecline = stage,
                ViaRecruitmentAgent = agent,
                Evaluation = evaluation,
            };
            return true;
        }

        private static bool ReadDecline(ref Scanner reader, out DeclineEvent value)
        {
            value = DeclineEvent.Unknown;
            DateOnly? declinedOn = null;
            var channel = DeclineChannel.Unknown;
            var promptness = Promptness.Unknown;
            bool? explained = null, thanks = null, changed = null, evidence = null, reversed = null;
            var tone = DeclineTone.Unknown;
            var reason = DeclineReason.Unknown;
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_decline, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                var ok = index switch
                {
                    0 => Date(ref reader, out declinedOn),
                    1 => Enum(ref reader, DeclineChannel.Unknown, out channel),
                    2 => Enum(ref reader, Promptness.Unknown, out promptness),
                    3 => Bool(ref reader, out explained),
                    4 => Bool(ref reader, out thanks),
                    5 => Enum(ref reader, DeclineTone.Unknown, out tone),
                    6 => Enum(ref reader, DeclineReason.Unknown, out reason),
                    7 => Bool(ref reader, out changed),
                    8 => Bool(ref reader, out evidence),
                    _ => Bool(ref reader, out reversed),
                };
                if (!ok)
                {
                    return false;
                }
            }

            value = new DeclineEvent
            {
                DeclinedOn = declinedOn,
                Channel = channel,
                Promptness = promptness,
                ExplainedReason = explained,
                ExpressedThanks = thanks,
                Tone = tone,
                OriginalReason = reason,
                CircumstanceChanged = changed,
                EvidenceAvailable = evidence,
                PreviouslyReversed = reversed,
            };
            return true;
        }

        private static bool ReadCompany(ref Scanner reader, out CompanyContext value)
        {
            value = CompanyContext.Unknown;
            var seat = SeatStatus.Unknown;
            bool? offeredToOther = null, forbids = null, unfair = null;
            var trend = HiringNeedTrend.Unknown;
            Scheduling.BusinessHours? hours = null;
            ImmutableArray<DateOnly> closed = [];
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_company, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                var ok = index switch
                {
                    0 => Enum(ref reader, SeatStatus.Unknown, out seat),
                    1 => Bool(ref reader, out offeredToOther),
                    2 => Bool(ref reader, out forbids),
                    3 => Enum(ref reader, HiringNeedTrend.Unknown, out trend),
                    4 => Bool(ref reader, out unfair),
                    5 => Hours(ref reader, out hours),
                    _ => ClosedDates(ref reader, out closed),
                };
                if (!ok)
                {
                    return false;
                }
            }

            value = new CompanyContext
            {
                SeatStatus = seat,
                SeatOfferedToOther = offeredToOther,
                PolicyForbidsReinstatement = forbids,
                HiringNeedTrend = trend,
                UnfairPressureOrRescission = unfair,
                BusinessHours = hours,
                ClosedDates = closed,
            };
            return true;
        }

        private static bool ReadRequest(ref Scanner reader, out WithdrawalRequest value)
        {
            value = WithdrawalRequest.Unknown;
            var changeOfMind = ChangeOfMindReason.Unknown;
            var prior = PriorRequestOutcome.Unknown;
            var channel = PlannedChannel.Unknown;
            DateTimeOffset? at = null;
            bool? redo = null;
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_request, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                var ok = index switch
                {
                    0 => Enum(ref reader, ChangeOfMindReason.Unknown, out changeOfMind),
                    1 => Enum(ref reader, PriorRequestOutcome.Unknown, out prior),
                    2 => Enum(ref reader, PlannedChannel.Unknown, out channel),
                    3 => DateTime(ref reader, out at),
                    _ => Bool(ref reader, out redo),
                };
                if (!ok)
                {
                    return false;
                }
            }

            value = new WithdrawalRequest
            {
                ChangeOfMindReason = changeOfMind,
                PriorRequestOutcome = prior,
                PlannedChannel = channel,
                PlannedContactAt = at,
                WillingToRedoSelection = redo,
            };
            return true;
        }

        private static bool ReadCandidate(ref Scanner reader, out Candidate value)
        {
            value = Candidate.Unknown;
            string? name = null, school = null;
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_candidate, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                if (!(index == 0 ? Text(ref reader, out name) : Text(ref reader, out school)))
                {
                    return false;
                }
            }

            value = new Candidate { Name = name, School = school };
            return true;
        }

        private static bool ReadMissed(ref Scanner reader, out MissedContact value)
        {
            value = MissedContact.Unknown;
            DateOnly? interviewed = null, firstMissed = null;
            var cause = MissedContactCause.Unknown;
            bool? filled = null, backup = null;
            DateTimeOffset? callAt = null;
            var channel = MissedContactChannel.Unknown;
            var seen = 0u;
            var next = 0;
            while (true)
            {
                if (!NextProperty(ref reader, s_missed, ref seen, ref next, out var index))
                {
                    return false;
                }

                if (index < 0)
                {
                    break;
                }

                var ok = index switch
                {
                    0 => Date(ref reader, out interviewed),
                    1 => Date(ref reader, out firstMissed),
                    2 => Enum(ref reader, MissedContactCause.Unknown, out cause),
                    3 => Bool(ref reader, out filled),
                    4 => DateTime(ref reader, out callAt),
                    5 => Enum(ref reader, MissedContactChannel.Unknown, out channel),
                    _ => Bool(ref reader, out backup),
                };
                if (!ok)
                {
                    return false;
                }
            }

            value = new MissedContact
            {
                InterviewedOn = interviewed,
                FirstMissedCallOn = firstMissed,
                Cause = cause,
                EmployerSaidPositionFilled = filled,
                PlannedCallAt = callAt,
                PlannedChannel = channel,
                HasBackupContact = backup,
            };
            return true;
        }

        /// <summary>
        /// Moves to the next property of the object being read and onto its value. <paramref name="index"/> is the
        /// property's place in <paramref name="names"/>, or -1 at the end of the object. Returns <see langword="false"/>
        /// for what would be an issue (an unknown or repeated name) or what the walker reads (an escaped name).
        /// <paramref name="names"/> are written <c>"name":</c>.
        /// </summary>
        private static bool NextProperty(ref Scanner reader, byte[][] names, ref uint seen, ref int next, out int index)
        {
            // Every property read so far set its bit, so none is set before the first. Compact JSON in the contract's
            // order, the usual shape, takes the fast path: the comma and the quoted name with its colon at once, tried
            // from the name after the last one found.
            index = reader.TakeQuotedName(first: seen == 0, names, next);
            if (index < 0)
            {
                if (!reader.NextMember(first: seen == 0, (byte)'}', out var end))
                {
                    return false;
                }

                if (end)
                {
                    return true;
                }

                if (!reader.TakeString(out var name))
                {
                    return false;
                }

                for (var i = 0; i < names.Length; i++)
                {
                    if (name.SequenceEqual(names[i].AsSpan(1, names[i].Length - 3)))
                    {
                        index = i;
                        break;
                    }
                }

                if (index < 0 || !reader.TakeColon())
                {
                    return false;
                }
            }

            if (index < 0 || (seen & (1u << index)) != 0)
            {
                return false;
            }

            seen |= 1u << index;
            next = index + 1 == names.Length ? 0 : index + 1;
            return true;
        }

        /// <summary>The <c>$schema</c> value is not read; anything but a plain string (which may hide a bad escape) goes to the walker.</summary>
        private static bool Schema(ref Scanner reader) => reader.TakeString(out var schema) && System.Text.Unicode.Utf8.IsValid(schema);

        /// <summary>Reads a value the walker's <c>Value</c> treats as absent: <c>null</c> or the string <c>"unknown"</c>.</summary>
        private static bool IsAbsent(ref Scanner reader) =>
            reader.TakeNull() || (reader.TakeString(out var text) && text.SequenceEqual("unknown"u8));

        private static bool Enum<TEnum>(ref Scanner reader, TEnum unknown, out TEnum value)
            where TEnum : struct, System.Enum
        {
            value = unknown;
            if (reader.TakeNull())
            {
                return true;
            }

            // A member's quoted name is matched in place, without scanning the string first.
            var member = reader.TakeQuoted(Utf8Names<TEnum>.Quoted);
            if (member >= 0)
            {
                value = Utf8Names<TEnum>.Values[member];
                return true;
            }

            return reader.TakeString(out var name) && (name.SequenceEqual("unknown"u8) || Utf8Names<TEnum>.TryParse(name, out value));
        }

        private static bool Bool(ref Scanner reader, out bool? value)
        {
            value = null;
            if (reader.TakeLiteral("true"u8))
            {
                value = true;
                return true;
            }

            if (reader.TakeLiteral("false"u8))
            {
                value = false;
                return true;
            }

            return IsAbsent(ref reader);
        }

        private static bool Date(ref Scanner reader, out DateOnly? value)
        {
            // The usual shape is read in place; its bytes are digits and dashes only, so it is a whole string.
            if (reader.PeekQuoted(10, out var strict) && StrictDates.TryDate(strict, out value))
            {
                reader.Advance(12);
                return value is { } day && Guard.IsSupported(day);
            }

            value = null;
            if (reader.TakeNull())
            {
                return true;
            }

            if (!reader.TakeString(out var bytes))
            {
                return false;
            }

            if (bytes.SequenceEqual("unknown"u8))
            {
                return true;
            }

            if (ParseDate(bytes) is not { } date || !Guard.IsSupported(date))
            {
                return false;
            }

            value = date;
            return true;
        }

        private static bool DateTime(ref Scanner reader, out DateTimeOffset? value)
        {
            if (reader.PeekQuoted(25, out var strict) && StrictDates.TryDateTime(strict, out var at))
            {
                reader.Advance(27);
                value = at;
                return Guard.IsSupported(at);
            }

            value = null;
            if (reader.TakeNull())
            {
                return true;
            }

            if (!reader.TakeString(out var bytes))
            {
                return false;
            }

            if (bytes.SequenceEqual("unknown"u8))
            {
                return true;
            }

            if (ParseDateTime(bytes) is not { } instant || !Guard.IsSupported(instant))
            {
                return false;
            }

            value = instant;
            return true;
        }

        /// <summary>As the walker reads <c>asOf</c>: a date (midnight in Japan) or a date-time with an offset.</summary>
        private static bool AsOf(ref Scanner reader, out DateTimeOffset? value)
        {
            if (reader.PeekQuoted(25, out var strict) && StrictDates.TryDateTime(strict, out var at))
            {
                reader.Advance(27);
                value = at;
                return Guard.IsSupported(at);
            }

            value = null;
            if (reader.TakeNull())
            {
                return true;
            }

            if (!reader.TakeString(out var bytes))
            {
                return false;
            }

            if (bytes.SequenceEqual("unknown"u8))
            {
                return true;
            }

            if (bytes.Length == 10 && ParseDate(bytes) is { } date && Guard.IsSupported(date))
            {
                value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), s_japan);
                return true;
            }

            if (bytes.Length > 10 && ParseDateTime(bytes) is { } instant && Guard.IsSupported(instant))
            {
                value = instant;
                return true;
            }

            return false;
        }

        /// <summary>
        /// <see cref="Walker.ParseDate"/> on the bytes of a string value: its first branch, the strict
        /// <c>yyyy-MM-dd</c> shape, is read here from the bytes as it reads it from the characters; any other shape is
        /// handed to it as characters.
        /// </summary>
        private static DateOnly? ParseDate(ReadOnlySpan<byte> text)
        {
            if (StrictDates.TryDate(text, out var date))
            {
                return date;
            }

            Span<char> chars = stackalloc char[MaxDateChars];
            return Ascii(text, chars, out var length) ? Walker.ParseDate(chars[..length]) : null;
        }

        /// <summary>
        /// <see cref="Walker.ParseDateTime"/> on the bytes of a string value: the strict
        /// <c>yyyy-MM-ddTHH:mm:ss+hh:mm</c> shape with every part in range is read from the bytes by the same
        /// <see cref="StrictDates"/> the walker reads characters with; anything else is handed to it as characters.
        /// </summary>
        private static DateTimeOffset? ParseDateTime(ReadOnlySpan<byte> text)
        {
            if (StrictDates.TryDateTime(text, out var instant))
            {
                return instant;
            }

            Span<char> chars = stackalloc char[MaxDateChars];
            return Ascii(text, chars, out var length) ? Walker.ParseDateTime(chars[..length]) : null;
        }

        /// <summary>Copies an ASCII string value of at most <see cref="MaxDateChars"/> bytes into <paramref name="text"/>.</summary>
        private static bool Ascii(ReadOnlySpan<byte> bytes, Span<char> text, out int length)
        {
            length = 0;
            return bytes.Length <= text.Length && System.Text.Ascii.ToUtf16(bytes, text, out length) == OperationStatus.Done;
        }

        /// <summary>As the walker's <c>Text</c>: blank is unknown; control characters or more than the limit go to the walker.</summary>
        private static bool Text(ref Scanner reader, out string? value)
        {
            value = null;
            if (reader.TakeNull())
            {
                return true;
            }

            if (!reader.TakeString(out var bytes))
            {
                return false;
            }

            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return false;
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            if (text.Length > Guard.MaxTextLength || text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
            {
                return false;
            }

            value = text;
            return true;
        }

        private static bool Hours(ref Scanner reader, out Scheduling.BusinessHours? value)
        {
            value = null;
            if (reader.TakeNull())
            {
                return true;
            }

            if (reader.TakeString(out var absent))
            {
                return absent.SequenceEqual("unknown"u8);
            }

            if (!reader.TakeStartObject())
            {
                return false;
            }

            TimeOnly? opens = null, closes = null;
            Span<char> text = stackalloc char[MaxDateChars];
            var first = true;
            while (true)
            {
                if (!reader.NextName(first, out var name, out var end))
                {
                    return false;
                }

                if (end)
                {
                    break;
                }

                first = false;
                var isOpens = name.SequenceEqual("opens"u8);
                if ((!isOpens && !name.SequenceEqual("closes"u8)) || (isOpens ? opens : closes) is not null)
                {
                    return false;
                }

                if (!reader.TakeColon()
                    || !reader.TakeString(out var bytes)
                    || !Ascii(bytes, text, out var length)
                    || !TimeOnly.TryParseExact(text[..length], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return false;
                }

                if (isOpens)
                {
                    opens = time;
                }
                else
                {
                    closes = time;
                }
            }

            if (opens is not { } o || closes is not { } c || o >= c)
            {
                return false;
            }

            value = new Scheduling.BusinessHours(o, c);
            return true;
        }

        private static bool ClosedDates(ref Scanner reader, out ImmutableArray<DateOnly> value)
        {
            value = [];
            if (reader.TakeNull())
            {
                return true;
            }

            if (reader.TakeString(out var absent))
            {
                return absent.SequenceEqual("unknown"u8);
            }

            if (!reader.TakeStartArray())
            {
                return false;
            }

            Span<DateOnly> dates = stackalloc DateOnly[CompanyContext.MaxClosedDates];
            var count = 0;
            while (true)
            {
                if (!reader.NextItem(first: count == 0, out var end))
                {
                    return false;
                }

                if (end)
                {
                    break;
                }

                if (count == dates.Length || !Date(ref reader, out var date) || date is not { } day)
                {
                    // Too many dates, a bad one, or null or "unknown" (each of which is an issue in a list).
                    return false;
                }

                dates[count++] = day;
            }

            value = count == 0 ? [] : ImmutableArray.Create(dates[..count]);
            return true;
        }

        private static byte[][] Utf8(params string[] names) => [.. names.Select(name => System.Text.Encoding.UTF8.GetBytes($"\"{name}\":"))];

        /// <summary>
        /// A forward scanner over the strict subset of JSON that clean cases use: objects, arrays, strings without an
        /// escape or a control character, <c>true</c>, <c>false</c>, <c>null</c> and the four JSON white-space
        /// characters between tokens. No number is read. What it accepts is valid JSON once the strings kept are
        /// checked to be valid UTF-8 (the reader does that); everything else makes a <c>Take</c> or <c>Next</c> method
        /// return <see langword="false"/>, and the walker reads the text.
        /// </summary>
        internal ref struct Scanner
        {
            private readonly ReadOnlySpan<byte> _json;
            private int _at;

            public Scanner(ReadOnlySpan<byte> json) => _json = json;

            /// <summary>Gets whether only white space is left.</summary>
            public bool AtEnd() => SkipWhiteSpace(_json, _at) == _json.Length;

            public bool TakeStartObject() => Take((byte)'{');

            public bool TakeStartArray() => Take((byte)'[');

            public bool TakeColon() => Take((byte)':');

            public bool TakeNull() => TakeLiteral("null"u8);

            /// <summary>Takes <c>true</c>, <c>false</c> or <c>null</c>; what follows it is checked by the next step.</summary>
            public bool TakeLiteral(ReadOnlySpan<byte> literal)
            {
                var json = _json;
                var at = SkipWhiteSpace(json, _at);
                if (!json[at..].StartsWith(literal))
                {
                    return false;
                }

                _at = at + literal.Length;
                return true;
            }

            /// <summary>Takes a string without an escape or a control character; <paramref name="value"/> is its bytes between the quotes.</summary>
            public bool TakeString(out ReadOnlySpan<byte> value)
            {
                value = default;
                var json = _json;
                var at = SkipWhiteSpace(json, _at);
                if (at == json.Length || json[at] != (byte)'"')
                {
                    return false;
                }

                // Most strings here are a few bytes long, for which a plain loop beats a vectorized search.
                var start = at + 1;
                var end = start;
                while (true)
                {
                    if (end == json.Length)
                    {
                        return false;
                    }

                    var b = json[end];
                    if (b == (byte)'"')
                    {
                        break;
                    }

                    if (b == (byte)'\\' || b < 0x20)
                    {
                        return false;
                    }

                    end++;
                }

                value = json[start..end];
                _at = end + 1;
                return true;
            }

            /// <summary>
            /// Takes the comma (unless <paramref name="first"/>) and one of <paramref name="names"/>, each written
            /// <c>"name":</c> in plain ASCII letters, when they come next with no white space; tries them from
            /// <paramref name="next"/> on. Returns the index of the name taken, or -1 (nothing taken).
            /// </summary>
            public int TakeQuotedName(bool first, byte[][] names, int next)
            {
                var json = _json;
                var at = _at;
                if (!first)
                {
                    if (at == json.Length || json[at] != (byte)',')
                    {
                        return -1;
                    }

                    at++;
                }

                var rest = json[at..];
                for (var tried = 0; tried < names.Length; tried++)
                {
                    var i = next + tried;
                    if (i >= names.Length)
                    {
                        i -= names.Length;
                    }

                    // The byte before the colon is the closing quote only where the name has the right length.
                    var name = names[i];
                    if (rest.Length > name.Length && rest[name.Length - 2] == (byte)'"' && rest.StartsWith(name))
                    {
                        _at = at + name.Length;
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>
            /// Takes one of <paramref name="values"/>, each a quoted string of plain ASCII letters, when it comes next with
            /// no white space. Returns its index, or -1 (nothing taken).
            /// </summary>
            public int TakeQuoted(byte[][] values)
            {
                var rest = _json[_at..];
                for (var i = 0; i < values.Length; i++)
                {
                    var value = values[i];
                    if (rest.Length >= value.Length && rest[value.Length - 1] == (byte)'"' && rest.StartsWith(value))
                    {
                        _at += value.Length;
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>Gets the <paramref name="length"/> bytes after a quote, when a quote follows them (with no white space before).</summary>
            public readonly bool PeekQuoted(int length, out ReadOnlySpan<byte> inner)
            {
                var rest = _json[_at..];
                if (rest.Length < length + 2 || rest[0] != (byte)'"' || rest[length + 1] != (byte)'"')
                {
                    inner = default;
                    return false;
                }

                inner = rest.Slice(1, length);
                return true;
            }

            /// <summary>Moves past bytes already checked with <see cref="PeekQuoted"/>.</summary>
            public void Advance(int count) => _at += count;

            /// <summary>Moves past the comma before the next property and takes its name, or takes the object's closing brace (<paramref name="end"/>).</summary>
            public bool NextName(bool first, out ReadOnlySpan<byte> name, out bool end)
            {
                name = default;
                return NextMember(first, (byte)'}', out end) && (end || TakeString(out name));
            }

            /// <summary>Moves past the comma before the next item, or takes the array's closing bracket (<paramref name="end"/>).</summary>
            public bool NextItem(bool first, out bool end) => NextMember(first, (byte)']', out end);

            /// <summary>Moves past the comma before the next member of an object or array, or takes its closing <paramref name="close"/> (<paramref name="end"/>).</summary>
            public bool NextMember(bool first, byte close, out bool end)
            {
                end = false;
                var json = _json;
                var at = SkipWhiteSpace(json, _at);
                if (at == json.Length)
                {
                    return false;
                }

                var next = json[at];
                if (next == close)
                {
                    _at = at + 1;
                    end = true;
                    return true;
                }

                if (first)
                {
                    _at = at;
                    return true;
                }

                if (next != (byte)',')
                {
                    return false;
                }

                _at = at + 1;
                return true;
            }

            private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int at)
            {
                while (at < json.Length && json[at] <= (byte)' ' && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                {
                    at++;
                }

                return at;
            }

            private bool Take(byte token)
            {
                var json = _json;
                var at = SkipWhiteSpace(json, _at);
                if (at == json.Length || json[at] != token)
                {
                    return false;
                }

                _at = at + 1;
                return true;
            }
        }
    }
}
