using MakerShop.Core;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Notifications;

/// <summary>
/// Tells the customer when their parcel ships, goes out for delivery, arrives or runs into trouble, and alerts the
/// owner about the trouble. A failure to send is logged, never allowed to undo the shipment's stored progress.
/// </summary>
public sealed class ShipmentNotifier(IEmailSender sender, IOptions<NotificationOptions> options, ILogger<ShipmentNotifier> logger)
{
    public async Task ShipmentChangedAsync(Order order, Shipment shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipment);
        var tracking = shipment.Label is { } label
            ? $"Carrier: {label.Carrier}\nTracking number: {label.TrackingNumber}\n{(label.PublicTrackingUrl is { } url ? "Follow it: " + url + "\n" : string.Empty)}"
            : string.Empty;
        var customer = shipment.Status switch
        {
            ShipmentStatus.LabelCreated => ("Your order has shipped", $"Your order {order.Id} is packed and on its way.\n\n{tracking}"),
            ShipmentStatus.OutForDelivery => ("Your parcel is out for delivery", $"Your order {order.Id} should reach you today.\n\n{tracking}"),
            ShipmentStatus.Delivered => ("Your parcel was delivered", $"Your order {order.Id} was delivered. Enjoy your prints!\n\n{tracking}"),
            ShipmentStatus.Exception or ShipmentStatus.Returned => ("There is a problem with your delivery",
                $"The carrier reports a problem with order {order.Id}: {shipment.RawStatus} {shipment.RawStatusDetail}. We are looking into it and will contact you.\n\n{tracking}"),
            _ => ((string, string)?)null,
        };
        if (customer is { } mail)
        {
            await TrySendAsync(new EmailMessage(order.CustomerEmail, order.CustomerName, $"{mail.Item1} ({order.Id})", mail.Item2), order.Id, cancellationToken);
        }

        if (shipment.Status is ShipmentStatus.Exception or ShipmentStatus.Returned)
        {
            logger.LogWarning("Shipment {ShipmentId} of order {OrderId} needs attention: {ShipmentStatus} ({RawStatus} {RawStatusDetail})",
                shipment.Id, order.Id, shipment.Status, shipment.RawStatus, shipment.RawStatusDetail);
            await TrySendAsync(new EmailMessage(options.Value.OwnerEmail, "Shop owner", $"Shipment {shipment.Id} needs attention: {shipment.Status}",
                $"Order {order.Id} to {order.ShippingAddress.CountryCode}: the tracker reports {shipment.RawStatus} {shipment.RawStatusDetail} (customs hold, failed attempt or return).\n\n{tracking}"),
                order.Id, cancellationToken);
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
