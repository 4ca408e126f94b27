using MakerShop.Storage.Stores;

namespace MakerShop.Web.Admin;

/// <summary>The owner's area: its read models (the pages themselves are under Pages/Admin, owner-only).</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<DashboardStore>();
        services.AddSingleton<OrderSearchStore>();
        return services;
    }
}
