using System.Text;
using MakerShop.Contracts.Devices;
using MakerShop.FirmwareBridge.Download;
using MakerShop.FirmwareBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Download;

public sealed class GcodeDownloaderTests : IAsyncLifetime, IDisposable
{
    private static readonly DeviceCredentials Credentials = new("printer-7", "s3cret");
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new();
    private GcodeServer server = null!;

    public async Task InitializeAsync() => server = await GcodeServer.StartAsync(Credentials);

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose()
    {
        http.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task A_partial_file_is_resumed_with_a_range_request_and_verified()
    {
        var content = Encoding.ASCII.GetBytes(TestGcode.File("resume", moves: 500));
        var job = TestGcode.StartArguments("job-resume", server.Add("resume.gcode", content), content);
        await File.WriteAllBytesAsync(Path.Combine(work.Path, "job-resume.gcode.part"), content[..1000]);

        var result = await Downloader(Credentials).DownloadAsync(job).WaitAsync(Await.Timeout);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(Path.Combine(work.Path, "job-resume.gcode"), result.FilePath);
        Assert.Equal(content, await File.ReadAllBytesAsync(result.FilePath!));
        Assert.False(File.Exists(result.FilePath + ".part"));
        Assert.Equal([("bytes=1000-", 206)], server.Requests);
    }

    [Fact]
    public async Task A_file_whose_sha256_does_not_match_is_refused_and_not_kept()
    {
        var content = Encoding.ASCII.GetBytes(TestGcode.File("tampered", moves: 20));
        var url = server.Add("tampered.gcode", content);
        var job = TestGcode.StartArguments("job-tampered", url, content) with { Sha256 = new string('0', 64) };

        var result = await Downloader(Credentials).DownloadAsync(job).WaitAsync(Await.Timeout);

        Assert.False(result.Succeeded);
        Assert.StartsWith("sha256 mismatch", result.FailureReason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(work.Path));
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_download_without_retrying()
    {
        var content = Encoding.ASCII.GetBytes("G28\n");
        var job = TestGcode.StartArguments("job-denied", server.Add("denied.gcode", content), content);

        var result = await Downloader(Credentials with { Secret = "wrong" }).DownloadAsync(job).WaitAsync(Await.Timeout);

        Assert.False(result.Succeeded);
        Assert.Contains("401", result.FailureReason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_missing_file_fails_the_download_with_a_clear_reason()
    {
        var job = TestGcode.StartArguments("job-missing", new Uri(server.BaseAddress, "/gcode/nothing.gcode"), [1, 2, 3]);

        var result = await Downloader(Credentials).DownloadAsync(job).WaitAsync(Await.Timeout);

        Assert.False(result.Succeeded);
        Assert.Contains("404", result.FailureReason, StringComparison.Ordinal);
    }

    private GcodeDownloader Downloader(DeviceCredentials credentials) =>
        new(http, credentials, work.Path, TimeProvider.System, NullLogger<GcodeDownloader>.Instance);
}
