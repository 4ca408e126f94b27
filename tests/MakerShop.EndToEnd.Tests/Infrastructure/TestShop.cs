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
    }

    public TestShopSettings Settings { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestShop> StartAsync(TestShopSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var app = MakerShopHost.Create(settings.ToArgs());
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new TestShop(app, settings);
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
