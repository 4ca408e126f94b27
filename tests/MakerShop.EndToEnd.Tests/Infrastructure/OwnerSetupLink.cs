using System.Text.RegularExpressions;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The first-run set-up link, read as the owner reads it: from the line the host logs at start (Warning, so it is on
/// the console and in <c>data/logs</c> with the default levels and with the tests' Warning level).
/// </summary>
public static partial class OwnerSetupLink
{
    /// <summary>The link the host printed last (a restarted host prints a new one), waiting for it to be written.</summary>
    public static async Task<Uri> ReadAsync(TestShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        Uri? link = null;
        await Eventually.UntilAsync(() => (link = Latest(shop)) is not null, TimeSpan.FromSeconds(30), "the set-up link in the shop's log");
        return link!;
    }

    /// <summary>Every set-up link in the host's log so far, oldest first.</summary>
    public static IReadOnlyList<Uri> All(TestShop shop) =>
        [.. Link().Matches(ShopLog.Read(shop)).Select(m => new Uri(m.Value))];

    private static Uri? Latest(TestShop shop) => All(shop) is { Count: > 0 } all ? all[^1] : null;

    [GeneratedRegex(@"https?://\S+/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
