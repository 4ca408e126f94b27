using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MakerShop.Slicing;

/// <summary>
/// Finds the profile files for a printer model and a material and hashes them. The printer models are the .ini files
/// under printers/ (one per model in the fleet), read once.
/// </summary>
public sealed class SlicerProfiles(IOptions<SlicingOptions> options)
{
    private readonly Lazy<IReadOnlyList<PrinterModelProfile>> _printerModels = new(() => ReadPrinterModels(options.Value));

    public IReadOnlyCollection<string> Materials => options.Value.Materials.Keys;

    /// <summary>Every printer model there is a profile for, smallest build volume first.</summary>
    public IReadOnlyList<PrinterModelProfile> PrinterModels => _printerModels.Value;

    public bool Supports(string material) => options.Value.Materials.ContainsKey(material);

    /// <summary>The model a printer with this build volume and nozzle is, or null when no profile describes it.</summary>
    public PrinterModelProfile? ModelOf(double buildX, double buildY, double buildZ, double nozzleDiameter) =>
        PrinterModels.FirstOrDefault(m => m.Describes(buildX, buildY, buildZ, nozzleDiameter));

    public PrinterModelProfile PrinterModel(string name) =>
        PrinterModels.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal))
        ?? throw new SlicingException($"There is no printer profile '{name}'; there are {string.Join(", ", PrinterModels.Select(m => m.Name))}.");

    public SlicerProfile For(string material, PrinterModelProfile printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var settings = options.Value;
        if (!settings.Materials.TryGetValue(material, out var materialFile))
        {
            throw new SlicingException($"There is no slicing profile for {material}; profiles exist for {string.Join(", ", settings.Materials.Keys)}.");
        }

        var root = Root(settings);
        string[] files =
        [
            printer.File,
            Path.Combine(root, "prints", settings.PrintProfile),
            Path.Combine(root, "materials", materialFile),
        ];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new SlicingException($"The slicing profile {file} is missing.");
            }

            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        var canonical = settings.Materials.Keys.First(k => string.Equals(k, material, StringComparison.OrdinalIgnoreCase));
        return new SlicerProfile(canonical, printer.Name, files, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Root(SlicingOptions settings) => Path.IsPathRooted(settings.ProfilesDirectory)
        ? settings.ProfilesDirectory
        : Path.Combine(AppContext.BaseDirectory, settings.ProfilesDirectory);

    private static IReadOnlyList<PrinterModelProfile> ReadPrinterModels(SlicingOptions settings)
    {
        var folder = Path.Combine(Root(settings), "printers");
        var models = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ini").Order(StringComparer.Ordinal).Select(PrinterProfileFile.Read).ToList()
            : [];
        if (models.Count == 0)
        {
            throw new SlicingException($"There are no printer profiles in {folder}.");
        }

        return [.. models.OrderBy(m => m.BedX * m.BedY * m.MaxHeight).ThenBy(m => m.Name, StringComparer.Ordinal)];
    }
}
