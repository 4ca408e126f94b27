using MakerShop.Storage.Stores;
using MakerShop.Web.Admin.Catalog;
using MakerShop.Web.Admin.Orders;
using MakerShop.Web.Admin.Queue;
using MakerShop.Web.Materials;
using MakerShop.Web.Payments.Refunds;
using MakerShop.Web.Payments.Stripe;
using MakerShop.Web.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerShop.Web.Admin;

/// <summary>The owner's area: its read models and the services behind its actions (the pages themselves are under Pages/Admin, owner-only).</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DashboardStore>();
        services.AddSingleton<DashboardAttentionStore>();
        services.AddSingleton<DashboardHistoryStore>();
        services.AddSingleton<OrderSearchStore>();
        services.TryAddSingleton<MakerStore>();

        services.AddOptions<ShopSettingsOptions>().BindConfiguration(ShopSettingsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ShopSettingsStore>();
        services.AddSingleton<ShopSettingsService>();

        services.AddSingleton<RefundStore>();
        services.AddSingleton<OrderCancellationService>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<IRefundProvider, BankTransferRefunds>();
        if (configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() is { Enabled: true })
        {
            services.AddSingleton<IRefundProvider, StripeRefunds>();
        }

        services.AddSingleton<QueueActions>();
        services.AddSingleton<RequeueCandidateStore>();

        services.AddSingleton<SpoolStore>();
        services.AddSingleton<SpoolConsumption>();
        services.AddSingleton<SpoolInventory>();

        services.AddSingleton<CatalogAdminStore>();
        services.AddSingleton<ProductGcodeUploads>();
        services.AddSingleton<CatalogAdmin>();
        return services;
    }
}
