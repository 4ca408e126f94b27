using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>An account as stored: the account itself, its password hash and the stamp that sessions are checked against.</summary>
public sealed record StoredUser(UserAccount Account, string PasswordHash, string SecurityStamp);
