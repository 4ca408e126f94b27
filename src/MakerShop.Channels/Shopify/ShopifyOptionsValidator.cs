using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>Refuses a Shopify configuration that could not work, naming every problem at once.</summary>
public sealed partial class ShopifyOptionsValidator : IValidateOptions<ShopifyOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!ApiVersionPattern().IsMatch(options.ApiVersion ?? ""))
        {
            failures.Add($"{ShopifyOptions.Section}:ApiVersion '{options.ApiVersion}' is not a Shopify API version (YYYY-01, -04, -07 or -10).");
        }

        if (!string.IsNullOrWhiteSpace(options.AdminBaseUrl)
            && !(Uri.TryCreate(options.AdminBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            failures.Add($"{ShopifyOptions.Section}:AdminBaseUrl '{options.AdminBaseUrl}' is not an http(s) URL.");
        }

        if (options.SkuSeparator is null)
        {
            failures.Add($"{ShopifyOptions.Section}:SkuSeparator is required (empty turns the suffix rule off).");
        }

        foreach (var (sku, target) in options.Skus)
        {
            if (string.IsNullOrWhiteSpace(target.Product) || string.IsNullOrWhiteSpace(target.Material) || string.IsNullOrWhiteSpace(target.Colour))
            {
                failures.Add($"{ShopifyOptions.Section}:Skus:{sku} needs Product, Material and Colour.");
            }
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{ShopifyOptions.Section}:MaxBodyBytes must be between 1 KiB and 16 MiB.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.RetryFirstDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryFirstDelay
            || options.RequestTimeout <= TimeSpan.Zero || options.PreviousSecretGrace < TimeSpan.Zero)
        {
            failures.Add($"{ShopifyOptions.Section}: PollInterval, RetryFirstDelay and RequestTimeout must be positive, RetryMaxDelay at least RetryFirstDelay, PreviousSecretGrace not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^20\d\d-(01|04|07|10)$")]
    private static partial Regex ApiVersionPattern();
}
