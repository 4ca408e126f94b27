namespace MakerShop.Shipping.Tracking;

/// <summary>One tracking provider's webhook scheme: how to authenticate a request, and how to read it.</summary>
public interface ITrackingWebhookProvider
{
    /// <summary>Lower-case name used in the route and the inbox ("easypost", "shippo", "aftership").</summary>
    string Name { get; }

    /// <summary>Checks what the headers and query can tell before the body is read, and starts the body's signature.</summary>
    SignatureCheck Begin(Func<string, string?> header, Func<string, string?> query, DateTimeOffset now);

    /// <summary>The tracking notice in the body, or null for an event that is not about tracking (e.g. a batch event).</summary>
    TrackingNotice? Parse(ReadOnlyMemory<byte> body);
}
