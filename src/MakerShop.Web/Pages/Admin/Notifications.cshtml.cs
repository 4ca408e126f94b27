using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Outbound;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>The owner's own notifications: every topic, on the channels they choose.</summary>
public sealed class NotificationsModel(NotificationSettingsForm form, AuditTrail audit, IStringLocalizer<SharedResource> text)
    : NotificationSettingsPageModel(form, audit, text)
{
    protected override UserRole Role => UserRole.Owner;
}
