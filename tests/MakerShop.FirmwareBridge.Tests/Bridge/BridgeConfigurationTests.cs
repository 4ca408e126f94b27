using Microsoft.Extensions.Configuration;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

public sealed class BridgeConfigurationTests
{
    [Fact]
    public void The_shipped_configuration_leaves_auto_eject_off()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();

        var options = configuration.GetSection(BridgeOptions.SectionName).Get<BridgeOptions>();

        Assert.NotNull(options);
        Assert.False(options.AutoEject);
    }
}
