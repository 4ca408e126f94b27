using System.Globalization;
using System.Text;
using MakerShop.Core;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Notifications;

/// <summary>
/// Tells the customer their transfer arrived and printing starts. The order does not store the language it was placed
/// in, so French goes to French-speaking destinations and English to the rest. A mail that cannot go out is logged; the
/// payment stands.
/// </summary>
public sealed class PaymentReceivedMail(
    IEmailSender sender, IStringLocalizer<SharedResource> text, Production.OrderNumbers numbers, ILogger<PaymentReceivedMail> logger)
{
    private static readonly string[] FrenchCountries = ["FR", "MC", "BE", "LU"];

    public async Task SendAsync(Order order, Money received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var culture = new CultureInfo(FrenchCountries.Contains(order.ShippingAddress.CountryCode, StringComparer.Ordinal) ? "fr" : "en");
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        EmailMessage message;
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
            var body = new StringBuilder();
            body.AppendLine(text["Mail.Hello", order.CustomerName]).AppendLine();
            body.AppendLine(text["Mail.PaymentReceived", PriceFormatter.Format(received, culture), numbers.Format(order)]).AppendLine();
            body.AppendLine(text["Mail.PaymentReceivedNext"]);
            message = new EmailMessage(order.CustomerEmail, order.CustomerName, text["Mail.PaymentReceivedSubject", numbers.Format(order)], body.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException or TimeoutException
            or MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException)
        {
            logger.LogError(ex, "Could not send the payment confirmation of order {OrderId}", order.Id);
        }
    }
}
