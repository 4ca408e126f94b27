using System.Text;
using System.Text.Unicode;
using MakerShop.Shipping.Tracking;
using MakerShop.Storage.Stores;
using MakerShop.Web.Security;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// The way in for tracking webhooks: the body is bounded before it is read and authenticated while it is read (the
/// signature over the raw bytes, computed as they arrive); only then is the event stored in the inbox (a redelivered
/// event stops there) and applied. A forged, stale, oversized or unreadable request changes nothing and is logged
/// with its sender.
/// </summary>
public sealed class TrackingIntake(
    IEnumerable<ITrackingWebhookProvider> providers,
    WebhookInboxStore inbox,
    ShipmentTracker tracker,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<TrackingIntake> logger)
{
    public ITrackingWebhookProvider? Find(string name) =>
        providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<IntakeResult> ReceiveAsync(ITrackingWebhookProvider provider, HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var remoteAddress = context.Connection.RemoteIpAddress?.ToString();
        var maxBytes = options.Value.WebhookMaxBodyBytes;
        if (BoundedBody.Limit(context, maxBytes))
        {
            logger.LogWarning("Refused a {Provider} webhook from {RemoteAddress}: it declares {Length} bytes, more than {MaxBytes}", provider.Name, remoteAddress, request.ContentLength, maxBytes);
            return new IntakeResult.TooLarge(maxBytes);
        }

        var check = provider.Begin(
            name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null,
            name => request.Query.TryGetValue(name, out var value) ? value.ToString() : null,
            time.GetUtcNow());
        if (check.Signature is not { } started)
        {
            return Rejected(provider, remoteAddress, check.Verdict.Reason);
        }

        using var signature = started;
        var body = await BoundedBody.ReadAsync(context, maxBytes, signature.Append, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Refused a {Provider} webhook from {RemoteAddress}: its body is larger than {MaxBytes} bytes", provider.Name, remoteAddress, maxBytes);
            return new IntakeResult.TooLarge(maxBytes);
        }

        var verdict = signature.Finish();
        return verdict.IsAuthentic
            ? await AcceptAsync(provider, body, remoteAddress, cancellationToken)
            : Rejected(provider, remoteAddress, verdict.Reason);
    }

    /// <summary>Processes an inbox entry stored before a stop that came before its processing.</summary>
    public async Task<string?> ReplayAsync(WebhookInboxStore.InboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var provider = Find(entry.Provider);
        var notice = provider?.Parse(Encoding.UTF8.GetBytes(entry.Body));
        return notice is null ? null : await tracker.ApplyAsync(notice, fromInbox: true, cancellationToken);
    }

    private async Task<IntakeResult> AcceptAsync(ITrackingWebhookProvider provider, byte[] body, string? remoteAddress, CancellationToken cancellationToken)
    {
        // The inbox keeps the body as text for a replay after a restart: bytes that are not UTF-8 would not survive it.
        if (!Utf8.IsValid(body))
        {
            logger.LogWarning("A signed {Provider} webhook from {RemoteAddress} is not valid UTF-8; nothing is stored", provider.Name, remoteAddress);
            return new IntakeResult.Unreadable("The body is not valid UTF-8.");
        }

        TrackingNotice? notice;
        try
        {
            notice = provider.Parse(body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning("A signed {Provider} webhook from {RemoteAddress} could not be read: {Error}", provider.Name, remoteAddress, ex.Message);
            return new IntakeResult.Unreadable(ex.Message);
        }

        if (notice is null)
        {
            return new IntakeResult.Ignored();
        }

        if (!await inbox.TryAddAsync(provider.Name, notice.EventId, Encoding.UTF8.GetString(body), time.GetUtcNow(), cancellationToken))
        {
            logger.LogInformation("{Provider} event {EventId} was already received; nothing changes", provider.Name, notice.EventId);
            return new IntakeResult.Duplicate(notice.EventId);
        }

        return new IntakeResult.Applied(notice.EventId, await tracker.ApplyAsync(notice, fromInbox: true, cancellationToken));
    }

    private IntakeResult.Rejected Rejected(ITrackingWebhookProvider provider, string? remoteAddress, string? reason)
    {
        logger.LogWarning("Rejected a {Provider} webhook from {RemoteAddress}: {Reason}", provider.Name, remoteAddress, reason);
        return new IntakeResult.Rejected(reason ?? "not authentic");
    }
}

/// <summary>What became of one webhook request.</summary>
public abstract record IntakeResult
{
    public sealed record Rejected(string Reason) : IntakeResult;

    public sealed record TooLarge(int MaxBytes) : IntakeResult;

    public sealed record Unreadable(string Error) : IntakeResult;

    public sealed record Ignored : IntakeResult;

    public sealed record Duplicate(string EventId) : IntakeResult;

    public sealed record Applied(string EventId, string Outcome) : IntakeResult;
}
