using MakerShop.Storage;
using Serilog;

namespace MakerShop.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog to the console and to a daily rolling file under the data folder; levels come from the Serilog section.</summary>
    public static WebApplicationBuilder AddShopLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerilog((services, logger) =>
        {
            var logs = Path.Combine(services.GetRequiredService<DataPaths>().DataDirectory, "logs");
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(Path.Combine(logs, "makershop-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        },
        // Each host keeps its own logger instead of Serilog's static one: two hosts in one process (the tests) would
        // otherwise write to whichever started last, and the first to stop would silence the other.
        preserveStaticLogger: true);
        return builder;
    }
}
