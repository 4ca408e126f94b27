namespace MakerShop.Core;

/// <summary>Why a password is refused, so each page can say it in the reader's language.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    TooFewDifferentCharacters,
    IsTheEmailAddress,
}
