using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Bambu.Ftps;
using MakerShop.Printers.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/MakerShop.Bench.BambuFtps -- [--megabytes 50] [--runs 5] [--tls13]
var megabytes = IntOption(args, "--megabytes", 50);
var runs = IntOption(args, "--runs", 5);
var tls13 = args.Contains("--tls13");
const string Serial = "01P00A391800123";
const string AccessCode = "27418563";

using var key = RSA.Create(2048);
using var certificate = new CertificateRequest($"CN={Serial}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
    .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
var work = Directory.CreateTempSubdirectory("makershop-ftps-bench-").FullName;
try
{
    var payload = Path.Combine(work, "payload.bin");
    var certPem = Path.Combine(work, "printer.pem");
    await File.WriteAllTextAsync(certPem, certificate.ExportCertificatePem() + "\n");
    await using (var file = File.Create(payload))
    {
        var block = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            Random.Shared.NextBytes(block);
            await file.WriteAsync(block);
        }
    }

    var bytes = new FileInfo(payload).Length;
    await using var server = await VsftpdServer.StartAsync(certificate, AccessCode);
    var target = new BambuFtpsTarget(server.Host, server.Port, Serial, AccessCode, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    var client = new BambuFtpsClient(Options.Create(new BambuFtpsOptions { CapTlsAt12 = !tls13 }), NullLogger<BambuFtpsClient>.Instance);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:F1} MB to vsftpd on {server.Host}:{server.Port} (implicit TLS, require_ssl_reuse), TLS {(tls13 ? "1.3 allowed" : "1.2")}, {runs} runs each after one warm-up, alternating; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

    var ours = new List<double>();
    var curl = new List<double>();
    for (var run = 0; run <= runs; run++)
    {
        var oursSeconds = await TimeAsync(async () =>
        {
            await using var content = new FileStream(payload, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await client.UploadAsync(target, "ours.bin", content);
        });
        Check(server.StoredPath("ours.bin"), bytes);
        var curlSeconds = await TimeAsync(() => CurlAsync(payload, certPem, server.Port, tls13));
        Check(server.StoredPath("curl.bin"), bytes);
        if (run > 0)
        {
            ours.Add(bytes / 1_000_000.0 / oursSeconds);
            curl.Add(bytes / 1_000_000.0 / curlSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: ours {ours[^1]:F1} MB/s, curl {curl[^1]:F1} MB/s"));
        }
    }

    var oursMedian = Median(ours);
    var curlMedian = Median(curl);
    Console.WriteLine("| client | median MB/s | min | max |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MakerShop BambuFtpsClient | {oursMedian:F1} | {ours.Min():F1} | {ours.Max():F1} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| curl --ssl-reqd -T | {curlMedian:F1} | {curl.Min():F1} | {curl.Max():F1} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours/curl (medians): {oursMedian / curlMedian:F2}"));
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<double> TimeAsync(Func<Task> action)
{
    var clock = Stopwatch.StartNew();
    await action();
    return clock.Elapsed.TotalSeconds;
}

// curl verifies the printer's certificate as the shop does: the serial is the name (sent to 127.0.0.1 with
// --connect-to) and the printer's own certificate is the only trusted one.
static async Task CurlAsync(string payload, string certPem, int port, bool tls13)
{
    var start = new ProcessStartInfo("curl") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in new[]
    {
        "--silent", "--show-error", "--ssl-reqd", "--cacert", certPem,
        "--connect-to", $"{Serial}:{port}:127.0.0.1:{port}",
        "--user", $"bblp:{AccessCode}", "-T", payload, $"ftps://{Serial}:{port}/curl.bin",
    })
    {
        start.ArgumentList.Add(argument);
    }

    if (!tls13)
    {
        start.ArgumentList.Add("--tls-max");
        start.ArgumentList.Add("1.2");
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start.");
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"curl failed ({process.ExitCode}): {await errors}");
    }
}

static void Check(string path, long bytes)
{
    var stored = new FileInfo(path).Length;
    if (stored != bytes)
    {
        throw new InvalidOperationException($"{path} holds {stored} bytes, not {bytes}.");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static int IntOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
