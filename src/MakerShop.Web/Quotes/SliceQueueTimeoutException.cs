namespace MakerShop.Web.Quotes;

/// <summary>A slice waited its whole allowance for a slicing slot; answered 503 with Retry-After.</summary>
public sealed class SliceQueueTimeoutException(int waitedSeconds, TimeSpan retryAfter)
    : Exception($"The slicer is busy: your model waited {waitedSeconds} s for its turn. Try again in a little while.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
