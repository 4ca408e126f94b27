using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Identity;

namespace MakerShop.Bench.MakerLive;

/// <summary>
/// Puts one maker with a sign-in and N firmware-bridge printers into the running host's database, with the shop's own
/// Core types and stores. The broker checks each printer's secret against the stored SHA-256, as for a real bridge.
/// </summary>
internal static class FleetSeeder
{
    public const string MakerId = "bench-maker";
    public const string Email = "bench@makers.example";
    public const string Password = "a long benchmark passphrase";

    public static async Task<IReadOnlyList<(string PrinterId, string Secret)>> SeedAsync(string dataDirectory, int printers, CancellationToken ct)
    {
        var options = new StorageOptions { DataDirectory = dataDirectory };
        var connections = new SqliteConnectionFactory(DataPaths.Resolve(options, dataDirectory), options);
        var now = DateTimeOffset.UtcNow;
        var credentials = new List<(string, string)>(printers);
        await using (var session = await DbSession.BeginAsync(connections, ct))
        {
            await MakerStore.UpsertAsync(session, Maker.Create(MakerId, "Bench Farm", "FR", now), ct);
            for (var i = 1; i <= printers; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"bench-{i:0000}");
                var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                var printer = Printer.Register(id, $"Bench printer {i}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR",
                    autoEject: true, now, new PrinterEquipment(MakerId, Enclosed: false, HardenedNozzle: false));
                await PrinterStore.UpsertAsync(session, printer, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), ct);
                credentials.Add((id, secret));
            }

            await session.CommitAsync(ct);
        }

        var account = UserAccount.Create("usr_bench", Email, "Bench maker", UserRole.Maker, MakerId);
        var hash = new PasswordHasher<UserAccount>().HashPassword(account, Password);
        await new UserStore(connections).TryInsertAsync(new StoredUser(account, hash, Guid.NewGuid().ToString("N")), now, ct);
        return credentials;
    }
}
