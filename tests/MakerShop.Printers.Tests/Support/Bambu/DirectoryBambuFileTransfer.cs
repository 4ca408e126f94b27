using MakerShop.Printers.Bambu;

namespace MakerShop.Printers.Tests.Support.Bambu;

/// <summary>
/// Stand-in for the FTPS client until the FTPS branch is merged: copies an upload into the fake printer's storage
/// directory (its FTPS server's root) and refuses as the real client does on a wrong access code or a changed
/// certificate, checked against what the fake printer expects.
/// </summary>
internal sealed class DirectoryBambuFileTransfer(string storageDirectory, Func<string> accessCode, Func<string> certificateSha256) : IBambuFileTransfer
{
    public int Uploads { get; private set; }

    public async Task UploadAsync(BambuFtpsTarget target, string remoteName, Stream content, CancellationToken cancellationToken = default)
    {
        Check(target);
        var path = Path.Combine(storageDirectory, remoteName);
        await using (var file = File.Create(path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        Uploads++;
    }

    public Task DeleteAsync(BambuFtpsTarget target, string remoteName, CancellationToken cancellationToken = default)
    {
        Check(target);
        File.Delete(Path.Combine(storageDirectory, remoteName));
        return Task.CompletedTask;
    }

    private void Check(BambuFtpsTarget target)
    {
        if (!string.Equals(target.CertificateSha256, certificateSha256(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BambuTransferException("the printer presented another certificate than the one pinned at registration", retryable: false);
        }

        if (target.AccessCode != accessCode())
        {
            throw new BambuTransferException("530 Login incorrect: the printer refused the access code", retryable: false);
        }
    }
}
