using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MakerShop.Slicing;

/// <summary>Finds the profile files for a material and hashes them.</summary>
public sealed class SlicerProfiles(IOptions<SlicingOptions> options)
{
    public IReadOnlyCollection<string> Materials => options.Value.Materials.Keys;

    public bool Supports(string material) => options.Value.Materials.ContainsKey(material);

    public SlicerProfile For(string material)
    {
        var settings = options.Value;
        if (!settings.Materials.TryGetValue(material, out var materialFile))
        {
            throw new SlicingException($"There is no slicing profile for {material}; profiles exist for {string.Join(", ", settings.Materials.Keys)}.");
        }

        var root = Path.IsPathRooted(settings.ProfilesDirectory)
            ? settings.ProfilesDirectory
            : Path.Combine(AppContext.BaseDirectory, settings.ProfilesDirectory);
        string[] files =
        [
            Path.Combine(root, "printers", settings.PrinterProfile),
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
        return new SlicerProfile(canonical, files, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
