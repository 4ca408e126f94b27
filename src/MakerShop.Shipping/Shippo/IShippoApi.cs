using System.Text.Json;
using Refit;

namespace MakerShop.Shipping.Shippo;

/// <summary>Shippo API (header <c>Authorization: ShippoToken &lt;token&gt;</c>, set on the HttpClient).</summary>
[Headers("Accept: application/json")]
public interface IShippoApi
{
    [Post("/shipments/")]
    Task<IApiResponse<ShippoShipment>> CreateShipmentAsync([Body] ShippoShipmentRequest body, CancellationToken cancellationToken = default);

    [Post("/transactions/")]
    Task<IApiResponse<ShippoTransaction>> BuyAsync([Body] ShippoTransactionRequest body, CancellationToken cancellationToken = default);

    [Get("/tracks/{carrier}/{trackingNumber}")]
    Task<IApiResponse<JsonElement>> GetTrackAsync(string carrier, string trackingNumber, CancellationToken cancellationToken = default);
}
