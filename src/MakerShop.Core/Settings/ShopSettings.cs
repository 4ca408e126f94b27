using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// The settings the owner changes while the shop runs. The configuration file gives the defaults; what the owner saves
/// overrides them. <see cref="Validate"/> names every field that is wrong, not just the first.
/// </summary>
public sealed record ShopSettings(string ShopName, string ContactEmail, double LowStockGrams, int LeadTimeDays, int ExpressLeadTimeDays)
{
    public const int MaxNameLength = 80;

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(ShopName) || ShopName.Trim().Length > MaxNameLength)
        {
            problems["shopName"] = $"The shop's name is required, at most {MaxNameLength} characters.";
        }

        var at = ContactEmail?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (string.IsNullOrWhiteSpace(ContactEmail) || at <= 0 || at == ContactEmail.Length - 1 || ContactEmail.Any(char.IsWhiteSpace))
        {
            problems["contactEmail"] = $"'{ContactEmail}' is not an e-mail address.";
        }

        if (!double.IsFinite(LowStockGrams) || LowStockGrams < 0 || LowStockGrams > Spool.MaxGrams)
        {
            problems["lowStockGrams"] = string.Create(CultureInfo.InvariantCulture, $"The low-stock threshold must be between 0 and {Spool.MaxGrams:0} g.");
        }

        if (LeadTimeDays is < 1 or > 90)
        {
            problems["leadTimeDays"] = "The lead time must be between 1 and 90 days.";
        }

        if (ExpressLeadTimeDays is < 1 or > 30)
        {
            problems["expressLeadTimeDays"] = "The express lead time must be between 1 and 30 days.";
        }
        else if (!problems.ContainsKey("leadTimeDays") && ExpressLeadTimeDays > LeadTimeDays)
        {
            problems["expressLeadTimeDays"] = "Express cannot take longer than the normal lead time.";
        }

        return problems;
    }

    /// <summary>Throws on the first problem, named by its field; callers that show a form use <see cref="Problems"/>.</summary>
    public ShopSettings Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            var first = problems.First();
            throw new DomainValidationException(first.Key, first.Value);
        }

        return this with { ShopName = ShopName.Trim(), ContactEmail = ContactEmail.Trim() };
    }
}
