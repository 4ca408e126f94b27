using System.Net;
using System.Net.Sockets;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Storefront;
using MakerShop.Printers.Http;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Makers;

/// <summary>
/// A maker's printer registration under the default address policy: the shop never lets a maker point it at itself
/// or at cloud metadata, and never lets one maker take over another maker's printer id.
/// </summary>
public sealed class MakerPrinterRegistrationTests(MakerPrinterRegistrationTests.Shop fixture) : IClassFixture<MakerPrinterRegistrationTests.Shop>
{
    private const string ApiKey = "0123456789abcdef0123456789ABCDEF";
    private readonly TestShop shop = fixture.Instance;

    /// <summary>One shop, with the default maker address policy, for the whole class; every test uses its own printer ids.</summary>
    public sealed class Shop : IAsyncLifetime
    {
        public TestShop Instance { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Instance = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
            await MakerSession.AddMakerAsync(Instance, "ana", "FR", "ana@makers.example");
            await MakerSession.AddMakerAsync(Instance, "bob", "DE", "bob@makers.example");
        }

        public async Task DisposeAsync() => await Instance.DisposeAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "loopback")]
    [InlineData("http://[::1]:7125/", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://0.0.0.0:5000/", "unspecified")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://localhost:7125/", "loopback")]
    public async Task A_maker_address_the_default_policy_forbids_is_refused_on_the_address_field_and_nothing_is_stored(string baseUrl, string why)
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => RegisterHttpAsync("ana", "ana-octopi", baseUrl));

        Assert.Equal("baseUrl", refused.Field);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printers WHERE id = 'ana-octopi'"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM http_printer_links WHERE printer_id = 'ana-octopi'"));
    }

    [Fact]
    public async Task A_printer_on_the_makers_LAN_is_accepted_under_the_default_policy()
    {
        await RegisterHttpAsync("ana", "ana-lan", "http://192.168.1.20/");

        Assert.Equal("ana", await shop.TextAsync("SELECT maker_id FROM printers WHERE id = 'ana-lan'"));
    }

    [Fact]
    public async Task A_host_that_later_resolves_to_the_shop_is_refused_when_the_shop_connects()
    {
        // A maker printer whose name passed registration but now points at loopback (DNS rebinding): the connection is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var guard = shop.Services.GetRequiredService<MakerPrinterAddressGuard>();
        using var client = new HttpClient(HttpPrinterSocketHandler.Create(guard));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://localhost:{port}/api/version")));
        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());

        // The owner's configured printers are trusted whatever they resolve to.
        guard.Trust(new Uri($"http://localhost:{port}/"));
        Assert.Null(guard.Refusal("localhost", port, [IPAddress.Loopback]));
    }

    [Fact]
    public async Task Registering_an_id_another_maker_owns_is_refused_and_leaves_their_printer_as_it_was()
    {
        var registry = shop.Services.GetRequiredService<PrinterRegistry>();
        await registry.RegisterNewAsync(Registration("bob", "shared-id", "Bob's Prusa", PrinterKind.FirmwareBridge));
        var before = await BobsPrinterAsync();

        var overHttp = await Assert.ThrowsAsync<DomainValidationException>(() => RegisterHttpAsync("ana", "shared-id", "http://192.168.1.20/"));
        var overBridge = await Assert.ThrowsAsync<DomainValidationException>(() => registry.RegisterNewAsync(Registration("ana", "shared-id", "Ana's", PrinterKind.FirmwareBridge)));

        Assert.Equal("id", overHttp.Field);
        Assert.Equal("id", overBridge.Field);
        Assert.Contains("already taken", overHttp.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BobsPrinterAsync());
        Assert.Contains("bob|FirmwareBridge|Bob's Prusa|", before, StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM http_printer_links WHERE printer_id = 'shared-id'"));
    }

    [Theory]
    [InlineData("makershop-shop")]
    [InlineData("makershop-shop-build-host")]
    [InlineData("makershop-anything")]
    public async Task An_id_the_shop_keeps_for_itself_is_refused_on_the_id_field_in_every_registration_path(string id)
    {
        var registry = shop.Services.GetRequiredService<PrinterRegistry>();

        var asMaker = await Assert.ThrowsAsync<DomainValidationException>(() => registry.RegisterNewAsync(Registration("ana", id, "Ana's", PrinterKind.FirmwareBridge)));
        var asOwner = await Assert.ThrowsAsync<DomainValidationException>(() => registry.RegisterAsync(Registration("ana", id, "Shop's", PrinterKind.FirmwareBridge) with { Equipment = null }));
        var overHttp = await Assert.ThrowsAsync<DomainValidationException>(() => RegisterHttpAsync("ana", id, "http://192.168.1.20/"));
        var validator = new HttpPrintersOptionsValidator(shop.Services.GetRequiredService<ReservedPrinterIds>());
        var configured = validator.Validate(null, new HttpPrintersOptions
        {
            Printers = [new HttpPrinterDefinition { Id = id, Name = "Configured", BaseUrl = new Uri("http://192.168.1.30/"), ApiKeyRef = "k" }],
            ApiKeys = new Dictionary<string, string> { ["k"] = ApiKey },
        });

        Assert.All([asMaker, asOwner, overHttp], refused =>
        {
            Assert.Equal("id", refused.Field);
            Assert.Contains("reserved for the shop", refused.Message, StringComparison.Ordinal);
        });
        Assert.True(configured.Failed);
        Assert.Contains("reserved", configured.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM printers WHERE id = '{id}'"));
    }

    [Fact]
    public async Task The_register_page_shows_a_maker_why_a_reserved_id_is_refused()
    {
        using var maker = new StorefrontVisitor(shop);
        await maker.GetAsync("/account/sign-in");
        using var signedIn = await maker.PostAsync("/account/sign-in", [new("email", "ana@makers.example"), new("password", MakerSession.Password), new("returnUrl", "/maker")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await maker.GetAsync("/maker/register");

        using var refused = await maker.PostAsync("/maker/register",
        [
            new("kind", "FirmwareBridge"), new("id", "makershop-shop-ana"), new("name", "Takeover"), new("x", "250"), new("y", "210"), new("z", "210"),
            new("nozzle", "0.4"), new("material", "PLA"), new("colour", "black"),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("reserved for the shop itself", maker.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", maker.Html, StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printers WHERE id = 'makershop-shop-ana'"));
    }

    private Task<string?> BobsPrinterAsync() =>
        shop.TextAsync("SELECT maker_id || '|' || kind || '|' || name || '|' || secret_hash FROM printers WHERE id = 'shared-id'");

    private Task RegisterHttpAsync(string maker, string id, string baseUrl) =>
        shop.Services.GetRequiredService<MakerHttpPrinters>().RegisterAsync(
            Registration(maker, id, $"{maker}'s OctoPrint", PrinterKind.OctoPrint), HttpPrinterAddress.Parse(baseUrl), ApiKey);

    private static PrinterRegistration Registration(string maker, string id, string name, PrinterKind kind) =>
        new(id, name, kind, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: false)
        {
            Equipment = new PrinterEquipment(maker, Enclosed: false, HardenedNozzle: false),
        };
}
