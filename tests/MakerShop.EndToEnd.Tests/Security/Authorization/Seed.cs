namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// What fills a route parameter: something the matrix seeded, so that an allowed caller meets a real resource and a
/// 404 can only mean "refused". Printer and job follow the caller's side (maker A's own, or maker B's).
/// </summary>
public enum Seed
{
    /// <summary>The customer's order, placed through the checkout, with its private key.</summary>
    CustomerOrder,

    /// <summary>An order that exists to be cancelled and refunded by the owner's calls.</summary>
    SpareOrder,

    /// <summary>A queued job (of the spare order) that exists to be cancelled and requeued by the owner's calls.</summary>
    SpareJob,

    /// <summary>Maker A's printer, or maker B's for a caller on the other side.</summary>
    Printer,

    /// <summary>The job printing on maker A's printer, or the one on maker B's.</summary>
    Job,

    /// <summary>A catalog product.</summary>
    Product,

    /// <summary>An instant quote of an uploaded cube.</summary>
    Quote,

    /// <summary>A drafted shipment to Switzerland (so it has customs documents).</summary>
    Shipment,

    /// <summary>The order that shipment belongs to.</summary>
    ShipmentOrder,

    /// <summary>A spool in the inventory.</summary>
    Spool,

    /// <summary>The customer order's bank transfer reference.</summary>
    TransferReference,

    /// <summary>A refund id; the only route with one takes a body, refused as malformed before the id is looked up.</summary>
    Refund,

    /// <summary>A tracking provider whose webhook is configured (EasyPost).</summary>
    WebhookProvider,

    /// <summary>The OpenAPI document's name.</summary>
    OpenApiDocument,

    /// <summary>A webhook endpoint id that does not exist (the owner gets 404; nobody else gets that far).</summary>
    WebhookEndpoint,
}
