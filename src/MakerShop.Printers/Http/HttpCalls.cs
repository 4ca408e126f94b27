using System.Net;
using Polly.Timeout;
using Refit;

namespace MakerShop.Printers.Http;

/// <summary>Shared handling of printer requests: which exceptions mean "no answer" (a result, not a bug), and error texts.</summary>
internal static class HttpCalls
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

    /// <summary>Runs one command request: success is Done, a refusal is what <paramref name="failure"/> makes of it, no answer is Unreachable.</summary>
    public static async Task<HttpCallResult> CommandAsync(Func<Task<IApiResponse>> call, Func<IApiResponse, HttpCallResult> failure, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await call();
            return response.IsSuccessStatusCode ? HttpCallResult.Done : failure(response);
        }
        catch (Exception ex) when (IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }
    }

    public static bool IsAuthFailure(HttpStatusCode? status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
