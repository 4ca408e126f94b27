using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The upload contract against the demo's C# fake, which must answer as the printer's vsftpd does.</summary>
public sealed class BambuFtpsClientFakeServerTests : BambuFtpsClientContract
{
    protected override Task<IFtpsTestServer> StartServerAsync(X509Certificate2 certificate, string accessCode) =>
        Task.FromResult(FakeFtpsTestServer.Start(certificate, accessCode));

    [Fact]
    public async Task A_426_after_every_byte_arrived_is_checked_with_SIZE_and_the_file_counts_as_stored()
    {
        ((FakeFtpsTestServer)Server).Fake.AnswerWholeUploadsWith426 = true;
        var content = new byte[200_000];
        Random.Shared.NextBytes(content);

        await Client().UploadAsync(await PinnedTargetAsync(), "quirk.gcode.3mf", new MemoryStream(content));

        Assert.Equal(content, await File.ReadAllBytesAsync(StoredPath("quirk.gcode.3mf")));
    }
}
