namespace OfferRules.Cli;

/// <summary>
/// The request to stop that Ctrl-C (SIGINT) and SIGTERM raise. A command checks <see cref="IsRequested"/> between two
/// inputs, so the input in hand is finished and its line written whole before the command stops.
/// </summary>
/// <remarks>
/// <para>
/// A read from a pipe, a FIFO or a terminal can wait forever, and a command waiting in one never gets to check. So a
/// command marks such a read with <see cref="BeginBlockingRead"/> and <see cref="EndBlockingRead"/>; when a signal
/// arrives in between and the read has not ended a quarter of a second later, the command's summary runs (it flushes
/// the lines already written) and the process ends with <see cref="CliApp.Interrupted"/>. Nothing is being written at
/// that moment, so the output still ends on a whole line.
/// </para>
/// <para>A second signal is not caught: the runtime's default handling ends the process at once.</para>
/// <para>This type is thread-safe: signals arrive on another thread.</para>
/// </remarks>
internal sealed class CliInterrupt
{
    /// <summary>How long a read under way when a signal comes may take before the process ends without it.</summary>
    private const int GracePeriodMilliseconds = 250;

    private readonly object _gate = new();
    private readonly Action<int>? _exitProcess;
    private Action? _whileBlocked;
    private volatile string? _signal;

    /// <summary>Initializes an interrupt that never ends the process itself (for running in-process, as tests do).</summary>
    public CliInterrupt()
    {
    }

    /// <summary>Initializes an interrupt that may end the process while a command waits in a read.</summary>
    /// <param name="exitProcess">Ends the process with an exit code, such as <see cref="Environment.Exit(int)"/>.</param>
    public CliInterrupt(Action<int> exitProcess) => _exitProcess = exitProcess;

    /// <summary>Gets a value indicating whether a stop was requested.</summary>
    public bool IsRequested => _signal is not null;

    /// <summary>Gets the name of the signal that requested the stop, such as <c>SIGINT</c>; <see langword="null"/> before one.</summary>
    public string? SignalName => _signal;

    /// <summary>Requests a stop.</summary>
    /// <param name="signalName">The signal's name, for the summary.</param>
    /// <returns><see langword="true"/> when the request was taken; <see langword="false"/> for a second request, which the caller should let end the process.</returns>
    public bool Request(string signalName)
    {
        lock (_gate)
        {
            if (_signal is not null)
            {
                return false;
            }

            _signal = signalName;
            if (_whileBlocked is null || _exitProcess is null)
            {
                return true;
            }

            // A read is under way. Most end at once (a regular file); give it a moment to, so that its input is finished.
            var deadline = Environment.TickCount64 + GracePeriodMilliseconds;
            long left;
            while (_whileBlocked is not null && (left = deadline - Environment.TickCount64) > 0)
            {
                Monitor.Wait(_gate, (int)left);
            }

            if (_whileBlocked is { } summary)
            {
                // Still holding the gate: the command cannot leave its read and write while the process ends.
                summary();
                _exitProcess(CliApp.Interrupted);
            }
        }

        return true;
    }

    /// <summary>Marks the start of a read that may wait forever.</summary>
    /// <param name="summary">Flushes what was written and reports where the command stopped, if a signal comes during the read.</param>
    public void BeginBlockingRead(Action summary)
    {
        lock (_gate)
        {
            _whileBlocked = summary;
        }
    }

    /// <summary>Marks the end of a read begun with <see cref="BeginBlockingRead"/>.</summary>
    public void EndBlockingRead()
    {
        lock (_gate)
        {
            _whileBlocked = null;
            Monitor.PulseAll(_gate);
        }
    }
}
