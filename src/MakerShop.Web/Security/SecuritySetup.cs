namespace MakerShop.Web.Security;

/// <summary>Security headers on every response, small JSON bodies, and same-origin changes for signed-in sessions.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddShopSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>First in the pipeline, so every response (static files and error pages included) carries the headers.</summary>
    public static WebApplication UseShopSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<SameOriginGuardMiddleware>();
        app.UseMiddleware<JsonBodyLimitMiddleware>();
        return app;
    }
}
