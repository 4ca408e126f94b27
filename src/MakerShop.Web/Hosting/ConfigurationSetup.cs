using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace MakerShop.Web.Hosting;

public static class ConfigurationSetup
{
    /// <summary>
    /// Adds config/makershop.json and config/makershop.{Environment}.json (copied next to the binaries from the repo's
    /// config folder). They sit below environment variables and the command line, so either can still override them.
    /// </summary>
    public static WebApplicationBuilder AddShopConfigurationFiles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var folder = Path.Combine(AppContext.BaseDirectory, "config");
        var sources = builder.Configuration.Sources;
        var insertAt = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        if (insertAt < 0)
        {
            insertAt = sources.Count;
        }

        var temporary = new ConfigurationManager();
        temporary.SetBasePath(folder);
        temporary.AddJsonFile("makershop.json", optional: false, reloadOnChange: false);
        temporary.AddJsonFile($"makershop.{builder.Environment.EnvironmentName}.json", optional: true, reloadOnChange: false);
        foreach (var source in ((IConfigurationBuilder)temporary).Sources.ToList())
        {
            sources.Insert(insertAt++, source);
        }

        return builder;
    }
}
