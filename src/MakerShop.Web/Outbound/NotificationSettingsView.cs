using MakerShop.Core;

namespace MakerShop.Web.Outbound;

/// <summary>What the shared notification settings form shows: saved choices, or what was typed with what is wrong.</summary>
public sealed record NotificationSettingsView(
    string Email, NotificationPreferences Preferences, IReadOnlyList<NotificationTopic> Topics, bool TelegramAvailable, int GroupingWindowSeconds,
    IReadOnlyDictionary<string, string> Problems, IReadOnlyDictionary<string, string> Typed);
