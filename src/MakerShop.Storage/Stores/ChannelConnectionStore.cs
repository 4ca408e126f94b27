using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's channel connections (shop domain, webhook secret, access token), stored like printer API keys.</summary>
public sealed class ChannelConnectionStore(SqliteConnectionFactory connections)
{
    public async Task<ChannelConnection?> GetAsync(string channel, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT channel AS Channel, shop_domain AS ShopDomain, webhook_secret AS WebhookSecret, previous_webhook_secret AS PreviousWebhookSecret,
                   secret_rotated_at AS SecretRotatedAt, access_token AS AccessToken, connected_at AS ConnectedAt, updated_at AS UpdatedAt
            FROM channel_connections WHERE channel = @Channel
            """,
            new { Channel = channel }, cancellationToken: cancellationToken));
        return row is null ? null : new ChannelConnection(row.Channel, row.ShopDomain, row.WebhookSecret, row.PreviousWebhookSecret,
            DbTime.ReadOptional(row.SecretRotatedAt), row.AccessToken, DbTime.Read(row.ConnectedAt), DbTime.Read(row.UpdatedAt));
    }

    /// <summary>
    /// Connects or updates the channel. A blank secret or token keeps the stored one (the form never shows them); a new
    /// webhook secret keeps the old one as the previous secret, since the channel may sign with it for a while.
    /// </summary>
    public async Task SaveAsync(string channel, string shopDomain, string? webhookSecret, string? accessToken, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_connections (channel, shop_domain, webhook_secret, previous_webhook_secret, secret_rotated_at, access_token, connected_at, updated_at)
            VALUES (@Channel, @ShopDomain, COALESCE(@Secret, ''), NULL, NULL, COALESCE(@Token, ''), @At, @At)
            ON CONFLICT (channel) DO UPDATE SET
                shop_domain = excluded.shop_domain,
                previous_webhook_secret = CASE WHEN @Secret IS NOT NULL AND @Secret <> channel_connections.webhook_secret
                    THEN channel_connections.webhook_secret ELSE channel_connections.previous_webhook_secret END,
                secret_rotated_at = CASE WHEN @Secret IS NOT NULL AND @Secret <> channel_connections.webhook_secret
                    THEN @At ELSE channel_connections.secret_rotated_at END,
                webhook_secret = COALESCE(@Secret, channel_connections.webhook_secret),
                access_token = COALESCE(@Token, channel_connections.access_token),
                updated_at = @At
            """,
            new { Channel = channel, ShopDomain = shopDomain, Secret = Blank(webhookSecret), Token = Blank(accessToken), At = DbTime.Write(at) },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> DisconnectAsync(string channel, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM channel_connections WHERE channel = @Channel", new { Channel = channel }, cancellationToken: cancellationToken)) == 1;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Row(string Channel, string ShopDomain, string WebhookSecret, string? PreviousWebhookSecret, string? SecretRotatedAt, string AccessToken, string ConnectedAt, string UpdatedAt);
}
