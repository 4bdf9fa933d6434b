using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OfferRules.Cli.Tests.TestSupport;

/// <summary>
/// The real tool in a child process (<c>dotnet OfferRules.Cli.dll</c>), for what only a process has: signals, a pipe
/// whose reader goes away, a full disk, <c>/dev/stdin</c>. Every wait is bounded, and a child still running at the
/// end of a test is killed.
/// </summary>
internal sealed partial class ChildCli : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    /// <summary>The longest any step of a child-process test may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ChildCli(Process process) => Process = process;

    public Process Process { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "OfferRules.Cli.dll");

    /// <summary>
    /// Starts the tool through <c>env --default-signal</c>: a test host started in the background may have inherited
    /// SIGINT as ignored, and a child would inherit that too.
    /// </summary>
    public static ChildCli Start(params string[] args) => StartFile("/usr/bin/env", ["--default-signal", "dotnet", Dll, .. args]);

    /// <summary>Starts the tool through <c>sh -c</c>, for a redirection such as <c>&gt; /dev/full</c>.</summary>
    public static ChildCli StartShell(string commandAfterTool) =>
        StartFile("/bin/sh", ["-c", $"exec /usr/bin/env --default-signal dotnet '{Dll}' {commandAfterTool}"]);

    /// <summary>Starts any program, for a test that needs its own shell line around the tool.</summary>
    public static ChildCli StartFile(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new ChildCli(Process.Start(info)!);
    }

    public void Signal(int signal) => Assert.Equal(0, Kill(Process.Id, signal));

    /// <summary>Waits until the tool's main thread waits in a read from a pipe (Linux's <c>/proc/PID/wchan</c>), or fails after <see cref="Timeout"/>.</summary>
    public void WaitUntilReadingAPipe()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var wchan = File.Exists($"/proc/{Process.Id}/wchan") ? File.ReadAllText($"/proc/{Process.Id}/wchan") : string.Empty;
            if (wchan.Contains("pipe", StringComparison.Ordinal))
            {
                return;
            }

            Thread.Sleep(50);
        }

        Process.Kill(entireProcessTree: true);
        Assert.Fail($"The tool did not start reading its pipe within {Timeout.TotalSeconds} s.");
    }

    /// <summary>Waits for the child to end; fails the test (and kills the child) after <see cref="Timeout"/>.</summary>
    public int WaitForExit()
    {
        if (!Process.WaitForExit(Timeout))
        {
            Process.Kill(entireProcessTree: true);
            Assert.Fail($"The tool did not end within {Timeout.TotalSeconds} s.");
        }

        Process.WaitForExit();
        return Process.ExitCode;
    }

    /// <summary>Reads one line of standard output, or fails after <see cref="Timeout"/>.</summary>
    public string ReadLine()
    {
        var read = Process.StandardOutput.ReadLineAsync();
        if (!read.Wait(Timeout))
        {
            Process.Kill(entireProcessTree: true);
            Assert.Fail($"The tool wrote no line within {Timeout.TotalSeconds} s.");
        }

        return read.Result ?? throw new InvalidOperationException("The tool's output ended.");
    }

    /// <summary>Reads the rest of a stream, or fails after <see cref="Timeout"/>.</summary>
    public static string ReadToEnd(StreamReader reader)
    {
        var read = reader.ReadToEndAsync();
        Assert.True(read.Wait(Timeout), $"The stream did not end within {Timeout.TotalSeconds} s.");
        return read.Result;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
