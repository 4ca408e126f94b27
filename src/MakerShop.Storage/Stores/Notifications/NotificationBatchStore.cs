using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Grouped messages. An item joins the open batch of its person, channel, topic and subject while that batch's window
/// runs (the grouping rule is <see cref="NotificationBatch"/>'s); a batch past its window is claimed and sent once.
/// </summary>
public sealed class NotificationBatchStore(SqliteConnectionFactory connections)
{
    public static async Task AddAsync(DbSession session, NotificationItem item, NotificationGrouping grouping, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        var open = await session.Connection.QuerySingleOrDefaultAsync<BatchRow>(new CommandDefinition(
            $"{SelectBatch} WHERE b.state = 'Open' AND b.user_id = @UserId AND b.channel = @Channel AND b.topic = @Topic AND b.subject_key = @SubjectKey",
            new { item.UserId, Channel = item.Channel.ToString(), Topic = item.Topic.ToString(), item.SubjectKey }, session.Transaction, cancellationToken: cancellationToken));
        if (open?.ToBatch() is { } batch && batch.Takes(item, now))
        {
            var grown = batch.Absorb(item);
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notification_batches SET count = @Count, last_detail = @LastDetail, subject_label = @SubjectLabel WHERE id = @Id",
                new { open.Id, grown.Count, grown.LastDetail, grown.SubjectLabel }, session.Transaction, cancellationToken: cancellationToken));
            return;
        }

        if (open is not null)
        {
            // Its window has ended but the sender has not claimed it yet: it is closed to newcomers, who start the next batch.
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notification_batches SET state = 'Retrying' WHERE id = @Id", new { open.Id }, session.Transaction, cancellationToken: cancellationToken));
        }

        var fresh = NotificationBatch.Open(item, grouping);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notification_batches (user_id, channel, topic, subject_key, subject_label, count, last_detail, first_at, due_at, state, attempts, next_attempt_at)
            VALUES (@UserId, @Channel, @Topic, @SubjectKey, @SubjectLabel, 1, @LastDetail, @FirstAt, @DueAt, 'Open', 0, @DueAt)
            """,
            new
            {
                fresh.UserId, Channel = fresh.Channel.ToString(), Topic = fresh.Topic.ToString(), fresh.SubjectKey, fresh.SubjectLabel, fresh.LastDetail,
                FirstAt = DbTime.Write(fresh.FirstAt), DueAt = DbTime.Write(fresh.DueAt),
            },
            session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Batches whose window has ended (or whose retry is due), claimed for one send by moving their next attempt past a lease.</summary>
    public async Task<IReadOnlyList<DueNotification>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BatchRow>(new CommandDefinition(
            $"{SelectBatch} WHERE b.state IN ('Open', 'Retrying') AND b.next_attempt_at <= @Now ORDER BY b.next_attempt_at, b.id LIMIT @Limit",
            new { Now = DbTime.Write(now), Limit = limit }, cancellationToken: cancellationToken));
        var claimed = new List<DueNotification>();
        foreach (var row in rows)
        {
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notification_batches SET state = 'Retrying', next_attempt_at = @Until WHERE id = @Id AND next_attempt_at = @Was AND state IN ('Open', 'Retrying')",
                new { row.Id, Until = DbTime.Write(now + lease), Was = row.NextAttemptAt }, cancellationToken: cancellationToken));
            if (taken == 1)
            {
                claimed.Add(new DueNotification(row.Id, row.ToBatch(), (int)row.Attempts, row.Email, row.DisplayName, new NotificationPreferences(
                    row.UserId, row.Language ?? "en", row.NtfyTopicUrl is null ? null : new Uri(row.NtfyTopicUrl), row.DiscordWebhookUrl is null ? null : new Uri(row.DiscordWebhookUrl),
                    row.TelegramChatId, NotificationPreferences.ParseChoices(row.Choices))));
            }
        }

        return claimed;
    }

    public async Task MarkSentAsync(long id, int attempts, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_batches SET state = 'Sent', attempts = @Attempts, sent_at = @At, last_error = NULL WHERE id = @Id",
            new { Id = id, Attempts = attempts, At = DbTime.Write(at) }, cancellationToken: cancellationToken));
    }

    /// <summary>A failed send: tried again at <paramref name="next"/>, or given up when null.</summary>
    public async Task MarkFailedAsync(long id, int attempts, string error, DateTimeOffset? next, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_batches SET state = @State, attempts = @Attempts, last_error = @Error, next_attempt_at = COALESCE(@Next, next_attempt_at) WHERE id = @Id",
            new { Id = id, Attempts = attempts, Error = error, State = next is null ? "GaveUp" : "Retrying", Next = DbTime.Write(next) }, cancellationToken: cancellationToken));
    }

    private const string SelectBatch =
        """
        SELECT b.id AS Id, b.user_id AS UserId, b.channel AS Channel, b.topic AS Topic, b.subject_key AS SubjectKey, b.subject_label AS SubjectLabel,
               b.count AS Count, b.last_detail AS LastDetail, b.first_at AS FirstAt, b.due_at AS DueAt, b.attempts AS Attempts, b.next_attempt_at AS NextAttemptAt,
               u.email AS Email, u.display_name AS DisplayName, n.language AS Language, n.ntfy_topic_url AS NtfyTopicUrl,
               n.discord_webhook_url AS DiscordWebhookUrl, n.telegram_chat_id AS TelegramChatId, COALESCE(n.choices, '') AS Choices
        FROM notification_batches b JOIN users u ON u.id = b.user_id LEFT JOIN notification_preferences n ON n.user_id = b.user_id
        """;

    private sealed class BatchRow
    {
        public long Id { get; init; }

        public string UserId { get; init; } = "";

        public string Channel { get; init; } = "";

        public string Topic { get; init; } = "";

        public string SubjectKey { get; init; } = "";

        public string SubjectLabel { get; init; } = "";

        public long Count { get; init; }

        public string? LastDetail { get; init; }

        public string FirstAt { get; init; } = "";

        public string DueAt { get; init; } = "";

        public long Attempts { get; init; }

        public string NextAttemptAt { get; init; } = "";

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string? Language { get; init; }

        public string? NtfyTopicUrl { get; init; }

        public string? DiscordWebhookUrl { get; init; }

        public string? TelegramChatId { get; init; }

        public string Choices { get; init; } = "";

        public NotificationBatch ToBatch() => new(UserId, Enum.Parse<NotificationChannel>(Channel), Enum.Parse<NotificationTopic>(Topic), SubjectKey, SubjectLabel,
            (int)Count, LastDetail, DbTime.Read(FirstAt), DbTime.Read(DueAt));
    }
}
