using System.Reflection;
using System.Text.RegularExpressions;

namespace MakerShop.Storage.Migrations;

/// <summary>The migrations shipped in this assembly as <c>Sql/NNNN_name.sql</c> embedded resources.</summary>
public static partial class MigrationCatalog
{
    public static IReadOnlyList<Migration> All { get; } = Load();

    private static List<Migration> Load()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration resource {resource} could not be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Numbers are handed out per feature branch, so a branch may ship 0010 before 0008 lands: unique is the rule, not gapless.
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share number {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"\.Sql\.(?<version>\d{4})_(?<name>[\w]+)\.sql$")]
    private static partial Regex ResourceName();
}
