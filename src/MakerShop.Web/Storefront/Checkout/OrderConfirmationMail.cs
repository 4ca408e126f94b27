using System.Globalization;
using System.Text;
using MakerShop.Core;
using MakerShop.Web.Notifications;
using MakerShop.Web.Payments;
using MakerShop.Web.Storefront.Currencies;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// The e-mail a customer gets when their order is placed, in the language they checked out in: what they bought, the
/// landed total, how to pay, and the private link to follow the order. A mail that cannot be sent is logged; the order
/// stands and its confirmation page shows the same facts.
/// </summary>
public sealed class OrderConfirmationMail(
    IEmailSender sender,
    IStringLocalizer<SharedResource> text,
    BankAccountDirectory bank,
    Production.OrderNumbers numbers,
    Shipping.CarrierWords carriers,
    ILogger<OrderConfirmationMail> logger)
{
    /// <summary>Sends the confirmation; false when it could not go out (logged), so the caller can try again later.</summary>
    public async Task<bool> SendAsync(Order order, Payment payment, Uri orderPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        var culture = CultureInfo.CurrentCulture;
        var number = numbers.Format(order);
        var body = new StringBuilder();
        body.AppendLine(text["Mail.Hello", order.CustomerName]).AppendLine();
        body.AppendLine(text["Mail.Received", number]).AppendLine();
        foreach (var line in order.Lines)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"  {line.Quantity} × {line.ProductName} ({line.Material} {text.Colour(line.Colour)}) — {PriceFormatter.Format(line.LineTotal, culture)}");
        }

        body.AppendLine();
        if (order.Charges is { } charges)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{text["Checkout.Goods"]}: {PriceFormatter.Format(charges.Goods, culture)}");
            body.AppendLine(CultureInfo.InvariantCulture, $"{text["Checkout.Shipping"]} · {carriers.Service(charges.ShippingService)}: {PriceFormatter.Format(charges.Shipping, culture)}");
            var taxLabel = charges.TaxRate > 0
                ? text["Checkout.TaxRate", (charges.TaxRate * 100).ToString("0.##", culture) + " %", CheckoutCountries.DisplayName(text, charges.TaxCountry)].Value
                : text["Checkout.Tax"].Value;
            body.AppendLine(CultureInfo.InvariantCulture, $"{taxLabel}: {PriceFormatter.Format(charges.Tax, culture)}");
            if (!charges.Duties.IsZero)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"{text["Checkout.Duties"]}: {PriceFormatter.Format(charges.Duties, culture)}");
            }

            body.AppendLine(CultureInfo.InvariantCulture, $"{text["Checkout.Total"]}: {PriceFormatter.Format(order.Total, culture)}");
            body.AppendLine(text["Checkout.Incoterm." + (charges.Incoterm ?? "None")]);
        }
        else
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{text["Checkout.Total"]}: {PriceFormatter.Format(order.Total, culture)}");
        }

        body.AppendLine();
        var attachments = new List<EmailAttachment>();
        if (payment.Provider == BankTransferProvider.ProviderName)
        {
            var transfer = await bank.DetailsForAsync(payment, cancellationToken);
            var amount = PriceFormatter.Format(transfer.Amount, culture);
            if (transfer.Account is not { } account)
            {
                body.AppendLine(text["Transfer.DetailsFollow", amount]);
                body.AppendLine(CultureInfo.InvariantCulture, $"  {text["Payment.Reference"]}: {transfer.Reference}");
            }
            else
            {
                body.AppendLine(text["Transfer.PayBy", amount, transfer.PayBy.UtcDateTime.ToString("D", culture)]);
                body.AppendLine(CultureInfo.InvariantCulture, $"  {text["Transfer.Amount"]}: {amount}");
                body.AppendLine(CultureInfo.InvariantCulture, $"  {text["Payment.Reference"]}: {transfer.Reference}");
                body.AppendLine(CultureInfo.InvariantCulture, $"  {text["Payment.AccountHolder"]}: {account.Holder}");
                body.AppendLine(CultureInfo.InvariantCulture, $"  IBAN: {account.Iban.Grouped}");
                if (account.Bic is { } bic)
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"  BIC: {bic}");
                }

                if (account.BankName is { } bankName)
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"  {text["Payment.Bank"]}: {bankName}");
                }

                body.AppendLine(text["Transfer.ReferenceNote"]);
                if (transfer.EpcPayload is { } epc)
                {
                    attachments.Add(new EmailAttachment("payment-qr.png", "image/png", PaymentQrCode.Png(epc)));
                    body.AppendLine(text["Transfer.ScanAttached"]);
                }
            }

            body.AppendLine();
        }

        body.AppendLine(text["Mail.Follow"]);
        body.AppendLine(orderPage.ToString()).AppendLine();
        body.AppendLine(text["Mail.KeepLink"]);

        var message = new EmailMessage(order.CustomerEmail, order.CustomerName, text["Mail.Subject", number], body.ToString()) { Attachments = attachments };
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            // A wrong SMTP setting or an unreachable server is the shop's problem, never a failed checkout: the order is stored.
            logger.LogError(ex, "Could not send the confirmation of order {OrderId}", order.Id);
            return false;
        }
    }

    private static bool IsDeliveryFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException
        or MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException
        or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException;
}
