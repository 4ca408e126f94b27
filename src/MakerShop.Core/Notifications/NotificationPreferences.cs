using System.Text.RegularExpressions;

namespace MakerShop.Core;

/// <summary>
/// Which topics reach one person on which channel, and where each channel reaches them (e-mail goes to the address
/// they sign in with). <see cref="Language"/> is the page language they saved in, so messages come in it.
/// </summary>
public sealed partial record NotificationPreferences(
    string UserId, string Language, Uri? NtfyTopicUrl, Uri? DiscordWebhookUrl, string? TelegramChatId, IReadOnlySet<NotificationChoice> Choices)
{
    public static NotificationPreferences None(string userId) => new(userId, "en", null, null, null, new HashSet<NotificationChoice>());

    /// <summary>Checks what a person typed; every wrong field is named. A ticked channel with no address is refused.</summary>
    public static NotificationPreferences Create(
        string userId, string? language, string? ntfyTopicUrl, string? discordWebhookUrl, string? telegramChatId,
        IEnumerable<NotificationChoice> choices, out IReadOnlyDictionary<string, string> problems)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var ntfy = OptionalUrl(ntfyTopicUrl, "ntfyTopicUrl", found);
        var discord = OptionalUrl(discordWebhookUrl, "discordWebhookUrl", found);
        var chat = string.IsNullOrWhiteSpace(telegramChatId) ? null : telegramChatId.Trim();
        if (chat is not null && !TelegramChat().IsMatch(chat))
        {
            found["telegramChatId"] = "TelegramChatId";
        }

        var chosen = choices.ToHashSet();
        foreach (var channel in chosen.Select(c => c.Channel).Distinct())
        {
            var (field, missing) = channel switch
            {
                NotificationChannel.Ntfy => ("ntfyTopicUrl", ntfy is null),
                NotificationChannel.Discord => ("discordWebhookUrl", discord is null),
                NotificationChannel.Telegram => ("telegramChatId", chat is null),
                _ => ("", false),
            };
            if (missing && !found.ContainsKey(field))
            {
                found[field] = "ChannelNeedsAddress";
            }
        }

        problems = found;
        return new NotificationPreferences(userId, language is "fr" ? "fr" : "en", ntfy, discord, chat, chosen);
    }

    /// <summary>Whether this person asked for <paramref name="topic"/> on <paramref name="channel"/> and the channel can reach them.</summary>
    public bool Wants(NotificationTopic topic, NotificationChannel channel) =>
        Choices.Contains(new NotificationChoice(topic, channel)) && channel switch
        {
            NotificationChannel.Ntfy => NtfyTopicUrl is not null,
            NotificationChannel.Discord => DiscordWebhookUrl is not null,
            NotificationChannel.Telegram => TelegramChatId is not null,
            _ => true,
        };

    /// <summary>"PrintFailed:Email,PaymentArrived:Ntfy": how the choices are stored.</summary>
    public static string FormatChoices(IEnumerable<NotificationChoice> choices) =>
        string.Join(',', choices.OrderBy(c => c.Topic).ThenBy(c => c.Channel).Select(c => $"{c.Topic}:{c.Channel}"));

    /// <summary>Reads <see cref="FormatChoices"/>; a name a later version dropped is skipped rather than failing the page.</summary>
    public static IReadOnlySet<NotificationChoice> ParseChoices(string? stored)
    {
        var set = new HashSet<NotificationChoice>();
        foreach (var pair in (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && Enum.TryParse<NotificationTopic>(parts[0], out var topic) && Enum.TryParse<NotificationChannel>(parts[1], out var channel)
                && Enum.IsDefined(topic) && Enum.IsDefined(channel))
            {
                set.Add(new NotificationChoice(topic, channel));
            }
        }

        return set;
    }

    private static Uri? OptionalUrl(string? text, string field, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host)
            || !string.IsNullOrEmpty(url.UserInfo) || text.Trim().Length > 500)
        {
            problems[field] = "Url";
            return null;
        }

        return url;
    }

    // A numeric chat id (negative for groups) or a public channel's @name, as the Bot API takes them.
    [GeneratedRegex(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$")]
    private static partial Regex TelegramChat();
}
