using System.Net.Mail;

namespace MakerShop.Core;

/// <summary>A person who signs in. A maker's account belongs to exactly one maker; an owner's to none.</summary>
public sealed record UserAccount(string Id, string Email, string DisplayName, UserRole Role, string? MakerId, bool Disabled)
{
    public static UserAccount Create(string id, string email, string displayName, UserRole role, string? makerId)
    {
        Guard.NotBlank(id, "id", "A user id");
        var normalised = NormaliseEmail(email);
        Guard.NotBlank(displayName, "displayName", "A display name");
        if (role == UserRole.Maker && string.IsNullOrWhiteSpace(makerId))
        {
            throw new DomainValidationException("makerId", "A maker's account must name the maker it belongs to.");
        }

        if (role == UserRole.Owner && makerId is not null)
        {
            throw new DomainValidationException("makerId", "An owner's account belongs to no maker.");
        }

        return new UserAccount(id, normalised, displayName.Trim(), role, makerId, Disabled: false);
    }

    /// <summary>Trimmed and lower-cased, so "Ada@Example.com " and "ada@example.com" are one account.</summary>
    public static string NormaliseEmail(string? email)
    {
        var trimmed = Guard.NotBlank(email, "email", "An e-mail address").Trim();
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainValidationException("email", $"'{trimmed}' is not an e-mail address.");
        }

        return trimmed.ToLowerInvariant();
    }
}
