using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerShop.Printers.Bambu;

public static class BambuLanServices
{
    /// <summary>
    /// The Bambu Lab LAN protocol and its connector (the HTTP-printer connector, which the poller and outbox already
    /// drive). The FTPS client and 3MF packager registered before this call are used; without them every transfer
    /// is refused with words (<see cref="BambuFilesNotInstalled"/>). Call after <c>AddHttpPrinterDrivers</c>.
    /// </summary>
    public static IServiceCollection AddBambuLanDrivers(this IServiceCollection services, BambuLanOptions? options = null)
    {
        services.TryAddSingleton(options ?? new BambuLanOptions());
        services.TryAddSingleton<BambuFilesNotInstalled>();
        services.TryAddSingleton<IBambuFileTransfer>(sp => sp.GetRequiredService<BambuFilesNotInstalled>());
        services.TryAddSingleton<IBambuJobPackager>(sp => sp.GetRequiredService<BambuFilesNotInstalled>());
        services.AddSingleton<BambuSessions>();
        services.AddSingleton<BambuLanProtocol>();
        services.AddSingleton<IHttpPrinterProtocol>(sp => sp.GetRequiredService<BambuLanProtocol>());
        services.AddSingleton<IPrinterConnector>(sp => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(sp, sp.GetRequiredService<BambuLanProtocol>()));
        return services;
    }
}
