namespace MakerShop.Web.Accounts;

/// <summary>
/// The first owner, created at start when no owner exists yet. The password is read from a file (a mounted secret),
/// never from the settings themselves, and there is no default. Bound from <c>MakerShop:Owner</c>.
/// </summary>
public sealed class OwnerBootstrapOptions
{
    public const string SectionName = "MakerShop:Owner";

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? PasswordFile { get; set; }
}
