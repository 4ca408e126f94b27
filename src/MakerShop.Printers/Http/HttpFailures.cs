using System.Net;
using Polly.Timeout;
using Refit;

namespace MakerShop.Printers.Http;

/// <summary>Which exceptions mean "the printer did not answer" (a result for the caller) rather than a bug.</summary>
internal static class HttpFailures
{
    public static bool IsNoAnswer(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        ApiException => true,
        _ => false,
    };

    public static string Describe(IApiResponse response) => response.IsReceived
        ? $"{(int)response.StatusCode!.Value} {ErrorText(response) ?? response.ReasonPhrase ?? ""}".Trim()
        : "no answer: " + (response.Error?.InnerException?.Message ?? response.Error?.Message ?? "unknown");

    /// <summary>The error body the server sent, if any.</summary>
    public static string? ErrorText(IApiResponse response) => (response.Error as ApiException)?.Content;

    public static bool ContainsError(IApiResponse response, string text) =>
        ErrorText(response)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    public static bool IsAuthFailure(HttpStatusCode? status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
