using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MakerShop.Core;

/// <summary>
/// Reads the credits out of an ISO 20022 bank-to-customer statement (camt.053) or debit/credit notification (camt.054),
/// versions 001.02 to 001.08. No DTD, no external entities and a size limit: the file comes from an upload.
/// </summary>
public static class CamtStatementReader
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    private const string Prefix = "urn:iso:std:iso:20022:tech:xsd:";

    public static BankStatement Read(Stream stream, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = maxBytes,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new StatementFormatException($"This file is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        var root = document.Root ?? throw new StatementFormatException("This file is empty.");
        var ns = root.Name.Namespace;
        var kind = Kind(ns.NamespaceName) ?? throw new StatementFormatException(
            $"This is not a CAMT.053 or CAMT.054 file (versions 02 to 08): its namespace is '{ns.NamespaceName}'. Download the statement from your bank in ISO 20022 CAMT format.");
        var (container, report) = kind.StartsWith("camt.053", StringComparison.Ordinal) ? ("BkToCstmrStmt", "Stmt") : ("BkToCstmrDbtCdtNtfctn", "Ntfctn");
        var body = root.Element(ns + container) ?? throw new StatementFormatException($"This {kind} file has no {container} element.");

        var credits = new List<StatementCredit>();
        var debits = 0;
        string? statementId = null;
        string? accountIban = null;
        foreach (var statement in body.Elements(ns + report))
        {
            statementId ??= Text(statement, ns, "Id");
            var iban = Text(statement, ns, "Acct", "Id", "IBAN")?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            accountIban ??= iban;
            foreach (var entry in statement.Elements(ns + "Ntry"))
            {
                if (!IsBookedCredit(entry, ns))
                {
                    debits += Text(entry, ns, "CdtDbtInd") == "DBIT" ? 1 : 0;
                    continue;
                }

                credits.AddRange(CreditsOf(entry, ns, iban ?? ""));
            }
        }

        return new BankStatement(kind, statementId, accountIban, credits, debits);
    }

    private static string? Kind(string ns)
    {
        if (!ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Prefix.Length..];
        foreach (var message in (string[])["camt.053.001.", "camt.054.001."])
        {
            if (rest.StartsWith(message, StringComparison.Ordinal) && int.TryParse(rest[message.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version is >= 2 and <= 8)
            {
                return rest;
            }
        }

        return null;
    }

    private static bool IsBookedCredit(XElement entry, XNamespace ns)
    {
        // Status is a plain code up to version 05 and <Sts><Cd> from 06; pending and information-only entries are not money yet.
        var status = entry.Element(ns + "Sts") is { } sts ? (sts.Element(ns + "Cd")?.Value ?? sts.Value).Trim() : "BOOK";
        var reversal = string.Equals(Text(entry, ns, "RvslInd"), "true", StringComparison.OrdinalIgnoreCase);
        return Text(entry, ns, "CdtDbtInd") == "CRDT" && status == "BOOK" && !reversal;
    }

    private static IEnumerable<StatementCredit> CreditsOf(XElement entry, XNamespace ns, string iban)
    {
        var (value, currency) = AmountOf(entry.Element(ns + "Amt")) ?? throw new StatementFormatException($"An entry on the statement has no readable amount ({Text(entry, ns, "NtryRef") ?? "no reference"}).");
        var booked = DateOf(entry.Element(ns + "BookgDt")) ?? DateOf(entry.Element(ns + "ValDt"));
        var entryReference = Text(entry, ns, "AcctSvcrRef") ?? Text(entry, ns, "NtryRef");
        var transactions = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();

        // A batch (several transactions in one entry, each with its own amount) is one credit per transaction; a single
        // transaction is the entry itself, with the details' remittance and debtor.
        if (transactions.Count > 1 && transactions.All(t => TransactionAmount(t, ns) is not null))
        {
            for (var i = 0; i < transactions.Count; i++)
            {
                var tx = transactions[i];
                var (txValue, txCurrency) = TransactionAmount(tx, ns)!.Value;
                var reference = Text(tx, ns, "Refs", "AcctSvcrRef") ?? (entryReference is null ? null : $"{entryReference}/{i + 1}");
                yield return Credit(iban, reference, txValue, txCurrency, booked, Debtor(tx, ns), Remittance([tx], ns));
            }

            yield break;
        }

        var single = transactions.Count == 1 ? Text(transactions[0], ns, "Refs", "AcctSvcrRef") : null;
        yield return Credit(iban, entryReference ?? single, value, currency, booked, transactions.Select(t => Debtor(t, ns)).FirstOrDefault(d => d is not null), Remittance(transactions, ns));
    }

    private static StatementCredit Credit(string iban, string? bankReference, decimal value, string currency, DateOnly? booked, string? debtor, string remittance)
    {
        // The bank's own reference identifies an entry across files; without one, the entry's content does.
        var key = bankReference is not null
            ? $"{iban}|{bankReference}"
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                string.Join('\u001f', iban, value.ToString(CultureInfo.InvariantCulture), currency, booked?.ToString("O", CultureInfo.InvariantCulture), debtor, remittance))));
        return new StatementCredit(key, value, currency, booked, bankReference, debtor, remittance);
    }

    private static (decimal Value, string Currency)? TransactionAmount(XElement tx, XNamespace ns) =>
        AmountOf(tx.Element(ns + "Amt")) ?? AmountOf(tx.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt"));

    private static (decimal, string)? AmountOf(XElement? amount) =>
        amount is not null && decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && amount.Attribute("Ccy")?.Value is { Length: 3 } currency
            ? (value, currency.ToUpperInvariant())
            : null;

    private static DateOnly? DateOf(XElement? date)
    {
        var text = date?.Elements().FirstOrDefault()?.Value.Trim();
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string? Debtor(XElement tx, XNamespace ns)
    {
        var debtor = tx.Element(ns + "RltdPties")?.Element(ns + "Dbtr");
        // Up to version 07 the name is Dbtr/Nm; version 08 wraps the party: Dbtr/Pty/Nm.
        return (debtor?.Element(ns + "Nm") ?? debtor?.Element(ns + "Pty")?.Element(ns + "Nm"))?.Value.Trim() is { Length: > 0 } name ? name : null;
    }

    private static string Remittance(IEnumerable<XElement> transactions, XNamespace ns)
    {
        var parts = new List<string>();
        foreach (var info in transactions.Select(t => t.Element(ns + "RmtInf")).OfType<XElement>())
        {
            parts.AddRange(info.Elements(ns + "Ustrd").Select(u => u.Value.Trim()));
            parts.AddRange(info.Elements(ns + "Strd").Select(s => s.Element(ns + "CdtrRefInf")?.Element(ns + "Ref")?.Value.Trim()).OfType<string>());
        }

        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static string? Text(XElement element, XNamespace ns, params string[] path)
    {
        XElement? current = element;
        foreach (var name in path)
        {
            current = current?.Element(ns + name);
        }

        return current?.Value.Trim() is { Length: > 0 } value ? value : null;
    }
}
