using MakerShop.Printers.Bambu;
using MakerShop.Printers.Bambu.Ftps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MakerShop.Printers.Tests.Bambu;

public sealed class BambuFtpsRulesTests
{
    [Theory]
    [InlineData(null, 600)]
    [InlineData(1_000_000L, 600)]
    [InlineData(15_000_000L, 600)]
    [InlineData(96_000_000L, 3840)]
    public void An_upload_may_take_its_size_at_25_KB_per_second_and_never_less_than_ten_minutes(long? bytes, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new BambuFtpsOptions().UploadDeadline(bytes));

    [Theory]
    [InlineData("Entering Extended Passive Mode (|||40123|)", 40123)]
    [InlineData("Entering Extended Passive Mode (!!!2121!)", 2121)]
    public void The_data_port_is_read_from_an_EPSV_reply(string text, int port)
    {
        Assert.True(PassiveReply.TryParseExtended(text, out var parsed));
        Assert.Equal(port, parsed);
    }

    [Theory]
    [InlineData("Entering Passive Mode (192,168,1,40,156,64).", 40000)]
    [InlineData("Entering Passive Mode (10,0,0,2,0,21)", 21)]
    public void The_data_port_is_read_from_a_PASV_reply_and_its_address_ignored(string text, int port)
    {
        Assert.True(PassiveReply.TryParse(text, out var parsed));
        Assert.Equal(port, parsed);
    }

    [Theory]
    [InlineData("Entering Extended Passive Mode")]
    [InlineData("Entering Extended Passive Mode (|||0|)")]
    [InlineData("Entering Passive Mode (1,2,3,4,999,1)")]
    public void A_reply_without_a_usable_port_is_not_read_as_one(string text)
    {
        Assert.False(PassiveReply.TryParseExtended(text, out _) && PassiveReply.TryParse(text, out _));
        Assert.False(PassiveReply.TryParse(text, out _));
    }

    [Theory]
    [InlineData("ab:cd:EF:01", "ABCDEF01")]
    [InlineData("AB CD EF 01", "ABCDEF01")]
    public void A_pinned_fingerprint_is_compared_whatever_way_it_was_written(string written, string normalized) =>
        Assert.Equal(normalized, BambuCertificateCheck.NormalizeFingerprint(written));

    [Fact]
    public void Options_that_cannot_work_are_named()
    {
        var options = new BambuFtpsOptions { UploadFloorBytesPerSecond = 0, ReplyTimeout = TimeSpan.Zero };
        options.CaCertificateFiles.Add("/nonexistent/bambu-ca.pem");

        Assert.Equal(
            [
                "Printers:BambuFtps:ReplyTimeout must be positive.",
                "Printers:BambuFtps:UploadFloorBytesPerSecond must be positive.",
                "Printers:BambuFtps:CaCertificateFiles names /nonexistent/bambu-ca.pem, which does not exist.",
            ],
            options.Problems());
    }

    [Fact]
    public void The_client_is_registered_with_its_options_read_from_Printers_BambuFtps()
    {
        using var services = Services(new()
        {
            ["Printers:BambuFtps:CapTlsAt12"] = "false",
            ["Printers:BambuFtps:MinimumUploadTime"] = "00:15:00",
        });

        Assert.IsType<BambuFtpsClient>(services.GetRequiredService<IBambuFileTransfer>());
        var options = services.GetRequiredService<IOptions<BambuFtpsOptions>>().Value;
        Assert.False(options.CapTlsAt12);
        Assert.Equal(TimeSpan.FromMinutes(15), options.MinimumUploadTime);
    }

    [Fact]
    public void A_configuration_that_cannot_work_stops_the_host_from_starting()
    {
        using var services = Services(new() { ["Printers:BambuFtps:UploadFloorBytesPerSecond"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BambuFtpsOptions>>().Value);
        Assert.Equal(["Printers:BambuFtps:UploadFloorBytesPerSecond must be positive."], failure.Failures);
    }

    [Fact]
    public async Task Reading_the_certificate_of_a_printer_that_does_not_answer_fails_in_words_and_can_be_tried_again()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var failure = await Assert.ThrowsAsync<BambuTransferException>(
            () => BambuPresentedCertificate.FetchAsync("127.0.0.1", port, "01P00A391800123", TimeSpan.FromSeconds(10)));

        Assert.True(failure.Retryable);
        Assert.StartsWith($"Could not read the certificate of the printer at 127.0.0.1:{port}: ", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that it is on, in LAN mode and at this address.", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBambuFileTransfer()
            .BuildServiceProvider();
}
