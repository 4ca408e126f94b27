using MakerShop.Web.Payments;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.RateLimiting;

public static class RateLimitingSetup
{
    /// <summary>
    /// Adds the per-address limits on anonymous requests to the global limiter (chained after the sign-in limit that
    /// the accounts feature sets), and one rejection answer for both.
    /// </summary>
    public static IServiceCollection AddAnonymousRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestRateOptions>().BindConfiguration(RequestRateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimiterOptions>()
            .PostConfigure<IOptions<RequestRateOptions>, IOptions<OwnerKeyOptions>>((options, rates, ownerKey) =>
            {
                var anonymous = AnonymousRequestLimiter.Create(rates.Value, ownerKey.Value.ApiKey);
                options.GlobalLimiter = options.GlobalLimiter is { } existing
                    ? System.Threading.RateLimiting.PartitionedRateLimiter.CreateChained(existing, anonymous)
                    : anonymous;
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = RateLimitRejection.WriteAsync;
            });
        return services;
    }
}
