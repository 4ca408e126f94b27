using System.Security.Cryptography;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Identity;

namespace MakerShop.Web.Accounts;

/// <summary>Creates accounts and checks passwords with ASP.NET Core Identity's hasher (PBKDF2, versioned, salted).</summary>
public sealed class AccountService(UserStore users, TimeProvider time, ILogger<AccountService> logger)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Checked when the e-mail is unknown, so a miss costs as much time as a wrong password and reveals nothing.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public async Task<UserAccount> CreateAsync(string email, string displayName, UserRole role, string? makerId, string password, CancellationToken cancellationToken)
    {
        var stored = Prepare(email, displayName, role, makerId, password);
        var account = stored.Account;
        if (!await users.TryInsertAsync(stored, time.GetUtcNow(), cancellationToken))
        {
            throw new DomainValidationException("email", $"There is already an account for {account.Email}.");
        }

        logger.LogInformation("Account {UserId} created for {Email} as {Role}", account.Id, account.Email, role);
        return account;
    }

    /// <summary>A new account checked and hashed, for a caller that stores it inside its own transaction.</summary>
    public static StoredUser Prepare(string email, string displayName, UserRole role, string? makerId, string password)
    {
        var account = UserAccount.Create("usr_" + Guid.NewGuid().ToString("N"), email, displayName, role, makerId);
        PasswordPolicy.Check(password, account.Email);
        return new StoredUser(account, Hasher.HashPassword(account, password), NewStamp());
    }

    /// <summary>The account when the password is right and the account is enabled; otherwise null.</summary>
    public async Task<StoredUser?> VerifyAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        string normalised;
        try
        {
            normalised = UserAccount.NormaliseEmail(email);
        }
        catch (DomainValidationException)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? "");
            return null;
        }

        var user = await users.FindByEmailAsync(normalised, cancellationToken);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? "");
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user.Account, user.PasswordHash, password ?? "");
        if (result == PasswordVerificationResult.Failed || user.Account.Disabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.UpgradeHashAsync(user.Account.Id, Hasher.HashPassword(user.Account, password!), cancellationToken);
        }

        return user;
    }

    public async Task ChangePasswordAsync(string userId, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken) ?? throw new DomainException($"There is no account {userId}.");
        PasswordPolicy.Check(newPassword, user.Account.Email);
        await users.UpdatePasswordAsync(userId, Hasher.HashPassword(user.Account, newPassword), NewStamp(), mustChange: false, cancellationToken);
    }

    /// <summary>
    /// A person changes their own password, proving they know the current one. The new stamp ends every session of the
    /// account, this one included: the caller signs this browser in again with the account returned. Null when the
    /// current password is wrong.
    /// </summary>
    public async Task<StoredUser?> ChangeOwnPasswordAsync(string userId, string? currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken);
        if (user is null || user.Account.Disabled
            || Hasher.VerifyHashedPassword(user.Account, user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return null;
        }

        await ChangePasswordAsync(userId, newPassword, cancellationToken);
        logger.LogInformation("Account {UserId} changed its password; its other sessions are ended", userId);
        return await users.GetAsync(userId, cancellationToken);
    }

    /// <summary>
    /// The owner resets a maker's password: a temporary one, returned to be shown once, that ends the maker's sessions at
    /// once and lets them do nothing but choose their own password at next sign-in.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(userId, cancellationToken) ?? throw new DomainException($"There is no account {userId}.");
        var temporary = TemporaryPassword.New();
        await users.UpdatePasswordAsync(userId, Hasher.HashPassword(user.Account, temporary), NewStamp(), mustChange: true, cancellationToken);
        logger.LogInformation("Password of account {UserId} reset; a new one must be chosen at next sign-in", userId);
        return temporary;
    }

    /// <summary>
    /// Signing out ends the session on the server too, not only in this browser: a copied cookie stops working. The
    /// stamp is per account, so this signs the person out on every device, which is what "sign out" should mean for a
    /// shop's owner and makers.
    /// </summary>
    public Task EndSessionsAsync(string userId, CancellationToken cancellationToken) =>
        users.ReplaceStampAsync(userId, NewStamp(), cancellationToken);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
