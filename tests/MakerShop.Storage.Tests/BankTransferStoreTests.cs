using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>Bank accounts per currency and statement receipts, on a real SQLite file.</summary>
public sealed class BankTransferStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task One_account_per_currency_is_saved_replaced_and_removed()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var store = new BankAccountStore(_db.Connections);
        var eur = BankAccount.Create("EUR", "Atelier Dupont", "FR14 2004 1010 0505 0001 3M02 606", "PSSTFRPPPAR", "La Banque Postale", out _)!;
        var chf = BankAccount.Create("CHF", "Atelier Dupont", "CH93 0076 2011 6238 5295 7", null, null, out _)!;
        await store.SaveAsync(eur, Now);
        await store.SaveAsync(chf, Now);
        await store.SaveAsync(eur with { Holder = "Atelier Dupont SARL" }, Now.AddMinutes(1));

        Assert.Equal([chf, eur with { Holder = "Atelier Dupont SARL" }], await store.ListAsync());
        Assert.True(await store.RemoveAsync(Currency.Chf));
        Assert.False(await store.RemoveAsync(Currency.Chf));
        Assert.Null(await store.FindAsync(Currency.Chf));
    }

    [Fact]
    public async Task A_statement_entry_is_stored_once_by_its_key_and_resolved_once()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var store = new BankReceiptStore(_db.Connections);
        var credit = new StatementCredit("DE89370400440532013000|2026120600001", 42.50m, "EUR", new DateOnly(2026, 12, 6), "2026120600001", "Jean Dupont", "Commande MS-K7PQ-2XRT7");
        var match = new CreditMatch(CreditMatchKind.UnknownReference, null, "MS-K7PQ-2XRT7", null);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await BankReceiptStore.InsertImportAsync(session, new StatementImport("imp-1", "a.xml", "camt.053.001.02", "DE89370400440532013000", 1, 1, Now));
            await BankReceiptStore.InsertImportAsync(session, new StatementImport("imp-2", "a.xml", "camt.053.001.02", "DE89370400440532013000", 1, 0, Now));
            Assert.True(await BankReceiptStore.TryInsertAsync(session, BankReceipt.ForCredit("r-1", "imp-1", credit, match, Now)));
            Assert.False(await BankReceiptStore.TryInsertAsync(session, BankReceipt.ForCredit("r-2", "imp-2", credit, match, Now.AddHours(1))));
            await session.CommitAsync();
        }

        var stored = Assert.Single(await store.ListOpenAsync());
        Assert.Equal(("r-1", 42.50m, Money.FromMinor(4_250, Currency.Eur), new DateOnly(2026, 12, 6), "Jean Dupont"), (stored.Id, stored.Value, stored.Amount!.Value, stored.BookedOn!.Value, stored.DebtorName!));
        Assert.Single(await store.FindByEntryKeysAsync([credit.Key]));
        Assert.Empty(await store.ListForImportAsync("imp-2"));

        var dismissed = stored.Resolve(ReceiptStatus.Dismissed, "not ours", Now.AddHours(2));
        Assert.True(await store.UpdateOpenAsync(dismissed));
        Assert.False(await store.UpdateOpenAsync(dismissed));
        Assert.Empty(await store.ListOpenAsync());
        Assert.Equal(ReceiptStatus.Dismissed, (await store.GetAsync("r-1"))!.Status);
        Assert.Throws<InvalidTransitionException>(() => dismissed.Resolve(ReceiptStatus.Accepted, "again", Now));
    }
}
