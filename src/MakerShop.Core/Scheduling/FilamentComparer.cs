namespace MakerShop.Core;

/// <summary>Material and colour compare without regard to case ("PLA"/"pla"), and without allocating a folded copy.</summary>
internal sealed class FilamentComparer : IEqualityComparer<(string Material, string Colour)>
{
    public static readonly FilamentComparer Instance = new();

    public bool Equals((string Material, string Colour) x, (string Material, string Colour) y) =>
        string.Equals(x.Material, y.Material, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Colour, y.Colour, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Material, string Colour) obj) =>
        HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Material),
            StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Colour));
}
