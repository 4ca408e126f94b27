using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Outbound;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Maker;

/// <summary>A maker's notifications: only about their own printers (failed prints, beds to clear, printers lost mid-print).</summary>
public sealed class NotificationsModel(NotificationSettingsForm form, AuditTrail audit, IStringLocalizer<SharedResource> text)
    : NotificationSettingsPageModel(form, audit, text)
{
    protected override UserRole Role => UserRole.Maker;
}
