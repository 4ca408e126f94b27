using MakerShop.Contracts.Devices;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Devices;

/// <summary>Checks a printer's id and secret, for the broker and for the G-code download alike.</summary>
public sealed class DeviceAuthenticator(PrinterStore printers)
{
    public async Task<bool> IsValidAsync(DeviceCredentials? credentials, CancellationToken cancellationToken = default)
    {
        if (credentials is null || string.IsNullOrEmpty(credentials.PrinterId))
        {
            return false;
        }

        var hash = await printers.GetSecretHashAsync(credentials.PrinterId, cancellationToken);
        return DeviceSecrets.Verify(credentials.Secret, hash);
    }
}
