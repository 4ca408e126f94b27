using MakerShop.Core;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>Reports every problem in the shipping settings at start, not the first one.</summary>
public sealed class ShippingOptionsValidator : IValidateOptions<ShippingOptions>
{
    public ValidateOptionsResult Validate(string? name, ShippingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!CountryCodes.IsAssigned(options.ShipFrom.CountryCode))
        {
            failures.Add($"ShipFrom:CountryCode '{options.ShipFrom.CountryCode}' is not an ISO 3166-1 alpha-2 code.");
        }

        if (options.Packing.MaxParcelGrams <= options.Packing.PackagingGrams)
        {
            failures.Add("Packing:MaxParcelGrams must be more than Packing:PackagingGrams.");
        }

        if (options.WebhookMaxBodyBytes is < 4 * 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("WebhookMaxBodyBytes must be between 4 KiB and 16 MiB.");
        }

        if (options.FindCarrier(options.DefaultCarrier) is null)
        {
            failures.Add($"DefaultCarrier '{options.DefaultCarrier}' is not in Carriers.");
        }

        foreach (var carrier in options.Carriers)
        {
            if (carrier.Provider is not ("manual" or "easypost" or "shippo"))
            {
                failures.Add($"Carrier '{carrier.Id}': Provider must be manual, easypost or shippo (got '{carrier.Provider}').");
            }

            if (carrier.VolumetricDivisor <= 0)
            {
                failures.Add($"Carrier '{carrier.Id}': VolumetricDivisor must be positive.");
            }
        }

        foreach (var table in options.RateTables)
        {
            if (options.FindCarrier(table.Carrier) is null)
            {
                failures.Add($"RateTable for '{table.Carrier}': no such carrier.");
            }

            if (!Currency.TryFromCode(table.Currency, out _))
            {
                failures.Add($"RateTable for '{table.Carrier}': unknown currency '{table.Currency}'.");
            }
        }

        if (options.PollIntervalSeconds < 10)
        {
            failures.Add("PollIntervalSeconds must be at least 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
