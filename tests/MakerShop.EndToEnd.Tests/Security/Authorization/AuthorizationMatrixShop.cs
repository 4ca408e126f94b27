using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Quotes;
using MakerShop.EndToEnd.Tests.Shipping;
using MakerShop.EndToEnd.Tests.Storefront;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using MakerShop.Web.Shipping;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// One real host for the whole matrix: an owner, makers A and B each with a printer that is printing a job, a
/// customer's order with its private key and bank transfer, a spare order and job for the owner's destructive calls,
/// a shipment with customs documents, a quote and a spool.
/// </summary>
public sealed class AuthorizationMatrixShop : IAsyncLifetime
{
    public const string OwnerEmail = "owner@matrix.example";
    public const string OwnerPassword = "the owner's long matrix passphrase";
    public const string WrongOwnerKey = "not-the-owner-key";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly List<ScriptedPrinter> _printers = [];

    public TestShop Shop { get; private set; } = null!;

    public MatrixSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                // The matrix signs in and posts the sign-in form many times from one address.
                "--MakerShop:SignIn:AttemptsPerWindow=100",
                // The wrong-owner-key caller guesses once per route: more than the owner-key throttle lets one address try.
                "--MakerShop:Owner:FailuresPerWindow=10000",
                // Both kinds of webhook are live, so they are refused for their missing signature and not for being off.
                "--MakerShop:Shipping:EasyPost:WebhookSecret=matrix-webhook-secret",
                "--MakerShop:Payments:Stripe:SecretKey=sk_test_matrix",
                "--MakerShop:Payments:Stripe:WebhookSecret=whsec_matrix",
                "--MakerShop:Payments:Stripe:ApiBase=http://127.0.0.1:9/",
            ],
        });

        await Shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Owner", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var makerA = await AddMakerWithPrinterAsync("maker-a");
        var makerB = await AddMakerWithPrinterAsync("maker-b");
        var (jobA, jobB) = await PrintOneJobOnEachAsync();

        // Both printers are busy from here on, so the jobs of the orders below stay queued.
        var spareOrderId = await ShopApi.PlaceOrderAsync(Shop.Http, ShopApi.OrderBody());
        var spareJobId = await Shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{spareOrderId}'") ?? throw new InvalidOperationException("The spare order has no job.");
        var shipmentOrderId = await ShopApi.PlaceOrderAsync(Shop.Http, ShippingScenario.OrderTo("CH", "Genève", "1201"));
        var (customerOrderId, orderKey) = await CheckOutAsCustomerAsync();

        Seed = new MatrixSeed
        {
            CustomerOrderId = customerOrderId,
            OrderKey = orderKey,
            TransferReference = await Shop.TextAsync($"SELECT reference FROM payments WHERE order_id = '{customerOrderId}'")
                ?? throw new InvalidOperationException("The customer's order has no bank transfer."),
            SpareOrderId = spareOrderId,
            SpareJobId = spareJobId,
            ShipmentId = await DraftShipmentAsync(shipmentOrderId),
            ShipmentOrderId = shipmentOrderId,
            QuoteId = await QuoteAsync(),
            SpoolId = await AddSpoolAsync(),
            MakerA = makerA with { JobId = jobA },
            MakerB = makerB with { JobId = jobB },
            OwnerSession = await HttpSignIn.SessionCookieAsync(Shop, OwnerEmail, OwnerPassword),
            MakerASession = await HttpSignIn.SessionCookieAsync(Shop, Email("maker-a"), MakerSession.Password),
        };
    }

    private static string Email(string makerId) => $"{makerId}@matrix.example";

    private async Task<MatrixSeed.MakerSide> AddMakerWithPrinterAsync(string makerId)
    {
        await MakerSession.AddMakerAsync(Shop, makerId, "FR", Email(makerId));
        var credentials = await Shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration($"{makerId}-printer", $"Printer of {makerId}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true)
            {
                Equipment = new PrinterEquipment(makerId, Enclosed: false, HardenedNozzle: false),
            });
        var printer = await ScriptedPrinter.ConnectAsync(credentials, Shop.Settings.MqttPort);
        _printers.Add(printer);
        await printer.PublishStateAsync(BridgeStatus.Idle, DateTimeOffset.UtcNow.AddSeconds(-30));
        await Eventually.UntilAsync(async () => await Shop.TextAsync($"SELECT status FROM printers WHERE id = '{credentials.PrinterId}'") == "Idle", Deadline, $"{credentials.PrinterId} to be idle");
        return new MatrixSeed.MakerSide(makerId, credentials, "");
    }

    // Two units, two idle printers: each printer gets one, acknowledges it and reports it printing.
    private async Task<(string JobA, string JobB)> PrintOneJobOnEachAsync()
    {
        await ShopApi.PlaceOrderAsync(Shop.Http, ShopApi.OrderBody(quantity: 2));
        var jobs = new List<string>();
        foreach (var printer in _printers)
        {
            var start = await printer.NextCommandAsync(PrinterCommandKind.Start);
            await printer.AckAsync(start);
            await printer.PublishStateAsync(BridgeStatus.Printing, DateTimeOffset.UtcNow, start.JobId, 0.1);
            await Eventually.UntilAsync(async () => await Shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{start.JobId}'") == "Printing", Deadline, $"job {start.JobId} to be printing");
            jobs.Add(start.JobId!);
        }

        return (jobs[0], jobs[1]);
    }

    private async Task<(string OrderId, string Key)> CheckOutAsCustomerAsync()
    {
        using var visitor = new StorefrontVisitor(Shop);
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 1);
        await visitor.GetAsync("/checkout");
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer("customer@matrix.example"), .. visitor.CheckoutState()]);
        using var placed = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer("customer@matrix.example"), .. visitor.CheckoutState()]);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var location = placed.Headers.Location!.OriginalString;
        var orderId = location.Split('/', '?')[3];
        var key = System.Web.HttpUtility.ParseQueryString(location[location.IndexOf('?', StringComparison.Ordinal)..])["key"];
        Assert.False(string.IsNullOrEmpty(key), $"The confirmation link {location} has no key.");
        return (orderId, key!);
    }

    private async Task<string> DraftShipmentAsync(string orderId)
    {
        await using var session = await DbSession.BeginAsync(Shop.Services.GetRequiredService<SqliteConnectionFactory>());
        var order = await OrderStore.GetAsync(session, orderId) ?? throw new InvalidOperationException($"No order {orderId}.");
        var shipment = await Shop.Services.GetRequiredService<ShipmentPlanner>().CreateForProducedOrderAsync(session, order, DateTimeOffset.UtcNow);
        await session.CommitAsync();
        Assert.NotNull(shipment.Customs);
        return shipment.Id;
    }

    private async Task<string> QuoteAsync()
    {
        using var visitor = Shop.Anonymous();
        var (response, quote) = await QuoteUploads.PostAsync(visitor, QuoteUploads.CubeStl(10), "cube.stl", "PLA", "EUR");
        response.Dispose();
        Assert.True(response.IsSuccessStatusCode, $"The quote upload answered {(int)response.StatusCode}: {quote}");
        return quote!["id"]!.GetValue<string>();
    }

    private async Task<string> AddSpoolAsync()
    {
        using var response = await Shop.Http.PostAsJsonAsync("/api/admin/spools", new { material = "PLA", colour = "black", brand = "Matrix", gramsAtStart = 1000 });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Adding a spool answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        foreach (var printer in _printers)
        {
            await printer.DisposeAsync();
        }

        if (Shop is not null)
        {
            await Shop.DisposeAsync();
        }
    }
}
