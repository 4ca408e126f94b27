using MakerShop.Web.Quotes.Contracts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MakerShop.Web.Quotes;

/// <summary>POST /api/quotes (multipart: file, material, currency) and GET /api/quotes/{id}.</summary>
public static class QuoteEndpoints
{
    private const int MaxFieldBytes = 1024;

    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        var quotes = app.MapGroup("/api/quotes").WithTags("Quotes");
        quotes.MapPost("/", CreateAsync).WithName("CreateQuote").DisableAntiforgery()
            .WithSummary("Upload an STL or 3MF (multipart field 'file', optional 'material' and 'currency') and get a priced quote from a real slice.");
        quotes.MapGet("/{id}", GetAsync).WithName("GetQuote");
        return app;
    }

    private static async Task<Results<Created<QuoteResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext context, QuoteService service, IOptions<QuotingOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit + 64 * 1024)
        {
            return TooLarge(limit);
        }

        // The form's own fields and boundaries need a little room beyond the file itself.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit + 64 * 1024;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Invalid("file", "Send the model as multipart/form-data with a 'file' field.");
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        string? material = null, currency = null;
        UploadedModel? upload = null;
        try
        {
            while (await NextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == "file")
                {
                    if (upload is not null)
                    {
                        return Invalid("file", "Send one model per quote.");
                    }

                    // Streamed straight into the data folder (hashed, counted, then read and measured); the form may name
                    // the material after the file, so the quote is made once the whole form is read.
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "model";
                    upload = await service.UploadAsync(new MultipartSectionStream(section.Body), fileName, cancellationToken);
                }
                else if (name is "material" or "currency")
                {
                    var value = await ReadFieldAsync(new MultipartSectionStream(section.Body), cancellationToken);
                    (material, currency) = name == "material" ? (value, currency) : (material, value);
                }
            }

            if (upload is null)
            {
                return Invalid("file", "The form has no 'file' field with a model in it.");
            }

            var quote = await service.CreateAsync(upload, material, currency, ClientKey(context), cancellationToken);
            return TypedResults.Created($"/api/quotes/{quote.Id}", quote);
        }
        catch (UploadCutOffException ex)
        {
            return Invalid("file", ex.Message);
        }
        catch (UploadTooLargeException)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (TooManySlicesException ex)
        {
            return Busy(context, StatusCodes.Status429TooManyRequests, "Too many models are being sliced for you.", ex.Message, ex.RetryAfter);
        }
        catch (SliceQueueTimeoutException ex)
        {
            return Busy(context, StatusCodes.Status503ServiceUnavailable, "The slicer is busy.", ex.Message, ex.RetryAfter);
        }
        catch (QuoteRefusedException ex)
        {
            var extensions = new Dictionary<string, object?>(ex.Details)
            {
                ["problem"] = ex.Problem,
                ["warnings"] = ex.Warnings.Select(w => new QuoteWarningResponse(w.Code, w.Message)).ToList(),
            };
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: ex.Title, detail: ex.Message, extensions: extensions);
        }
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> GetAsync(string id, QuoteService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } quote
            ? TypedResults.Ok(quote)
            : TypedResults.Problem(statusCode: 404, title: "No such quote.", detail: $"There is no quote '{id}'.");

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw new UploadCutOffException(ex);
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                throw new BadHttpRequestException("A form field is longer than 1 KB.");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    /// <summary>The slicing queue's per-client key: the remote address (the host is expected to see the real one).</summary>
    internal static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static ProblemHttpResult Busy(HttpContext context, int status, string title, string detail, TimeSpan retryAfter)
    {
        var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The model file is too large.",
            detail: $"Uploads are limited to {limit:N0} bytes.");

    private static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(statusCode: 400, title: "The request is not valid.", detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
