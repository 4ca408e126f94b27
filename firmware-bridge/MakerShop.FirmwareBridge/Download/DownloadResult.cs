namespace MakerShop.FirmwareBridge.Download;

/// <summary>An expected outcome of fetching a job's G-code: a verified file, or the reason there is none.</summary>
public sealed record DownloadResult(string? FilePath, string? FailureReason)
{
    public bool Succeeded => FilePath is not null;

    public static DownloadResult Success(string filePath) => new(filePath, null);

    public static DownloadResult Failure(string reason) => new(null, reason);
}
