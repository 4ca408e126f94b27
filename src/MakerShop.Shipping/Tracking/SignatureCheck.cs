namespace MakerShop.Shipping.Tracking;

/// <summary>
/// What the headers alone say about a webhook: either it is refused before a byte of its body is read (no signature
/// header, a wrong URL token, a timestamp outside the window), or here is the signature to feed the body into.
/// </summary>
public sealed record SignatureCheck(WebhookVerification Verdict, StreamingSignature? Signature)
{
    public static SignatureCheck Refuse(string reason) => new(WebhookVerification.Rejected(reason), null);

    public static SignatureCheck Stream(StreamingSignature signature) => new(WebhookVerification.Authentic, signature);

    /// <summary>The whole check over a body already in memory: the headers, then the body through the signature.</summary>
    public static WebhookVerification Verify(ITrackingWebhookProvider provider, WebhookRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        var check = provider.Begin(request.Header, request.Query, now);
        if (check.Signature is not { } signature)
        {
            return check.Verdict;
        }

        using (signature)
        {
            signature.Append(request.Body.Span);
            return signature.Finish();
        }
    }
}
