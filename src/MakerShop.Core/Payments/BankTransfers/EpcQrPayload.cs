using System.Globalization;
using System.Text;

namespace MakerShop.Core;

/// <summary>
/// The text of an EPC069-12 "SEPA credit transfer" QR code (version 002, UTF-8): a banking app that scans it fills in
/// the beneficiary, IBAN, amount and reference, so the customer types nothing and the reference arrives intact.
/// </summary>
public static class EpcQrPayload
{
    public const int MaxBytes = 331;
    public const long MaxMinorUnits = 99_999_999_999;

    /// <summary>
    /// Builds the payload. An ISO 11649 creditor reference ("RF…") goes in the structured field, anything else in the
    /// unstructured one (the standard allows only one of them). Refuses what a SEPA transfer cannot carry.
    /// </summary>
    public static string Build(string name, Iban iban, string? bic, Money amount, string remittance, string? purpose = null, string? information = null)
    {
        ArgumentNullException.ThrowIfNull(iban);
        if (amount.Currency != Currency.Eur)
        {
            throw new DomainValidationException("amount", $"An EPC QR code is for euro transfers only, not {amount.Currency.Code}.");
        }

        if (amount.MinorUnits is < 1 or > MaxMinorUnits)
        {
            throw new DomainValidationException("amount", $"An EPC QR code carries from EUR 0.01 to EUR 999,999,999.99, not {amount}.");
        }

        Require(name, 1, 70, "name", "The beneficiary's name");
        var reference = (remittance ?? "").Trim();
        var structured = IsCreditorReference(reference);
        Require(reference, 0, structured ? 35 : 140, "remittance", "The remittance");
        Require(purpose ?? "", 0, 4, "purpose", "The purpose code");
        Require(information ?? "", 0, 70, "information", "The note to the payer");
        if (bic is not null && !Bic.TryNormalise(bic, out bic, out var problem))
        {
            throw new DomainValidationException("bic", problem);
        }

        string[] lines =
        [
            "BCD", "002", "1", "SCT", bic ?? "", name.Trim(), iban.Value,
            "EUR" + amount.ToDecimal().ToString("0.##", CultureInfo.InvariantCulture),
            purpose ?? "", structured ? reference : "", structured ? "" : reference, information ?? "",
        ];
        // The last populated element is not followed by a separator.
        var used = lines.Length;
        while (lines[used - 1].Length == 0)
        {
            used--;
        }

        var payload = string.Join('\n', lines, 0, used);
        if (Encoding.UTF8.GetByteCount(payload) > MaxBytes)
        {
            throw new DomainValidationException("remittance", $"An EPC QR code holds at most {MaxBytes} bytes; shorten the name or the remittance.");
        }

        return payload;
    }

    /// <summary>An ISO 11649 creditor reference: "RF", two check digits, up to 21 letters or digits, mod 97 = 1.</summary>
    public static bool IsCreditorReference(string text)
    {
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length is >= 5 and <= 25 && compact.StartsWith("RF", StringComparison.Ordinal)
            && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3]) && compact.All(char.IsAsciiLetterOrDigit)
            && Iban.Mod97(compact[4..] + compact[..4]) == 1;
    }

    private static void Require(string value, int min, int max, string field, string what)
    {
        var length = (value ?? "").Trim().Length;
        if (length < min || length > max)
        {
            throw new DomainValidationException(field, min > 0 ? $"{what} is required, at most {max} characters." : $"{what} is at most {max} characters.");
        }
    }
}
