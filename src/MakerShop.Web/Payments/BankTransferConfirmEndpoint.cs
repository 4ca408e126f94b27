using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Payments;

/// <summary>The owner confirms a bank transfer seen on the statement, by its reference and the amount received.</summary>
public static class BankTransferConfirmEndpoint
{
    public sealed record ConfirmTransferRequest(decimal? Amount, string? Currency, string? Note);

    public static async Task<IResult> HandleAsync(
        string reference,
        ConfirmTransferRequest? body,
        HttpContext context,
        Accounts.AuditTrail audit,
        PaymentStore payments,
        PaymentConfirmation confirmation,
        OrderStore orders,
        Notifications.PaymentReceivedMail mail,
        CancellationToken cancellationToken)
    {
        if (!BankTransferReference.IsValid(reference))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reference"] = [$"'{reference}' is not a MakerShop transfer reference (check for a typo)."] });
        }

        if (body is not { Amount: { } amount, Currency: { } code } || !Currency.TryFromCode(code.ToUpperInvariant(), out var currency))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["amount"] = ["Give the amount and the ISO 4217 currency received, as on the statement."] });
        }

        var payment = await payments.FindByReferenceAsync(Normalise(reference), cancellationToken);
        if (payment is null || payment.Provider != BankTransferProvider.ProviderName)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such transfer", detail: $"No bank transfer is expected with reference {reference}.");
        }

        try
        {
            var received = Money.FromDecimal(amount, currency, MidpointRounding.AwayFromZero);
            var outcome = await confirmation.ConfirmAsync(payment.Id, received, "owner: " + (body.Note ?? "bank statement"), cancellationToken);
            await audit.RecordAsync(context, "BankTransferConfirmed", payment.Reference, $"{received} for order {payment.OrderId}: {outcome}");
            if (outcome == PaymentConfirmationOutcome.Confirmed && await orders.GetAsync(payment.OrderId, CancellationToken.None) is { } order)
            {
                await mail.SendAsync(order, received, CancellationToken.None);
            }

            return Results.Ok(new { paymentId = payment.Id, orderId = payment.OrderId, outcome = outcome.ToString() });
        }
        catch (DomainException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Transfer not confirmed", detail: ex.Message);
        }
    }

    // References are shown as MS-XXXX-XXXXX; customers retype them in any case, with spaces or without dashes.
    private static string Normalise(string reference)
    {
        var compact = reference.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return $"{compact[..2]}-{compact[2..6]}-{compact[6..]}";
    }

}
