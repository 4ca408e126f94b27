namespace MakerShop.Web.Quotes;

/// <summary>An upload larger than the configured limit; answered 413.</summary>
public sealed class UploadTooLargeException(long limit)
    : Exception($"The upload is larger than the {limit:N0} bytes the shop accepts.")
{
    public long Limit { get; } = limit;
}
