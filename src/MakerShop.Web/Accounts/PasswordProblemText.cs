using MakerShop.Core;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Accounts;

/// <summary>The password rules in the reader's language.</summary>
public static class PasswordProblemText
{
    public static string Describe(IStringLocalizer text, PasswordProblem problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        return problem switch
        {
            PasswordProblem.TooShort => text["Password.Rule.TooShort", PasswordPolicy.MinimumLength],
            PasswordProblem.TooLong => text["Password.Rule.TooLong", PasswordPolicy.MaximumLength],
            PasswordProblem.TooFewDifferentCharacters => text["Password.Rule.TooFewDifferent", PasswordPolicy.MinimumDifferentCharacters],
            PasswordProblem.IsTheEmailAddress => text["Password.Rule.IsEmail"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }

    /// <summary>The rules in one sentence, shown beside every new-password field.</summary>
    public static string Rules(IStringLocalizer<SharedResource> text) =>
        text["Password.Rules", PasswordPolicy.MinimumLength, PasswordPolicy.MinimumDifferentCharacters];
}
