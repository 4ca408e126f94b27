using MakerShop.Core;
using MakerShop.Slicing;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Quotes;

public static class QuotingSetup
{
    /// <summary>Instant quotes: model uploads, the PrusaSlicer runner and its cache, pricing options and exchange rates.</summary>
    public static IServiceCollection AddQuoting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuotingOptions>().BindConfiguration(QuotingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlicingOptions>().BindConfiguration(SlicingOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Materials.Count > 0, "MakerShop:Slicing:Materials needs at least one material profile.").ValidateOnStart();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<SliceStore>();
        services.AddSingleton<QuoteStore>();
        services.AddSingleton<ProductionLoadStore>();
        services.AddSingleton<SlicerProfiles>();
        services.AddSingleton<PrusaSlicerRunner>();
        services.AddSingleton<ModelUploads>();
        services.AddSingleton<SliceQueue>();
        services.AddSingleton<SliceService>();
        services.AddSingleton<QuoteService>();
        return services;
    }
}
