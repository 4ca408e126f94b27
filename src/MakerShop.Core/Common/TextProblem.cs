namespace MakerShop.Core;

/// <summary>Why a typed text is refused by <see cref="InputLimits"/>.</summary>
public enum TextProblem
{
    TooLong,
    ControlCharacter,
}
