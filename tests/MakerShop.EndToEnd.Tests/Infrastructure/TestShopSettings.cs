namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>Where one test's shop lives; kept across a restart so the second host finds the first one's database.</summary>
public sealed record TestShopSettings(string DataDirectory, int HttpPort, int MqttPort)
{
    /// <summary>The owner key every test host accepts; <see cref="TestShop.Http"/> sends it, as the owner's tools would.</summary>
    public const string OwnerKey = "test-owner-key-not-a-secret";

    /// <summary>When set, the shop uses this external broker instead of embedding one.</summary>
    public (string Username, string Password)? ExternalBroker { get; init; }

    /// <summary>More command-line settings for one test, applied after the defaults.</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    public static TestShopSettings CreateTemporary() =>
        new(Path.Combine(Path.GetTempPath(), "makershop-tests", Guid.NewGuid().ToString("N")), FreePorts.Next(), FreePorts.Next());

    public string[] ToArgs()
    {
        var args = new List<string>
        {
            $"--urls=http://127.0.0.1:{HttpPort}",
            "--environment=Testing",
            $"--MakerShop:Storage:DataDirectory={DataDirectory}",
            $"--MakerShop:Mqtt:Port={MqttPort}",
            "--MakerShop:Demo:Enabled=false",
            "--MakerShop:Demo:SeedCatalog=true",
            "--MakerShop:Dispatch:IntervalSeconds=2",
            "--MakerShop:Dispatch:CommandResendSeconds=1",
            "--Serilog:MinimumLevel:Default=Warning",
            $"--MakerShop:Owner:ApiKey={OwnerKey}",
            // The tests place orders without money (a test opts out to check payments) and from one address, fast.
            "--MakerShop:Payments:ConfirmOnPlacement=true",
            "--MakerShop:RateLimits:OrdersPerWindow=100000",
            "--MakerShop:RateLimits:RequestsPerWindow=100000",
        };
        if (ExternalBroker is { } external)
        {
            args.Add("--MakerShop:Mqtt:Mode=External");
            args.Add($"--MakerShop:Mqtt:ShopUsername={external.Username}");
            args.Add($"--MakerShop:Mqtt:ShopPassword={external.Password}");
        }

        args.AddRange(ExtraArgs);
        return [.. args];
    }
}
