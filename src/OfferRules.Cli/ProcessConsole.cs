using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace OfferRules.Cli;

/// <summary>Builds the <see cref="CliConsole"/> of the process: its real streams, terminals and signals.</summary>
internal static class ProcessConsole
{
    /// <summary>Creates the console of this process.</summary>
    public static CliConsole Create(CliInterrupt interrupt)
    {
        var outIsTerminal = !Console.IsOutputRedirected && !IsDumbTerminal();
        var errorIsTerminal = !Console.IsErrorRedirected;

        // Standard output is buffered and flushed at the end (or after each result on a terminal): a batch writes one
        // line per case, and an unbuffered stream would pay a system call per line.
        var stdout = new StreamWriter(new OutputStream(OpenStandardOutput()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        return new CliConsole
        {
            Out = stdout,
            Error = Console.Error,
            OpenStdin = Console.OpenStandardInput,
            OutIsTerminal = outIsTerminal,
            ErrorIsTerminal = errorIsTerminal,
            NoColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            Width = outIsTerminal || errorIsTerminal ? WindowWidth() : null,
            Interrupt = interrupt,
        };
    }

    /// <summary>Lets <paramref name="signal"/> request a stop; a second one is left to the runtime, which ends the process.</summary>
    public static IDisposable? Register(PosixSignal signal, string name, CliInterrupt interrupt)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context => context.Cancel = interrupt.Request(name));
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens standard output over its file descriptor on Unix when it is a pipe, FIFO, socket or terminal: the console
    /// stream of .NET ignores a closed pipe (EPIPE) and would let a batch run on for nothing after <c>| head -1</c>.
    /// </summary>
    /// <remarks>
    /// A seekable output (a regular file, <c>&gt;&gt; log</c>, or a file that a shell shares with the commands before and
    /// after the tool) keeps the console stream: a <see cref="FileStream"/> writes a seekable handle at its own
    /// position (<c>pwrite</c>) without moving the descriptor's shared offset, so the next writer to the same file
    /// would overwrite the tool's output. A regular file cannot raise EPIPE, and the console stream still reports a
    /// full disk as an <see cref="IOException"/>.
    /// </remarks>
    private static Stream OpenStandardOutput()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!stream.CanSeek)
                {
                    return stream;
                }

                stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Closed or unusual: the console stream copes with it.
            }
        }

        return Console.OpenStandardOutput();
    }

    private static bool IsDumbTerminal() => Environment.GetEnvironmentVariable("TERM") == "dumb";

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
