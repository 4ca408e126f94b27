using System.Security.Claims;
using MakerShop.Core;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Outbound;

/// <summary>The owner's and the maker's notification pages: the same form, for the person signed in, with the topics their role may hear.</summary>
public abstract class NotificationSettingsPageModel(NotificationSettingsForm form, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public NotificationSettingsView? View { get; private set; }

    public string? Message { get; private set; }

    protected abstract UserRole Role { get; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Message = saved ? text["Ntf.Saved"].Value : null;
        if (User.FindFirstValue(ShopClaims.UserId) is { } userId && User.FindFirstValue(ShopClaims.SecurityStamp) is not null)
        {
            View = await ViewAsync(userId, new Dictionary<string, string>(), new Dictionary<string, string>(), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(string[]? choice, string? ntfyTopicUrl, string? discordWebhookUrl, string? telegramChatId, CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ShopClaims.UserId) is not { } userId || User.FindFirstValue(ShopClaims.SecurityStamp) is null)
        {
            return Page();
        }

        var problems = await form.SaveAsync(userId, Role, choice ?? [], ntfyTopicUrl, discordWebhookUrl, telegramChatId, cancellationToken);
        if (problems is not null)
        {
            var typed = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ntfyTopicUrl"] = ntfyTopicUrl ?? "", ["discordWebhookUrl"] = discordWebhookUrl ?? "", ["telegramChatId"] = telegramChatId ?? "",
            };
            View = await ViewAsync(userId, problems, typed, cancellationToken);
            return Page();
        }

        await audit.RecordAsync(HttpContext, "NotificationSettingsSaved", userId, string.Join(',', choice ?? []));
        return LocalRedirect(Request.Path + "?saved=true");
    }

    private async Task<NotificationSettingsView> ViewAsync(string userId, IReadOnlyDictionary<string, string> problems, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken) =>
        new(User.FindFirstValue(ShopClaims.Email) ?? "", await form.LoadAsync(userId, cancellationToken), NotificationAudience.TopicsFor(Role),
            form.TelegramAvailable, form.GroupingWindowSeconds, problems, typed);
}
