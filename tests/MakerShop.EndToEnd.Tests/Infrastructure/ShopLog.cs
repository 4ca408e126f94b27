using System.Text;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>The shop's own rolling log file (Warning and above in tests), read as an operator would read it.</summary>
public static class ShopLog
{
    public static string Read(TestShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var folder = Path.Combine(shop.Settings.DataDirectory, "logs");
        if (!Directory.Exists(folder))
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder, "makershop-*.log").Order(StringComparer.Ordinal))
        {
            // Serilog keeps the file open for writing.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    public static IReadOnlyList<string> Lines(TestShop shop, string containing) =>
        Read(shop).Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToList();
}
