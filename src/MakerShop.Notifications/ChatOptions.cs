using System.ComponentModel.DataAnnotations;

namespace MakerShop.Notifications;

/// <summary>People's notifications over chat and push, bound from <c>MakerShop:Notifications:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "MakerShop:Notifications:Chat";

    /// <summary>Repeats of one kind about one subject within this time become one message.</summary>
    [Range(1, 86400)]
    public int GroupingWindowSeconds { get; set; } = 60;

    /// <summary>The shop's Telegram bot (from @BotFather); people give only their chat id. Without it Telegram is not offered.</summary>
    public string? TelegramBotToken { get; set; }

    [Required]
    [Url]
    public string TelegramApiBaseUrl { get; set; } = "https://api.telegram.org/";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;
}
