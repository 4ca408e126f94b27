using MakerShop.Core;
using MakerShop.Shipping.EasyPost;
using MakerShop.Shipping.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Shipping.Tests.Gateways;

public sealed class EasyPostGatewayTests : IAsyncLifetime
{
    private readonly FakeEasyPost _fake = new("EZTK_test_key");

    public Task InitializeAsync() => _fake.StartAsync();

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private EasyPostGateway Gateway(string? key = "EZTK_test_key") => new(ProviderClients.EasyPost(_fake.BaseAddress, key), NullLogger<EasyPostGateway>.Instance);

    [Fact]
    public async Task Buys_the_cheapest_rate_and_returns_the_tracking_code_and_tracker()
    {
        var outcome = await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: null);
        var label = outcome.Label!;
        Assert.Equal(("easypost", "USPS"), (label.Provider, label.Carrier));
        Assert.StartsWith("EZ", label.TrackingNumber, StringComparison.Ordinal);
        Assert.StartsWith("trk_", label.ProviderTrackerId, StringComparison.Ordinal);
        Assert.NotNull(label.LabelUrl);
    }

    [Fact]
    public async Task Sends_customs_items_as_line_totals_in_ounces_with_the_EORI_and_DAP()
    {
        await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: null);
        var sent = Assert.Single(_fake.CreatedShipments)["shipment"]!;
        var item = sent["customs_info"]!["customs_items"]![0]!;
        Assert.Equal("37.8", item["value"]!.GetValue<string>());
        Assert.Equal(3.422, item["weight"]!.GetValue<double>(), 3);   // 97 g
        Assert.Equal(("392690", "FR", "EUR"), (item["hs_tariff_number"]!.GetValue<string>(), item["origin_country"]!.GetValue<string>(), item["currency"]!.GetValue<string>()));
        Assert.Equal("DAP", sent["options"]!["incoterm"]!.GetValue<string>());
        Assert.Equal("EORI", sent["tax_identifiers"]![0]!["tax_id_type"]!.GetValue<string>());
        Assert.Equal(10.0, sent["parcel"]!["length"]!.GetValue<double>(), 2);
    }

    [Fact]
    public async Task Without_the_API_key_EasyPost_answers_401_and_no_label_is_bought()
    {
        var outcome = await Gateway(key: null).BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: null);
        Assert.Null(outcome.Label);
        Assert.Equal(401, outcome.ProviderStatusCode);
        Assert.Equal(1, _fake.Unauthorised);
    }

    [Fact]
    public async Task A_rate_the_shipment_does_not_have_is_refused_before_buying()
    {
        var outcome = await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: "rate_nope");
        Assert.Equal("EasyPost has no rate 'rate_nope' for this shipment.", outcome.Error);
    }

    [Fact]
    public async Task Quotes_live_rates_cheapest_first()
    {
        var quotes = await Gateway().QuoteAsync(Samples.Request(Samples.Shipment()));
        Assert.Equal(["USPS", "UPS"], quotes.Select(q => q.Carrier));
        Assert.Equal(Money.FromMinor(2475, Currency.Usd), quotes[0].Amount);
    }

    [Fact]
    public async Task Polling_reads_the_trackers_current_status()
    {
        var label = (await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: null)).Label!;
        _fake.SetTrackerStatus(label.ProviderTrackerId!, "delivered", Samples.T0.AddDays(3));
        var notice = await Gateway().PollAsync(label.Carrier, label.TrackingNumber, label.ProviderTrackerId);
        Assert.Equal(TrackingStatus.Delivered, notice!.Update.Status);
        Assert.Equal(Samples.T0.AddDays(3), notice.Update.ObservedAt);
    }

    [Fact]
    public async Task A_multi_parcel_shipment_is_refused_with_a_reason()
    {
        var outcome = await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment(parcels: 2)), rateId: null);
        Assert.StartsWith("EasyPost labels one parcel at a time", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_fake.CreatedShipments);
    }
}
