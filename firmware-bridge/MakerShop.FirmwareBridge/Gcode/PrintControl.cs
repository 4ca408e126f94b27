namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Pause, resume and cancel requests for a running program; the link honours them between lines.</summary>
public sealed class PrintControl
{
    private readonly Lock gate = new();
    private TaskCompletionSource? resumed;
    private bool cancelRequested;

    public bool IsPaused
    {
        get
        {
            lock (gate)
            {
                return resumed is not null;
            }
        }
    }

    public bool IsCancelRequested
    {
        get
        {
            lock (gate)
            {
                return cancelRequested;
            }
        }
    }

    public void Pause()
    {
        lock (gate)
        {
            resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume() => Release(cancel: false);

    public void Cancel() => Release(cancel: true);

    internal Task WaitUntilResumedAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return resumed?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
        }
    }

    private void Release(bool cancel)
    {
        TaskCompletionSource? waiting;
        lock (gate)
        {
            cancelRequested |= cancel;
            waiting = resumed;
            resumed = null;
        }

        waiting?.TrySetResult();
    }
}
