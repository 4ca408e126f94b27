namespace MakerShop.Core;

/// <summary>
/// Who runs a group of printers: the shop itself or a freelance maker abroad. Their country decides where the parts
/// they print ship from; an inactive maker gets no new work (their printers may still finish what they hold).
/// </summary>
public sealed class Maker
{
    /// <summary>The shop's own workshop; printers registered without a maker belong to it.</summary>
    public const string ShopMakerId = "shop";

    public const int MaxIdLength = 40;

    private Maker(string id, string name, string countryCode, bool active, DateTimeOffset updatedAt)
    {
        Id = id;
        Name = name;
        CountryCode = countryCode;
        Active = active;
        UpdatedAt = updatedAt;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>ISO 3166-1 alpha-2 of where the maker works and ships from.</summary>
    public string CountryCode { get; }

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Maker Create(string id, string name, string countryCode, DateTimeOffset at)
    {
        if (id is not { Length: >= 1 and <= MaxIdLength } || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new DomainValidationException("id", $"A maker id is 1-{MaxIdLength} characters of a-z, 0-9 and '-'.");
        }

        Guard.NotBlank(name, "name", "The maker's name");
        if (!Guard.IsCountryCode(countryCode))
        {
            throw new DomainValidationException("countryCode", $"'{countryCode}' is not an ISO 3166-1 alpha-2 country code.");
        }

        return new Maker(id, name.Trim(), countryCode, active: true, at);
    }

    /// <summary>Rebuilds a maker from storage as it was saved; no rule is re-checked.</summary>
    public static Maker Restore(string id, string name, string countryCode, bool active, DateTimeOffset updatedAt) =>
        new(id, name, countryCode, active, updatedAt);

    /// <summary>The maker stops taking work; what their printers hold finishes normally.</summary>
    public bool Deactivate(DateTimeOffset at)
    {
        if (!Active)
        {
            return false;
        }

        Active = false;
        UpdatedAt = at;
        return true;
    }
}
