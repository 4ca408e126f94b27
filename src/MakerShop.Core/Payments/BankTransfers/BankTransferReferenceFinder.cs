using System.Text.RegularExpressions;

namespace MakerShop.Core;

/// <summary>
/// Finds MakerShop transfer references anywhere in a statement's remittance text, however the customer or their bank
/// wrote them ("MS-ABCD-EFGH2", "ms abcd efgh2", "REF MSABCDEFGH2/INV 12"). Only references whose check character is
/// right count, so a mistyped one is never matched to someone else's order.
/// </summary>
public static partial class BankTransferReferenceFinder
{
    public static IReadOnlyList<string> FindAll(string? remittance)
    {
        var found = new List<string>();
        var text = (remittance ?? "").ToUpperInvariant();
        for (var match = Candidate().Match(text); match.Success; match = Candidate().Match(text, match.Index + 1))
        {
            var compact = match.Value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (BankTransferReference.IsValid(compact))
            {
                var formatted = $"MS-{compact[2..6]}-{compact[6..]}";
                if (!found.Contains(formatted, StringComparer.Ordinal))
                {
                    found.Add(formatted);
                }
            }
        }

        return found;
    }

    // "MS" then nine symbols of the reference alphabet, each optionally after a space or dash (banks re-wrap text).
    [GeneratedRegex("M[ -]?S(?:[ -]{0,2}[ABCDEFGHJKLMNPQRSTUVWXYZ2-8]){9}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();
}
