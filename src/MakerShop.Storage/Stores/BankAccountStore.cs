using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The shop's bank accounts, one per currency.</summary>
public sealed class BankAccountStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<BankAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT currency AS Currency, holder AS Holder, iban AS Iban, bic AS Bic, bank_name AS BankName FROM bank_accounts ORDER BY currency",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAccount())];
    }

    public async Task<BankAccount?> FindAsync(Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT currency AS Currency, holder AS Holder, iban AS Iban, bic AS Bic, bank_name AS BankName FROM bank_accounts WHERE currency = @Code",
            new { currency.Code },
            cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    /// <summary>Adds the currency's account or replaces it (one account per currency).</summary>
    public async Task SaveAsync(BankAccount account, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bank_accounts (currency, holder, iban, bic, bank_name, updated_at) VALUES (@Currency, @Holder, @Iban, @Bic, @BankName, @At)
            ON CONFLICT (currency) DO UPDATE SET holder = excluded.holder, iban = excluded.iban, bic = excluded.bic,
                bank_name = excluded.bank_name, updated_at = excluded.updated_at
            """,
            new { Currency = account.Currency.Code, account.Holder, Iban = account.Iban.Value, account.Bic, account.BankName, At = DbTime.Write(at) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Removes the currency's account; false when there was none.</summary>
    public async Task<bool> RemoveAsync(Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bank_accounts WHERE currency = @Code", new { currency.Code }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class Row
    {
        public string Currency { get; init; } = "";

        public string Holder { get; init; } = "";

        public string Iban { get; init; } = "";

        public string? Bic { get; init; }

        public string? BankName { get; init; }

        public BankAccount ToAccount() => new(Core.Currency.FromCode(Currency), Holder, Core.Iban.Parse(Iban), Bic, BankName);
    }
}
