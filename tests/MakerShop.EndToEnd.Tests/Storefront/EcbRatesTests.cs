using System.Net;
using System.Text;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MakerShop.EndToEnd.Tests.Storefront;

public sealed class EcbRatesTests
{
    private const string Feed =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
          <gesmes:subject>Reference rates</gesmes:subject>
          <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
          <Cube>
            <Cube time='2026-11-27'>
              <Cube currency='USD' rate='1.0705'/>
              <Cube currency='JPY' rate='171.94'/>
              <Cube currency='BGN' rate='1.9558'/>
              <Cube currency='GBP' rate='0.84638'/>
              <Cube currency='CHF' rate='1.2000'/>
              <Cube currency='AUD' rate='1.6'/>
            </Cube>
          </Cube>
        </gesmes:Envelope>
        """;

    [Fact]
    public async Task The_feed_is_read_by_namespace_with_its_date()
    {
        await using var xml = new MemoryStream(Encoding.UTF8.GetBytes(Feed));
        var rates = await EcbFeedParser.ParseAsync(xml, CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 11, 27), rates.AsOf);
        Assert.Equal(171.94m, rates.Rate(MakerShop.Core.Currency.Eur, MakerShop.Core.Currency.Jpy));
        Assert.Equal(0.84638m, rates.Rate(MakerShop.Core.Currency.Eur, MakerShop.Core.Currency.Gbp));
    }

    [Theory]
    [InlineData("<gesmes:Envelope", "not well-formed")]
    [InlineData("<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube/></Envelope>", "no dated Cube")]
    [InlineData("<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-11-27'><Cube currency='USD' rate='-1'/></Cube></Cube></Envelope>", "not a positive number")]
    public async Task A_broken_feed_is_refused_with_what_is_wrong(string body, string expected)
    {
        await using var xml = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var error = await Assert.ThrowsAsync<FormatException>(() => EcbFeedParser.ParseAsync(xml, CancellationToken.None));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_feed_replaces_the_rates_the_catalog_converts_with()
    {
        await using var feed = await StartFeedAsync();
        var settings = TestShopSettings.CreateTemporary();
        await using var shop = await TestShop.StartAsync(settings with { ExtraArgs = [$"--MakerShop:Currencies:FeedUrl={feed.Urls.First()}/eurofxref-daily.xml"] });
        // 4.50 EUR at the feed's 1.2000 CHF per euro, no longer the configured 0.9302.
        await Eventually.UntilAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Add("Cookie", "makershop.currency=CHF");
                request.Headers.AcceptLanguage.ParseAdd("en");
                using var page = await shop.Http.SendAsync(request);
                return (await page.Content.ReadAsStringAsync()).Contains("CHF&#xA0;5.40", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(30),
            "the catalog shows the feed's rate");
    }

    private static async Task<WebApplication> StartFeedAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/eurofxref-daily.xml", () => Results.Text(Feed, "text/xml", Encoding.UTF8, (int)HttpStatusCode.OK));
        await app.StartAsync();
        return app;
    }
}
