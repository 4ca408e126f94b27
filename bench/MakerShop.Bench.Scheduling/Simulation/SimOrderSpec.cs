using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>One unit to print: its filament, its size and how long it takes.</summary>
public sealed record SimUnit(string Material, string Colour, Size3 Size, TimeSpan PrintTime);

/// <summary>An order as the storefront would place it: when, where it ships, how urgent, and its units.</summary>
public sealed record SimOrderSpec(string Id, DateTimeOffset PlacedAt, string Destination, bool Express, DateTimeOffset ShipBy, IReadOnlyList<SimUnit> Units);
