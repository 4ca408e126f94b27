using MakerShop.Core;

namespace MakerShop.Bench.Scheduling.Simulation;

/// <summary>The simulated farm: 60 printers of 6 makers in 4 countries, loaded with the filaments most orders ask for.</summary>
public static class FarmLayout
{
    public static readonly IReadOnlyList<SimMaker> Makers =
    [
        new("shop", "The shop", "DE", 1, 14, 0.5),
        new("berlin", "Berlin Prints", "DE", 1, 8, 0),
        new("lyon", "Atelier Lyon", "FR", 1, 10, 0.3),
        new("paris", "Paris Fab", "FR", 1, 8, 0),
        new("leeds", "Leeds Layers", "GB", 0, 10, 0.2),
        new("austin", "Austin Additive", "US", -6, 10, 0.3),
    ];

    // What a printer has loaded at the start; the mix follows demand (PLA black and white above all).
    private static readonly (string Material, string Colour)[] Loadouts =
    [
        ("PLA", "black"), ("PLA", "white"), ("PLA", "black"), ("PETG", "black"), ("PLA", "grey"), ("PLA", "white"),
        ("PLA", "red"), ("PLA", "black"), ("ABS", "black"), ("PLA", "blue"), ("PETG", "orange"), ("PLA-CF", "black"),
    ];

    public static List<Maker> CreateMakers(DateTimeOffset at) =>
        [.. Makers.Select(m => Maker.Create(m.Id, m.Name, m.Country, at))];

    public static List<Printer> CreatePrinters(DateTimeOffset at)
    {
        var printers = new List<Printer>();
        var offset = 0;
        foreach (var maker in Makers)
        {
            for (var i = 0; i < maker.Printers; i++)
            {
                var (material, colour) = Loadouts[(i + offset) % Loadouts.Length];
                var volume = i % 5 == 4 ? new Size3(350, 350, 350) : i % 7 == 6 ? new Size3(180, 180, 180) : new Size3(250, 210, 210);
                var enclosed = material == "ABS" || i % 4 == 1;
                // The big machines have hardened nozzles, so every part the shop sells has a printer somewhere.
                var hardened = material == "PLA-CF" || i % 6 == 2 || i % 5 == 4;
                var autoEject = i < maker.Printers * maker.AutoEjectShare;
                var printer = Printer.Register(
                    $"{maker.Id}-{i + 1:00}", $"{maker.Name} #{i + 1}", PrinterKind.FirmwareBridge, volume, 0.4, material, colour, maker.Country,
                    autoEject, at, new PrinterEquipment(maker.Id, enclosed, hardened));
                printer.MarkOnline(bedClear: true, at);
                printers.Add(printer);
            }

            offset += 5;
        }

        return printers;
    }
}
