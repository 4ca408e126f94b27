using System.Globalization;
using System.Text;
using MakerShop.Core;
using MakerShop.Web.Production;
using MakerShop.Web.Shipping;
using MakerShop.Web.Storefront.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Notifications;

/// <summary>
/// Tells the customer when their parcel ships, goes out for delivery, arrives or runs into trouble, and alerts the
/// owner about the trouble. The order does not store its language, so French goes to French-speaking destinations
/// (as <see cref="PaymentReceivedMail"/> does). A failure to send is logged, never allowed to undo the shipment's
/// stored progress.
/// </summary>
public sealed class ShipmentNotifier(
    IEmailSender sender,
    IOptions<NotificationOptions> options,
    IStringLocalizer<SharedResource> text,
    OrderNumbers numbers,
    CarrierWords carriers,
    StatusWords words,
    ILogger<ShipmentNotifier> logger)
{
    private static readonly string[] FrenchCountries = ["FR", "MC", "BE", "LU"];

    public async Task ShipmentChangedAsync(Order order, Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipment);
        var number = numbers.Format(order);
        var customerCulture = new CultureInfo(FrenchCountries.Contains(order.ShippingAddress.CountryCode, StringComparer.Ordinal) ? "fr" : "en");
        var customer = InCulture(customerCulture, () => CustomerMail(order, shipment, number));
        if (customer is { } mail)
        {
            await TrySendAsync(mail, order.Id, cancellationToken);
        }

        if (shipment.Status is ShipmentStatus.Exception or ShipmentStatus.Returned)
        {
            logger.LogWarning("Shipment {ShipmentId} of order {OrderId} needs attention: {ShipmentStatus} ({RawStatus} {RawStatusDetail})",
                shipment.Id, order.Id, shipment.Status, shipment.RawStatus, shipment.RawStatusDetail);
            var owner = InCulture(CultureInfo.CurrentUICulture, () => new EmailMessage(
                options.Value.OwnerEmail, text["ShipMail.OwnerName"],
                text["ShipMail.OwnerSubject", number, words.Shipment(shipment.Status)],
                text["ShipMail.OwnerBody", number, CountryName(order.ShippingAddress.CountryCode), $"{shipment.RawStatus} {shipment.RawStatusDetail}".Trim()] + "\n\n" + Tracking(shipment)));
            await TrySendAsync(owner, order.Id, cancellationToken);
        }
    }

    private EmailMessage? CustomerMail(Order order, Shipment shipment, string number)
    {
        var (subject, body) = shipment.Status switch
        {
            ShipmentStatus.LabelCreated => ("ShipMail.Shipped.Subject", "ShipMail.Shipped.Body"),
            ShipmentStatus.OutForDelivery => ("ShipMail.OutForDelivery.Subject", "ShipMail.OutForDelivery.Body"),
            ShipmentStatus.Delivered => ("ShipMail.Delivered.Subject", "ShipMail.Delivered.Body"),
            ShipmentStatus.Exception or ShipmentStatus.Returned => ("ShipMail.Problem.Subject", "ShipMail.Problem.Body"),
            _ => (null, null),
        };
        if (subject is null || body is null)
        {
            return null;
        }

        var problem = $"{shipment.RawStatus} {shipment.RawStatusDetail}".Trim();
        var mailBody = new StringBuilder()
            .AppendLine(text["Mail.Hello", order.CustomerName]).AppendLine()
            .AppendLine(text[body, number, problem]).AppendLine()
            .Append(Tracking(shipment));
        return new EmailMessage(order.CustomerEmail, order.CustomerName, $"{text[subject]} ({number})", mailBody.ToString());
    }

    private string Tracking(Shipment shipment)
    {
        if (shipment.Label is not { } label)
        {
            return string.Empty;
        }

        var lines = new StringBuilder()
            .AppendLine(text["ShipMail.Carrier", carriers.Carrier(label.Carrier)])
            .AppendLine(text["ShipMail.TrackingNumber", label.TrackingNumber]);
        if (label.PublicTrackingUrl is { } url)
        {
            lines.AppendLine(text["ShipMail.Follow", url]);
        }

        return lines.ToString();
    }

    private string CountryName(string code) => text["Country." + code] is { ResourceNotFound: false } name ? name.Value : code;

    private static T InCulture<T>(CultureInfo culture, Func<T> build)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private async Task TrySendAsync(EmailMessage message, string orderId, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
        {
            logger.LogError(ex, "Could not send {Subject} for order {OrderId}", message.Subject, orderId);
        }
    }
}
