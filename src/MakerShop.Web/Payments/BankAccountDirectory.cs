using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Payments;

/// <summary>
/// The shop's bank accounts as customers see them. The configuration's account (MakerShop:Payments:BankTransfer) is
/// stored once as the first-run default; after that the admin settings are the only source, so an account the owner
/// removed does not come back at the next start.
/// </summary>
public sealed class BankAccountDirectory(
    BankAccountStore accounts,
    ShopSettingsStore settings,
    IOptions<BankTransferOptions> options,
    TimeProvider time,
    ILogger<BankAccountDirectory> logger)
{
    private const string SeededKey = "bankAccounts.seeded";

    public async Task<IReadOnlyList<BankAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await accounts.ListAsync(cancellationToken);
        if (list.Count > 0 || !await SeedFromConfigurationAsync(cancellationToken))
        {
            return list;
        }

        return await accounts.ListAsync(cancellationToken);
    }

    public async Task<BankAccount?> FindAsync(Currency currency, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(a => a.Currency == currency);

    /// <summary>How to pay this bank-transfer payment, with the QR payload when the account is a euro one.</summary>
    public async Task<BankTransferDetails> DetailsForAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var account = await FindAsync(payment.Amount.Currency, cancellationToken);
        string? epc = null;
        if (account is not null && payment.Amount.Currency == Currency.Eur && payment.Amount.MinorUnits <= EpcQrPayload.MaxMinorUnits)
        {
            epc = EpcQrPayload.Build(account.Holder, account.Iban, account.Bic, payment.Amount, payment.Reference);
        }

        return new BankTransferDetails(account, payment.Amount, payment.Reference, payment.CreatedAt.AddDays(options.Value.PayWithinDays), epc);
    }

    private async Task<bool> SeedFromConfigurationAsync(CancellationToken cancellationToken)
    {
        var saved = await settings.ReadAllAsync(cancellationToken);
        if (saved.ContainsKey(SeededKey))
        {
            return false;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(o.Iban))
        {
            await settings.SaveAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [SeededKey] = "none" }, now, cancellationToken);
            return false;
        }

        var account = BankAccount.Create(o.Currency, o.AccountHolder, o.Iban, o.Bic, o.BankName, out var problems);
        if (account is null)
        {
            logger.LogWarning("The configured bank account ({Section}) was not stored: {Problems}", BankTransferOptions.SectionName, string.Join(" ", problems.Values));
            await settings.SaveAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [SeededKey] = "invalid" }, now, cancellationToken);
            return false;
        }

        await accounts.SaveAsync(account, now, cancellationToken);
        await settings.SaveAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [SeededKey] = account.Currency.Code }, now, cancellationToken);
        logger.LogInformation("Stored the configured bank account for {Currency} as the first-run default", account.Currency.Code);
        return true;
    }
}
