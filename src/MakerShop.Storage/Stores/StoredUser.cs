using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// An account as stored: the account itself, its password hash, the stamp that sessions are checked against, and
/// whether its holder must choose a new password before anything else (after the owner reset it).
/// </summary>
public sealed record StoredUser(UserAccount Account, string PasswordHash, string SecurityStamp, bool MustChangePassword = false);
