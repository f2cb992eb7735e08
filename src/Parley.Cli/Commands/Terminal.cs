using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// Progress on a terminal for runs that last over a second; nothing on a pipe.
/// The work runs on the caller's thread and bumps counters; a background task draws the bar.
/// </summary>
sealed class Progress : IDisposable
{
    static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    readonly long _total;
    readonly string _label;
    readonly CancellationTokenSource _done = new();
    readonly Task _drawer;
    long _value;
    long _items;

    public Progress(string label, long total)
    {
        _label = label;
        _total = Math.Max(total, 1);
        _drawer = Interactive ? Task.Run(DrawAsync) : Task.CompletedTask;
    }

    /// <summary>True when stderr is a terminal a person is looking at.</summary>
    public static bool Interactive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    public void Report(long value, long items)
    {
        Interlocked.Exchange(ref _value, value);
        Interlocked.Exchange(ref _items, items);
    }

    async Task DrawAsync()
    {
        try { await Task.Delay(1000, _done.Token); }
        catch (OperationCanceledException) { return; }
        await Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(_label, maxValue: _total);
                while (!_done.IsCancellationRequested)
                {
                    task.Value = Math.Min(Interlocked.Read(ref _value), _total);
                    task.Description = $"{_label} {Interlocked.Read(ref _items):N0}";
                    try { await Task.Delay(100, _done.Token); } catch (OperationCanceledException) { }
                }
                task.Value = _total;
            });
    }

    public void Dispose()
    {
        _done.Cancel();
        _drawer.Wait();
        _done.Dispose();
    }
}
