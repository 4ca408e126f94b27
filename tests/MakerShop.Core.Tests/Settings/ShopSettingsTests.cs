namespace MakerShop.Core.Tests;

public sealed class ShopSettingsTests
{
    private static readonly ShopSettings Good = new("MakerShop", "hello@makershop.example", 150, 5, 2);

    [Fact]
    public void Valid_settings_pass_trimmed()
    {
        var settings = (Good with { ShopName = "  Ada's Parts  " }).Validate();

        Assert.Equal("Ada's Parts", settings.ShopName);
    }

    [Fact]
    public void Every_wrong_field_is_named()
    {
        var problems = new ShopSettings(" ", "not-an-email", -1, 0, 40).Problems();

        Assert.Equal(["contactEmail", "expressLeadTimeDays", "leadTimeDays", "lowStockGrams", "shopName"], problems.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Express_cannot_take_longer_than_the_normal_lead_time()
    {
        var error = Assert.Throws<DomainValidationException>(() => (Good with { LeadTimeDays = 3, ExpressLeadTimeDays = 4 }).Validate());

        Assert.Equal("expressLeadTimeDays", error.Field);
    }
}
