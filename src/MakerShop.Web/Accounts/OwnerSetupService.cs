using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Accounts;

/// <summary>
/// The first-run set-up link: while the shop has no owner, each start issues a new token (printed to the log) whose
/// page creates the first owner. The token works once, and no token works after an owner exists, however that owner
/// was made (this page, <c>create-owner</c> or the configured bootstrap).
/// </summary>
public sealed class OwnerSetupService(
    SqliteConnectionFactory connections,
    UserStore users,
    OwnerSetupTokenStore tokens,
    TimeProvider time,
    ILogger<OwnerSetupService> logger)
{
    /// <summary>A new token when the shop has no owner (the earlier ones stop working); null when it has one.</summary>
    public async Task<string?> IssueAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(UserRole.Owner, cancellationToken) > 0)
        {
            // An owner made another way (create-owner, configuration) leaves earlier hashes behind: useless, so gone.
            await tokens.DeleteAllAsync(cancellationToken);
            return null;
        }

        var token = OwnerSetupToken.New();
        await tokens.ReplaceAsync(OwnerSetupToken.Hash(token), time.GetUtcNow(), cancellationToken);
        return token;
    }

    public async Task<OwnerSetupState> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (await users.CountAsync(UserRole.Owner, cancellationToken) > 0)
        {
            return OwnerSetupState.AlreadySetUp;
        }

        return OwnerSetupToken.MatchesAny(token, await tokens.ListHashesAsync(cancellationToken)) ? OwnerSetupState.Open : OwnerSetupState.NotFound;
    }

    /// <summary>
    /// Creates the first owner when the token is right and no owner exists, in one write transaction that also deletes
    /// every token: two submissions of the same link (a double click, two browsers) make one owner, never two.
    /// Throws <see cref="DomainValidationException"/> for a wrong name, address or password.
    /// </summary>
    public async Task<(OwnerSetupState State, StoredUser? Owner)> CreateOwnerAsync(
        string? token, string email, string displayName, string password, CancellationToken cancellationToken)
    {
        var owner = AccountService.Prepare(email, displayName, UserRole.Owner, null, password);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        if (await UserStore.CountAsync(session, UserRole.Owner, cancellationToken) > 0)
        {
            return (OwnerSetupState.AlreadySetUp, null);
        }

        if (!OwnerSetupToken.MatchesAny(token, await OwnerSetupTokenStore.ListHashesAsync(session, cancellationToken)))
        {
            return (OwnerSetupState.NotFound, null);
        }

        if (!await UserStore.TryInsertAsync(session, owner, time.GetUtcNow(), cancellationToken))
        {
            throw new DomainValidationException("email", $"There is already an account for {owner.Account.Email}.");
        }

        await OwnerSetupTokenStore.DeleteAllAsync(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("First owner {UserId} created for {Email} through the set-up link", owner.Account.Id, owner.Account.Email);
        return (OwnerSetupState.Open, owner);
    }
}
