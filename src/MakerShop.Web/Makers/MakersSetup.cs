using MakerShop.Web.Accounts;

namespace MakerShop.Web.Makers;

public static class MakersSetup
{
    public static IServiceCollection AddMakerArea(this IServiceCollection services)
    {
        services.AddSingleton<MakerScope>();
        services.AddSingleton<PrinterActions>();
        services.AddOptions<MakerPayOptions>().BindConfiguration(MakerPayOptions.SectionName);
        return services;
    }

    public static WebApplication MapMakerArea(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/maker/live", MakerLiveEndpoint.Get).RequireAuthorization(AccountsSetup.MakerPolicy).ExcludeFromDescription();
        return app;
    }
}
