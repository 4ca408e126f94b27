namespace MakerShop.Core;

/// <summary>A material and colour a product is offered in; matched case-insensitively against what printers have loaded.</summary>
public sealed record MaterialOption(string Material, string Colour)
{
    public bool Matches(string material, string colour) =>
        string.Equals(Material, material, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Colour, colour, StringComparison.OrdinalIgnoreCase);
}
