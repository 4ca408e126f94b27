namespace MakerShop.Web.Security;

/// <summary>Endpoint metadata: the endpoint bounds its own body (a webhook with its configured cap, read through
/// <see cref="BoundedBody"/>), so the JSON API default limit does not apply to it.</summary>
public sealed class BoundsOwnBodyMetadata
{
    public static readonly BoundsOwnBodyMetadata Instance = new();

    private BoundsOwnBodyMetadata()
    {
    }
}
