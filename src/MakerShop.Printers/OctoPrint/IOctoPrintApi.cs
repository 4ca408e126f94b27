using Refit;

namespace MakerShop.Printers.OctoPrint;

/// <summary>
/// The parts of OctoPrint's REST API (1.x) the shop uses. The API key travels in the <c>X-Api-Key</c> header set on
/// the client; no <c>X-OctoPrint-Api-Version</c> header is sent, so a 2.0 server keeps the 1.x shapes read here.
/// </summary>
public interface IOctoPrintApi
{
    [Get("/api/version")]
    Task<IApiResponse<OctoPrintVersion>> GetVersionAsync(CancellationToken cancellationToken = default);

    [Get("/api/connection")]
    Task<IApiResponse<OctoPrintConnection>> GetConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary><c>{"command": "connect" | "disconnect", "port"?: …}</c>; 204, or 400 for a port that is not offered.</summary>
    [Post("/api/connection")]
    Task<IApiResponse> PostConnectionAsync([Body] OctoPrintConnectionCommand command, CancellationToken cancellationToken = default);

    /// <summary>State flags and temperatures; 409 when the printer is not operational.</summary>
    [Get("/api/printer?exclude=sd")]
    Task<IApiResponse<OctoPrintPrinterState>> GetPrinterAsync(CancellationToken cancellationToken = default);

    [Get("/api/job")]
    Task<IApiResponse<OctoPrintJobState>> GetJobAsync(CancellationToken cancellationToken = default);

    /// <summary><c>start</c>, <c>cancel</c>, <c>restart</c>, <c>pause</c> with an action; 204, or 409 when the state does not allow it.</summary>
    [Post("/api/job")]
    Task<IApiResponse> PostJobAsync([Body] OctoPrintJobCommand command, CancellationToken cancellationToken = default);

    /// <summary>Multipart upload: the G-code in the <c>file</c> part, plus the <c>select</c> and <c>print</c> form fields.</summary>
    [Multipart]
    [Post("/api/files/local")]
    Task<IApiResponse<OctoPrintUploadResult>> UploadAsync(
        [AliasAs("file")] StreamPart file,
        [AliasAs("select")] string select,
        [AliasAs("print")] string print,
        CancellationToken cancellationToken = default);

    /// <summary>204; 404 for no such file, 409 while it is being printed (a selected file that is done is unselected).</summary>
    [Delete("/api/files/local/{**path}")]
    Task<IApiResponse> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Raw G-code, e.g. <c>{"commands": ["M112"]}</c>; no firmware output comes back.</summary>
    [Post("/api/printer/command")]
    Task<IApiResponse> SendGcodeAsync([Body] OctoPrintGcodeCommand command, CancellationToken cancellationToken = default);
}
