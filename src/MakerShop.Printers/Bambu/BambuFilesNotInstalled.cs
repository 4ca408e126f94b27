namespace MakerShop.Printers.Bambu;

/// <summary>
/// Used only when the host registered no FTPS client: every transfer is refused with words, so a Bambu Lab printer
/// shows why it takes no jobs instead of the host failing to start. The FTPS client replaces it in the composition.
/// </summary>
public sealed class BambuFilesNotInstalled : IBambuFileTransfer, IBambuJobPackager
{
    private const string Missing = "this shop has no FTPS client for Bambu Lab printers installed";

    public Task UploadAsync(BambuFtpsTarget target, string remoteName, Stream content, CancellationToken cancellationToken = default) =>
        throw new BambuTransferException(Missing, retryable: false);

    public Task DeleteAsync(BambuFtpsTarget target, string remoteName, CancellationToken cancellationToken = default) =>
        throw new BambuTransferException(Missing, retryable: false);

    public Task<BambuJobPackage> PackageAsync(Stream gcode, string jobName, Stream destination, CancellationToken cancellationToken = default) =>
        throw new BambuTransferException(Missing, retryable: false);
}
