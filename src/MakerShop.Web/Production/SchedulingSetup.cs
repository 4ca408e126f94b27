using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

public static class SchedulingSetup
{
    /// <summary>The scheduling policy chosen in configuration, the owner's rules and the snapshot the dispatcher reads.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SchedulingSnapshotStore>();
        services.AddSingleton<ISchedulingPolicy>(sp => sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.Policy == SchedulingPolicyKind.Fifo
            ? new FifoSchedulingPolicy()
            : new ShipOnTimeSchedulingPolicy());
        return services;
    }
}
