using Refit;

namespace MakerShop.Shipping;

internal static class ApiStatus
{
    /// <summary>The HTTP status, or 0 when the request never got an answer.</summary>
    public static int Code(IApiResponse response) => response.StatusCode is { } status ? (int)status : 0;
}
