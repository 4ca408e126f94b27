using System.Security.Claims;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Accounts;

/// <summary>Writes who did what to the audit log, from the request that did it.</summary>
public sealed class AuditTrail(AuditLogStore store, TimeProvider time, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(HttpContext context, string action, string? target = null, string? detail = null, string? emailIfAnonymous = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var entry = new AuditEntry(
            time.GetUtcNow(),
            user.FindFirstValue(ShopClaims.UserId),
            user.FindFirstValue(ShopClaims.Email) ?? emailIfAnonymous,
            action,
            target,
            detail,
            context.Connection.RemoteIpAddress?.ToString());
        // The audit row is written even if the visitor has gone: an action that happened must be on record.
        await store.AppendAsync(entry, CancellationToken.None);
        logger.LogInformation("Audit: {Action} on {Target} by {Email}", action, target, entry.UserEmail);
    }
}
