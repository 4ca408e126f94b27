namespace MakerShop.Web.Api;

public static class ApiSetup
{
    public static IServiceCollection AddShopApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new FiniteDoubleJsonConverter()));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks();
        return services;
    }

    public static WebApplication MapShopApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapOrdersApi();
        app.MapFleetApi();
        app.MapDeviceApi();
        return app;
    }
}
