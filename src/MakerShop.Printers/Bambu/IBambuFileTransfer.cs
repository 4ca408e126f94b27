namespace MakerShop.Printers.Bambu;

/// <summary>
/// Puts a job's file on a Bambu Lab printer's storage and takes it off again, over FTPS (implicit TLS, the data
/// channel resuming the control channel's TLS session, as the printer's server insists).
/// </summary>
public interface IBambuFileTransfer
{
    /// <summary>
    /// Stores <paramref name="content"/> as <paramref name="remoteName"/> and checks the stored size. A refusal (wrong
    /// access code, changed certificate, a cut connection, a size that does not match) throws
    /// <see cref="BambuTransferException"/> whose message a maker can read.
    /// </summary>
    Task UploadAsync(BambuFtpsTarget target, string remoteName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="remoteName"/>; a file that is already gone is not an error.</summary>
    Task DeleteAsync(BambuFtpsTarget target, string remoteName, CancellationToken cancellationToken = default);
}
