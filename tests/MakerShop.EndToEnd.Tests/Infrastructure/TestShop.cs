using MakerShop.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>The real host on loopback ports: real SQLite file, real broker (embedded or external), real Kestrel.</summary>
public sealed class TestShop : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestShop(WebApplication app, TestShopSettings settings)
    {
        _app = app;
        Settings = settings;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add(MakerShop.Web.Payments.OwnerKeyOptions.HeaderName, TestShopSettings.OwnerKey);
    }

    public TestShopSettings Settings { get; }

    /// <summary>A client that calls as the owner's tools do (with the owner key).</summary>
    public HttpClient Http { get; }

    /// <summary>A client with no credentials at all, as a visitor or an attacker calls.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the host. Free ports are picked ahead of time (a restarted host must find the same ones), so another test
    /// can take one in between: then, unless the ports must stay, the host is tried again on fresh ports.
    /// </summary>
    public static async Task<TestShop> StartAsync(TestShopSettings settings, bool keepPorts = false) => await StartAsync(settings, null, keepPorts);

    /// <summary>As <see cref="StartAsync(TestShopSettings, bool)"/>, with stand-ins for device clients put in last.</summary>
    public static async Task<TestShop> StartAsync(TestShopSettings settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replaceServices, bool keepPorts = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (var attempt = 1; ; attempt++)
        {
            var app = MakerShopHost.Create(settings.ToArgs(), replaceServices);
            try
            {
                await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
                return new TestShop(app, settings);
            }
            catch (Exception ex) when (!keepPorts && attempt < 5 && IsAddressInUse(ex))
            {
                await app.DisposeAsync();
                settings = settings with { HttpPort = FreePorts.Next(), MqttPort = settings.ExternalBroker is null ? FreePorts.Next() : settings.MqttPort };
            }
        }
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the shop's database file directly, as an auditor would.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Settings.DataDirectory, "makershop.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reads one text value from the shop's database file directly.</summary>
    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Settings.DataDirectory, "makershop.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
