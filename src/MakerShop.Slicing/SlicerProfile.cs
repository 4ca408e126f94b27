namespace MakerShop.Slicing;

/// <summary>
/// The profile files one slice loads, in order (printer, print, material), the printer model they slice for, and a
/// hash of their content: the slice cache is keyed by it, so editing a profile makes every cached slice for it stale.
/// </summary>
public sealed record SlicerProfile(string Material, string PrinterModel, IReadOnlyList<string> Files, string Hash);
