using MakerShop.Printers.Mqtt;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>Re-publishes commands the bridge has not acknowledged: brokers drop messages under load, the outbox does not.</summary>
public sealed class CommandResender(
    PrinterCommandStore commands,
    IPrinterCommandPublisher publisher,
    IOptions<DispatchOptions> options,
    TimeProvider timeProvider,
    ILogger<CommandResender> logger)
{
    public async Task<int> ResendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var due = await commands.ListDueAsync(now - TimeSpan.FromSeconds(options.Value.CommandResendSeconds), 200, cancellationToken);
        var sent = 0;
        foreach (var command in due)
        {
            if (!await publisher.PublishAsync(command.PrinterId, command.Payload, cancellationToken))
            {
                // One failed publish says nothing about the next printer's; the next pass retries this one.
                continue;
            }

            await commands.MarkSentAsync(command.Id, now, cancellationToken);
            sent++;
            if (command.SendCount > 0)
            {
                logger.LogInformation("Re-sent {CommandKind} command {CommandId} to printer {PrinterId} (attempt {Attempt})", command.Kind, command.Id, command.PrinterId, command.SendCount + 1);
            }
        }

        return sent;
    }
}
