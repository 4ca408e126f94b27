using System.Globalization;
using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Money seen arriving by transfer, and the statement files it came from.</summary>
public sealed class BankReceiptStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, source AS Source, entry_key AS EntryKey, import_id AS ImportId, payment_id AS PaymentId, reference AS Reference,
               amount AS Amount, currency AS Currency, booked_on AS BookedOn, bank_reference AS BankReference, debtor_name AS DebtorName,
               remittance AS Remittance, match AS Match, status AS Status, recorded_at AS RecordedAt, resolved_at AS ResolvedAt,
               resolved_note AS ResolvedNote
        FROM bank_receipts
        """;

    /// <summary>Stores a receipt; false (and nothing stored) when its statement entry was stored before.</summary>
    public static async Task<bool> TryInsertAsync(DbSession session, BankReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(receipt);
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bank_receipts (id, source, entry_key, import_id, payment_id, reference, amount, currency, booked_on, bank_reference,
                debtor_name, remittance, match, status, recorded_at, resolved_at, resolved_note)
            VALUES (@Id, @Source, @EntryKey, @ImportId, @PaymentId, @Reference, @Amount, @Currency, @BookedOn, @BankReference,
                @DebtorName, @Remittance, @Match, @Status, @RecordedAt, @ResolvedAt, @ResolvedNote)
            ON CONFLICT (entry_key) DO NOTHING
            """,
            Parameters(receipt),
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> TryInsertAsync(BankReceipt receipt, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var inserted = await TryInsertAsync(session, receipt, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>Changes a receipt only while it is still open; false when another request resolved it first.</summary>
    public async Task<bool> UpdateOpenAsync(BankReceipt changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE bank_receipts SET status = @Status, match = @Match, resolved_at = @ResolvedAt, resolved_note = @ResolvedNote
            WHERE id = @Id AND status = 'Open'
            """,
            Parameters(changed),
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<BankReceipt?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await QueryAsync(Select + " WHERE id = @Value", id, cancellationToken) is [var found, ..] ? found : null;

    public async Task<IReadOnlyList<BankReceipt>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(Select + " WHERE status = 'Open' ORDER BY recorded_at, id", null, cancellationToken);

    public async Task<IReadOnlyList<BankReceipt>> ListForImportAsync(string importId, CancellationToken cancellationToken = default) =>
        await QueryAsync(Select + " WHERE import_id = @Value ORDER BY recorded_at, id", importId, cancellationToken);

    public async Task<IReadOnlyList<BankReceipt>> ListForPaymentAsync(string paymentId, CancellationToken cancellationToken = default) =>
        await QueryAsync(Select + " WHERE payment_id = @Value ORDER BY recorded_at, id", paymentId, cancellationToken);

    /// <summary>The receipts whose statement entries are already stored, by entry key.</summary>
    public async Task<IReadOnlyDictionary<string, BankReceipt>> FindByEntryKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + " WHERE entry_key IN @Keys", new { Keys = keys }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReceipt()).ToDictionary(r => r.EntryKey!, StringComparer.Ordinal);
    }

    /// <summary>Transfers still expected for orders that wait for their money, oldest first.</summary>
    public async Task<IReadOnlyList<PendingTransfer>> ListPendingTransfersAsync(string provider, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(
            """
            SELECT p.id AS PaymentId, p.order_id AS OrderId, p.reference AS Reference, p.amount_minor AS AmountMinor, p.currency AS Currency,
                   o.customer_name AS CustomerName, o.placed_at AS PlacedAt, o.number AS OrderNumber
            FROM payments p JOIN orders o ON o.id = p.order_id
            WHERE p.provider = @Provider AND p.status = 'Pending' AND o.status = 'Placed'
            ORDER BY o.placed_at, p.id
            """,
            new { Provider = provider },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PendingTransfer(r.PaymentId, r.OrderId, r.Reference, Money.FromMinor(r.AmountMinor, Core.Currency.FromCode(r.Currency)), r.CustomerName, DbTime.Read(r.PlacedAt)) { OrderNumber = r.OrderNumber })];
    }

    public static Task InsertImportAsync(DbSession session, StatementImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(import);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO statement_imports (id, file_name, kind, account_iban, credit_count, new_count, imported_at)
            VALUES (@Id, @FileName, @Kind, @AccountIban, @CreditCount, @NewCount, @At)
            """,
            new { import.Id, import.FileName, import.Kind, import.AccountIban, import.CreditCount, import.NewCount, At = DbTime.Write(import.ImportedAt) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<StatementImport?> GetImportAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            """
            SELECT id AS Id, file_name AS FileName, kind AS Kind, account_iban AS AccountIban, credit_count AS CreditCount,
                   new_count AS NewCount, imported_at AS ImportedAt
            FROM statement_imports WHERE id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return row is null ? null : new StatementImport(row.Id, row.FileName, row.Kind, row.AccountIban, (int)row.CreditCount, (int)row.NewCount, DbTime.Read(row.ImportedAt));
    }

    private async Task<IReadOnlyList<BankReceipt>> QueryAsync(string sql, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToReceipt())];
    }

    private static object Parameters(BankReceipt receipt) => new
    {
        receipt.Id,
        receipt.Source,
        receipt.EntryKey,
        receipt.ImportId,
        receipt.PaymentId,
        receipt.Reference,
        Amount = receipt.Value.ToString(CultureInfo.InvariantCulture),
        Currency = receipt.CurrencyCode,
        BookedOn = receipt.BookedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        receipt.BankReference,
        receipt.DebtorName,
        receipt.Remittance,
        Match = receipt.Match.ToString(),
        Status = receipt.Status.ToString(),
        RecordedAt = DbTime.Write(receipt.RecordedAt),
        ResolvedAt = DbTime.Write(receipt.ResolvedAt),
        receipt.ResolvedNote,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string Source { get; init; } = "";

        public string? EntryKey { get; init; }

        public string? ImportId { get; init; }

        public string? PaymentId { get; init; }

        public string? Reference { get; init; }

        public string Amount { get; init; } = "0";

        public string Currency { get; init; } = "";

        public string? BookedOn { get; init; }

        public string? BankReference { get; init; }

        public string? DebtorName { get; init; }

        public string? Remittance { get; init; }

        public string Match { get; init; } = "";

        public string Status { get; init; } = "";

        public string RecordedAt { get; init; } = "";

        public string? ResolvedAt { get; init; }

        public string? ResolvedNote { get; init; }

        public BankReceipt ToReceipt() => new(
            Id, Source, EntryKey, ImportId, PaymentId, Reference, decimal.Parse(Amount, CultureInfo.InvariantCulture), Currency,
            BookedOn is null ? null : DateOnly.ParseExact(BookedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), BankReference, DebtorName,
            Remittance, Enum.Parse<CreditMatchKind>(Match), Enum.Parse<ReceiptStatus>(Status), DbTime.Read(RecordedAt),
            DbTime.ReadOptional(ResolvedAt), ResolvedNote);
    }

    private sealed class ImportRow
    {
        public string Id { get; init; } = "";

        public string FileName { get; init; } = "";

        public string Kind { get; init; } = "";

        public string? AccountIban { get; init; }

        public long CreditCount { get; init; }

        public long NewCount { get; init; }

        public string ImportedAt { get; init; } = "";
    }

    private sealed class PendingRow
    {
        public long? OrderNumber { get; init; }

        public string PaymentId { get; init; } = "";

        public string OrderId { get; init; } = "";

        public string Reference { get; init; } = "";

        public long AmountMinor { get; init; }

        public string Currency { get; init; } = "";

        public string CustomerName { get; init; } = "";

        public string PlacedAt { get; init; } = "";
    }
}
