namespace MakerShop.Web.Storefront.Checkout;

/// <summary>The storefront's cart and checkout: server-side pricing, shipping options, tax and the order placement.</summary>
public static class CheckoutSetup
{
    public static IServiceCollection AddCheckout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TaxOptions>().BindConfiguration(TaxOptions.SectionName)
            .Validate(o => TryBuild(o), "MakerShop:Tax:VatRates must be country codes with fractions between 0 and 1 that do not overlap.")
            .ValidateOnStart();
        services.AddSingleton<CartPricer>();
        services.AddSingleton<ShippingQuoter>();
        services.AddSingleton<CheckoutPricing>();
        services.AddSingleton<CheckoutToken>();
        services.AddSingleton<OrderConfirmationMail>();
        services.AddSingleton<MakerShop.Storage.Stores.OrderConfirmationStore>();
        services.AddSingleton<MakerShop.Storage.Stores.OrderShippingChoiceStore>();
        services.AddSingleton<StorefrontUrls>();
        services.AddSingleton<CheckoutService>();
        return services;
    }

    private static bool TryBuild(TaxOptions options)
    {
        try
        {
            options.ToTable();
            return true;
        }
        catch (Core.DomainException)
        {
            return false;
        }
    }
}
