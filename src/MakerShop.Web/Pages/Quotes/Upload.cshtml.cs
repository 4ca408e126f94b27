using MakerShop.Core;
using MakerShop.Geometry;
using MakerShop.Web.Quotes;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Quotes;

/// <summary>Upload a model, get a quote from a real slice, in the visitor's currency. Works without JavaScript.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024)]
[RequestSizeLimit(200L * 1024 * 1024)]
public sealed class UploadModel(QuoteService quotes, VisitorCurrency currency, IStringLocalizer<SharedResource> text, ILogger<UploadModel> logger) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? material, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Error = "Choose an STL or 3MF file to upload.";
            return Page();
        }

        try
        {
            await using var content = file.OpenReadStream();
            var upload = await quotes.UploadAsync(content, Path.GetFileName(file.FileName), cancellationToken);
            var quote = await quotes.CreateAsync(upload, material, currency.Resolve(HttpContext).Code, QuoteEndpoints.ClientKey(HttpContext), cancellationToken);
            return LocalRedirect($"/quotes/{Uri.EscapeDataString(quote.Id)}");
        }
        catch (TooManySlicesException ex)
        {
            return Busy(StatusCodes.Status429TooManyRequests, ex.Message, ex.RetryAfter);
        }
        catch (SliceQueueTimeoutException ex)
        {
            return Busy(StatusCodes.Status503ServiceUnavailable, ex.Message, ex.RetryAfter);
        }
        catch (UploadTooLargeException ex)
        {
            Error = ex.Message;
        }
        catch (QuoteRefusedException ex) when (ex.Problem == nameof(ModelProblem.BinaryGcode))
        {
            Error = text["Quote.Problem.BinaryGcode"];
        }
        catch (QuoteRefusedException ex)
        {
            Error = ex.Message + (ex.Warnings.Count > 0 ? " " + string.Join(" ", ex.Warnings.Select(w => w.Message)) : "");
        }
        catch (ModelFormatException ex)
        {
            Error = ex.Message;
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }

        logger.LogInformation("Quote refused for upload {FileName}: {Reason}", file.FileName, Error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private PageResult Busy(int status, string message, TimeSpan retryAfter)
    {
        Error = message;
        Response.StatusCode = status;
        Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
