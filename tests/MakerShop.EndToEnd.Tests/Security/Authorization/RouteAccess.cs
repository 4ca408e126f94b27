namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// THE declaration of who may call each route of the shop: one line per route (method + pattern as the host's endpoint
/// data source spells it; a Razor Page handler as <c>"POST /pattern?handler=Name"</c>), its <see cref="Access"/>, and the
/// seeded resources that fill its parameters in order. <see cref="AuthorizationMatrixTests"/> fails for a route the host
/// answers without a line here, and for a line whose route the host no longer answers.
/// To add a route: add a line in its area below, e.g. <c>Rule("GET /admin/payments/{id}", Access.Owner, Seed.CustomerOrder)</c>;
/// if the route needs a resource the matrix does not seed yet, add a <see cref="Seed"/> value, seed it in
/// <see cref="AuthorizationMatrixShop"/> and give its value in <see cref="MatrixSeed.Value"/>.
/// </summary>
public static class RouteAccess
{
    public static readonly IReadOnlyList<RouteRule> Rules =
    [
        // Storefront pages: anyone.
        Rule("GET /", Access.Public),
        Rule("GET /Index", Access.Public),
        Rule("GET /products/{id}", Access.Public, Seed.Product),
        Rule("GET /products/{id}/preview.bin", Access.Public, Seed.Product),
        Rule("GET /quote", Access.Public),
        Rule("POST /quote", Access.Public),
        // A quote's id is its capability (a version-7 GUID: 74 random bits); whoever uploaded the model holds it.
        Rule("GET /quotes/{id}", Access.Public, Seed.Quote),
        Rule("GET /quotes/{id}/model", Access.Public, Seed.Quote),
        Rule("GET /cart", Access.Public),
        Rule("POST /cart?handler=Add", Access.Public) with { Form = "itemId=calibration-cube&variant=PLA%7Cblack&quantity=1" },
        Rule("POST /cart?handler=Update", Access.Public),
        Rule("POST /cart?handler=Remove", Access.Public),
        Rule("GET /checkout", Access.Public),
        Rule("POST /checkout?handler=Review", Access.Public),
        Rule("POST /checkout?handler=Place", Access.Public),
        Rule("GET /preferences", Access.Public),
        Rule("POST /preferences", Access.Public),
        Rule("GET /account/sign-in", Access.Public),
        Rule("POST /account/sign-in", Access.Public),
        Rule("GET /account/sign-out", Access.Public),
        Rule("POST /account/sign-out", Access.Public),
        Rule("GET /account/denied", Access.Public) with { OwnAnswer = 403 },
        // First run: the page opens only with the token printed at start; once an owner exists (as here) it says so to anyone.
        Rule("GET /setup", Access.Public),
        Rule("POST /setup", Access.Public),
        Rule("GET /account/password", Access.SignedIn),
        Rule("POST /account/password", Access.SignedIn),

        // The customer's order: only with its private key.
        Rule("GET /orders/{id}", Access.OrderKey, Seed.CustomerOrder),
        Rule("GET /orders/{id}/live", Access.OrderKey, Seed.CustomerOrder),
        Rule("GET /checkout/done/{id}", Access.OrderKey, Seed.CustomerOrder),
        Rule("POST /checkout/done/{id}?handler=Pay", Access.OrderKey, Seed.CustomerOrder),

        // Public API.
        Rule("GET /api/products", Access.Public),
        Rule("POST /api/orders", Access.Public),
        Rule("POST /api/quotes", Access.Public),
        Rule("GET /api/quotes/{id}", Access.Public, Seed.Quote),
        Rule("ANY /health", Access.Public),
        Rule("ANY /health/ready", Access.Public),
        Rule("GET /openapi/{documentName}.json", Access.Public, Seed.OpenApiDocument),

        // Maker area.
        Rule("GET /maker", Access.Maker),
        Rule("GET /maker/jobs", Access.Maker),
        Rule("GET /maker/live", Access.Maker),
        Rule("GET /maker/register", Access.Maker),
        Rule("POST /maker/register", Access.Maker),
        Rule("GET /maker/printers/{id}", Access.MakerOwn, Seed.Printer),
        Rule("POST /maker/printers/{id}", Access.MakerOwn, Seed.Printer),
        Rule("POST /maker/printers/{id}?handler=RotateSecret", Access.MakerOwn, Seed.Printer),
        Rule("GET /maker/printers/{id}/temperatures", Access.MakerOwn, Seed.Printer),

        // Fleet API: the owner, or a maker for their own printers and jobs.
        Rule("GET /api/printers", Access.Staff),
        Rule("GET /api/jobs", Access.Staff),

        // Printers.
        Rule("GET /api/devices/jobs/{jobId}/gcode", Access.Device, Seed.Job),
        Rule("HEAD /api/devices/jobs/{jobId}/gcode", Access.Device, Seed.Job),

        // Webhooks: a provider's signature, nothing else.
        Rule("POST /api/payments/stripe/webhook", Access.Webhook),
        Rule("POST /webhooks/{provider}", Access.Webhook, Seed.WebhookProvider),
        Rule("POST /channels/shopify/webhooks", Access.Webhook),

        // Admin pages.
        Rule("GET /admin", Access.Owner),
        Rule("GET /admin/audit", Access.Owner),
        Rule("GET /admin/makers", Access.Owner),
        Rule("POST /admin/makers", Access.Owner),
        Rule("GET /admin/orders", Access.Owner),
        Rule("GET /admin/orders/{id}", Access.Owner, Seed.CustomerOrder),
        Rule("POST /admin/orders/{id}?handler=Cancel", Access.Owner, Seed.CustomerOrder),
        Rule("POST /admin/orders/{id}?handler=Refund", Access.Owner, Seed.CustomerOrder),
        // No refund exists to mark as paid out: the owner gets the handler's 404, a policy refuses everyone else first.
        Rule("POST /admin/orders/{id}?handler=PaidOut", Access.Owner, Seed.CustomerOrder) with { OwnAnswer = 404 },
        Rule("GET /admin/products", Access.Owner),
        Rule("POST /admin/products", Access.Owner),
        Rule("GET /admin/products/{id}", Access.Owner, Seed.Product),
        Rule("POST /admin/products/{id}", Access.Owner, Seed.Product),
        Rule("POST /admin/products/{id}?handler=Gcode", Access.Owner, Seed.Product),
        Rule("POST /admin/products/{id}?handler=AddVariant", Access.Owner, Seed.Product),
        Rule("POST /admin/products/{id}?handler=RemoveVariant", Access.Owner, Seed.Product),
        Rule("POST /admin/products/{id}?handler=Retire", Access.Owner, Seed.Product),
        Rule("GET /admin/printers", Access.Owner),
        Rule("GET /admin/printers/live", Access.Owner),
        Rule("GET /admin/printers/{id}", Access.Owner, Seed.Printer),
        // Maker A's printer: the owner sees it but may not command it (the shop's own printers only), so 403 is its answer.
        Rule("POST /admin/printers/{id}", Access.Owner, Seed.Printer) with { OwnAnswer = 403 },
        Rule("GET /admin/printers/{id}/temperatures", Access.Owner, Seed.Printer),
        Rule("GET /admin/queue", Access.Owner),
        Rule("POST /admin/queue", Access.Owner),
        Rule("POST /admin/queue?handler=Pin", Access.Owner),
        Rule("POST /admin/queue?handler=Move", Access.Owner),
        Rule("POST /admin/queue?handler=Cancel", Access.Owner),
        Rule("POST /admin/queue?handler=Requeue", Access.Owner),
        Rule("GET /admin/settings", Access.Owner),
        Rule("POST /admin/settings", Access.Owner),
        Rule("POST /admin/settings?handler=SaveAccount", Access.Owner),
        Rule("POST /admin/settings?handler=RemoveAccount", Access.Owner),
        // The payment handlers answer an empty form with 404 (no such transfer, receipt or import): the owner got through.
        Rule("GET /admin/payments", Access.Owner),
        Rule("POST /admin/payments?handler=Received", Access.Owner) with { OwnAnswer = 404 },
        Rule("POST /admin/payments?handler=Confirm", Access.Owner) with { OwnAnswer = 404 },
        Rule("POST /admin/payments?handler=Accept", Access.Owner) with { OwnAnswer = 404 },
        Rule("POST /admin/payments?handler=Dismiss", Access.Owner) with { OwnAnswer = 404 },
        Rule("GET /admin/payments/import", Access.Owner),
        Rule("POST /admin/payments/import", Access.Owner),
        Rule("POST /admin/payments/import?handler=ConfirmAll", Access.Owner) with { OwnAnswer = 404 },
        Rule("GET /admin/spools", Access.Owner),
        Rule("POST /admin/spools", Access.Owner),
        Rule("POST /admin/spools?handler=Change", Access.Owner),
        Rule("POST /admin/makers?handler=ResetPassword", Access.Owner),
        Rule("GET /admin/shipping", Access.Owner),
        Rule("GET /admin/shipping?handler=Today", Access.Owner),
        Rule("GET /admin/shipping/{id}", Access.Owner, Seed.Shipment),
        Rule("GET /admin/shipping/{id}?handler=Document", Access.Owner, Seed.Shipment) with { OwnAnswer = 404 },
        Rule("POST /admin/shipping/{id}?handler=Parcels", Access.Owner, Seed.Shipment),
        Rule("POST /admin/shipping/{id}?handler=Tracking", Access.Owner, Seed.Shipment),
        Rule("POST /admin/shipping/{id}?handler=Buy", Access.Owner, Seed.Shipment),
        Rule("POST /admin/shipping/{id}?handler=HandOver", Access.Owner, Seed.Shipment),
        Rule("GET /admin/webhooks", Access.Owner),
        Rule("POST /admin/webhooks?handler=Add", Access.Owner),
        Rule("POST /admin/webhooks?handler=Remove", Access.Owner),
        Rule("GET /admin/webhooks/{id}", Access.Owner, Seed.WebhookEndpoint) with { OwnAnswer = 404 },
        Rule("POST /admin/webhooks/{id}?handler=SendAgain", Access.Owner, Seed.WebhookEndpoint) with { OwnAnswer = 404 },
        Rule("GET /admin/notifications", Access.Owner),
        Rule("POST /admin/notifications", Access.Owner),
        Rule("GET /maker/notifications", Access.Maker),
        Rule("POST /maker/notifications", Access.Maker),
        Rule("GET /admin/channels", Access.Owner),
        Rule("POST /admin/channels?handler=Connect", Access.Owner),
        Rule("POST /admin/channels?handler=Disconnect", Access.Owner),
        Rule("POST /admin/channels?handler=Replay", Access.Owner),

        // Owner API.
        Rule("GET /api/orders/{id}", Access.Owner, Seed.CustomerOrder),
        Rule("GET /api/orders/{orderId}/shipment", Access.Owner, Seed.ShipmentOrder),
        Rule("POST /api/payments/bank-transfers/{reference}/confirm", Access.Owner, Seed.TransferReference),
        Rule("POST /api/admin/orders/{id}/cancel", Access.Owner, Seed.SpareOrder),
        Rule("POST /api/admin/orders/{id}/refund", Access.Owner, Seed.SpareOrder),
        Rule("POST /api/admin/orders/{id}/refunds/{refundId}/paid-out", Access.Owner, Seed.SpareOrder, Seed.Refund),
        Rule("POST /api/admin/jobs/{id}/priority", Access.Owner, Seed.SpareJob),
        Rule("POST /api/admin/jobs/{id}/cancel", Access.Owner, Seed.SpareJob),
        Rule("POST /api/admin/jobs/{id}/requeue", Access.Owner, Seed.SpareJob),
        Rule("GET /api/admin/spools", Access.Owner),
        Rule("POST /api/admin/spools", Access.Owner),
        Rule("PUT /api/admin/spools/{id}", Access.Owner, Seed.Spool),
        Rule("GET /api/admin/settings", Access.Owner),
        Rule("POST /api/admin/printers/{id}/commands", Access.Owner, Seed.Printer),
        Rule("PUT /api/admin/settings", Access.Owner),
        Rule("GET /api/shipments/{id}", Access.Owner, Seed.Shipment),
        Rule("GET /api/shipments/{id}/rates", Access.Owner, Seed.Shipment),
        Rule("POST /api/shipments/{id}/label", Access.Owner, Seed.Shipment),
        Rule("GET /api/shipments/{id}/documents/cn23.pdf", Access.Owner, Seed.Shipment),
        Rule("GET /api/shipments/{id}/documents/invoice.pdf", Access.Owner, Seed.Shipment),
        Rule("PUT /api/products/{productId}/customs", Access.Owner, Seed.Product),
    ];

    private static RouteRule Rule(string route, Access access, params Seed[] fill) => new(route, access, fill);
}
