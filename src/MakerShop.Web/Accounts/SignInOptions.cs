using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Accounts;

/// <summary>Session and sign-in throttling settings; bound from <c>MakerShop:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "MakerShop:SignIn";

    /// <summary>Sign-in attempts allowed from one address per window; more get "429 Too Many Requests".</summary>
    [Range(1, 100)]
    public int AttemptsPerWindow { get; set; } = 5;

    [Range(10, 86_400)]
    public int WindowSeconds { get; set; } = 300;

    [Range(5, 10_080)]
    public int SessionMinutes { get; set; } = 480;
}
