using Microsoft.AspNetCore.Http.HttpResults;

namespace MakerShop.Web.Shipping;

/// <summary>POST /webhooks/{easypost|shippo|aftership}: tracking updates from the providers.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapTrackingWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{provider}", ReceiveAsync).WithTags("Webhooks").WithName("TrackingWebhook").DisableAntiforgery()
            .WithMetadata(Security.BoundsOwnBodyMetadata.Instance);
        return app;
    }

    private static async Task<Results<Ok<WebhookAnswer>, Accepted<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(
        string provider, HttpRequest request, TrackingIntake intake, CancellationToken cancellationToken)
    {
        var webhook = intake.Find(provider);
        if (webhook is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Unknown webhook.", detail: $"No tracking provider '{provider}' is configured.");
        }

        var result = await intake.ReceiveAsync(webhook, request.HttpContext, cancellationToken);
        return result switch
        {
            IntakeResult.Rejected rejected => TypedResults.Problem(statusCode: 401, title: "The webhook could not be authenticated.", detail: rejected.Reason),
            IntakeResult.TooLarge tooLarge => TypedResults.Problem(statusCode: 413, title: "Webhook body too large.", detail: $"Webhook bodies are limited to {tooLarge.MaxBytes:N0} bytes."),
            IntakeResult.Unreadable unreadable => TypedResults.Problem(statusCode: 400, title: "The webhook body could not be read.", detail: unreadable.Error),
            IntakeResult.Ignored => TypedResults.Accepted((string?)null, new WebhookAnswer(null, "ignored: not a tracking event")),
            IntakeResult.Duplicate duplicate => TypedResults.Ok(new WebhookAnswer(duplicate.EventId, "duplicate")),
            IntakeResult.Applied applied => TypedResults.Ok(new WebhookAnswer(applied.EventId, applied.Outcome)),
            _ => throw new InvalidOperationException($"Unhandled intake result {result}."),
        };
    }

    public sealed record WebhookAnswer(string? EventId, string Outcome);
}
