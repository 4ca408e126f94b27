using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.Printers.Bambu.Ftps;

public static class BambuFtpsServices
{
    /// <summary>The FTPS client that puts job files on Bambu Lab printers, with its options from <c>Printers:BambuFtps</c>.</summary>
    public static IServiceCollection AddBambuFileTransfer(this IServiceCollection services)
    {
        services.AddOptions<BambuFtpsOptions>()
            .BindConfiguration(BambuFtpsOptions.SectionName)
            .Validate(o => !o.Problems().Any(), "Printers:BambuFtps is not valid: durations and the upload floor must be positive and every CA file must exist.")
            .ValidateOnStart();
        services.AddSingleton<IBambuFileTransfer, BambuFtpsClient>();
        return services;
    }
}
