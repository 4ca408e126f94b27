using System.Security.Cryptography;

namespace MakerShop.Web.Broker;

/// <summary>
/// The shop's MQTT client id: its username and 128 random bits, made once and kept in the data folder so an external
/// broker's persistent session for the shop outlives a restart. It used to be the machine name, which anyone could
/// guess and claim; the broker never grants anything for the id alone, and no printer may take an id of this form.
/// </summary>
public static class ShopClientId
{
    public const string FileName = "mqtt-shop-client-id";

    public static string LoadOrCreate(string dataDirectory, string shopUsername)
    {
        var file = Path.Combine(dataDirectory, FileName);
        var suffix = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        if (suffix is not { Length: 32 } || !suffix.All(char.IsAsciiHexDigitLower))
        {
            suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Directory.CreateDirectory(dataDirectory);
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, suffix);
            File.Move(temporary, file, overwrite: true);
        }

        return shopUsername + "-" + suffix;
    }
}
