using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfferRules.Evaluation;
using OfferRules.Rules;
using OfferRules.Serialization;

namespace OfferRules.DependencyInjection;

/// <summary>What a reload did.</summary>
internal enum ReloadOutcome
{
    /// <summary>The tenant's rule set does not come from a file, or is not loaded yet.</summary>
    NotReloadable,

    /// <summary>The file holds the rule set already serving.</summary>
    Unchanged,

    /// <summary>A new version replaced the old one.</summary>
    Reloaded,

    /// <summary>The new file had problems; the old version keeps serving.</summary>
    Failed,
}

/// <summary>The last failed reload of a tenant.</summary>
/// <param name="Diagnostics">Every problem with the new file.</param>
/// <param name="At">When it failed.</param>
internal sealed record ReloadFailure(ImmutableArray<RuleSetDiagnostic> Diagnostics, DateTimeOffset At);

/// <summary>
/// One tenant's rule set and evaluator. Loads on first use, and when the rule set comes from a file, re-reads it on
/// request (<see cref="ReloadNow"/>) or on change (<see cref="OfferRulesOptions.ReloadOnChange"/>), replacing the
/// evaluator atomically: a caller that already read <see cref="Current"/> finishes on the old instance.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class OfferRulesTenant : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly OfferRulesMetrics _metrics;
    private readonly object _gate = new();
    private OfferEvaluator? _current;
    private ReloadFailure? _lastFailure;
    private OfferRulesOptions? _options;
    private string? _path;
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private bool _disposed;

    public OfferRulesTenant(string name, IServiceProvider services, ILogger logger, OfferRulesMetrics metrics)
    {
        Name = name;
        _services = services;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Gets the tenant's name; empty for the unnamed (default) registration.</summary>
    public string Name { get; }

    /// <summary>Gets or sets how long a burst of file events is waited out before the file is re-read. Half a second by default.</summary>
    public TimeSpan DebounceDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the evaluator serving now, loading the rule set first if needed.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid or the rule set did not load; the failures list every diagnostic.</exception>
    public OfferEvaluator Current => Volatile.Read(ref _current) ?? Initialize();

    /// <summary>Gets the evaluator serving now without loading; <see langword="null"/> before the first load.</summary>
    public OfferEvaluator? CurrentOrNull => Volatile.Read(ref _current);

    /// <summary>Gets the last reload's failure while the old version keeps serving; <see langword="null"/> when the last reload succeeded.</summary>
    public ReloadFailure? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>Gets the resolved path of the rule file; <see langword="null"/> when the rule set does not come from a file or is not loaded.</summary>
    public string? FilePath => Volatile.Read(ref _path);

    /// <summary>
    /// Loads the rule set for these options unless it is loaded already. Called by the options validator, so that the
    /// load that validates the options is the load that serves.
    /// </summary>
    /// <returns>Every diagnostic; empty when the rule set is loaded.</returns>
    public ImmutableArray<RuleSetDiagnostic> EnsureLoaded(OfferRulesOptions options)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return [];
            }

            string? path = null;
            var outcome = options.LoadInline();
            if (outcome is null)
            {
                path = ResolvePath(options.RuleSetPath!);
                outcome = RuleSetLoadOutcome.From(RuleSetJson.LoadFile(path));
            }

            var source = path is null ? options.SourceKind : "file " + OfferRulesLog.Printable(Path.GetFileName(path));
            if (outcome.Value is not { } ruleSet)
            {
                OfferRulesLog.RuleSetLoadFailed(_logger, OfferRulesLog.TenantLabel(Name), source, outcome.Diagnostics.Length, OfferRulesLog.Describe(outcome.Diagnostics));
                return outcome.Diagnostics;
            }

            _options = options;
            Volatile.Write(ref _path, path);
            Volatile.Write(ref _current, Create(ruleSet));
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var (label, id, version, hash) = (OfferRulesLog.TenantLabel(Name), ruleSet.Id, ruleSet.Version, ruleSet.ContentHash);
                OfferRulesLog.RuleSetLoaded(_logger, label, id, version, hash, source);
            }

            if (path is not null && options.ReloadOnChange)
            {
                Watch(path);
            }

            return [];
        }
    }

    /// <summary>Re-reads the rule file now and swaps the evaluator when it holds a new, valid version.</summary>
    /// <returns>What the reload did.</returns>
    public ReloadOutcome ReloadNow()
    {
        lock (_gate)
        {
            if (_current is not { } old || _path is not { } path || _disposed)
            {
                return ReloadOutcome.NotReloadable;
            }

            var fileName = OfferRulesLog.Printable(Path.GetFileName(path));
            var result = RuleSetJson.LoadFile(path);
            if (!result.TryGetValue(out var ruleSet))
            {
                Volatile.Write(ref _lastFailure, new ReloadFailure(result.Diagnostics, TimeProvider().GetUtcNow()));
                OfferRulesLog.RuleSetReloadFailed(_logger, OfferRulesLog.TenantLabel(Name), fileName, result.Diagnostics.Length, OfferRulesLog.Describe(result.Diagnostics), old.RuleSet.Version);
                _metrics.Reloaded(success: false);
                return ReloadOutcome.Failed;
            }

            Volatile.Write(ref _lastFailure, null);
            if (ruleSet.ContentHash == old.RuleSet.ContentHash)
            {
                return ReloadOutcome.Unchanged;
            }

            Interlocked.Exchange(ref _current, Create(ruleSet));
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var (label, id, previous, version, hash) = (OfferRulesLog.TenantLabel(Name), ruleSet.Id, old.RuleSet.Version, ruleSet.Version, ruleSet.ContentHash);
                OfferRulesLog.RuleSetReloaded(_logger, label, fileName, id, previous, version, hash);
            }

            _metrics.Reloaded(success: true);
            return ReloadOutcome.Reloaded;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _watcher = null;
            _debounce?.Dispose();
            _debounce = null;
        }
    }

    private OfferEvaluator Initialize()
    {
        // Getting the options validates them; the validator calls EnsureLoaded with the same instance.
        var options = _services.GetRequiredService<IOptionsMonitor<OfferRulesOptions>>().Get(Name);
        var diagnostics = EnsureLoaded(options);
        return Volatile.Read(ref _current) ?? throw new OptionsValidationException(Name, typeof(OfferRulesOptions), diagnostics.Select(d => d.ToString()));
    }

    private OfferEvaluator Create(RuleSet ruleSet)
    {
        var options = _options!;
        return new OfferEvaluator(ruleSet, options.TimeProvider ?? _services.GetService<TimeProvider>(), options.HolidayCalendar, options.CompanyCalendar);
    }

    private TimeProvider TimeProvider() => _options?.TimeProvider ?? _services.GetService<TimeProvider>() ?? System.TimeProvider.System;

    private string ResolvePath(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return path;
        }

        var root = _services.GetService<IHostEnvironment>()?.ContentRootPath;
        return Path.GetFullPath(Path.Combine(string.IsNullOrEmpty(root) ? AppContext.BaseDirectory : root, path));
    }

    private void Watch(string path)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            var file = Path.GetFileName(path);
            _debounce = new Timer(static state => ((OfferRulesTenant)state!).OnDebounced(), this, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(directory, file)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.Error += (_, _) => Schedule();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            OfferRulesLog.RuleSetWatchFailed(_logger, OfferRulesLog.TenantLabel(Name), OfferRulesLog.Printable(Path.GetFileName(path)), ex);
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        // An atomic replace (write a temporary file, then rename it over the rule file) arrives as a rename to our name.
        if (string.Equals(Path.GetFileName(e.FullPath), Path.GetFileName(_path), StringComparison.Ordinal))
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            _debounce?.Change(DebounceDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDebounced()
    {
        try
        {
            ReloadNow();
        }
#pragma warning disable CA1031 // A timer callback must not throw: the old version keeps serving and the error is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OfferRulesLog.RuleSetWatchFailed(_logger, OfferRulesLog.TenantLabel(Name), OfferRulesLog.Printable(Path.GetFileName(_path ?? string.Empty)), ex);
        }
    }
}
