namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>A simulated maker: where they are, their UTC offset (they clear beds from 08:00 to 22:00 local) and their printers.</summary>
public sealed record SimMaker(string Id, string Name, string Country, int UtcOffsetHours, int Printers, double AutoEjectShare);
