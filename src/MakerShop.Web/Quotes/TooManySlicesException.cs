namespace MakerShop.Web.Quotes;

/// <summary>A client already has as many slices running or waiting as it may; answered 429 with Retry-After, at once.</summary>
public sealed class TooManySlicesException(int limit, TimeSpan retryAfter)
    : Exception($"You already have {limit} models being sliced. Wait for them to be quoted, then upload the next one.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
