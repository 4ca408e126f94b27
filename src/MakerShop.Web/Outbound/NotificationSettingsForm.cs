using System.Globalization;
using MakerShop.Core;
using MakerShop.Notifications;
using MakerShop.Notifications.Outbound;
using MakerShop.Storage.Stores;
using MakerShop.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Outbound;

/// <summary>
/// The notification settings form shared by the owner's and the maker's pages: which topics (only those the person's
/// role may hear) reach them on which channel, and where. Addresses pass the form rules, then the address policy.
/// </summary>
public sealed class NotificationSettingsForm(
    NotificationPreferenceStore store, OutboundUrl urls, IOptions<ChatOptions> chat, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public bool TelegramAvailable => !string.IsNullOrWhiteSpace(chat.Value.TelegramBotToken);

    public int GroupingWindowSeconds => chat.Value.GroupingWindowSeconds;

    public Task<NotificationPreferences> LoadAsync(string userId, CancellationToken cancellationToken) => store.GetAsync(userId, cancellationToken);

    /// <summary>Saves and returns null, or returns what is wrong per field (nothing saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> SaveAsync(
        string userId, UserRole role, IEnumerable<string> ticked, string? ntfy, string? discord, string? telegram, CancellationToken cancellationToken)
    {
        var allowed = NotificationAudience.TopicsFor(role);
        var choices = new List<NotificationChoice>();
        foreach (var value in ticked)
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && Enum.TryParse<NotificationTopic>(parts[0], out var topic) && Enum.TryParse<NotificationChannel>(parts[1], out var channel)
                && allowed.Contains(topic) && (channel != NotificationChannel.Telegram || TelegramAvailable))
            {
                choices.Add(new NotificationChoice(topic, channel));
            }
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var preferences = NotificationPreferences.Create(userId, language, ntfy, discord, telegram, choices, out var found);
        var problems = found.ToDictionary(p => p.Key, p => text["Ntf.Problem." + p.Value].Value, StringComparer.Ordinal);
        foreach (var (field, url) in new[] { ("ntfyTopicUrl", preferences.NtfyTopicUrl), ("discordWebhookUrl", preferences.DiscordWebhookUrl) })
        {
            if (url is not null && !problems.ContainsKey(field))
            {
                try
                {
                    await urls.CheckAsync(field, url.AbsoluteUri, cancellationToken);
                }
                catch (DomainValidationException ex)
                {
                    problems[field] = ProblemText.For(text, "Notify", field, ex.Message);
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        await store.SaveAsync(preferences, time.GetUtcNow(), cancellationToken);
        return null;
    }
}
