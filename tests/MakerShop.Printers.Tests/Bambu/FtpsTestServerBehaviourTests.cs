using System.Net.Security;
using System.Text;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>
/// What the test servers answer to what the shop's client never sends: they must be as strict as the printer, or the
/// contract tests would prove nothing.
/// </summary>
public sealed class FtpsTestServerBehaviourTests
{
    private string Serial { get; } = $"01S00C{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
    private const string AccessCode = "61523874";

    [Fact]
    public async Task Vsftpd_refuses_a_data_channel_that_does_not_resume_the_control_channels_session()
    {
        using var certificate = TestCertificates.SelfSignedFor(Serial);
        await using var server = await VsftpdServer.StartAsync(certificate, AccessCode);
        await using var session = await RawFtpsSession.OpenAsync(server, Serial, TestCertificates.Sha256(certificate));
        await session.LogInAsync(AccessCode);
        await session.SendAsync("PBSZ 0");
        await session.SendAsync("PROT P");

        var (start, data) = await session.StartTransferAsync("STOR fresh.bin");
        using (data)
        {
            Assert.Equal(150, start.Code);
            // Another name, so .NET has no cached session to offer: a full handshake, as FluentFTP's SslStream made.
            var fresh = RawFtpsSession.Options("another-name", TestCertificates.Sha256(certificate));
            await using var tls = new SslStream(data.GetStream());
            try
            {
                // vsftpd may finish the handshake before it checks for reuse, so the refusal shows on the control channel.
                await tls.AuthenticateAsClientAsync(fresh);
                await tls.WriteAsync(new byte[64 * 1024]);
                await tls.FlushAsync();
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
            }
        }

        Assert.Equal("522 SSL connection failed: session reuse required", (await session.Channel.ReadReplyAsync(CancellationToken.None)).ToString());
        // vsftpd opens the file before the handshake: what it leaves is empty (the client deletes it).
        Assert.Equal(0, new FileInfo(server.StoredPath("fresh.bin")).Length);
    }

    [Fact]
    public async Task The_fake_refuses_a_clear_data_channel_as_vsftpd_does_when_it_is_forced_private()
    {
        await using var server = StartFake(out var sha256);
        await using var session = await RawFtpsSession.OpenAsync(server, Serial, sha256);
        Assert.Equal(530, (await session.SendAsync("PBSZ 0")).Code);
        await session.LogInAsync(AccessCode);
        Assert.Equal(200, (await session.SendAsync("PROT C")).Code);

        var (reply, data) = await session.StartTransferAsync("STOR clear.bin");
        data.Dispose();

        Assert.Equal("521 Data connections must be encrypted.", reply.ToString());
        Assert.False(File.Exists(Path.Combine(server.StorageDir, "clear.bin")));
    }

    [Fact]
    public async Task The_fake_lists_its_files_and_keeps_names_inside_its_storage()
    {
        await using var server = StartFake(out var sha256);
        await File.WriteAllTextAsync(Path.Combine(server.StorageDir, "job-3.gcode.3mf"), "x");
        await using var session = await RawFtpsSession.OpenAsync(server, Serial, sha256);
        await session.LogInAsync(AccessCode);
        await session.SendAsync("PROT P");

        var (start, data) = await session.StartTransferAsync("NLST");
        string listing;
        using (data)
        {
            Assert.Equal(150, start.Code);
            await using var tls = new SslStream(data.GetStream());
            await tls.AuthenticateAsClientAsync(session.Channel.TlsOptions);
            using var reader = new StreamReader(tls, Encoding.UTF8);
            listing = await reader.ReadToEndAsync();
        }

        Assert.Equal(226, (await session.Channel.ReadReplyAsync(CancellationToken.None)).Code);
        Assert.Equal("job-3.gcode.3mf\r\n", listing);
        Assert.Equal("550 Could not get file size.", (await session.SendAsync("SIZE ../escape.bin")).ToString());
        var (refused, escape) = await session.StartTransferAsync("STOR ../escape.bin");
        escape.Dispose();
        Assert.Equal("553 Could not create file.", refused.ToString());
    }

    private FakeFtpsTestServer StartFake(out string sha256)
    {
        var certificate = TestCertificates.SelfSignedFor(Serial);
        sha256 = TestCertificates.Sha256(certificate);
        return (FakeFtpsTestServer)FakeFtpsTestServer.Start(certificate, AccessCode);
    }
}
