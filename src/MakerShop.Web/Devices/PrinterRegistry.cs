using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Devices;

/// <summary>Adds printers to the fleet and issues their device secrets (shown once, stored only as a hash).</summary>
public sealed class PrinterRegistry(SqliteConnectionFactory connections, ReservedPrinterIds reserved, TimeProvider timeProvider, ILogger<PrinterRegistry> logger)
{
    /// <summary>
    /// A maker's new printer: refused on the id field when the id is taken, by anyone, even by a registration that
    /// commits while this one runs; an existing printer is never changed.
    /// </summary>
    public async Task<DeviceCredentials> RegisterNewAsync(PrinterRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var secret = DeviceSecrets.NewSecret();
        var printer = Describe(registration);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await PrinterStore.InsertAsync(session, printer, DeviceSecrets.Hash(secret), cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Maker {MakerId} registered printer {PrinterId} ({Kind})", printer.MakerId, printer.Id, printer.Kind);
        return new DeviceCredentials(printer.Id, secret);
    }

    /// <summary>Registers the printer, or re-registers it with a fresh secret; returns the credentials its bridge needs. For printers the owner provisions.</summary>
    public Task<DeviceCredentials> RegisterAsync(PrinterRegistration registration, CancellationToken cancellationToken = default) =>
        RegisterAsync(registration, DeviceSecrets.NewSecret(), cancellationToken);

    /// <summary>
    /// Registers the printer with a secret made elsewhere: an external broker's password file has to hold the same
    /// secret, so whoever provisions that file provisions the shop too.
    /// </summary>
    public async Task<DeviceCredentials> RegisterAsync(PrinterRegistration registration, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (string.IsNullOrEmpty(secret) || secret.Length < 24)
        {
            throw new ArgumentException("A printer secret must be at least 24 characters of random text.", nameof(secret));
        }

        var printer = Describe(registration);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await PrinterStore.UpsertAsync(session, printer, DeviceSecrets.Hash(secret), cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Registered printer {PrinterId} ({Kind})", printer.Id, printer.Kind);
        return new DeviceCredentials(printer.Id, secret);
    }

    private Printer Describe(PrinterRegistration registration)
    {
        reserved.EnsureAllowed(registration.Id);
        return Printer.Register(
            registration.Id,
            registration.Name,
            registration.Kind,
            registration.BuildVolume,
            registration.NozzleDiameter,
            registration.LoadedMaterial,
            registration.LoadedColour,
            registration.CountryCode,
            registration.AutoEject,
            timeProvider.GetUtcNow(),
            registration.Equipment);
    }
}
