namespace MakerShop.Core;

/// <summary>
/// The account a customer paying in <see cref="Currency"/> transfers to. One per currency, so a customer is never told to
/// send francs to a euro account (the bank would convert them at its own rate and the order would arrive underpaid).
/// </summary>
public sealed record BankAccount(Currency Currency, string Holder, Iban Iban, string? Bic, string? BankName)
{
    public const int MaxHolderLength = 70;
    public const int MaxBankNameLength = 80;

    /// <summary>Checks every field of a form and names each wrong one (the IBAN's checksum by name); an account only when all are right.</summary>
    public static BankAccount? Create(string? currency, string? holder, string? iban, string? bic, string? bankName, out IReadOnlyDictionary<string, string> problems)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Core.Currency.TryFromCode((currency ?? "").Trim().ToUpperInvariant(), out var code))
        {
            found["currency"] = $"'{currency}' is not a currency the shop sells in.";
        }

        var name = (holder ?? "").Trim();
        if (name.Length == 0 || name.Length > MaxHolderLength)
        {
            // 70 is the longest beneficiary name an EPC QR code (and a SEPA transfer) carries.
            found["holder"] = $"The account holder's name is required, at most {MaxHolderLength} characters.";
        }

        if (!Iban.TryParse(iban, out var account, out var ibanProblem))
        {
            found["iban"] = ibanProblem;
        }

        string? normalisedBic = null;
        if (!string.IsNullOrWhiteSpace(bic) && !Core.Bic.TryNormalise(bic, out normalisedBic, out var bicProblem))
        {
            found["bic"] = bicProblem;
        }

        var bank = string.IsNullOrWhiteSpace(bankName) ? null : bankName.Trim();
        if (bank is { Length: > MaxBankNameLength })
        {
            found["bankName"] = $"The bank's name is at most {MaxBankNameLength} characters.";
        }

        problems = found;
        return found.Count == 0 ? new BankAccount(code!, name, account!, normalisedBic, bank) : null;
    }
}
