using Refit;

namespace MakerShop.Printers.Moonraker;

/// <summary>
/// The parts of Moonraker's HTTP API the shop uses. Successful bodies are <c>{"result": …}</c>, except the file upload's,
/// which is the bare object; the API key travels in the <c>X-Api-Key</c> header set on the client.
/// </summary>
public interface IMoonrakerApi
{
    [Get("/server/info")]
    Task<IApiResponse<MoonrakerResult<MoonrakerServerInfo>>> GetServerInfoAsync(CancellationToken cancellationToken = default);

    [Get("/printer/info")]
    Task<IApiResponse<MoonrakerResult<MoonrakerPrinterInfo>>> GetPrinterInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Printer objects and the attributes wanted from each; unknown ones are left out by Klipper without an error.</summary>
    [Post("/printer/objects/query")]
    Task<IApiResponse<MoonrakerResult<MoonrakerObjectsResult>>> QueryObjectsAsync([Body] MoonrakerObjectsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Multipart upload: the G-code in the <c>file</c> part; <c>root</c>, <c>path</c>, <c>checksum</c> (SHA-256, 422 on
    /// mismatch) and <c>print</c> as form fields. Answers 201 with the bare upload object, not wrapped in <c>result</c>.
    /// </summary>
    [Multipart]
    [Post("/server/files/upload")]
    Task<IApiResponse<MoonrakerUploadResult>> UploadAsync(
        [AliasAs("file")] StreamPart file,
        [AliasAs("root")] string root,
        [AliasAs("path")] string path,
        [AliasAs("checksum")] string checksum,
        [AliasAs("print")] string print,
        CancellationToken cancellationToken = default);

    [Post("/printer/print/start")]
    Task<IApiResponse> StartPrintAsync([Query] string filename, CancellationToken cancellationToken = default);

    [Post("/printer/print/pause")]
    Task<IApiResponse> PausePrintAsync(CancellationToken cancellationToken = default);

    [Post("/printer/print/resume")]
    Task<IApiResponse> ResumePrintAsync(CancellationToken cancellationToken = default);

    [Post("/printer/print/cancel")]
    Task<IApiResponse> CancelPrintAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs G-code and answers once it is done; several lines are joined with a newline.</summary>
    [Post("/printer/gcode/script")]
    Task<IApiResponse> RunGcodeAsync([Body] MoonrakerGcodeScript script, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file under the gcodes root; refused while it is loaded for printing.</summary>
    [Delete("/server/files/gcodes/{**path}")]
    Task<IApiResponse> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Immediate, unlike an M112 sent as a script (which is queued); leaves Klippy in shutdown.</summary>
    [Post("/printer/emergency_stop")]
    Task<IApiResponse> EmergencyStopAsync(CancellationToken cancellationToken = default);
}
