using MakerShop.Core;
using MakerShop.Shipping.Shippo;
using MakerShop.Shipping.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Shipping.Tests.Gateways;

public sealed class ShippoGatewayTests : IAsyncLifetime
{
    private readonly FakeShippo _fake = new("shippo_test_token");

    public Task InitializeAsync() => _fake.StartAsync();

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private ShippoGateway Gateway(string? token = "shippo_test_token") => new(ProviderClients.Shippo(_fake.BaseAddress, token), NullLogger<ShippoGateway>.Instance);

    [Fact]
    public async Task Buys_a_label_with_every_parcel_and_the_customs_declaration_DAP_sent_as_DDU()
    {
        var outcome = await Gateway().BuyLabelAsync(Samples.Request(Samples.Shipment(parcels: 2)), rateId: null);
        Assert.Equal(("shippo", "USPS", "9400111206206406260787"), (outcome.Label!.Provider, outcome.Label.Carrier, outcome.Label.TrackingNumber));
        var sent = Assert.Single(_fake.CreatedShipments);
        Assert.Equal(2, sent["parcels"]!.AsArray().Count);
        Assert.Equal(("g", "300"), (sent["parcels"]![0]!["mass_unit"]!.GetValue<string>(), sent["parcels"]![0]!["weight"]!.GetValue<string>()));
        var customs = sent["customs_declaration"]!;
        Assert.Equal(("DDU", "MERCHANDISE"), (customs["incoterm"]!.GetValue<string>(), customs["contents_type"]!.GetValue<string>()));
        Assert.Equal(("97", "37.8"), (customs["items"]![0]!["net_weight"]!.GetValue<string>(), customs["items"]![0]!["value_amount"]!.GetValue<string>()));
        Assert.Equal("FR12345678901234", customs["exporter_identification"]!["eori_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_token_Shippo_answers_401()
    {
        var outcome = await Gateway(token: null).BuyLabelAsync(Samples.Request(Samples.Shipment()), rateId: null);
        Assert.Equal(401, outcome.ProviderStatusCode);
    }

    [Fact]
    public async Task Polling_a_track_maps_its_status()
    {
        _fake.SetTrack("usps", "9400111206206406260787", "DELIVERED", null, Samples.T0.AddDays(4));
        var notice = await Gateway().PollAsync("USPS", "9400111206206406260787", null);
        Assert.Equal(TrackingStatus.Delivered, notice!.Update.Status);
        Assert.Null(await Gateway().PollAsync("usps", "unknown-number", null));
    }
}
