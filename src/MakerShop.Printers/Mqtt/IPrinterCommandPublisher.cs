namespace MakerShop.Printers.Mqtt;

/// <summary>Publishes a stored command to a bridge. False means "not sent now"; the outbox will try again.</summary>
public interface IPrinterCommandPublisher
{
    Task<bool> PublishAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default);
}
