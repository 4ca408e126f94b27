using MakerShop.Slicing;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Quotes;

/// <summary>
/// Who slices next. A few slots (<see cref="SlicingOptions.MaxConcurrentSlices"/>) are shared by clients (remote
/// addresses) in turn: each client waits in its own line, and a free slot goes to the waiting client served least
/// recently (one never served first), so one address that floods the shop waits behind itself, not in front of
/// everyone. A client with
/// <see cref="SlicingOptions.MaxQueuedPerClient"/> slices running or waiting is refused at once
/// (<see cref="TooManySlicesException"/>), and a slice that waited <see cref="SlicingOptions.QueueTimeoutSeconds"/>
/// gives up (<see cref="SliceQueueTimeoutException"/>). In memory on purpose: the slots are this node's CPU.
/// </summary>
public sealed class SliceQueue(IOptions<SlicingOptions> options, TimeProvider timeProvider, ILogger<SliceQueue> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClientLine> _clients = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private int _free = options.Value.MaxConcurrentSlices;
    private long _served;

    /// <summary>Waits for a slot; dispose the slot when the slicer run is over (not when the request is).</summary>
    public async Task<SliceSlot> EnterAsync(string client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value;
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (!_clients.TryGetValue(client, out var line))
            {
                line = new ClientLine();
                _clients.Add(client, line);
            }

            if (line.Holding >= settings.MaxQueuedPerClient)
            {
                logger.LogWarning("Refused a slice for {Client}: it already has {Slices} slices running or waiting", client, line.Holding);
                throw new TooManySlicesException(settings.MaxQueuedPerClient, TimeSpan.FromSeconds(settings.RetryAfterSeconds));
            }

            line.Holding++;
            if (_free > 0 && _turns.Count == 0)
            {
                _free--;
                line.LastServed = ++_served;
                return new SliceSlot(this, client);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            line.Waiting.AddLast(waiter);
            if (line.Waiting.Count == 1)
            {
                _turns.AddLast(client);
            }
        }

        try
        {
            await waiter.Task.WaitAsync(TimeSpan.FromSeconds(settings.QueueTimeoutSeconds), timeProvider, cancellationToken);
            return new SliceSlot(this, client);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            if (!Withdraw(client, waiter))
            {
                // Granted in the same instant it gave up: hand the slot on.
                Leave(client);
            }

            if (ex is TimeoutException)
            {
                logger.LogWarning("A slice for {Client} waited {Seconds} s for a slot and gave up", client, settings.QueueTimeoutSeconds);
                throw new SliceQueueTimeoutException(settings.QueueTimeoutSeconds, TimeSpan.FromSeconds(settings.RetryAfterSeconds));
            }

            throw;
        }
    }

    /// <summary>A slot is given back: the next client in turn gets it, or it stays free.</summary>
    internal void Leave(string client)
    {
        lock (_gate)
        {
            var line = _clients[client];
            line.Holding--;
            Forget(client, line);
            while (LeastRecentlyServed() is { } next)
            {
                _turns.Remove(next);
                var nextLine = _clients[next.Value];
                var waiter = nextLine.Waiting.First!.Value;
                nextLine.Waiting.RemoveFirst();
                if (nextLine.Waiting.Count > 0)
                {
                    _turns.AddLast(next.Value);
                }

                nextLine.LastServed = ++_served;
                if (waiter.TrySetResult())
                {
                    return;
                }
            }

            _free++;
        }
    }

    /// <summary>Among clients with someone waiting, the one whose last slot is oldest; ties go to who queued first.</summary>
    private LinkedListNode<string>? LeastRecentlyServed()
    {
        LinkedListNode<string>? pick = null;
        for (var node = _turns.First; node is not null; node = node.Next)
        {
            if (pick is null || _clients[node.Value].LastServed < _clients[pick.Value].LastServed)
            {
                pick = node;
            }
        }

        return pick;
    }

    private bool Withdraw(string client, TaskCompletionSource waiter)
    {
        lock (_gate)
        {
            if (waiter.Task.IsCompleted)
            {
                return false;
            }

            var line = _clients[client];
            line.Waiting.Remove(waiter);
            if (line.Waiting.Count == 0)
            {
                _turns.Remove(client);
            }

            line.Holding--;
            Forget(client, line);
            return true;
        }
    }

    private void Forget(string client, ClientLine line)
    {
        if (line.Holding == 0 && line.Waiting.Count == 0)
        {
            _clients.Remove(client);
        }
    }

    private sealed class ClientLine
    {
        /// <summary>Slices of this client running or waiting.</summary>
        public int Holding { get; set; }

        /// <summary>When this client last got a slot (a running count); 0 for never.</summary>
        public long LastServed { get; set; }

        public LinkedList<TaskCompletionSource> Waiting { get; } = new();
    }
}
