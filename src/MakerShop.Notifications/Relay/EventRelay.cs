using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Notifications.Relay;

/// <summary>
/// Turns what the shop recorded into events, webhook deliveries and people's grouped messages. It reads the order and
/// job timeline after its cursor (entries are written in the transaction of the change, so every change is seen once
/// and only once it is committed) and compares printers with the state it last saw (offline). The
/// cursor, the watch, the events, the deliveries and the batches commit together.
/// </summary>
public sealed class EventRelay(
    SqliteConnectionFactory connections, OrderNumberFormat numbers, IOptions<ChatOptions> chat, TimeProvider time, ILogger<EventRelay> logger)
{
    private const int BatchSize = 200;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var grouping = new NotificationGrouping(TimeSpan.FromSeconds(chat.Value.GroupingWindowSeconds));
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        IReadOnlyList<(UserAccount Person, NotificationPreferences Preferences)>? recipients = null;
        var raised = new List<ShopEventRecord>();

        var cursor = await ShopEventStore.CursorAsync(session, ShopEventStore.TimelineCursor, cancellationToken);
        var rows = await ShopEventStore.ReadTimelineAsync(session, cursor, BatchSize, cancellationToken);
        foreach (var row in rows)
        {
            if (ShopEventRules.FromTimeline(row.Kind, row.JobId is not null) is { } type)
            {
                raised.Add(FromTimeline(row, type));
            }

            if (row.JobId is not null && row.PrinterId is not null && ShopEventRules.LeavesBedToClear(row.Kind, row.AutoEject))
            {
                raised.Add(FromTimeline(row, ShopEventType.BedNeedsClearing) with { EventId = $"evt_b{row.Id}" });
            }
        }

        if (rows.Count > 0)
        {
            await ShopEventStore.MoveCursorAsync(session, ShopEventStore.TimelineCursor, rows[^1].Id, cancellationToken);
        }

        foreach (var printer in await ShopEventStore.ReadPrinterChangesAsync(session, cancellationToken))
        {
            if (printer.WasStatus is not null)
            {
                if (printer.Status == nameof(PrinterStatus.Offline) && printer.WasStatus != nameof(PrinterStatus.Offline))
                {
                    raised.Add(FromPrinter(printer, ShopEventType.PrinterOffline, now));
                }
            }

            await ShopEventStore.WatchAsync(session, printer.Id, printer.Status, printer.BedClear, cancellationToken);
        }

        foreach (var record in raised)
        {
            if (!await ShopEventStore.AddAsync(session, record, cancellationToken))
            {
                continue;
            }

            if (ShopEventRules.TopicOf(record.Type, record.DuringPrint) is { } topic)
            {
                recipients ??= await NotificationPreferenceStore.ListRecipientsAsync(session, cancellationToken);
                await AddNotificationsAsync(session, record, topic, recipients, grouping, now, cancellationToken);
            }
        }

        await session.CommitAsync(cancellationToken);
        if (raised.Count > 0)
        {
            logger.LogDebug("Relayed {EventCount} shop event(s)", raised.Count);
        }

        return raised.Count;
    }

    private ShopEventRecord FromTimeline(TimelineSourceRow row, ShopEventType type)
    {
        var number = numbers(row.OrderNumber, row.OrderId);
        var printerEvent = type is ShopEventType.JobFailed or ShopEventType.BedNeedsClearing;
        var label = printerEvent ? row.PrinterName ?? row.PrinterId ?? number : number;
        var detail = printerEvent && row.Detail is { } reason ? $"{number}: {reason}" : printerEvent ? number : row.Detail;
        return new ShopEventRecord(
            $"evt_t{row.Id}", type, row.OrderId, row.PrinterId, row.JobId, printerEvent ? row.MakerId : null, label, detail, DuringPrint: printerEvent,
            EventData.ForTimeline(row, number), DateTimeOffset.Parse(row.At, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ShopEventRecord FromPrinter(PrinterChangeRow printer, ShopEventType type, DateTimeOffset now) =>
        new($"evt_{Guid.NewGuid():N}", type, null, printer.Id, printer.CurrentJobId, printer.MakerId, printer.Name, printer.StatusReason,
            DuringPrint: printer.CurrentJobId is not null, EventData.ForPrinter(printer), now);

    private static async Task AddNotificationsAsync(
        DbSession session, ShopEventRecord record, NotificationTopic topic, IReadOnlyList<(UserAccount Person, NotificationPreferences Preferences)> recipients,
        NotificationGrouping grouping, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subjectKey = record.PrinterId ?? record.OrderId ?? record.EventId;
        foreach (var (person, preferences) in recipients)
        {
            if (!NotificationAudience.Concerns(person, topic, record.MakerId))
            {
                continue;
            }

            foreach (var channel in Enum.GetValues<NotificationChannel>())
            {
                if (preferences.Wants(topic, channel))
                {
                    var item = new NotificationItem(person.Id, channel, topic, subjectKey, record.SubjectLabel, record.Detail, now);
                    await NotificationBatchStore.AddAsync(session, item, grouping, now, cancellationToken);
                }
            }
        }
    }
}
