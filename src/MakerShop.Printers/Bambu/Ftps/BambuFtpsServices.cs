using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MakerShop.Printers.Bambu.Ftps;

public static class BambuFtpsServices
{
    /// <summary>The FTPS client that puts job files on Bambu Lab printers, with its options from <c>Printers:BambuFtps</c>.</summary>
    public static IServiceCollection AddBambuFileTransfer(this IServiceCollection services)
    {
        services.AddOptions<BambuFtpsOptions>()
            .BindConfiguration(BambuFtpsOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BambuFtpsOptions>, BambuFtpsOptionsValidator>());
        services.AddSingleton<IBambuFileTransfer, BambuFtpsClient>();
        return services;
    }
}
