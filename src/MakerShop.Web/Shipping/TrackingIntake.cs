using System.Text;
using MakerShop.Shipping.Tracking;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Shipping;

/// <summary>
/// The way in for tracking webhooks: authenticate against the raw bytes first, then store the event in the inbox
/// (a redelivered event stops there), then apply it. A forged or stale request changes nothing and is logged.
/// </summary>
public sealed class TrackingIntake(IEnumerable<ITrackingWebhookProvider> providers, WebhookInboxStore inbox, ShipmentTracker tracker, TimeProvider time, ILogger<TrackingIntake> logger)
{
    public ITrackingWebhookProvider? Find(string name) =>
        providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<IntakeResult> ReceiveAsync(ITrackingWebhookProvider provider, WebhookRequest request, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        var verdict = provider.Verify(request, time.GetUtcNow());
        if (!verdict.IsAuthentic)
        {
            logger.LogWarning("Rejected a {Provider} webhook from {RemoteAddress}: {Reason}", provider.Name, remoteAddress, verdict.Reason);
            return new IntakeResult.Rejected(verdict.Reason ?? "not authentic");
        }

        TrackingNotice? notice;
        try
        {
            notice = provider.Parse(request.Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning("A signed {Provider} webhook could not be read: {Error}", provider.Name, ex.Message);
            return new IntakeResult.Unreadable(ex.Message);
        }

        if (notice is null)
        {
            return new IntakeResult.Ignored();
        }

        if (!await inbox.TryAddAsync(provider.Name, notice.EventId, Encoding.UTF8.GetString(request.Body.Span), time.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("{Provider} event {EventId} was already received; nothing changes", provider.Name, notice.EventId);
            return new IntakeResult.Duplicate(notice.EventId);
        }

        return new IntakeResult.Applied(notice.EventId, await tracker.ApplyAsync(notice, fromInbox: true, cancellationToken));
    }

    /// <summary>Processes an inbox entry stored before a stop that came before its processing.</summary>
    public async Task<string?> ReplayAsync(WebhookInboxStore.InboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var provider = Find(entry.Provider);
        var notice = provider?.Parse(Encoding.UTF8.GetBytes(entry.Body));
        return notice is null ? null : await tracker.ApplyAsync(notice, fromInbox: true, cancellationToken);
    }
}

/// <summary>What became of one webhook request.</summary>
public abstract record IntakeResult
{
    public sealed record Rejected(string Reason) : IntakeResult;

    public sealed record Unreadable(string Error) : IntakeResult;

    public sealed record Ignored : IntakeResult;

    public sealed record Duplicate(string EventId) : IntakeResult;

    public sealed record Applied(string EventId, string Outcome) : IntakeResult;
}
