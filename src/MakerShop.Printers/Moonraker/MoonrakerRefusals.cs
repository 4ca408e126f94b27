using System.Net;
using MakerShop.Printers.Http;
using Refit;

namespace MakerShop.Printers.Moonraker;

/// <summary>
/// What a refusal from Moonraker means, decided by status code and endpoint and never by the message's wording (the
/// real server says "File is loaded, upload not permitted" and "SD busy"; other versions and proxies say other things).
/// </summary>
internal static class MoonrakerRefusals
{
    public static HttpCallResult Read(IApiResponse response, MoonrakerEndpoint endpoint)
    {
        var detail = HttpCalls.Describe(response);
        return response.StatusCode switch
        {
            null => new HttpCallResult(HttpCallOutcome.Unreachable, detail),

            // Moonraker refuses a missing or wrong key with 401; its 403 on an upload or a delete is the file being printed.
            HttpStatusCode.Forbidden when endpoint is MoonrakerEndpoint.Upload or MoonrakerEndpoint.FileDelete => new HttpCallResult(HttpCallOutcome.Conflict, detail),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HttpCallResult(HttpCallOutcome.Unauthorized, detail),
            HttpStatusCode.ServiceUnavailable => new HttpCallResult(HttpCallOutcome.NotOperational, detail),

            // A print command Klipper will not carry out in the print's state; the caller looks at the printer to see why.
            HttpStatusCode.BadRequest when endpoint == MoonrakerEndpoint.PrintControl => new HttpCallResult(HttpCallOutcome.Conflict, detail),
            >= HttpStatusCode.InternalServerError => new HttpCallResult(HttpCallOutcome.Unreachable, detail),
            _ => new HttpCallResult(HttpCallOutcome.Rejected, detail),
        };
    }
}
