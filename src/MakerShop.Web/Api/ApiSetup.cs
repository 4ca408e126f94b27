using MakerShop.Web.Api.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MakerShop.Web.Api;

public static class ApiSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddShopApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new FiniteDoubleJsonConverter()));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag])
            .AddCheck<BrokerReadinessCheck>("broker", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapShopApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        // Liveness: the process answers. Readiness: it can take orders (database and broker reachable).
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        app.MapOrdersApi();
        app.MapFleetApi();
        app.MapDeviceApi();
        return app;
    }
}
