namespace MakerShop.Core;

/// <summary>One field of an address that does not fit its country's rules, for a form that shows every problem at once.
/// <paramref name="Field"/> is the address field's name (postalCode, region ...); <paramref name="Hint"/> is the example
/// postal code, the region's label or the maximum length, when there is one.</summary>
public sealed record AddressProblem(string Field, AddressProblemKind Kind, string? Hint = null);

public enum AddressProblemKind
{
    Required,
    NotAPostalCode,
    UnknownCountry,
    TooLong,
    ControlCharacter,
}
