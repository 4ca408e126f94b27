using MakerShop.Printers.Bambu.Ftps;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerShop.Printers.Bambu;

public static class BambuLanServices
{
    /// <summary>
    /// The Bambu Lab LAN protocol and its connector (the HTTP-printer connector, which the poller and outbox already
    /// drive), with the shop's FTPS client and 3MF packager. Call after <c>AddHttpPrinterDrivers</c>.
    /// </summary>
    public static IServiceCollection AddBambuLanDrivers(this IServiceCollection services, BambuLanOptions? options = null)
    {
        services.TryAddSingleton(options ?? new BambuLanOptions());
        // TryAdd: a test may put its own in first; the FTPS client itself comes with AddHttpPrinterDrivers.
        services.TryAddSingleton<IBambuJobPackager, BambuProjectPackager>();
        services.AddBambuFileTransfer();
        services.AddSingleton(sp => new BambuAddressCheck(sp.GetService<IHttpPrinterAddressFilter>()));
        services.AddSingleton<BambuSessions>();
        services.AddSingleton<BambuLanProtocol>();
        services.AddSingleton<IHttpPrinterProtocol>(sp => sp.GetRequiredService<BambuLanProtocol>());
        services.AddSingleton<IPrinterConnector>(sp => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(sp, sp.GetRequiredService<BambuLanProtocol>()));
        return services;
    }
}
