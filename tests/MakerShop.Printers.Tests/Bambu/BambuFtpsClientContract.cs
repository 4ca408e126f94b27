using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Bambu.Ftps;
using MakerShop.Printers.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>
/// What a maker can expect of an upload to a Bambu printer, proved against one FTPS server per test: the real one
/// (vsftpd, which insists on TLS session reuse) or the demo's fake.
/// </summary>
public abstract class BambuFtpsClientContract : IAsyncLifetime
{
    // A serial of its own per test: .NET caches one TLS session per name, and servers running side by side under one
    // name would hand each other's sessions to vsftpd, which refuses them (as two printers never share a serial).
    protected string Serial { get; } = $"01P00A{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
    protected const string AccessCode = "27418563";
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly CapturedLogs _logs = new();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private X509Certificate2 _certificate = null!;

    protected IFtpsTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _certificate = TestCertificates.SelfSignedFor(Serial);
        Server = await StartServerAsync(_certificate, AccessCode);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var item in _cleanup)
        {
            await item.DisposeAsync();
        }

        _logs.Dispose();
    }

    protected abstract Task<IFtpsTestServer> StartServerAsync(X509Certificate2 certificate, string accessCode);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_is_stored_byte_for_byte_over_the_pinned_certificate(bool capTlsAt12)
    {
        var content = RandomBytes(300_000);
        var client = Client(new BambuFtpsOptions { CapTlsAt12 = capTlsAt12 });

        await client.UploadAsync(await PinnedTargetAsync(), "job-7.gcode.3mf", new MemoryStream(content));

        Assert.Equal(content, await File.ReadAllBytesAsync(StoredPath("job-7.gcode.3mf")));
        Assert.Contains(_logs.Events, e => e.Level == LogLevel.Information && e.Message.Contains("Uploaded job-7.gcode.3mf (300000 bytes) to Bambu printer " + Serial, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Events, e => e.Message.Contains(AccessCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_five_megabyte_file_read_once_from_a_forward_only_stream_arrives_whole()
    {
        var content = RandomBytes(5 * 1024 * 1024);
        var source = new GatedStream(content, pauseAfter: 0);
        source.Open();

        await Client().UploadAsync(await PinnedTargetAsync(), "five.gcode.3mf", source);

        Assert.Equal(content, await File.ReadAllBytesAsync(StoredPath("five.gcode.3mf")));
    }

    [Fact]
    public async Task Uploads_to_one_printer_started_together_are_all_stored_whole()
    {
        var target = await PinnedTargetAsync();
        var client = Client();
        var contents = Enumerable.Range(0, 3).Select(_ => RandomBytes(2 * 1024 * 1024)).ToList();

        await Task.WhenAll(contents.Select((content, i) => client.UploadAsync(target, $"together-{i}.gcode.3mf", new MemoryStream(content))));

        for (var i = 0; i < contents.Count; i++)
        {
            Assert.Equal(contents[i], await File.ReadAllBytesAsync(StoredPath($"together-{i}.gcode.3mf")));
        }
    }

    [Fact]
    public async Task A_wrong_access_code_is_refused_for_good_in_words_that_say_so()
    {
        var target = await PinnedTargetAsync() with { AccessCode = "99999999" };

        var refusal = await Assert.ThrowsAsync<BambuTransferException>(
            () => Client().UploadAsync(target, "job-8.gcode.3mf", new MemoryStream(RandomBytes(1000))));

        Assert.False(refusal.Retryable);
        Assert.StartsWith("The printer refused the access code: 530", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("99999999", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Events, e => e.Message.Contains("99999999", StringComparison.Ordinal));
        Assert.False(File.Exists(StoredPath("job-8.gcode.3mf")));
    }

    [Fact]
    public async Task A_certificate_that_changed_since_registration_is_refused_and_named()
    {
        var target = await PinnedTargetAsync();
        await Client().UploadAsync(target, "before.gcode.3mf", new MemoryStream(RandomBytes(1000)));
        using var replaced = TestCertificates.SelfSignedFor(Serial);

        await Server.RestartWithAsync(replaced);
        var refusal = await Assert.ThrowsAsync<BambuTransferException>(
            () => Client().UploadAsync(target, "after.gcode.3mf", new MemoryStream(RandomBytes(1000))));

        Assert.False(refusal.Retryable);
        Assert.Equal(
            $"The printer's certificate changed since it was registered (was {TestCertificates.Sha256(_certificate)}, now {TestCertificates.Sha256(replaced)}): if you reset or replaced the printer, register it again.",
            refusal.Message);
        Assert.False(File.Exists(StoredPath("after.gcode.3mf")));
    }

    [Fact]
    public async Task An_upload_cut_half_way_can_be_sent_again_and_is_never_reported_as_stored()
    {
        var content = RandomBytes(8 * 1024 * 1024);
        var source = new GatedStream(content, pauseAfter: 2 * 1024 * 1024);
        var upload = Client().UploadAsync(await PinnedTargetAsync(), "cut.gcode.3mf", source);

        await source.Paused.WaitAsync(Await.Timeout);
        await Await.UntilAsync(() => BytesReceived() > 0, "the printer has received part of the file");
        Assert.True(Server.CutSessions() > 0);
        source.Open();
        var failure = await Assert.ThrowsAsync<BambuTransferException>(() => upload.WaitAsync(Await.Timeout));

        Assert.True(failure.Retryable);
        Assert.StartsWith($"The upload of cut.gcode.3mf to printer {Serial} was cut after ", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was stored; it can be sent again.", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StoredPath("cut.gcode.3mf")), "the partial file is deleted");
    }

    [Fact]
    public async Task An_upload_that_outlives_its_deadline_can_be_sent_again_and_is_not_left_behind()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new GatedStream(RandomBytes(3 * 1024 * 1024), pauseAfter: 1024 * 1024);
        var upload = Client(timeProvider: time).UploadAsync(await PinnedTargetAsync(), "slow.gcode.3mf", source);

        await source.Paused.WaitAsync(Await.Timeout);
        time.Advance(TimeSpan.FromSeconds(601));
        var failure = await Assert.ThrowsAsync<BambuTransferException>(() => upload.WaitAsync(Await.Timeout));

        Assert.True(failure.Retryable);
        Assert.Contains("it did not finish within 10 minutes.", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StoredPath("slow.gcode.3mf")));
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_deleting_it_again_is_not_an_error()
    {
        var target = await PinnedTargetAsync();
        await Client().UploadAsync(target, "done.gcode.3mf", new MemoryStream(RandomBytes(1000)));

        await Client().DeleteAsync(target, "done.gcode.3mf");
        await Client().DeleteAsync(target, "done.gcode.3mf");

        Assert.False(File.Exists(StoredPath("done.gcode.3mf")));
    }

    [Fact]
    public async Task Without_a_pin_the_certificate_must_chain_to_the_Bambu_CA_and_name_the_serial()
    {
        using var authority = TestCertificates.Authority("Test BBL CA");
        using var issued = TestCertificates.IssuedBy(authority, Serial);
        await Server.RestartWithAsync(issued);
        var caFile = Path.Combine(Server.StorageDir, "..", $"bbl-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, authority.ExportCertificatePem());
        try
        {
            var options = new BambuFtpsOptions();
            options.CaCertificateFiles.Add(caFile);
            var unpinned = new BambuFtpsTarget(Server.Host, Server.Port, Serial, AccessCode, CertificateSha256: null);

            await Client(options).UploadAsync(unpinned, "ca.gcode.3mf", new MemoryStream(RandomBytes(1000)));
            var otherSerial = await Assert.ThrowsAsync<BambuTransferException>(
                () => Client(options).UploadAsync(unpinned with { Serial = "01P00A000000000" }, "other.gcode.3mf", new MemoryStream(RandomBytes(1000))));
            var noAuthority = await Assert.ThrowsAsync<BambuTransferException>(
                () => Client().UploadAsync(unpinned, "none.gcode.3mf", new MemoryStream(RandomBytes(1000))));

            Assert.True(File.Exists(StoredPath("ca.gcode.3mf")));
            Assert.Equal($"The printer's certificate names {Serial}, not the serial 01P00A000000000 it was registered with: check the printer's address.", otherSerial.Message);
            Assert.StartsWith("No certificate is pinned for printer " + Serial, noAuthority.Message, StringComparison.Ordinal);
            Assert.False(otherSerial.Retryable || noAuthority.Retryable);
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    protected string StoredPath(string name) => Path.Combine(Server.StorageDir, name);

    private long BytesReceived() =>
        new DirectoryInfo(Server.StorageDir).EnumerateFiles().Sum(f => f.Length);

    // What registration does: read the certificate the printer presents and pin it.
    protected async Task<BambuFtpsTarget> PinnedTargetAsync()
    {
        var presented = await BambuPresentedCertificate.FetchAsync(Server.Host, Server.Port, Serial, FetchTimeout);
        Assert.True(presented.Names(Serial));
        return new BambuFtpsTarget(Server.Host, Server.Port, Serial, AccessCode, presented.Sha256);
    }

    protected BambuFtpsClient Client(BambuFtpsOptions? options = null, TimeProvider? timeProvider = null)
    {
        var factory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _cleanup.Add(new DisposableFactory(factory));
        return new BambuFtpsClient(Options.Create(options ?? new BambuFtpsOptions()), factory.CreateLogger<BambuFtpsClient>(), timeProvider);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private sealed class DisposableFactory(ILoggerFactory factory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            factory.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
