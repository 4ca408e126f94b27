using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MakerShop.Channels.Shopify;

/// <summary>POST /channels/shopify/webhooks: the URL given to Shopify for orders/create, orders/updated and orders/cancelled.</summary>
public static class ShopifyWebhookEndpoints
{
    public const string Path = "/channels/shopify/webhooks";

    public static IEndpointRouteBuilder MapShopifyWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).WithTags("Webhooks").WithName("ShopifyWebhook").AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(HttpContext context, ShopifyWebhookIntake intake, CancellationToken cancellationToken)
    {
        var result = await intake.ReceiveAsync(context, cancellationToken);
        return result switch
        {
            ShopifyIntakeResult.Rejected rejected => TypedResults.Problem(statusCode: 401, title: "The webhook could not be authenticated.", detail: rejected.Reason),
            ShopifyIntakeResult.TooLarge tooLarge => TypedResults.Problem(statusCode: 413, title: "Webhook body too large.", detail: $"Webhook bodies are limited to {tooLarge.MaxBytes:N0} bytes."),
            ShopifyIntakeResult.Unreadable unreadable => TypedResults.Problem(statusCode: 400, title: "The webhook could not be read.", detail: unreadable.Reason),
            ShopifyIntakeResult.Ignored ignored => TypedResults.Ok(new WebhookAnswer(null, $"ignored: the shop does not handle {ignored.Topic}")),
            ShopifyIntakeResult.Duplicate duplicate => TypedResults.Ok(new WebhookAnswer(duplicate.WebhookId, "duplicate")),
            ShopifyIntakeResult.Stored stored => TypedResults.Ok(new WebhookAnswer(stored.WebhookId, "stored")),
            _ => throw new InvalidOperationException($"Unhandled intake result {result}."),
        };
    }

    public sealed record WebhookAnswer(string? WebhookId, string Outcome);
}
