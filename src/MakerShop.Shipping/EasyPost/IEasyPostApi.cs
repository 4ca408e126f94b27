using System.Text.Json;
using Refit;

namespace MakerShop.Shipping.EasyPost;

/// <summary>EasyPost API v2 (HTTP Basic with the API key as user name, set on the HttpClient).</summary>
[Headers("Accept: application/json")]
public interface IEasyPostApi
{
    [Post("/v2/shipments")]
    Task<IApiResponse<EasyPostShipment>> CreateShipmentAsync([Body] EasyPostCreateShipment body, CancellationToken cancellationToken = default);

    [Post("/v2/shipments/{id}/buy")]
    Task<IApiResponse<EasyPostShipment>> BuyAsync(string id, [Body] EasyPostBuy body, CancellationToken cancellationToken = default);

    [Get("/v2/trackers/{id}")]
    Task<IApiResponse<JsonElement>> GetTrackerAsync(string id, CancellationToken cancellationToken = default);
}
