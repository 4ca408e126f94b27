using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's webhook endpoints.</summary>
public sealed class WebhookEndpointStore(SqliteConnectionFactory connections)
{
    public async Task AddAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webhook_endpoints (id, url, description, events, secret, active, created_at) VALUES (@Id, @Url, @Description, @Events, @Secret, 1, @At)",
            new { endpoint.Id, Url = endpoint.Url.AbsoluteUri, endpoint.Description, Events = Format(endpoint.Events), endpoint.Secret, At = DbTime.Write(endpoint.CreatedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, url AS Url, description AS Description, events AS Events, secret AS Secret, created_at AS CreatedAt FROM webhook_endpoints WHERE active = 1 ORDER BY created_at, id",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEndpoint())];
    }

    public async Task<WebhookEndpoint?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(e => e.Id == id);

    /// <summary>Stops deliveries to the endpoint; its log stays readable in the database for the audit trail.</summary>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_endpoints SET active = 0 WHERE id = @Id AND active = 1", new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }

    private static string Format(IEnumerable<ShopEventType> events) => string.Join(',', events.Select(WebhookEvents.WireName));

    private sealed record Row(string Id, string Url, string? Description, string Events, string Secret, string CreatedAt)
    {
        public WebhookEndpoint ToEndpoint() => new(Id, new Uri(Url), Description,
            [.. Events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => WebhookEvents.TryParse(n, out var t) ? (ShopEventType?)t : null).OfType<ShopEventType>()],
            Secret, DbTime.Read(CreatedAt));
    }
}
