using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Private links to order pages: a random token the customer gets by e-mail and on the confirmation page. Knowing an
/// order id is not enough to see the order; the token is the key.
/// </summary>
public sealed class OrderLinkStore(SqliteConnectionFactory connections)
{
    /// <summary>Makes a new token for the order inside the caller's transaction (checkout stores it with the order).</summary>
    public static async Task<string> IssueAsync(DbSession session, string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_links (token_hash, order_id, created_at) VALUES (@Hash, @OrderId, @At)",
            new { Hash = Hash(token), OrderId = orderId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>Stores a token the caller derived (checkout derives it from its form's secret, so a replayed submission
    /// finds the same link); it must be as unguessable as <see cref="IssueAsync(DbSession, string, DateTimeOffset, CancellationToken)"/>'s.</summary>
    public static async Task IssueAsync(DbSession session, string orderId, string token, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrEmpty(token) || token.Length < 40)
        {
            throw new ArgumentException("An order link token needs at least 40 characters of randomness.", nameof(token));
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_links (token_hash, order_id, created_at) VALUES (@Hash, @OrderId, @At)",
            new { Hash = Hash(token), OrderId = orderId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<string> IssueAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var token = await IssueAsync(session, orderId, at, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>True when the token opens this order; a wrong, malformed or other order's token does not.</summary>
    public async Task<bool> OpensAsync(string orderId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM order_links WHERE token_hash = @Hash AND order_id = @OrderId",
            new { Hash = Hash(token), OrderId = orderId },
            cancellationToken: cancellationToken));
        return found > 0;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
