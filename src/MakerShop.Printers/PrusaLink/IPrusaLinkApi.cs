using Refit;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// The parts of PrusaLink's v1 API (Buddy firmware: MK4/MK4S, XL, MINI, CORE One) the shop uses. The PrusaLink password
/// travels as <c>X-Api-Key</c>; a printer that wants HTTP Digest instead gets it from <see cref="PrusaLinkDigestHandler"/>.
/// </summary>
public interface IPrusaLinkApi
{
    /// <summary><c>{"api": "1.0.0", "server": …, "text": "PrusaLink", "firmware": "6.1.3+8328", …}</c>.</summary>
    [Get("/api/version")]
    Task<IApiResponse<PrusaLinkVersion>> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Printer state, temperatures, and the current job's id and progress (percent) when there is one.</summary>
    [Get("/api/v1/status")]
    Task<IApiResponse<PrusaLinkStatus>> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>The current (or just ended) job with its file; 204 with no body when there is none.</summary>
    [Get("/api/v1/job")]
    Task<IApiResponse<PrusaLinkJob>> GetJobAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the raw body as <paramref name="path"/> on <paramref name="storage"/> (<c>usb</c> on Buddy) and prints it:
    /// 201; 409 while printing (or when the file exists without <c>Overwrite</c>); 401 for a wrong key; 404 for an
    /// unknown storage. The headers are RFC 8941 booleans, the one spelling every firmware accepts.
    /// </summary>
    [Put("/api/v1/files/{storage}/{**path}")]
    [Headers("Print-After-Upload: ?1", "Overwrite: ?1")]
    Task<IApiResponse> UploadAsync(string storage, string path, [Body] HttpContent content, CancellationToken cancellationToken = default);

    /// <summary>204; 404 for no such file; 409 while it is being printed.</summary>
    [Delete("/api/v1/files/{storage}/{**path}")]
    Task<IApiResponse> DeleteFileAsync(string storage, string path, CancellationToken cancellationToken = default);

    /// <summary>204; 409 unless printing; 404 when <paramref name="id"/> is not the current job.</summary>
    [Put("/api/v1/job/{id}/pause")]
    Task<IApiResponse> PauseJobAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>204; 409 unless paused; 404 when <paramref name="id"/> is not the current job.</summary>
    [Put("/api/v1/job/{id}/resume")]
    Task<IApiResponse> ResumeJobAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Stops the job: 204; 409 unless printing, paused or waiting for attention; 404 for another id.</summary>
    [Delete("/api/v1/job/{id}")]
    Task<IApiResponse> StopJobAsync(long id, CancellationToken cancellationToken = default);
}
