using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Each person's notification choices; a person who never saved any gets none.</summary>
public sealed class NotificationPreferenceStore(SqliteConnectionFactory connections)
{
    public async Task<NotificationPreferences> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE user_id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
        return row?.ToPreferences() ?? NotificationPreferences.None(userId);
    }

    public async Task SaveAsync(NotificationPreferences preferences, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notification_preferences (user_id, language, ntfy_topic_url, discord_webhook_url, telegram_chat_id, choices, updated_at)
            VALUES (@UserId, @Language, @Ntfy, @Discord, @Telegram, @Choices, @At)
            ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, ntfy_topic_url = excluded.ntfy_topic_url,
                discord_webhook_url = excluded.discord_webhook_url, telegram_chat_id = excluded.telegram_chat_id, choices = excluded.choices, updated_at = excluded.updated_at
            """,
            new
            {
                preferences.UserId, preferences.Language, Ntfy = preferences.NtfyTopicUrl?.AbsoluteUri, Discord = preferences.DiscordWebhookUrl?.AbsoluteUri,
                Telegram = preferences.TelegramChatId, Choices = NotificationPreferences.FormatChoices(preferences.Choices), At = DbTime.Write(at),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Everyone who ticked anything, with their account (for role, maker and e-mail).</summary>
    public static async Task<IReadOnlyList<(UserAccount Person, NotificationPreferences Preferences)>> ListRecipientsAsync(DbSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<RecipientRow>(new CommandDefinition(
            """
            SELECT u.id AS Id, u.email AS Email, u.display_name AS DisplayName, u.role AS Role, u.maker_id AS AccountMakerId, u.disabled AS Disabled,
                   n.user_id AS UserId, n.language AS Language, n.ntfy_topic_url AS NtfyTopicUrl, n.discord_webhook_url AS DiscordWebhookUrl,
                   n.telegram_chat_id AS TelegramChatId, n.choices AS Choices
            FROM notification_preferences n JOIN users u ON u.id = n.user_id
            WHERE n.choices <> ''
            """,
            transaction: session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (new UserAccount(r.Id, r.Email, r.DisplayName, Enum.Parse<UserRole>(r.Role), r.AccountMakerId, r.Disabled), r.ToPreferences()))];
    }

    private const string Select =
        "SELECT user_id AS UserId, language AS Language, ntfy_topic_url AS NtfyTopicUrl, discord_webhook_url AS DiscordWebhookUrl, telegram_chat_id AS TelegramChatId, choices AS Choices FROM notification_preferences";

    private class Row
    {
        public string UserId { get; init; } = "";

        public string Language { get; init; } = "en";

        public string? NtfyTopicUrl { get; init; }

        public string? DiscordWebhookUrl { get; init; }

        public string? TelegramChatId { get; init; }

        public string Choices { get; init; } = "";

        public NotificationPreferences ToPreferences() => new(UserId, Language, NtfyTopicUrl is null ? null : new Uri(NtfyTopicUrl),
            DiscordWebhookUrl is null ? null : new Uri(DiscordWebhookUrl), TelegramChatId, NotificationPreferences.ParseChoices(Choices));
    }

    private sealed class RecipientRow : Row
    {
        public string Id { get; init; } = "";

        public string Email { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string Role { get; init; } = "";

        public string? AccountMakerId { get; init; }

        public bool Disabled { get; init; }
    }
}
